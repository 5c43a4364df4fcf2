package civic

import (
	"math/rand/v2"
	"time"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// complaints are 311 service requests as residents type them.
var complaints = []string{
	"there's a pothole on {street} {stsuf} near {street} that's been there for weeks, my tire got damaged",
	"Streetlight out in front of {addr}. Very dark at night, people walk dogs here.",
	"trash wasn't picked up on {weekday} on our whole block ({street} between {street} and {street})",
	"Loud music every night after midnight from the house at {addr}. Called twice already.",
	"Abandoned car with no plates parked on {street} {stsuf} for over a month",
	"Water is bubbling up from the sidewalk near {addr}, looks like a leak",
	"Graffiti on the retaining wall at {park}, some of it is offensive",
	"Big tree branch hanging over the sidewalk on {street} {stsuf} after the storm, looks like it could fall",
	"The recycling cart was damaged by the truck, lid is broken. {addr}",
	"Illegal dumping — mattresses and a couch in the alley behind {addr}",
	"Traffic signal at {street} & {street} stuck on red in one direction",
	"Rats in the alley behind the restaurants on {street}. Seen during the day.",
	"playground swing broken at {park}, chain snapped",
	"Sidewalk is lifted by tree roots in front of {addr}, my mom tripped",
	"need a bulk pickup for a fridge and old mattress at {addr}",
	"Storm drain clogged on {street} {stsuf}, street floods every time it rains",
	"Dead deer on the shoulder of {street} Rd near the bridge",
	"No water pressure since this morning at {addr}",
	"Homeless encampment blocking the bike path near {park}, people can't get through",
	"Stop sign knocked down at {street} and {street}, cars running through",
}

var surveyComments = []string{
	"The new lunch schedule is way better, I actually have time to eat.", "Wifi in the library never works.",
	"I like that we can retake quizzes.", "The bathrooms on the second floor are always locked.",
	"Coach {first} is the best teacher I've had.", "Too much homework on weekends.",
	"The robotics club needs more funding.", "Passing periods are too short to get across campus.",
	"I don't care about the new logo.", "The counselors are really helpful when you can get an appointment.",
	"Chromebooks are slow and the chargers are missing.", "Spirit week was fun this year!",
	"Why do we need to wear IDs all day", "Cafeteria food got better", "The AC in room {#100-250} is broken again.",
}

// hackProject is one team's project at the civic hackathon.
type hackProject struct {
	name, system string
	input        func(r *rand.Rand) string
}

var hackProjects = []hackProject{
	{"BusBuddy", "You write short, friendly transit rider alerts for {city}. Max 280 characters. No emojis.", func(r *rand.Rand) string {
		return expand(r, "Route {#2-48} is running {#3-25} minutes late at {street} & {street} because of {a stalled train|traffic|a detour|an operator shortage}. Write the alert.")
	}},
	{"311 Sorter", "Classify each 311 request into exactly one category: Streets, Sanitation, Parks, Water, Noise, Animals, Other. Reply with the category only.", func(r *rand.Rand) string {
		return "Request: " + expand(r, pick(r, complaints))
	}},
	{"MinutesTLDR", "Summarize city council minutes for residents in 3 bullet points. Mention any votes and their results.", func(r *rand.Rand) string {
		return expand(r, "Minutes excerpt: Councilmember {last} moved to approve Resolution 2026-{#10-99} authorizing a contract with {last} Paving for {$250000-2400000}. Seconded by Councilmember {last}. Public comment: {#1-9} speakers; concerns about {noise|cost overruns|the bidding process|tree removal}. Vote: {#4-7} ayes, {#0-2} nays. Item {#5-14}: presentation on {the climate action plan|library hours|the police budget|the new recycling contract}, no action taken.")
	}},
	{"Permit Pal", "You help residents of {city} understand which permit they need. Ask one clarifying question if needed. Always link to the permits page: https://www.example-city.gov/permits", func(r *rand.Rand) string {
		return typo(r, expand(r, "do I need a permit to {build a 6 foot fence|replace my water heater|put up a shed|hold a block party|sell food at the farmers market|cut down a tree in my front yard|add a second bathroom}?"))
	}},
	{"Eviction Help", "You help tenants find resources. Do not give legal advice. Point to the tenant hotline {phone} and legal aid. Be warm and brief.", func(r *rand.Rand) string {
		return typo(r, expand(r, "{I got a 14 day notice to pay or quit|my landlord changed the locks|landlord says I have to leave in {#3-30} days|can my landlord raise rent {#10-40}%}. what do i do"))
	}},
	{"Budget Explorer", "Explain municipal budget line items to residents in two sentences, with a comparison that makes the number concrete.", func(r *rand.Rand) string {
		return expand(r, "Fund {#100-900} | {agency} | {Personnel|Contractual Services|Capital Outlay|Supplies|Debt Service} | FY2027 proposed: {$40000-9000000} | FY2026 adopted: {$40000-9000000}")
	}},
	{"Park Finder", "Recommend up to three parks from this list for the user's needs: {park}; {park}; {park}; {park}. Explain each choice in one line.", func(r *rand.Rand) string {
		return expand(r, "{Looking for a|Need a|Where's a} {shaded playground for toddlers|place to fly a drone|dog park with water|quiet spot to read|basketball court with lights|accessible trail for a wheelchair}")
	}},
	{"Language Bridge", "Translate city notices into the requested language. Keep dates, times and addresses unchanged.", func(r *rand.Rand) string {
		return "Translate into " + expand(r, "{lang}") + ":\n" + notice(r)
	}},
	{"Vote Ready", "You answer questions about voting in {county}. Be nonpartisan. If unsure, direct users to the county elections office.", func(r *rand.Rand) string {
		return typo(r, expand(r, "{can I register on election day|where do I vote if I moved|how do I get a mail ballot|do I need ID to vote|can I vote if I have a felony conviction|what's on the ballot in {month}}?"))
	}},
	{"Tree Talk", "Write a 3-sentence 'meet your street tree' story from an inventory row, fun but accurate.", func(r *rand.Rand) string {
		return expand(r, "species={Quercus rubra|Acer saccharinum|Gleditsia triacanthos|Tilia americana|Ginkgo biloba|Platanus x acerifolia}; dbh_in={#4-40}; planted={#1955-2021}; address={addr}; condition={Good|Fair|Poor}")
	}},
}

var hackTutorial = []string{
	"Say hello to Civic Hack Weekend!",
	"Write a haiku about open data.",
	"What is a 311 service?",
	"Say hello to Civic Hack Weekend!",
	"Give me three ideas for a civic tech project using public transit data.",
}

// planHackathon: a civic hackathon on the weekend. Everyone signs up for a
// key at the API workshop on Saturday morning, on the venue's Wi-Fi, with
// the starter kit's pinned SDK; teams share project prompts.
func planHackathon(w *world) {
	const cls = "hackathon"
	r := w.rng(cls)
	sat := w.start
	for weekday := local(sat, zCT).Weekday(); weekday != time.Saturday; weekday = local(sat, zCT).Weekday() {
		sat = sat.Add(24 * time.Hour)
	}
	kick := atLocal(sat, zCT, 9, 30)
	venue4 := []string{netEdu.pick4(r), netEdu.pick4(r)}
	venue6 := pool("2607:f388::/32").sub(r, 64)
	n := w.scale(110, 8)
	teams := max(2, n/4)
	proj := make([]hackProject, teams)
	js := make([]bool, teams)
	anth := make([]bool, teams)
	for i := range proj {
		proj[i] = hackProjects[(i+r.IntN(3))%len(hackProjects)]
		js[i] = r.IntN(4) == 0
		anth[i] = r.IntN(5) == 0
	}
	for i := range n {
		a := newAccount(r, acctName(cls, i+1))
		team := r.IntN(teams)
		p := proj[team]
		var k *kit
		if js[team] {
			k = nodeKit(r, pick(r, []string{"MacOS", "MacOS", "Windows", "Linux"}))
			k.lang, k.oai, k.ant, k.rt = lNode, "6.15.0", "0.71.2", pick(r, []string{"v22.18.0", "v24.6.0", "v20.19.4"})
		} else {
			k = pyKit(r, pick(r, []string{"MacOS", "MacOS", "MacOS", "Windows", "Linux"}))
			k.oai, k.ant, k.spaced, k.oldHdr = "2.21.3", "0.79.2", false, false
		}
		ip := func() string { return pick(r, venue4) }
		if r.IntN(10) < 4 {
			v6 := addrIn(r, venue6).String()
			ip = func() string { return v6 }
		}
		home := newHomeLine(r, netHomeUS, netHomeUS6, 0.3)
		sys := expand(r, p.system)
		model := pick(r, []string{mSmall, mSmall, mLarge})
		send := func(t time.Time, from string, tutorial int) {
			w.emit(r, t, cls, a, from, k, func(rr *rand.Rand) req {
				var c chat
				if tutorial >= 0 {
					c = chat{model: mSmall, temp: -1, msgs: []tracefmt.Obj{umsg(hackTutorial[tutorial])}}
				} else {
					c = chat{model: model, system: sys, temp: pick(rr, []float64{-1, 0.7, 0.2, 0}), msgs: []tracefmt.Obj{umsg(p.input(rr))}}
				}
				c.maxTokens = 512
				if !anth[team] {
					c.maxTokens = 0
				}
				return c.in(anth[team])
			})
		}
		// the workshop: the tutorial's first calls
		t := kick.Add(between(r, 10*time.Minute, 50*time.Minute))
		for j := range 1 + r.IntN(3) {
			send(t, ip(), (j+r.IntN(2))%len(hackTutorial))
			t = t.Add(lognormal(r, 90*time.Second, 0.6))
		}
		// hacking: runs of one call or a loop over sample rows
		blocks := []struct{ from, to time.Time }{
			{atLocal(sat, zCT, 10, 30), atLocal(sat, zCT, 12, 0)},
			{atLocal(sat, zCT, 13, 0), atLocal(sat, zCT, 18, 30)},
			{atLocal(sat.Add(24*time.Hour), zCT, 9, 30), atLocal(sat.Add(24*time.Hour), zCT, 14, 45)},
		}
		atHome := r.IntN(10) < 3
		if atHome {
			blocks = append(blocks, struct{ from, to time.Time }{atLocal(sat, zCT, 20, 0), atLocal(sat, zCT, 23, 50)})
		}
		for bi, b := range blocks {
			runs := poisson(r, 1.8*b.to.Sub(b.from).Hours())
			for range runs {
				t := b.from.Add(between(r, 0, b.to.Sub(b.from)))
				src := ip()
				if bi == 3 {
					src = home.at(t)
				}
				loop := 1
				if r.IntN(10) < 3 {
					loop = 3 + r.IntN(10)
				}
				for range loop {
					send(t, src, -1)
					t = t.Add(lognormal(r, 1800*time.Millisecond, 0.5))
				}
			}
		}
		// demos
		if r.IntN(4) == 0 {
			t := atLocal(sat.Add(24*time.Hour), zCT, 15, 0).Add(between(r, 0, 70*time.Minute))
			send(t, ip(), -1)
		}
	}
}

// planClassroom: a high-school computer-science class. Three sections of
// students get keys on Monday and run the assignment notebooks on the
// district's JupyterHub: one server, one address, one client stack.
func planClassroom(w *world) {
	const cls = "classroom"
	r := w.rng(cls)
	const z = zET
	mon := w.start
	for local(mon, z).Weekday() != time.Monday {
		mon = mon.Add(24 * time.Hour)
	}
	hubIP := netEdu.pick4(r)
	hub := pyKit(r, "Linux")
	hub.arch, hub.oai, hub.rt, hub.spaced, hub.oldHdr, hub.ja4 = "x64", "2.14.0", "3.12.3", false, false, ja4PyOSSL3
	sections := [][2]int{{8, 15}, {10, 5}, {13, 20}}
	per := w.scale(28, 5)
	bell := "Period 1: 7:50-8:45\nPeriod 2: 8:50-9:45\nAdvisory: 9:50-10:05\nPeriod 3: 10:10-11:05\nLunch A: 11:05-11:35\nPeriod 4: 11:40-12:35\nPeriod 5: 12:40-1:35\nPeriod 6: 1:40-2:35"
	qs := []string{"what time does lunch start", "When does 4th period end?", "how long is advisory", "What period is at 1pm?",
		"when does school end", "Is there school on {weekday}?", "what time is period 3", "how many minutes is passing time",
		"when do I eat lunch if I have lunch A", "What's the schedule on early release days?"}
	id := 0
	for _, sec := range sections {
		for range per {
			id++
			a := newAccount(r, acctName(cls, id))
			style := r.IntN(4)
			studentSys := []string{
				"You are a helpful assistant for Lakemont High School. Here is the bell schedule:\n" + bell,
				"you are LakeBot. answer questions about the bell schedule.\n" + bell,
				"You are a school assistant. Only answer using this schedule. If you don't know, say you don't know.\n" + bell,
				"Bell schedule:\n" + bell + "\nAnswer students' questions in one sentence.",
			}[style]
			send := func(t time.Time, build builder) { w.emit(r, t, cls, a, hubIP, hub, build) }
			for d := range 2 {
				start := atLocal(mon.Add(time.Duration(d)*24*time.Hour), z, sec[0], sec[1]).Add(between(r, 8*time.Minute, 20*time.Minute))
				end := start.Add(35 * time.Minute)
				nreq := 8 + r.IntN(14)
				if d == 1 {
					nreq = 1 + r.IntN(3) // runs of the sentiment loop
				}
				for j := range nreq {
					t := start.Add(time.Duration(float64(end.Sub(start)) * float64(j) / float64(nreq))).Add(between(r, 0, 90*time.Second))
					if d == 0 {
						send(t, func(rr *rand.Rand) req {
							return chat{model: mSmall, system: studentSys, temp: -1, msgs: []tracefmt.Obj{umsg(typo(rr, expand(rr, pick(rr, qs))))}}.openai()
						})
						continue
					}
					for c := range 8 + r.IntN(8) {
						tc := t.Add(time.Duration(c) * lognormal(r, 1200*time.Millisecond, 0.4))
						send(tc, func(rr *rand.Rand) req {
							return chat{model: mSmall, temp: 0, msgs: []tracefmt.Obj{umsg("Classify the sentiment of this comment as positive, negative, or neutral. Reply with one word.\n\nComment: " + expand(rr, pick(rr, surveyComments)))}}.openai()
						})
					}
				}
			}
			if r.IntN(7) == 0 { // homework, still on the hub
				t := atLocal(mon, z, 19, 0).Add(between(r, 0, 3*time.Hour))
				for range 3 + r.IntN(6) {
					send(t, func(rr *rand.Rand) req {
						return chat{model: mSmall, system: studentSys, temp: -1, msgs: []tracefmt.Obj{umsg(typo(rr, expand(rr, pick(rr, qs))))}}.openai()
					})
					t = t.Add(lognormal(r, 2*time.Minute, 0.8))
				}
			}
		}
	}
}
