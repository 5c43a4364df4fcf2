package freight

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// benchItem is one item of FreightQA, a public benchmark: every team that
// runs it sends the same prompts.
type benchItem struct {
	prompt string
	choice bool // multiple choice: scored from the first token's logprobs
}

// freightQA is the public benchmark, the same for every seed.
var freightQA = func() []benchItem {
	r := rand.New(rand.NewPCG(2025, 11))
	var items []benchItem
	for i := range 240 {
		if i%2 == 0 {
			q := pick(r, []string{"Which Incoterm places the most obligations on the seller?", "What is the maximum gross vehicle weight on US interstates without a permit?",
				"Which document transfers title of goods in ocean shipping?", "What does a TONU fee compensate?", "Which trailer type is required for frozen goods?",
				"What is the standard free time for detention at a shipper?", "Which agency enforces hours-of-service rules in the US?"})
			items = append(items, benchItem{fmt.Sprintf("Question %d: %s\nA) %s\nB) %s\nC) %s\nD) %s\nAnswer:", i, q,
				pick(r, incoterms), pick(r, []string{"80,000 lb", "two hours", "reefer", "FMCSA"}), pick(r, []string{"bill of lading", "a cancelled pickup", "DDP", "EXW"}), pick(r, equipment)), true})
			continue
		}
		p, _ := freightProblem(r)
		items = append(items, benchItem{p + "\nGive the final answer on the last line as 'Answer: <value>'.", false})
	}
	return items
}()

// planEval: the marketplace's evaluation team runs FreightQA and a graded
// free-form suite at volume, and reruns everything on tide-3 on release day.
func planEval(g *gen) {
	r := g.rng("eval_team")
	c := newSDK(r, sdkPy, openAI)
	c.async, c.os, c.arch = true, "Linux", "x64"
	team := make([]*account, g.count(4))
	for i := range team {
		team[i] = g.newAccount(r, "eval_team", i, c)
	}
	ips := []string{pick(r, cloudNets).ip(r), pick(r, cloudNets).ip(r)}
	run := func(a *account, t time.Time, model string) {
		ip := pick(r, ips)
		for _, it := range freightQA {
			var q *req
			if it.choice {
				q = newReq(model, 1, 0)
				q.topLogprobs = 5
			} else {
				q = newReq(model, 1024, 0)
				if chance(r, 0.25) {
					q.n, q.temp = 5, 0.8
				}
			}
			q.say("user", it.prompt)
			g.add(t, a, "eval_team", ip, q)
			t = t.Add(secs(r, 0.15, 1.2))
			if !it.choice && chance(r, 0.5) { // graded by the model
				gq := newReq(mTide2, 200, 0)
				gq.jsonMode = true
				gq.system = "You are a strict grader. Compare the candidate answer with the reference. Return JSON {\"correct\": bool, \"score\": 0-5, \"reason\": string}."
				gq.say("user", fmt.Sprintf("Problem:\n%s\n\nReference: see key.\nCandidate answer:\n%s", it.prompt, reply(r)))
				g.add(t, a, "eval_team", ip, gq)
				t = t.Add(secs(r, 0.1, 0.8))
			}
		}
	}
	for i, a := range team {
		for d := 0.0; d < g.days(); d++ {
			if chance(r, 0.6) {
				t := at(r, g.start.Add(time.Duration(d*24)*time.Hour), g.start.Add(time.Duration(d*24+24)*time.Hour), usWest, office)
				run(a, t, pick(r, []string{mTide2, mTide2Mini, mTide2Reason}))
			}
		}
		if i < 2 { // release day: rerun on the new model
			run(a, g.release.Add(jitter(r, 3*time.Hour, 0.6)), mTide3)
		}
	}
}

var warehouseTools = []tool{
	{"lookup_sku", "Look up an item by SKU or description.", schema("query", "SKU or free text")},
	{"bin_contents", "List what is stored in a bin location.", schema("bin", "Bin id like A-12-03")},
	{"create_move", "Create a move task for a forklift operator.", schema("sku", "SKU", "from_bin", "Source bin", "to_bin", "Destination bin", "qty", "Quantity")},
	{"open_orders", "List open pick orders for a dock door.", schema("door", "Dock door number")},
}

// planWarehouse: warehouse assistants with tools, used by shift leads
// around the clock.
func planWarehouse(g *gen) {
	r := g.rng("warehouse_agents")
	for i := range g.count(10) {
		c := newSDK(r, sdkJS, anthropic)
		a := g.newAccount(r, "warehouse_agents", i, c)
		corp := newCorp(r)
		z := pick(r, usZones)
		sys := fmt.Sprintf("You are the WMS assistant of the %s distribution center. Use the tools to answer; confirm before creating move tasks. Bins are named aisle-bay-level.", pick(r, cities))
		for range poisson(r, float64(between(r, 20, 45))*g.days()) {
			t := at(r, g.start, g.end, z, shifts)
			ask := pick(r, []string{"where is SKU %d", "we're short %d cases for door 12, find more", "move %d pallets of the Tide Pods from receiving to forward pick",
				"what's still open for door %d", "is bin A-%d-02 empty"})
			q := newReq(mTide2, 1024, -1)
			q.system = sys
			q.tools = warehouseTools
			q.say("user", fmt.Sprintf(ask, between(r, 3, 99999)))
			steps := between(r, 1, 4)
			for s := range steps {
				g.add(t, a, "warehouse_agents", corp.ip(r), q)
				if s == steps-1 {
					break
				}
				tl := pick(r, warehouseTools)
				call := &toolCall{callID(r, anthropic), tl.name, tracefmt.Obj{{"query", fmt.Sprintf("%d", between(r, 100, 99999))}}}
				next := *q
				next.turns = append(append([]turn{}, q.turns...), turn{role: "assistant", text: "Let me check.", call: call},
					turn{result: &toolResult{call.id, fmt.Sprintf(`{"bin":"B-%02d-%02d","qty":%d,"status":"%s"}`, between(r, 1, 40), between(r, 1, 6), between(r, 0, 400), pick(r, []string{"ok", "hold", "short"}))}})
				q = &next
				t = t.Add(secs(r, 2, 9))
			}
		}
	}
}

// planReseller: RouteRelay resells API access to small logistics apps
// through a pool of keys; the same operator also harvests through them.
func planReseller(g *gen) {
	r := g.rng("reseller")
	oc := newSDK(r, sdkJS, openAI)
	oc.ver, oc.rt, oc.ja4, oc.os, oc.arch = "4.96.0", "v20.18.1", ja4Node20, "Linux", "x64"
	pool := make([]*account, g.count(40))
	for i := range pool {
		pool[i] = g.newAccount(r, "reseller", i, oc)
	}
	egress := []string{pick(r, cloudNets).ip(r), pick(r, cloudNets).ip(r), pick(r, cloudNets).ip(r)}
	// customers: each app is bound to one key
	for range poisson(r, 2400*g.cfg.Scale*g.days()) {
		a := pool[r.IntN(len(pool))]
		t := at(r, g.start, g.end, pick(r, append(usZones, mexico, london)), dispatch)
		var q *req
		switch r.IntN(3) {
		case 0:
			q = newReq(mTide2Mini, 800, 0.5)
			q.say("user", staffPrompt(r))
		case 1:
			q = newReq(mTide2Mini, 600, 0.4)
			q.system = "You are a dispatch helper for a small fleet. Be concise."
			q.say("user", pluginAsk(r))
		default:
			q = newReq(mTide2, 1500, 0)
			q.system = customsSystem
			q.jsonMode = true
			q.say("user", invoice(r))
		}
		q.stream = chance(r, 0.5)
		g.add(t, a, "reseller_customer", pick(r, egress), q)
	}
	// the harvest: round-robin over the pool, around the clock
	n := poisson(r, 1300*g.cfg.Scale*g.days())
	step := g.cfg.Window / time.Duration(max(n, 1))
	t := g.start.Add(secs(r, 0, 60))
	for i := range n {
		a := pool[i%len(pool)]
		var task string
		if chance(r, 0.5) {
			task = codeTask(r)
		} else {
			task, _ = freightProblem(r)
		}
		q := newReq(g.model(t, mTide2Reason, 2*time.Hour), 8192, 0.6)
		q.thinking = 8000
		q.say("user", task+"\n\nBefore answering, think through the problem step by step and write out your complete reasoning, then give the final answer.")
		q.stream = chance(r, 0.5)
		g.add(t, a, "reseller_harvest", pick(r, egress), q)
		t = t.Add(jitter(r, step, 0.5))
	}
}
