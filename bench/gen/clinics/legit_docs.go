package clinics

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// ---------------------------------------------------------------------
// scribe_vendor: ambient documentation apps. Each vendor's backend sends
// one request per visit with the diarised transcript under the vendor's
// own fixed system prompt, from its cloud's NAT addresses, with its
// production key (and a little QA on its staging key). Volume follows
// the clinic day across US time zones, with the evening "pajama time" of
// clinicians closing their notes.
// ---------------------------------------------------------------------

type scribeVendor struct {
	name   string
	share  float64
	path   string
	st     *stack
	model  string
	system string
	ips    []string
}

func planScribe(w *world) {
	r := w.rng("scribe")
	vs := []*scribeVendor{
		{name: "noteloom", share: 0.30, path: pChat, st: openaiPy("1.82.0", "3.12.8", "Linux", "x64", true), model: mFlagPin,
			system: "You are NoteLoom, a clinical documentation assistant. Convert the diarised visit transcript into a SOAP note for the treating clinician to review and sign. Rules: document only what was said or examined; never invent vitals, doses or results; write the HPI in the third person; list each problem in the Assessment with its plan beneath it; use standard medical abbreviations; if something needed for billing is missing (e.g. laterality, duration), add a bracketed [CLARIFY: ...] note rather than guessing. Do not include small talk. Output Markdown with the headings Subjective, Objective, Assessment and Plan."},
		{name: "chartwhisper", share: 0.25, path: pMessages, st: anthNode("0.52.0", "v22.14.0", "Linux", "x64"), model: mFlag,
			system: "ChartWhisper note engine v7. Role: medical scribe for outpatient encounters. Input: a speaker-labelled transcript (Dr = clinician, Pt = patient, Other = companion). Output: an APSO note (Assessment & Plan first, then Subjective, Objective) in plain text with the section labels in capitals. Constraints: (1) Faithfulness over fluency: omit anything you are unsure of. (2) Medication names, doses and frequencies exactly as stated. (3) Mark patient-reported values as such. (4) Add a 'Patient instructions' section in plain language at a sixth-grade reading level. (5) No diagnosis codes."},
		{name: "attend", share: 0.15, path: pChat, st: goApp("attend-notes-worker/5.14.2"), model: mMiniPin,
			system: "Attend Scribe. Task: write the visit note from the transcript. Format: H&P style for new patients, progress-note style for follow-ups. Include Chief Complaint, HPI, ROS (only systems discussed), Physical Exam (only findings stated aloud), Assessment/Plan. Keep the note under 450 words. Use the clinician's terminology."},
		{name: "meddictate", share: 0.12, path: pMessages, st: anthPy("0.49.0", "3.11.11", "Linux", "arm64", false), model: mFlagPin,
			system: "You are the MedDictate Cloud documentation model. Produce a clinic note from the ambient recording transcript. Sections: CHIEF COMPLAINT; HISTORY OF PRESENT ILLNESS; PAST MEDICAL HISTORY; MEDICATIONS; ALLERGIES; EXAM; DATA REVIEWED; ASSESSMENT AND PLAN. Follow the specialty conventions given in the user message. When the transcript contradicts itself, keep the later statement and flag the discrepancy at the end under NOTES FOR CLINICIAN."},
		{name: "quill", share: 0.10, path: pChat, st: openaiNode("5.6.0", "v20.19.1", "Linux", "x64"), model: mFlag,
			system: "Quill Health scribe. Write a concise, billing-ready progress note from this encounter transcript. Use bullet points in the Plan. Never include patient identifiers beyond age and sex. Append 'Time-based billing: not documented' unless total time is stated."},
		{name: "roundsai", share: 0.08, path: pRespond, st: openaiPy("1.91.0", "3.13.3", "Linux", "x64", true), model: mFlag,
			system: "RoundsAI ambient scribe. Produce a structured encounter note (JSON keys: chief_complaint, hpi, exam, assessment_plan[], patient_instructions) from the transcript. Values are plain strings in clinical register."},
	}
	type keyed struct {
		v        *scribeVendor
		prod, qa *account
	}
	var ks []keyed
	for _, v := range vs {
		blk := pickV4(r, cloudV4)
		for i := 0; i < 2+r.IntN(3); i++ {
			v.ips = append(v.ips, blk.addr(r))
		}
		ks = append(ks, keyed{v, w.newAccount(r, v.name+"-prod"), w.newAccount(r, v.name+"-staging")})
	}
	act := func(t time.Time) float64 {
		a := 0.0
		for _, z := range usZones {
			a += z.share * clinicDay(localHour(t, z.off))
		}
		return a
	}
	base := 1.13 * w.scale
	poisson(r, w.start, w.end, base, func(t time.Time) float64 { return base * act(t) }, func(t time.Time) {
		x := r.Float64()
		var k keyed
		for _, k = range ks {
			if x < k.v.share {
				break
			}
			x -= k.v.share
		}
		v, a := k.v, k.prod
		if r.Float64() < 0.025 {
			a = k.qa
		}
		c := anySeed(r)
		p := c.patient(r)
		tr := c.transcript(r, p)
		user := fmt.Sprintf("Specialty: %s\nVisit type: %s\nPatient: %d-year-old %s\n\nTranscript:\n%s", c.specialty,
			pick(r, []string{"follow-up", "new patient", "urgent same-day", "telehealth follow-up", "annual with acute concern"}), p.age, p.sex(), tr)
		ip := pick(r, v.ips)
		w.send(t, a, v.st, ip, v.path, scribeBody(r, v, user))
		// after-visit instructions, and now and then a regeneration
		if r.Float64() < 0.22 {
			u2 := fmt.Sprintf("Write after-visit instructions for the patient at a sixth-grade reading level, in %s. Diagnosis: %s. Plan: %s. Include when to call the clinic.",
				pick(r, []string{"English", "English", "English", "Spanish", "Vietnamese", "Simplified Chinese"}), c.dx, join(pickN(r, c.plan, 3)))
			w.send(t.Add(secs(lognormal(r, 25, 0.7))), a, v.st, ip, v.path, scribeBody(r, v, u2))
		}
		if r.Float64() < 0.07 {
			u3 := user + "\n\nClinician edit request: " + pick(r, []string{"Shorten the HPI to three sentences.", "Move the medication list into the Plan.", "Add that the patient declined the flu shot.", "Use 'patient' instead of the pronoun.", "Split the assessment into two problems."})
			w.send(t.Add(mins(lognormal(r, 6, 0.8))), a, v.st, ip, v.path, scribeBody(r, v, u3))
		}
	})
}

func scribeBody(r *rand.Rand, v *scribeVendor, user string) tracefmt.Obj {
	switch v.path {
	case pMessages:
		return msgBody(v.model, 4096, cachedSystem(v.system), aconvo(user), kv("temperature", flt(0.2)), kv("stream", true),
			kv("metadata", tracefmt.Obj{kv("user_id", "org_"+randString(r, lowerHex, 12))}))
	case pRespond:
		return tracefmt.Obj{kv("model", v.model), kv("instructions", v.system), kv("input", user), kv("max_output_tokens", 3000),
			kv("temperature", flt(0.2)), kv("store", false), kv("text", tracefmt.Obj{kv("format", tracefmt.Obj{kv("type", "json_object")})})}
	}
	if v.st.kind == kGo {
		return chatBody(v.model, convo(v.system, user), kv("temperature", flt(0.1)), kv("max_tokens", 1800))
	}
	return chatBody(v.model, convo(v.system, user), kv("temperature", flt(0.2)), kv("max_completion_tokens", 3000), kv("stream", true),
		kv("stream_options", tracefmt.Obj{kv("include_usage", true)}))
}

// ---------------------------------------------------------------------
// coding_batch: hospital coding and clinical documentation jobs. Discharge
// summaries go through fixed prompts at temperature 0 with structured
// output, in scheduled batches with a handful of workers (St. Brendan
// hourly, Mesa Valley twice an evening) or as a steady queue worker
// (Lakeshore, Granite Valley). SDK retries re-send the same body.
// ---------------------------------------------------------------------

const codingSystem = "You are a certified inpatient coder (CCS) assisting the HIM department. From the discharge summary, assign ICD-10-CM diagnosis codes following the Official Guidelines for Coding and Reporting: select the principal diagnosis (the condition established after study to be chiefly responsible for the admission), then secondary diagnoses that affected care, each with a present-on-admission indicator. Do not code from uncertain diagnoses unless documented at discharge as probable. Cite the sentence supporting each code. If documentation is insufficient, return a physician query instead of a code."

var codingSchema = tracefmt.Obj{kv("type", "json_schema"), kv("json_schema", tracefmt.Obj{kv("name", "coding_result"), kv("strict", true), kv("schema", tracefmt.Obj{
	kv("type", "object"),
	kv("properties", tracefmt.Obj{
		kv("principal", tracefmt.Obj{kv("type", "object"), kv("properties", tracefmt.Obj{kv("code", tracefmt.Obj{kv("type", "string")}), kv("evidence", tracefmt.Obj{kv("type", "string")})}), kv("required", []string{"code", "evidence"}), kv("additionalProperties", false)}),
		kv("secondary", tracefmt.Obj{kv("type", "array"), kv("items", tracefmt.Obj{kv("type", "object"), kv("properties", tracefmt.Obj{kv("code", tracefmt.Obj{kv("type", "string")}), kv("poa", tracefmt.Obj{kv("type", "string"), kv("enum", []string{"Y", "N", "U", "W"})}), kv("evidence", tracefmt.Obj{kv("type", "string")})}), kv("required", []string{"code", "poa", "evidence"}), kv("additionalProperties", false)})}),
		kv("queries", tracefmt.Obj{kv("type", "array"), kv("items", tracefmt.Obj{kv("type", "string")})}),
	}),
	kv("required", []string{"principal", "secondary", "queries"}),
	kv("additionalProperties", false),
})})}

var codeTool = tracefmt.Obj{kv("name", "record_codes"), kv("description", "Record the final code set for the encounter."), kv("input_schema", tracefmt.Obj{
	kv("type", "object"),
	kv("properties", tracefmt.Obj{
		kv("principal_dx", tracefmt.Obj{kv("type", "string"), kv("description", "ICD-10-CM code")}),
		kv("secondary_dx", tracefmt.Obj{kv("type", "array"), kv("items", tracefmt.Obj{kv("type", "string")})}),
		kv("procedures", tracefmt.Obj{kv("type", "array"), kv("items", tracefmt.Obj{kv("type", "string")}), kv("description", "ICD-10-PCS codes")}),
		kv("ms_drg_hint", tracefmt.Obj{kv("type", "string")}),
		kv("query_needed", tracefmt.Obj{kv("type", "boolean")}),
	}),
	kv("required", []string{"principal_dx", "secondary_dx", "query_needed"}),
})}

func planCoding(w *world) {
	r := w.rng("coding")
	// St. Brendan Health: an hourly Airflow job over the last hour's discharges.
	sb := w.newAccount(r, "stbrendan-him")
	sbSt := openaiPy("1.78.1", "3.11.9", "Linux", "x64", false)
	sbIP := cidr("192.173.64.0/24")
	sbIPs := []string{sbIP.nth(20), sbIP.nth(21)}
	for h := 0; h < int(w.cfg.Span/time.Hour)+1; h++ {
		t0 := w.start.Truncate(time.Hour).Add(time.Duration(h)*time.Hour + 5*time.Minute + secs(between(r, 0, 40)))
		n := w.n(between(r, 260, 390), 8)
		workers(t0, w.end, 6, n, func(i int, at time.Time) time.Duration {
			c := anySeed(r)
			doc := c.dischargeSummary(r, c.patient(r), 0)
			q := w.send(at, sb, sbSt, pick(r, sbIPs), pChat, chatBody(mFlagPin, convo(codingSystem, doc), kv("temperature", flt(0)), kv("response_format", codingSchema), kv("seed", 7)))
			lat := secs(lognormal(r, 9, 0.35))
			w.retryLater(r, at.Add(lat), q, 0.015)
			return lat + secs(between(r, 0.05, 0.4))
		})
	}
	// Mesa Valley Medical Center: two large batches an evening, tool-forced output.
	mv := w.newAccount(r, "mesavalley-coding")
	mvSt := anthPy("0.45.2", "3.10.14", "Linux", "x64", true)
	mvIP := pickV4(r, cloudV4).addr(r)
	for _, off := range []time.Duration{90 * time.Minute, 270 * time.Minute} {
		n := w.n(between(r, 800, 1000), 10)
		workers(w.start.Add(off+secs(between(r, 0, 90))), w.end, 10, n, func(i int, at time.Time) time.Duration {
			c := anySeed(r)
			doc := c.dischargeSummary(r, c.patient(r), 0)
			body := msgBody(mFlag, 2048, codingSystem, aconvo("Code this inpatient encounter.\n\n"+doc),
				kv("temperature", flt(0)), kv("tools", tracefmt.Arr{codeTool}), kv("tool_choice", tracefmt.Obj{kv("type", "tool"), kv("name", "record_codes")}))
			q := w.send(at, mv, mvSt, mvIP, pMessages, body)
			lat := secs(lognormal(r, 11, 0.35))
			w.retryLater(r, at.Add(lat), q, 0.02)
			return lat + secs(between(r, 0.02, 0.2))
		})
	}
	// Lakeshore Regional: a .NET worker draining the coders' queue.
	lk := w.newAccount(r, "lakeshore-pro-fee")
	lkSt := dotnetApp("Lakeshore.Coding.Worker/3.7.2", false)
	lkIP := cidr("67.218.112.0/26").nth(9)
	rate := 0.12 * w.scale
	poisson(r, w.start, w.end, rate, func(time.Time) float64 { return rate }, func(t time.Time) {
		c := anySeed(r)
		note := c.vignette(r, c.patient(r), 2)
		u := fmt.Sprintf("Professional fee coding. Visit: %s, %s.\nNote:\n%s\n\nReturn JSON: {\"cpt\": [...], \"icd10\": [...], \"em_level_rationale\": \"...\"}", c.specialty,
			pick(r, []string{"established patient", "new patient", "inpatient subsequent", "ED visit"}), note)
		w.send(t, lk, lkSt, lkIP, pChat, chatBody(mMini, convo("You assign CPT and ICD-10-CM codes to professional services using the 2021+ E/M guidelines (medical decision making or time).", u),
			kv("temperature", flt(0)), kv("response_format", tracefmt.Obj{kv("type", "json_object")})))
	})
	// Granite Valley Health: clinical documentation integrity queries.
	gv := w.newAccount(r, "granitevalley-cdi")
	gvSt := goApp("gvh-cdi-service/1.9.0 (+go1.24)")
	gvIP := cidr("206.169.230.0/27").nth(4)
	rate2 := 0.1 * w.scale
	poisson(r, w.start, w.end, rate2, func(time.Time) float64 { return rate2 }, func(t time.Time) {
		c := anySeed(r)
		doc := c.dischargeSummary(r, c.patient(r), 0)
		u := "Review this record for documentation gaps that affect severity of illness (e.g. acuity of heart failure, type of anemia, malnutrition severity, encephalopathy). Draft compliant, non-leading physician queries with multiple-choice options including 'other' and 'clinically undetermined'.\n\n" + doc
		w.send(t, gv, gvSt, gvIP, pChat, chatBody(mFlag, convo("You are a clinical documentation integrity specialist. Queries must follow AHIMA/ACDIS compliant query practice.", u), kv("temperature", flt(0)), kv("max_tokens", 1200)))
	})
}

// ---------------------------------------------------------------------
// claims_nightly: Keystone Mutual's evening claims run. From 20:00 Eastern
// six Java workers take claims back to back: field extraction, a medical
// necessity check against the plan's criteria for some, and a member
// letter for denials; transient errors are retried with the same body.
// ---------------------------------------------------------------------

func planClaims(w *world) {
	r := w.rng("claims")
	a := w.newAccount(r, "keystone-claims-batch")
	st := javaApache("5.3.1", "17.0.10")
	blk := cidr("162.211.40.0/28")
	ips := []string{blk.nth(3), blk.nth(4)}
	t0 := w.start.Add(4*time.Hour + secs(between(r, 0, 120)))
	const sys = "You are a claims adjudication assistant for Keystone Mutual Health Plan. Respond with JSON only. Never decide coverage: extract, compare with the criteria given, and flag for a human reviewer."
	type step struct {
		kind string
		doc  string
		c    *caseSeed
	}
	var queue []step
	next := func() step {
		if len(queue) > 0 {
			s := queue[0]
			queue = queue[1:]
			return s
		}
		c := anySeed(r)
		p := c.patient(r)
		doc := fmt.Sprintf("CLAIM %s-%06d\nMember age/sex: %d/%s\nProvider specialty: %s\nPlace of service: %s\nBilled: %s\nDiagnosis codes: %s\nService lines: %s\nAttachment (clinical notes):\n%s",
			pick(r, []string{"PRF", "INS", "OUT"}), r.IntN(1000000), p.age, p.sex()[:1], c.specialty, pick(r, []string{"11 Office", "22 Outpatient hospital", "21 Inpatient", "23 Emergency room", "02 Telehealth"}),
			money(r, 180, 48000), c.icd, pick(r, []string{"99214; 93000", "99285; 71046; 80053", "99223; 99233 x3", "99213; 87880", "27447", "99204; 72148"}), c.vignette(r, p, 2))
		if r.Float64() < 0.6 {
			queue = append(queue, step{"necessity", doc, c})
		}
		return step{"extract", doc, c}
	}
	k := w.n(6, 1)
	pace := float64(k) / (6 * w.scale) // above 1: a small trace's one worker idles between claims
	if pace < 1 {
		pace = 1
	}
	workers(t0, w.end, k, 1<<30, func(i int, at time.Time) time.Duration {
		s := next()
		var u string
		switch s.kind {
		case "extract":
			u = "Extract: member_age, member_sex, diagnosis_codes[], procedure_codes[], place_of_service, billed_amount, attachment_supports_codes (true/false with reason).\n\n" + s.doc
		case "letter":
			u = "Draft the member letter explaining that this claim was pended for clinical review and what documents the provider may send. Plain language, no medical jargon, under 200 words. Return {\"letter\": \"...\"}.\n\n" + s.doc
		default:
			u = fmt.Sprintf("Medical policy MP-%d criteria: %s.\nCompare the claim below with each criterion and return criteria_met[], criteria_not_met[], missing_information[], recommend_review (true/false).\n\n%s",
				100+r.IntN(400), join(pickN(r, []string{"documented failure of six weeks of conservative therapy", "imaging within the last 90 days", "diagnosis consistent with the procedure billed", "service performed by an in-network specialist", "severity documented by a validated scale", "prior authorization number on file"}, 3)), s.doc)
			if r.Float64() < 0.35 {
				queue = append(queue, step{"letter", s.doc, s.c})
			}
		}
		q := w.send(at, a, st, pick(r, ips), pChat, chatBody(mFlagPin, convo(sys, u), kv("temperature", flt(0)), kv("max_tokens", 1500), kv("response_format", tracefmt.Obj{kv("type", "json_object")})))
		lat := secs(lognormal(r, 7, 0.4))
		if r.Float64() < 0.01 {
			c := *q
			w.addq(at.Add(lat+2*time.Second), &c)
		}
		return time.Duration(float64(lat)*pace) + secs(between(r, 0.01, 0.15))
	})
}

// ---------------------------------------------------------------------
// law_review: law firms. Each firm has a review key that the Sieve Review
// e-discovery platform drives (many firms' keys behind the platform's
// addresses, one client stack) for first-pass responsiveness and
// privilege review in batches, and a desk key behind the firm's own
// contract and deposition tool used by associates during (long) office
// hours.
// ---------------------------------------------------------------------

const reviewSystem = "You are a first-level document reviewer for a litigation team. For each document, decide responsiveness to the requests for production given, whether it is potentially privileged (attorney-client or work product), and which issue tags apply. Be conservative: when in doubt, mark for second-level review. Answer in JSON: {\"responsive\": bool, \"privilege\": \"none|attorney-client|work-product|partial\", \"issues\": [..], \"hot\": bool, \"rationale\": \"one sentence\"}."

func planLaw(w *world) {
	r := w.rng("law")
	platSt := anthPy("0.51.0", "3.12.10", "Linux", "x64", true)
	platBlk := pickV4(r, cloudV4)
	platIPs := []string{platBlk.addr(r), platBlk.addr(r), platBlk.addr(r), platBlk.addr(r)}
	deskStacks := []*stack{anthNode("0.50.4", "v20.18.0", "Windows", "x64"), anthNode("0.52.0", "v22.12.0", "Linux", "x64"), openaiNode("4.98.0", "v20.17.0", "Windows", "x64"), dotnetApp("ClauseDesk/2.4 (Windows NT 10.0)", true)}
	for i, f := range lawFirmNm[:12] {
		slug := strings.ToLower(strings.Fields(strings.NewReplacer("&", "", "-", "").Replace(f))[0])
		review := w.newAccount(r, slug+"-review")
		desk := w.newAccount(r, slug+"-desk")
		zone := pickZone(r)
		office := pickV4(r, bizV4)
		officeIPs := []string{office.addr(r), office.addr(r)}
		// a review batch for some firms
		if i%12 < 6 {
			matter := pick(r, matters)
			rfp := fmt.Sprintf("Requests for production in %s: (1) documents concerning billing or coding practices; (2) communications with regulators; (3) documents concerning the recall or product defects; (4) board materials discussing the matter.", matter)
			n := w.n(between(r, 500, 1100), 6)
			t0 := w.start.Add(mins(between(r, 0, 300)))
			workers(t0, w.end, 8, n, func(_ int, at time.Time) time.Duration {
				body := msgBody(mFlag, 600, tracefmt.Arr{tracefmt.Obj{kv("type", "text"), kv("text", reviewSystem+"\n\n"+rfp), kv("cache_control", tracefmt.Obj{kv("type", "ephemeral")})}},
					aconvo("DOCUMENT ID: "+fmt.Sprintf("%s%07d", strings.ToUpper(slug[:3]), r.IntN(9999999))+"\n\n"+email(r)), kv("temperature", flt(0)))
				q := w.send(at, review, platSt, pick(r, platIPs), pMessages, body)
				lat := secs(lognormal(r, 4.5, 0.35))
				w.retryLater(r, at.Add(lat), q, 0.01)
				return lat
			})
		}
		// associates at their desks
		st := deskStacks[i%len(deskStacks)]
		peak := 0.012 * w.scale * between(r, 0.6, 1.6)
		poisson(r, w.start, w.end, peak, func(t time.Time) float64 { return peak * officeDay(localHour(t, zone)) }, func(t time.Time) {
			ip := pick(r, officeIPs)
			if localHour(t, zone) > 19.5 && r.Float64() < 0.6 {
				ip = residential(r, 0.4) // working from home in the evening
			}
			var u string
			switch r.IntN(4) {
			case 0, 1:
				kind, text := contract(r, 3+r.IntN(4))
				u = fmt.Sprintf("Summarize the key terms of this %s for the client in a table (term, section, what it means, risk to our client: low/medium/high). Our client is the %s party. Flag anything off-market.\n\n%s", kind, pick(r, []string{"first", "second"}), text)
			case 2:
				_, text := contract(r, 2)
				u = "Compare these clauses with our standard positions: liability cap at 2x annual fees, mutual indemnity, 30-day cure period, BAA breach notice within 5 business days. Propose redlines.\n\n" + text
			default:
				u = fmt.Sprintf("Summarize this deposition excerpt of %s, page-line cited, focusing on admissions relevant to notice and causation.\n\nQ. When did you first learn of the problem?\nA. I'd say around the spring, when the %s came back.\nQ. Did you tell anyone?\nA. I told my manager, %s, and I think I sent an email.\nQ. What did the email say?\nA. That we had a pattern and needed to look at it. %s", person(r), pick(r, []string{"audit results", "complaint reports", "engineering tests", "claims denials"}), person(r), pick(r, emailBody))
			}
			path := pMessages
			if st.kind == kOpenAINode || st.kind == kDotnet {
				path = pChat
			}
			var body tracefmt.Obj
			if path == pMessages {
				body = msgBody(pick(r, []string{mFlag, mFlag, mMini}), 4096, "You are a careful legal assistant to attorneys at "+f+". Cite section numbers. Do not give advice directly to clients.", aconvo(u), kv("stream", true))
			} else {
				body = chatBody(mFlag, convo("You are a careful legal assistant to attorneys at "+f+". Cite section numbers.", u), kv("temperature", flt(0.3)), kv("stream", st.kind == kOpenAINode))
			}
			w.send(t, desk, st, ip, path, body)
		})
	}
}
