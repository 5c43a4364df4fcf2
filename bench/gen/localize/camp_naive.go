package localize

import (
	"math/rand/v2"
	"time"
)

// naive: a hydra run by a lab that wants translation data with written-out
// reasoning, mostly into and out of Chinese. It registers fresh accounts
// in batches during the day and starts each batch at once; a dispatcher
// hands every account a request every twenty-odd minutes, so that each
// stays at a few dozen a day. All accounts run the same script (the
// OpenAI Python SDK, one version, one runtime) on rented VPSs, a few
// dozen accounts per machine, with three prompt templates whose slots are
// filled from a corpus of source passages.

var naiveTemplates = []string{
	"请将下面的{src}文本翻译成{tgt}。要求：先逐句分析原文的语法结构和难点词汇，说明你的翻译思路，然后给出完整译文。\n\n原文：\n{text}",
	"你是一名资深翻译。请一步一步地思考：1）理解原文含义；2）找出文化差异和专业术语；3）给出初译；4）自我检查并给出最终译文。\n\n{src}原文：{text}\n目标语言：{tgt}",
	"Translate the following {srcEn} text into {tgtEn}. Before the final translation, explain your reasoning step by step in Chinese (逐一分析每个难点).\n\nText:\n{text}",
}

var naivePairs = [][2]string{{"en", "zh"}, {"en", "zh"}, {"en", "zh"}, {"zh", "en"}, {"zh", "en"}, {"ja", "zh"}, {"en", "ja"},
	{"es", "zh"}, {"de", "zh"}, {"fr", "zh"}, {"ko", "zh"}, {"en", "ko"}, {"ru", "zh"}}

func naiveText(r *rand.Rand, src string) string {
	if src == "en" {
		return passage(r, between(r, 2, 4))
	}
	s := sample(r, srcText[src], 2)
	return s[0] + s[1]
}

func planNaive(w *world) {
	r := w.r
	n := w.scale(1200, 25)
	proto := newClient(r, openaiPy, "server", "1.99.9")
	proto.runtime, proto.os, proto.arch, proto.oldJSON, proto.ja4 = "3.10.12", "Linux", "x64", false, ja4PyOpenSSL11
	// the VPSs: a few /24s at two hosters
	var vps []string
	for _, netw := range []string{cloudNet(r, "contabo"), cloudNet(r, "contabo"), cloudNet(r, "vultr")} {
		for range 14 {
			vps = append(vps, v4In(r, netw))
		}
	}
	waves := []float64{0.06, 0.2, 0.36, 0.52, 0.68}
	for i := 0; i < n; i++ {
		a := w.newAccount("naive", "acct"+itoa(i+1), true, proto.clone())
		ip := vps[i%len(vps)]
		start := w.at(waves[i*len(waves)/n]).Add(secs(r.Float64() * 240))
		interval := 18 + r.Float64()*14 // minutes
		t := start.Add(secs(r.Float64() * interval * 60))
		for t.Before(w.end) {
			pair := pick(r, naivePairs)
			tpl := pick(r, naiveTemplates)
			sys := chance(r, 0.5)
			b := func(r *rand.Rand) request {
				v := map[string]string{"src": langName[pair[0]].zh, "tgt": langName[pair[1]].zh, "srcEn": langName[pair[0]].en,
					"tgtEn": langName[pair[1]].en, "text": naiveText(r, pair[0])}
				msgs := []O{msg("user", fill(tpl, v))}
				if sys {
					msgs = append([]O{msg("system", "你是一个专业的多语言翻译助手。")}, msgs...)
				}
				return request{path: pChat, body: chat(mFlag, msgs...).Set("max_tokens", 2048).Set("temperature", 0.7)}
			}
			ev := event{a: a, ip: ip, build: b, seed: r.Uint64()}
			w.addEv(t, ev)
			if chance(r, 0.02) {
				// the SDK's own retry after a 429 or a timeout
				ev.retry = 1
				w.addEv(t.Add(secs(0.5+r.Float64()*7)), ev)
			}
			t = t.Add(time.Duration(interval * (0.8 + 0.4*r.Float64()) * float64(time.Minute)))
		}
	}
}
