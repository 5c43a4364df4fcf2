package newsroom

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// The news world that legitimate prompts are written about: people,
// places and stories, filled into templates so that every article,
// transcript and question differs while staying coherent inside one story.

var firstNames = []string{
	"Amara", "Ben", "Carlos", "Dana", "Elif", "Farah", "Gustavo", "Hana", "Ibrahim", "Jonas",
	"Keiko", "Liam", "Mariana", "Nikhil", "Olga", "Pedro", "Qin", "Rachel", "Samir", "Tomasz",
	"Uchenna", "Valeria", "Wei", "Xavier", "Yusuf", "Zanele", "Aoife", "Bongani", "Chloé", "Dmitri",
	"Esther", "Felipe", "Grace", "Hiroshi", "Inês", "Jamal", "Kavya", "Lucía", "Mohammed", "Nadia",
	"Oren", "Priya", "Rafael", "Sofia", "Tariq", "Ursula", "Vikram", "Wanjiru", "Yara", "Zoltan",
	"Aaron", "Beatriz", "Chidi", "Deepa", "Emeka", "Fatima", "Georg", "Halima", "Ivan", "Julia",
	"Kwame", "Leila", "Marcus", "Noor", "Oliver", "Paula", "Rosa", "Sean", "Thandiwe", "Victor",
}

var lastNames = []string{
	"Okafor", "Schmidt", "Mendes", "Kowalski", "Nakamura", "Haddad", "Oyelaran", "Fernández", "Brennan", "Lindqvist",
	"Ramírez", "Chen", "Dubois", "Patel", "Mwangi", "O'Connor", "Rossi", "Novak", "Yilmaz", "Silva",
	"Kim", "Hughes", "Petrov", "Adeyemi", "Tanaka", "Moreau", "Gupta", "Müller", "Costa", "Ndlovu",
	"Walsh", "Jensen", "Castillo", "Nguyen", "Abubakar", "Larsen", "Herrera", "Park", "Sato", "Kaur",
	"Achterberg", "Bianchi", "Delgado", "Eze", "Fitzgerald", "Gallagher", "Hoffmann", "Iwu", "Juárez", "Khumalo",
}

type city struct {
	name, country, cc string
	tz                float64
}

var cities = []city{
	{"Baltimore", "United States", "US", -4}, {"Cleveland", "United States", "US", -4}, {"Tampa", "United States", "US", -4},
	{"Richmond", "United States", "US", -4}, {"Phoenix", "United States", "US", -7}, {"Sacramento", "United States", "US", -7},
	{"Portland", "United States", "US", -7}, {"Denver", "United States", "US", -6}, {"Austin", "United States", "US", -5},
	{"Milwaukee", "United States", "US", -5}, {"Leeds", "United Kingdom", "GB", 1}, {"Bristol", "United Kingdom", "GB", 1},
	{"Glasgow", "United Kingdom", "GB", 1}, {"Cork", "Ireland", "IE", 1}, {"Leipzig", "Germany", "DE", 2},
	{"Hamburg", "Germany", "DE", 2}, {"Lyon", "France", "FR", 2}, {"Marseille", "France", "FR", 2},
	{"Valencia", "Spain", "ES", 2}, {"Rotterdam", "Netherlands", "NL", 2}, {"Gothenburg", "Sweden", "SE", 2},
	{"Kraków", "Poland", "PL", 2}, {"Nairobi", "Kenya", "KE", 3}, {"Mombasa", "Kenya", "KE", 3},
	{"Lagos", "Nigeria", "NG", 1}, {"Ibadan", "Nigeria", "NG", 1}, {"Durban", "South Africa", "ZA", 2},
	{"Pune", "India", "IN", 5.5}, {"Kochi", "India", "IN", 5.5}, {"Cebu", "Philippines", "PH", 8},
	{"Davao", "Philippines", "PH", 8}, {"Osaka", "Japan", "JP", 9}, {"Brisbane", "Australia", "AU", 10},
	{"Adelaide", "Australia", "AU", 9.5}, {"Curitiba", "Brazil", "BR", -3}, {"Recife", "Brazil", "BR", -3},
	{"Monterrey", "Mexico", "MX", -6}, {"Guadalajara", "Mexico", "MX", -6}, {"Winnipeg", "Canada", "CA", -5},
	{"Halifax", "Canada", "CA", -3}, {"Singapore", "Singapore", "SG", 8}, {"Hong Kong", "Hong Kong", "HK", 8},
}

var streets = []string{"Harbor Road", "Mill Street", "Station Avenue", "Kings Parade", "Riverside Drive", "Calle Mayor", "Ring Road", "Market Square", "Elm Street", "Canal Street"}

var currency = map[string]string{
	"US": "$", "CA": "C$", "AU": "A$", "SG": "S$", "HK": "HK$", "GB": "£", "IE": "€", "DE": "€", "FR": "€", "ES": "€", "NL": "€",
	"SE": "SEK ", "PL": "zł", "KE": "KSh ", "NG": "₦", "ZA": "R", "IN": "₹", "PH": "₱", "JP": "¥", "BR": "R$", "MX": "MX$",
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// pickW returns an index drawn with the given weights.
func pickW(r *rand.Rand, w ...float64) int {
	s := 0.0
	for _, x := range w {
		s += x
	}
	u := r.Float64() * s
	for i, x := range w {
		if u < x {
			return i
		}
		u -= x
	}
	return len(w) - 1
}

func personName(r *rand.Rand) string { return pick(r, firstNames) + " " + pick(r, lastNames) }

func lastOf(name string) string {
	if i := strings.LastIndexByte(name, ' '); i >= 0 {
		return name[i+1:]
	}
	return name
}

// fill replaces each {key} of tpl whose key is in v; other braces stay.
func fill(tpl string, v map[string]string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(tpl, '{')
		if i < 0 {
			b.WriteString(tpl)
			return b.String()
		}
		j := strings.IndexByte(tpl[i:], '}')
		if j < 0 {
			b.WriteString(tpl)
			return b.String()
		}
		b.WriteString(tpl[:i])
		if val, ok := v[tpl[i+1:i+j]]; ok {
			b.WriteString(val)
		} else {
			b.WriteString(tpl[i : i+j+1])
		}
		tpl = tpl[i+j+1:]
	}
}

type topic struct {
	name      string
	roles     []string // role of p1, p2
	orgs      []string
	headlines []string
	ledes     []string
	body      []string
	quotes    []string
	concepts  []string // jargon an explainer could cover
}

var topics = []*topic{
	{
		name:  "city budget",
		roles: []string{"council member", "finance director", "library union steward", "mayor's chief of staff"},
		orgs:  []string{"the city council", "the budget committee", "the public library board"},
		headlines: []string{
			"{city} council approves {money} budget after late-night vote",
			"Library hours cut as {city} closes {money2} budget gap",
			"{city} budget passes {n1}-{n2}; parking fees to rise",
		},
		ledes: []string{
			"{city}'s city council voted {n1}-{n2} late on {day} to approve a {money} budget that trims library hours and raises parking fees, ending weeks of tense negotiations.",
			"After a seven-hour meeting that stretched past midnight, {city} lawmakers on {day} closed a {money2} shortfall with a mix of hiring freezes and fee increases.",
		},
		body: []string{
			"Council member {p1}, who voted against the plan, said the cuts fall hardest on neighbourhoods that already have the fewest services.",
			"The budget includes a {pct} increase in police overtime and a hiring freeze for most other departments.",
			"{p2}, the city's finance director, told the council that sales tax revenue came in {pct2} below projections last quarter.",
			"Residents lined up for more than three hours to speak during public comment, most of them opposing the library cuts.",
			"The spending plan draws {money2} from reserves, leaving the rainy-day fund at its lowest level since 2019.",
			"Branch libraries on the east side will close on Mondays starting in July, according to a memo obtained by the newspaper.",
			"The mayor is expected to sign the budget before the fiscal year begins on July 1.",
		},
		quotes: []string{
			"\"We balanced this budget without closing a single branch,\" {p2last} said.",
			"\"People will feel this in their daily lives, and they will remember who voted for it,\" {p1last} said.",
			"\"I've been coming to this library for thirty years,\" said one resident, who asked not to be named.",
		},
		concepts: []string{"a structural deficit", "a rainy-day fund", "a general obligation bond"},
	},
	{
		name:  "wildfire",
		roles: []string{"fire chief", "county emergency manager", "evacuated resident", "forecaster"},
		orgs:  []string{"the county fire authority", "the state forestry service", "the regional emergency office"},
		headlines: []string{
			"Wildfire near {city} forces {num} to evacuate",
			"Crews gain ground on fire east of {city} as winds ease",
			"{num} homes threatened as blaze jumps highway near {city}",
		},
		ledes: []string{
			"A fast-moving wildfire east of {city} had burned more than {area} hectares by {day} evening, forcing about {num} residents from their homes as gusts pushed flames toward the highway.",
			"Firefighters said on {day} they had contained {pct} of a blaze that has destroyed at least {n1} structures on the edge of {city}.",
		},
		body: []string{
			"Fire chief {p1} said crews were relying on aircraft because steep terrain made it unsafe to send engines into the canyon.",
			"Evacuation orders remain in place for neighbourhoods north of {street}, while a shelter has opened at the fairgrounds.",
			"The cause of the fire is under investigation; officials said a downed power line is one of several possibilities.",
			"Humidity is expected to rise over the weekend, which forecasters said could give crews a window to build containment lines.",
			"{org} said {n2} firefighters from neighbouring districts had joined the effort.",
			"Smoke pushed the air quality index above 200 in parts of {city}, and schools kept students indoors.",
		},
		quotes: []string{
			"\"We left with the clothes we had on and the dog,\" said {p2}, who lives near {street}.",
			"\"The next 48 hours are critical,\" {p1last} told reporters at a briefing.",
		},
		concepts: []string{"containment percentages in wildfire reporting", "red flag warnings", "the air quality index"},
	},
	{
		name:  "central bank",
		roles: []string{"central bank governor", "chief economist at a local bank", "small-business owner", "mortgage broker"},
		orgs:  []string{"the central bank", "the monetary policy committee", "the statistics office"},
		headlines: []string{
			"Central bank holds rates at {rate} as inflation cools to {pct}",
			"Rate cut surprises markets; {country}'s currency slides",
			"Borrowers in {country} wait longer for relief as bank holds steady",
		},
		ledes: []string{
			"{country}'s central bank left its benchmark rate unchanged at {rate} on {day}, saying inflation was easing but remained above its target.",
			"Policymakers in {country} cut the benchmark rate by a quarter point to {rate} on {day}, the first reduction in more than a year.",
		},
		body: []string{
			"Annual inflation slowed to {infl} last month from {inflPrev}, according to figures released last week by {org}.",
			"Governor {p1} said the committee would watch wage growth closely before making further moves.",
			"Economists had been split ahead of the decision, with a slight majority expecting no change.",
			"Mortgage rates have eased in recent months, but first-time buyers still face payments far above pre-pandemic levels.",
			"The decision was not unanimous: {n2} of the committee's {n1} members voted for a cut.",
			"{p2}, chief economist at a regional lender, said the statement's tone suggested a cut could come as early as the next meeting.",
		},
		quotes: []string{
			"\"The job is not done, but the direction is clear,\" {p1last} said at a news conference.",
			"\"Every quarter point matters when you're refinancing a small business loan,\" said {p2}.",
		},
		concepts: []string{"the yield curve", "core inflation versus headline inflation", "quantitative tightening", "the neutral interest rate"},
	},
	{
		name:  "port strike",
		roles: []string{"union spokesperson", "port authority director", "trucking company owner", "labour economist"},
		orgs:  []string{"the dockworkers' union", "the port authority", "the shipping association"},
		headlines: []string{
			"Dockworkers strike shuts {city} port for second day",
			"Cargo backs up as {city} port talks stall",
			"Deal reached to end {city} port strike, union says",
		},
		ledes: []string{
			"Container traffic at the port of {city} ground to a halt for a second day on {day} as about {num} dockworkers walked off the job over automation and pay.",
			"Negotiators for the dockworkers' union and port operators in {city} said late on {day} that they had reached a tentative agreement.",
		},
		body: []string{
			"At least {n1} container ships were anchored offshore waiting to unload, according to tracking data.",
			"The union is seeking a {pct} raise over three years and guarantees that automated cranes will not replace existing jobs.",
			"{p2} of {org} said the operators' latest offer was the most generous in two decades.",
			"Retailers warned that a strike lasting more than a week could delay deliveries of perishable goods.",
			"The agreement must still be ratified by members in a vote expected within two weeks.",
		},
		quotes: []string{
			"\"We are not against technology. We are against being thrown away,\" said {p1}, a spokesperson for the union.",
			"\"Every day the cranes sit idle costs the region money it will not get back,\" {p2last} said.",
		},
		concepts: []string{"a tentative agreement and ratification", "demurrage fees", "supply-chain bottlenecks"},
	},
	{
		name:  "election count",
		roles: []string{"county elections director", "candidate", "election law professor", "poll worker"},
		orgs:  []string{"the county board of elections", "the electoral commission", "the state canvassing board"},
		headlines: []string{
			"Recount confirms {p1last} win in {city} mayoral race by {n2} votes",
			"Ballot counting in {city} slowed by printer fault, officials say",
			"{city} turnout hits {pct}, highest in a decade",
		},
		ledes: []string{
			"A hand recount in {city}'s mayoral race confirmed on {day} that {p1} won by {n2} votes, ending a three-week dispute over misprinted ballots.",
			"Election officials in {city} said on {day} that about {num} mail ballots remained to be counted after a printer malfunction slowed processing.",
		},
		body: []string{
			"{org} said the recount changed the margin by only {n1} votes.",
			"Observers from both campaigns watched as teams of two reviewed each ballot under camera.",
			"Elections director {p2} said no evidence of fraud had been found and that the misprints affected only one precinct.",
			"Turnout reached {pct} of registered voters, up from {pct2} in the previous municipal election.",
			"The losing candidate has until Friday to file a legal challenge.",
		},
		quotes: []string{
			"\"The system worked exactly as it is supposed to,\" {p2last} said.",
			"\"Every vote was counted twice. I think people can trust this result,\" said a poll worker who has volunteered for 20 years.",
		},
		concepts: []string{"a canvass versus a recount", "provisional ballots", "ranked-choice voting"},
	},
	{
		name:  "court ruling",
		roles: []string{"judge", "lawyer for the plaintiffs", "state attorney general", "law professor"},
		orgs:  []string{"the appeals court", "the high court", "the state supreme court"},
		headlines: []string{
			"Court blocks {city} ban on short-term rentals",
			"Judge rules {org} must release police disciplinary records",
			"Appeals court upholds fine against {city} landlord",
		},
		ledes: []string{
			"A judge on {day} blocked {city}'s ban on short-term rentals in residential zones, ruling that the city had not followed its own notice requirements.",
			"{org} ruled on {day} that police disciplinary records in {city} are public documents, siding with a coalition of news organisations.",
		},
		body: []string{
			"Judge {p1} wrote in a {n1}-page opinion that the city could try again if it held the required hearings.",
			"Lawyers for the city said they were reviewing the decision and had not decided whether to appeal.",
			"{p2}, who represented the plaintiffs, called the ruling a victory for transparency.",
			"The case has been closely watched by other cities considering similar rules.",
			"The ruling takes effect in 30 days unless a higher court intervenes.",
		},
		quotes: []string{
			"\"The law does not allow shortcuts, however good the intentions,\" {p1last} wrote.",
			"\"This is what accountability looks like,\" {p2last} said outside the courthouse.",
		},
		concepts: []string{"a preliminary injunction", "standing to sue", "an amicus brief"},
	},
	{
		name:  "flooding",
		roles: []string{"mayor", "hydrologist", "shop owner", "emergency services spokesperson"},
		orgs:  []string{"the national weather service", "the environment agency", "the civil defence authority"},
		headlines: []string{
			"Flash floods swamp {city} streets after record rainfall",
			"{city} begins cleanup as river falls below flood stage",
			"{num} without power after storm batters {city}",
		},
		ledes: []string{
			"More than {rain} millimetres of rain fell on {city} in six hours on {day}, turning streets into rivers and trapping drivers on {street}.",
			"Residents of low-lying {city} neighbourhoods began shovelling mud out of homes and shops on {day} as the river dropped below flood stage.",
		},
		body: []string{
			"Rescue crews pulled {n1} people from stranded vehicles, according to {org}.",
			"About {num} households lost power at the height of the storm; most had it back by morning.",
			"Hydrologist {p2} said the ground was already saturated from a wet spring, leaving nowhere for the water to go.",
			"The city has spent {money2} on drainage upgrades since the last major flood, but the new pumps were not finished.",
			"Insurers said it was too early to estimate losses.",
		},
		quotes: []string{
			"\"I've lived here 40 years and never seen water this high,\" said {p2}, who runs a bakery on {street}.",
			"\"Do not drive through flooded roads. It takes very little water to move a car,\" {p1last} said.",
		},
		concepts: []string{"a 100-year flood", "flood stage", "storm surge"},
	},
	{
		name:  "hospital waits",
		roles: []string{"health minister", "emergency physician", "patient advocate", "hospital chief executive"},
		orgs:  []string{"the regional health authority", "the hospital trust", "the health ministry"},
		headlines: []string{
			"{city} emergency waits hit record as flu season drags on",
			"Hospital in {city} opens overflow ward amid staff shortages",
			"Patients in {city} wait {hours} hours on average for a bed, data show",
		},
		ledes: []string{
			"Patients arriving at {city}'s main emergency department waited an average of {hours} hours for a bed last month, the longest since records began, according to data published on {day}.",
			"A hospital in {city} opened an overflow ward in a former cafeteria on {day}, as nurses' unions warned of burnout.",
		},
		body: []string{
			"{org} said the number of emergency visits rose {pct} compared with the same month last year.",
			"Dr {p2}, an emergency physician, said patients were being treated in corridors for hours at a time.",
			"The health ministry has promised {money} for extra beds, but hiring nurses to staff them remains difficult.",
			"About {pct2} of nursing posts at the hospital are vacant, according to union figures.",
			"The data do not include patients who left without being seen.",
		},
		quotes: []string{
			"\"We are doing our best in conditions that are not safe,\" Dr {p2last} said.",
			"\"The money is there. The problem is people,\" {p1last} told lawmakers.",
		},
		concepts: []string{"triage categories", "bed occupancy rates", "excess winter deaths"},
	},
	{
		name:  "transit",
		roles: []string{"transit authority chair", "bus driver", "commuter advocate", "city planner"},
		orgs:  []string{"the transit authority", "the regional rail operator", "the commuters' association"},
		headlines: []string{
			"{city} transit fares to rise {pct} in September",
			"Night bus routes cut as {city} transit faces {money2} gap",
			"New tram line in {city} opens {n1} months late",
		},
		ledes: []string{
			"Riders in {city} will pay {pct} more for a single fare from September after the transit board voted {n1}-{n2} on {day} to raise prices for the first time in five years.",
			"The long-delayed tram extension in {city} carried its first passengers on {day}, {n1} months behind schedule and {money2} over budget.",
		},
		body: []string{
			"{org} said ridership has recovered to {pct2} of pre-pandemic levels, but fare revenue has not kept pace with costs.",
			"Seven night bus routes will be cut, affecting shift workers who rely on them, advocates said.",
			"Transit chair {p1} said the authority had exhausted federal relief money.",
			"A monthly pass will rise to {price}.",
			"Planners say the new line will eventually carry {num} trips a day.",
		},
		quotes: []string{
			"\"Nobody wanted this, but the alternative was deeper cuts,\" {p1last} said.",
			"\"If the night bus goes, I don't know how I get home from my shift,\" said {p2}, a hospital cleaner.",
		},
		concepts: []string{"farebox recovery ratio", "headways", "transit-oriented development"},
	},
	{
		name:  "schools",
		roles: []string{"school board president", "teacher", "parent organiser", "superintendent"},
		orgs:  []string{"the school board", "the teachers' union", "the education department"},
		headlines: []string{
			"{city} teachers vote to strike if talks fail",
			"School board in {city} approves closure of {n1} schools",
			"Test scores in {city} rebound but gaps persist",
		},
		ledes: []string{
			"Teachers in {city} voted overwhelmingly on {day} to authorise a strike if contract talks fail, with {vote}% of union members in favour.",
			"The {city} school board voted {n1}-{n2} on {day} to close or merge {n1} schools with falling enrolment, despite protests from parents.",
		},
		body: []string{
			"Enrolment in the district has fallen by {num} students over the past decade.",
			"Superintendent {p2} said the closures would save about {money2} a year.",
			"The union says class sizes have grown and that pay has not kept up with inflation.",
			"Parents at one elementary school collected more than {n2}00 signatures against the plan.",
			"A mediator has been appointed, and talks are scheduled to resume next week.",
		},
		quotes: []string{
			"\"We don't want to strike. We want a contract that keeps teachers in this city,\" said {p1}, a third-grade teacher.",
			"\"These are hard decisions, and they are the right ones,\" {p2last} said.",
		},
		concepts: []string{"per-pupil funding formulas", "chronic absenteeism", "standardised test proficiency rates"},
	},
	{
		name:  "tech layoffs",
		roles: []string{"chief executive", "former employee", "industry analyst", "state labour official"},
		orgs:  []string{"the company", "the state labour department", "the local chamber of commerce"},
		headlines: []string{
			"{company} to cut {num} jobs, close {city} office",
			"{company} layoffs ripple through {city}'s startup scene",
			"{city} software firm {company} files for bankruptcy protection",
		},
		ledes: []string{
			"{company}, the logistics software firm based in {city}, said on {day} it would cut about {num} jobs, or {pct} of its workforce, and close its downtown office.",
			"Startup founders in {city} said on {day} that layoffs at {company} had flooded the local market with experienced engineers.",
		},
		body: []string{
			"Chief executive {p1} said in a memo to staff that the company had hired too quickly during the boom.",
			"Affected employees will receive {n1} weeks of severance, according to a filing with {org}.",
			"The company raised {money} from investors two years ago at a valuation of more than a billion dollars.",
			"{p2}, an analyst who follows the sector, said the cuts reflected slowing demand from retailers.",
			"The office lease runs until 2029, and the company said it was looking for a subtenant.",
		},
		quotes: []string{
			"\"I found out when my laptop stopped working,\" said {p2}, a former engineer.",
			"\"These decisions are painful, and I take full responsibility,\" {p1last} wrote.",
		},
		concepts: []string{"a WARN notice", "down rounds", "venture debt"},
	},
	{
		name:  "stadium",
		roles: []string{"club president", "city councillor", "season-ticket holder", "sports economist"},
		orgs:  []string{"the club", "the city council", "the supporters' trust"},
		headlines: []string{
			"{team} unveil {money} stadium plan for {city} waterfront",
			"{city} council delays vote on {team} stadium subsidy",
			"{team} fans protest ticket price rise of {pct}",
		},
		ledes: []string{
			"{team} on {day} unveiled plans for a {money} stadium on {city}'s waterfront, asking the city to cover the cost of roads and a new rail station.",
			"Supporters of {team} marched to the club's offices on {day} to protest a {pct} increase in season-ticket prices.",
		},
		body: []string{
			"Club president {p1} said the new ground would seat {num} and host concerts in the off-season.",
			"Independent studies have found that public subsidies for stadiums rarely pay for themselves, said economist {p2}.",
			"The council's finance committee asked for an independent review before any vote.",
			"The supporters' trust said the cheapest adult season ticket would now cost {price}.",
			"The club says it will not leave {city} but has held talks with two neighbouring municipalities.",
		},
		quotes: []string{
			"\"This is a generational project for {city},\" {p1last} said.",
			"\"Football without working people in the stands isn't football,\" said {p2}, who has held a season ticket for 31 years.",
		},
		concepts: []string{"tax increment financing", "the economic impact of stadiums", "financial fair play rules"},
	},
	{
		name:  "housing",
		roles: []string{"housing minister", "tenant organiser", "developer", "urban economist"},
		orgs:  []string{"the housing department", "the tenants' union", "the planning commission"},
		headlines: []string{
			"Rents in {city} rise {pct} in a year, outpacing wages",
			"{city} approves {num} homes on former rail yard",
			"Tenants in {city} tower win rent freeze after strike",
		},
		ledes: []string{
			"Average rents in {city} rose {pct} over the past year, more than twice the pace of wage growth, according to data released on {day}.",
			"The {city} planning commission on {day} approved a plan for {num} homes on a former rail yard, a fifth of them below market rate.",
		},
		body: []string{
			"A one-bedroom flat now rents for an average of {price} a month, the data show.",
			"{p1}, a tenant organiser, said many families were spending more than half their income on rent.",
			"The developer, {company}, said construction could begin next spring.",
			"Vacancy rates are below {pct2}, which economists say gives landlords strong bargaining power.",
			"{org} said it would publish a plan to speed up permits by the end of the year.",
		},
		quotes: []string{
			"\"We are not asking for charity. We are asking for rents people can pay,\" said {p1last}.",
			"\"Supply is the only long-term answer,\" said {p2}, an urban economist.",
		},
		concepts: []string{"rent stabilisation", "inclusionary zoning", "vacancy rates"},
	},
	{
		name:  "drought",
		roles: []string{"water utility director", "farmer", "climate scientist", "regional governor"},
		orgs:  []string{"the water utility", "the irrigation district", "the meteorological office"},
		headlines: []string{
			"{city} imposes water restrictions as reservoirs fall to {pct}",
			"Farmers near {city} cut planting as drought deepens",
			"Drought pushes {city} to consider desalination plant",
		},
		ledes: []string{
			"{city} will ban lawn watering and limit car washing from Monday after reservoirs fell to {pct} of capacity, {org} said on {day}.",
			"Farmers in the region around {city} said on {day} they would leave up to a third of their fields unplanted this season as the drought entered its third year.",
		},
		body: []string{
			"Rainfall over the past 12 months was {pct2} below the long-term average, according to {org}.",
			"Utility director {p1} said fines for violations would start at {price}.",
			"{p2}, who grows citrus and almonds, said well levels on his farm had dropped by more than ten metres.",
			"A proposed desalination plant would cost an estimated {money} and take at least five years to build.",
			"Scientists say hotter temperatures are increasing evaporation, making droughts more severe even when rainfall is similar.",
		},
		quotes: []string{
			"\"Every litre we save now is a litre we have in September,\" {p1last} said.",
			"\"My grandfather farmed this land through dry years, but nothing like this,\" said {p2}.",
		},
		concepts: []string{"groundwater recharge", "reservoir storage versus inflow", "desalination"},
	},
	{
		name:  "food prices",
		roles: []string{"agriculture minister", "market trader", "food bank director", "commodities analyst"},
		orgs:  []string{"the statistics office", "the farmers' federation", "the food bank network"},
		headlines: []string{
			"Egg prices in {country} jump {pct} after bird flu outbreak",
			"Food banks in {city} report record demand",
			"Tomato shortage leaves {city} shelves bare",
		},
		ledes: []string{
			"The price of a dozen eggs in {country} rose {pct} in April, official data released on {day} showed, as a bird flu outbreak forced farmers to cull millions of hens.",
			"Food banks in {city} served {num} households last month, the most since they began keeping records, their network said on {day}.",
		},
		body: []string{
			"Overall food inflation was {infl}, down slightly from {inflPrev} the previous month.",
			"{p1}, who runs a market stall in {city}, said customers were buying smaller quantities.",
			"The food bank network said a growing share of visitors had full-time jobs.",
			"Analyst {p2} said prices would likely ease in the autumn as flocks are rebuilt.",
			"The government has ruled out price controls but said it would monitor supermarket margins.",
		},
		quotes: []string{
			"\"People come in and ask for the cheapest thing, not the thing they want,\" said {p1last}.",
			"\"This is a supply shock, not greed,\" {p2last} said.",
		},
		concepts: []string{"food inflation versus headline inflation", "shrinkflation", "commodity futures"},
	},
}

var teams = []string{"Harbour City FC", "Rovers", "United", "Athletic Club", "the Mariners", "Dynamo", "the Kestrels"}
var companies = []string{"Parcelwise", "Loomline", "Fernbrook Logistics", "Quaywise", "Tallgrass Software", "Northlight Homes", "Brindle & Co", "Kelpworks"}

// story is one news story: a topic with its slots filled once, so that the
// headline, lede, body and quotes agree.
type story struct {
	t *topic
	c city
	v map[string]string
}

func newStory(r *rand.Rand) *story { return newStoryIn(r, pick(r, cities)) }

func newStoryIn(r *rand.Rand, c city) *story {
	t := pick(r, topics)
	cur := currency[c.cc]
	p1, p2 := personName(r), personName(r)
	n1 := 3 + r.IntN(9)
	inf := 1.5 + float64(r.IntN(70))/10
	v := map[string]string{
		"city": c.name, "country": c.country,
		"p1": p1, "p1last": lastOf(p1), "p2": p2, "p2last": lastOf(p2),
		"org": pick(r, t.orgs), "street": pick(r, streets),
		"n1": strconv.Itoa(n1), "n2": strconv.Itoa(1 + r.IntN(n1)),
		"num":      strconv.Itoa((2 + r.IntN(90)) * 100),
		"area":     strconv.Itoa((5 + r.IntN(80)) * 100),
		"rain":     strconv.Itoa(60 + r.IntN(140)),
		"hours":    strconv.FormatFloat(4+float64(r.IntN(80))/10, 'f', 1, 64),
		"pct":      strconv.FormatFloat(1+float64(r.IntN(190))/10, 'f', 1, 64) + "%",
		"pct2":     strconv.FormatFloat(1+float64(r.IntN(90))/10, 'f', 1, 64) + "%",
		"rate":     strconv.FormatFloat(1.5+float64(r.IntN(18))*0.25, 'f', 2, 64) + "%",
		"money":    cur + strconv.FormatFloat(20+float64(r.IntN(9000))/10, 'f', 1, 64) + " million",
		"money2":   cur + strconv.Itoa(2+r.IntN(60)) + " million",
		"price":    cur + strconv.Itoa(40+r.IntN(1900)),
		"vote":     itoa(78 + r.IntN(20)),
		"infl":     ftoa(inf, 1) + "%",
		"inflPrev": ftoa(inf+0.2+float64(r.IntN(20))/10, 1) + "%",
		"day":      pick(r, []string{"Monday", "Tuesday", "Wednesday", "Sunday"}),
		"team":     pick(r, teams), "company": pick(r, companies),
	}
	return &story{t: t, c: c, v: v}
}

func (s *story) headline(r *rand.Rand) string { return fill(pick(r, s.t.headlines), s.v) }
func (s *story) lede(r *rand.Rand) string     { return fill(pick(r, s.t.ledes), s.v) }
func (s *story) quote(r *rand.Rand) string    { return fill(pick(r, s.t.quotes), s.v) }

// paragraph returns k sentences of the story's body.
func (s *story) paragraph(r *rand.Rand, k int) string {
	idx := r.Perm(len(s.t.body))
	if k > len(idx) {
		k = len(idx)
	}
	parts := make([]string, k)
	for i := range k {
		parts[i] = fill(s.t.body[idx[i]], s.v)
	}
	return strings.Join(parts, " ")
}

// article returns the story as a short article of paras paragraphs,
// with a dateline.
func (s *story) article(r *rand.Rand, paras int) string {
	var b strings.Builder
	b.WriteString(strings.ToUpper(s.c.name))
	b.WriteString(" — ")
	b.WriteString(s.lede(r))
	idx := r.Perm(len(s.t.body))
	q := r.IntN(max(paras, 1))
	for i := 0; i < paras-1 && i < len(idx); i++ {
		b.WriteString("\n\n")
		b.WriteString(fill(s.t.body[idx[i]], s.v))
		if i+1 < len(idx) && r.IntN(2) == 0 {
			b.WriteString(" ")
			b.WriteString(fill(s.t.body[idx[len(idx)-1-i]], s.v))
		}
		if i == q {
			b.WriteString("\n\n")
			b.WriteString(s.quote(r))
		}
	}
	return b.String()
}

// transcript returns an interview excerpt with the fillers of speech.
func (s *story) transcript(r *rand.Rand) string {
	fillers := []string{"um, ", "you know, ", "I mean, ", "like, ", "so ", "uh, ", "right, ", ""}
	qs := []string{
		"Can you walk me through what happened on {day}?",
		"What did {org} tell you at that point?",
		"How many people do you think are affected?",
		"What would you say to people who disagree with you?",
		"And what happens next?",
	}
	speaker := s.v["p2last"]
	var b strings.Builder
	for i := 0; i < 3+r.IntN(3); i++ {
		b.WriteString("Q: ")
		b.WriteString(fill(pick(r, qs), s.v))
		b.WriteString("\n")
		b.WriteString(strings.ToUpper(speaker))
		b.WriteString(": ")
		sent := fill(pick(r, s.t.body), s.v)
		words := strings.Fields(sent)
		for j, w := range words {
			if j > 0 {
				b.WriteByte(' ')
			}
			if r.IntN(7) == 0 {
				b.WriteString(pick(r, fillers))
			}
			if r.IntN(25) == 0 {
				b.WriteString(w + " — " + w)
				continue
			}
			b.WriteString(w)
		}
		if r.IntN(4) == 0 {
			b.WriteString(" [crosstalk] ")
		}
		b.WriteString("\n")
	}
	return strings.TrimSpace(b.String())
}

var languages = []string{"Spanish", "French", "Portuguese", "German", "Swahili", "Hindi", "Arabic", "Tagalog", "Polish", "Japanese", "Dutch", "Ukrainian"}

// sprinkleTypos swaps adjacent letters here and there, as a hurried typist does.
func sprinkleTypos(r *rand.Rand, s string, rate float64) string {
	b := []byte(s)
	for i := 1; i < len(b)-1; i++ {
		if b[i] >= 'a' && b[i] <= 'z' && b[i+1] >= 'a' && b[i+1] <= 'z' && r.Float64() < rate {
			b[i], b[i+1] = b[i+1], b[i]
			i++
		}
	}
	return string(b)
}

// lowerCasual lowercases the first letter, as people typing fast often do.
func lowerCasual(s string) string {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return s
	}
	return string(s[0]+'a'-'A') + s[1:]
}
