package genkit_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sluicehq/sluice/bench/genkit"
	"github.com/sluicehq/sluice/internal/tracefmt"
)

var t0 = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func TestScheduleOrder(t *testing.T) {
	s := genkit.NewSchedule[string](t0, t0.Add(time.Hour))
	if err := s.Flush(nil, nil); !errors.Is(err, genkit.ErrNoRecords) {
		t.Fatalf("empty Flush: %v", err)
	}
	keep := []bool{
		s.Add(t0.Add(2*time.Second+300*time.Microsecond), "c"),
		s.Add(t0.Add(time.Second), "a"),
		s.Add(t0.Add(-time.Second), "before"),
		s.Add(t0.Add(time.Hour), "after"),
		s.Add(t0.Add(time.Second+400*time.Microsecond), "b"), // same millisecond as a, planned later
	}
	if want := []bool{true, true, false, false, true}; !slices.Equal(keep, want) {
		t.Fatalf("kept %v, want %v", keep, want)
	}
	if at, ev, ok := s.Last(); !ok || ev != "b" || !at.Equal(t0.Add(time.Second)) {
		t.Fatalf("Last = %s %q %v", at, ev, ok)
	}
	var got []string
	render := func(at time.Time, ev string) (tracefmt.Record, tracefmt.Label) {
		return tracefmt.Record{TS: at, RequestID: ev}, tracefmt.Label{RequestID: ev}
	}
	err := s.Flush(render, func(r tracefmt.Record, _ tracefmt.Label) error {
		got = append(got, r.RequestID+"@"+r.TS.Sub(t0).String())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := "a@1s b@1s c@2s"; strings.Join(got, " ") != want {
		t.Fatalf("emitted %q, want %q", strings.Join(got, " "), want)
	}
}

func TestCampaigns(t *testing.T) {
	var planned []string
	list := []genkit.Class[*[]string]{
		{Name: "a", Plan: func(p *[]string) { *p = append(*p, "a") }},
		{Name: "b", Campaign: true, Plan: func(p *[]string) { *p = append(*p, "b") }},
	}
	genkit.PlanAll(list, &planned)
	if strings.Join(planned, ",") != "a,b" {
		t.Errorf("planned %v", planned)
	}
	if m := genkit.Campaigns(list); len(m) != 2 || m["a"] || !m["b"] {
		t.Errorf("Campaigns = %v", m)
	}
}
