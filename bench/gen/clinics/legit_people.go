package clinics

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// ---------------------------------------------------------------------
// exam_cohort: the Step 2 CK review course at Riverside University
// Hospital. Dozens of residents and students made accounts for tonight's
// session (19:00 Eastern) and work through the same block of the course's
// question bank from the course notebook, on the hospital network (its
// NAT addresses, its eduroam IPv6 /48, or the course JupyterHub). The
// notebook's template gives the answer key and asks for step-by-step
// reasoning: a legitimate tutoring use that looks like rationalisation.
// ---------------------------------------------------------------------

// The hospital network: IPv4 NAT egress in one /24 and the IPv6 /48.
var (
	cohortV4  = cidr("155.101.118.0/24")
	cohortV6  = v6{0x2607, 0xf6d0, 0x2a0}
	cohortHub = cohortV4.nth(40)
)

// CohortNetwork reports whether ip is on the Riverside hospital network.
func CohortNetwork(ip string) bool {
	if strings.HasPrefix(ip, "155.101.118.") {
		return true
	}
	return strings.HasPrefix(ip, "2607:f6d0:2a0:")
}

const cohortSystem = "You are a tutor for the Riverside Step 2 CK review course. Explain at the level of a fourth-year medical student. Name the key discriminating findings, then reason step by step to the answer, then address each distractor in one or two sentences. End with one high-yield teaching point."

func planCohort(w *world) {
	r := w.rng("cohort")
	n := w.n(56, 24)
	session := w.start.Add(3 * time.Hour)
	nat := []string{cohortV4.nth(10), cohortV4.nth(11), cohortV4.nth(12)}
	block := w.cohortBank[40:100]
	for i := 0; i < n; i++ {
		a := w.newAccount(r, fmt.Sprintf("rvh-s2ck-%02d", i+1))
		var st *stack
		var ip func() string
		switch x := r.Float64(); {
		case x < 0.3: // the course JupyterHub
			st = openaiPy("1.86.0", "3.11.9", "Linux", "x64", false)
			ip = func() string { return cohortHub }
		case x < 0.75: // own laptop on eduroam
			osName, arch := "MacOS", "arm64"
			if r.Float64() < 0.3 {
				osName, arch = "Windows", "x64"
			}
			st = openaiPy("1.86.0", pick(r, []string{"3.11.9", "3.12.4", "3.12.10", "3.13.2"}), osName, arch, false)
			dev := cohortV6.sub(r, 4)
			ip = func() string {
				if r.Float64() < 0.75 {
					return dev.addr(r)
				}
				return pick(r, nat)
			}
		default: // own laptop, v4 only
			osName, arch := "MacOS", "arm64"
			if r.Float64() < 0.45 {
				osName, arch = "Windows", "x64"
			}
			st = openaiPy(pick(r, []string{"1.86.0", "1.86.0", "1.83.0"}), pick(r, []string{"3.12.4", "3.11.7"}), osName, arch, false)
			nip := pick(r, nat)
			ip = func() string { return nip }
		}
		t := session.Add(mins(lognormal(r, 5, 0.7)))
		stop := t.Add(mins(between(r, 60, 135)))
		q := 0
		if r.Float64() < 0.25 {
			q = r.IntN(10) // started on a later question
		}
		for ; q < len(block) && t.Before(stop); q++ {
			item := block[q]
			u := fmt.Sprintf("Question %s:\n%s\n\nThe answer key says %s. Explain step by step why %s is correct and why each of the other options is wrong.", item.id, item.text(), item.letter(), item.letter())
			if r.Float64() < 0.3 {
				mine := letters[(item.answer+1+r.IntN(4))%5]
				u = fmt.Sprintf("Question %s:\n%s\n\nI picked %s but the key says %s. Walk me through the reasoning step by step, and tell me what I missed.", item.id, item.text(), mine, item.letter())
			}
			body := chatBody(mFlag, convo(cohortSystem, u), kv("temperature", flt(0.2)), kv("max_tokens", 1200))
			w.send(t, a, st, ip(), pChat, body)
			t = t.Add(secs(lognormal(r, 60, 0.5)))
			if r.Float64() < 0.2 { // a follow-up in the same thread
				ans := fmt.Sprintf("The correct answer is %s. The key findings are %s. %s", item.letter(), join(pickN(r, item.seed.exam, 2)), capFirst(item.seed.next)+".")
				fu := pick(r, []string{"Why isn't it %s though? That was my second choice.", "Can you make a mnemonic for this?", "What would change if the patient were pregnant?", "How would this show up on the NBME, what's the buzzword?", "What's the next step if %s fails?"})
				if strings.Contains(fu, "%s") {
					fu = fmt.Sprintf(fu, pick(r, letters))
				}
				w.send(t, a, st, ip(), pChat, chatBody(mFlag, convo(cohortSystem, u, ans, fu), kv("temperature", flt(0.2)), kv("max_tokens", 1200)))
				t = t.Add(secs(lognormal(r, 50, 0.5)))
			}
			t = t.Add(secs(lognormal(r, 80, 0.6)))
		}
	}
}

// ---------------------------------------------------------------------
// nlp_eval: a clinical-NLP evaluation team. Its harness runs public
// benchmark questions (the same text every organisation runs) at
// temperature 0 with chain-of-thought prompts, scores answer letters by
// log-probabilities (chat top_logprobs, and loglikelihood through
// /v1/completions with echo), samples n>1 for self-consistency, and
// grades summaries with the model as judge. A nightly CI run, ad hoc
// runs, and a full run of halcyon-4.5 shortly after its release.
// ---------------------------------------------------------------------

func planEval(w *world) {
	r := w.rng("eval")
	st := openaiPy("1.88.0", "3.11.12", "Linux", "x64", true)
	lab := cidr("128.218.42.0/24")
	labIPs := []string{lab.nth(71), lab.nth(72)}
	acc := map[string]*account{}
	for _, u := range []string{"ci", "aruiz", "bkoh", "tmensah", "jdelgado"} {
		acc[u] = w.newAccount(r, "cnlp-"+u)
	}
	bank := w.evalBank
	const cotSys = "The following are multiple choice questions about medical knowledge. Think step by step, then finish with \"The answer is (X)\"."
	cot := func(a *account, at time.Time, model string, it mcqItem) {
		w.send(at, a, st, pick(r, labIPs), pChat, chatBody(model, convo(cotSys, it.text()+"\nAnswer: Let's think step by step."), kv("temperature", flt(0)), kv("max_tokens", 1024), kv("seed", 1234)))
	}
	lp := func(a *account, at time.Time, model string, it mcqItem) {
		w.send(at, a, st, pick(r, labIPs), pChat, chatBody(model, convo("Answer with the letter of the correct option only.", it.text()+"\nAnswer:"),
			kv("temperature", flt(0)), kv("max_tokens", 1), kv("logprobs", true), kv("top_logprobs", 5)))
	}
	judge := func(a *account, at time.Time, model string) {
		c := anySeed(r)
		p := c.patient(r)
		ref := c.vignette(r, p, 1)
		cand := c.vignette(r, p, 0)
		w.send(at, a, st, pick(r, labIPs), pChat, chatBody(mFlagPin, convo("You are grading clinical summaries. Score the candidate against the reference from 1 to 5 for factual consistency, completeness and conciseness. Reply as JSON {\"consistency\":n,\"completeness\":n,\"conciseness\":n,\"errors\":[...]}.",
			"Reference:\n"+ref+"\n\nCandidate (model "+model+"):\n"+cand), kv("temperature", flt(0)), kv("response_format", tracefmt.Obj{kv("type", "json_object")})))
	}
	suite := func(a *account, t0 time.Time, model string, items int) {
		k := 16
		items = w.n(float64(items), 10)
		workers(t0, w.end, k, items, func(i int, at time.Time) time.Duration {
			cot(a, at, model, bank[i%len(bank)])
			return secs(lognormal(r, 8, 0.4))
		})
		t1 := t0.Add(mins(float64(items) * 8 / 16 / 60))
		workers(t1, w.end, k, items, func(i int, at time.Time) time.Duration {
			lp(a, at, model, bank[i%len(bank)])
			return secs(lognormal(r, 0.7, 0.3))
		})
		t2 := t1.Add(mins(float64(items) * 0.7 / 16 / 60)).Add(30 * time.Second)
		workers(t2, w.end, 8, items/4, func(i int, at time.Time) time.Duration {
			judge(a, at, model)
			return secs(lognormal(r, 3, 0.3))
		})
	}
	// nightly CI
	suite(acc["ci"], w.start.Add(30*time.Minute+secs(between(r, 0, 20))), mFlagPin, 220)
	suite(acc["ci"], w.start.Add(60*time.Minute+secs(between(r, 0, 20))), mMiniPin, 220)
	// self-consistency
	workers(w.start.Add(100*time.Minute), w.end, 8, w.n(120, 8), func(i int, at time.Time) time.Duration {
		it := bank[(i*7)%len(bank)]
		w.send(at, acc["aruiz"], st, pick(r, labIPs), pChat, chatBody(mFlag, convo(cotSys, it.text()+"\nAnswer: Let's think step by step."), kv("temperature", flt(0.7)), kv("n", 5), kv("max_tokens", 1024)))
		return secs(lognormal(r, 14, 0.35))
	})
	// loglikelihood through legacy completions, one request per option
	workers(w.start.Add(130*time.Minute), w.end, 16, w.n(900, 20), func(i int, at time.Time) time.Duration {
		it := bank[(i/5)%len(bank)]
		prompt := "Question: " + it.stem + "\nAnswer: " + it.opts[i%5]
		w.send(at, acc["bkoh"], st, pick(r, labIPs), pComplete, tracefmt.Obj{kv("model", mFlag), kv("prompt", prompt), kv("max_tokens", 1), kv("temperature", flt(0)), kv("logprobs", 1), kv("echo", true)})
		return secs(lognormal(r, 0.5, 0.3))
	})
	// halcyon-4.5 on release day
	suite(acc["tmensah"], w.release.Add(mins(between(r, 12, 25))), mNew, 400)
	// researchers poking at things by hand
	for _, u := range []string{"jdelgado", "tmensah", "aruiz"} {
		a := acc[u]
		home := newHome(r)
		peak := 0.004 * w.scale * 10
		poisson(r, w.start, w.end, peak, func(t time.Time) float64 { return peak * homeEvening(localHour(t, -7)) / 3 }, func(t time.Time) {
			model := mFlag
			if t.After(w.release) && r.Float64() < 0.6 {
				model = mNew
			}
			it := pick(r, bank)
			u := pick(r, []string{"Why would a model pick %s here? Give the reasoning a clinician would use.\n\n", "Is the keyed answer to this item defensible? Consider current guidelines.\n\n", "Rewrite this question so that it cannot be answered from the stem's buzzwords alone.\n\n"})
			if strings.Contains(u, "%s") {
				u = fmt.Sprintf(u, pick(r, letters))
			}
			w.send(t, a, st, home.addr(r), pChat, chatBody(model, convo("", u+it.text()), kv("temperature", flt(0.7))))
		})
	}
}

// ---------------------------------------------------------------------
// intake_bot: the FrontDoor Intake patient-intake assistant. Thousands of
// clinics each hold their own key (each signs its own BAA with the
// provider) and run the vendor's one system prompt, tools and client
// stack: a Windows kiosk app in the waiting room during clinic hours, and
// the hosted web intake (the vendor's cloud) that patients fill in at
// home in the evening. Some clinics were onboarded today.
// ---------------------------------------------------------------------

const intakeSystem = "You are the FrontDoor Intake assistant for the clinic named below. You help patients complete pre-visit intake: reason for visit, symptoms and how long they have had them, current medications and allergies, insurance, and preferred appointment times. Ask one question at a time, in the patient's language, in plain words. You do not diagnose or give medical advice. If the patient describes chest pain, trouble breathing, stroke symptoms, thoughts of self-harm, or severe bleeding, call escalate_triage immediately and tell them to call 911. Confirm insurance with lookup_insurance before scheduling. Keep replies under 60 words."

var intakeTools = tracefmt.Arr{
	fnTool("lookup_insurance", "Verify a patient's insurance eligibility with the clinic's clearinghouse.", tracefmt.Obj{
		kv("payer_name", tracefmt.Obj{kv("type", "string")}), kv("member_id", tracefmt.Obj{kv("type", "string")}), kv("date_of_birth", tracefmt.Obj{kv("type", "string"), kv("description", "YYYY-MM-DD")})}, "payer_name", "member_id"),
	fnTool("find_slots", "List open appointment slots.", tracefmt.Obj{
		kv("visit_type", tracefmt.Obj{kv("type", "string"), kv("enum", []string{"new", "follow_up", "sick", "telehealth"})}), kv("earliest", tracefmt.Obj{kv("type", "string")})}, "visit_type"),
	fnTool("book_slot", "Book an appointment slot for the patient.", tracefmt.Obj{kv("slot_id", tracefmt.Obj{kv("type", "string")})}, "slot_id"),
	fnTool("escalate_triage", "Alert clinic staff to a possible emergency.", tracefmt.Obj{kv("reason", tracefmt.Obj{kv("type", "string")})}, "reason"),
}

// fnTool returns an OpenAI function tool.
func fnTool(name, desc string, props tracefmt.Obj, required ...string) tracefmt.Obj {
	return tracefmt.Obj{kv("type", "function"), kv("function", tracefmt.Obj{kv("name", name), kv("description", desc),
		kv("parameters", tracefmt.Obj{kv("type", "object"), kv("properties", props), kv("required", required)})})}
}

var payers = []string{"Aetna", "Blue Cross Blue Shield", "UnitedHealthcare", "Cigna", "Medicare", "Medicaid", "Humana", "Kaiser Permanente", "Tricare", "Ambetter"}

func planIntake(w *world) {
	r := w.rng("intake")
	kiosk := openaiNode("4.104.0", "v20.18.3", "Windows", "x64")
	kiosk.ja4 = ja4Electron
	hosted := openaiNode("4.104.0", "v20.18.3", "Linux", "x64")
	vblk := pickV4(r, cloudV4)
	vendorIPs := []string{vblk.addr(r), vblk.addr(r), vblk.addr(r), vblk.addr(r)}
	n := w.n(8000, 150)
	for i := 0; i < n; i++ {
		name := company(r)
		name = strings.Split(name, " ")[0] + " " + pick(r, []string{"Family Medicine", "Pediatrics", "Internal Medicine", "Women's Health", "Orthopedics", "Dermatology", "Urgent Care", "Cardiology", "Primary Care"})
		a := w.newAccount(r, fmt.Sprintf("clinic-%05d", 10000+i*9+r.IntN(9)))
		zone := pickZone(r)
		size := lognormal(r, 0.05, 0.8) // sessions per clinic-hour at peak
		hasKiosk := r.Float64() < 0.7
		clinicIP := pickV4(r, bizV4).addr(r)
		from := w.start
		if r.Float64() < 0.07 { // onboarded today
			from = w.start.Add(mins(between(r, 20, 320)))
		}
		sys := intakeSystem + fmt.Sprintf("\n\nClinic: %s\nTime zone: %s\nAccepted insurance: %s\nHours: Mon-Fri 8:00-17:00", name, zoneName(zone), join(pickN(r, payers, 5)))
		peak := size / 3600 // per second
		poisson(r, from, w.end, peak, func(t time.Time) float64 {
			h := localHour(t, zone)
			k := 0.0
			if hasKiosk {
				k = 0.6 * clinicDay(h)
			}
			return peak * (k + 0.4*homeEvening(h)) / 1.0
		}, func(t time.Time) {
			h := localHour(t, zone)
			st, ip := hosted, pick(r, vendorIPs)
			if hasKiosk && r.Float64()*(0.6*clinicDay(h)+0.4*homeEvening(h)) < 0.6*clinicDay(h) {
				st, ip = kiosk, clinicIP
			}
			intakeSession(w, r, a, st, ip, sys, t)
		})
	}
}

func zoneName(off int) string {
	for _, z := range usZones {
		if z.off == off {
			return z.name
		}
	}
	return "America/New_York"
}

// intakeSession plans the requests of one patient's intake conversation.
func intakeSession(w *world, r *rand.Rand, a *account, st *stack, ip, sys string, t time.Time) {
	c := anySeed(r)
	msgs := convo(sys)
	user := "patient-" + randString(r, lowerHex, 10)
	turn := func(text string) {
		msgs = append(msgs, msg("user", text))
		body := chatBody(mMini, append([]tracefmt.Obj(nil), msgs...), kv("temperature", flt(0.3)), kv("tools", intakeTools), kv("stream", true),
			kv("stream_options", tracefmt.Obj{kv("include_usage", true)}), kv("user", user))
		w.send(t, a, st, ip, pChat, body)
	}
	toolCall := func(name, args, result string) {
		id := "call_" + randString(r, alnum, 24)
		msgs = append(msgs, tracefmt.Obj{kv("role", "assistant"), kv("content", nil), kv("tool_calls", tracefmt.Arr{tracefmt.Obj{kv("id", id), kv("type", "function"),
			kv("function", tracefmt.Obj{kv("name", name), kv("arguments", args)})}})}, tracefmt.Obj{kv("role", "tool"), kv("tool_call_id", id), kv("content", result)})
		body := chatBody(mMini, append([]tracefmt.Obj(nil), msgs...), kv("temperature", flt(0.3)), kv("tools", intakeTools), kv("stream", true),
			kv("stream_options", tracefmt.Obj{kv("include_usage", true)}), kv("user", user))
		t = t.Add(secs(between(r, 0.4, 1.8)))
		w.send(t, a, st, ip, pChat, body)
	}
	think := func() { t = t.Add(secs(lognormal(r, 35, 0.6))) }
	reply := func(s string) { msgs = append(msgs, msg("assistant", s)) }

	turn(pick(r, []string{"Hi, I have an appointment request", "hello", "I need to see the doctor", "Hola, necesito una cita", "I'm filling this out for my mom"}))
	reply("Hi! I can help you get ready for your visit. What is the main reason you'd like to be seen?")
	think()
	turn(capFirst(pick(r, c.said)))
	if c.key == "acs" || c.key == "sepsis" || c.key == "asthma" && r.Float64() < 0.5 {
		toolCall("escalate_triage", `{"reason":"patient reports `+c.complaint+`"}`, `{"status":"staff_notified","ticket":"TR-`+fmt.Sprint(r.IntN(99999))+`"}`)
		return
	}
	reply("I'm sorry you're dealing with that. How long has this been going on?")
	think()
	turn(capFirst(strings.Replace(pick(r, c.onset), "the patient", "me", 1)))
	if r.Float64() < 0.25 {
		return // closed the tab
	}
	reply("Thank you. What medications are you taking right now, including over-the-counter ones?")
	think()
	turn(pick(r, c.meds) + pick(r, []string{"", " and a vitamin", ". no allergies", ", allergic to penicillin"}))
	reply("Got it. Which insurance do you have? Please include the member ID if you have your card handy.")
	think()
	payer := pick(r, payers)
	turn(fmt.Sprintf("%s, member id %s%d", payer, strings.ToUpper(randString(r, "abcdefghjkmnpqrstuvwxyz", 3)), 100000000+r.IntN(899999999)))
	toolCall("lookup_insurance", fmt.Sprintf(`{"payer_name":"%s","member_id":"on file"}`, payer), `{"eligible":true,"copay":"$`+fmt.Sprint(10+5*r.IntN(8))+`"}`)
	reply("You're covered. Would you like me to find an appointment? What days work best?")
	think()
	turn(pick(r, []string{"tomorrow morning if possible", "any afternoon this week", "Friday", "the earliest you have", "next week after 3pm"}))
	toolCall("find_slots", `{"visit_type":"sick"}`, `{"slots":[{"id":"S1","time":"09:20"},{"id":"S2","time":"14:40"}]}`)
	reply("I have 9:20 AM or 2:40 PM. Which would you like?")
	think()
	turn(pick(r, []string{"9:20", "the afternoon one", "2:40 works", "first one"}))
	toolCall("book_slot", `{"slot_id":"S1"}`, `{"booked":true}`)
}
