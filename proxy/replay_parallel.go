package proxy

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
)

// Chunks of a parallel replay: a chunk is cut after replayChunkRecords
// records or replayChunkBytes bytes of lines, whichever comes first (a
// longer line makes a chunk of its own). A chunk is the unit a worker
// prepares; the number of chunks in flight is fixed, so a replay holds
// about (2 × workers + 2) × replayChunkBytes of input at a time, plus up
// to that many lines of maxLine.
const (
	replayChunkRecords = 128
	replayChunkBytes   = 256 << 10
	// a chunk whose buffers grew past this (a very long line) gives them
	// up when it is recycled
	replayChunkKeep = 4 << 20
)

// replayChunk is a run of consecutive trace lines, the records prepared
// from them, and the strings those records keep.
type replayChunk struct {
	buf   []byte // the lines, back to back
	lines []chunkLine
	preps []prepared
	keep  []byte
	// err ends the input after the chunk's lines (a read error)
	err error
	// done receives one value once a worker has prepared every line
	done chan struct{}
}

// chunkLine is one line of a chunk: buf[start:end], untrimmed, or a line
// over maxLine (too long: no bytes kept).
type chunkLine struct {
	start, end int
	tooLong    bool
}

func (c *replayChunk) line(i int) []byte {
	return bytes.TrimSpace(c.buf[c.lines[i].start:c.lines[i].end])
}

// ReplayParallel is Replay spread over workers goroutines, with the same
// output byte for byte: workers read, identify, parse and print the
// records in parallel, chunk by chunk, and the calling goroutine decides
// them in input order on the guard's engine and writes the decision
// records. Message batches, whose parts are decided as they are read, are
// read and decided on the calling goroutine. workers <= 1 is Replay.
//
// Memory stays bounded: a fixed number of chunks (see replayChunkBytes)
// is in flight, and a reader goroutine stops reading while all of them
// are. On a write error the replay stops and returns once the reader's
// current Read has returned.
func (g *Guard) ReplayParallel(in io.Reader, out io.Writer, workers int) (ReplayStats, error) {
	if workers <= 1 {
		return g.Replay(in, out)
	}
	n := 2*workers + 2
	free := make(chan *replayChunk, n)
	for range n {
		free <- &replayChunk{done: make(chan struct{}, 1)}
	}
	// every chunk goes to work (for a worker) and to order (for the
	// engine), in input order; neither send blocks: both hold n
	work := make(chan *replayChunk, n)
	order := make(chan *replayChunk, n)
	quit := make(chan struct{})
	var wg sync.WaitGroup
	defer func() {
		close(quit)
		wg.Wait()
	}()
	wg.Go(func() {
		defer close(order)
		defer close(work)
		g.readChunks(in, free, work, order, quit)
	})
	for range workers {
		wg.Go(func() {
			rp := &replayer{h: http.Header{}, worker: true}
			for c := range work {
				g.prepareChunk(rp, c)
				c.done <- struct{}{}
			}
		})
	}

	var stats ReplayStats
	bw := bufio.NewWriterSize(out, 256<<10)
	rp := &replayer{h: http.Header{}} // the engine's: message batches
	var buf []byte
	for c := range order {
		<-c.done
		for i := range c.preps {
			r := g.finish(rp, &c.preps[i], c.line(i))
			stats.add(&r)
			buf = AppendRecord(buf[:0], &r)
			if _, err := bw.Write(buf); err != nil {
				return stats, fmt.Errorf("replay: write: %w", err)
			}
		}
		if c.err != nil {
			_ = bw.Flush()
			return stats, c.err
		}
		c.recycle()
		free <- c
	}
	if err := bw.Flush(); err != nil {
		return stats, fmt.Errorf("replay: write: %w", err)
	}
	return stats, nil
}

// recycle empties c for the next run of lines.
func (c *replayChunk) recycle() {
	if cap(c.buf) > replayChunkKeep {
		c.buf = nil
	}
	if cap(c.keep) > replayChunkKeep {
		c.keep = nil
	}
	clear(c.preps) // drop the strings the records held
	c.buf, c.lines, c.preps, c.keep, c.err = c.buf[:0], c.lines[:0], c.preps[:0], c.keep[:0], nil
}

// readChunks cuts in into chunks of lines as Replay reads it (the same
// bound on a line, blank lines skipped) and sends each to work and to
// order, until the end of in, a read error (sent with the last chunk) or
// quit.
func (g *Guard) readChunks(in io.Reader, free chan *replayChunk, work, order chan<- *replayChunk, quit <-chan struct{}) {
	br := bufio.NewReaderSize(in, 256<<10)
	maxLine := g.maxLine()
	var (
		c       *replayChunk
		start   int // where the current line starts in c.buf
		tooLong bool
	)
	send := func() {
		work <- c
		order <- c
		c = nil
	}
	for {
		frag, err := br.ReadSlice('\n')
		if c == nil {
			select {
			case c = <-free:
			case <-quit:
				return
			}
			start = 0
		}
		if len(c.buf)-start+len(frag) > maxLine {
			tooLong = true
			c.buf = c.buf[:start]
		} else if !tooLong {
			c.buf = append(c.buf, frag...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			c.buf = c.buf[:start] // the partial line is not a record
			c.err = fmt.Errorf("replay: read: %w", err)
			send()
			return
		}
		eof := err != nil
		if tooLong || len(bytes.TrimSpace(c.buf[start:])) > 0 {
			c.lines = append(c.lines, chunkLine{start: start, end: len(c.buf), tooLong: tooLong})
			start = len(c.buf)
		} else {
			c.buf = c.buf[:start]
		}
		tooLong = false
		if eof {
			if len(c.lines) > 0 {
				send()
			} else {
				free <- c // cannot block: it came from free
			}
			return
		}
		if len(c.lines) >= replayChunkRecords || len(c.buf) >= replayChunkBytes {
			send()
		}
	}
}

// prepareChunk prepares every line of c on a worker's replayer.
func (g *Guard) prepareChunk(rp *replayer, c *replayChunk) {
	if cap(c.preps) < len(c.lines) {
		c.preps = make([]prepared, len(c.lines))
	}
	c.preps = c.preps[:len(c.lines)]
	c.keep = c.keep[:0]
	rp.keep = &c.keep
	for i := range c.lines {
		if c.lines[i].tooLong {
			c.preps[i].tooLarge()
			continue
		}
		g.replayOne(rp, c.line(i), &c.preps[i])
	}
	rp.keep = nil
}
