package stepwise

import (
	"fmt"
	"math"
	"time"
)

// keyFarm: fresh accounts from the first hour on, each sending a handful
// of requests for complete reasoning over one to three hours through
// residential proxies with an official SDK, then abandoned.
func (s *sim) keyFarm() {
	const class = "h6_key_farm"
	for i := range s.perHour(800, 1) {
		ar := s.stream(class, i)
		ant := ar.IntN(2) == 0
		k := kOpenAIPython
		if ant {
			k = kAnthropicPython
		}
		sw := install(ar, k, "", ar.IntN(3) == 0)
		a := s.account(class, i, sw, keyFor(ar, ant))
		rotate := ar.IntN(10) < 4
		sticky := proxyExit(ar)
		ip := func() string {
			if rotate {
				return proxyExit(ar)
			}
			return sticky
		}
		path := pathMessages
		if !ant {
			path = pathChat
			if ar.IntN(3) == 0 {
				path = pathResponses
			}
		}
		begin := 1 + uniform(ar, 0, s.window()-1.5)
		span := uniform(ar, 1, 3)
		n := between(ar, 3, 8)
		for j := range n {
			at := s.t0.Add(hrs(begin + span*(float64(j)+ar.Float64()*0.8)/float64(n)))
			p := problem(ar)
			if ar.IntN(3) == 0 {
				p = exam(ar, p)
			}
			q := &query{turns: []turn{{"user", asWork(ar, p)}}}
			if ant {
				q.model = oneOf(ar, []string{"claude-sonnet-4-5", "claude-opus-4-1", "claude-sonnet-4-5"})
				q.maxTokens = oneOf(ar, []int{16000, 20000, 32000})
				if ar.IntN(4) > 0 {
					q.thinking = oneOf(ar, []int{8000, 10000, 12000, 16000})
				}
			} else {
				q.model = oneOf(ar, []string{"o4-mini", "gpt-5", "gpt-5-mini", "gpt-4.1"})
				q.maxTokens = oneOf(ar, []int{16384, 25000, 32768})
				q.effort = "high"
			}
			if ar.IntN(3) == 0 && q.thinking == 0 {
				q.temp, q.hasTemp = math.Round(uniform(ar, 0.6, 1)*10)/10, true
			}
			q.stream = ar.IntN(2) == 0
			s.send(at, a, ip(), path, q)
			s.maybeRetry(ar, 0.01)
		}
	}
}

// slowAged: accounts present from the start that send two to four requests
// an hour all window long, most ordinary, four in ten exam problems with a
// demand for all the reasoning.
func (s *sim) slowAged() {
	const class = "h6_slow_aged"
	for i := range s.n(150) {
		ar := s.stream(class, i)
		k := []kind{kOpenAIPython, kAnthropicPython, kOpenAINode}[choose(ar, 45, 35, 20)]
		sw := install(ar, k, "", ar.IntN(2) == 0)
		ant := sw.anthropic()
		a := s.account(class, i, sw, keyFor(ar, ant))
		exit := proxyExit(ar)
		path := pathChat
		model := oneOf(ar, []string{"gpt-4.1", "gpt-4o", "o4-mini"})
		if ant {
			path, model = pathMessages, oneOf(ar, []string{"claude-sonnet-4-5", "claude-opus-4-1"})
		}
		perHour := uniform(ar, 2, 4)
		t := s.t0.Add(mins(uniform(ar, 0, 60/perHour)))
		for t.Before(s.t1) {
			if ar.IntN(8) == 0 {
				exit = proxyExit(ar) // the sticky session expires
			}
			q := &query{model: model}
			if ar.Float64() < 0.4 {
				q.turns = []turn{{"user", exam(ar, problem(ar)) + " " + oneOf(ar, showWork)}}
				q.maxTokens = oneOf(ar, []int{8192, 12000, 16000})
				if ant && ar.IntN(2) == 0 {
					q.thinking = oneOf(ar, []int{4096, 8000})
				}
				if reasoningModel(model) {
					q.effort = "high"
				}
			} else {
				q.turns = []turn{{"user", casualQuestion(ar)}}
				q.maxTokens = oneOf(ar, []int{1024, 2048, 4096})
			}
			s.send(t, a, exit, path, q)
			t = t.Add(time.Duration((0.5 + ar.Float64()) * float64(time.Hour) / perHour))
		}
	}
}

// teacherFront: a fake tutoring site: twenty keys behind one cloud /24,
// a system prompt close to the homework app's, a distinct textbook problem
// in every request, sent at a machine's even pace around the clock.
func (s *sim) teacherFront() {
	const class = "h6_teacher_front"
	r := s.stream(class, 0)
	net := newSubnet(r, cloudOctets, 5)
	sw := install(r, kOpenAIPython, "1.101.0", false)
	sw.runtime, sw.ja4, sw.arch = "3.11.13", tlsPyOpenSSL3, "x64"
	keys := s.n(20)
	period := 90 * time.Second
	used := map[string]bool{}
	for i := range keys {
		ar := s.stream(class, i)
		a := s.account(class, i, sw, keyFor(ar, false))
		host := net.host(i)
		t := s.t0.Add(time.Duration(i) * period / time.Duration(keys))
		for t.Before(s.t1) {
			var p string
			for {
				p = textbook(ar, problem(ar))
				if !used[p] {
					used[p] = true
					break
				}
			}
			ask := oneOf(ar, []string{"Give the complete worked solution.", "I need the full solution with every step explained.", "Show the full working, not just the answer.", "Show every step."})
			q := &query{model: "gpt-4.1-mini", system: tutorFrontSystem, turns: []turn{{"user", p + "\n\n" + ask}},
				maxTokens: 4096, temp: 0.4, hasTemp: true, user: fmt.Sprintf("u_%08x", ar.Uint32())}
			s.send(t.Add(secs(ar.NormFloat64()*0.15)), a, host, pathChat, q)
			t = t.Add(period)
		}
	}
}
