package dialect

import "github.com/sluicehq/sluice/fingerprint"

// anthropic parses the body of POST /v1/messages.
func (p *Parser) anthropic() (err error) {
	if err := p.root(); err != nil {
		return err
	}
	req := p.req
	for key := range p.members(&err) {
		switch string(key) {
		case "model":
			err = p.readModel()
		case "system":
			err = p.anthropicSystem()
		case "messages":
			err = p.anthropicMessages()
		case "stream":
			err = p.readBool(&req.Stream)
		case "max_tokens":
			err = p.readInt(&req.MaxTokens)
		case "temperature":
			err = p.readFloat(&req.Temperature, &req.HasTemperature)
		case "tools":
			err = p.countArray(&req.Tools)
		case "thinking":
			err = p.thinking()
		default:
			err = p.s.skip()
		}
	}
	return err
}

// anthropicSystem reads system: a string or an array of text blocks, one
// piece of the system prompt.
func (p *Parser) anthropicSystem() error {
	p.spans = p.spans[:0]
	switch p.s.peek() {
	case 'n':
		return p.s.lit("null")
	case '"', '[':
		if err := p.content(partAnthropic, gContent, false); err != nil {
			return err
		}
	default:
		return p.mismatch(&wantError{"a string, an array of text blocks, or null"})
	}
	p.system(p.spans, gContent)
	return nil
}

// thinking reads the extended thinking setting.
func (p *Parser) thinking() (err error) {
	for key := range p.object(errWantObject, &err) {
		switch string(key) {
		case "type":
			var b []byte
			b, err = p.readSmall()
			p.req.Thinking = string(b) == "enabled" || string(b) == "adaptive"
		case "budget_tokens":
			err = p.readInt(&p.req.ThinkingBudget)
		default:
			err = p.s.skip()
		}
	}
	return err
}

// anthropicMessages reads the messages array.
func (p *Parser) anthropicMessages() error {
	if ok, err := p.beginArray(errWantArray); !ok {
		return err
	}
	return p.messageList(listAnthropic)
}

// anthropicMessage reads one message. An assistant message is one turn:
// its text blocks and tool_use inputs (as JSON text). A user message's
// tool_result blocks make one tool turn, and its text blocks one user
// turn after it; a user message without tool results is always a user
// turn (possibly empty, e.g. an image only). Thinking blocks and unknown
// blocks add nothing.
func (p *Parser) anthropicMessage() (err error) {
	if err := p.beginItem(); err != nil {
		return err
	}
	p.spans = p.spans[:0]
	role := roleUser
	toolResult := false
	for key := range p.members(&err) {
		switch string(key) {
		case "role":
			var b []byte
			b, err = p.readSmall()
			if string(b) == "assistant" {
				role = roleAssistant
			} else {
				role = roleUser
			}
		case "content":
			var tr bool
			tr, err = p.blocks()
			toolResult = toolResult || tr
		default:
			err = p.s.skip()
		}
	}
	if err != nil {
		return err
	}
	if role == roleAssistant {
		p.turn(fingerprint.RoleAssistant, p.spans, gContent)
		return nil
	}
	if toolResult {
		p.turn(fingerprint.RoleTool, p.spans, gToolResult)
	}
	if !toolResult || p.has(gContent) {
		p.turn(fingerprint.RoleUser, p.spans, gContent)
	}
	return nil
}

// has reports whether a part of group g was recorded.
func (p *Parser) has(g uint8) bool {
	for _, sp := range p.spans {
		if sp.group == g {
			return true
		}
	}
	return false
}

// blocks reads message content: a string or an array of content blocks.
// It reports whether a tool_result block was among them.
func (p *Parser) blocks() (toolResult bool, err error) {
	switch p.s.peek() {
	case '"':
		return false, p.stringSpan(gContent)
	case 'n':
		return false, p.s.lit("null")
	case '[':
	default:
		return false, p.mismatch(errWantText)
	}
	if err := p.s.open('['); err != nil {
		return false, err
	}
	for range p.elements(&err) {
		var tr bool
		tr, err = p.block()
		toolResult = toolResult || tr
	}
	return toolResult, err
}

// Block types with conversation text.
const (
	blockOther = iota
	blockText
	blockToolUse
	blockToolResult
)

// block reads one content block. Fields are recorded before the type is
// known (it may come last) and kept or dropped at the end.
func (p *Parser) block() (toolResult bool, err error) {
	if err := p.beginItem(); err != nil {
		return false, err
	}
	mark := len(p.spans)
	typ := blockOther
	var text, input span
	hasText, hasInput := false, false
	for key := range p.members(&err) {
		switch string(key) {
		case "type":
			var b []byte
			b, err = p.readSmall()
			switch string(b) {
			case "text":
				typ = blockText
			case "tool_use":
				typ = blockToolUse
			case "tool_result":
				typ = blockToolResult
			default:
				typ = blockOther
			}
		case "text":
			text.start, text.end, text.esc, hasText, err = p.readString()
		case "input":
			if hasInput = p.s.peek() != 'n'; hasInput {
				input.start = p.s.i
				err = p.s.skip()
				input.end = p.s.i
			} else {
				err = p.s.lit("null")
			}
		case "content":
			// Only a tool_result's content is kept; other blocks (web
			// search results, ...) have other shapes, hence lenient.
			err = p.content(partAnthropic, gToolResult, true)
		default:
			err = p.s.skip()
		}
	}
	if err != nil {
		return false, err
	}
	if typ != blockToolResult {
		p.spans = p.spans[:mark]
	}
	switch {
	case typ == blockText && hasText:
		p.addSpan(text.start, text.end, text.esc, gContent)
	case typ == blockToolUse && hasInput:
		p.addSpan(input.start, input.end, false, gContent)
	}
	return typ == blockToolResult, nil
}
