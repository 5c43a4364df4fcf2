package freight

import (
	"fmt"
	"math/rand/v2"
)

var (
	cities = []string{"Chicago, IL", "Dallas, TX", "Atlanta, GA", "Laredo, TX", "Memphis, TN", "Columbus, OH", "Indianapolis, IN",
		"Joliet, IL", "Ontario, CA", "Savannah, GA", "Newark, NJ", "Kansas City, MO", "Denver, CO", "Phoenix, AZ", "Reno, NV",
		"Louisville, KY", "Charlotte, NC", "Harrisburg, PA", "Salt Lake City, UT", "El Paso, TX", "Nashville, TN", "Fresno, CA",
		"Allentown, PA", "Jacksonville, FL", "Omaha, NE", "Toronto, ON", "Calgary, AB", "Monterrey, NL"}
	ports       = []string{"Rotterdam", "Hamburg", "Antwerp", "Felixstowe", "Singapore", "Port Klang", "Savannah", "Long Beach", "Houston", "Busan", "Ningbo", "Valencia"}
	equipment   = []string{"53' dry van", "48' flatbed", "reefer", "step deck", "conestoga", "power only", "hotshot", "box truck", "40' HC container", "20' dry container"}
	commodities = []string{"frozen poultry", "paper rolls", "auto parts", "palletized beverages", "steel coils", "lumber", "consumer electronics",
		"fresh produce", "pharmaceuticals", "furniture", "bagged fertilizer", "machinery", "apparel", "tires", "solar panels"}
	carriers  = []string{"Redline Transport", "Blue Ox Freight", "Keystone Carriers", "Prairie Haul LLC", "Northbound Logistics", "Coastal Reefer Co", "Delgado Trucking", "Summit Linehaul"}
	names     = []string{"Maria", "Dave", "Priya", "Tom", "Kenji", "Lucia", "Marcus", "Aisha", "Brent", "Olga", "Jamal", "Sven", "Carla", "Ray", "Mei", "Tyrone", "Ingrid", "Hector"}
	incoterms = []string{"FOB", "CIF", "DAP", "DDP", "EXW", "FCA", "CPT"}
	countries = []string{"Vietnam", "Mexico", "Germany", "China", "India", "Turkey", "Brazil", "Poland", "South Korea", "Italy"}
	goods     = []string{"cotton t-shirts", "lithium-ion battery packs", "ceramic floor tiles", "stainless steel bolts", "LED light fixtures",
		"frozen shrimp", "office chairs", "bicycle parts", "printed circuit boards", "olive oil", "leather handbags", "plastic housewares"}
	faults = []string{"P0299", "P2463", "P20EE", "P0087", "P0401", "SPN 3251 FMI 0", "SPN 5246", "SPN 4364 FMI 18", "P0101", "P0234"}
)

func lane(r *rand.Rand) (string, string) {
	a := pick(r, cities)
	b := pick(r, cities)
	for b == a {
		b = pick(r, cities)
	}
	return a, b
}

func money(r *rand.Rand, lo, hi int) string { return fmt.Sprintf("$%d", between(r, lo, hi)/25*25) }

// staffPrompt is an ordinary question from someone at a dispatch desk,
// brokerage, warehouse or back office.
func staffPrompt(r *rand.Rand) string {
	a, b := lane(r)
	switch r.IntN(22) {
	case 0:
		return fmt.Sprintf("Write a short, polite email to %s asking why the load from %s to %s hasn't picked up yet. Pickup was scheduled for %d:00 today.", pick(r, carriers), a, b, between(r, 6, 14))
	case 1:
		return fmt.Sprintf("what's the difference between %s and %s for an import from %s? which one puts more risk on us", pick(r, incoterms), pick(r, incoterms), pick(r, countries))
	case 2:
		return fmt.Sprintf("Convert %d kg to pounds and tell me if that's over the legal limit for a %s", between(r, 9000, 21000), pick(r, equipment))
	case 3:
		return fmt.Sprintf("I need an Excel formula that looks up the rate in column %s based on the lane in column A and returns 0 if it's missing", pick(r, []string{"C", "D", "F", "H"}))
	case 4:
		return fmt.Sprintf("Summarize this note from the driver for the customer, keep it professional: \"%s\"", pick(r, driverNotes))
	case 5:
		return fmt.Sprintf("Can you rewrite this so it sounds less angry? \"%s\"", pick(r, angryDrafts))
	case 6:
		return fmt.Sprintf("Give me a checklist for onboarding a new carrier. We're a small brokerage in %s.", a)
	case 7:
		return fmt.Sprintf("rough fuel cost for %s to %s, %d miles, truck gets %.1f mpg, diesel at $%.2f", a, b, between(r, 250, 2100), 5.5+r.Float64()*2, 3.4+r.Float64())
	case 8:
		return fmt.Sprintf("Translate to Spanish for the driver: \"%s\"", pick(r, driverInstructions))
	case 9:
		return fmt.Sprintf("What does detention mean in trucking and how is it usually billed? Customer in %s is disputing a %s charge.", b, money(r, 75, 600))
	case 10:
		return fmt.Sprintf("Make a table of pros and cons of cross-docking vs direct shipping for %s", pick(r, commodities))
	case 11:
		return fmt.Sprintf("We keep getting OS&D claims on %s loads out of %s. What questions should I ask the warehouse?", pick(r, commodities), a)
	case 12:
		return fmt.Sprintf("Draft a rate confirmation note: %s, %s to %s, %s all-in, pickup %s, delivery %s.", pick(r, equipment), a, b, money(r, 900, 6000), pick(r, weekdays), pick(r, weekdays))
	case 13:
		return fmt.Sprintf("Is a %s needed for %s? shipping from %s to %s", pick(r, []string{"hazmat endorsement", "TWIC card", "food grade trailer", "temperature recorder"}), pick(r, commodities), a, b)
	case 14:
		return fmt.Sprintf("hey can you explain what a %s is, my boss keeps mentioning it", pick(r, []string{"bill of lading", "lumper fee", "TONU", "deadhead", "drop and hook", "accessorial", "NMFC class", "spot rate"}))
	case 15:
		return fmt.Sprintf("Write a Python script that reads loads.csv and prints the average rate per mile grouped by %s", pick(r, []string{"origin state", "carrier", "equipment type", "week"}))
	case 16:
		return fmt.Sprintf("Our %s dock has %d doors and gets about %d trucks a day. How should we schedule appointments to cut wait times?", a, between(r, 6, 40), between(r, 30, 250))
	case 17:
		return fmt.Sprintf("Please proofread: \"%s\"", pick(r, angryDrafts))
	case 18:
		return fmt.Sprintf("what should I put in a SOP for %s", pick(r, []string{"reefer temperature checks", "seal verification", "cycle counts", "returns processing", "after-hours dispatch"}))
	case 19:
		return fmt.Sprintf("Give me 5 subject lines for a newsletter to our shippers about %s", pick(r, []string{"peak season capacity", "new lanes into " + b, "our updated fuel surcharge", "holiday cut-off dates"}))
	case 20:
		return fmt.Sprintf("%s here. Customer wants to move %d pallets of %s from %s to %s by %s. LTL or partial?", pick(r, names), between(r, 4, 18), pick(r, commodities), a, b, pick(r, weekdays))
	default:
		return fmt.Sprintf("Explain the %s in plain English", pick(r, []string{"ELD mandate", "34-hour restart", "personal conveyance rule", "sleeper berth split", "CARB truck rule", "bridge formula"}))
	}
}

var (
	weekdays    = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	driverNotes = []string{"shipper had me waiting 4 hrs, no dock, now im out of hours will deliver tmrw am",
		"2 pallets leaning, took pics, receiver signed clean anyway", "reefer alarm went off near the state line, temp back to 34 now",
		"road closed due to wreck, rerouting adds maybe 90 min", "receiver says appt was yesterday, they can work me in at 3"}
	angryDrafts = []string{"This is the third time your driver showed up late and nobody called us. Fix it or we're done.",
		"We were never told about the lumper fee and we will not pay it.", "Your invoice is wrong again, I sent the correct BOL twice already.",
		"i dont understand why the load is still sitting at the yard when you said it would go out friday"}
	driverInstructions = []string{"Please back into door 14 and wait for the green light before opening the doors.",
		"Check in at the guard shack and have your seal number ready.", "Do not break the seal, the receiver must do it.",
		"Fuel is paid at the Pilot on exit 42, use the company card."}
)

// freightProblem is a word problem with a numeric answer, the raw material
// campaigns harvest reasoning on.
func freightProblem(r *rand.Rand) (string, string) {
	switch r.IntN(8) {
	case 0:
		d, v := between(r, 180, 900), between(r, 48, 65)
		return fmt.Sprintf("A truck leaves %s and drives %d miles at an average of %d mph, with a mandatory 30-minute break after 8 hours of driving. How long does the trip take?", pick(r, cities), d, v),
			fmt.Sprintf("%.2f hours", float64(d)/float64(v)+map[bool]float64{true: 0.5, false: 0}[float64(d)/float64(v) > 8])
	case 1:
		p, w := between(r, 12, 26), between(r, 400, 1800)
		return fmt.Sprintf("A trailer holds %d pallets. Each pallet weighs %d lb and the tractor-trailer tare weight is 34,000 lb. What is the gross weight, and is it under 80,000 lb?", p, w),
			fmt.Sprintf("%d lb", 34000+p*w)
	case 2:
		a, b := between(r, 2, 9), between(r, 2, 9)
		return fmt.Sprintf("Find all real x such that %dx^2 - %dx + %d = 0.", a, a*b+1, b), fmt.Sprintf("x = %d or x = 1/%d", b, a)
	case 3:
		n, k := between(r, 6, 14), between(r, 2, 4)
		return fmt.Sprintf("In how many ways can %d distinct loads be assigned to %d identical trucks if every truck gets at least one load?", n, k), "S(n,k) (Stirling number)"
	case 4:
		p := between(r, 5, 30)
		return fmt.Sprintf("Each shipment is independently damaged with probability %d%%. Out of 12 shipments, what is the probability that at most one is damaged?", p), "binomial sum"
	case 5:
		a, b := between(r, 100, 999), between(r, 11, 97)
		return fmt.Sprintf("What is the remainder when %d^%d is divided by 7?", a, b), fmt.Sprintf("%d", powmod(a, b, 7))
	case 6:
		s1, s2 := between(r, 40, 60), between(r, 50, 70)
		return fmt.Sprintf("Two trucks start %d miles apart and drive toward each other at %d mph and %d mph. When and where do they meet?", between(r, 200, 600), s1, s2), "t = D/(v1+v2)"
	default:
		n := between(r, 3, 9)
		return fmt.Sprintf("Prove that the sum of the first %d odd numbers is a perfect square, and generalize.", n), fmt.Sprintf("%d", n*n)
	}
}

func powmod(a, b, m int) int {
	res, a := 1, a%m
	for ; b > 0; b >>= 1 {
		if b&1 == 1 {
			res = res * a % m
		}
		a = a * a % m
	}
	return res
}

// codeTask is a programming task.
func codeTask(r *rand.Rand) string {
	lang := pick(r, []string{"Python", "TypeScript", "Go", "Rust", "Java", "C++"})
	switch r.IntN(10) {
	case 0:
		return fmt.Sprintf("Implement an LRU cache in %s with O(1) get and put and capacity %d.", lang, between(r, 2, 1000))
	case 1:
		return fmt.Sprintf("Write a %s function that merges overlapping time windows (delivery appointments) given as pairs of minutes.", lang)
	case 2:
		return fmt.Sprintf("In %s, parse an EDI 214 shipment status message and return the status code and timestamp for each segment.", lang)
	case 3:
		return fmt.Sprintf("Write %s code for Dijkstra's algorithm on a road graph with %d nodes read from an adjacency list.", lang, between(r, 10, 100000))
	case 4:
		return fmt.Sprintf("Solve the bin-packing problem approximately in %s: pack boxes of given volumes into the fewest trucks of capacity %d.", lang, between(r, 20, 90))
	case 5:
		return fmt.Sprintf("Write a thread-safe rate limiter in %s allowing %d requests per second with bursts.", lang, between(r, 5, 500))
	case 6:
		return fmt.Sprintf("Given a string of digits, count the ways to decode it (A=1..Z=26) in %s. Explain the complexity.", lang)
	case 7:
		return fmt.Sprintf("Implement a trie in %s supporting insert, search and prefix count.", lang)
	case 8:
		return fmt.Sprintf("Write a %s function returning the k most frequent SKUs in a stream using O(k) memory approximately.", lang)
	default:
		return fmt.Sprintf("Refactor this %s loop into a functional style and add unit tests: for i in range(len(xs)): if xs[i] %% %d == 0: out.append(xs[i]*2)", lang, between(r, 2, 9))
	}
}
