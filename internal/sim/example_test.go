package sim_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/sluicehq/sluice/internal/sim"
)

func ExampleEvaluate() {
	at := func(m int) time.Time { return time.Date(2026, 4, 22, 10, m, 0, 0, time.UTC) }
	labels := []sim.Label{
		{RequestID: "1", Class: sim.HumanChat, Account: "alice"},
		{RequestID: "2", Class: sim.Naive, Campaign: true, Account: "bot1"},
		{RequestID: "3", Class: sim.Naive, Campaign: true, Account: "bot2"},
	}
	decisions := []sim.Decision{
		{TS: at(0), RequestID: "1", Action: sim.ActionAllow},
		{TS: at(1), RequestID: "2", Action: sim.ActionAllow},
		{TS: at(3), RequestID: "3", Action: sim.ActionBlock},
	}
	rep := sim.Evaluate(labels, decisions)
	naive, _ := rep.Class(sim.Naive)
	ttd, _ := naive.TimeToDetect()
	fmt.Println(naive.Leak(), ttd, rep.Legit.NotAllowedShare())
	fmt.Println(rep.Check(sim.DefaultTargets()))
	rep.System = "example"
	_ = rep.Write(os.Stdout, true)
	// Output:
	// 0.5 2m0s 0
	// []
	// **example**
	//
	// | class | requests | not allowed | blocked | accounts affected | leak | leak after 1h | time to detect |
	// | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
	// | human_chat | 1 | 0.00% | 0.00% | 0 / 1 | – | – | – |
	// | naive | 2 | 50.00% | 50.00% | 1 / 2 | 50.00% | 0.00% | 2m0s |
	// | legitimate (all) | 1 | 0.00% | 0.00% | 0 / 1 | – | – | – |
}

func TestRecordMarshal(t *testing.T) {
	t.Parallel()
	r := sim.Record{
		TS: time.Date(2026, 4, 22, 10, 0, 0, 0, time.FixedZone("x", 3600)), RequestID: "a1b2", IP: "203.0.113.7",
		Method: "POST", Path: "/v1/messages", Headers: [][2]string{{"x-api-key", "k"}, {"user-agent", "ü \"q\""}},
		Body: json.RawMessage(`{"model":"m"}`),
	}
	got, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"ts":"2026-04-22T09:00:00.000Z","request_id":"a1b2","ip":"203.0.113.7","method":"POST","path":"/v1/messages","headers":[["x-api-key","k"],["user-agent","ü \"q\""]],"body":{"model":"m"}}`
	if string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	var back sim.Record
	if err := json.Unmarshal(got, &back); err != nil || !back.TS.Equal(r.TS) || !bytes.Equal(back.Body, r.Body) {
		t.Errorf("round trip: %v %+v", err, back)
	}
}
