package voyage

import (
	"fmt"
	"strings"
	"time"
)

// agents: applications whose requests carry a growing tool-use history.
//   - Larkspur Hotels' guest-services agent (Anthropic dialect, Go SDK):
//     a cached system prompt and tool set, a guest's messages, the
//     agent's lookups and changes, two production keys.
//   - A travel management company's booking assistant (OpenAI dialect,
//     Python): search, policy check and a booking request, sometimes in
//     parallel tool calls.
//   - Engineers at travel companies using a terminal coding agent on
//     their own keys: long transcripts of file reads, searches, edits and
//     test runs.

const larkspurSystem = `You are the guest-services agent of Larkspur Hotels, a group of 38 hotels in Europe and North America. You act for the guest within the rules below.
- Verify the guest with the reservation number and the email address before showing or changing anything.
- You may change dates, room type and number of guests when the rate allows it; quote any price difference before changing.
- Late check-out until 14:00 is free for Larkspur Circle members when available; otherwise EUR 30.
- Never disclose other guests' data. Never promise compensation; escalate complaints with escalate_to_duty_manager.
- Reply in the guest's language, in at most 100 words.`

var larkspurTools = arr{
	anthTool("get_reservation", "Find a reservation by number and email.", schema("reservation_number:string:Reservation number, e.g. LKS-4821937", "email:string:Email address on the reservation")),
	anthTool("search_availability", "Search room availability and rates at a hotel.", schema("hotel_code:string:Three-letter hotel code", "check_in:string:YYYY-MM-DD", "check_out:string:YYYY-MM-DD", "guests:integer:Number of guests")),
	anthTool("modify_reservation", "Change a reservation's dates, room or guests.", schema("reservation_number:string:Reservation number", "check_in?:string:YYYY-MM-DD", "check_out?:string:YYYY-MM-DD", "room_type?:string:Room type code", "guests?:integer:Number of guests")),
	anthTool("request_late_checkout", "Request a late check-out.", schema("reservation_number:string:Reservation number", "time:string:HH:MM")),
	obj{{"name", "escalate_to_duty_manager"}, {"description", "Escalate a complaint to the hotel's duty manager."}, {"input_schema", schema("reservation_number:string:Reservation number", "summary:string:What happened and what the guest wants")},
		{"cache_control", obj{{"type", "ephemeral"}}}},
}

func planAgents(w *world) {
	lab := w.label("agents")
	r := newRNG(w.cfg.Seed, lab.name)
	planLarkspur(w, r.fork("larkspur"), lab)
	planTMCAgent(w, r.fork("tmc"), lab)
	planCodingAgents(w, r.fork("coding"), lab)
}

func planLarkspur(w *world, r *rng, lab *label) {
	eu := w.newAccount(r, "agents-larkspur-eu", keyService)
	us := w.newAccount(r, "agents-larkspur-us", keyService)
	cl := goClient(kGoAnthropic, "2.15.0", "go1.26.8", "Linux", "x64")
	euIPs, usIPs := r.v4s(awsEUCent, 2), r.v4s(awsUSEast, 2)
	rate := func(t time.Time) float64 {
		return 0.025 * w.scale * (activity(&consumerHours, t, tzCET) + activity(&consumerHours, t, tzUSEast))
	}
	for _, t := range r.poisson(w.start, w.end, 0.05*w.scale, rate) {
		a, ips := eu, euIPs
		if r.chance(0.45) {
			a, ips = us, usIPs
		}
		ip := pick(r, ips)
		res := fmt.Sprintf("LKS-%07d", r.irange(1000000, 9999999))
		email := strings.ToLower(pick(r, firstNames)) + "." + strings.ToLower(strings.ReplaceAll(pick(r, lastNames), " ", "")) + "@" + pick(r, []string{"gmail.com", "outlook.com", "yahoo.com", "icloud.com", "web.de", "hotmail.co.uk"})
		code := strings.ToUpper(r.str("abcdefghijklmnopqrstuvwxyz", 3))
		first := pick(r, []string{
			"Hi, I'd like to extend my stay by one night. Reservation %s, email %s",
			"Can I get a late checkout tomorrow? %s / %s",
			"We are now 3 people instead of 2, can you change the room? Booking %s, %s",
			"The air conditioning in our room doesn't work and nobody at reception helps. Reservation %s, %s",
			"Hola, quiero cambiar las fechas de mi reserva %s, mi correo es %s",
			"Hallo, können wir einen Tag früher anreisen? Reservierung %s, E-Mail %s",
		})
		h := history{msg("user", fmt.Sprintf(first, res, email))}
		steps := []string{"get_reservation"}
		switch {
		case strings.Contains(first, "late"):
			steps = append(steps, "request_late_checkout")
		case strings.Contains(first, "air conditioning"):
			steps = append(steps, "escalate_to_duty_manager")
		default:
			steps = append(steps, "search_availability", "modify_reservation")
		}
		for i, tool := range steps {
			q := w.send(r, t, lab, a, cl, ip, pathMessages, larkspurBody(h))
			w.sdkRetry(r, t, q, 0.005)
			t = t.Add(secs(r.lognorm(2.5, 0.4)))
			var input obj
			var result string
			switch tool {
			case "get_reservation":
				input = obj{{"reservation_number", res}, {"email", email}}
				result = compactJSON(obj{{"reservation_number", res}, {"hotel_code", code}, {"check_in", r.date()}, {"nights", r.irange(1, 6)}, {"room_type", "DBL"}, {"guests", 2}, {"rate", "FLEX"}, {"member", r.chance(0.3)}})
			case "search_availability":
				input = obj{{"hotel_code", code}, {"check_in", r.date()}, {"check_out", r.date()}, {"guests", r.irange(2, 3)}}
				result = compactJSON(obj{{"rooms", arr{obj{{"type", "DBL"}, {"rate_eur", r.irange(90, 260)}}, obj{{"type", "TRP"}, {"rate_eur", r.irange(140, 320)}}}}})
			case "modify_reservation":
				input = obj{{"reservation_number", res}, {"check_out", r.date()}}
				result = compactJSON(obj{{"status", "modified"}, {"price_difference_eur", r.irange(0, 300)}})
			case "request_late_checkout":
				input = obj{{"reservation_number", res}, {"time", "13:00"}}
				result = compactJSON(obj{{"status", pick(r, []string{"confirmed", "unavailable"})}, {"fee_eur", pick(r, []int{0, 30})}})
			default:
				input = obj{{"reservation_number", res}, {"summary", "Guest reports broken air conditioning; reception did not resolve it."}}
				result = compactJSON(obj{{"ticket", fmt.Sprintf("DM-%05d", r.irange(10000, 99999))}, {"eta_minutes", r.irange(10, 40)}})
			}
			text := ""
			if i == 0 {
				text = "Let me look up your reservation."
			}
			turn, ids := anthToolTurn(r, text, tool, input)
			h = h.with(turn, anthResults(ids, result))
			if tool == "search_availability" {
				// The agent quotes the price and waits for the guest.
				w.send(r, t, lab, a, cl, ip, pathMessages, larkspurBody(h))
				t = t.Add(secs(r.lognorm(3, 0.4)))
				h = h.with(msg("assistant", "An extra night is available. The difference would be EUR "+fmt.Sprint(r.irange(90, 260))+". Shall I make the change?"))
				t = t.Add(secs(r.lognorm(40, 0.6)))
				h = h.with(msg("user", pick(r, []string{"Yes please", "ok do it", "Sí, por favor", "Ja, bitte", "yes"})))
			}
		}
		w.send(r, t, lab, a, cl, ip, pathMessages, larkspurBody(h))
	}
}

func larkspurBody(h history) obj {
	return obj{{"max_tokens", 1024}, {"messages", h.list()}, {"model", "claude-sonnet-4-6"},
		{"system", arr{textBlock(larkspurSystem, true)}}, {"tools", larkspurTools}}
}

const tmcSystem = "You are the booking assistant of a travel management company. You help employees of our client companies book business trips within their travel policy. Always check the policy before proposing options. Present at most three options. Never book without explicit confirmation."

var tmcTools = arr{
	fnTool("search_flights", "Search flights.", schema("origin:string:IATA code", "destination:string:IATA code", "date:string:YYYY-MM-DD", "cabin?:enum=economy|premium_economy|business:Cabin")),
	fnTool("search_hotels", "Search hotels near an address or airport.", schema("city:string:City", "check_in:string:YYYY-MM-DD", "check_out:string:YYYY-MM-DD", "near?:string:Address or landmark")),
	fnTool("check_policy", "Check options against the traveller's travel policy.", schema("traveller_id:string:Traveller id", "items:array:Offer ids to check")),
	fnTool("create_booking_request", "Create a booking request for approval.", schema("traveller_id:string:Traveller id", "offer_ids:array:Offer ids")),
}

func planTMCAgent(w *world, r *rng, lab *label) {
	a := w.newAccount(r, "agents-tmc-assistant", keyService)
	cl := pyClient(kPyOpenAI, "2.26.0", env{os: "Linux", arch: "x64", py: "3.12.12", ja4py: ja4PyLinux}, false)
	ips := r.v4s(awsEUCent, 2)
	rate := func(t time.Time) float64 { return 0.025 * w.scale * activity(&officeHours, t, tzCET) }
	for _, t := range r.poisson(w.start, w.end, 0.025*w.scale, rate) {
		from, to := r.place(), r.place()
		tid := fmt.Sprintf("T%06d", r.irange(100000, 999999))
		h := history{msg("system", tmcSystem), msg("user", fmt.Sprintf("I need to be in %s on %s for a meeting at 10:00 near %s, back the next evening. Traveller id %s. I fly from %s.",
			to.city, r.date(), pick(r, []string{"the central station", "the convention centre", "the airport", "the old town"}), tid, from.city))}
		ip := pick(r, ips)
		calls := [][]string{
			{"search_flights", compactJSON(obj{{"origin", from.iata}, {"destination", to.iata}, {"date", r.date()}}), "search_hotels", compactJSON(obj{{"city", to.city}, {"check_in", r.date()}, {"check_out", r.date()}})},
			{"check_policy", compactJSON(obj{{"traveller_id", tid}, {"items", arr{"F1", "F2", "H1", "H3"}}})},
		}
		if r.chance(0.5) {
			calls = append(calls, []string{"create_booking_request", compactJSON(obj{{"traveller_id", tid}, {"offer_ids", arr{"F1", "H1"}}})})
		}
		for _, c := range calls {
			body := obj{{"messages", h.list()}, {"model", "gpt-5.1"}, {"parallel_tool_calls", true}, {"temperature", 0.2}, {"tools", tmcTools}}
			q := w.send(r, t, lab, a, cl, ip, pathChat, body)
			w.sdkRetry(r, t, q, 0.005)
			t = t.Add(secs(r.lognorm(4, 0.4)))
			turn, ids := oaCall(r, c...)
			h = h.with(turn)
			for _, id := range ids {
				h = h.with(oaToolResult(id, compactJSON(obj{{"offers", arr{obj{{"id", "F1"}, {"price_eur", r.irange(120, 900)}}, obj{{"id", "H1"}, {"price_eur", r.irange(90, 300)}}}}, {"in_policy", r.chance(0.8)}})))
			}
			if c[0] == "check_policy" {
				body := obj{{"messages", h.list()}, {"model", "gpt-5.1"}, {"parallel_tool_calls", true}, {"temperature", 0.2}, {"tools", tmcTools}}
				w.send(r, t, lab, a, cl, ip, pathChat, body)
				h = h.with(msg("assistant", "Here are three options within your policy: ..."), msg("user", pick(r, []string{"Option 1 please", "Take the first flight and the cheaper hotel", "Book it"})))
				t = t.Add(secs(r.lognorm(45, 0.7)))
			}
		}
	}
}

const codingSystem = "You are an interactive coding agent running in the user's terminal. Use the tools to read, search and edit files and to run commands. Keep changes minimal and explain them briefly. Never commit unless asked."

var codingTools = arr{
	anthTool("Read", "Read a file from the local filesystem.", schema("file_path:string:Absolute path", "offset?:integer:Line to start at", "limit?:integer:Number of lines")),
	anthTool("Grep", "Search file contents with a regular expression.", schema("pattern:string:Regular expression", "path?:string:Directory", "glob?:string:File filter")),
	anthTool("Edit", "Replace a string in a file.", schema("file_path:string:Absolute path", "old_string:string:Text to replace", "new_string:string:Replacement")),
	anthTool("Bash", "Run a shell command.", schema("command:string:The command", "timeout?:integer:Milliseconds")),
	obj{{"name", "Glob"}, {"description", "Find files by pattern."}, {"input_schema", schema("pattern:string:Glob pattern")}, {"cache_control", obj{{"type", "ephemeral"}}}},
}

func planCodingAgents(w *world, r *rng, lab *label) {
	n := r.count(14, w.scale, 4)
	for i := 0; i < n; i++ {
		a := w.newAccount(r, fmt.Sprintf("agents-coding-%02d", i+1), keyProject)
		e := r.devMachine(false)
		cl := nodeClient(kClaudeCode, "0.90.1", e)
		cl.ua = "claude-cli/" + pick(r, []string{"2.1.37", "2.1.36", "2.1.31"}) + " (external, cli)"
		cl = cl.with([2]string{"anthropic-beta", "claude-code-20250219,interleaved-thinking-2025-05-14,fine-grained-tool-streaming-2025-05-14"},
			[2]string{"anthropic-dangerous-direct-browser-access", "true"}, [2]string{"x-app", "cli"})
		where, tz := w.devPlace(r)
		userID := "user_" + r.hex(64)
		sessions := 1 + int(r.exp(0.7))
		for s := 0; s < sessions; s++ {
			var t time.Time
			for {
				t = w.start.Add(secs(r.Float64() * w.end.Sub(w.start).Seconds()))
				if r.Float64() < activity(&officeHours, t, tz) {
					break
				}
			}
			codingSession(w, r, lab, a, cl, where(), t, userID)
		}
	}
}

var codeRepos = []string{"booking-service", "rate-sync", "search-api", "itinerary-pdf", "partner-gateway", "checkout-web"}

func codingSession(w *world, r *rng, lab *label, a *account, cl *client, ip string, t time.Time, userID string) {
	repo := pick(r, codeRepos)
	session := r.uuid()
	task := pick(r, []string{
		"The nightly rate sync fails for hotels with more than 500 room types. Find out why and fix it.",
		"Add a unit test for the cancellation fee calculation when the guest cancels on the deadline day.",
		"Refactor the itinerary PDF generator so that it handles multi-city trips.",
		"Our search API returns duplicate hotels when a hotel has two supplier mappings. Fix the dedup.",
		"Upgrade the HTTP client in partner-gateway and make sure retries honour Retry-After.",
		"Why is the checkout page slow? Profile the price breakdown endpoint.",
	})
	h := history{msg("user", arr{textBlock(task, false)})}
	steps := r.irange(6, 26)
	for i := 0; i < steps && w.within(t); i++ {
		body := obj{{"model", "claude-sonnet-4-6"}, {"messages", h.list()}, {"temperature", 1},
			{"system", arr{textBlock(codingSystem, true)}}, {"tools", codingTools},
			{"metadata", obj{{"user_id", userID + "_account__session_" + session}}}, {"max_tokens", 32000}, {"stream", true}}
		q := w.send(r, t, lab, a, cl, ip, pathMessages, body)
		w.sdkRetry(r, t, q, 0.01)
		t = t.Add(secs(r.lognorm(7, 0.5)))
		tool, input, out := codingStep(r, repo)
		turn, ids := anthToolTurn(r, pick(r, []string{"", "", "Let me look at that.", "I'll check the tests next."}), tool, input)
		h = h.with(turn, anthResults(ids, out))
		if len(h) > 40 { // the agent compacts its context
			h = history{msg("user", arr{textBlock("Summary of the conversation so far: working on "+repo+". "+task, false)})}
		}
		t = t.Add(secs(r.lognorm(1.5, 0.8)))
		if r.chance(0.1) { // the engineer reads, then answers a question
			t = t.Add(secs(r.lognorm(60, 0.8)))
		}
	}
}

func codingStep(r *rng, repo string) (string, obj, string) {
	file := "/home/dev/src/" + repo + "/" + pick(r, []string{"src/sync/rates.py", "src/pricing/cancellation.ts", "internal/search/dedup.go", "app/pdf/itinerary.py", "pkg/client/retry.go", "src/api/checkout.ts", "tests/test_cancellation.py"})
	switch r.IntN(5) {
	case 0:
		var b strings.Builder
		for l := 1; l <= r.irange(20, 70); l++ {
			fmt.Fprintf(&b, "%5d\t%s\n", l, pick(r, codeLines))
		}
		return "Read", obj{{"file_path", file}}, b.String()
	case 1:
		pat := pick(r, []string{"room_types", "def fee", "Retry-After", "supplier_id", "render_segment", "cancel_deadline"})
		var b strings.Builder
		for range r.irange(1, 8) {
			fmt.Fprintf(&b, "%s:%d:    %s\n", file, r.irange(10, 400), pick(r, codeLines))
		}
		return "Grep", obj{{"pattern", pat}, {"path", "/home/dev/src/" + repo}}, b.String()
	case 2:
		return "Edit", obj{{"file_path", file}, {"old_string", pick(r, codeLines)}, {"new_string", pick(r, codeLines)}}, "The file " + file + " has been updated."
	case 3:
		cmd := pick(r, []string{"pytest -q tests/test_cancellation.py", "go test ./internal/search/...", "npm test -- checkout", "git diff --stat", "make lint"})
		out := pick(r, []string{"3 passed in 0.41s", "FAIL: TestDedupSupplierMappings (0.00s)\n    dedup_test.go:42: got 3 hotels, want 2\nFAIL", "Tests: 1 failed, 23 passed, 24 total", " src/sync/rates.py | 14 ++++++----\n 1 file changed, 8 insertions(+), 6 deletions(-)", "ok"})
		return "Bash", obj{{"command", cmd}}, out
	}
	return "Glob", obj{{"pattern", "**/*" + pick(r, []string{".py", ".ts", ".go"})}}, strings.Join([]string{file, "/home/dev/src/" + repo + "/README.md"}, "\n")
}

var codeLines = []string{
	"def fetch_room_types(hotel_id: int, page_size: int = 500) -> list[RoomType]:",
	"    resp = session.get(f\"{BASE}/hotels/{hotel_id}/rooms\", params={\"limit\": page_size})",
	"    return [RoomType.from_api(r) for r in resp.json()[\"rooms\"]]",
	"export function cancellationFee(booking: Booking, at: Date): Money {",
	"  if (at <= booking.cancelDeadline) return Money.zero(booking.currency);",
	"  return booking.nights[0].price;",
	"func dedup(hotels []Hotel) []Hotel {",
	"\tseen := make(map[string]bool, len(hotels))",
	"\tif seen[h.SupplierID] { continue }",
	"    for segment in itinerary.segments:",
	"        story.append(render_segment(segment))",
	"\tif resp.StatusCode == http.StatusTooManyRequests {",
	"\t\twait := parseRetryAfter(resp.Header.Get(\"Retry-After\"))",
	"  const breakdown = await priceService.breakdown(cartId);",
	"import { Money } from '../money';",
	"    assert cancellation_fee(booking, booking.cancel_deadline) == Money(0, \"EUR\")",
	"",
	"}",
}
