package fingerprint

import "encoding/binary"

// EstimateTokens estimates the number of model tokens of text without a
// tokenizer: about one token per four ASCII bytes (English prose and code
// under BPE tokenizers), one per CJK character (three UTF-8 bytes), and one
// per two other non-ASCII characters (accented Latin, Cyrillic, Greek...).
// It is a metering estimate, within about ±25% for ordinary prose; the
// response's usage reconciles the buckets afterwards.
func EstimateTokens(text []byte) int {
	var ascii, two, three, four int
	// Eight ASCII bytes at a time while the text is ASCII.
	for len(text) >= 8 && binary.LittleEndian.Uint64(text)&0x8080808080808080 == 0 {
		ascii += 8
		text = text[8:]
	}
	for _, b := range text {
		switch {
		case b < 0x80:
			ascii++
		case b < 0xc0: // continuation byte
		case b < 0xe0:
			two++
		case b < 0xf0:
			three++
		default:
			four++
		}
	}
	return (ascii+3)/4 + (two+1)/2 + three + four
}

// perTurnTokens is the framing overhead of one message (role, separators):
// Prompt adds it per text to EstimateTokens of the system prompt and of each
// turn.
const perTurnTokens = 4
