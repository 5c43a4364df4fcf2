package dialect

// Part types whose "text" is conversation text, per context.
const (
	partChat      = iota // chat content parts: "text"
	partResponses        // Responses parts: "input_text", "output_text", "text"
	partAnthropic        // Anthropic blocks inside tool_result and system: "text"
)

func isTextPart(kind int, typ []byte) bool {
	switch string(typ) {
	case "text":
		return true
	case "input_text", "output_text":
		return kind == partResponses
	}
	return false
}

// content reads a content value: a string (one part), an array of parts
// ({"type":..., "text":...}; only text types count, images and the like
// add nothing) or null, recording the text parts in group g. With lenient
// set, other value types and non-object array elements are skipped
// rather than rejected (fields whose shape depends on an item type that
// may come later in the object).
func (p *Parser) content(kind int, g uint8, lenient bool) error {
	switch p.s.peek() {
	case '"':
		return p.stringSpan(g)
	case 'n':
		return p.s.lit("null")
	case '[':
	default:
		if lenient {
			return p.s.skip()
		}
		return p.mismatch(errWantText)
	}
	if err := p.s.open('['); err != nil {
		return err
	}
	for i, first := 0, true; ; i, first = i+1, false {
		more, err := p.s.more(first, ']')
		if err != nil || !more {
			return err
		}
		if p.s.peek() != '{' {
			if lenient {
				err = p.s.skip()
			} else {
				err = at(p.mismatch(errWantItem), i)
			}
			if err != nil {
				return err
			}
			continue
		}
		if err := p.part(kind, g); err != nil {
			return at(err, i)
		}
	}
}

// part reads one content part object and records its text if its type
// is a text type. The type may come after the text.
func (p *Parser) part(kind int, g uint8) error {
	if err := p.s.open('{'); err != nil {
		return err
	}
	var text span
	hasText, isText := false, false
	for first := true; ; first = false {
		key, ok, err := p.nextKey(first)
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		switch string(key) {
		case "type":
			var typ []byte
			typ, err = p.readSmall()
			isText = isTextPart(kind, typ)
			err = at(err, "type")
		case "text":
			text.start, text.end, text.esc, hasText, err = p.readString()
			err = at(err, "text")
		default:
			err = p.s.skip()
		}
		if err != nil {
			return err
		}
	}
	if hasText && isText {
		p.addSpan(text.start, text.end, text.esc, g)
	}
	return nil
}
