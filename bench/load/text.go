package load

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// Generated text for the long workloads: English-like prose and code-like
// tool output, valid inside a JSON string as is (its only escapes are \n,
// \t and \"), tokens separated by single spaces so that a window cut at
// spaces never splits an escape.

var proseWords = strings.Fields(`the a an of to in for on with by from at as into about over after before between
through during without within under again further then once here there when where why how all any both each few more most
other some such only own same so than too very can will just should now also often still even rather quite
system service request response cache index query table column schema record field value key token model prompt
answer question context document section chapter paragraph summary report review draft version release change update
error failure retry timeout latency throughput budget cost estimate forecast revenue margin customer account order
invoice payment contract policy rule limit quota region cluster node replica shard partition stream queue event message
user team manager engineer analyst student teacher patient doctor lawyer client vendor partner author reader
explain describe compare summarise translate outline review debug refactor document plan design build test deploy
measure monitor improve reduce increase check verify validate handle return read write send receive store load
parse format convert merge split sort filter group count sum average compute render display print show list
important simple complex large small fast slow new old current previous next first last main common specific general
clear short long detailed careful practical useful reliable secure private public internal external manual automatic
because although however therefore meanwhile instead otherwise finally usually sometimes always never perhaps
data information result output input feature function method class module package library framework interface
network storage memory processor disk file folder path line page word sentence letter number date time week month year`)

// prose returns about n bytes of generated prose: sentences of 6 to 24
// words, a number now and then, quoted phrases, paragraphs.
func prose(r *rand.Rand, n int) []byte {
	b := make([]byte, 0, n+256)
	for len(b) < n {
		words := 6 + r.IntN(19)
		for i := range words {
			w := proseWords[r.IntN(len(proseWords))]
			switch x := r.IntN(100); {
			case x < 4:
				w = strconv.Itoa(r.IntN(100000))
			case x < 6:
				w = `\"` + w + `\"`
			}
			if i == 0 {
				b = append(b, strings.ToUpper(w[:1])...)
				b = append(b, w[1:]...)
			} else {
				b = append(b, w...)
			}
			if i < words-1 && r.IntN(12) == 0 {
				b = append(b, ',')
			}
			b = append(b, ' ')
		}
		b[len(b)-1] = '.'
		switch r.IntN(12) {
		case 0:
			b[len(b)-1] = '?'
		case 1:
			b[len(b)-1] = ':'
		}
		b = append(b, ' ')
		if r.IntN(6) == 0 {
			b = append(b, `\n\n `...)
		}
	}
	return b
}

var (
	codeIdents = strings.Fields(`ctx req res err buf cfg opts item items key val name path size count index offset limit
handler server client store cache entry node conn row rows query result state token user account order`)
	codeTypes  = strings.Fields(`string int int64 bool error []byte *Request *Response Config Options map[string]int`)
	codeFuncs  = strings.Fields(`Get Put Load Store Parse Format Open Close Read Write Send Handle Validate Reset Len Next`)
	codeShapes = []string{
		`func (%s *%s) %s(%s %s) (%s, error) {`,
		`if err != nil {`,
		`return nil, fmt.Errorf(\"%s: %%w\", err)`,
		`for i, %s := range %s {`,
		`%s := %s.%s(%s)`,
		`%s[%s] = %s`,
		`}`,
		`// %s %s the %s of %s before it is %s.`,
		`%s, err := %s.%s(ctx, %s)`,
		`defer %s.Close()`,
	}
)

// code returns about n bytes of generated Go-like source: lines ending in
// \n, indented with \t.
func code(r *rand.Rand, n int) []byte {
	b := make([]byte, 0, n+256)
	depth := 0
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	for len(b) < n {
		shape := codeShapes[r.IntN(len(codeShapes))]
		if shape == `}` && depth == 0 {
			continue
		}
		if shape == `}` {
			depth--
		}
		for range depth {
			b = append(b, `\t`...)
		}
		var args []any
		for range strings.Count(shape, "%s") {
			switch r.IntN(3) {
			case 0:
				args = append(args, pick(codeIdents))
			case 1:
				args = append(args, pick(codeFuncs))
			default:
				args = append(args, pick(codeTypes))
			}
		}
		line := shape
		for _, a := range args {
			line = strings.Replace(line, "%s", a.(string), 1)
		}
		line = strings.ReplaceAll(line, "%%", "%")
		b = append(b, line...)
		b = append(b, ` \n `...)
		if strings.HasSuffix(shape, "{") && depth < 4 {
			depth++
		}
	}
	return b
}
