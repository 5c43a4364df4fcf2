package voyage

import (
	"fmt"
	"strings"
)

// The world's vocabulary: places, people, properties, products and the
// slots the prompts of every class are filled from. Legitimate and
// campaign prompts draw from the same lists, so that no word marks a
// class.

type place struct {
	city, country, iata, region string
}

var places = []place{
	{"Lisbon", "Portugal", "LIS", "europe"}, {"Porto", "Portugal", "OPO", "europe"}, {"Madrid", "Spain", "MAD", "europe"},
	{"Barcelona", "Spain", "BCN", "europe"}, {"Seville", "Spain", "SVQ", "europe"}, {"Palma de Mallorca", "Spain", "PMI", "europe"},
	{"Paris", "France", "CDG", "europe"}, {"Nice", "France", "NCE", "europe"}, {"Lyon", "France", "LYS", "europe"},
	{"Rome", "Italy", "FCO", "europe"}, {"Milan", "Italy", "MXP", "europe"}, {"Naples", "Italy", "NAP", "europe"},
	{"Venice", "Italy", "VCE", "europe"}, {"Florence", "Italy", "FLR", "europe"}, {"Athens", "Greece", "ATH", "europe"},
	{"Santorini", "Greece", "JTR", "europe"}, {"Istanbul", "Türkiye", "IST", "europe"}, {"London", "United Kingdom", "LHR", "europe"},
	{"Edinburgh", "United Kingdom", "EDI", "europe"}, {"Dublin", "Ireland", "DUB", "europe"}, {"Amsterdam", "Netherlands", "AMS", "europe"},
	{"Copenhagen", "Denmark", "CPH", "europe"}, {"Oslo", "Norway", "OSL", "europe"}, {"Bergen", "Norway", "BGO", "europe"},
	{"Tromsø", "Norway", "TOS", "europe"}, {"Stockholm", "Sweden", "ARN", "europe"}, {"Helsinki", "Finland", "HEL", "europe"},
	{"Rovaniemi", "Finland", "RVN", "europe"}, {"Reykjavík", "Iceland", "KEF", "europe"}, {"Zürich", "Switzerland", "ZRH", "europe"},
	{"Munich", "Germany", "MUC", "europe"}, {"Berlin", "Germany", "BER", "europe"}, {"Vienna", "Austria", "VIE", "europe"},
	{"Prague", "Czechia", "PRG", "europe"}, {"Kraków", "Poland", "KRK", "europe"}, {"Budapest", "Hungary", "BUD", "europe"},
	{"Dubrovnik", "Croatia", "DBV", "europe"}, {"Valletta", "Malta", "MLA", "europe"}, {"Funchal", "Portugal", "FNC", "europe"},
	{"New York", "United States", "JFK", "americas"}, {"Boston", "United States", "BOS", "americas"}, {"Chicago", "United States", "ORD", "americas"},
	{"Miami", "United States", "MIA", "americas"}, {"Orlando", "United States", "MCO", "americas"}, {"New Orleans", "United States", "MSY", "americas"},
	{"Denver", "United States", "DEN", "americas"}, {"Las Vegas", "United States", "LAS", "americas"}, {"San Francisco", "United States", "SFO", "americas"},
	{"Los Angeles", "United States", "LAX", "americas"}, {"Seattle", "United States", "SEA", "americas"}, {"Honolulu", "United States", "HNL", "americas"},
	{"Vancouver", "Canada", "YVR", "americas"}, {"Toronto", "Canada", "YYZ", "americas"}, {"Montréal", "Canada", "YUL", "americas"},
	{"Cancún", "Mexico", "CUN", "americas"}, {"Mexico City", "Mexico", "MEX", "americas"}, {"Oaxaca", "Mexico", "OAX", "americas"},
	{"Lima", "Peru", "LIM", "americas"}, {"Cusco", "Peru", "CUZ", "americas"}, {"Bogotá", "Colombia", "BOG", "americas"},
	{"Cartagena", "Colombia", "CTG", "americas"}, {"São Paulo", "Brazil", "GRU", "americas"}, {"Rio de Janeiro", "Brazil", "GIG", "americas"},
	{"Buenos Aires", "Argentina", "EZE", "americas"}, {"Santiago", "Chile", "SCL", "americas"}, {"San José", "Costa Rica", "SJO", "americas"},
	{"Tokyo", "Japan", "HND", "asia"}, {"Kyoto", "Japan", "KIX", "asia"}, {"Osaka", "Japan", "KIX", "asia"}, {"Seoul", "South Korea", "ICN", "asia"},
	{"Bangkok", "Thailand", "BKK", "asia"}, {"Chiang Mai", "Thailand", "CNX", "asia"}, {"Phuket", "Thailand", "HKT", "asia"},
	{"Singapore", "Singapore", "SIN", "asia"}, {"Bali", "Indonesia", "DPS", "asia"}, {"Hanoi", "Vietnam", "HAN", "asia"},
	{"Ho Chi Minh City", "Vietnam", "SGN", "asia"}, {"Kuala Lumpur", "Malaysia", "KUL", "asia"}, {"Hong Kong", "Hong Kong", "HKG", "asia"},
	{"Taipei", "Taiwan", "TPE", "asia"}, {"Manila", "Philippines", "MNL", "asia"}, {"Kathmandu", "Nepal", "KTM", "asia"},
	{"Goa", "India", "GOI", "asia"}, {"Jaipur", "India", "JAI", "asia"}, {"Colombo", "Sri Lanka", "CMB", "asia"},
	{"Dubai", "United Arab Emirates", "DXB", "mea"}, {"Doha", "Qatar", "DOH", "mea"}, {"Muscat", "Oman", "MCT", "mea"},
	{"Marrakesh", "Morocco", "RAK", "mea"}, {"Cairo", "Egypt", "CAI", "mea"}, {"Cape Town", "South Africa", "CPT", "mea"},
	{"Nairobi", "Kenya", "NBO", "mea"}, {"Zanzibar", "Tanzania", "ZNZ", "mea"}, {"Mauritius", "Mauritius", "MRU", "mea"},
	{"Sydney", "Australia", "SYD", "oceania"}, {"Melbourne", "Australia", "MEL", "oceania"}, {"Queenstown", "New Zealand", "ZQN", "oceania"},
	{"Auckland", "New Zealand", "AKL", "oceania"}, {"Fiji", "Fiji", "NAN", "oceania"},
}

var (
	firstNames = []string{"Emma", "Liam", "Sofia", "Noah", "Mia", "Lucas", "Ingrid", "Lars", "Aisha", "Omar", "Chen", "Wei", "Yuki", "Haruto",
		"Priya", "Arjun", "María", "José", "Chloé", "Léa", "Björn", "Astrid", "Giulia", "Marco", "Fatima", "Kwame", "Ama", "Olivia",
		"Ethan", "Zoë", "Mateo", "Valentina", "Anika", "Jonas", "Nora", "Erik", "Hannah", "Daniel", "Sara", "Tomás", "Ji-woo", "Min-jun",
		"Linh", "Minh", "Siti", "Budi", "Carlos", "Ana", "Pedro", "Inês", "Karin", "Sven", "Oliver", "Charlotte", "James", "Amelia"}
	lastNames = []string{"Hansen", "Johansen", "Nilsson", "Berg", "García", "Martínez", "Silva", "Santos", "Rossi", "Bianchi", "Müller", "Schmidt",
		"Dubois", "Moreau", "Smith", "Johnson", "Williams", "Brown", "Khan", "Patel", "Sharma", "Tanaka", "Suzuki", "Kim", "Park", "Nguyen",
		"Tran", "Wong", "Chen", "Okafor", "Mensah", "Haddad", "Novak", "Kowalski", "Horvath", "O'Brien", "Murphy", "Lindqvist", "Virtanen",
		"Andersen", "Costa", "Ferreira", "López", "Fernández", "Jensen", "Olsen", "de Vries", "Jansen", "Russo", "Papadopoulos"}
	travellerKinds = []string{"a couple in their sixties", "a family with two kids aged 6 and 9", "a solo female traveller", "two friends in their twenties",
		"a business traveller with one free weekend", "a honeymoon couple", "a family with a toddler", "a group of four retirees",
		"a wheelchair user and her partner", "a photographer", "a student on a tight budget", "a couple travelling with a dog",
		"three generations of one family", "a remote worker staying a month", "a vegan couple", "a group of six friends for a bachelorette"}
	interests = []string{"food markets", "museums", "hiking", "beaches", "nightlife", "architecture", "wine", "street food", "history",
		"local crafts", "snorkelling", "skiing", "hot springs", "coffee culture", "live music", "photography", "cycling", "shopping",
		"wildlife", "art galleries", "day trips", "festivals", "gardens", "vegetarian food", "Christmas markets", "northern lights"}
	seasons   = []string{"late December", "mid-January", "February half-term", "Easter 2027", "May 2027", "early June 2027", "July 2027", "August 2027", "September 2027", "the October school holidays"}
	budgets   = []string{"EUR 1,500", "EUR 2,500", "EUR 4,000", "USD 2,000", "USD 3,500", "USD 6,000", "GBP 1,800", "GBP 3,000", "NOK 25 000", "EUR 800", "USD 10,000"}
	languages = []string{"English", "German", "French", "Spanish", "Italian", "Portuguese", "Dutch", "Norwegian", "Swedish", "Danish", "Polish", "Japanese", "Korean", "Simplified Chinese", "Arabic", "Turkish", "Thai", "Indonesian", "Vietnamese"}
	tones     = []string{"friendly", "professional", "luxurious", "playful", "warm and welcoming", "concise", "persuasive", "informative"}
)

var (
	hotelAdj    = []string{"Harbour", "Old Town", "Azure", "Golden", "Riverside", "Alpine", "Sea Breeze", "Olive Grove", "Royal", "Garden", "Lighthouse", "Coral", "Pine", "Market Square", "Cathedral", "Sunset", "Fjord", "Lagoon", "Palm", "Cedar"}
	hotelNoun   = []string{"View", "House", "Court", "Lodge", "Residence", "Inn", "Retreat", "Suites", "Gardens", "Palace", "Terrace", "Quarters"}
	hotelType   = []string{"Hotel", "Boutique Hotel", "Guesthouse", "Apartments", "Resort & Spa", "B&B", "Hostel", "Aparthotel", "Villas", "Eco Lodge"}
	amenities   = []string{"rooftop terrace", "free Wi-Fi", "24-hour reception", "airport shuttle", "outdoor pool", "spa with sauna", "on-site restaurant", "family rooms", "pet-friendly rooms", "EV charging", "bicycle rental", "fitness centre", "sea-view balconies", "breakfast buffet", "kitchenettes", "soundproofed rooms", "luggage storage", "concierge service", "kids' club", "private beach"}
	roomTypes   = []string{"Standard Double", "Superior Twin", "Deluxe King with balcony", "Junior Suite", "Family Room", "Studio Apartment", "Sea View Double", "Single Economy"}
	products    = []string{"carry-on spinner suitcase 55 cm", "hard-shell check-in suitcase 75 cm", "set of 6 packing cubes", "universal travel adapter with USB-C", "memory-foam neck pillow", "40 L travel backpack", "RFID-blocking passport wallet", "compression socks (2 pairs)", "collapsible water bottle", "noise-cancelling earbuds", "merino wool travel hoodie", "luggage scale", "TSA-approved cable lock", "toiletry bag with hook", "packable down jacket", "quick-dry microfibre towel", "kids' ride-on suitcase", "luggage tracker tag", "travel steamer", "waterproof phone pouch"}
	productFeat = []string{"weighs only 2.1 kg", "lifetime warranty", "recycled polycarbonate shell", "fits most airline cabin limits", "expandable by 5 cm", "four 360° double wheels", "water-resistant YKK zips", "machine washable", "comes in 7 colours", "USB-C 65 W fast charging", "TSA lock included", "folds flat to 3 cm", "anti-odour merino blend", "ultralight ripstop nylon", "built-in compression straps"}
	airlines    = []string{"Nordlys Air", "Aerolinea del Sol", "Pacific Crest Airways", "BlueMarlin Air", "Alpine Connect", "Atlas Meridian", "Coastline Airlines", "Eastwind Air"}
)

// hotelName draws a property name, sometimes in a local form.
func (r *rng) hotelName() string {
	switch r.IntN(5) {
	case 0:
		return pick(r, []string{"Casa", "Villa", "Quinta", "Maison", "Haus", "Pensione", "Hostal", "Ryokan", "Pousada", "Hôtel"}) + " " + pick(r, []string{"Alba", "Lucia", "Mar", "del Sol", "Bellevue", "Sakura", "Aurora", "Serena", "Amalia", "Verde", "Lumière", "Nordstjerne"})
	default:
		return pick(r, hotelAdj) + " " + pick(r, hotelNoun) + " " + pick(r, hotelType)
	}
}

func (r *rng) person() string { return pick(r, firstNames) + " " + pick(r, lastNames) }

// pnr draws a six-character booking reference.
func (r *rng) pnr() string { return r.str("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 6) }

// flightNo draws a flight number of an airline code.
func (r *rng) flightNo(code string) string { return fmt.Sprintf("%s%d", code, r.irange(100, 2999)) }

// date draws a travel date between December 2026 and September 2027.
func (r *rng) date() string {
	months := []string{"2026-12", "2027-01", "2027-02", "2027-03", "2027-04", "2027-05", "2027-06", "2027-07", "2027-08", "2027-09"}
	return fmt.Sprintf("%s-%02d", pick(r, months), r.irange(1, 28))
}

func (r *rng) place() place { return pick(r, places) }

// sentences joins k distinct draws of parts.
func (r *rng) some(parts []string, k int) []string {
	if k > len(parts) {
		k = len(parts)
	}
	idx := r.Perm(len(parts))[:k]
	out := make([]string, k)
	for i, j := range idx {
		out[i] = parts[j]
	}
	return out
}

// hotelBlurb writes a property description of about words words.
func (r *rng) hotelBlurb(name string, p place, words int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s is a %s property %s %s.", name, pick(r, []string{"charming", "modern", "family-run", "recently renovated", "historic", "design-led", "quiet", "centrally located"}),
		pick(r, []string{"in the heart of", "a short walk from the old town of", "on the waterfront of", "in a residential quarter of", "ten minutes by tram from central", "on the outskirts of"}), p.city)
	for b.Len()/6 < words {
		switch r.IntN(6) {
		case 0:
			fmt.Fprintf(&b, " Guests can enjoy the %s and the %s.", pick(r, amenities), pick(r, amenities))
		case 1:
			fmt.Fprintf(&b, " The %d rooms range from the %s to the %s.", r.irange(8, 240), pick(r, roomTypes), pick(r, roomTypes))
		case 2:
			fmt.Fprintf(&b, " %s is %d minutes away on foot, and the airport (%s) can be reached in about %d minutes.", pick(r, []string{"The main square", "The beach", "The central station", "The cathedral", "The harbour", "The ski lift"}), r.irange(2, 25), p.iata, r.irange(15, 70))
		case 3:
			fmt.Fprintf(&b, " Breakfast is %s.", pick(r, []string{"served daily from 7:00 to 10:30", "included in most rates", "available for EUR 18 per person", "a continental buffet with local pastries", "served on the terrace in summer"}))
		case 4:
			fmt.Fprintf(&b, " Check-in is from %d:00 and check-out until %d:00.", r.irange(14, 16), r.irange(10, 12))
		default:
			fmt.Fprintf(&b, " %s", pick(r, []string{"Parking is available nearby at an extra charge.", "Pets are welcome on request.", "The building has a lift to all floors.", "Some rooms overlook the courtyard.", "Staff speak several languages.", "Late check-out can be arranged.", "Children under 6 stay free in existing beds.", "City tax is paid at the property."}))
		}
	}
	return b.String()
}

// review writes a guest or customer review.
func (r *rng) review(subject string) (stars int, text string) {
	stars = wpick(r, []int{1, 2, 3, 4, 5}, []float64{0.08, 0.08, 0.14, 0.3, 0.4})
	good := []string{"The staff were incredibly helpful", "Spotless room and a very comfortable bed", "Great location, everything within walking distance",
		"Breakfast was excellent", "Check-in was quick and easy", "Quiet at night despite the central location", "Good value for money",
		"The wheels glide smoothly even on cobblestones", "Fits perfectly in the overhead bin", "Survived three long-haul trips without a scratch",
		"The view from the balcony was stunning", "They upgraded us for our anniversary", "Very responsive customer service"}
	bad := []string{"The Wi-Fi kept dropping", "Our room smelled of smoke", "The shower pressure was weak", "Check-in took almost an hour",
		"The zip broke after two trips", "Much smaller than it looks in the photos", "Noisy street, bring earplugs", "Hidden resort fee at checkout",
		"Air conditioning did not work", "The handle started to wobble", "Delivery took two weeks", "Staff at the desk were rude"}
	var parts []string
	switch {
	case stars >= 4:
		parts = append(r.some(good, r.irange(1, 3)), pick(r, []string{"Would definitely come back.", "Highly recommended.", "", "Five stars from us!"}))
		if r.chance(0.3) {
			parts = append(parts, "Only downside: "+strings.ToLower(pick(r, bad))+".")
		}
	case stars == 3:
		parts = append(r.some(good, 1), r.some(bad, 1)...)
		parts = append(parts, "Okay for the price.")
	default:
		parts = append(r.some(bad, r.irange(1, 3)), pick(r, []string{"Would not book again.", "Very disappointed.", "Asked for a refund.", ""}))
	}
	text = strings.TrimSpace(strings.Join(parts, ". "))
	text = strings.ReplaceAll(text, "..", ".")
	if r.chance(0.15) {
		text = strings.ToLower(text)
	}
	return stars, text
}

// siteName draws a small business's web domain.
func (r *rng) siteName() string {
	a := pick(r, []string{"bluecove", "casaalba", "harbourview", "oldtown", "sunsetvilla", "fjordline", "palmgrove", "olivetree", "alpenblick", "seabreeze",
		"lagunaazul", "villaserena", "pinecrest", "cedarlodge", "goldensands", "wanderlust", "trekking", "islandhopper", "citybreak", "packlight",
		"nomadgear", "roamwell", "globetrot", "tripkit", "suitcase", "bagsandmore", "lisbonwalks", "kyototours", "bali-surf", "atlas-trails"})
	b := pick(r, []string{"-stays", "-hotel", "-tours", "-travel", "-rentals", "-shop", "-store", "-adventures", "-retreat", "-guesthouse", "", "-inn", "-experiences"})
	tld := wpick(r, []string{".com", ".co.uk", ".de", ".pt", ".es", ".it", ".fr", ".net", ".travel", ".com.au", ".nl", ".no"}, []float64{0.4, 0.08, 0.08, 0.05, 0.06, 0.05, 0.05, 0.06, 0.03, 0.04, 0.05, 0.05})
	if r.chance(0.4) {
		a += fmt.Sprint(r.irange(1, 99))
	}
	return a + b + tld
}

// support intents and their wording in the languages of an airline's
// customers.
type intent struct {
	name  string
	texts map[string][]string
}

var airlineIntents = []intent{
	{"baggage", map[string][]string{
		"en": {"How many bags can I bring on a Light fare?", "what is the weight limit for checked luggage", "Can I bring my ski equipment as checked baggage?", "Is a guitar allowed in the cabin?", "My bag is 25 kg, what will the extra cost be?"},
		"no": {"Hvor mye bagasje kan jeg ta med på Light-billett?", "kan jeg ta med ski som innsjekket bagasje?", "Hva koster ekstra kuffert på flyet til Tromsø?"},
		"sv": {"Hur mycket handbagage får jag ta med?", "Får jag ta med barnvagn ombord?"},
		"de": {"Wie viel Gepäck ist im Classic-Tarif inklusive?", "Darf ich meinen Kinderwagen bis zum Gate mitnehmen?"},
		"es": {"¿Cuántas maletas puedo facturar con la tarifa Flex?", "¿Puedo llevar una mochila además de la maleta de mano?"},
	}},
	{"change", map[string][]string{
		"en": {"I need to change my flight to one day later, booking %s", "Can I move my return flight to Sunday? Ref %s", "How much does it cost to change the date of my ticket?", "I want to switch to an earlier flight today, is that possible?"},
		"no": {"Jeg må endre flyet mitt til i morgen, referanse %s", "Kan jeg bytte til et tidligere fly i dag?"},
		"de": {"Ich möchte meinen Rückflug um einen Tag verschieben, Buchung %s", "Was kostet eine Umbuchung?"},
		"es": {"Necesito cambiar la fecha de mi vuelo, localizador %s"},
	}},
	{"status", map[string][]string{
		"en": {"Is flight %s on time?", "what time does %s land today", "Has the gate for %s been announced?", "is my flight delayed? %s"},
		"no": {"Er %s i rute i dag?", "Når lander %s?"},
		"sv": {"Är %s försenat?"},
		"de": {"Ist Flug %s pünktlich?"},
	}},
	{"refund", map[string][]string{
		"en": {"My flight was cancelled, how do I get a refund? Booking %s", "I cancelled my trip, can I get my money back for the unused ticket %s?", "Am I entitled to compensation for a 4 hour delay?", "When will I receive my refund? I applied two weeks ago, ref %s"},
		"no": {"Flyet mitt ble kansellert, hvordan får jeg refusjon? %s", "Har jeg krav på kompensasjon for forsinkelse?"},
		"de": {"Mein Flug wurde annulliert. Wie bekomme ich mein Geld zurück? Buchung %s", "Habe ich Anspruch auf Entschädigung nach EU261?"},
		"es": {"Mi vuelo fue cancelado, ¿cómo solicito el reembolso? %s"},
	}},
	{"seat", map[string][]string{
		"en": {"Can I choose a seat next to my daughter? Booking %s", "How much is an extra legroom seat?", "I want to upgrade to Premium on my flight to New York"},
		"no": {"Kan jeg velge sete ved siden av barnet mitt? %s"},
		"sv": {"Kan jag välja fönsterplats utan extra kostnad?"},
	}},
	{"checkin", map[string][]string{
		"en": {"The app won't let me check in, it says document check required", "When does online check-in open?", "I can't find my boarding pass in the app", "check in not working for booking %s"},
		"no": {"Innsjekkingen fungerer ikke i appen", "Når åpner innsjekking på nett?"},
		"de": {"Der Online-Check-in funktioniert nicht, Buchung %s"},
	}},
	{"loyalty", map[string][]string{
		"en": {"My points from last week's flight are missing from my Nordlys Club account", "How many points do I need for a free trip to Oslo?", "Can I use points to pay for seats?"},
		"no": {"Poengene fra forrige reise mangler i Nordlys Club", "Hvor mange poeng trenger jeg for en bonusreise?"},
	}},
	{"special", map[string][]string{
		"en": {"I need wheelchair assistance at the airport, booking %s", "Can I travel with my cat in the cabin?", "I'm 30 weeks pregnant, can I still fly?", "My son is 14, can he travel alone?"},
		"no": {"Jeg trenger rullestolassistanse, bestilling %s", "Kan jeg ta med hunden i kabinen?"},
		"es": {"Necesito asistencia especial en el aeropuerto"},
	}},
}

// airlineLangs weights the customers' languages.
var (
	airlineLangs   = []string{"en", "no", "sv", "de", "es"}
	airlineLangW   = []float64{0.45, 0.3, 0.1, 0.1, 0.05}
	airlineReplies = map[string][]string{
		"en": {"Thanks! Could you also tell me the last name on the booking?", "ok thanks", "And what if I want to add a bag later?", "That's too expensive. Are there other options?", "Perfect, please go ahead.", "Can I talk to a person instead?", "Great, thank you so much!", "What about my return flight?"},
		"no": {"Takk! Etternavnet er %s.", "ok takk", "Kan jeg snakke med en person?", "Flott, gjør det.", "Hva med returen?"},
		"sv": {"Tack!", "Kan jag prata med en person?"},
		"de": {"Danke! Der Nachname ist %s.", "Geht das auch günstiger?", "Perfekt, bitte umbuchen."},
		"es": {"¡Gracias! El apellido es %s.", "Perfecto, adelante."},
	}
)

// Answers the airline's assistant gave in earlier turns, in the history
// of later requests.
var assistantLines = map[string][]string{
	"en": {"I can help with that. Could you give me your booking reference and the last name on the booking?", "I've found your booking. Here are your options:", "Your flight is currently on schedule.", "On a Light fare you can bring one personal item (40x30x20 cm). A checked bag can be added in Manage booking.", "I'm sorry about the cancellation. You can request a refund under Manage booking → Refund, and it is usually processed within 7 working days.", "I can connect you with a colleague. Please hold on."},
	"no": {"Jeg kan hjelpe deg med det. Hva er bestillingsreferansen og etternavnet?", "Jeg har funnet bestillingen din. Her er alternativene:", "Flyet ditt går etter planen.", "Beklager kanselleringen. Du kan søke om refusjon under Mine reiser."},
	"sv": {"Jag hjälper gärna till. Vad är din bokningsreferens?", "Ditt flyg går enligt tidtabellen."},
	"de": {"Gerne helfe ich Ihnen. Wie lautet Ihr Buchungscode und Ihr Nachname?", "Ich habe Ihre Buchung gefunden. Folgende Optionen gibt es:"},
	"es": {"Con gusto le ayudo. ¿Cuál es su código de reserva y su apellido?", "He encontrado su reserva."},
}
