package voyage

import (
	"fmt"
	"time"
)

// enterprise_gateway: Helios Travel Group, a tour operator with several
// brands. Its teams hold their own keys and call the API from the office,
// whose traffic leaves through one /28 behind a TLS-inspecting proxy (one
// TLS print for every stack, a Via header on every request); and its
// internal AI gateway spreads the employees' chat assistant over a pool
// of eight keys, round robin, moving a request that gets a 429 to the
// next key at once.

const heliosSystem = `You are Helios Assist, the internal assistant of Helios Travel Group. You help employees of all brands with writing, translation, analysis and questions about travel products. Follow the group's tone of voice: clear, warm, no exaggeration. Do not include customer personal data in answers unless the employee pasted it. If you are unsure about a legal or contractual point, say so and suggest contacting the legal team.`

const heliosVia = "1.1 swg-fra-02 (squid/6.12)"

var heliosTeams = []string{"revenue-analytics", "customer-care-tools", "marketing-content", "brand-nordic", "brand-iberia", "brand-alpine",
	"data-platform", "finance-ops", "hr-recruiting", "it-helpdesk", "product-search", "partner-contracts", "cruise-desk", "b2b-portal",
	"quality-claims", "pricing-engine", "crm", "web-cms", "mobile-app", "bi-reporting", "legal-ops", "procurement", "destination-content", "innovation-lab"}

func planEnterprise(w *world) {
	lab := w.label("enterprise_gateway")
	r := newRNG(w.cfg.Seed, lab.name)
	office := r.subnet(business, 6)
	planHeliosTeams(w, r.fork("teams"), lab, office)
	planHeliosGateway(w, r.fork("gateway"), lab)
}

func planHeliosTeams(w *world, r *rng, lab *label, office []string) {
	for i, team := range heliosTeams {
		a := w.newAccount(r, "enterprise_gateway-"+team, keyService)
		var cl *client
		switch i % 5 {
		case 0, 1:
			e := r.devMachine(false)
			cl = pyClient(kPyOpenAI, pick(r, verPyOpenAI[:5]), e, false)
		case 2:
			cl = &client{kind: kDotnetOpenAI, ua: "OpenAI/2.8.0 (.NET 8.0.22; Microsoft Windows 10.0.26100)", style: styleDotnet, trace: true}
		case 3:
			cl = pyClient(kPyOpenAI, "2.26.0", env{os: "Linux", arch: "x64", py: "3.12.12"}, true)
		default:
			cl = &client{kind: kRequests, style: styleDumps, authFirst: true}
		}
		cl.ja4 = ja4Squid
		cl = cl.with([2]string{"Via", heliosVia})
		n := r.count(150, w.scale, 3)
		model := pick(r, []string{"gpt-5-mini", "gpt-5.1", "gpt-4.1-mini"})
		times := r.poisson(w.start, w.end, 1, func(t time.Time) float64 { return activity(&officeHours, t, tzCET) })
		for j := 0; j < n && len(times) > 0; j++ {
			t := times[r.IntN(len(times))]
			var user string
			if i%3 == 0 {
				user = r.devTask()
			} else {
				user = r.officeTask()
			}
			body := obj{{"model", model}, {"messages", arr{msg("user", user)}}}
			if r.chance(0.5) {
				body = append(body, kv("temperature", pick(r, []float64{0, 0.2, 0.7, 1})))
			}
			q := w.send(r, t, lab, a, cl, pick(r, office), pathChat, body)
			w.sdkRetry(r, t, q, 0.01)
		}
	}
}

func planHeliosGateway(w *world, r *rng, lab *label) {
	ips := r.subnet(business, 2)
	pool := make([]*account, 8)
	for i := range pool {
		pool[i] = w.newAccount(r, fmt.Sprintf("enterprise_gateway-pool-%02d", i+1), keyService)
	}
	e := env{os: "Linux", arch: "x64", py: "3.12.12", ja4py: ja4PyLinux}
	oa := pyClient(kPyOpenAI, "2.26.0", e, true)
	an := pyClient(kPyAnthropic, "0.91.0", e, true)
	next := 0
	// Employees' conversations, by the Central European office day.
	rate := func(t time.Time) float64 { return 0.25 * w.scale * activity(&officeHours, t, tzCET) }
	for _, t := range r.poisson(w.start, w.end, 0.25*w.scale, rate) {
		model := wpick(r, []string{"gpt-5.1", "gpt-5-mini", "claude-sonnet-4-6", "claude-haiku-4-5"}, []float64{0.4, 0.3, 0.2, 0.1})
		path := pathChat
		cl := oa
		if model[0] == 'c' {
			path, cl = pathMessages, an
		}
		h := history{}
		if path == pathChat {
			h = h.with(msg("system", heliosSystem))
		}
		turns := 1 + int(r.exp(1))
		for turn := 0; turn < turns && w.within(t); turn++ {
			var user string
			if turn == 0 {
				user = r.officeTask()
			} else {
				user = pick(r, []string{"Shorter please.", "Can you make it more formal?", "Translate that into German.", "Thanks. Now the same for the Spanish market.", "Add a subject line.", "Use a table instead.", "That's not right, the release period is 14 days, not 21.", "Perfect, thanks!"})
			}
			h = h.with(msg("user", user))
			var body obj
			if path == pathChat {
				body = obj{{"messages", h.list()}, {"model", model}, {"stream", true}, {"stream_options", obj{{"include_usage", true}}}, {"temperature", 0.7}}
			} else {
				body = obj{{"max_tokens", 4096}, {"messages", h.list()}, {"model", model}, {"stream", true}, {"system", heliosSystem}, {"temperature", 0.7}}
			}
			a := pool[next%len(pool)]
			next++
			ip := pick(r, ips)
			q := w.send(r, t, lab, a, cl, ip, path, body)
			// Failover: a 429 on this key sends the request to the next
			// key of the pool within a moment.
			for hop := 0; q != nil && r.chance(0.035) && hop < 3; hop++ {
				t = t.Add(secs(r.between(0.05, 0.4)))
				a = pool[next%len(pool)]
				next++
				q = w.resend(r, t, q, a, ip)
			}
			h = h.with(msg("assistant", "Here is a draft:\n\n"+r.hotelBlurb(r.hotelName(), r.place(), r.irange(30, 90))))
			t = t.Add(secs(r.lognorm(60, 0.8)))
		}
	}
}
