package supportchat

import (
	"io"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// Write generates cfg and writes the trace records to trace and the labels
// to labels, one JSON object per line. It returns the number of records.
func Write(cfg Config, trace, labels io.Writer) (int, error) {
	w := tracefmt.NewWriter(trace, labels)
	if err := Generate(cfg, w.Write); err != nil {
		return w.Records(), err
	}
	return w.Records(), w.Flush()
}
