package fingerprint

// Config configures a Hasher. The zero value is ready to use: seed 0.
type Config struct {
	// Seed keys every hash of client-chosen text (prompts, header values), so
	// that prints cannot be precomputed or collided offline by someone who
	// does not know the deployment's seed. Replicas that share state must
	// share the seed; changing it changes every print. 0 is a valid seed.
	Seed uint64
	// HistoryCache bounds the number of conversation-history states that
	// the Hasher keeps so that a long conversation or agent loop, which
	// re-sends its history with every turn, is printed at the cost of its
	// new turns (see Hasher.Prompt; the prints are the same with or without
	// the cache). 0 means DefaultHistoryCache; a negative value disables
	// the cache.
	HistoryCache int
}

// Hasher computes prints. It holds tables built in New (the elicitation
// automaton, the skeleton vocabulary), which are immutable afterwards, and
// the history cache (see Config.HistoryCache), which is internally
// synchronised and changes no print, so one Hasher is safe for concurrent
// use by any number of goroutines. Create it
// once with New and call Fill (or Prompt and Client) per request.
type Hasher struct {
	seed  uint64
	basis uint64 // FNV basis of word hashes, derived from the seed
	words *wordTable
	match *matcher
	pats  []pattern
	hist  *historyCache // nil when disabled; internally synchronised
}

// New builds a Hasher. It does all the setup work (about a millisecond), so
// call it once at start-up, not per request.
func New(cfg Config) *Hasher {
	h := &Hasher{
		seed:  cfg.Seed,
		basis: fnvBasis ^ mix64(cfg.Seed^0x5bd1e995),
		pats:  patterns,
		hist:  newHistoryCache(cfg.HistoryCache),
	}
	h.words = newWordTable(h.basis)
	texts := make([]string, len(patterns))
	for i, p := range patterns {
		texts[i] = p.text
	}
	h.match = newMatcher(texts)
	return h
}

// Fill computes the whole print of one request: the prompt print of r and
// the client print of c. r and c are only read, and nothing of them is
// retained.
func (h *Hasher) Fill(r *Request, c *Client, out *Print) {
	h.Prompt(r, &out.Prompt)
	h.Client(c, &out.Client)
}
