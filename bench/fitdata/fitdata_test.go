package fitdata

import (
	"bytes"
	"os"
	"testing"
)

// TestStartIsTheHandModel: the fit starts from the hand-set model that
// limiter's tests check the readings with; the two copies are one file.
func TestStartIsTheHandModel(t *testing.T) {
	hand, err := os.ReadFile("../../limiter/testdata/hand-model.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(hand, startJSON) {
		t.Error("bench/fitdata/start.json and limiter/testdata/hand-model.json differ")
	}
	if _, err := Start(); err != nil {
		t.Error(err)
	}
	for _, tr := range Fitted() {
		if _, held := Held[tr.Name]; held {
			t.Errorf("%s is held out but fitted on", tr.Name)
		}
	}
}
