package stepwise

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"
)

// region is a shard of the homework app: where its students live.
type region struct {
	name   string
	offset float64 // hours from UTC
	shards int
	weight float64 // share of the app's students
}

var appRegions = []region{
	{"eu-central", 2, 8, 20}, {"eu-west", 1, 6, 14}, {"us-east", -4, 8, 20}, {"us-central", -5, 4, 8},
	{"us-west", -7, 4, 8}, {"india", 5.5, 5, 16}, {"sea", 8, 2, 6}, {"brazil", -3, 2, 6}, {"australia", 10, 1, 2},
}

// schoolAfternoon is the app's relative load by the students' local hour:
// a peak after school, a little during the school day, nothing at night.
func schoolAfternoon(h float64) float64 {
	h = math.Mod(h+48, 24)
	switch {
	case h >= 15 && h < 21:
		return 1
	case h >= 21 && h < 23:
		return 0.45
	case h >= 8 && h < 15:
		return 0.12
	case h >= 7 && h < 8:
		return 0.08
	}
	return 0.02
}

// mathApp: a homework app relays its students through one key per shard,
// from its Node backend in each region's cloud, with a fixed system prompt.
func (s *sim) mathApp() {
	const class = "h6_math_app"
	r := s.stream(class, 0)
	backend := install(r, kOpenAINode, "5.20.0", false)
	backend.runtime, backend.arch = "v22.17.1", "x64"
	backend.extra = [][2]string{{"x-app-build", "mathly-backend/2.14.3"}}
	type shard struct {
		a   *acct
		net subnet
		reg int
	}
	var shards []shard
	var byRegion [][]int
	for ri, rg := range appRegions {
		net := newSubnet(r, cloudOctets, 3+r.IntN(4))
		var idx []int
		for range rg.shards {
			a := s.account(class, len(shards), backend, keyFor(r, false))
			idx = append(idx, len(shards))
			shards = append(shards, shard{a, net, ri})
		}
		byRegion = append(byRegion, idx)
	}
	// Homework deadlines and class assignments: a few bursts per region.
	bursts := make([][]float64, len(appRegions))
	for i := range bursts {
		for range 2 + r.IntN(3) {
			bursts[i] = append(bursts[i], uniform(r, 0, s.window()))
		}
	}
	weights := make([]float64, len(appRegions))
	for i, rg := range appRegions {
		weights[i] = rg.weight
	}
	users := s.perHour(3000, 0)
	for u := range users {
		ur := s.stream(class+"/user", u)
		var start float64
		ri := 0
		for {
			ri = choose(ur, weights...)
			if ur.IntN(4) == 0 {
				start = bursts[ri][ur.IntN(len(bursts[ri]))] + ur.NormFloat64()*0.12
			} else {
				start = uniform(ur, 0, s.window())
			}
			local := float64(s.t0.Hour()) + start + appRegions[ri].offset
			if start >= 0 && ur.Float64() < schoolAfternoon(local) {
				break
			}
		}
		sh := shards[oneOf(ur, byRegion[ri])]
		uid := fmt.Sprintf("u_%08x", ur.Uint32())
		model := "gpt-4.1-mini"
		if ur.IntN(7) == 0 {
			model = "gpt-4.1" // the app's premium tier
		}
		c := chat{s: s, r: ur, a: sh.a, path: pathChat, ip: func() string { return sh.net.ip(ur) },
			build: func(turns []turn) *query {
				return &query{model: model, system: mathAppSystem, turns: turns, maxTokens: 4096, temp: 0.4, hasTemp: true, stream: true, user: uid}
			},
			reply:  func(p string) string { return workedAnswer(ur, p) },
			outLen: func() int { return int(logn(ur, 1800, 0.5)) },
		}
		t := s.t0.Add(hrs(start))
		for range 1 + choose(ur, 45, 30, 15, 10) {
			p := problem(ur)
			first := oneOf(ur, leadIns) + p
			if ur.IntN(5) < 2 {
				first = asWork(ur, p)
			}
			t = c.run(t, first, choose(ur, 55, 28, 12, 5), func() string { return followUp(ur) })
			t = t.Add(mins(logn(ur, 3, 0.8)))
		}
	}
}

// researchers: graduate students running chain-of-thought studies over a
// shared public benchmark from their university networks, in bursts.
func (s *sim) researchers() {
	const class = "h6_reasoning_researchers"
	r := s.stream(class, 0)
	unis := []campus{newCampus(r), newCampus(r), newCampus(r), newCampus(r), newCampus(r)}
	systems := []string{"", "", "You are a helpful assistant.", "Solve the problem. Put the final answer in \\boxed{}.", "You are an expert problem solver."}
	wrappers := []string{"Let's think step by step.", "Explain your reasoning in full.", "Let's think step by step.", "Explain your reasoning in full, then give the final answer."}
	for i := range s.n(25) {
		ar := s.stream(class, i)
		ant := ar.IntN(5) < 2
		k := kOpenAIPython
		if ant {
			k = kAnthropicPython
		}
		sw := install(ar, k, "", ar.IntN(3) == 0)
		sw.async = ar.IntN(2) == 0
		a := s.account(class, i, sw, keyFor(ar, ant))
		uni := unis[ar.IntN(len(unis))]
		desk := uni.ip(ar)
		node := uni.ip(ar) // the lab's GPU box that runs the sweeps
		var models []string
		path := pathChat
		if ant {
			path = pathMessages
			models = []string{"claude-sonnet-4-5", "claude-haiku-4-5", "claude-opus-4-1"}
		} else {
			models = []string{"gpt-4.1", "gpt-4o-mini", "gpt-4.1-mini", "o4-mini", "gpt-5-mini"}
			if ar.IntN(4) == 0 {
				path = pathResponses
			}
		}
		system := oneOf(ar, systems)
		prompt := func(rr *rand.Rand, p, wrap string, shots int) string {
			x := "Q: " + p + "\nA: " + wrap
			if rr.IntN(2) == 0 {
				x = p + "\n\n" + wrap
			}
			if shots > 0 {
				x = fewShot(rr, shots) + x
			}
			return x
		}
		// Days-old accounts: a little interactive use early on, trying the
		// prompt format by hand.
		t := s.t0.Add(mins(uniform(ar, 0, 50)))
		for range between(ar, 3, 10) {
			q := &query{model: oneOf(ar, models), system: system, turns: []turn{{"user", prompt(ar, oneOf(ar, benchmark), oneOf(ar, wrappers), 0)}},
				maxTokens: 8192, temp: 1, hasTemp: true}
			s.send(t, a, desk, path, q)
			t = t.Add(secs(logn(ar, 90, 0.9)))
		}
		runs := int(math.Round(uniform(ar, 0.6, 2.6) * s.window() / 6))
		for range max(1, runs) {
			rr := ar // the run's draws
			at := s.t0.Add(hrs(uniform(rr, 0.3, s.window()-0.3)))
			model := oneOf(rr, models)
			wrap := oneOf(rr, wrappers)
			shots := oneOf(rr, []int{0, 0, 0, 2, 4, 8})
			temp := math.Round(uniform(rr, 0.7, 1.0)*10) / 10
			n := between(rr, 1, 4)
			samples := 1
			if path != pathChat {
				samples, n = between(rr, 1, 2), 1
			}
			thinking, effort := 0, ""
			if ant && rr.IntN(2) == 0 {
				thinking = oneOf(rr, []int{1024, 2048, 4096, 8000, 16000})
			}
			if reasoningModel(model) {
				effort = oneOf(rr, []string{"low", "medium", "high"})
			}
			size := between(rr, 60, 220)
			first := rr.IntN(len(benchmark))
			rate := uniform(rr, 120, 480) // requests an hour
			workers := oneOf(rr, []int{1, 2, 4, 8})
			lat := float64(workers) * 3600 / rate
			clock := make([]time.Time, workers)
			for w := range clock {
				clock[w] = at.Add(secs(rr.Float64() * 2))
			}
			ip := node
			if rr.IntN(4) == 0 {
				ip = desk
			}
			for j := range size {
				p := benchmark[(first+j)%len(benchmark)]
				for range samples {
					w := 0
					for x := range clock {
						if clock[x].Before(clock[w]) {
							w = x
						}
					}
					q := &query{model: model, system: system, turns: []turn{{"user", prompt(rr, p, wrap, shots)}}, maxTokens: 8192,
						temp: temp, hasTemp: true, n: n, thinking: thinking, effort: effort, newMax: rr.IntN(2) == 0}
					if thinking > 0 {
						q.maxTokens = thinking + 8192
					}
					s.send(clock[w], a, ip, path, q)
					s.maybeRetry(rr, 0.01)
					clock[w] = clock[w].Add(secs(logn(rr, lat, 0.35)))
				}
			}
		}
	}
}

// dailyKeys: an edtech platform mints a key per student per day; each key
// works through a few exercises with the platform's tutor and is dropped.
func (s *sim) dailyKeys() {
	const class = "h6_daily_keys"
	r := s.stream(class, 0)
	net := newSubnet(r, cloudOctets, 4)
	platform := install(r, kOpenAIPython, "1.107.2", false)
	platform.runtime, platform.ja4, platform.async = "3.12.11", tlsPyOpenSSL3, true
	platform.enc = encoding{floatDot: true}
	students := s.perHour(600, 1)
	for i := range students {
		ar := s.stream(class, i)
		a := s.account(class, i, platform, keyFor(ar, false))
		// Keys appear from 1h on, through the school day.
		t := s.t0.Add(hrs(1 + uniform(ar, 0, s.window()-1.4)))
		sid := fmt.Sprintf("sd-%x", ar.Uint64()&0xffffffffff)
		model := oneOf(ar, []string{"gpt-4.1-mini", "gpt-4.1-mini", "gpt-5-mini"})
		c := chat{s: s, r: ar, a: a, path: pathResponses, ip: func() string { return net.ip(ar) },
			build: func(turns []turn) *query {
				return &query{model: model, system: studySystem, turns: turns, maxTokens: 3000, temp: 0.3, hasTemp: true, effort: "low", user: sid, stream: true}
			},
			reply:  func(p string) string { return workedAnswer(ar, p) },
			outLen: func() int { return int(logn(ar, 1500, 0.4)) },
		}
		left := between(ar, 5, 20)
		for left > 0 {
			p := textbook(ar, problem(ar))
			more := min(left-1, choose(ar, 40, 30, 20, 10))
			first := asWork(ar, p)
			if ar.IntN(3) == 0 {
				first = p
			}
			t = c.run(t, first, more, func() string { return followUp(ar) })
			left -= more + 1
			t = t.Add(mins(logn(ar, 2, 0.7)))
		}
	}
}

// enterpriseCopilot: employees' keys in an internal copilot with one
// template, behind two offices' NAT ranges.
func (s *sim) enterpriseCopilot() {
	const class = "h6_enterprise_copilot"
	r := s.stream(class, 0)
	oslo := newSubnet(r, officeOctets, 4)
	newark := newSubnet(r, officeOctets, 3)
	for i := range s.n(300) {
		ar := s.stream(class, i)
		sw := install(ar, kOpenAINode, "5.12.2", true)
		sw.extra = [][2]string{{"x-compass-client", "3.4.1"}}
		a := s.account(class, i, sw, keyFor(ar, false))
		net, offset := oslo, 2.0
		if i%2 == 1 {
			net, offset = newark, -4
		}
		model := oneOf(ar, []string{"gpt-4.1", "gpt-4.1", "gpt-4.1-mini"})
		c := chat{s: s, r: ar, a: a, path: pathChat, ip: func() string { return net.ip(ar) },
			build: func(turns []turn) *query {
				return &query{model: model, system: copilotSystem, turns: turns, temp: 0.2, hasTemp: true, stream: true, maxTokens: 2048}
			},
			reply:  func(string) string { return plainAnswer(ar) },
			outLen: func() int { return int(logn(ar, 1200, 0.6)) },
		}
		perHour := uniform(ar, 1, 6)
		t := s.t0.Add(mins(uniform(ar, 0, 40)))
		for t.Before(s.t1) {
			local := float64(t.Hour()) + float64(t.Minute())/60 + offset
			busy := 0.08 // evenings
			if l := math.Mod(local+24, 24); l >= 8 && l < 17.5 {
				busy = 1
			}
			if ar.Float64() < busy {
				deep := ar.IntN(10) == 0
				req := workRequest(ar, deep)
				t = c.run(t, req, choose(ar, 60, 25, 15), func() string { return oneOf(ar, chatFollowUps) })
			}
			t = t.Add(mins(ar.ExpFloat64() * 60 / perHour))
		}
	}
}

// casual: ordinary people with short chats in all sorts of clients.
func (s *sim) casual() {
	const class = "h6_casual"
	for i := range s.perHour(1500, 0) {
		ar := s.stream(class, i)
		k := []kind{kDesktopApp, kOpenAIPython, kAnthropicPython, kOpenAINode, kCurl, kRequests, kAnthropicNode}[choose(ar, 30, 25, 10, 10, 10, 10, 5)]
		sw := install(ar, k, "", true)
		ant := sw.anthropic() || (k != kOpenAIPython && k != kOpenAINode && ar.IntN(3) == 0)
		a := s.account(class, i, sw, keyFor(ar, ant))
		path := pathChat
		var model string
		if ant {
			path, model = pathMessages, oneOf(ar, []string{"claude-sonnet-4-5", "claude-haiku-4-5", "claude-sonnet-4-20250514"})
		} else {
			model = oneOf(ar, []string{"gpt-4o-mini", "gpt-4.1-mini", "gpt-4o", "gpt-5", "gpt-4.1"})
			if k == kOpenAIPython && ar.IntN(3) == 0 {
				path = pathResponses
			}
		}
		homeIP := home(ar)
		stream := k == kDesktopApp || ar.IntN(3) == 0
		c := chat{s: s, r: ar, a: a, path: path,
			ip: func() string {
				if ar.IntN(12) == 0 {
					return home(ar) // on the phone's carrier
				}
				return homeIP
			},
			build: func(turns []turn) *query {
				q := &query{model: model, turns: turns, stream: stream}
				if ant || ar.IntN(2) == 0 {
					q.maxTokens = oneOf(ar, []int{1024, 2048, 4096})
				}
				if k == kDesktopApp {
					q.temp, q.hasTemp = 0.7, true
				}
				return q
			},
			reply:  func(string) string { return plainAnswer(ar) },
			outLen: func() int { return int(logn(ar, 900, 0.6)) },
		}
		var t time.Time
		if ar.IntN(3) == 0 {
			t = s.t0.Add(mins(uniform(ar, 0, 30)))
		} else {
			t = s.t0.Add(hrs(uniform(ar, 0, s.window())))
		}
		for range 1 + choose(ar, 75, 20, 5) {
			first := casualQuestion(ar)
			if ar.IntN(20) == 0 {
				first = asWork(ar, problem(ar))
			}
			more := []int{0, 1, 2, between(ar, 3, 7)}[choose(ar, 55, 25, 12, 8)]
			t = c.run(t, first, more, func() string { return oneOf(ar, chatFollowUps) })
			t = t.Add(hrs(logn(ar, 1, 0.7)))
		}
	}
}
