package civic

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
)

// expand fills the slots of a template: {name} is a random entry of
// slots[name] (itself expanded), {#a-b} an integer in [a, b], {$a-b} an
// amount of dollars, {date} a date in the coming weeks, {time} a clock
// time, {case} a case number, {a|b|c} one of the alternatives.
func expand(r *rand.Rand, s string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := closing(s, i)
		if j < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		b.WriteString(slot(r, s[i+1:j]))
		s = s[j+1:]
	}
}

// closing returns the index of the brace that closes the one at i, or -1.
func closing(s string, i int) int {
	depth := 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

// alternatives splits s at the bars outside braces.
func alternatives(s string) []string {
	var out []string
	depth, from := 0, 0
	for j := 0; j < len(s); j++ {
		switch s[j] {
		case '{':
			depth++
		case '}':
			depth--
		case '|':
			if depth == 0 {
				out = append(out, s[from:j])
				from = j + 1
			}
		}
	}
	return append(out, s[from:])
}

func slot(r *rand.Rand, k string) string {
	if alts := alternatives(k); len(alts) > 1 {
		return expand(r, pick(r, alts))
	}
	switch {
	case strings.Contains(k, "{"): // not a slot: literal braces around text with slots
		return "{" + expand(r, k) + "}"
	case strings.HasPrefix(k, "#"):
		a, b := rangeOf(k[1:])
		return strconv.Itoa(a + r.IntN(b-a+1))
	case strings.HasPrefix(k, "$"):
		a, b := rangeOf(k[1:])
		return money(a*100 + r.IntN((b-a)*100+1))
	case k == "date":
		d := 1 + r.IntN(58)
		if d <= 31 {
			return fmt.Sprintf("%s %d, 2026", pick(r, []string{"May", "May"}), d)
		}
		return fmt.Sprintf("June %d, 2026", d-31)
	case k == "pastdate":
		return fmt.Sprintf("%s %d, 2026", pick(r, []string{"March", "April", "April", "May"}), 1+r.IntN(28))
	case k == "time":
		h := 8 + r.IntN(11)
		ap := "a.m."
		if h >= 12 {
			ap = "p.m."
		}
		if h > 12 {
			h -= 12
		}
		return fmt.Sprintf("%d:%s %s", h, pick(r, []string{"00", "00", "30", "15", "45"}), ap)
	case k == "case":
		return fmt.Sprintf("%s-%d-%06d", pick(r, []string{"PT", "CE", "BL", "HA", "TX", "WU", "CS"}), 2026, r.IntN(1000000))
	case k == "phone":
		return fmt.Sprintf("(%d) %03d-%04d", pick(r, []int{312, 503, 614, 206, 919, 720, 413, 559, 808, 651}), 200+r.IntN(800), r.IntN(10000))
	case k == "addr":
		return expand(r, "{#100-9899} {street} {stsuf}")
	case k == "person":
		return expand(r, "{first} {last}")
	}
	if v, ok := slots[k]; ok {
		return expand(r, pick(r, v))
	}
	return "{" + k + "}"
}

func rangeOf(s string) (int, int) {
	cut := strings.IndexByte(s[min(1, len(s)):], '-') + min(1, len(s)) // a leading minus is a sign
	a, b := s, s
	if cut > 0 {
		a, b = s[:cut], s[cut+1:]
	}
	x, _ := strconv.Atoi(a)
	y, _ := strconv.Atoi(b)
	if y < x {
		y = x
	}
	return x, y
}

func money(cents int) string {
	d := strconv.Itoa(cents / 100)
	for i := len(d) - 3; i > 0; i -= 3 {
		d = d[:i] + "," + d[i:]
	}
	return fmt.Sprintf("$%s.%02d", d, cents%100)
}

// typo roughens text the way people type in a hurry: lower case, a
// dropped apostrophe or question mark, now and then a slip.
func typo(r *rand.Rand, s string) string {
	if r.IntN(3) == 0 {
		s = strings.ToLower(s[:1]) + s[1:]
	}
	if r.IntN(4) == 0 {
		s = strings.ReplaceAll(s, "'", "")
	}
	if r.IntN(4) == 0 {
		s = strings.TrimRight(s, "?.")
	}
	if r.IntN(6) == 0 && len(s) > 12 {
		i := 3 + r.IntN(len(s)-6)
		if s[i] >= 'a' && s[i] <= 'z' && s[i+1] >= 'a' && s[i+1] <= 'z' {
			s = s[:i] + string(s[i+1]) + string(s[i]) + s[i+2:]
		}
	}
	return s
}

var slots = map[string][]string{
	"city": {"Halvern", "Wrenfield", "Port Alder", "Bexley Heights", "New Canby", "Marrowstone", "Lakemont", "Greyhaven",
		"Sutter's Bend", "East Ridley", "Calder Springs", "Ostrander"},
	"county": {"Ostrander County", "Kessler County", "Pell County", "Aldine County", "Harrow County"},
	"state":  {"the Commonwealth", "the State"},
	"street": {"Maple", "Kessler", "Juniper", "Harbor", "Alder", "Division", "Fairview", "Union", "Lincoln", "Orchard",
		"Fremont", "Cedar", "3rd", "14th", "Martin Luther King Jr.", "Ridge", "Mill", "Water", "Prospect", "Grand", "Elm",
		"Sycamore", "Locust", "Riverside", "Chavez", "Wabash", "Beacon", "Hillcrest", "Garfield", "Oak Park"},
	"stsuf": {"St", "Street", "Ave", "Avenue", "Rd", "Blvd", "Dr", "Ct", "Way", "Ln", "Pl"},
	"first": {"Maria", "James", "Aisha", "Wei", "Olumide", "Priya", "Carlos", "Fatima", "Dmitri", "Grace", "Tomasz", "Keisha",
		"Hiroshi", "Elena", "Mohammed", "Sofia", "Ahmed", "Lena", "Jamal", "Ana", "Kwame", "Mei", "Diego", "Hannah", "Ravi",
		"Yusuf", "Chloe", "Linh", "Patrick", "Gabriela", "Samuel", "Noor", "Dolores", "Terrence", "Ingrid", "Marcus", "Rosa",
		"Abdi", "Beatriz", "Connor", "Esperanza", "Kenji", "Latoya", "Mateo", "Nadia", "Oksana", "Rahul", "Shanice", "Thu"},
	"last": {"Garcia", "Nguyen", "Okafor", "Patel", "Kowalski", "Johnson", "Haddad", "Kim", "Martinez", "O'Brien", "Chen",
		"Silva", "Abebe", "Rossi", "Novak", "Williams", "Tran", "Hernandez", "Yilmaz", "Schmidt", "Mensah", "Lopez", "Brooks",
		"Nakamura", "Rahman", "Petrov", "Fischer", "Murphy", "Osei", "Delgado", "Ivanova", "Washington", "Begay", "Lindqvist",
		"Castillo", "Warsame", "Goldberg", "Pham", "Ramirez", "Adeyemi", "Sullivan", "Moreau"},
	"agency": {"Department of Public Works", "Parks and Recreation Department", "Housing Authority", "Department of Revenue",
		"Office of the City Clerk", "Department of Transportation", "Water Utility", "Health Department",
		"Department of Human Services", "Office of Emergency Management", "Planning and Zoning Division",
		"Building Safety Division", "Public Library", "Animal Services", "Office of Neighborhood Services",
		"Department of Finance", "Fire Marshal's Office", "Solid Waste Division"},
	"lang": {"Spanish", "Vietnamese", "Simplified Chinese", "Tagalog", "Arabic", "Haitian Creole", "Somali", "Russian",
		"Korean", "Portuguese", "French", "Amharic", "Ukrainian", "Polish", "Hmong", "Navajo"},
	"month":   {"May", "June", "July", "August", "September"},
	"weekday": {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
	"park": {"Riverside Park", "Kessler Commons", "Alder Grove", "Heritage Fields", "Millpond Park", "Lakemont Green",
		"Juniper Hill Playground", "Union Square Plaza", "Fairview Dog Park"},
	"program": {"SNAP", "Medicaid", "LIHEAP energy assistance", "WIC", "the rental assistance program", "TANF",
		"the property tax relief program", "the senior homestead exemption", "the summer meals program",
		"child care subsidy", "the water bill discount program"},
	"service": {"bulk trash pickup", "a residential parking permit", "a building permit for a deck", "a dog license",
		"a block party permit", "a new recycling cart", "a pothole repair", "a streetlight outage report",
		"a business license renewal", "a copy of a birth certificate", "a park pavilion reservation",
		"a noise complaint", "a tree trimming request", "a water shutoff for repairs", "a sidewalk repair",
		"a library card", "a marriage license", "an abandoned vehicle report", "a yard waste sticker",
		"a food truck permit", "a rental registration", "a special event permit", "a fence permit"},
	"neighborhood": {"Northgate", "Old Town", "the Flats", "Hollis Park", "Eastbank", "Cedar Hill", "Millbrook",
		"South Harbor", "Westview", "Irving Square", "Tanner's Row", "Lower Fremont"},
	"org": {"the Tenants Union", "the Eastbank Neighborhood Association", "Halvern Food Bank", "the Youth Soccer League",
		"Friends of the Library", "the Downtown Business Alliance", "Code for Wrenfield", "the Senior Center",
		"the PTA at Lincoln Elementary", "the Community Garden Collective", "Refugee Welcome Network"},
	"role": {"permit technician", "library assistant", "caseworker", "council aide", "GIS analyst", "communications specialist",
		"budget analyst", "code enforcement officer", "school secretary", "IT support lead", "grants coordinator",
		"records clerk", "planner", "parks program coordinator", "public information officer", "HR generalist"},
	"notes":       meetingNotes,
	"notice_head": noticeHeads,
	"letter":      shortLetters,
	"ask":         smallAsks,
	"subject": {"algebra", "chemistry", "US history", "biology", "geometry", "English literature", "statistics", "physics",
		"economics", "Spanish"},
}
