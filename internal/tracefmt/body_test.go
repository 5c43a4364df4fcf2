package tracefmt_test

import (
	"strings"
	"testing"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

func TestEncoder(t *testing.T) {
	body := tracefmt.Obj{{"z", "<a&b>"}, {"a", 1e21}}.
		Set("m", 0.5).
		Set("nested", tracefmt.Obj{
			{"arr", tracefmt.Arr{1, "x", nil, true, tracefmt.Arr{}, tracefmt.Obj{}}},
			{"any", []any{tracefmt.Obj{{"k", 0.000001}}, []string{"é", "<"}}},
			{"objs", []tracefmt.Obj{{{"b", false}}, nil}},
		}).
		Set("raw", tracefmt.Raw(`{"x":[1, 2]}`)).
		Set("rawstr", tracefmt.RawString(`"<kept>"`))
	for _, c := range []struct {
		name string
		enc  tracefmt.Encoder
		want string
	}{
		{"html escaped, g", tracefmt.Encoder{EscapeHTML: true, Float: 'g'},
			`{"z":"\u003ca\u0026b\u003e","a":1e+21,"m":0.5,"nested":{"arr":[1,"x",null,true,[],{}],"any":[{"k":1e-06},["é","\u003c"]],"objs":[{"b":false},{}]},"raw":{"x":[1, 2]},"rawstr":"<kept>"}`},
		{"html kept, f", tracefmt.Encoder{Float: 'f'},
			`{"z":"<a&b>","a":1000000000000000000000,"m":0.5,"nested":{"arr":[1,"x",null,true,[],{}],"any":[{"k":0.000001},["é","<"]],"objs":[{"b":false},{}]},"raw":{"x":[1, 2]},"rawstr":"<kept>"}`},
		{"zero value: html kept, g", tracefmt.Encoder{},
			`{"z":"<a&b>","a":1e+21,"m":0.5,"nested":{"arr":[1,"x",null,true,[],{}],"any":[{"k":1e-06},["é","<"]],"objs":[{"b":false},{}]},"raw":{"x":[1, 2]},"rawstr":"<kept>"}`},
	} {
		if got := string(c.enc.Marshal(body)); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
		if got := string(c.enc.Append([]byte("x="), body)); got != "x="+c.want {
			t.Errorf("%s: Append does not append: %s", c.name, got)
		}
	}
}

func TestEncoderPanicsOnUnknownType(t *testing.T) {
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "int64") {
			t.Errorf("recovered %v, want a panic naming int64", r)
		}
	}()
	tracefmt.Encoder{}.Marshal(tracefmt.Obj{{"n", int64(1)}})
}
