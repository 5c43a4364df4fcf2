package stepwise

import (
	"math/rand/v2"
	"time"
)

// chat runs one conversation: the first user message at t, then more
// turns, each after the reply has streamed and the person has read it and
// typed. next returns the next user message and the assistant reply the
// history keeps; build makes the request from the history. It returns the
// time the conversation ends.
type chat struct {
	s      *sim
	r      *rand.Rand
	a      *acct
	path   string
	ip     func() string
	build  func(turns []turn) *query
	reply  func(user string) string // the assistant's reply kept in history
	outLen func() int               // characters of a reply
}

func (c chat) run(t time.Time, first string, more int, next func() string) time.Time {
	turns := []turn{{"user", first}}
	for i := 0; ; i++ {
		q := c.build(append([]turn(nil), turns...))
		c.s.send(t, c.a, c.ip(), c.path, q)
		c.s.maybeRetry(c.r, 0.006)
		n := c.outLen()
		t = t.Add(answerTime(c.r, n))
		if i == more {
			return t
		}
		t = t.Add(readAndType(c.r, n))
		turns = append(turns, turn{"assistant", c.reply(turns[len(turns)-1].text)}, turn{"user", next()})
	}
}
