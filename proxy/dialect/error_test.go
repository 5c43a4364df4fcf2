package dialect_test

import (
	"encoding/json"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/internal/proxytest"
	"github.com/sluicehq/sluice/proxy/dialect"
)

// The error bodies as the two APIs document them.
type openAIError struct {
	Error struct {
		Message *string `json:"message"`
		Type    *string `json:"type"`
		Param   *string `json:"param"`
		Code    *string `json:"code"`
	} `json:"error"`
}

type anthropicError struct {
	Type  string `json:"type"`
	Error struct {
		Type    string `json:"type"`
		Message string `json:"message"`
	} `json:"error"`
}

// msg has everything that needs escaping.
const msg = "bad \"input\" <x> & \\ \n\t\x01 é \u2028 \xff"

func TestWriteErrorShapes(t *testing.T) {
	t.Parallel()
	for _, k := range proxytest.ErrorKinds {
		// Anthropic.
		rec := httptest.NewRecorder()
		dialect.WriteError(rec, fingerprint.DialectAnthropic, 0, k.Kind, msg)
		if rec.Code != k.Status || rec.Header().Get("Content-Type") != "application/json" {
			t.Errorf("anthropic %v: status %d, content-type %q", k.Kind, rec.Code, rec.Header().Get("Content-Type"))
		}
		var a anthropicError
		dec := json.NewDecoder(rec.Body)
		dec.DisallowUnknownFields()
		if err := dec.Decode(&a); err != nil {
			t.Fatalf("anthropic %v: %v", k.Kind, err)
		}
		if a.Type != "error" || a.Error.Type != k.Anthropic || a.Error.Message != "bad \"input\" <x> & \\ \n\t\x01 é \u2028 \uFFFD" {
			t.Errorf("anthropic %v: %+v", k.Kind, a)
		}

		// OpenAI, and unknown dialects, with an explicit status.
		for _, d := range []fingerprint.Dialect{fingerprint.DialectOpenAI, fingerprint.DialectUnknown} {
			rec := httptest.NewRecorder()
			dialect.WriteError(rec, d, 502, k.Kind, "upstream unreachable")
			if rec.Code != 502 || rec.Header().Get("Content-Length") != itoa(rec.Body.Len()) {
				t.Errorf("openai %v: status %d, length %q", k.Kind, rec.Code, rec.Header().Get("Content-Length"))
			}
			var o openAIError
			dec := json.NewDecoder(rec.Body)
			dec.DisallowUnknownFields()
			if err := dec.Decode(&o); err != nil {
				t.Fatalf("openai %v: %v", k.Kind, err)
			}
			e := o.Error
			if e.Message == nil || *e.Message != "upstream unreachable" || e.Type == nil || *e.Type != k.OpenAI || e.Param != nil {
				t.Errorf("openai %v: %+v", k.Kind, e)
			}
			if (k.Code == "") != (e.Code == nil) || k.Code != "" && *e.Code != k.Code {
				t.Errorf("openai %v: code %v, want %q", k.Kind, e.Code, k.Code)
			}
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestKindStrings(t *testing.T) {
	t.Parallel()
	for _, k := range proxytest.ErrorKinds {
		if k.Kind.Status() != k.Status || k.Kind.String() != k.Anthropic {
			t.Errorf("%d: %d %q", k.Kind, k.Kind.Status(), k.Kind.String())
		}
	}
	if dialect.Kind(200).Status() != 500 {
		t.Error("unknown kind should map to 500")
	}
}
