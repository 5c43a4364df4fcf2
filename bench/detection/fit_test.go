package detection

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestFitReproducesEmbeddedModel: the documented fitting command,
//
//	cd bench && go run ./cmd/fitmodel -out FILE
//
// fitted on the generators' traces at their fixed seeds (bench/fitdata),
// writes limiter/model.json byte for byte, so the embedded model is that
// command's output and nothing else. The command runs as its own process,
// built without the race detector: under it the fit would take the whole
// CI budget.
func TestFitReproducesEmbeddedModel(t *testing.T) {
	if testing.Short() {
		t.Skip("generates eleven traces and fits the model on them")
	}
	out := filepath.Join(t.TempDir(), "model.json")
	cmd := exec.Command("go", "run", "./cmd/fitmodel", "-out", out)
	cmd.Dir = ".."
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("fitmodel: %v\n%s", err, stderr.String())
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../limiter/model.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the fit gives another model than limiter/model.json; run cd bench && go run ./cmd/fitmodel -out ../limiter/model.json\n%s\n%s", got, stderr.String())
	}
}
