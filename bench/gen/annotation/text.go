package annotation

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// The text machinery below is shared by every class, legitimate or not:
// the same banks, templates and phrasing pieces. What differs between the
// classes is which pieces they draw, how often, and with what knobs.

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

func between(r *rand.Rand, lo, hi int) int { return lo + r.IntN(hi-lo+1) }

// expand fills the {slot} placeholders of a template: {bank} draws from
// slotBank (a trailing digit names a second draw from the same bank, as
// in {name2}); {n:lo:hi} draws an integer (a fourth field names another
// draw). A placeholder repeated in one template keeps its value. Unknown
// or empty braces are left as they are.
func expand(r *rand.Rand, tmpl string) string {
	if !strings.Contains(tmpl, "{") {
		return tmpl
	}
	memo := map[string]string{}
	var b strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			b.WriteString(tmpl)
			break
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			b.WriteString(tmpl)
			break
		}
		tok := tmpl[i+1 : i+j]
		if strings.ContainsAny(tok, "{\n ") {
			b.WriteString(tmpl[:i+1])
			tmpl = tmpl[i+1:]
			continue
		}
		val, ok := memo[tok]
		if !ok {
			val, ok = slotValue(r, tok)
			if ok {
				memo[tok] = val
			}
		}
		b.WriteString(tmpl[:i])
		if ok {
			b.WriteString(val)
		} else {
			b.WriteString(tmpl[i : i+j+1])
		}
		tmpl = tmpl[i+j+1:]
	}
	return b.String()
}

func slotValue(r *rand.Rand, tok string) (string, bool) {
	if strings.HasPrefix(tok, "n:") {
		f := strings.Split(tok, ":")
		if len(f) < 3 {
			return "", false
		}
		lo, err1 := strconv.Atoi(f[1])
		hi, err2 := strconv.Atoi(f[2])
		if err1 != nil || err2 != nil || hi < lo {
			return "", false
		}
		return strconv.Itoa(between(r, lo, hi)), true
	}
	bank := strings.TrimRight(tok, "0123456789")
	if xs, ok := slotBank[bank]; ok && bank != "" {
		return pick(r, xs), true
	}
	return "", false
}

var slotBank = map[string][]string{
	"name":       {"Maya", "Liam", "Priya", "Mateo", "Aisha", "Noah", "Sofia", "Kenji", "Fatima", "Lucas", "Amara", "Ethan", "Chloe", "Ravi", "Elena", "Omar", "Hana", "Diego", "Zara", "Jonas", "Leila", "Marcus", "Ingrid", "Tariq", "Nadia", "Kofi", "Yuki", "Carmen", "Felix", "Anya", "Samuel", "Grace", "Arjun", "Lina", "Tomás", "Emma", "Ji-woo", "Olu", "Beatriz", "Pavel"},
	"lname":      {"Nguyen", "Okafor", "Schmidt", "García", "Patel", "Kowalski", "Haddad", "Tanaka", "Silva", "Johansson", "Murphy", "Rossi", "Mensah", "Cohen", "Dubois", "Kim", "Andersen", "Reyes", "Singh", "Walker"},
	"city":       {"Lisbon", "Kyoto", "Mexico City", "Cape Town", "Chicago", "Hanoi", "Edinburgh", "Buenos Aires", "Seoul", "Istanbul", "Vancouver", "Marrakesh", "Prague", "Bangkok", "Nairobi", "Melbourne", "Oslo", "Lima", "Montreal", "Tbilisi", "Porto", "Taipei"},
	"ingredient": {"eggs", "butter", "buttermilk", "heavy cream", "sour cream", "brown sugar", "cornstarch", "white wine", "fish sauce", "tahini", "shallots", "fresh basil", "honey", "yeast"},
	"dish":       {"banana bread", "carbonara", "pad thai", "pancakes", "chocolate chip cookies", "mushroom risotto", "a spinach quiche", "shakshuka", "lasagna", "a chickpea curry", "focaccia", "French onion soup"},
	"relation":   {"boss", "landlord", "sister", "coworker", "neighbor", "professor", "best friend", "mother-in-law", "team", "client", "roommate", "son's teacher"},
	"event":      {"a wedding invitation", "a job offer", "a meeting on Friday", "a dinner party", "a volunteering request", "a conference talk", "a weekend trip", "a freelance project"},
	"pair":       {"a Roth IRA and a traditional IRA", "baking soda and baking powder", "a virus and a bacterium", "weather and climate", "a credit score and a credit report", "stocks and bonds", "affect and effect", "a latte and a flat white", "HIIT and steady-state cardio", "an LLC and a sole proprietorship", "a hurricane and a typhoon", "empathy and sympathy", "a debit card and a credit card", "an APR and an APY"},
	"book":       {"Pride and Prejudice", "1984", "The Great Gatsby", "Dune", "Beloved", "One Hundred Years of Solitude", "The Hobbit", "Frankenstein", "Things Fall Apart", "The Remains of the Day", "Norwegian Wood", "Moby-Dick"},
	"hobby":      {"hiking", "baking", "chess", "gardening", "photography", "vintage cars", "board games", "knitting", "jazz", "rock climbing", "birdwatching", "anime"},
	"product":    {"used car", "laptop for video editing", "road bike", "standing desk", "espresso machine", "mattress", "mirrorless camera", "robot vacuum", "pair of running shoes", "air purifier", "e-reader", "heat pump"},
	"concept5":   {"inflation", "black holes", "how vaccines work", "compound interest", "photosynthesis", "how the internet works", "blockchain", "gravity", "how airplanes stay up", "why we dream", "interest rates", "the stock market"},
	"thing":      {"autumn rain", "a cat on a windowsill", "the first day of spring", "a lighthouse", "city traffic at night", "an old oak tree", "coffee in the morning", "a train leaving the station"},
	"lang":       {"Python", "JavaScript", "TypeScript", "Go", "Rust", "Java", "C#", "Kotlin", "Ruby", "PHP", "C++", "Swift"},
	"tongue":     {"Spanish", "French", "German", "Japanese", "Portuguese", "Italian", "Korean", "Dutch", "Turkish", "Hindi"},
	"phrase":     {"Where is the nearest pharmacy?", "I'm allergic to peanuts.", "Could we reschedule to next week?", "Thank you for your patience.", "The meeting is postponed.", "How much does this cost?", "Happy birthday, grandma!", "I'd like to return this item."},
	"problem":    {"fruit flies", "mold", "ants", "a musty smell", "hard water stains", "condensation", "squeaky floorboards"},
	"place":      {"kitchen", "bathroom", "basement", "car", "closet", "garden"},
	"bodypart":   {"lower back", "knee", "shoulder", "neck", "wrist", "hip"},
	"pet":        {"golden retriever puppy", "black cat", "bakery", "coffee shop", "podcast", "fantasy football team", "hiking club", "newsletter"},
	"news":       {"my new job as a data analyst", "our seed round", "my graduation", "the launch of our app", "my promotion to team lead", "our company's tenth anniversary"},
	"diet":       {"vegetarian", "high-protein", "low-FODMAP", "Mediterranean", "budget", "gluten-free"},
	"unit":       {"cups of flour to grams", "miles to kilometers", "Fahrenheit to Celsius", "ounces to milliliters", "square feet to square meters", "pounds to kilograms"},
	"phenom":     {"my bread not rise", "the moon look bigger near the horizon", "my phone battery drain faster in the cold", "ice float", "my ears pop on a plane", "the sky turn red at sunset", "coffee keep me awake", "my cat knead blankets"},
	"activity":   {"drink coffee", "run", "take ibuprofen", "fly", "eat sushi", "lift weights", "get a tattoo"},
	"condition":  {"pregnant", "on antibiotics", "recovering from a cold", "breastfeeding", "fasting"},
	"role":       {"data analyst", "product manager", "backend engineer", "nurse", "graphic designer", "sales lead", "teacher", "accountant", "UX researcher", "warehouse supervisor"},
	"wordA":      {"Blue", "North", "Bright", "Silver", "Peak", "Harbor", "Maple", "Cedar", "Nova", "Summit", "Atlas", "Pine", "Orbit", "Copper", "Lumen", "Vertex", "Willow", "Granite", "Echo", "Coral", "Ember", "Juniper", "Quill", "Tidal"},
	"wordB":      {"Labs", "Logistics", "Health", "Outfitters", "Bank", "Telecom", "Insurance", "Travel", "Foods", "Energy", "Realty", "Software", "Dental", "Fitness", "Motors", "Apparel", "Pharmacy", "Airways", "Books", "Home", "Mobility", "Analytics"},
	"noun":       {"order", "user", "invoice", "session", "packet", "record", "token", "event", "account", "shipment", "ticket", "payment", "customer", "report", "message", "item", "job", "batch"},
	"element":    {"sodium", "chlorine", "iron", "copper", "carbon", "nitrogen", "calcium", "magnesium"},
	"acid":       {"acetic acid", "hydrochloric acid", "formic acid", "nitric acid", "benzoic acid"},
	"country":    {"Germany", "Japan", "Brazil", "Canada", "India", "Kenya", "France", "Australia", "Mexico", "South Korea"},
	"framework":  {"React", "Django", "Spring Boot", "Express", "FastAPI", "Rails", "Laravel", "Next.js", "Flask", "Gin"},
	"db":         {"Postgres", "MySQL", "SQLite", "MongoDB", "Redis", "DynamoDB"},
	"tool":       {"Docker", "Kubernetes", "git", "Terraform", "GitHub Actions", "nginx", "systemd", "cron"},
}

// ---- everyday questions ----

var everydayTmpl = []string{
	"What's a good substitute for {ingredient} in {dish}?",
	"Give me a {n:2:5}-day itinerary for {city}.",
	"Write a polite email to my {relation} declining {event}.",
	"What's the difference between {pair}?",
	"Summarize the plot of {book} in {n:3:6} sentences.",
	"Suggest {n:5:12} names for a {pet}.",
	"How do I get rid of {problem} in my {place}?",
	"Is it safe to {activity} while {condition}?",
	"Translate \"{phrase}\" into {tongue}.",
	"Help me write a birthday message for my {relation} who loves {hobby}.",
	"What are some good stretches for {bodypart} pain?",
	"Explain {concept5} like I'm five.",
	"Write a haiku about {thing}.",
	"What should I look for when buying a {product}?",
	"How do I convert {unit}?",
	"Why does {phenom}?",
	"Draft a LinkedIn post announcing {news}.",
	"Make a grocery list for a week of {diet} meals for {n:1:4} people.",
	"Plan a {n:20:60}-minute workout I can do at home with no equipment.",
	"What's a fun weekend project for someone into {hobby}?",
	"Rewrite this to sound more professional: \"hey, can u send me the report by tmrw, thx\"",
	"I have {ingredient}, rice and some vegetables. What can I cook tonight?",
	"How do I politely ask my {relation} to stop {activity2}?",
	"Write a short toast for my {relation}'s retirement party.",
	"Give me {n:3:8} icebreaker questions for a team meeting.",
	"What's the best way to learn {tongue} in {n:3:12} months?",
	"How much should I tip in {country}?",
	"Can you explain how {concept5} affects everyday life?",
	"Write a cover letter opening for a {role} position.",
	"What are the pros and cons of {pair2}?",
	"Tell me a fun fact about {city}.",
	"How many calories are in a serving of {dish}?",
	"My {pet} keeps waking me up at night. Any tips?",
	"Give me a study plan for an exam in {n:2:6} weeks on {subject}.",
	"How do I negotiate a higher salary as a {role}?",
}

func init() {
	slotBank["activity2"] = []string{"borrowing my stuff", "calling after 10pm", "parking in my spot", "interrupting me in meetings", "playing loud music"}
	slotBank["pair2"] = []string{"renting vs. buying a home", "leasing vs. buying a car", "a gap year", "freelancing", "remote work", "an electric car", "moving abroad"}
	slotBank["subject"] = []string{"organic chemistry", "statistics", "microeconomics", "linear algebra", "world history", "cell biology", "thermodynamics", "accounting", "data structures", "anatomy"}
}

func everyday(r *rand.Rand) string { return expand(r, pick(r, everydayTmpl)) }

// ---- coding ----

var codeTasks = []string{
	"checks whether a string is a palindrome, ignoring punctuation",
	"merges two sorted lists into one sorted list",
	"returns the n-th Fibonacci number using memoization",
	"finds the longest substring without repeating characters",
	"parses a CSV file and returns the average of a given column",
	"implements an LRU cache with get and put in O(1)",
	"groups a list of words into anagrams",
	"validates an email address",
	"flattens an arbitrarily nested list",
	"counts word frequencies in a text file and prints the top 10",
	"retries an HTTP request with exponential backoff",
	"converts a Roman numeral to an integer",
	"finds all pairs in an array that sum to a target",
	"rotates a matrix 90 degrees clockwise",
	"checks whether parentheses in a string are balanced",
	"computes the median of a stream of numbers",
	"removes duplicates from a list while keeping the order",
	"does binary search on a sorted array",
	"implements a rate limiter with a token bucket",
	"serializes a binary tree to a string and back",
	"reads a large log file line by line and counts errors per hour",
	"debounces a function call",
	"computes the Levenshtein distance between two strings",
	"topologically sorts a dependency graph",
}

var howToTasks = []string{
	"read a JSON file", "sort a map by value", "make an HTTP request with a timeout", "parse command-line flags",
	"handle SIGTERM gracefully", "write a unit test for a function that calls an API", "connect to {db}",
	"run tasks concurrently and collect the errors", "read environment variables with defaults", "stream a large file upload",
	"deep copy an object", "format a date as ISO 8601", "hash a password securely", "paginate results from a REST API",
	"set up logging with JSON output", "mock the current time in tests", "deploy with {tool}", "profile memory usage",
}

var codeErrors = map[string][]string{
	"Python":     {"TypeError: 'NoneType' object is not subscriptable", "KeyError: 'id'", "IndentationError: unexpected indent", "RecursionError: maximum recursion depth exceeded", "ModuleNotFoundError: No module named 'requests'", "ValueError: too many values to unpack (expected 2)"},
	"JavaScript": {"TypeError: Cannot read properties of undefined (reading 'map')", "ReferenceError: fetch is not defined", "Unhandled promise rejection", "SyntaxError: Unexpected token '<' in JSON at position 0"},
	"Go":         {"panic: runtime error: invalid memory address or nil pointer dereference", "fatal error: all goroutines are asleep - deadlock!", "cannot use x (variable of type int) as string value", "declared and not used: err"},
	"Java":       {"java.lang.NullPointerException", "java.util.ConcurrentModificationException", "error: incompatible types: possible lossy conversion from double to int"},
	"Rust":       {"error[E0502]: cannot borrow `v` as mutable because it is also borrowed as immutable", "error[E0382]: borrow of moved value: `s`", "error[E0308]: mismatched types"},
}

var codeDiffPairs = []string{
	"a list and a tuple in Python", "`let` and `const` in JavaScript", "a goroutine and a thread", "an interface and an abstract class in Java",
	"`==` and `===` in JavaScript", "a process and a thread", "`Box<T>` and `Rc<T>` in Rust", "SQL JOIN and a subquery",
	"REST and GraphQL", "a mutex and a channel in Go", "async/await and promises", "a shallow copy and a deep copy",
}

// codingQ is an ordinary developer's question.
func codingQ(r *rand.Rand) string {
	switch r.IntN(8) {
	case 0, 1:
		return expand(r, "How do I "+pick(r, howToTasks)+" in {lang}?")
	case 2:
		lang := pick(r, []string{"Python", "JavaScript", "Go", "Java", "Rust"})
		return "Why am I getting `" + pick(r, codeErrors[lang]) + "` in my " + lang + " code?\n\n```" + strings.ToLower(lang) + "\n" + codeSnippet(r, lang, 150) + "```"
	case 3:
		return expand(r, "Write a {lang} function that "+pick(r, codeTasks)+".")
	case 4:
		return "What's the difference between " + pick(r, codeDiffPairs) + "?"
	case 5:
		lang := pick(r, []string{"Python", "JavaScript", "Go", "TypeScript"})
		return codeAsk(r) + "\n\n```" + strings.ToLower(lang) + "\n" + codeSnippet(r, lang, between(r, 200, 1200)) + "```"
	case 6:
		return expand(r, pick(r, []string{
			"Write a SQL query that returns the top {n:3:10} customers by total order value in the last {n:2:12} months. Tables: customers(id, name), orders(id, customer_id, total, created_at).",
			"Explain what this regex does: ^(?=.*[A-Z])(?=.*\\d)[A-Za-z\\d@$!%*?&]{8,}$",
			"How should I structure a {framework} project for a medium-sized app?",
			"What's the best way to cache responses from {db} in a {framework} app?",
			"Write a Dockerfile for a {framework} app with a multi-stage build.",
			"Set up a GitHub Actions workflow that runs tests for a {lang} project on every push.",
		}))
	default:
		return expand(r, "Convert this to {lang}:\n\n```python\n"+codeSnippet(r, "Python", between(r, 120, 500))+"```")
	}
}

// codeAsk is what people ask about a piece of code; the same pieces serve
// students, developers, reviewers and harvesters.
func codeAsk(r *rand.Rand) string {
	return pick(r, []string{
		"Can you explain what this code does?",
		"Explain this code line by line.",
		"Walk me through this function step by step.",
		"Review this code and suggest improvements.",
		"Is there a bug in this code?",
		"How can I make this faster?",
		"Explain this code line by line, then give an improved version.",
		"What does each part of this do? Please go through it line by line and then rewrite it more idiomatically.",
		"Please review the following code. Explain what every line does and provide a refactored version with comments explaining each change.",
		"Add comments to this code and explain the tricky parts.",
		"Refactor this for readability and explain your changes.",
		"Explain the logic here in detail, then show a cleaner implementation.",
		"Can you do a thorough code review? Go through it line by line, point out issues, and give a corrected version.",
		"I inherited this code. Explain how it works step by step and tell me what you would change.",
		"Write unit tests for this code and explain what each test covers.",
		"What is the time complexity of this, and how would you improve it?",
	})
}

// ---- code snippets ----

var pyFuncs = []string{
	`def {fn}({a}, {b}=None):
    """Return the {noun}s in {a} that match {b}."""
    result = []
    for i, {x} in enumerate({a}):
        if {x} is None:
            continue
        if {b} is not None and {x}.get("status") != {b}:
            continue
        result.append(({x}["id"], i))
    return result
`,
	`def {fn}({a}):
    total = 0
    seen = set()
    for {x} in {a}:
        key = ({x}.{noun}_id, {x}.created_at.date())
        if key in seen:
            continue
        seen.add(key)
        total += {x}.amount * (1 - {x}.discount)
    return round(total, 2)
`,
	`class {cls}:
    def __init__(self, capacity={n:8:256}):
        self.capacity = capacity
        self.items = {}
        self.order = []

    def get(self, key):
        if key not in self.items:
            return None
        self.order.remove(key)
        self.order.append(key)
        return self.items[key]

    def put(self, key, value):
        if key in self.items:
            self.order.remove(key)
        elif len(self.items) >= self.capacity:
            oldest = self.order.pop(0)
            del self.items[oldest]
        self.items[key] = value
        self.order.append(key)
`,
	`def {fn}(path):
    counts = {}
    with open(path) as f:
        for line in f:
            parts = line.strip().split(",")
            if len(parts) < {n:3:6}:
                continue
            {x} = parts[{n:0:2}]
            counts[{x}] = counts.get({x}, 0) + 1
    return sorted(counts.items(), key=lambda kv: kv[1], reverse=True)[:10]
`,
	`async def {fn}(session, url, retries={n:2:5}):
    for attempt in range(retries):
        try:
            async with session.get(url, timeout={n:5:30}) as resp:
                if resp.status == 429:
                    await asyncio.sleep(2 ** attempt)
                    continue
                resp.raise_for_status()
                return await resp.json()
        except aiohttp.ClientError as e:
            logger.warning("attempt %d failed: %s", attempt, e)
    raise RuntimeError(f"giving up on {url}")
`,
	`def {fn}({a}):
    if len({a}) <= 1:
        return {a}
    pivot = {a}[len({a}) // 2]
    left = [x for x in {a} if x < pivot]
    middle = [x for x in {a} if x == pivot]
    right = [x for x in {a} if x > pivot]
    return {fn}(left) + middle + {fn}(right)
`,
	`@app.route("/api/{noun}s/<int:{noun}_id>", methods=["GET", "PUT"])
def {fn}({noun}_id):
    {x} = db.session.get({cls}, {noun}_id)
    if {x} is None:
        abort(404)
    if request.method == "PUT":
        data = request.get_json()
        for field in ("name", "status", "notes"):
            if field in data:
                setattr({x}, field, data[field])
        db.session.commit()
    return jsonify({x}.to_dict())
`,
	`def {fn}(text):
    words = re.findall(r"[a-zA-Z']+", text.lower())
    freq = collections.Counter(w for w in words if w not in STOPWORDS)
    top = freq.most_common({n:5:20})
    width = max(len(w) for w, _ in top)
    for w, c in top:
        print(f"{w:<{width}} {'#' * c}")
    return top
`,
}

var jsFuncs = []string{
	`export async function {fn}({a}, options = {}) {
  const { retries = {n:2:5}, timeout = {n:1000:9000} } = options;
  for (let attempt = 0; attempt <= retries; attempt++) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeout);
    try {
      const res = await fetch({a}, { signal: controller.signal });
      if (!res.ok) throw new Error("HTTP " + res.status);
      return await res.json();
    } catch (err) {
      if (attempt === retries) throw err;
      await new Promise((r) => setTimeout(r, 2 ** attempt * 250));
    } finally {
      clearTimeout(timer);
    }
  }
}
`,
	`function {fn}({a}) {
  const groups = {};
  for (const {x} of {a}) {
    const key = {x}.{noun}Id ?? "unknown";
    if (!groups[key]) groups[key] = [];
    groups[key].push({x});
  }
  return Object.entries(groups)
    .map(([id, items]) => ({ id, count: items.length, total: items.reduce((s, i) => s + i.amount, 0) }))
    .sort((p, q) => q.total - p.total);
}
`,
	`export function use{cls}(query) {
  const [data, setData] = useState(null);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    if (!query) return;
    let cancelled = false;
    setLoading(true);
    api.search(query).then((res) => {
      if (!cancelled) setData(res.items);
    }).finally(() => !cancelled && setLoading(false));
    return () => { cancelled = true; };
  }, [query]);
  return { data, loading };
}
`,
	`const {fn} = (fn, wait = {n:100:500}) => {
  let t;
  return (...args) => {
    clearTimeout(t);
    t = setTimeout(() => fn.apply(this, args), wait);
  };
};
`,
	`router.post("/{noun}s", async (req, res) => {
  const { name, email, plan } = req.body;
  if (!name || !email) {
    return res.status(400).json({ error: "name and email are required" });
  }
  const existing = await db.{noun}.findUnique({ where: { email } });
  if (existing) return res.status(409).json({ error: "already exists" });
  const {x} = await db.{noun}.create({ data: { name, email, plan: plan || "free" } });
  res.status(201).json({x});
});
`,
}

var goFuncs = []string{
	`func {fn}(ctx context.Context, {a} []{cls}) (map[string]int, error) {
	out := make(map[string]int, len({a}))
	for _, {x} := range {a} {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if {x}.Status == "" {
			continue
		}
		out[{x}.Status]++
	}
	return out, nil
}
`,
	`func (s *Server) {fn}(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	{x}, err := s.store.Get{cls}(r.Context(), id)
	if errors.Is(err, ErrNotFound) {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	if err != nil {
		s.log.Error("get {noun}", "id", id, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode({x})
}
`,
	`func {fn}(jobs <-chan {cls}, workers int) []error {
	var (
		mu   sync.Mutex
		errs []error
		wg   sync.WaitGroup
	)
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if err := j.Run(); err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	return errs
}
`,
	`type {cls} struct {
	mu       sync.Mutex
	tokens   float64
	capacity float64
	rate     float64
	last     time.Time
}

func (b *{cls}) Allow(now time.Time) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.tokens += now.Sub(b.last).Seconds() * b.rate
	if b.tokens > b.capacity {
		b.tokens = b.capacity
	}
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}
`,
}

var javaFuncs = []string{
	`public List<{cls}> {fn}(List<{cls}> {a}, LocalDate since) {
    List<{cls}> result = new ArrayList<>();
    for ({cls} {x} : {a}) {
        if ({x}.getCreatedAt() == null || {x}.getCreatedAt().isBefore(since)) {
            continue;
        }
        if ({x}.getAmount().compareTo(BigDecimal.ZERO) > 0) {
            result.add({x});
        }
    }
    result.sort(Comparator.comparing({cls}::getAmount).reversed());
    return result;
}
`,
	`@Transactional
public {cls} {fn}(Long id, {cls}Request req) {
    {cls} {x} = repository.findById(id)
        .orElseThrow(() -> new NotFoundException("{noun} " + id));
    if (req.getStatus() != null) {
        {x}.setStatus(req.getStatus());
    }
    {x}.setUpdatedAt(Instant.now());
    auditLog.record("{noun}.updated", id);
    return repository.save({x});
}
`,
}

func init() {
	slotBank["fn"] = []string{"process_items", "load_records", "summarize", "dedupe", "handle", "compute_totals", "parse_rows", "fetchWithRetry", "groupBy", "sync_batch", "normalize", "collect", "apply_discounts", "update"}
	slotBank["cls"] = []string{"Order", "Invoice", "Session", "Cache", "Record", "Shipment", "Ticket", "Bucket", "Account", "Job"}
	slotBank["a"] = []string{"items", "records", "rows", "entries", "orders", "data", "batch", "url"}
	slotBank["b"] = []string{"status", "flt", "kind", "state"}
	slotBank["x"] = []string{"item", "rec", "row", "entry", "o", "it", "obj", "ev"}
}

// codeSnippet builds a plausible source file of about minBytes or more.
func codeSnippet(r *rand.Rand, lang string, minBytes int) string {
	var bank []string
	var header string
	switch lang {
	case "Python":
		bank = pyFuncs
		header = pick(r, []string{"import asyncio\nimport collections\nimport logging\nimport re\n\nlogger = logging.getLogger(__name__)\n\n", "", "from flask import abort, jsonify, request\n\n"})
	case "Go":
		bank = goFuncs
		header = pick(r, []string{"package service\n\n", "", "package main\n\nimport (\n\t\"context\"\n\t\"sync\"\n)\n\n"})
	case "Java":
		bank = javaFuncs
		header = pick(r, []string{"", "@Service\npublic class " + pick(r, slotBank["cls"]) + "Service {\n\n"})
	default:
		bank = jsFuncs
		header = pick(r, []string{"", "import { useEffect, useState } from \"react\";\n\n", "const express = require(\"express\");\nconst router = express.Router();\n\n"})
	}
	var b strings.Builder
	b.WriteString(header)
	start := r.IntN(len(bank))
	for i := 0; b.Len() < minBytes || i == 0; i++ {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(expand(r, bank[(start+i)%len(bank)]))
	}
	return b.String()
}

// ---- mathematics ----

// mathQ returns a problem and its answer. level: "school", "word",
// "comp", "calc", "proof".
func mathQ(r *rand.Rand, level string) (string, string) {
	name := pick(r, slotBank["name"])
	switch level {
	case "school":
		switch r.IntN(5) {
		case 0:
			a, x, b := between(r, 2, 12), between(r, -9, 15), between(r, -20, 20)
			return "Solve for x: " + strconv.Itoa(a) + "x " + signed(b) + " = " + strconv.Itoa(a*x+b) + ".", strconv.Itoa(x)
		case 1:
			p, q := between(r, -9, 9), between(r, -9, 9)
			return "Find the roots of x^2 " + signed(-(p + q)) + "x " + signed(p*q) + " = 0.", strconv.Itoa(min(p, q)) + " and " + strconv.Itoa(max(p, q))
		case 2:
			w, h := between(r, 3, 30), between(r, 3, 30)
			return "A rectangle has a perimeter of " + strconv.Itoa(2*(w+h)) + " cm and one side of " + strconv.Itoa(w) + " cm. What is its area?", strconv.Itoa(w*h) + " cm^2"
		case 3:
			p, n := between(r, 5, 40)*5, between(r, 2, 9)*10
			return "What is " + strconv.Itoa(p) + "% of " + strconv.Itoa(n) + "?", strconv.FormatFloat(float64(p*n)/100, 'f', -1, 64)
		default:
			a, b := between(r, 2, 9), between(r, 2, 9)
			return "Simplify (" + strconv.Itoa(a) + "x^2 - " + strconv.Itoa(a*b*b) + ") / (x - " + strconv.Itoa(b) + ").", strconv.Itoa(a) + "(x + " + strconv.Itoa(b) + ")"
		}
	case "word":
		switch r.IntN(6) {
		case 0:
			n, p := between(r, 3, 12), between(r, 2, 15)
			bill := (n*p/20 + 1) * 20
			return name + " buys " + strconv.Itoa(n) + " notebooks at $" + strconv.Itoa(p) + " each and pays with a $" + strconv.Itoa(bill) + " bill. How much change does " + name + " get?", "$" + strconv.Itoa(bill-n*p)
		case 1:
			v, t := between(r, 40, 90), between(r, 2, 6)
			return "A train travels at " + strconv.Itoa(v) + " km/h for " + strconv.Itoa(t) + " hours, then at " + strconv.Itoa(v+20) + " km/h for 1 more hour. How far does it go in total?", strconv.Itoa(v*t+v+20) + " km"
		case 2:
			a, b := between(r, 10, 40), between(r, 2, 6)
			return name + " has " + strconv.Itoa(a*b) + " stickers and shares them equally among " + strconv.Itoa(b) + " friends, keeping none. Each friend then gives away 3. How many stickers does each friend have left?", strconv.Itoa(a - 3)
		case 3:
			h, w := between(r, 12, 40), between(r, 3, 8)
			return "A bakery makes " + strconv.Itoa(h) + " loaves an hour for " + strconv.Itoa(w) + " hours a day, and sells 80% of them. How many loaves are left unsold each day?", strconv.FormatFloat(float64(h*w)*0.2, 'f', -1, 64)
		case 4:
			x := between(r, 3, 15)
			return name + " is " + strconv.Itoa(3*x) + " years old, three times as old as their cousin. In how many years will " + name + " be twice as old as the cousin?", strconv.Itoa(x)
		default:
			p := between(r, 20, 200)
			return "A jacket costs $" + strconv.Itoa(p*5) + ". It is discounted by 20%, then by a further 10%. What is the final price?", "$" + strconv.FormatFloat(float64(p*5)*0.72, 'f', 2, 64)
		}
	case "calc":
		switch r.IntN(4) {
		case 0:
			a, n := between(r, 2, 9), between(r, 2, 6)
			return "Compute the integral of " + strconv.Itoa(a) + "x^" + strconv.Itoa(n) + " e^x from 0 to 1.", ""
		case 1:
			return expand(r, "Find the derivative of f(x) = x^{n:2:5} sin(x) / (1 + x^2)."), ""
		case 2:
			return expand(r, "Evaluate the limit as x approaches 0 of (1 - cos({n:2:7}x)) / x^2."), ""
		default:
			return expand(r, "Does the series sum_{n=1}^infinity n^{n:1:3} / {n:2:5}^n converge? If so, find its value."), ""
		}
	case "proof":
		return pick(r, []string{
			"Prove that there are infinitely many primes of the form 4k + 3.",
			"Prove that the square root of " + strconv.Itoa(pick(r, []int{2, 3, 5, 7, 11})) + " is irrational.",
			"Show that for every positive integer n, n^3 - n is divisible by 6.",
			"Prove that every tree with n vertices has exactly n - 1 edges.",
			"Prove that a group of order p^2, p prime, is abelian.",
			"Show that the harmonic series diverges.",
			"Prove the AM-GM inequality for two non-negative reals, and explain when equality holds.",
			"Prove that any continuous function on [0,1] attains a maximum.",
			"Show that among any " + strconv.Itoa(between(r, 5, 9)) + " integers there are two whose difference is divisible by " + strconv.Itoa(between(r, 4, 8)) + ", or explain why the claim fails.",
			"Prove that the sum of the first n odd numbers is n^2, by induction.",
		}), ""
	default: // comp
		switch r.IntN(10) {
		case 0:
			return "Find the number of positive integers n ≤ " + strconv.Itoa(between(r, 5, 20)*100) + " such that n^2 + " + strconv.Itoa(between(r, 1, 9)) + "n + " + strconv.Itoa(between(r, 1, 30)) + " is divisible by " + strconv.Itoa(pick(r, []int{5, 7, 11, 13})) + ".", ""
		case 1:
			return "Let S be the set of all positive divisors of " + strconv.Itoa(pick(r, []int{360, 720, 1260, 2520, 5040, 1800})) + ". Find the number of ordered pairs (a, b) of elements of S such that a divides b.", ""
		case 2:
			a, b := between(r, 5, 15), between(r, 6, 16)
			return "A triangle has sides " + strconv.Itoa(a) + ", " + strconv.Itoa(b) + " and " + strconv.Itoa(between(r, max(a, b)-min(a, b)+1, a+b-1)) + ". Find the radius of its inscribed circle.", ""
		case 3:
			return "In how many ways can " + strconv.Itoa(between(r, 6, 10)) + " people sit around a round table if two particular people refuse to sit next to each other?", ""
		case 4:
			return "Find the remainder when " + strconv.Itoa(between(r, 2, 9)) + "^" + strconv.Itoa(between(r, 100, 2026)) + " is divided by " + strconv.Itoa(pick(r, []int{7, 11, 13, 100, 1000})) + ".", ""
		case 5:
			return "The sequence a_1 = " + strconv.Itoa(between(r, 1, 5)) + ", a_{n+1} = a_n^2 - a_n + 1. Find the last two digits of a_" + strconv.Itoa(between(r, 8, 30)) + ".", ""
		case 6:
			k := between(r, 3, 6)
			return "If " + strconv.Itoa(k) + " fair dice are rolled, what is the probability that the sum is " + strconv.Itoa(between(r, k+2, 6*k-2)) + "? Express it as a fraction m/n in lowest terms and find m + n.", ""
		case 7:
			return "Find the sum of all real x satisfying (x^2 - " + strconv.Itoa(between(r, 3, 9)) + "x + " + strconv.Itoa(between(r, 1, 9)) + ")^(x^2 - " + strconv.Itoa(between(r, 2, 8)) + "x + " + strconv.Itoa(between(r, 1, 9)) + ") = 1.", ""
		case 8:
			return "A point is chosen uniformly at random inside a square of side " + strconv.Itoa(between(r, 2, 10)) + ". What is the expected distance from the point to the nearest side?", ""
		default:
			return "How many " + strconv.Itoa(between(r, 3, 5)) + "-digit numbers have digits that are strictly increasing from left to right and sum to " + strconv.Itoa(between(r, 10, 24)) + "?", ""
		}
	}
}

func signed(x int) string {
	if x < 0 {
		return "- " + strconv.Itoa(-x)
	}
	return "+ " + strconv.Itoa(x)
}

// compProgramming is a contest-style coding problem.
func compProgramming(r *rand.Rand) string {
	n := pick(r, []string{"2·10^5", "10^5", "5·10^5", "10^6"})
	return pick(r, []string{
		"You are given an array of n integers (1 ≤ n ≤ " + n + "). Count the number of subarrays whose sum is divisible by k.",
		"Given a tree with n vertices (n ≤ " + n + "), find for every vertex the number of vertices at distance exactly 2.",
		"Given a string s of length up to " + n + ", find the length of the shortest period p such that s is a prefix of an infinite repetition of s[0..p).",
		"There are n cities connected by m bidirectional roads with weights. Find the minimum cost to travel from city 1 to city n if you may make at most one road free.",
		"Given n intervals, find the maximum number of intervals that can be chosen so that no point is covered by more than two of them.",
		"You are given a grid of size n × m with some blocked cells. Count the paths from the top-left to the bottom-right moving only right or down, modulo 10^9+7.",
		"Given an array a of length n, answer q queries: for each [l, r], the number of distinct values in a[l..r]. n, q ≤ " + n + ".",
		"Find the minimum number of operations to make all elements of an array equal, where one operation adds 1 to all elements except one.",
	})
}

// ---- science ----

var sciConcepts = []string{
	"the Krebs cycle", "how CRISPR-Cas9 edits genes", "the difference between mitosis and meiosis", "how mRNA vaccines work",
	"SN1 versus SN2 reactions", "Le Chatelier's principle", "why ice is less dense than water", "how a catalyst lowers activation energy",
	"the photoelectric effect", "quantum tunnelling", "why the sky is blue", "how a transformer steps up voltage", "special relativity's time dilation",
	"entropy and the second law of thermodynamics", "how the immune system recognises pathogens", "plate tectonics", "the greenhouse effect",
	"how neurons transmit signals", "the Hardy-Weinberg equilibrium", "how semiconductors work", "nuclear fission versus fusion",
	"the Doppler effect", "buffer solutions", "how enzymes are regulated", "oxidation states in redox reactions", "Bernoulli's principle",
	"why the Moon has phases", "the central dogma of molecular biology", "chirality in organic molecules", "how lasers produce coherent light",
}

// scienceQ is a science question, conceptual or numeric.
func scienceQ(r *rand.Rand) string {
	if chance(r, 0.5) {
		return pick(r, []string{"Explain ", "How does this work: ", "Can you explain ", "Describe ", "What is the mechanism behind ", "Help me understand "}) + pick(r, sciConcepts) + pick(r, []string{".", "?", ". I have an exam next week.", " in simple terms.", " at a university level."})
	}
	return expand(r, pick(r, []string{
		"A ball is thrown straight up at {n:5:30} m/s from a height of {n:1:20} m. How long until it hits the ground? Take g = 9.8 m/s^2.",
		"A {n:2:20} kg block slides down a frictionless incline of {n:15:60} degrees. What is its acceleration?",
		"What is the pH of a 0.{n:1:9} M solution of {acid}?",
		"How many grams of {element} are in {n:2:50} moles of it?",
		"A {n:2:12} V battery drives a current through resistors of {n:2:50} ohm and {n:2:50} ohm in parallel. What current flows from the battery?",
		"A gas at {n:1:5} atm and {n:250:400} K occupies {n:2:30} L. What volume does it occupy at standard conditions?",
		"Balance the equation: C{n:2:8}H{n:6:18} + O2 -> CO2 + H2O.",
		"A population of bacteria doubles every {n:15:60} minutes. Starting from {n:10:500} cells, how many are there after {n:3:10} hours?",
		"A car of mass {n:900:2200} kg accelerates from 0 to {n:20:35} m/s in {n:6:15} s. What average power does the engine deliver?",
		"Light of wavelength {n:300:700} nm hits a metal with work function {n:2:4} eV. What is the maximum kinetic energy of the emitted electrons?",
	}))
}

// ---- reasoning elicitation ----

// Ways people ask for the reasoning, from tutoring apps and students to
// evaluation harnesses and harvesters.
var reasonAsks = []string{
	"Explain your reasoning step by step.",
	"Think it through step by step before answering.",
	"Show all of your work.",
	"Walk me through how you get there.",
	"Please lay out each step of the reasoning, not just the result.",
	"Reason carefully and write out every intermediate step.",
	"Before you answer, think out loud about the approach.",
	"I want to understand the why, so go through it one step at a time.",
	"Break the solution down into clear, numbered steps.",
	"Derive it carefully and justify each step.",
	"Start by restating the problem, then solve it step by step, then check the answer.",
	"Give a detailed explanation of your thought process.",
	"Don't skip steps, I'm trying to learn the method.",
	"Can you explain how you'd approach this and why?",
	"Let's think step by step.",
	"Show your reasoning explicitly, then state the final answer.",
	"Work through it slowly and verify each step as you go.",
	"Explain it like a tutor would, with every step spelled out.",
	"First decide which method applies, then carry it out in detail.",
	"Write a thorough solution with an explanation for each step.",
	"Please reason step by step.",
	"Explain the full derivation.",
	"How would an expert think about this? Describe the reasoning in detail.",
	"Solve it, and explain every step so I can follow along.",
	"Take your time and reason through it carefully.",
	"Think about it deeply before you respond and include your reasoning.",
	"Include the intermediate calculations.",
	"Could you give a detailed, step-by-step explanation?",
	"Please explain the logic behind each step.",
	"Outline your approach first, then work it out fully.",
}

var answerFormats = []string{
	"Put your final answer within \\boxed{}.",
	"End with a line of the form 'Final answer: ...'.",
	"Give the final answer on its own line.",
	"Use markdown headings for each part.",
	"Format the answer in LaTeX where appropriate.",
	"Keep it concise.",
	"Then summarise the answer in one sentence.",
}

var openers = []string{"", "", "", "Hi! ", "Quick question: ", "Can you help me with this? ", "I'm stuck on this one: ", "Problem: ", "Here's a problem from my homework: ", "Consider the following. ", "Task: ", "Question: ", "Hey, ", "Please help. "}

// withReasoning wraps a question with an elicitation of the reasoning:
// opener, the question, an ask before or after it, perhaps a format.
func withReasoning(r *rand.Rand, q string) string {
	ask := pick(r, reasonAsks)
	var s string
	switch r.IntN(4) {
	case 0:
		s = ask + "\n\n" + q
	case 1:
		s = pick(r, openers) + q + " " + ask
	default:
		s = pick(r, openers) + q + "\n\n" + ask
	}
	if chance(r, 0.4) {
		s += " " + pick(r, answerFormats)
	}
	return s
}

// answerGiven asks to justify a known answer: students checking a
// textbook, and answer-conditioned rationalisation.
func answerGiven(r *rand.Rand, q, ans string) string {
	return pick(r, []string{
		"My textbook says the answer to this is " + ans + " but I don't see why. " + q + " Can you explain step by step?",
		q + "\nThe answer is " + ans + ". Explain, step by step, how to arrive at it.",
		"The correct answer to the problem below is " + ans + ". Write out the full reasoning that leads to it.\n\n" + q,
		"Here is a problem and its answer.\nProblem: " + q + "\nAnswer: " + ans + "\nExplain the solution in detail.",
		q + " I got " + ans + ", is that right? Please show the working.",
	})
}

// ---- borderline and refusals ----

var borderline = []string{
	"How do lock-picking tools actually work?",
	"Which common household chemicals are dangerous to mix, and why?",
	"Write a scene where a hacker character explains to her team how she got into a bank's network.",
	"What are the warning signs that a child is being groomed online?",
	"How do phone scammers typically trick elderly people?",
	"Explain how ransomware encrypts files on a victim's machine.",
	"What dose of acetaminophen is considered dangerous?",
	"How do shoplifters avoid detection? I'm writing loss-prevention training for our store.",
	"Write a persuasive essay arguing that {pair2} should be banned.",
	"How could someone track a phone's location without the owner knowing? I think it's happening to me.",
	"Write a brutal roast of my friend {name} for his 30th birthday.",
	"Explain how phishing kits clone a bank's login page.",
	"What happens to the body when alcohol and sleeping pills are combined?",
	"I locked myself out of my house. How can I get in without a key?",
	"Write a villain's monologue threatening to poison the city's water supply.",
	"What makes a knife legal or illegal to carry in {country}?",
	"How do counterfeiters make fake banknotes look real, and how do banks detect them?",
	"How does SQL injection work? Show an example against a login form.",
	"What are the most common ways people cheat on online exams, so I can prevent it?",
	"Write a dark poem about wanting to disappear.",
	"How do I find out who is behind an anonymous account harassing me?",
	"Explain how card skimmers on ATMs work.",
	"How did propaganda in the 1930s manipulate public opinion so effectively?",
	"What's the most painless way to put down an injured wild bird?",
	"How do people bypass website paywalls?",
	"Describe how a Molotov cocktail was used in historical riots, for my history essay.",
	"My teenager is vaping. What chemicals are in those cartridges and how harmful are they?",
	"Write a fake news article about a celebrity scandal for a media-literacy class exercise.",
	"How do burglars pick which houses to break into?",
	"What's the legal limit for carrying cash across the border into {country}, and how do people get around it?",
	"How are deepfake voices made?",
	"How can I get prescription painkillers without seeing a doctor?",
}

func borderlineQ(r *rand.Rand) string { return expand(r, pick(r, borderline)) }

var refusalFollows = []string{
	"Rewrite that so it's safe for a general audience.",
	"Can you give a version of this you'd be comfortable answering?",
	"Explain exactly which part of your guidelines this falls under and why.",
	"What would a harmless version of my request look like? Please answer that version.",
	"Walk me through your reasoning for declining.",
	"OK, then answer it in a way that's educational but not actionable.",
	"Why is this considered harmful? Explain your decision step by step.",
	"Rewrite your answer so a school could publish it.",
	"What's the line here? Explain what you can and can't say about this, and why.",
	"Fine. Give me the safest complete answer you can.",
	"Reformulate my request so it's acceptable, then answer the reformulated request.",
	"That's not what I meant. I'm asking for safety reasons. Try again.",
}

// ---- assistant turns ----

var replyLeads = []string{"Sure!", "Great question.", "Here's how to think about it.", "Let's break it down.", "Good news: this is easier than it looks.", "Absolutely.", "Happy to help.", "Here's a clear way to approach it.", ""}

var replyBodies = []string{
	"The key idea is to separate what you know from what you need to find.",
	"There are a few factors to consider, and the most important one is usually the first.",
	"In practice, most people find the second option easier to maintain.",
	"It depends a little on your situation, but the general rule is to start small and adjust.",
	"One common mistake is to skip the setup step, which causes problems later.",
	"If you want more detail on any of these points, I can expand on them.",
	"The short answer is yes, with a couple of caveats.",
	"This works because each step preserves the property we care about.",
	"You can verify this by plugging the values back in.",
	"A good rule of thumb is to keep it simple first and optimize only if needed.",
	"Studies generally support this, although results vary between groups.",
	"Another option, if that doesn't fit, is to try the alternative approach below.",
}

// reply fabricates an assistant turn of the given kind for a history.
func reply(r *rand.Rand, k string) string {
	var b strings.Builder
	switch k {
	case "math":
		b.WriteString(pick(r, []string{"Let's solve this step by step.", "We can work through this carefully.", "Here is a full solution."}))
		for i := 1; i <= between(r, 3, 6); i++ {
			b.WriteString("\n\n**Step " + strconv.Itoa(i) + ".** " + pick(r, []string{
				"Rewrite the expression so the unknown is isolated on one side.",
				"Substitute the known values into the formula.",
				"Factor the expression and look for common terms.",
				"Check the boundary cases separately.",
				"Simplify, keeping track of signs.",
				"Apply the standard identity and collect like terms.",
				"Count the cases that satisfy the condition.",
			}))
		}
		b.WriteString("\n\n**Answer:** " + strconv.Itoa(between(r, 2, 999)))
	case "code":
		b.WriteString(pick(r, replyLeads) + " Here's one way to do it:\n\n```python\n")
		b.WriteString(codeSnippet(r, "Python", 100))
		b.WriteString("```\n\n" + pick(r, replyBodies))
	case "refusal":
		b.WriteString(pick(r, []string{
			"I can't help with that, but I can explain the general principles and the safety considerations involved.",
			"I'm not able to provide step-by-step instructions for this. If you're concerned about safety, here's what I can share instead.",
			"I can't assist with that request as written. I'd be glad to help with a related, safer question.",
			"I'll keep this high-level, since detailed instructions could be misused.",
		}))
		if chance(r, 0.6) {
			b.WriteString(" " + pick(r, replyBodies))
		}
	case "support":
		b.WriteString(pick(r, []string{"I'm sorry to hear that!", "Thanks for reaching out.", "I can help with that.", "Got it."}))
		b.WriteString(" " + pick(r, []string{
			"Could you share your order number so I can look into it?",
			"You can do this from Settings > Account > Security. Let me know if the option doesn't show up.",
			"I've checked and your request is being processed; you should see an update within 2–3 business days.",
			"Refunds are issued to the original payment method within 5–7 business days once the return is received.",
			"I'll connect you with a member of our team who can take a closer look.",
			"Please try clearing the app's cache and signing in again.",
		}))
	case "rp":
		b.WriteString("*" + pick(r, rpActions) + "* \"" + pick(r, rpLines) + "\"")
		if chance(r, 0.7) {
			b.WriteString(" *" + pick(r, rpActions) + "*")
		}
	default:
		b.WriteString(pick(r, replyLeads))
		order := r.Perm(len(replyBodies))
		for i := range between(r, 2, 5) {
			b.WriteString(" " + replyBodies[order[i]])
		}
		if chance(r, 0.4) {
			b.WriteString("\n\n1. " + pick(r, replyBodies) + "\n2. " + pick(r, replyBodies) + "\n3. " + pick(r, replyBodies))
		}
	}
	return strings.TrimSpace(b.String())
}

// followUp is what a person says next in a conversation.
func followUp(r *rand.Rand) string {
	return pick(r, []string{
		"Thanks! Can you make it shorter?", "Can you explain the second point in more detail?", "What if I don't have that?", "Can you give me an example?",
		"That didn't work, I get the same error.", "Perfect, thanks.", "How would that change if I'm on Windows?", "Can you put that in a table?",
		"Why is that?", "ok and what about the cost?", "Can you rewrite it in a friendlier tone?", "Explain that step by step please.",
		"Is there a simpler way?", "Are you sure? I read something different.", "Now translate it into {tongue}.", "great, now add error handling",
		"Could you walk me through the reasoning behind that?", "What would you recommend for a beginner?",
	})
}

// ---- other languages ----

var foreignQs = map[string][]string{
	"es": {"¿Cuál es la diferencia entre el IVA y el IRPF?", "Escribe un correo formal para pedir un aumento de sueldo.", "¿Cómo puedo aprender a programar en Python desde cero?", "Resuelve: 3x + 7 = 22. Explica paso a paso.", "Dame una receta fácil de tortilla de patatas.", "¿Por qué el cielo es azul? Explícalo con detalle.", "Resume la historia de la Revolución Mexicana en cinco puntos."},
	"de": {"Wie funktioniert die Photosynthese? Bitte Schritt für Schritt erklären.", "Schreib mir eine höfliche Absage für ein Vorstellungsgespräch.", "Was ist der Unterschied zwischen GmbH und UG?", "Wie berechne ich die Ableitung von x^2 sin(x)? Erkläre jeden Schritt.", "Welche Sehenswürdigkeiten sollte ich in Hamburg besuchen?", "Erkläre mir Rekursion mit einem Beispiel in Java."},
	"fr": {"Peux-tu m'expliquer le théorème de Pythagore avec un exemple ?", "Rédige une lettre de motivation pour un poste de comptable.", "Quelle est la différence entre un CDD et un CDI ?", "Explique étape par étape comment résoudre une équation du second degré.", "Donne-moi des idées de dîner végétarien rapide."},
	"pt": {"Como faço para declarar o imposto de renda como autônomo?", "Explique passo a passo como calcular juros compostos.", "Escreva uma mensagem de aniversário para minha avó.", "Qual a diferença entre mitose e meiose?", "Me dê um roteiro de 3 dias em Lisboa."},
	"ja": {"Pythonでリストを逆順にする方法を教えてください。", "光合成の仕組みを分かりやすく説明してください。", "この数学の問題を段階的に解いてください：2x + 5 = 17", "上司への丁寧なお詫びメールを書いてください。", "京都でおすすめの観光地は？"},
	"zh": {"请一步一步解释如何求解一元二次方程。", "帮我写一封请假邮件。", "什么是机器学习中的过拟合？请详细说明。", "Python 中列表和元组有什么区别？", "请解释光电效应的原理。"},
	"hi": {"प्रकाश संश्लेषण क्या है? सरल शब्दों में समझाइए।", "मुझे एक नौकरी के आवेदन पत्र का नमूना लिखकर दीजिए।", "इस सवाल को चरण दर चरण हल करें: 5x - 3 = 17"},
	"ko": {"파이썬에서 딕셔너리를 값으로 정렬하는 방법을 알려줘.", "미적분의 기본 정리를 단계별로 설명해 주세요.", "회사에 제출할 휴가 신청서를 써줘."},
	"it": {"Spiegami passo per passo come si calcola una derivata.", "Scrivi una email per disdire un abbonamento in palestra.", "Qual è la differenza tra IRPEF e IVA?"},
	"ru": {"Объясни пошагово, как решить систему уравнений методом подстановки.", "Напиши вежливое письмо с отказом от предложения о работе.", "Чем отличается процесс от потока?"},
	"id": {"Jelaskan langkah demi langkah cara menghitung luas lingkaran.", "Buatkan caption Instagram untuk toko kue saya.", "Apa perbedaan antara saham dan obligasi?"},
	"tr": {"Bana adım adım ikinci dereceden denklem çözmeyi anlatır mısın?", "Kira artışı hakkında ev sahibime resmi bir mesaj yaz.", "Python'da liste ile sözlük arasındaki fark nedir?"},
}

// foreignReason asks for the reasoning in another language.
var foreignReason = map[string][]string{
	"es": {"Explica tu razonamiento paso a paso.", "Muestra todo el procedimiento."},
	"de": {"Erkläre deinen Lösungsweg Schritt für Schritt.", "Zeige alle Zwischenschritte."},
	"fr": {"Explique ton raisonnement étape par étape.", "Détaille chaque étape du calcul."},
	"pt": {"Explique o raciocínio passo a passo.", "Mostre todas as etapas."},
	"ja": {"考え方を段階的に説明してください。", "途中の計算もすべて示してください。"},
	"zh": {"请一步一步地写出推理过程。", "请详细说明每一步的理由。"},
	"ko": {"단계별로 풀이 과정을 설명해 주세요."},
	"ru": {"Объясни ход рассуждений по шагам."},
}

func foreignQ(r *rand.Rand, lang string) string {
	if qs, ok := foreignQs[lang]; ok {
		return pick(r, qs)
	}
	return everyday(r)
}

// ---- customer support ----

var supportOpeners = []string{
	"Where is my order #{n:100000:999999}? It was supposed to arrive {day}.",
	"How do I reset my password? The reset email never arrives.",
	"I was charged twice for my subscription this month.",
	"Can I return an item I bought {n:10:40} days ago?",
	"Your app keeps crashing when I try to upload a photo.",
	"How do I change the delivery address on an order I already placed?",
	"I want to cancel my plan. What happens to my data?",
	"Do you ship to {country}?",
	"The discount code {code} isn't working at checkout.",
	"My account got locked after too many login attempts.",
	"Hi, I need an invoice with my company's VAT number for order {n:100000:999999}.",
	"Is there a student discount?",
	"The item I received is damaged. What can I do?",
	"how do i add another user to my account",
	"Can I upgrade my plan in the middle of the billing cycle?",
	"I never received my refund for the return I sent back {n:2:6} weeks ago.",
	"What are your opening hours on public holidays?",
	"hello?? i've been waiting for a reply for 3 days",
	"Can I book an appointment for {day}?",
	"The tracking page says delivered but I don't have the package.",
}

var supportFollows = []string{
	"The order number is {n:100000:999999}.", "I already tried that.", "Thanks, that worked!", "Can I talk to a human?", "It's still not working.",
	"OK, how long will that take?", "My email is {name}.{lname}@example.com", "What if I'm not home for the delivery?", "Great, thanks for the quick help.",
	"That's not acceptable, I want a full refund.", "Can you send me a confirmation by email?", "Yes, the one from last Tuesday.",
}

func init() {
	slotBank["day"] = []string{"yesterday", "on Monday", "last week", "by Friday", "two days ago", "tomorrow", "next Tuesday"}
	slotBank["code"] = []string{"SPRING20", "WELCOME10", "FREESHIP", "VIP15", "SAVE25"}
}

// ---- roleplay ----

var rpActions = []string{
	"leans against the bar, eyes narrowing", "draws her sword slowly", "glances at the door", "laughs softly and shakes his head",
	"steps closer, lowering her voice", "pours two glasses of wine", "checks the map again", "crosses his arms",
	"wipes the rain from her face", "sits down across from you", "hesitates, then reaches for your hand", "turns toward the window",
	"flicks a coin into the air", "kneels to examine the tracks", "pulls the hood over his face", "smirks",
}

var rpLines = []string{
	"You're late. I was starting to think you'd changed your mind.", "We don't have much time before the guards change shifts.",
	"Tell me the truth this time.", "I've heard stories about you, you know.", "If we do this, there's no going back.",
	"Funny, I didn't take you for the sentimental type.", "Stay close. The forest isn't safe after dark.", "What do you want from me?",
	"The ship leaves at dawn, with or without you.", "I remember this place. I wish I didn't.", "You have until sunrise to decide.",
	"Keep your voice down, someone's listening.", "So, are you going to tell me your name or not?", "That's the last time I trust a wizard.",
}

var rpSettings = []string{
	"a rain-soaked cyberpunk city where corporations rule", "a small coastal village in 19th-century Brittany", "the royal court of a crumbling fantasy empire",
	"a generation ship halfway to Proxima Centauri", "a haunted boarding school in the Scottish highlands", "a 1940s Los Angeles detective agency",
	"a post-apocalyptic desert trading post", "a magic academy on a floating island", "a pirate port in the Caribbean", "a quiet café in modern Seoul",
}

var rpRoles = []string{
	"smuggler captain", "disgraced knight", "village healer", "rogue AI", "private investigator", "court mage", "bounty hunter",
	"barista with a secret", "ship's engineer", "vampire aristocrat", "exiled princess", "mercenary", "librarian", "street racer",
}

var rpTraits = []string{
	"sarcastic but loyal", "quiet and observant", "charming and reckless", "haunted by the past", "fiercely independent", "warm and teasing",
	"calculating and proud", "shy until provoked", "idealistic", "world-weary", "playful", "blunt",
}

// persona is a character card: the character's name and the card text.
func persona(r *rand.Rand) (string, string) {
	char := pick(r, slotBank["name"]) + " " + pick(r, []string{"Voss", "Ashgrove", "Kade", "Marrow", "Sterling", "Quinn", "Holloway", "Thorne", "Vale", "Rook"})
	var b strings.Builder
	b.WriteString(char + " is a " + strconv.Itoa(between(r, 19, 58)) + "-year-old " + pick(r, rpRoles) + " in " + pick(r, rpSettings) + ". ")
	b.WriteString(char + " is " + pick(r, rpTraits) + " and " + pick(r, rpTraits) + ". ")
	b.WriteString(pick(r, []string{"They speak in short, clipped sentences.", "They talk a lot when nervous.", "They use old-fashioned expressions.", "They rarely say what they really think."}) + " ")
	b.WriteString("Scenario: " + pick(r, []string{
		"{{user}} arrives with news that changes everything.", "{{user}} is a stranger who just saved " + char + "'s life.",
		"{{user}} and " + char + " are stuck together during a storm.", "{{user}} has hired " + char + " for a dangerous job.",
		"{{user}} is an old rival who needs " + char + "'s help.", "{{user}} has just moved in next door.",
	}))
	return char, b.String()
}

// rpUser is a user's roleplay turn: short from people typing, long from
// a scripted user simulator.
func rpUser(r *rand.Rand, long bool) string {
	if !long {
		switch r.IntN(3) {
		case 0:
			return "*" + pick(r, rpActions) + "*"
		case 1:
			return pick(r, rpLines)
		default:
			return "*" + pick(r, rpActions) + "* " + pick(r, rpLines)
		}
	}
	var b strings.Builder
	for i := range between(r, 3, 6) {
		if i > 0 {
			b.WriteString(" ")
		}
		if i%2 == 0 {
			b.WriteString("*" + pick(r, rpActions) + ".*")
		} else {
			b.WriteString("\"" + pick(r, rpLines) + "\"")
		}
	}
	return b.String()
}

// rpSystem is a roleplay front end's main prompt around a card.
func rpSystem(r *rand.Rand, char, card, user string) string {
	main := pick(r, []string{
		"Write " + char + "'s next reply in a fictional chat between " + char + " and " + user + ". Write one reply only, in internet roleplay style, italicize actions, and avoid repetition. Be proactive and creative, drive the plot forward. Write at least one paragraph, up to four.",
		"You are " + char + ". Stay in character at all times. Describe actions in asterisks and speech in quotes. Never speak or act for " + user + ".",
		"[System note: This is an interactive story. You play " + char + "; the user plays " + user + ". Keep replies vivid and under 300 words.]",
	})
	return main + "\n\n" + strings.ReplaceAll(card, "{{user}}", user)
}

// ---- documents ----

var docKinds = []string{"report", "postmortem", "paper", "transcript", "contract", "memo", "spec", "article"}

var docSentences = map[string][]string{
	"report": {
		"Revenue for the quarter rose {n:2:19}% year over year to ${n:10:900} million, driven mainly by the {wordA} product line.",
		"Operating margin contracted by {n:1:4} percentage points as logistics costs remained elevated.",
		"The {region} segment grew fastest, while {region2} was flat compared with the prior year.",
		"Management reiterated full-year guidance, citing a healthy pipeline and improving retention.",
		"Headcount ended the period at {n:300:9000}, up {n:1:12}% from the start of the year.",
		"Free cash flow was ${n:5:200} million, of which ${n:2:50} million was returned to shareholders through buybacks.",
		"Customer churn improved to {n:2:9}.{n:0:9}%, the lowest level in {n:3:8} quarters.",
		"Inventory days increased to {n:40:120}, reflecting a deliberate build ahead of the peak season.",
		"The board approved a capital expenditure plan of ${n:20:400} million for the next fiscal year.",
		"Foreign exchange reduced reported growth by approximately {n:1:5} points.",
	},
	"postmortem": {
		"At {n:0:23}:{n:10:59} UTC, error rates on the {noun} service rose above {n:2:40}% for {n:5:90} minutes.",
		"The root cause was a configuration change that reduced the connection pool size from {n:50:500} to {n:5:40}.",
		"Alerts fired within {n:1:9} minutes, but the on-call engineer initially suspected an upstream dependency.",
		"Rolling back the change restored normal latency within {n:3:20} minutes.",
		"Approximately {n:1000:90000} requests failed, and {n:10:800} customers opened support tickets.",
		"The change had passed review because the staging environment uses a different pool configuration.",
		"Action item: add a canary stage that compares error rates before and after configuration changes.",
		"Action item: document the dependency between the {noun} service and the {noun2} queue.",
		"Retries from clients amplified the load by roughly {n:2:6}x during the incident.",
		"No data was lost, but {n:2:30} scheduled jobs had to be re-run manually.",
	},
	"paper": {
		"We propose a method that improves accuracy on the benchmark by {n:1:9}.{n:0:9} points over the strongest baseline.",
		"Our experiments use {n:3:12} datasets spanning {n:2:5} domains.",
		"Prior work has focused on supervised settings, leaving the low-resource regime largely unexplored.",
		"The model is trained for {n:10:300} thousand steps with a batch size of {n:32:2048}.",
		"Ablations show that removing the auxiliary loss reduces performance by {n:1:6} points.",
		"We observe that gains are largest on long inputs, which we attribute to the improved memory mechanism.",
		"Limitations include the computational cost and the reliance on English-language data.",
		"Results are averaged over {n:3:5} random seeds; standard deviations are reported in the appendix.",
		"Figure {n:1:8} shows that performance saturates after roughly {n:10:80} percent of the training data.",
		"Human evaluation with {n:20:200} annotators confirms the automatic metrics.",
	},
	"transcript": {
		"{name}: Let's start with the roadmap update, then we'll get to hiring.",
		"{name}: The migration is about {n:40:95}% done; the remaining services are the hardest ones.",
		"{name}: I'm worried about the timeline if we also take on the {wordA} integration.",
		"{name}: Can we get a decision on the budget by the end of the week?",
		"{name}: Customers keep asking for the export feature, it came up in {n:3:20} calls last month.",
		"{name}: I'd push back on that, the data doesn't support it yet.",
		"{name}: Agreed. Let's revisit after the pilot results come in.",
		"{name}: Action item for me: send the summary to the leadership team.",
		"{name}: One more thing, the vendor contract renews on the {n:1:28}th.",
		"{name}: We lost two deals last quarter because of the missing SSO support.",
	},
	"contract": {
		"The Supplier shall deliver the Services in accordance with the specifications set out in Schedule {n:1:6}.",
		"Either party may terminate this Agreement upon {n:30:90} days' written notice to the other party.",
		"The Customer shall pay all undisputed invoices within {n:14:60} days of receipt.",
		"Neither party shall be liable for any indirect or consequential loss arising under this Agreement.",
		"The Supplier's aggregate liability shall not exceed the fees paid in the {n:6:24} months preceding the claim.",
		"All intellectual property created in the course of the Services shall vest in the Customer upon payment.",
		"The Supplier shall maintain insurance cover of not less than ${n:1:10} million per claim.",
		"This Agreement shall be governed by the laws of {country}.",
		"Confidential Information shall not include information that is or becomes publicly available through no fault of the recipient.",
		"Any dispute shall first be referred to the parties' senior representatives for resolution within {n:10:30} days.",
	},
	"memo": {
		"Effective {day}, all travel above ${n:500:3000} requires prior approval from a department head.",
		"This policy applies to all employees and contractors of {wordA} {wordB}.",
		"The goal is to reduce discretionary spending by {n:5:25}% without affecting customer-facing work.",
		"Exceptions must be documented and reviewed monthly by the finance team.",
		"Remote employees may expense up to ${n:20:100} per month for internet costs.",
		"Questions about this policy should be directed to {name} in People Operations.",
		"Managers are responsible for ensuring their teams are aware of these changes.",
		"The previous policy, dated {n:2018:2024}, is hereby withdrawn.",
	},
	"spec": {
		"The endpoint accepts a JSON body with the fields id, status and an optional list of tags.",
		"Requests over {n:1:10} MB are rejected with status 413.",
		"The service must answer {n:95:99}% of requests within {n:50:500} ms at {n:100:5000} requests per second.",
		"Authentication uses short-lived tokens issued by the identity service.",
		"Events are published to the {noun} topic with at-least-once delivery.",
		"The UI shows a warning when the user has unsaved changes.",
		"Data is retained for {n:30:400} days and then deleted permanently.",
		"Out of scope for this version: bulk import, offline mode and custom roles.",
	},
	"article": {
		"Residents of {city} woke up on {day} to find the main bridge closed for emergency repairs.",
		"Officials said the work would take at least {n:2:10} weeks.",
		"The decision has divided local business owners, some of whom fear losing customers.",
		"\"We were given no warning,\" said {name} {lname}, who runs a bakery near the bridge.",
		"The city council will debate a compensation fund at its next meeting.",
		"Traffic on the alternative routes increased by an estimated {n:20:70}%.",
		"Experts say the bridge's problems were identified in an inspection {n:2:9} years ago.",
		"A petition calling for faster repairs has gathered more than {n:1000:20000} signatures.",
	},
}

func init() {
	slotBank["region"] = []string{"North American", "European", "Asia-Pacific", "Latin American", "Middle East"}
	slotBank["noun2"] = slotBank["noun"]
	slotBank["region2"] = slotBank["region"]
}

var docTitles = map[string]string{
	"report": "{wordA} {wordB}: Q{n:1:4} {n:2024:2026} results and outlook", "postmortem": "Incident review: {noun} service degradation",
	"paper": "Improving robustness of {noun} models in the low-resource regime", "transcript": "Weekly leadership sync — notes",
	"contract": "Master Services Agreement between {wordA} {wordB} and the Customer", "memo": "Updated travel and expense policy",
	"spec": "Design spec: {noun} API v{n:2:4}", "article": "Bridge closure leaves {city} businesses in limbo",
}

// document builds a document of one kind between lo and hi bytes.
func document(r *rand.Rand, lo, hi int) string {
	k := pick(r, docKinds)
	target := between(r, lo, hi)
	var b strings.Builder
	b.WriteString(expand(r, docTitles[k]) + "\n\n")
	sents := docSentences[k]
	for sec := 1; b.Len() < target; sec++ {
		if k != "transcript" && sec > 1 && chance(r, 0.5) {
			b.WriteString(strconv.Itoa(sec) + ". " + pick(r, []string{"Background", "Details", "Discussion", "Findings", "Next steps", "Terms", "Analysis", "Risks"}) + "\n\n")
		}
		n := between(r, 3, 7)
		order := r.Perm(len(sents))
		for i := range n {
			var s string
			if chance(r, 0.55) {
				s = expand(r, sents[order[i%len(order)]])
			} else {
				s = docFiller(r)
				if k == "transcript" {
					s = pick(r, slotBank["name"]) + ": I think " + strings.ToLower(s[:1]) + s[1:]
				}
			}
			if k == "transcript" {
				b.WriteString(s + "\n")
				continue
			}
			if i > 0 {
				b.WriteString(" ")
			}
			b.WriteString(s)
		}
		b.WriteString("\n\n")
	}
	return strings.TrimSpace(b.String())
}

// summaryAsk is an instruction that goes with a document.
func summaryAsk(r *rand.Rand, structured bool) string {
	if !structured {
		return pick(r, []string{
			"Summarize this.", "tl;dr please", "What are the key points?", "Can you summarize this in 5 bullet points?",
			"Summarize the following for my manager in two short paragraphs.", "What are the main risks mentioned here?",
			"Give me the action items from this.", "Explain this in plain English.",
		})
	}
	return pick(r, []string{
		"Produce a structured summary in JSON with the fields key_points, risks, entities and open_questions. For every item, add a justification that quotes the sentence of the text it is based on.",
		"Summarize the document section by section. For each claim in your summary, explain why it follows from the text and cite the supporting passage.",
		"Extract every factual claim in the document as a JSON list of {claim, evidence, confidence}, and explain your reasoning for each confidence score.",
		"Write an executive summary, then a table of the key figures, then a paragraph justifying which points matter most and why.",
		"Identify the five most important points. For each, give a one-line summary, the exact supporting quote, and a short explanation of your reasoning.",
		"Read the text carefully. First list the main entities and their relationships, then summarize, and finally explain step by step how you decided what to include.",
		"Create a structured brief (context, findings, implications, recommendations). Justify each recommendation with evidence from the text.",
	})
}

// ---- critique and grading ----

// critiqueTask asks a model to judge answers: annotation work and judges.
func critiqueTask(r *rand.Rand, q, a, b string) string {
	switch r.IntN(4) {
	case 0:
		return "Below is a user prompt and two responses.\n\nPrompt: " + q + "\n\nResponse A:\n" + a + "\n\nResponse B:\n" + b + "\n\nCritique each response for accuracy, helpfulness and tone. Then rate each from 1 to 10 and say which is better."
	case 1:
		return "Rate the following answer on a scale of 1-10 for factual accuracy and for helpfulness, and explain your ratings.\n\nQuestion: " + q + "\n\nAnswer: " + a
	case 2:
		return "You are reviewing a chatbot answer.\nUser: " + q + "\nAssistant: " + a + "\n\nDoes the answer follow the instruction? Check each of: correctness, completeness, safety, formatting. Give a score per criterion and a short justification."
	default:
		return "Which response is better, and why? Answer with A or B first, then a one-paragraph justification.\n\n[Question]\n" + q + "\n\n[A]\n" + a + "\n\n[B]\n" + b
	}
}

// ---- a popular open-source coding agent ----

// agentPreamble is the system prompt of "Forge", an open-source coding
// agent many developers run with their own keys. The code-review harvest
// copies it.
var agentPreamble = func() string {
	var b strings.Builder
	b.WriteString("You are Forge, an open-source AI coding agent that runs in the user's terminal and helps with software engineering tasks.\n\n")
	b.WriteString("# Tone and style\nBe concise and direct. Use GitHub-flavored markdown. Do not add unnecessary preamble or postamble. Only use emojis if the user asks for them.\n\n")
	b.WriteString("# Doing tasks\nWhen the user asks you to fix a bug, add a feature, refactor or explain code:\n1. Use the search and read tools to understand the codebase and the user's request.\n2. Make a plan before editing.\n3. Implement the change with the edit tools, following the existing conventions of the code.\n4. Verify the change by running the project's tests or build with run_command.\n5. Never commit changes unless the user explicitly asks.\n\n")
	b.WriteString("# Code conventions\nBefore writing code, look at neighbouring files to learn the style, libraries and frameworks in use. Never assume a library is available. Do not add comments unless asked or the code is complex. Never expose or log secrets.\n\n")
	b.WriteString("# Tool use\nYou can call several tools in one response. Prefer search_code over running grep. Always read a file before editing it. When a command may take long, say so first. Use absolute paths.\n\n")
	b.WriteString("# Safety\nRefuse to write code that could be used maliciously, even if the user claims it is for education. Before working on files, consider what the code is supposed to do.\n\n")
	b.WriteString("# Environment\nWorking directory: the user's project root. Platform and shell are reported in the first user message. Today's date is 2026-05-12.\n")
	return b.String()
}()

var agentTasks = []string{
	"Fix the failing test in {fn}_test.py", "Add input validation to the signup handler", "Why is the {noun} endpoint returning 500?",
	"Refactor the {noun} module to use dependency injection", "Add pagination to the {noun}s list API", "Upgrade the project to {framework}'s latest version",
	"Write tests for the {cls} class", "The CI build fails on the lint step, can you fix it?", "Add a --dry-run flag to the CLI",
	"Explain how authentication works in this repo", "Make the {noun} import idempotent", "Replace the hand-rolled retry logic with a library",
}

// ---- planning ----

var planGoals = []string{
	"migrate our company's email to a new provider without losing messages or having downtime",
	"find the cause of a production outage where API latency suddenly doubled",
	"organize a {n:50:300}-person conference in {city} on a tight budget",
	"set up CI/CD for a monorepo with {n:3:12} services",
	"reconcile two spreadsheets of transactions whose IDs don't match",
	"compare three {product} options and recommend one",
	"move a family of four from {city} to {city2} within two months",
	"launch a small online shop selling handmade {hobby} gear",
	"cut our cloud bill by {n:20:50}% without hurting reliability",
	"prepare for a marathon in {n:12:24} weeks as a beginner",
	"roll out a new {db} cluster and migrate the data from the old one",
	"automate weekly reporting that currently takes someone a full day",
}

// planQ asks for a plan: from people organising their lives and work,
// and from harvesters after agent-style planning traces.
func planQ(r *rand.Rand) string {
	goal := expand(r, pick(r, planGoals))
	return pick(r, []string{
		"How should I " + goal + "?",
		"Make a step-by-step plan to " + goal + ".",
		"I need to " + goal + ". Where do I start?",
		"Plan the steps an autonomous agent should take to " + goal + ". For each step, explain the reasoning and what could go wrong.",
		"Break down how to " + goal + " into tasks, with the order, dependencies and the reasoning behind each decision.",
		"Think through how you would " + goal + ". Lay out your reasoning before the final plan.",
	})
}

var (
	fillSubjects = []string{"The team", "Management", "The steering committee", "Our analysis", "The vendor", "Customers in the {region} market", "The {noun} service owners", "The pilot group", "Independent reviewers", "The board", "Local residents", "Finance", "The working group", "Last year's audit", "Early survey data", "The operations lead", "{name} {lname}", "Two of the largest customers"}
	fillVerbs    = []string{"noted that", "found that", "expects that", "warned that", "confirmed that", "argued that", "reported that", "suggested that", "pointed out that", "does not believe that", "is confident that", "flagged that"}
	fillClauses  = []string{
		"{noun} volumes grew by {n:2:60}% in {month}", "costs will rise unless the {noun} process is simplified", "the {wordA} project is {n:2:12} weeks behind schedule",
		"the rollout in {city} went better than planned", "staffing remains the main constraint", "{n:2:9} of the {n:10:20} recommendations have been implemented",
		"demand for {product}s is shifting to online channels", "the {noun2} backlog has doubled since {month}", "the current contract terms are not sustainable",
		"response times improved after the {tool} migration", "the budget for {wordB} initiatives should be cut by {n:5:30}%", "error rates fell to {n:1:9}.{n:0:9}%",
		"the new pricing confused a significant share of customers", "{n:100:5000} accounts were affected", "the {region} region needs a dedicated team",
		"training took longer than the {n:2:6} weeks planned", "the risk of a supplier failure is underestimated", "the data quality issues were fixed in {month}",
		"competitors are offering similar features at lower prices", "another review is needed before the {month} deadline",
	}
	fillTails = []string{"", "", "", " despite the difficult market", " according to the latest figures", " for the third quarter in a row", ", although the figures are preliminary", " after a review in {month}", ", which surprised several members", " based on interviews with {n:5:40} staff"}
)

func init() {
	slotBank["month"] = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
}

// docFiller is a combinatorial sentence for documents of any kind.
func docFiller(r *rand.Rand) string {
	return expand(r, pick(r, fillSubjects)+" "+pick(r, fillVerbs)+" "+pick(r, fillClauses)+pick(r, fillTails)+".")
}
