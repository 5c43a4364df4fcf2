package dialect

import "github.com/sluicehq/sluice/fingerprint"

// openAI parses the body of the three OpenAI endpoints.
func (p *Parser) openAI(ep fingerprint.Endpoint) (err error) {
	if err := p.root(); err != nil {
		return err
	}
	req := p.req
	maxTokens, maxCompletion := -1, -1
	tools, functions := 0, 0
	for key := range p.members(&err) {
		switch string(key) {
		case "model":
			err = p.readModel()
		case "stream":
			err = p.readBool(&req.Stream)
		case "stream_options":
			err = p.streamOptions()
		case "temperature":
			err = p.readFloat(&req.Temperature, &req.HasTemperature)
		case "tools":
			err = p.countArray(&tools)
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
	}
	if err != nil {
		return err
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
		return p.chatMessages()
	case "max_tokens":
		return p.readInt(maxTokens)
	case "max_completion_tokens":
		return p.readInt(maxCompletion)
	case "n":
		return p.readInt(&req.N)
	case "logprobs":
		return p.readBool(&req.Logprobs)
	case "top_logprobs":
		return p.readInt(&req.TopLogprobs)
	case "logit_bias":
		return p.logitBias()
	case "functions":
		return p.countArray(functions)
	case "reasoning_effort":
		return p.readEffort()
	}
	return p.s.skip()
}

// completionsKey handles the fields only the legacy /v1/completions has.
func (p *Parser) completionsKey(key []byte, maxTokens *int) error {
	req := p.req
	switch string(key) {
	case "prompt":
		return p.prompt()
	case "max_tokens":
		return p.readInt(maxTokens)
	case "n":
		return p.readInt(&req.N)
	case "logprobs":
		// An integer here: how many top tokens to return; 0 still
		// returns the sampled token's log-probability.
		n := -1
		if err := p.readInt(&n); err != nil {
			return err
		}
		if n >= 0 {
			req.Logprobs, req.TopLogprobs = true, n
		}
		return nil
	case "logit_bias":
		return p.logitBias()
	}
	return p.s.skip()
}

// responsesKey handles the fields only /v1/responses has.
func (p *Parser) responsesKey(key []byte, maxTokens *int) error {
	req := p.req
	switch string(key) {
	case "input":
		return p.input()
	case "instructions":
		start, end, esc, ok, err := p.readString()
		if ok {
			p.spans = append(p.spans[:0], span{start: start, end: end, esc: esc, group: gContent})
			p.system(p.spans, gContent)
		}
		return err
	case "max_output_tokens":
		return p.readInt(maxTokens)
	case "top_logprobs":
		return p.readInt(&req.TopLogprobs)
	case "include":
		return p.include()
	case "reasoning":
		return p.reasoning()
	}
	return p.s.skip()
}

// streamOptions reads stream_options.include_usage.
func (p *Parser) streamOptions() (err error) {
	for key := range p.object(errWantObject, &err) {
		if string(key) == "include_usage" {
			err = p.readBool(&p.req.StreamIncludeUsage)
		} else {
			err = p.s.skip()
		}
	}
	return err
}

// reasoning reads reasoning.effort of the Responses API.
func (p *Parser) reasoning() (err error) {
	for key := range p.object(errWantObject, &err) {
		if string(key) == "effort" {
			err = p.readEffort()
		} else {
			err = p.s.skip()
		}
	}
	return err
}

// include reads the Responses include list; asking for
// message.output_text.logprobs asks for log-probabilities.
func (p *Parser) include() (err error) {
	for range p.array(errWantArray, &err) {
		var b []byte
		b, err = p.readSmall()
		if string(b) == "message.output_text.logprobs" {
			p.req.Logprobs = true
		}
	}
	return err
}

// chatMessages reads the messages of a chat completion.
func (p *Parser) chatMessages() error {
	if ok, err := p.beginArray(errWantArray); !ok {
		return err
	}
	return p.messageList(listChat)
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
func (p *Parser) chatMessage() (err error) {
	if err := p.beginItem(); err != nil {
		return err
	}
	p.spans = p.spans[:0]
	role := roleUser
	for key := range p.members(&err) {
		switch string(key) {
		case "role":
			var b []byte
			b, err = p.readSmall()
			role = roleOf(b)
		case "content":
			err = p.content(partChat, gContent, false)
		case "tool_calls":
			err = p.toolCalls()
		case "function_call":
			err = p.arguments(gFuncCall)
		default:
			err = p.s.skip()
		}
	}
	if err != nil {
		return err
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
func (p *Parser) toolCalls() (err error) {
	for range p.array(errWantArray, &err) {
		err = p.toolCall()
	}
	return err
}

// toolCall reads the function arguments of one tool call.
func (p *Parser) toolCall() (err error) {
	if err := p.beginItem(); err != nil {
		return err
	}
	for key := range p.members(&err) {
		if string(key) == "function" {
			err = p.arguments(gToolCalls)
		} else {
			err = p.s.skip()
		}
	}
	return err
}

// arguments reads an object's "arguments" string as a part of group g.
func (p *Parser) arguments(g uint8) (err error) {
	for key := range p.object(errWantObject, &err) {
		if string(key) == "arguments" {
			err = p.stringSpan(g)
		} else {
			err = p.s.skip()
		}
	}
	return err
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
		var err error
		for range p.elements(&err) {
			if p.s.peek() == '"' {
				err = p.stringSpan(gContent)
			} else {
				err = p.s.skip()
			}
		}
		if err != nil {
			return err
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
	return p.messageList(listInput)
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
func (p *Parser) item() (err error) {
	if err := p.beginItem(); err != nil {
		return err
	}
	p.spans = p.spans[:0]
	role, typ := roleUser, itemMessage
	for key := range p.members(&err) {
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
		case "role":
			var b []byte
			b, err = p.readSmall()
			role = roleOf(b)
			if role == roleTool {
				role = roleUser
			}
		case "content":
			err = p.content(partResponses, gContent, false)
		case "output":
			err = p.content(partResponses, gOutput, true)
		case "arguments":
			err = p.stringSpan(gArguments)
		default:
			err = p.s.skip()
		}
	}
	if err != nil {
		return err
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
