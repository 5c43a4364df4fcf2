package proxy

import (
	"bytes"
	"errors"
	"mime"
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
// keeping their bounds so that a field can be rewritten in place. It
// reads what mime/multipart reads (CRLF or bare LF line ends, transport
// padding after a delimiter) and refuses what could make it and the
// upstream disagree on a field's content: a Content-Transfer-Encoding
// other than 7bit, 8bit or binary, and a field without a name.
func formFields(body []byte, contentType string, dst []formField) ([]formField, error) {
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil || mt != "multipart/form-data" || params["boundary"] == "" {
		return dst, errMultipart
	}
	delim := []byte("--" + params["boundary"])
	// the first delimiter: at the start, or after a line end
	i := 0
	if !bytes.HasPrefix(body, delim) {
		k := bytes.Index(body, append([]byte("\n"), delim...))
		if k < 0 {
			return dst, errMultipart
		}
		i = k + 1
	}
	for {
		i += len(delim)
		if bytes.HasPrefix(body[i:], []byte("--")) {
			return dst, nil // the close delimiter
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
			if k <= 0 {
				return dst, errMultipart
			}
			key := strings.TrimSpace(string(line[:k]))
			val := strings.TrimSpace(string(line[k+1:]))
			switch strings.ToLower(key) {
			case "content-disposition":
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
		// the content runs to the line end before the next delimiter
		k := bytes.Index(body[i:], append([]byte("\n"), delim...))
		if k < 0 {
			return dst, errMultipart
		}
		end := i + k
		if end > i && body[end-1] == '\r' {
			end--
		}
		if len(dst) == maxFormFields {
			return dst, errMultipart
		}
		dst = append(dst, formField{name: name, start: i, end: end})
		i += k + 1
	}
}
