package voyage

import (
	"fmt"
	"strings"
)

// Everyday prompts of people at work in travel and retail companies and
// of the developers who build their systems. Drawn by the enterprise,
// the developers, the reseller's customers and the hackathon.

// officeTask draws an office worker's request.
func (r *rng) officeTask() string {
	p, q := r.place(), r.place()
	h1, h2 := r.hotelName(), r.hotelName()
	switch r.IntN(16) {
	case 0:
		return fmt.Sprintf("Draft a polite email to %s asking them to extend our allotment of %d rooms for %s to %s. Our contract rate is EUR %d per night. Sign as %s, Contracting Manager.", h1, r.irange(5, 40), r.date(), r.date(), r.irange(60, 240), r.person())
	case 1:
		return "Summarise this supplier contract clause in plain English and list what we must do:\n\n" + pick(r, contractClauses)
	case 2:
		return fmt.Sprintf("Translate this brochure paragraph into %s:\n\n%s", pick(r, languages[1:]), r.hotelBlurb(h1, p, r.irange(50, 110)))
	case 3:
		return pick(r, []string{"Write an Excel formula that calculates the margin percentage from cost in column C and selling price in column D, and returns an empty cell when either is blank.",
			"In Google Sheets, how do I count bookings per month when the booking date is in column B as text like 01.12.2026?",
			"Which Excel formula finds the cheapest supplier per hotel from a table with hotel in A, supplier in B and net rate in C?"})
	case 4:
		return fmt.Sprintf("A customer's package tour to %s was cancelled by us %d days before departure because of low bookings. What does the EU Package Travel Directive say about the refund and any compensation? Keep it short.", p.city, r.irange(5, 30))
	case 5:
		return "Make this shorter and more formal:\n\n" + r.hotelBlurb(h2, q, r.irange(40, 80))
	case 6:
		return fmt.Sprintf("Give me 10 subject lines for a newsletter about %s breaks in %s. Max 50 characters each.", strings.ToLower(pick(r, []string{"Winter", "City", "Spa", "Family", "Last-minute", "Ski", "Sun"})), p.city)
	case 7:
		return fmt.Sprintf("Create a comparison table of %s and %s in %s for a group of %d: location, rooms, meeting space, price level. Use what I paste below and mark anything missing.\n\n%s\n\n%s", h1, h2, p.city, r.irange(12, 80), r.hotelBlurb(h1, p, 50), r.hotelBlurb(h2, p, 50))
	case 8:
		return pick(r, []string{"Explain the difference between net rates and commissionable rates for a new colleague in customer care.",
			"What is the difference between a dynamic package and a classic package holiday, from the customer's point of view?",
			"Explain what an ADM (agency debit memo) is and the most common reasons we receive them.",
			"What does 'stop sale' mean in a hotel contract, and how is it different from a release period?"})
	case 9:
		return "Write an SQL query that returns the top 20 destinations by booking revenue for the last quarter. Tables: bookings(id, destination_id, amount_eur, booked_at, status) and destinations(id, name, country). Ignore cancelled bookings."
	case 10:
		_, rv := r.review("hotel")
		return fmt.Sprintf("Rewrite our reply to this guest review so it sounds more empathetic and less defensive.\n\nReview: %s\n\nOur draft: Dear guest, thank you for your feedback. We are sorry you were not satisfied. Our staff followed the standard procedures.", rv)
	case 11:
		return fmt.Sprintf("Summarise the key decisions and action items of these meeting notes:\n\n- %s wants the %s campaign live by %s\n- budget EUR %d approved\n- %s to check the allotments with %s\n- landing page copy still missing in %s\n- next sync Thursday",
			r.person(), p.city, r.date(), 1000*r.irange(5, 80), r.person(), h1, pick(r, languages[1:6]))
	case 12:
		return fmt.Sprintf("Write a short job ad for a %s in our %s office. Requirements: %s.", pick(r, []string{"travel consultant", "revenue analyst", "product manager", "customer care agent", "data engineer"}), p.city, strings.Join(r.some([]string{"two years of experience", "fluent English and German", "knowledge of Amadeus", "SQL", "customer focus", "weekend availability"}, 3), ", "))
	case 13:
		return fmt.Sprintf("Check this itinerary for problems (connection times, visas, overnight changes):\n%s %s-%s dep 07:10 arr 09:45\n%s %s-%s dep 10:20 arr 18:05\nTraveller: %s passport holder", r.flightNo("NL"), p.iata, q.iata, r.flightNo("AM"), q.iata, r.place().iata, pick(r, []string{"Indian", "US", "Brazilian", "Norwegian", "Chinese", "South African"}))
	case 14:
		return fmt.Sprintf("Turn these bullet points into a customer-friendly paragraph for our %s page:\n- %s\n- %s\n- %s", p.city, pick(r, amenities), pick(r, amenities), pick(r, interests))
	}
	return fmt.Sprintf("What should a traveller know about %s in %s? Five bullet points for our destination page.", p.city, pick(r, seasons))
}

var contractClauses = []string{
	"7.2 Release. The Hotel shall hold the Allotment until 21 days prior to arrival (the Release Date). Rooms not sold by the Tour Operator by the Release Date revert to the Hotel without charge. Within the release period the Tour Operator may request rooms on request basis only.",
	"11.1 Overbooking. Should the Hotel be unable to accommodate guests holding confirmed reservations, it shall, at its own cost, arrange accommodation of equal or higher category within 5 km, transport the guests, and compensate the Tour Operator for any claims made by the guests.",
	"4.3 Payment. Invoices are payable within 30 days of departure of the guests. Late payment incurs interest at 8 percentage points above the ECB base rate. Disputed items must be notified in writing within 14 days.",
	"9. Force Majeure. Neither party shall be liable for failure to perform caused by events beyond its reasonable control, including epidemics, government travel warnings, natural disasters and strikes, provided it notifies the other party within 48 hours.",
	"5.1 Rates are net, non-commissionable and include VAT at the applicable rate. City tax is excluded and payable by the guest on arrival. Rates may not be published or sold below the Hotel's public rate (rate parity).",
	"12.4 Data Protection. Each party acts as an independent controller of guest data. Guest data shall be transferred via the agreed channel manager only and deleted 12 months after departure unless required by law.",
}

// devTask draws a developer's request while building something.
func (r *rng) devTask() string {
	p := r.place()
	switch r.IntN(20) {
	case 0:
		return pick(r, []string{"hello", "test", "ping", "Say hi", "hi there", "Hello! Are you working?"})
	case 1:
		return "Why does this function sometimes raise UnboundLocalError?\n\n```python\ndef trip_total(booking):\n    for seg in booking[\"segments\"]:\n        if seg[\"status\"] == \"HK\":\n            total = seg[\"fare\"] + seg[\"tax\"]\n    return total\n```"
	case 2:
		return "Write a regular expression that validates a six-character airline booking reference: upper-case letters and digits, without 0, O, 1 and I."
	case 3:
		return fmt.Sprintf("Convert this to Python with httpx:\n\ncurl -X POST https://partner.example.org/v2/availability -H 'Content-Type: application/json' -d '{\"hotel_id\": %d, \"check_in\": \"%s\", \"nights\": %d, \"adults\": 2}'", r.irange(1000, 99999), r.date(), r.irange(1, 9))
	case 4:
		return fmt.Sprintf("Write a TypeScript type for this JSON and a zod schema to validate it:\n\n%s", compactJSON(obj{{"booking_id", r.pnr()}, {"hotel", obj{{"name", r.hotelName()}, {"city", p.city}}}, {"check_in", r.date()}, {"rooms", arr{obj{{"type", pick(r, roomTypes)}, {"adults", 2}, {"children", arr{4, 9}}}}}, {"total", obj{{"amount", r.irange(200, 3000)}, {"currency", "EUR"}}}}))
	case 5:
		return "How should I store flight departure and arrival times in Postgres so that durations across time zones and DST changes come out right?"
	case 6:
		return "What does this error mean and how do I fix it?\n\n" + pick(r, []string{
			"psycopg2.errors.UniqueViolation: duplicate key value violates unique constraint \"bookings_pnr_key\"\nDETAIL:  Key (pnr)=(K7XQ2M) already exists.",
			"TypeError: Cannot read properties of undefined (reading 'segments')\n    at mapItinerary (/app/src/mappers/itinerary.ts:42:31)",
			"panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x6b2f4e]\n\ngoroutine 37 [running]:\nmain.(*Client).FetchRates(0x0, {0xc0001a2000, 0x24})",
			"java.time.format.DateTimeParseException: Text '2026-12-01T14:00:00' could not be parsed at index 19",
			"SSL: CERTIFICATE_VERIFY_FAILED certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)"})
	case 7:
		return fmt.Sprintf("Generate %d realistic but fictional hotel names with a city and a star rating, as a JSON array, for seeding a test database.", 10*r.irange(1, 5))
	case 8:
		return "Write pytest unit tests for this function, including edge cases:\n\n```python\ndef nights_between(check_in: date, check_out: date) -> int:\n    if check_out <= check_in:\n        raise ValueError(\"check_out must be after check_in\")\n    return (check_out - check_in).days\n```"
	case 9:
		return fmt.Sprintf("Summarise this in two sentences:\n\n%s", r.hotelBlurb(r.hotelName(), p, r.irange(60, 140)))
	case 10:
		return "Write a Go function that retries an HTTP request with exponential backoff and jitter, honouring the Retry-After header on 429."
	case 11:
		return fmt.Sprintf("Extract the traveller names, flight numbers and dates from this email as JSON:\n\nHi, please book %s and %s on %s from %s to %s on %s, returning %s on %s. Thanks!", r.person(), r.person(), r.flightNo("LH"), p.iata, r.place().iata, r.date(), r.flightNo("LH"), r.date())
	case 12:
		return "Explain the difference between the Amadeus Self-Service APIs and a full GDS connection for a small startup building a flight search."
	case 13:
		return "Give me a SQL schema for a small tour booking platform: tours, departures with capacity, bookings, travellers and payments. Postgres."
	case 14:
		return fmt.Sprintf("Write i18n strings for a booking confirmation screen in %s: title, 'Your booking is confirmed', 'Booking reference', 'Check-in', 'Check-out', 'Manage booking'. Return JSON.", pick(r, languages[1:]))
	case 15:
		return "My React component re-renders every time the search results update and the date picker loses focus. How can I fix it?"
	case 16:
		return fmt.Sprintf("Is this a good prompt for classifying customer emails into change, cancel, refund, complaint and other? Improve it.\n\n\"You are a classifier. Read the email and output the category.\"\n\nExample email: I booked %s for %s but need to move it a week later.", r.hotelName(), r.date())
	case 17:
		return "What is the best way to paginate through 50,000 hotel records from a partner API that only supports offset and limit and changes while I read it?"
	case 18:
		return fmt.Sprintf("Write a haversine function in JavaScript and use it to sort hotels by distance from %s airport.", p.city)
	}
	return fmt.Sprintf("Plan a %d-day trip to %s for %s.", r.irange(2, 7), p.city, pick(r, travellerKinds))
}
