package fingerprint_test

import (
	"testing"

	"github.com/sluicehq/sluice/fingerprint"
)

func promptOf(h *fingerprint.Hasher, text string) fingerprint.PromptPrint {
	r := fingerprint.Request{Turns: []fingerprint.Turn{{Role: fingerprint.RoleUser, Text: []byte(text)}}}
	var p fingerprint.PromptPrint
	h.Prompt(&r, &p)
	return p
}

// sketchThreshold is the largest Distance at which two sketches count as
// near-duplicates; see the package doc for the measured rates.
const sketchThreshold = 20

// TestQuality measures the template hash and the sketch on the generated
// fixtures (testdata/quality.jsonl, see TestGenerateFixtures): the template
// hash must be equal for ≥95% of same-template pairs and for ≤1% of
// different-template pairs; the sketch must put paraphrases within
// sketchThreshold and scrambles of the same words beyond it.
func TestQuality(t *testing.T) {
	h := fingerprint.New(fingerprint.Config{Seed: 42})
	fx := loadFixtures(t)

	type item struct {
		group string
		p     fingerprint.PromptPrint
		text  string
	}
	var tpl, para, scr []item
	for _, f := range fx {
		it := item{f.Group, promptOf(h, f.Text), f.Text}
		switch f.Kind {
		case "template":
			tpl = append(tpl, it)
		case "para":
			para = append(para, it)
		case "scramble":
			scr = append(scr, it)
		}
	}

	var same, sameEq, diff, diffEq int
	perGroup := map[string][2]int{}
	for i := range tpl {
		for j := i + 1; j < len(tpl); j++ {
			eq := tpl[i].p.TemplateLast == tpl[j].p.TemplateLast
			if tpl[i].group == tpl[j].group {
				same++
				g := perGroup[tpl[i].group]
				g[0]++
				if eq {
					sameEq++
					g[1]++
				}
				perGroup[tpl[i].group] = g
			} else {
				diff++
				if eq {
					diffEq++
					if testing.Verbose() && diffEq < 10 {
						t.Logf("collision: %q ~ %q", tpl[i].text, tpl[j].text)
					}
				}
			}
		}
	}
	sameRate := float64(sameEq) / float64(same)
	diffRate := float64(diffEq) / float64(diff)
	t.Logf("template hash: same-template pairs equal %.2f%% (%d/%d), different-template pairs equal %.3f%% (%d/%d)",
		100*sameRate, sameEq, same, 100*diffRate, diffEq, diff)
	if testing.Verbose() {
		for g, c := range perGroup {
			if c[1] < c[0] {
				t.Logf("  %s: %d/%d", g, c[1], c[0])
			}
		}
	}
	if sameRate < 0.95 {
		t.Errorf("same-template equality %.3f < 0.95", sameRate)
	}
	if diffRate > 0.01 {
		t.Errorf("different-template equality %.4f > 0.01", diffRate)
	}

	// Sketch: paraphrase pairs within a set against scramble pairs (a
	// paraphrase-set member against a scramble of the same words).
	var ppHist, psHist, puHist [65]int
	defer func() {
		cum := func(h *[65]int, th int) float64 {
			n, tot := 0, 0
			for d, c := range h {
				tot += c
				if d <= th {
					n += c
				}
			}
			return 100 * float64(n) / float64(tot)
		}
		for th := 14; th <= 26; th += 2 {
			t.Logf("  threshold %d: paraphrases near %.1f%%, scrambles near %.1f%%, unrelated near %.1f%%",
				th, cum(&ppHist, th), cum(&psHist, th), cum(&puHist, th))
		}
	}()
	var pp, ppNear, ps, psNear, pu, puNear int
	var ppSum, psSum, puSum int
	for i := range para {
		for j := i + 1; j < len(para); j++ {
			d := fingerprint.Distance(para[i].p.Sketch, para[j].p.Sketch)
			if para[i].group == para[j].group {
				pp++
				ppHist[d]++
				ppSum += d
				if d <= sketchThreshold {
					ppNear++
				}
			} else {
				pu++
				puHist[d]++
				puSum += d
				if d <= sketchThreshold {
					puNear++
				}
			}
		}
		for j := range scr {
			if scr[j].group != para[i].group {
				continue
			}
			d := fingerprint.Distance(para[i].p.Sketch, scr[j].p.Sketch)
			ps++
			psHist[d]++
			psSum += d
			if d <= sketchThreshold {
				psNear++
			}
		}
	}
	t.Logf("sketch (threshold %d): paraphrase pairs near %.1f%% (mean distance %.1f); same-vocabulary scrambles near %.1f%% (mean %.1f); unrelated prompts near %.1f%% (mean %.1f)",
		sketchThreshold, 100*float64(ppNear)/float64(pp), float64(ppSum)/float64(pp),
		100*float64(psNear)/float64(ps), float64(psSum)/float64(ps),
		100*float64(puNear)/float64(pu), float64(puSum)/float64(pu))
	if float64(ppNear)/float64(pp) < 0.85 {
		t.Errorf("paraphrases near: %d/%d", ppNear, pp)
	}
	if float64(psNear)/float64(ps) > 0.05 {
		t.Errorf("same-vocabulary scrambles near: %d/%d", psNear, ps)
	}
}
