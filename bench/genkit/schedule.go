package genkit

import (
	"cmp"
	"errors"
	"slices"
	"time"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// ErrNoRecords is what Schedule.Flush returns when nothing was planned.
var ErrNoRecords = errors.New("no records generated")

// Schedule collects the requests a generator plans, each an E at an instant
// inside the window [Start, End), and hands them out in timestamp order,
// requests of the same millisecond in the order they were planned.
type Schedule[E any] struct {
	start, end time.Time
	items      []item[E]
}

type item[E any] struct {
	at  time.Time
	seq int // planning order, the tie-break of equal times
	ev  E
}

// NewSchedule returns an empty Schedule of the window [start, end).
func NewSchedule[E any](start, end time.Time) *Schedule[E] {
	return &Schedule[E]{start: start, end: end}
}

// Add plans ev at at, truncated to the millisecond; a request outside the
// window is dropped. It reports whether ev was kept.
func (s *Schedule[E]) Add(at time.Time, ev E) bool {
	if at.Before(s.start) || !at.Before(s.end) {
		return false
	}
	s.items = append(s.items, item[E]{at: at.Truncate(time.Millisecond), seq: len(s.items), ev: ev})
	return true
}

// Last returns the request planned last and its instant; ok is false when
// nothing is planned yet.
func (s *Schedule[E]) Last() (at time.Time, ev E, ok bool) {
	if len(s.items) == 0 {
		return at, ev, false
	}
	it := s.items[len(s.items)-1]
	return it.at, it.ev, true
}

// Len returns the number of requests planned.
func (s *Schedule[E]) Len() int { return len(s.items) }

// Flush sorts the plan by time and passes each request, rendered by render,
// to emit. A request is dropped from the plan once emitted, so that what it
// holds can be let go. It returns ErrNoRecords when nothing was planned.
func (s *Schedule[E]) Flush(render func(at time.Time, ev E) (tracefmt.Record, tracefmt.Label), emit Emit) error {
	if len(s.items) == 0 {
		return ErrNoRecords
	}
	slices.SortFunc(s.items, func(x, y item[E]) int {
		if c := x.at.Compare(y.at); c != 0 {
			return c
		}
		return cmp.Compare(x.seq, y.seq)
	})
	var zero E
	for i := range s.items {
		it := &s.items[i]
		if err := emit(render(it.at, it.ev)); err != nil {
			return err
		}
		it.ev = zero
	}
	return nil
}
