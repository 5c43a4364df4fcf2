package fingerprint

import "strings"

// Word classes of the skeleton. A word that is in neither list is a slot.
const (
	wordSlot   uint8 = iota
	wordWeak         // function word: kept between template words, absorbed into a slot run
	wordStrong       // template vocabulary: instruction verbs and prompt-structure nouns
)

// strongWords is the template vocabulary: words a prompt template is made of
// and that a slot fill (a topic, a name, a question) rarely contains. A fill
// word found here makes two fills of one template hash apart, so the list
// leans towards instructions and away from topic nouns.
const strongWords = `
explain describe write summarize summarise translate compare contrast analyze
analyse evaluate discuss define identify calculate compute solve prove derive
classify rewrite rephrase paraphrase answer question questions problem
solution step steps reasoning example examples detailed essay paragraph
paragraphs sentences summary following below above response output format
formatted json markdown table bullet bullets advantages disadvantages pros
cons overview introduction conclusion title please provide generate create
review feedback improve fix debug tutorial beginner tone formal informal
professional friendly instructions task assistant expert respond reply
outline draft compose suggest recommend justify elaborate clarify illustrate
critique assess rank extract convert shorten simplify highlight explanation
thorough comprehensive concise briefly rate score grade
`

// weakWords are function words. Between two template words they are part of
// the template; next to a slot they may as well be part of the fill ("the
// history of Rome" against "photosynthesis"), so they are absorbed into it.
const weakWords = `
a an the of in on at to for from by with about as into onto over under and or
but nor so yet if than that this these those it its it's is are was were be
been being has have had do does did doing can could would will shall may
might what which who whom whose when where there here their they them he she
his her him we our us i me my you your yours not no all any some such very
just more most much many each other one two three between through during
before after while within without per via etc e.g i.e vs versus like
don't doesn't isn't aren't can't won't how why
list give show find key main points point make use using based according
must should only include including every first then finally next also
result results final correct true false option options choice choose select
best approach method strategy plan guide simple simply terms style think
thinking carefully consider assume given suppose imagine pretend context act
user role return check sort complete continue expand cover focus ensure
avoid keep limit words word characters lines items tips ideas reasons
factors analysis insights detail details brief short text passage input
help verify demonstrate mention clear
`

// cjkStrong and cjkWeak are the single-character template and function
// vocabularies for Chinese, where the skeleton works per character.
const (
	cjkStrong = `请释述举译骤推导答案题写列析证评总结比较计算解`
	cjkWeak   = `给出分步例说明描的了是在和与及一个这那中对为以有也就都而并或从把被之其如何什么吗呢吧下上你我他它们所将要能会可该此每些`
)

// wordTable is an open-addressing set of word hashes with their class,
// built once in New and read-only afterwards.
type wordTable struct {
	keys []uint64
	vals []uint8
	mask uint64
}

func newWordTable(basis uint64) *wordTable {
	t := &wordTable{keys: make([]uint64, 2048), vals: make([]uint8, 2048), mask: 2047}
	for _, w := range strings.Fields(weakWords) {
		t.put(wordHash(basis, w), wordWeak)
	}
	for _, w := range strings.Fields(strongWords) {
		t.put(wordHash(basis, w), wordStrong)
	}
	for _, r := range cjkWeak {
		t.put(wordHash(basis, string(r)), wordWeak)
	}
	for _, r := range cjkStrong {
		t.put(wordHash(basis, string(r)), wordStrong)
	}
	return t
}

const (
	fnvPrime = 1099511628211
	fnvBasis = 14695981039346656037
)

// wordHash is FNV-1a over the ASCII-lower-cased bytes of w, from basis. It
// must agree with the inline hashing of the tokenizer.
func wordHash(basis uint64, w string) uint64 {
	h := basis
	for i := 0; i < len(w); i++ {
		h = (h ^ uint64(lower[w[i]])) * fnvPrime
	}
	return h | 1
}

func (t *wordTable) put(k uint64, v uint8) {
	for i := k >> 7 & t.mask; ; i = (i + 1) & t.mask {
		if t.keys[i] == 0 || t.keys[i] == k {
			t.keys[i] = k
			t.vals[i] = v
			return
		}
	}
}

func (t *wordTable) get(k uint64) uint8 {
	for i := k >> 7 & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case k:
			return t.vals[i]
		case 0:
			return wordSlot
		}
	}
}

// lower maps ASCII upper case to lower case and leaves every other byte.
var lower = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
		if 'A' <= i && i <= 'Z' {
			t[i] = byte(i + 'a' - 'A')
		}
	}
	return t
}()
