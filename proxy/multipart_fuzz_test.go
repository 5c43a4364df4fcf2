package proxy

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"strings"
	"testing"
)

// mpField is one field of a test upload: a plain field, or a file field
// when file is set (its filename).
type mpField struct {
	name, file, content string
}

// mpBody builds a multipart/form-data body with mime/multipart.Writer
// and returns it with its Content-Type.
func mpBody(tb testing.TB, boundary string, fields ...mpField) ([]byte, string) {
	tb.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	if boundary != "" {
		if err := w.SetBoundary(boundary); err != nil {
			tb.Fatal(err)
		}
	}
	for _, f := range fields {
		var (
			pw  io.Writer
			err error
		)
		if f.file != "" {
			pw, err = w.CreateFormFile(f.name, f.file)
		} else {
			pw, err = w.CreateFormField(f.name)
		}
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := io.WriteString(pw, f.content); err != nil {
			tb.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes(), w.FormDataContentType()
}

// mpJSONL is a small OpenAI batch file (LF line ends).
const mpJSONL = `{"custom_id":"r1","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o","messages":[{"role":"user","content":"Hello"}]}}
{"custom_id":"r2","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o","messages":[{"role":"user","content":"Hi"}],"max_tokens":10}}
`

// FuzzFormFields checks formFields against mime/multipart: it must never
// panic, the bounds it returns must lie within the body, and a body it
// reads must be read by mime/multipart.Reader as the same sequence of
// (form name, content) pairs, to the close delimiter.
func FuzzFormFields(f *testing.F) {
	const bd = "sluicefuzzboundary0123456789"
	batch := []mpField{{name: "purpose", content: "batch"}, {name: "file", file: "batch.jsonl", content: mpJSONL}}

	// CRLF, as the Writer writes it
	body, ct := mpBody(f, bd, batch...)
	f.Add(body, ct)
	crlf := body
	// the same with a random boundary
	b2, ct2 := mpBody(f, "", batch...)
	f.Add(b2, ct2)
	// bare LF line ends throughout
	f.Add(bytes.ReplaceAll(crlf, []byte("\r\n"), []byte("\n")), ct)
	// a JSONL file with CRLF line ends
	b3, _ := mpBody(f, bd, mpField{name: "purpose", content: "batch"},
		mpField{name: "file", file: "batch.jsonl", content: strings.ReplaceAll(mpJSONL, "\n", "\r\n")})
	f.Add(b3, ct)
	// a preamble and an epilogue
	f.Add(append(append([]byte("This is the preamble.\r\nIt is ignored.\r\n"), crlf...), "epilogue\r\n"...), ct)
	// transport padding after every delimiter
	padded := bytes.ReplaceAll(crlf, []byte("--"+bd+"\r\n"), []byte("--"+bd+" \t \r\n"))
	padded = bytes.ReplaceAll(padded, []byte("--"+bd+"--\r\n"), []byte("--"+bd+"-- \t\r\n"))
	f.Add(padded, ct)
	// quoted names and file names, a quoted boundary parameter
	b4, _ := mpBody(f, bd, mpField{name: `we"ird\name`, content: "x"}, mpField{name: "file", file: `a "b".jsonl`, content: mpJSONL})
	f.Add(b4, `multipart/form-data; boundary="`+bd+`"`)
	// empty contents, a content holding a near delimiter
	b5, _ := mpBody(f, bd, mpField{name: "purpose"}, mpField{name: "file", file: "f", content: "a\r\n--" + bd + "x\r\nb"})
	f.Add(b5, ct)
	// no fields: only the close delimiter
	f.Add([]byte("--"+bd+"--\r\n"), ct)
	// explicit transfer encodings and header spellings
	f.Add([]byte("--"+bd+"\r\ncontent-disposition: form-data; name=purpose\r\nContent-Transfer-Encoding: 8bit\r\n\r\nbatch\r\n--"+bd+"--"), ct)
	f.Add([]byte("--"+bd+"\r\nContent-Disposition: form-data; name=\"a\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n=41\r\n--"+bd+"--\r\n"), ct)
	// short ones, with a one-byte boundary, for the mutator to work on
	f.Add([]byte("--B\r\nContent-Disposition: form-data; name=a\r\n\r\nx\r\n--B\r\nX: 1\r\nContent-Disposition: form-data; name=b\r\n\r\ny\r\n--B--\r\n"), "multipart/form-data; boundary=B")
	f.Add([]byte("--B\nContent-Disposition: form-data; name=a\n\nx\n--B\nContent-Disposition: form-data; name=b\n\n\n--B--"), "multipart/form-data; boundary=B")

	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		var scratch [8]formField
		fs, err := formFields(body, contentType, scratch[:0])
		for i, fd := range fs {
			if fd.start < 0 || fd.start > fd.end || fd.end > len(body) {
				t.Fatalf("field %d %q: bounds [%d,%d) outside a body of %d bytes", i, fd.name, fd.start, fd.end, len(body))
			}
		}
		if err != nil {
			if !errors.Is(err, errMultipart) {
				t.Fatalf("error %v is not errMultipart", err)
			}
			return
		}
		if len(fs) > maxFormFields {
			t.Fatalf("%d fields, more than %d", len(fs), maxFormFields)
		}
		_, params, perr := mime.ParseMediaType(contentType)
		if perr != nil {
			t.Fatalf("formFields accepted Content-Type %q that mime.ParseMediaType refuses: %v", contentType, perr)
		}
		if msg := compareMultipart(body, params["boundary"], fs); msg != "" {
			t.Fatalf("body %q, Content-Type %q: formFields read %s; mime/multipart: %s", body, contentType, describeFields(body, fs), msg)
		}
	})
}

// compareMultipart reads body with mime/multipart and returns what differs
// from fs ("" when nothing does). Every part is read with a limit: a
// part's content cannot be longer than the body.
func compareMultipart(body []byte, boundary string, fs []formField) string {
	mr := multipart.NewReader(bytes.NewReader(body), boundary)
	for i := 0; ; i++ {
		p, err := mr.NextPart()
		if err == io.EOF {
			if i != len(fs) {
				return fmt.Sprintf("%d parts, formFields %d", i, len(fs))
			}
			return ""
		}
		if err != nil {
			return fmt.Sprintf("part %d: NextPart: %v", i, err)
		}
		if i >= len(fs) {
			return fmt.Sprintf("part %d (%q) past formFields' %d fields", i, p.FormName(), len(fs))
		}
		content, err := io.ReadAll(io.LimitReader(p, int64(len(body))+1))
		if err != nil {
			return fmt.Sprintf("part %d (%q): read: %v", i, p.FormName(), err)
		}
		fd := fs[i]
		if name := p.FormName(); name != fd.name {
			return fmt.Sprintf("part %d: name %q, formFields %q", i, name, fd.name)
		}
		if !bytes.Equal(content, body[fd.start:fd.end]) {
			return fmt.Sprintf("part %d (%q): content %q, formFields %q", i, fd.name, content, body[fd.start:fd.end])
		}
	}
}

func describeFields(body []byte, fs []formField) string {
	var sb strings.Builder
	sb.WriteByte('[')
	for i, fd := range fs {
		if i > 0 {
			sb.WriteString(", ")
		}
		fmt.Fprintf(&sb, "%q=%q", fd.name, body[fd.start:fd.end])
	}
	sb.WriteByte(']')
	return sb.String()
}

// TestFormFieldsRefuses checks the bodies formFields must refuse: what it
// cannot read, and what it and the upstream could read differently.
func TestFormFieldsRefuses(t *testing.T) {
	const bd = "sluicetestboundary"
	ct := "multipart/form-data; boundary=" + bd
	good, _ := mpBody(t, bd, mpField{name: "purpose", content: "batch"}, mpField{name: "file", file: "b.jsonl", content: mpJSONL})
	part := func(headers, content string) string {
		return "--" + bd + "\r\n" + headers + "\r\n\r\n" + content + "\r\n"
	}
	closeDelim := "--" + bd + "--\r\n"

	many := func(n int) []byte {
		fields := make([]mpField, n)
		for i := range fields {
			fields[i] = mpField{name: fmt.Sprintf("f%d", i), content: "v"}
		}
		b, _ := mpBody(t, bd, fields...)
		return b
	}

	// the bodies refused are otherwise readable: the same shapes pass
	for _, ok := range []struct {
		name string
		body []byte
		n    int
	}{
		{"good", good, 2},
		{"64 fields", many(maxFormFields), maxFormFields},
		{"binary", []byte(part("Content-Disposition: form-data; name=\"a\"\r\nContent-Transfer-Encoding: binary", "x") + closeDelim), 1},
		// an empty field: the next delimiter right after its headers (a
		// batch file after it must not be read as that field's content)
		{"empty field first", []byte("--" + bd + "\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n--" + bd + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nbatch\r\n--" + bd + "\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nHARVEST\r\n" + closeDelim), 3},
	} {
		fs, err := formFields(ok.body, ct, nil)
		if err != nil || len(fs) != ok.n {
			t.Errorf("%s: %d fields, %v; want %d fields", ok.name, len(fs), err, ok.n)
		}
	}

	for _, c := range []struct {
		name, ctype, body string
	}{
		{"quoted-printable", ct, part("Content-Disposition: form-data; name=\"purpose\"\r\nContent-Transfer-Encoding: quoted-printable", "b=61tch") + closeDelim},
		{"quoted-printable, lower case", ct, part("Content-Disposition: form-data; name=\"purpose\"\r\ncontent-transfer-encoding: Quoted-Printable", "batch") + closeDelim},
		{"base64", ct, part("Content-Disposition: form-data; name=\"purpose\"\r\nContent-Transfer-Encoding: base64", "YmF0Y2g=") + closeDelim},
		{"missing boundary", "multipart/form-data", string(good)},
		{"empty boundary", `multipart/form-data; boundary=""`, string(good)},
		{"no content type", "", string(good)},
		{"wrong media type: mixed", "multipart/mixed; boundary=" + bd, string(good)},
		{"wrong media type: json", "application/json; boundary=" + bd, string(good)},
		{"malformed content type", "multipart/form-data; boundary", string(good)},
		{"field without a name", ct, part("Content-Disposition: form-data; filename=\"a.jsonl\"", "x") + closeDelim},
		{"field with an empty name", ct, part("Content-Disposition: form-data; name=\"\"", "x") + closeDelim},
		{"field without Content-Disposition", ct, part("Content-Type: text/plain", "x") + closeDelim},
		{"disposition not form-data", ct, part("Content-Disposition: attachment; name=\"file\"", "x") + closeDelim},
		{"unterminated body", ct, string(good[:len(good)-len(closeDelim)-20])},
		{"no close delimiter", ct, part("Content-Disposition: form-data; name=\"a\"", "x")},
		{"headers never end", ct, "--" + bd + "\r\nContent-Disposition: form-data; name=\"a\"\r\n"},
		{"no delimiter", ct, "just some bytes\r\n"},
		{"empty body", ct, ""},
		{"more than 64 fields", ct, string(many(maxFormFields + 1))},
		{"many more than 64 fields", ct, string(many(200))},
		// what the fuzzers found: ways to make sluice and mime/multipart
		// read different fields
		{"two Content-Disposition headers", ct, part("Content-Disposition: form-data; name=\"purpose\"\r\nContent-Disposition: form-data; name=\"file\"", "x") + closeDelim},
		{"space before the colon", ct, part("Content-Disposition : form-data; name=\"a\"", "x") + closeDelim},
		{"folded header line", ct, part("X-A: 1\r\n Content-Disposition: form-data; name=\"file\"", "x") + closeDelim},
		{"mixed line ends", ct, "--" + bd + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nx\n--" + bd + "\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\ny\r\n" + closeDelim},
		{"junk after the close delimiter", ct, "--" + bd + "--0"},
		{"control byte in a header", ct, part("Content-Disposition: form-data; name=\"\x06\"", "x") + closeDelim},
		{"header name not a token", ct, part("Content-Disposition: form-data; name=\"a\"\r\nX(y): 1", "x") + closeDelim},
	} {
		fs, err := formFields([]byte(c.body), c.ctype, nil)
		if !errors.Is(err, errMultipart) {
			t.Errorf("%s: %d fields, err %v; want errMultipart", c.name, len(fs), err)
		}
	}
}
