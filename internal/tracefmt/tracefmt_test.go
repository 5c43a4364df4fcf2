package tracefmt_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

func TestRecordJSON(t *testing.T) {
	r := tracefmt.Record{
		TS: time.Date(2026, 4, 22, 10, 0, 0, 123456789, time.FixedZone("x", 3600)), RequestID: "a1b2", IP: "203.0.113.7",
		Method: "POST", Path: "/v1/messages", Headers: [][2]string{{"x-api-key", "k"}, {"user-agent", "ü \"q\" <&>"}},
		Body: json.RawMessage(`{"model":"m"}`),
	}
	want := `{"ts":"2026-04-22T09:00:00.123Z","request_id":"a1b2","ip":"203.0.113.7","method":"POST","path":"/v1/messages","headers":[["x-api-key","k"],["user-agent","ü \"q\" \u003c\u0026\u003e"]],"body":{"model":"m"}}`
	if got := string(r.AppendJSON(nil)); got != want {
		t.Errorf("AppendJSON\ngot  %s\nwant %s", got, want)
	}
	got, err := json.Marshal(r)
	if err != nil || string(got) != want {
		t.Errorf("json.Marshal: %v\ngot  %s\nwant %s", err, got, want)
	}
	r.JA4 = "t13d1516h2_8daaf6152771_e5627efa2ab1"
	line := r.AppendJSON(nil)
	if !bytes.Contains(line, []byte(`]],"ja4":"t13d1516h2_8daaf6152771_e5627efa2ab1","body":`)) {
		t.Errorf("ja4 not between headers and body: %s", line)
	}
	back, err := tracefmt.ParseRecord(line)
	if err != nil || !back.TS.Equal(r.TS.Truncate(time.Millisecond)) || back.JA4 != r.JA4 || !bytes.Equal(back.Body, r.Body) ||
		len(back.Headers) != 2 || back.Headers[1] != r.Headers[1] {
		t.Errorf("ParseRecord: %v %+v", err, back)
	}
	var un tracefmt.Record
	if err := json.Unmarshal(line, &un); err != nil || !un.TS.Equal(back.TS) || un.Headers[1] != r.Headers[1] {
		t.Errorf("json.Unmarshal: %v %+v", err, un)
	}
	if got := (&tracefmt.Record{}).AppendJSON(nil); !bytes.HasSuffix(got, []byte(`"headers":[],"body":null}`)) {
		t.Errorf("empty record: %s", got)
	}
}

func TestLabelJSON(t *testing.T) {
	l := tracefmt.Label{RequestID: "r1", Class: "naive", Campaign: true, Account: "naive-007"}
	got := l.AppendJSON(nil)
	want, _ := json.Marshal(l)
	if !bytes.Equal(got, want) {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestAppendString compares the appender with encoding/json, whose escapes
// it follows except that it writes \b and \f as \u0008 and \u000c.
func TestAppendString(t *testing.T) {
	for _, s := range []string{"", "plain", `q"b\s/`, "a\nb\rc\td\x00\x1f\x7f\b\f", "<a href=\"x&y\">", "中文 ü é 😀",
		"\u2028\u2029", "bad \xff\xfe utf-8 \xe4\xb8", "mixed 的 <&> \x01 end"} {
		for _, html := range []bool{false, true} {
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(html)
			if err := enc.Encode(s); err != nil {
				t.Fatal(err)
			}
			want := strings.NewReplacer(`\b`, `\u0008`, `\f`, `\u000c`, `\\`, `\\`).Replace(strings.TrimSuffix(buf.String(), "\n"))
			got := tracefmt.AppendString(nil, s)
			if !html {
				got = tracefmt.AppendStringKeepHTML(nil, s)
			}
			if string(got) != want {
				t.Errorf("%q (html %v): got %s, want %s", s, html, got, want)
			}
		}
	}
}

func TestParseRecordRejects(t *testing.T) {
	good := `{"ts":"2026-04-22T10:00:00.123Z","request_id":"a","ip":"192.0.2.1","method":"POST","path":"/v1/messages","headers":[["x-api-key","k"]],"body":{"model":"m"}}`
	if _, err := tracefmt.ParseRecord([]byte(good)); err != nil {
		t.Fatalf("good line: %v", err)
	}
	for _, bad := range []string{
		``,
		`{}`,
		strings.Replace(good, `.123Z`, `Z`, 1),
		strings.Replace(good, `.123Z`, `.123+01:00`, 1),
		strings.Replace(good, `.123Z`, `.1234Z`, 1),
		strings.Replace(good, `"request_id":"a"`, `"request_id":""`, 1),
		strings.Replace(good, `["x-api-key","k"]`, `["x-api-key"]`, 1),
		strings.Replace(good, `"body":{"model":"m"}`, `"body":null`, 1),
		strings.Replace(good, `"body":{"model":"m"}`, `"body":{"model":"m"},"ja4":""`, 1),
		strings.Replace(good, `"body":{"model":"m"}`, `"body":{"model":"m"},"campaign":true`, 1),
		strings.Replace(good, `,"body":{"model":"m"}`, ``, 1),
		good + ` {}`,
	} {
		if _, err := tracefmt.ParseRecord([]byte(bad)); err == nil {
			t.Errorf("accepted %s", bad)
		}
	}
}

func TestWriterAndReadRecords(t *testing.T) {
	var trace, labels bytes.Buffer
	w := tracefmt.NewWriter(&trace, &labels)
	at := time.Date(2026, 4, 22, 10, 0, 0, 0, time.UTC)
	for i, id := range []string{"a", "b", "c"} {
		r := tracefmt.Record{TS: at.Add(time.Duration(i) * time.Second), RequestID: id, IP: "192.0.2.1", Method: "POST", Path: "/v1/messages",
			Headers: [][2]string{{"x-api-key", "k"}}, Body: json.RawMessage(`{"model":"m"}`)}
		if err := w.Write(r, tracefmt.Label{RequestID: id, Class: "human_chat", Account: "alice"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	recs, err := tracefmt.ReadRecords(bytes.NewReader(trace.Bytes()))
	if err != nil || len(recs) != 3 || w.Records() != 3 || bytes.Count(labels.Bytes(), []byte("\n")) != 3 {
		t.Fatalf("%d records (%v), %d written, labels:\n%s", len(recs), err, w.Records(), labels.Bytes())
	}
	lines := strings.SplitAfter(trace.String(), "\n")
	for _, bad := range []string{lines[1] + lines[0], lines[0] + lines[0]} {
		if _, err := tracefmt.ReadRecords(strings.NewReader(bad)); err == nil || !strings.Contains(err.Error(), "line 2") {
			t.Errorf("out of order or repeated: %v", err)
		}
	}
	var only bytes.Buffer
	w = tracefmt.NewWriter(&only, nil)
	if err := w.Write(recs[0], tracefmt.Label{}); err != nil || w.Flush() != nil || only.String() != lines[0] {
		t.Errorf("trace without labels: %v %q", err, only.String())
	}
}
