package fingerprint

// Signal indexes the elicitation feature vector.
type Signal uint8

// Elicitation signals: each a weak feature on its own.
const (
	SigRationalize Signal = iota // answer-conditioned rationalisation
	SigThinking                  // instructions aimed at the thinking channel or its language
	SigRubric                    // rubric / grading / reward-model prompts
	SigSafeRewrite               // "rewrite this safely" prompts
	SigStepByStep                // plain step-by-step requests (weak)
	SigAgentic                   // agentic / tool-use trajectory harvesting cues
	SigExhaustive                // the whole reasoning demanded: every step, nothing skipped
	NumSignals
)

// Knob flags: request knobs that serve harvesting.
type Knobs uint16

// Knob bits.
const (
	KnobLogprobs     Knobs = 1 << iota // log-probabilities asked for
	KnobTopLogprobs                    // top_logprobs at or near the maximum (>= 5)
	KnobLogitBias                      // logit_bias present
	KnobLogitBiasBig                   // logit_bias with >= 50 entries
	KnobMaxTokens1                     // max_tokens <= 1
	KnobTemp0                          // temperature == 0
	KnobMultiN                         // n > 1
	KnobThinking                       // extended thinking / high reasoning effort
	KnobTools                          // tools present
	KnobLongOutput                     // max_tokens large for the model (>= 8192)
	KnobStream                         // streamed
)

// PromptPrint is the fixed-size print of one request's content.
type PromptPrint struct {
	// Exact hashes (seeded xxhash64) of the normalised conversation and of the
	// system prompt alone (0 when there is no system prompt).
	Exact  uint64
	System uint64
	// Template (skeleton) hashes with variable parts masked: of the last user
	// turn, and of the whole request (system + all turns).
	TemplateLast uint64
	TemplateAll  uint64
	// Sketch is the 64-bit SimHash of the last user turn's word shingles;
	// compare with Distance.
	Sketch uint64
	// Cue is the hash of the sentence of the last user turn that carries
	// its strongest elicitation cue (folded, digits masked), 0 without one:
	// a harvest pipeline wraps ever-new problems in the same few
	// instruction sentences.
	Cue uint64
	// Signals is the elicitation feature vector of the user turns, each
	// 0..1; Elicit is their weighted combination, 0..1.
	Signals [NumSignals]float32
	Elicit  float32
	// ElicitLast is the combined elicitation score of the last user turn
	// alone (Elicit for a single-turn request): what the request asks for
	// now, apart from what earlier turns asked.
	ElicitLast float32
	// ElicitSystem is the combined elicitation score of the system prompt
	// alone. It is kept apart from Elicit because an application's fixed
	// system prompt (a tutor that "explains step by step") frames every
	// request of that application and says little about who sends them.
	ElicitSystem float32
	Knobs        Knobs
	// Bias is the request's logit_bias hash, folded (0 without one): a
	// bias that changes from request to request is an extraction's walk
	// over the vocabulary, one that stays is a classifier's label set.
	Bias uint32
	// Tokens is the estimated number of prompt tokens.
	Tokens int32
	// Turns is the number of conversation turns.
	Turns uint16
	// SystemBytes is the length of the system prompt (saturating).
	SystemBytes uint16
}

// ClientPrint is the fixed-size print of the client stack.
type ClientPrint struct {
	// HTTP is our own HTTP client print: header names (and their order when
	// known), user-agent family and major version, accept, accept-encoding
	// and the x-stainless-* SDK headers.
	HTTP uint64
	// UA is the hash of the user-agent family and major version.
	UA uint64
	// SDK is the hash of the x-stainless-* headers (0 when absent).
	SDK uint64
	// JA4 is the hash of the JA4 string (0 when unknown).
	JA4 uint64
	// Net is the network prefix (/24 IPv4, /48 IPv6) as a hash, 0 when the
	// address is invalid.
	Net uint64
	// Wide is the wider network (/16 IPv4, /32 IPv6) as a hash, 0 when the
	// address is invalid.
	Wide uint64
	// Inconsistent is set when the claimed SDK does not fit the TLS print.
	Inconsistent bool
	// Hosting is Client.Hosting: the address is in a hosting range.
	Hosting bool
}

// Print is everything the engine keys on for one request.
type Print struct {
	Prompt PromptPrint
	Client ClientPrint
}
