package proxy

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"strings"
)

// formField is one field of a multipart/form-data body: its name and the
// bounds of its content in the body.
type formField struct {
	name       string
	start, end int
}

// errMultipart is a multipart body sluice cannot read; the client gets
// 400.
var errMultipart = errors.New("the request body is not valid multipart/form-data")

// maxFormFields bounds the fields read from one upload.
const maxFormFields = 64

// formFields splits a multipart/form-data body (RFC 7578) into its fields,
// keeping their bounds so that a field can be rewritten in place. It is
// strict: it refuses what could make it and the upstream disagree on a
// field's name or content — a Content-Transfer-Encoding other than 7bit,
// 8bit or binary, a field without a name or with two Content-Disposition
// headers, folded or malformed header lines — and it then reads the body
// again with mime/multipart and refuses it unless that reader finds the
// same fields with the same contents (line ends, delimiters and what
// follows the close delimiter are then as Go's reader has them).
func formFields(body []byte, contentType string, dst []formField) ([]formField, error) {
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil || mt != "multipart/form-data" || params["boundary"] == "" {
		return dst, errMultipart
	}
	boundary := params["boundary"]
	delim := []byte("--" + boundary)
	// the first delimiter: at the start, or after a line end
	i := 0
	if !bytes.HasPrefix(body, delim) {
		k := bytes.Index(body, append([]byte("\n"), delim...))
		if k < 0 {
			return dst, errMultipart
		}
		i = k + 1
	}
	start := len(dst)
	for {
		i += len(delim)
		if bytes.HasPrefix(body[i:], []byte("--")) {
			break // the close delimiter
		}
		// transport padding, then the line end
		for i < len(body) && (body[i] == ' ' || body[i] == '\t') {
			i++
		}
		switch {
		case bytes.HasPrefix(body[i:], []byte("\r\n")):
			i += 2
		case bytes.HasPrefix(body[i:], []byte("\n")):
			i++
		default:
			return dst, errMultipart
		}
		// headers up to an empty line
		var name string
		disposition := false
		for {
			nl := bytes.IndexByte(body[i:], '\n')
			if nl < 0 {
				return dst, errMultipart
			}
			line := bytes.TrimSuffix(body[i:i+nl], []byte("\r"))
			i += nl + 1
			if len(line) == 0 {
				break
			}
			k := bytes.IndexByte(line, ':')
			if k <= 0 || !headerToken(line[:k]) {
				return dst, errMultipart // also a folded line (leading space)
			}
			val := string(bytes.TrimSpace(line[k+1:]))
			for j := 0; j < len(val); j++ {
				if c := val[j]; (c < 0x20 && c != '\t') || c == 0x7f {
					return dst, errMultipart
				}
			}
			switch strings.ToLower(string(line[:k])) {
			case "content-disposition":
				if disposition {
					return dst, errMultipart
				}
				disposition = true
				d, p, err := mime.ParseMediaType(val)
				if err != nil || d != "form-data" {
					return dst, errMultipart
				}
				name = p["name"]
			case "content-transfer-encoding":
				switch strings.ToLower(val) {
				case "7bit", "8bit", "binary":
				default:
					return dst, errMultipart
				}
			}
		}
		if name == "" {
			return dst, errMultipart
		}
		// the content runs to the line end before the next delimiter (or
		// is empty, the delimiter right after the headers)
		end, next := 0, 0
		if bytes.HasPrefix(body[i:], delim) {
			end, next = i, i
		} else {
			k := bytes.Index(body[i:], append([]byte("\n"), delim...))
			if k < 0 {
				return dst, errMultipart
			}
			end, next = i+k, i+k+1
			if end > i && body[end-1] == '\r' {
				end--
			}
		}
		if len(dst)-start == maxFormFields {
			return dst, errMultipart
		}
		dst = append(dst, formField{name: name, start: i, end: end})
		i = next
	}
	if !sameFields(body, boundary, dst[start:]) {
		return dst[:start], errMultipart
	}
	return dst, nil
}

// headerToken reports whether b is an RFC 7230 token (a header name).
func headerToken(b []byte) bool {
	for _, c := range b {
		if c <= ' ' || c >= 0x7f || strings.IndexByte("\"(),/:;<=>?@[\\]{}", c) >= 0 {
			return false
		}
	}
	return len(b) > 0
}

// sameFields reports whether mime/multipart reads body as exactly fs:
// the same names, in order, with the same contents, and nothing else.
func sameFields(body []byte, boundary string, fs []formField) bool {
	mr := multipart.NewReader(bytes.NewReader(body), boundary)
	var buf [4096]byte
	for i := 0; ; i++ {
		p, err := mr.NextRawPart()
		if err == io.EOF {
			return i == len(fs)
		}
		if err != nil || i >= len(fs) || p.FormName() != fs[i].name {
			return false
		}
		want := body[fs[i].start:fs[i].end]
		for {
			n, err := p.Read(buf[:])
			if n > len(want) || !bytes.Equal(buf[:n], want[:n]) {
				return false
			}
			want = want[n:]
			if err == io.EOF {
				break
			}
			if err != nil {
				return false
			}
		}
		if len(want) != 0 {
			return false
		}
	}
}
