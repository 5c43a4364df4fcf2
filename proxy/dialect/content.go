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
	var err error
	for range p.elements(&err) {
		switch {
		case p.s.peek() == '{':
			err = p.part(kind, g)
		case lenient:
			err = p.s.skip()
		default:
			err = p.mismatch(errWantItem)
		}
	}
	return err
}

// part reads one content part object and records its text if its type
// is a text type. The type may come after the text.
func (p *Parser) part(kind int, g uint8) (err error) {
	if err := p.s.open('{'); err != nil {
		return err
	}
	var text span
	hasText, isText := false, false
	for key := range p.members(&err) {
		switch string(key) {
		case "type":
			var typ []byte
			typ, err = p.readSmall()
			isText = isTextPart(kind, typ)
		case "text":
			text.start, text.end, text.esc, hasText, err = p.readString()
		default:
			err = p.s.skip()
		}
	}
	if err != nil {
		return err
	}
	if hasText && isText {
		p.addSpan(text.start, text.end, text.esc, g)
	}
	return nil
}
