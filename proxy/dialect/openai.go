package dialect

import "github.com/sluicehq/sluice/fingerprint"

// openAI parses the body of the three OpenAI endpoints.
func (p *Parser) openAI(ep fingerprint.Endpoint) error {
	if err := p.object(); err != nil {
		return err
	}
	req := p.req
	maxTokens, maxCompletion := -1, -1
	tools, functions := 0, 0
	for first := true; ; first = false {
		key, ok, err := p.nextKey(first)
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		switch string(key) {
		case "model":
			err = at(p.readModel(), "model")
		case "stream":
			err = at(p.readBool(&req.Stream), "stream")
		case "stream_options":
			err = p.streamOptions()
		case "temperature":
			err = at(p.readFloat(&req.Temperature, &req.HasTemperature), "temperature")
		case "tools":
			err = at(p.countArray(&tools), "tools")
		default:
			switch ep {
			case fingerprint.EndpointChatCompletions:
				err = p.chatKey(key, &maxTokens, &maxCompletion, &functions)
			case fingerprint.EndpointCompletions:
				err = p.completionsKey(key, &maxTokens)
			default:
				err = p.responsesKey(key, &maxTokens)
			}
		}
		if err != nil {
			return err
		}
	}
	switch {
	case maxCompletion >= 0:
		req.MaxTokens = maxCompletion
	case maxTokens >= 0:
		req.MaxTokens = maxTokens
	}
	req.Tools = tools + functions
	if req.TopLogprobs > 0 {
		req.Logprobs = true
	}
	return nil
}

// chatKey handles the fields only /v1/chat/completions has.
func (p *Parser) chatKey(key []byte, maxTokens, maxCompletion, functions *int) error {
	req := p.req
	switch string(key) {
	case "messages":
		return at(p.chatMessages(), "messages")
	case "max_tokens":
		return at(p.readInt(maxTokens), "max_tokens")
	case "max_completion_tokens":
		return at(p.readInt(maxCompletion), "max_completion_tokens")
	case "n":
		return at(p.readInt(&req.N), "n")
	case "logprobs":
		return at(p.readBool(&req.Logprobs), "logprobs")
	case "top_logprobs":
		return at(p.readInt(&req.TopLogprobs), "top_logprobs")
	case "logit_bias":
		return at(p.countObject(&req.LogitBias), "logit_bias")
	case "functions":
		return at(p.countArray(functions), "functions")
	case "reasoning_effort":
		return at(p.readEffort(), "reasoning_effort")
	}
	return p.s.skip()
}

// completionsKey handles the fields only the legacy /v1/completions has.
func (p *Parser) completionsKey(key []byte, maxTokens *int) error {
	req := p.req
	switch string(key) {
	case "prompt":
		return at(p.prompt(), "prompt")
	case "max_tokens":
		return at(p.readInt(maxTokens), "max_tokens")
	case "n":
		return at(p.readInt(&req.N), "n")
	case "logprobs":
		// An integer here: how many top tokens to return; 0 still
		// returns the sampled token's log-probability.
		n := -1
		if err := p.readInt(&n); err != nil {
			return at(err, "logprobs")
		}
		if n >= 0 {
			req.Logprobs, req.TopLogprobs = true, n
		}
		return nil
	case "logit_bias":
		return at(p.countObject(&req.LogitBias), "logit_bias")
	}
	return p.s.skip()
}

// responsesKey handles the fields only /v1/responses has.
func (p *Parser) responsesKey(key []byte, maxTokens *int) error {
	req := p.req
	switch string(key) {
	case "input":
		return at(p.input(), "input")
	case "instructions":
		start, end, esc, ok, err := p.readString()
		if ok {
			p.spans = append(p.spans[:0], span{start: start, end: end, esc: esc, group: gContent})
			p.system(p.spans, gContent)
		}
		return at(err, "instructions")
	case "max_output_tokens":
		return at(p.readInt(maxTokens), "max_output_tokens")
	case "top_logprobs":
		return at(p.readInt(&req.TopLogprobs), "top_logprobs")
	case "include":
		return at(p.include(), "include")
	case "reasoning":
		return at(p.reasoning(), "reasoning")
	}
	return p.s.skip()
}

// streamOptions reads stream_options.include_usage.
func (p *Parser) streamOptions() error {
	ok, err := p.beginObject(errWantObject)
	if !ok {
		return at(err, "stream_options")
	}
	for first := true; ; first = false {
		key, ok, err := p.nextKey(first)
		if err != nil || !ok {
			return err
		}
		if string(key) == "include_usage" {
			err = at(p.readBool(&p.req.StreamIncludeUsage), "stream_options", "include_usage")
		} else {
			err = p.s.skip()
		}
		if err != nil {
			return err
		}
	}
}

// reasoning reads reasoning.effort of the Responses API.
func (p *Parser) reasoning() error {
	ok, err := p.beginObject(errWantObject)
	if !ok {
		return err
	}
	for first := true; ; first = false {
		key, ok, err := p.nextKey(first)
		if err != nil || !ok {
			return err
		}
		if string(key) == "effort" {
			err = at(p.readEffort(), "effort")
		} else {
			err = p.s.skip()
		}
		if err != nil {
			return err
		}
	}
}

// include reads the Responses include list; asking for
// message.output_text.logprobs asks for log-probabilities.
func (p *Parser) include() error {
	ok, err := p.beginArray(errWantArray)
	if !ok {
		return err
	}
	for i, first := 0, true; ; i, first = i+1, false {
		more, err := p.s.more(first, ']')
		if err != nil || !more {
			return err
		}
		b, err := p.readSmall()
		if err != nil {
			return at(err, i)
		}
		if string(b) == "message.output_text.logprobs" {
			p.req.Logprobs = true
		}
	}
}

// chatMessages reads the messages of a chat completion.
func (p *Parser) chatMessages() error {
	ok, err := p.beginArray(errWantArray)
	if !ok {
		return err
	}
	for i, first := 0, true; ; i, first = i+1, false {
		more, err := p.s.more(first, ']')
		if err != nil || !more {
			return err
		}
		if err := p.chatMessage(); err != nil {
			return at(err, i)
		}
	}
}

// Roles as written in the body. roleUser also stands for a missing or
// unknown role: its text is still the client's.
const (
	roleUser = iota
	roleAssistant
	roleSystem
	roleTool
)

func roleOf(b []byte) int {
	switch string(b) {
	case "assistant":
		return roleAssistant
	case "system", "developer":
		return roleSystem
	case "tool", "function":
		return roleTool
	}
	return roleUser
}

// chatMessage reads one chat message and adds it as a turn or a piece of
// the system prompt. Its text is the content parts, then (assistant
// only) tool call and function call arguments.
func (p *Parser) chatMessage() error {
	ok, err := p.beginObject(errWantItem)
	if !ok {
		if err == nil {
			err = errWantItem // null
		}
		return err
	}
	p.spans = p.spans[:0]
	role := roleUser
	for first := true; ; first = false {
		key, ok, err := p.nextKey(first)
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		switch string(key) {
		case "role":
			var b []byte
			b, err = p.readSmall()
			role = roleOf(b)
			err = at(err, "role")
		case "content":
			err = at(p.content(partChat, gContent, false), "content")
		case "tool_calls":
			err = at(p.toolCalls(), "tool_calls")
		case "function_call":
			err = at(p.arguments(gFuncCall), "function_call")
		default:
			err = p.s.skip()
		}
		if err != nil {
			return err
		}
	}
	switch role {
	case roleSystem:
		p.system(p.spans, gContent)
	case roleAssistant:
		p.turn(fingerprint.RoleAssistant, p.spans, gContent|gToolCalls|gFuncCall)
	case roleTool:
		p.turn(fingerprint.RoleTool, p.spans, gContent)
	default:
		p.turn(fingerprint.RoleUser, p.spans, gContent)
	}
	return nil
}

// toolCalls reads tool_calls[].function.arguments.
func (p *Parser) toolCalls() error {
	ok, err := p.beginArray(errWantArray)
	if !ok {
		return err
	}
	for i, first := 0, true; ; i, first = i+1, false {
		more, err := p.s.more(first, ']')
		if err != nil || !more {
			return err
		}
		if p.s.peek() != '{' {
			return at(p.mismatch(errWantItem), i)
		}
		if err := p.s.open('{'); err != nil {
			return err
		}
		for first := true; ; first = false {
			key, ok, err := p.nextKey(first)
			if err != nil {
				return err
			}
			if !ok {
				break
			}
			if string(key) == "function" {
				if err = p.arguments(gToolCalls); err != nil {
					return at(err, i, "function")
				}
			} else {
				err = p.s.skip()
			}
			if err != nil {
				return err
			}
		}
	}
}

// arguments reads an object's "arguments" string as a part of group g.
func (p *Parser) arguments(g uint8) error {
	ok, err := p.beginObject(errWantObject)
	if !ok {
		return err
	}
	for first := true; ; first = false {
		key, ok, err := p.nextKey(first)
		if err != nil || !ok {
			return err
		}
		if string(key) == "arguments" {
			err = at(p.stringSpan(g), "arguments")
		} else {
			err = p.s.skip()
		}
		if err != nil {
			return err
		}
	}
}

// prompt reads the legacy prompt: a string or an array of strings (arrays
// of token ids are skipped), as one user turn.
func (p *Parser) prompt() error {
	p.spans = p.spans[:0]
	switch p.s.peek() {
	case 'n':
		return p.s.lit("null")
	case '"':
		if err := p.stringSpan(gContent); err != nil {
			return err
		}
	case '[':
		if err := p.s.open('['); err != nil {
			return err
		}
		for first := true; ; first = false {
			more, err := p.s.more(first, ']')
			if err != nil {
				return err
			}
			if !more {
				break
			}
			if p.s.peek() == '"' {
				err = p.stringSpan(gContent)
			} else {
				err = p.s.skip()
			}
			if err != nil {
				return err
			}
		}
	default:
		return p.mismatch(&wantError{"a string, an array of strings, or null"})
	}
	p.turn(fingerprint.RoleUser, p.spans, gContent)
	return nil
}

// input reads the Responses input: a string (one user turn) or an array
// of items.
func (p *Parser) input() error {
	switch p.s.peek() {
	case 'n':
		return p.s.lit("null")
	case '"':
		p.spans = p.spans[:0]
		if err := p.stringSpan(gContent); err != nil {
			return err
		}
		p.turn(fingerprint.RoleUser, p.spans, gContent)
		return nil
	case '[':
	default:
		return p.mismatch(&wantError{"a string, an array of input items, or null"})
	}
	if err := p.s.open('['); err != nil {
		return err
	}
	for i, first := 0, true; ; i, first = i+1, false {
		more, err := p.s.more(first, ']')
		if err != nil || !more {
			return err
		}
		if err := p.item(); err != nil {
			return at(err, i)
		}
	}
}

// Responses item types that carry conversation text.
const (
	itemMessage = iota // "message" or no type (an easy input message)
	itemCallOutput
	itemCall
	itemOther
)

// item reads one Responses input item. Messages become turns (or system
// pieces), function_call_output a tool turn, function_call an assistant
// turn with its arguments; other items (reasoning, ...) add nothing.
func (p *Parser) item() error {
	if p.s.peek() != '{' {
		return p.mismatch(errWantItem)
	}
	if err := p.s.open('{'); err != nil {
		return err
	}
	p.spans = p.spans[:0]
	role, typ := roleUser, itemMessage
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
			var b []byte
			b, err = p.readSmall()
			switch string(b) {
			case "", "message":
				typ = itemMessage
			case "function_call_output":
				typ = itemCallOutput
			case "function_call":
				typ = itemCall
			default:
				typ = itemOther
			}
			err = at(err, "type")
		case "role":
			var b []byte
			b, err = p.readSmall()
			role = roleOf(b)
			if role == roleTool {
				role = roleUser
			}
			err = at(err, "role")
		case "content":
			err = at(p.content(partResponses, gContent, false), "content")
		case "output":
			err = at(p.content(partResponses, gOutput, true), "output")
		case "arguments":
			err = at(p.stringSpan(gArguments), "arguments")
		default:
			err = p.s.skip()
		}
		if err != nil {
			return err
		}
	}
	switch {
	case typ == itemCallOutput:
		p.turn(fingerprint.RoleTool, p.spans, gOutput)
	case typ == itemCall:
		p.turn(fingerprint.RoleAssistant, p.spans, gArguments)
	case typ != itemMessage:
	case role == roleSystem:
		p.system(p.spans, gContent)
	case role == roleAssistant:
		p.turn(fingerprint.RoleAssistant, p.spans, gContent)
	default:
		p.turn(fingerprint.RoleUser, p.spans, gContent)
	}
	return nil
}
