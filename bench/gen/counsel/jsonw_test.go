package counsel

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

func TestJSONStyleMatchesEncoders(t *testing.T) {
	body := tracefmt.Obj{{"model", "aster-2"}, {"messages", []tracefmt.Obj{m("user", "§ 199A — “QBI” <b> & 'x' + `y` \u00e9\n\t€ 😀")}}, {"temperature", 0.7}, {"n", 2}}
	plain := map[string]any{}
	if err := json.Unmarshal(styleCompact.marshal(body), &plain); err != nil {
		t.Fatal(err)
	}
	// every style must read back to the same value
	for _, s := range []jsonStyle{styleCompact, styleHTTPX, styleHTTPX27, styleRequests, styleHand, styleGoStd, styleDotnet} {
		var got map[string]any
		if err := json.Unmarshal(s.marshal(body), &got); err != nil {
			t.Fatalf("%+v: %v", s, err)
		}
		if g, w := mustJSON(got), mustJSON(plain); g != w {
			t.Fatalf("%+v decodes to %s, want %s", s, g, w)
		}
	}
	if got := string(styleGoStd.marshal("<a&b>")); got != `"\u003ca\u0026b\u003e"` {
		t.Errorf("Go style: %s", got)
	}
	if got := string(styleDotnet.marshal(`it's "é" + <x>`)); got != `"it\u0027s \u0022\u00E9\u0022 \u002B \u003Cx\u003E"` {
		t.Errorf(".NET style: %s", got)
	}
	if got := string(styleRequests.marshal(tracefmt.Obj{{"a", 1.0}, {"b", "é😀"}})); got != `{"a": 1.0, "b": "\u00e9\ud83d\ude00"}` {
		t.Errorf("requests style: %s", got)
	}
	if got := string(styleHTTPX.marshal(tracefmt.Obj{{"t", 0.0}, {"s", "é"}})); got != `{"t":0.0,"s":"é"}` {
		t.Errorf("httpx style: %s", got)
	}
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func TestJA4(t *testing.T) {
	// Chromium's cipher list hashes to the section every published Chrome
	// print carries.
	if got := tlsChromium.ja4(); !strings.HasPrefix(got, "t13d1516h2_8daaf6152771_") {
		t.Errorf("Chromium print %s", got)
	}
	seen := map[string]bool{}
	for _, h := range []hello{tlsChromium, tlsApple, tlsPython, tlsNode, tlsGo, tlsCurl, tlsCurlMac, tlsJava, tlsSchannel, tlsInspect} {
		p := h.ja4()
		if len(p) != 36 || seen[p] {
			t.Errorf("print %q malformed or repeated", p)
		}
		seen[p] = true
	}
}
