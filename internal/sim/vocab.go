package sim

// area is one capability area: its subjects and problem templates. Every
// class draws from the same table.
type area struct {
	name     string
	numeric  bool // answers are numbers
	subjects []string
	problems []string
}

// Indexes into areas, for classes that stick to one area.
const (
	areaMath = iota
	areaCoding
	areaPhysics
	areaChemistry
	areaBiology
	areaHistory
	areaEconomics
	areaLaw
	areaMedicine
	areaWriting
	areaCooking
	areaTravel
)

var areas = []area{
	{name: "math", numeric: true,
		subjects: []string{"the quadratic formula", "integration by parts", "eigenvalues", "the chain rule", "prime factorization", "conditional probability", "Bayes' theorem", "geometric series", "modular arithmetic", "the binomial theorem", "linear regression", "limits", "vector spaces", "logarithms", "matrix multiplication", "combinatorics", "the pigeonhole principle"},
		problems: []string{
			"Solve for x: $a x + $b = $c.",
			"Find the derivative of f(x) = $a x^$n + $b x - $c.",
			"What is the sum of the first $n terms of a geometric series with first term $a and ratio 1/$b?",
			"A bag holds $a red and $b blue marbles. Two are drawn without replacement. What is the probability that both are red?",
			"Compute the definite integral of $a x^$n from 0 to $b.",
			"In how many ways can $n people sit around a round table?",
			"Find all integers x between 0 and $p with x^2 = $a (mod $p).",
			"A train leaves at $a:00 going $num km/h; another leaves $b hours later going faster by $c km/h. When does the second catch up?",
			"Prove that the sum of the first $n odd numbers is a perfect square.",
			"What is the determinant of the 2x2 matrix [[$a, $b], [$c, $n]]?",
			"How many subsets of a set with $n elements have exactly $b elements?",
		}},
	{name: "coding",
		subjects: []string{"recursion", "hash maps", "binary search", "goroutines", "async/await", "SQL joins", "REST APIs", "unit testing", "regular expressions", "git rebase", "memory leaks", "dynamic programming", "linked lists", "Docker volumes", "race conditions", "dependency injection", "closures"},
		problems: []string{
			"Write a $lang function that returns the $n-th Fibonacci number.",
			"Write a $lang function that checks whether a string is a palindrome, ignoring punctuation.",
			"Implement binary search in $lang over a sorted list of $num integers.",
			"Write a SQL query that finds the top $n customers by total order value in the last $b days.",
			"Fix the bug in this $lang code:\n$snippet",
			"Write a $lang program that reads a CSV file and prints the average of column $n.",
			"Refactor $func in $file so that it no longer allocates on every call.",
			"Explain why this $lang code deadlocks and how to fix it:\n$snippet",
			"Write unit tests in $lang for a function that merges two sorted lists.",
			"Implement an LRU cache with capacity $num in $lang.",
		}},
	{name: "physics", numeric: true,
		subjects: []string{"Newton's second law", "conservation of momentum", "the photoelectric effect", "special relativity", "entropy", "Ohm's law", "projectile motion", "angular momentum", "wave interference", "the Doppler effect", "black-body radiation", "buoyancy"},
		problems: []string{
			"A ball is thrown upward at $a m/s. How high does it rise, ignoring air resistance?",
			"A $a kg block slides down a frictionless ramp of height $b m. What is its speed at the bottom?",
			"Two resistors of $a and $b ohms are connected in parallel across $c volts. What current flows?",
			"A car accelerates from rest at $a m/s^2 for $b seconds. How far does it travel?",
			"What is the wavelength of a photon with energy $a eV?",
			"A pendulum of length $a cm swings with small amplitude. What is its period?",
		}},
	{name: "chemistry", numeric: true,
		subjects: []string{"oxidation states", "Le Chatelier's principle", "molarity", "buffer solutions", "electronegativity", "reaction kinetics", "stoichiometry", "hybridization", "the ideal gas law", "titration curves", "enthalpy of formation", "chirality"},
		problems: []string{
			"How many grams of NaCl are needed to make $num mL of a $a M solution?",
			"Balance the equation: C$n H$c + O2 -> CO2 + H2O.",
			"What is the pH of a $a mM solution of HCl?",
			"A gas occupies $num mL at $a atm. What volume does it occupy at $b atm at constant temperature?",
			"Calculate the enthalpy change when $a g of methane burns completely.",
			"Predict the major product when 2-bromo-$n-methylhexane reacts with sodium ethoxide.",
		}},
	{name: "biology",
		subjects: []string{"mitosis", "photosynthesis", "the Krebs cycle", "CRISPR", "natural selection", "protein folding", "the immune response", "gene expression", "enzyme inhibition", "the nitrogen cycle", "neurotransmitters", "meiosis"},
		problems: []string{
			"Explain how $subject differs from $subject2.",
			"A population of $num rabbits grows by $a percent a year. How large is it after $n years?",
			"What would happen to a cell if $subject stopped working?",
			"Design an experiment to test whether $subject affects plant growth.",
			"In a cross between two heterozygous parents, what fraction of offspring show the recessive trait?",
		}},
	{name: "history",
		subjects: []string{"the French Revolution", "the Industrial Revolution", "the fall of Rome", "the Cold War", "the Meiji Restoration", "the printing press", "the Silk Road", "the Reformation", "decolonization", "the Ottoman Empire", "the Treaty of Westphalia"},
		problems: []string{
			"What were the main causes of $subject?",
			"Compare $subject with $subject2 in their economic consequences.",
			"Why did $subject happen when it did and not a century earlier?",
			"Write a short essay on the legacy of $subject.",
			"What happened in $year in $city?",
		}},
	{name: "economics",
		subjects: []string{"inflation", "comparative advantage", "price elasticity", "monetary policy", "the yield curve", "externalities", "game theory", "compound interest", "supply shocks", "marginal cost", "index funds"},
		problems: []string{
			"If a loan of $num dollars has $a percent annual interest compounded monthly, what is owed after $n years?",
			"Explain how $subject affects $subject2.",
			"A firm's marginal cost is $a + $b q. At what quantity does it maximize profit if the price is $num?",
			"Should a small business with $num dollars in savings pay down debt or invest?",
		}},
	{name: "law",
		subjects: []string{"contract formation", "fair use", "GDPR consent", "tenant rights", "non-compete clauses", "negligence", "intellectual property", "employment law", "data retention", "trademarks"},
		problems: []string{
			"Is a verbal agreement about $subject enforceable?",
			"My landlord in $city kept my deposit of $num dollars. What can I do?",
			"Summarize the key points of $subject for a startup.",
			"Draft a clause about $subject for a services contract.",
		}},
	{name: "medicine",
		subjects: []string{"hypertension", "type 2 diabetes", "vitamin D", "migraines", "sleep apnea", "antibiotic resistance", "cholesterol", "iron deficiency", "seasonal allergies", "back pain"},
		problems: []string{
			"What are common treatments for $subject?",
			"Is it safe to take ibuprofen with $subject?",
			"Explain the lab result: $subject marker at $num units.",
			"What lifestyle changes help with $subject?",
		}},
	{name: "writing",
		subjects: []string{"a cover letter", "a wedding toast", "a product description", "a haiku", "a short story", "a blog post", "a LinkedIn post", "an apology email", "a poem", "a speech"},
		problems: []string{
			"Write $subject about $product for $name.",
			"Write $subject set in $city in $year.",
			"Make $subject sound more professional.",
			"Write $subject in the style of a pirate.",
		}},
	{name: "cooking",
		subjects: []string{"sourdough", "risotto", "ramen broth", "vegan desserts", "meal prep", "knife skills", "fermentation", "curry", "pasta dough", "smoking brisket"},
		problems: []string{
			"Give me a recipe for $subject for $n people.",
			"How do I scale a recipe for $subject from $a to $b servings?",
			"What can I cook with rice, eggs and $product?",
			"Why did my $subject turn out dense?",
		}},
	{name: "travel",
		subjects: []string{"a weekend in $city", "train travel in Europe", "visa rules", "packing light", "travel insurance", "a road trip", "hiking trails", "street food"},
		problems: []string{
			"Plan a $n-day itinerary for $city on a budget of $num dollars.",
			"What should I know before visiting $city in winter?",
			"Compare flying and taking the train from $city to $city.",
		}},
}

var facts = []string{
	"$subject is {one of the|a} {key|central|basic} {ideas|concepts} in $area.",
	"{First|To start}, {note|recall} that $subject {depends on|is closely related to|builds on} $subject2.",
	"{So|Therefore|Hence} the {result|answer} is $answer.",
	"A common {mistake|pitfall} is to {ignore|forget about|confuse it with} $subject2.",
	"{In practice|Usually}, $subject {matters most|shows up} when {working with|thinking about} $subject2.",
	"{For example|For instance}, consider $subject in the case of $num units.",
	"{This|That} {follows from|is a consequence of} $subject.",
	"{Let's|We can} {check|verify} this with a small example.",
}

var languages = []string{"Python", "Go", "JavaScript", "TypeScript", "Rust", "Java", "C++", "C#", "Ruby", "Kotlin", "Swift", "PHP"}

var names = []string{"Alex", "Maria", "Sam", "Priya", "Jonas", "Chen", "Fatima", "Lucas", "Aiko", "Omar", "Elena", "Noah", "Zoe", "Ravi", "Ingrid"}

var cities = []string{"Lisbon", "Tokyo", "Nairobi", "Austin", "Berlin", "Montreal", "Seoul", "Lima", "Krakow", "Melbourne", "Istanbul", "Oslo", "Hanoi", "Denver"}

var products = []string{"a standing desk", "noise-cancelling headphones", "a smart thermostat", "a budgeting app", "running shoes", "a coffee grinder", "an e-bike", "a password manager", "a yoga mat", "a cloud backup plan"}

var files = []string{"main.go", "server.py", "index.ts", "utils/parse.js", "src/lib.rs", "app/models.py", "cmd/root.go", "components/Table.tsx", "handlers/user.go", "tests/test_api.py"}

var funcs = []string{"parseConfig", "handleRequest", "loadUsers", "mergeIntervals", "retryWithBackoff", "renderTable", "normalizePath", "computeTotals", "flushBuffer", "validateInput"}

var snippets = []string{
	"for i := 0; i <= len(xs); i++ \\{ total += xs[i] \\}",
	"def avg(xs):\n    return sum(xs) / len(xs) if xs else 0",
	"const data = await fetch(url).json();",
	"let mut v = vec![1, 2, 3];\nfor x in &v \\{ v.push(*x); \\}",
	"mu.Lock()\nif cache[k] == nil \\{ return load(k) \\}\nmu.Unlock()",
	"SELECT name, COUNT(*) FROM orders JOIN users GROUP BY name;",
	"if (user = null) \\{ throw new Error('no user'); \\}",
}

var docLines = []string{
	"{Orders|Returns|Refunds} are processed within $n business days.",
	"Customers on the {Pro|Business|Starter} plan can {export|share|archive} up to $num {reports|projects|files}.",
	"To reset a password, open Settings > Security and choose {Reset|Change} password.",
	"{Shipping|Delivery} to $city takes $n to $b days.",
	"$product is covered by a $n-year warranty.",
	"Support is available {24/7|on weekdays|from 9 to 5} by {chat|email|phone}.",
	"Invoices are sent on the {first|last} day of each month.",
	"Accounts inactive for $num days are {archived|suspended}.",
}

var rubrics = []string{
	"{Score|Rate|Grade} {correctness|accuracy} from 1 to {5|10}.",
	"Deduct {a point|points} for {missing steps|unclear reasoning|wrong units}.",
	"Award full marks only if the final answer is {correct|exactly right} and {justified|explained}.",
	"Check {clarity|helpfulness|harmlessness} and {completeness|faithfulness}.",
}
