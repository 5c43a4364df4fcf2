// Package gen is the registry of the project's traffic generators: one
// entry per generator, with what it models and one way to write its trace
// and labels at a seed, full or small. Each generator's modelling stays in
// its own package (bench/gen/NAME, and internal/sim, the project's first);
// the registry only calls them. bench/cmd/gentrace is its command.
// bench/README.md describes each generator.
package gen

import (
	"fmt"
	"io"
	"sort"

	"github.com/sluicehq/sluice/bench/gen/annotation"
	"github.com/sluicehq/sluice/bench/gen/arcade"
	"github.com/sluicehq/sluice/bench/gen/backoffice"
	"github.com/sluicehq/sluice/bench/gen/campus"
	"github.com/sluicehq/sluice/bench/gen/civic"
	"github.com/sluicehq/sluice/bench/gen/clinics"
	"github.com/sluicehq/sluice/bench/gen/codeassist"
	"github.com/sluicehq/sluice/bench/gen/counsel"
	"github.com/sluicehq/sluice/bench/gen/creators"
	"github.com/sluicehq/sluice/bench/gen/freight"
	"github.com/sluicehq/sluice/bench/gen/launch"
	"github.com/sluicehq/sluice/bench/gen/localize"
	"github.com/sluicehq/sluice/bench/gen/mandarin"
	"github.com/sluicehq/sluice/bench/gen/marketplace"
	"github.com/sluicehq/sluice/bench/gen/mooc"
	"github.com/sluicehq/sluice/bench/gen/newsroom"
	"github.com/sluicehq/sluice/bench/gen/stepwise"
	"github.com/sluicehq/sluice/bench/gen/supportchat"
	"github.com/sluicehq/sluice/bench/gen/voyage"
	"github.com/sluicehq/sluice/bench/genkit"
	"github.com/sluicehq/sluice/internal/sim"
	"github.com/sluicehq/sluice/internal/tracefmt"
)

// Generator is one registered generator.
type Generator struct {
	Name string
	// About says in a line what world it models.
	About string
	// Write writes the trace at seed (full, or small) and its labels, and
	// returns the number of records. Seed 0 is the generator's own seed
	// (1, supportchat's 4127): the traces its documents and tests name.
	Write func(seed uint64, small bool, trace, labels io.Writer) (int, error)
}

// fullSmall adapts a generator with Full(seed) and Small(seed) configs and a
// Write function.
func fullSmall[C any](full, small func(uint64) C, write func(C, io.Writer, io.Writer) (int, error)) func(uint64, bool, io.Writer, io.Writer) (int, error) {
	return func(seed uint64, sm bool, tr, lb io.Writer) (int, error) {
		seed = max(seed, 1)
		cfg := full(seed)
		if sm {
			cfg = small(seed)
		}
		return write(cfg, tr, lb)
	}
}

// emitting adapts a generator that emits records with labels.
func emitting[C any](full, small func(uint64) C, generate func(C, func(tracefmt.Record, tracefmt.Label) error) error) func(uint64, bool, io.Writer, io.Writer) (int, error) {
	return func(seed uint64, sm bool, tr, lb io.Writer) (int, error) {
		seed = max(seed, 1)
		cfg := full(seed)
		if sm {
			cfg = small(seed)
		}
		return genkit.Write(tr, lb, func(emit genkit.Emit) error { return generate(cfg, emit) })
	}
}

var registry = []Generator{
	{"sim", "the project's simulator: human chat, RAG apps, batch evaluation, a popular tool, an enterprise gateway, sign-ups, tutoring, a reseller; full is the 48-hour large scenario", func(seed uint64, small bool, tr, lb io.Writer) (int, error) {
		s := sim.Large()
		if small {
			s = sim.Small()
		}
		if seed != 0 {
			s.Seed = int64(seed)
		}
		return genkit.Write(tr, lb, func(emit genkit.Emit) error {
			return sim.Generate(s, func(r sim.Record, l sim.Label) error { return emit(r, l.Wire()) })
		})
	}},
	{"supportchat", "chat, support bots, an enterprise, evaluation, sign-ups; rubric and reseller harvests", func(seed uint64, small bool, tr, lb io.Writer) (int, error) {
		cfg := supportchat.Default()
		if small {
			cfg = supportchat.Small()
		}
		if seed != 0 {
			cfg.Seed = int64(seed)
		}
		return supportchat.Write(cfg, tr, lb)
	}},
	{"mandarin", "Chinese-language students and offices, a research lab's chain-of-thought work, six harvest campaigns", emitting(mandarin.Full, mandarin.Small, mandarin.Generate)},
	{"mooc", "MOOCs, chat and tutoring; agentic, code, dialogue, multilingual and preference harvests", emitting(mooc.Full, mooc.Small, mooc.Generate)},
	{"annotation", "an annotation vendor, bootcamps, batch jobs; aged-account, proxy and refusal harvests", fullSmall(annotation.Full, annotation.Small, annotation.Write)},
	{"launch", "a viral app, a course launch, evaluation teams with new keys; conversation, rotation and sleeper harvests", fullSmall(launch.Full, launch.Small, launch.Write)},
	{"stepwise", "reasoning researchers and teachers asking for steps at scale, daily keys; key farms, slow accounts, a teacher front", fullSmall(stepwise.Full, stepwise.Small, stepwise.Write)},
	{"campus", "universities, tutoring apps, an LMS plugin, research groups, a campus IT gateway", fullSmall(campus.Full, campus.Small, campus.Write)},
	{"codeassist", "a terminal coding agent, IDE plugins, CI bots, an enterprise gateway, a hackathon", fullSmall(codeassist.Full, codeassist.Small, codeassist.Write)},
	{"marketplace", "aggregator gateways, fixed-prompt apps, a support platform, batch jobs, a logprob data-science team, a demo day", fullSmall(marketplace.Full, marketplace.Small, marketplace.Write)},
	{"creators", "writing extensions, translation and role-play apps, a live-stream workshop, a content agency", fullSmall(creators.Full, creators.Small, creators.Write)},
	{"backoffice", "document pipelines, finance desks behind inspecting proxies, a BPO, SaaS integrations, an onboarding cohort", fullSmall(backoffice.Full, backoffice.Small, backoffice.Write)},
	{"clinics", "clinic scribes, hospital batches, law-firm review, an exam cohort, an NLP evaluation team, a patient-intake bot", fullSmall(clinics.Full, clinics.Small, clinics.Write)},
	{"localize", "translation agencies, support desks, a language app, subtitle and listing batches, a bootcamp, a telecom gateway", fullSmall(localize.Full, localize.Small, localize.Write)},
	{"arcade", "companion chat, NPC dialogue batches, bots, streamer tools, a game jam, a mod used by thousands, a carrier's NAT", fullSmall(arcade.Full, arcade.Small, arcade.Write)},
	{"voyage", "travel and e-commerce in peak season: an airline assistant, a travel plugin, batch jobs, an enterprise gateway, a hackathon cohort", fullSmall(voyage.Full, voyage.Small, voyage.Write)},
	{"counsel", "professional services at the tax deadline: a tax portal, batches, a contract-review add-in, a firm's 64 keys, a CPE cohort", fullSmall(counsel.Full, counsel.Small, counsel.Write)},
	{"newsroom", "news and publishing over 72 hours: journalists, a CMS plugin and a browser extension used by thousands, a wire service's batch, a media group's 48-key gateway, a hackathon, a class", fullSmall(newsroom.Full, newsroom.Small, newsroom.Write)},
	{"civic", "the public sector over five days: a plain-language extension used by 1,224 accounts, a contractor's 45-key gateway, a help-desk bot, a hackathon, a class of 84, evaluation, batch translation", fullSmall(civic.Full, civic.Small, civic.Write)},
	{"freight", "logistics over 48 hours: a dispatch plugin used by 1,273 accounts, a shipping company's 140-key gateway, telematics and marketplace apps, customs batches, a driver school of 72", fullSmall(freight.Full, freight.Small, freight.Write)},
}

// All returns the registered generators, by name.
func All() []Generator {
	out := append([]Generator(nil), registry...)
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// formerly maps the generators' old names, which older notes use, to their names.
var formerly = map[string]string{"heldout": "supportchat", "heldout2": "mandarin", "heldout3": "mooc", "heldout4": "annotation", "heldout5": "launch", "heldout6": "stepwise"}

// Get returns the generator called name, or formerly called name.
func Get(name string) (Generator, error) {
	if n, ok := formerly[name]; ok {
		name = n
	}
	for _, g := range registry {
		if g.Name == name {
			return g, nil
		}
	}
	return Generator{}, fmt.Errorf("no generator %q (gentrace -list lists them)", name)
}
