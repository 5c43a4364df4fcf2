package heldout

import (
	"bufio"
	"io"
)

// Write generates cfg and writes the trace records to trace and the labels
// to labels, one JSON object per line. It returns the number of records.
func Write(cfg Config, trace, labels io.Writer) (int, error) {
	tw, lw := bufio.NewWriterSize(trace, 1<<20), bufio.NewWriterSize(labels, 1<<18)
	buf := make([]byte, 0, 16<<10)
	n := 0
	err := Generate(cfg, func(r Record, l Label) error {
		buf = r.AppendJSON(buf[:0])
		buf = append(buf, '\n')
		if _, err := tw.Write(buf); err != nil {
			return err
		}
		buf = l.AppendJSON(buf[:0])
		buf = append(buf, '\n')
		if _, err := lw.Write(buf); err != nil {
			return err
		}
		n++
		return nil
	})
	if err != nil {
		return n, err
	}
	if err := tw.Flush(); err != nil {
		return n, err
	}
	return n, lw.Flush()
}
