package voyage

import (
	"fmt"
	"time"
)

// developers: individual developers and small teams building on the API,
// each with a key of their own, on every stack there is, from wherever
// they happen to work: home broadband (often IPv6), offices, coworking
// spaces, phones' hotspots behind carrier NAT, hotel and airport Wi-Fi,
// VPNs and cloud dev boxes. They work in bursts, try things, switch
// models, and many try the new model the hour it is released. Some sign
// up during the window.

// devStack draws a developer's client and the dialect it speaks.
func devStack(r *rng, e env) (*client, string) {
	k := wpick(r, []kind{kPyOpenAI, kPyAnthropic, kNodeOpenAI, kNodeAnthropic, kCurl, kGoOpenAI, kGoAnthropic, kRequests, kHTTPie, kPostman, kRubyOpenAI, kPHPOpenAI, kAISDK, kJavaHTTP, kDotnetOpenAI, kAiohttp, kChrome},
		[]float64{0.22, 0.11, 0.1, 0.05, 0.1, 0.04, 0.03, 0.05, 0.02, 0.04, 0.03, 0.03, 0.04, 0.02, 0.02, 0.02, 0.08})
	chatOrMsg := func() string {
		if r.chance(0.7) {
			return pathChat
		}
		return pathMessages
	}
	switch k {
	case kPyOpenAI:
		return pyClient(k, pick(r, verPyOpenAI), e, r.chance(0.2)), pathChat
	case kPyAnthropic:
		return pyClient(k, pick(r, verPyAnthropic), e, r.chance(0.2)), pathMessages
	case kNodeOpenAI:
		return nodeClient(k, pick(r, verNodeOpenAI), e), pathChat
	case kNodeAnthropic:
		return nodeClient(k, pick(r, verNodeAnthro), e), pathMessages
	case kCurl:
		return curlClient(r, e.os), chatOrMsg()
	case kGoOpenAI:
		return goClient(k, pick(r, verGoOpenAI), pick(r, verGo), e.os, e.arch), pathChat
	case kGoAnthropic:
		return goClient(k, pick(r, verGoAnthropic), pick(r, verGo), e.os, e.arch), pathMessages
	case kChrome:
		path := chatOrMsg()
		return browser(r, path == pathMessages, r.chance(0.6)), path
	case kRequests:
		c := &client{kind: k, ja4: ja4Urllib3, style: styleDumps, authFirst: r.chance(0.7), anthVer: "2023-06-01"}
		if r.chance(0.4) {
			c.style = styleHttpx // json= on a recent requests, or a compact dumps
			c.style.ascii = true
		}
		return c, chatOrMsg()
	case kHTTPie:
		return &client{kind: k, ja4: ja4Urllib3, style: styleHTTPie}, chatOrMsg()
	case kPostman:
		return &client{kind: k, ua: pick(r, []string{"PostmanRuntime/7.49.1", "PostmanRuntime/7.50.0", "PostmanRuntime/7.48.0"}), ja4: ja4Postman, style: stylePostman}, chatOrMsg()
	case kRubyOpenAI:
		return &client{kind: k, ua: pick(r, []string{"Faraday v2.14.0", "Faraday v2.13.4", "Faraday v2.12.2"}), ja4: ja4Ruby, style: styleRuby}, pathChat
	case kPHPOpenAI:
		return &client{kind: k, ua: "GuzzleHttp/7", ja4: ja4LibcurlH1, style: stylePHP}, pathChat
	case kAISDK:
		c := nodeClient(kAISDK, "", e)
		c.ua = "ai-sdk/openai/" + pick(r, []string{"2.0.74", "2.0.68", "3.0.12"}) + " ai-sdk/provider-utils/3.0.18 runtime/node.js/" + e.node[1:3]
		return c, pathChat
	case kJavaHTTP:
		return &client{kind: k, ua: "Java-http-client/" + pick(r, []string{"21.0.9", "17.0.17", "25.0.1"}), ja4: ja4JDK, style: styleJackson}, chatOrMsg()
	case kDotnetOpenAI:
		os := "Microsoft Windows 10.0.26100"
		ja := ja4DotnetWin
		if e.os != "Windows" {
			os, ja = "Linux 6.8.0-1041-azure #47~22.04.1-Ubuntu SMP", ja4DotnetLin
		}
		return &client{kind: k, ua: "OpenAI/2.8.0 (.NET 8.0.22; " + os + ")", ja4: ja, style: styleDotnet, trace: r.chance(0.5)}, pathChat
	}
	return &client{kind: kAiohttp, ua: "Python/3.12 aiohttp/3.13.2", ja4: ja4Aiohttp, style: styleDumps, authFirst: true, anthVer: "2023-06-01"}, chatOrMsg()
}

// devPlace draws where a developer works from and returns a function
// that gives the address of a request.
func (w *world) devPlace(r *rng) (func() string, float64) {
	tz := wpick(r, []float64{tzCET, tzUK, tzUSEast, tzUSWest, tzIndia, tzSGT, tzBrazil, tzSydney}, []float64{0.3, 0.1, 0.22, 0.12, 0.1, 0.06, 0.05, 0.05})
	home := homeEU
	v6 := v6HomeEU
	switch tz {
	case tzUSEast, tzUSWest:
		home, v6 = homeUS, v6HomeUS
	case tzIndia, tzSGT, tzSydney:
		home = homeAPAC
	case tzBrazil:
		home = homeLatAm
	}
	switch wpick(r, []int{0, 1, 2, 3, 4, 5, 6}, []float64{0.4, 0.2, 0.1, 0.08, 0.07, 0.05, 0.1}) {
	case 0: // home, IPv6 half the time where the carrier has it
		if len(v6) > 0 && r.chance(0.5) {
			pre := r.v6prefix(v6)
			return func() string { return r.v6host(pre) }, tz
		}
		ip := r.v4(home)
		return func() string { return ip }, tz
	case 1: // office or coworking
		ip := r.v4(business)
		return func() string { return ip }, tz
	case 2: // a cloud dev box
		ip := r.v4(pick(r, []pool{awsUSEast, awsEUCent, gcpEU, gcpUS, hetzner, digitalOc}))
		return func() string { return ip }, tz
	case 3: // phone hotspot: carrier NAT, the address changes
		pool := w.net.cgnatEU
		if tz == tzUSEast || tz == tzUSWest {
			pool = w.net.cgnatUS
		}
		return func() string { return pick(r, pool) }, tz
	case 4: // travelling: airport or hotel Wi-Fi
		pool := w.net.airportWiFi
		if r.chance(0.4) {
			pool = w.net.hotelWiFi
			tz = tzLisbon
		}
		ip := pick(r, pool)
		return func() string { return ip }, tz
	case 5: // VPN
		ip := r.v4(vpnExits)
		return func() string { return ip }, tz
	}
	ip, ip2 := r.v4(home), r.v4(business) // home in the morning, office later
	return func() string {
		if r.chance(0.5) {
			return ip
		}
		return ip2
	}, tz
}

func planDevelopers(w *world) {
	lab := w.label("developers")
	r := newRNG(w.cfg.Seed, lab.name)
	n := r.count(380, w.scale, 12)
	for i := 0; i < n; i++ {
		fresh := r.chance(0.15)
		k := wpick(r, []keyKind{keyProject, keyLegacy}, []float64{0.8, 0.2})
		if fresh {
			k = keyProject
		}
		a := w.newAccount(r, fmt.Sprintf("developers-%03d", i+1), k)
		e := r.devMachine(r.chance(0.15))
		cl, path := devStack(r, e)
		where, tz := w.devPlace(r)
		model := devModel(r, path)
		sys := ""
		if r.chance(0.4) {
			sys = pick(r, []string{"You are a helpful assistant.", "You are a helpful travel assistant.", "You are a concise assistant. Answer in at most three sentences.",
				"You are an expert software engineer.", "You are a customer support agent for a small hotel. Be friendly and brief.", "Respond only with valid JSON."})
		}
		stream := r.chance(0.3)
		sessions := 1 + int(r.exp(0.5))
		for s := 0; s < sessions; s++ {
			var t time.Time
			for {
				t = w.start.Add(secs(r.Float64() * w.end.Sub(w.start).Seconds()))
				if r.Float64() < activity(&officeHours, t, tz) {
					break
				}
			}
			if fresh && s == 0 {
				t = w.start.Add(secs(r.Float64() * w.end.Sub(w.start).Seconds() * 0.8))
			}
			h := history{}
			reqs := r.irange(2, 22)
			for j := 0; j < reqs && w.within(t); j++ {
				m := model
				if t.After(w.release) && path == pathChat && r.chance(0.35) {
					m = "gpt-5.2" // trying the new model
				}
				var user string
				if len(h) > 0 && r.chance(0.35) {
					user = pick(r, []string{"Thanks. Can you make it shorter?", "That doesn't work, I get the same error.", "Now in Python please.", "Why?", "Add error handling.", "ok", "Can you explain the second step?"})
				} else {
					h = history{}
					user = r.devTask()
				}
				h = h.with(msg("user", user))
				body := devBody(r, path, m, sys, h, stream)
				q := w.send(r, t, lab, a, cl, where(), path, body)
				w.sdkRetry(r, t, q, 0.008)
				h = h.with(msg("assistant", pick(r, devAnswers)))
				t = t.Add(secs(r.lognorm(50, 1)))
			}
		}
	}
}

var devAnswers = []string{"Here is one way to do it:\n\n```python\nimport re\nPNR = re.compile(r\"^[A-HJ-NP-Z2-9]{6}$\")\n```", "The error means the variable is only assigned inside the loop.", "Sure! Here's a shorter version.", "You can fix this by checking for None first.", "Hello! How can I help you today?", "Here are the results as JSON:\n\n[{\"name\": \"Harbour View Hotel\", \"city\": \"Porto\"}]"}

func devModel(r *rng, path string) string {
	if path == pathMessages {
		return wpick(r, []string{"claude-sonnet-4-6", "claude-haiku-4-5", "claude-opus-4-6"}, []float64{0.55, 0.3, 0.15})
	}
	return wpick(r, []string{"gpt-5-mini", "gpt-5.1", "gpt-4.1-mini", "gpt-4.1", "o4-mini"}, []float64{0.4, 0.25, 0.15, 0.1, 0.1})
}

// devBody is a body as a developer writes it: the parameters they know.
func devBody(r *rng, path, model, sys string, h history, stream bool) obj {
	if path == pathMessages {
		b := obj{{"model", model}, {"max_tokens", pick(r, []int{1024, 1024, 2048, 4096, 512, 8192})}}
		if sys != "" {
			b = append(b, kv("system", sys))
		}
		b = append(b, kv("messages", h.list()))
		if stream {
			b = append(b, kv("stream", true))
		}
		if r.chance(0.2) {
			b = append(b, kv("temperature", pick(r, []float64{0, 0.5, 1})))
		}
		return b
	}
	msgs := h
	if sys != "" {
		msgs = history{msg("system", sys)}.with(h...)
	}
	b := obj{{"model", model}, {"messages", msgs.list()}}
	if r.chance(0.35) {
		b = append(b, kv("temperature", pick(r, []float64{0, 0.2, 0.7, 1, 1.2})))
	}
	if r.chance(0.25) {
		b = append(b, kv(pick(r, []string{"max_tokens", "max_completion_tokens"}), pick(r, []int{256, 500, 1000, 2000, 4096})))
	}
	if stream {
		b = append(b, kv("stream", true))
	}
	if r.chance(0.05) {
		b = append(b, kv("response_format", obj{{"type", "json_object"}}))
	}
	return b
}
