package limiter

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"
)

// sightingsMagic starts a sightings file (version 1).
const sightingsMagic = "SLSIGHT1"

// SaveSightings writes when the engine started and when each tracked
// account was first and last seen: what makes an account new or old. A
// restarted engine that loads them (LoadSightings) does not take every
// returning customer for a new account. Accounts are written from the
// least to the most recently seen. 24 bytes an account.
func (e *Engine) SaveSightings(w io.Writer) error {
	type sight struct {
		id          AccountID
		first, last int64
	}
	var all []sight
	e.accounts.each(func(k uint64, a *account) {
		all = append(all, sight{AccountID(k), a.st.first, a.st.last})
	})
	slices.SortFunc(all, func(a, b sight) int {
		if a.last != b.last {
			return cmpInt64(a.last, b.last)
		}
		return cmpInt64(int64(a.id), int64(b.id))
	})
	bw := bufio.NewWriter(w)
	var b [24]byte
	bw.WriteString(sightingsMagic)
	binary.LittleEndian.PutUint64(b[:8], uint64(e.det.start.Load()))
	binary.LittleEndian.PutUint64(b[8:16], uint64(len(all)))
	bw.Write(b[:16])
	for _, s := range all {
		binary.LittleEndian.PutUint64(b[:8], uint64(s.id))
		binary.LittleEndian.PutUint64(b[8:16], uint64(s.first))
		binary.LittleEndian.PutUint64(b[16:24], uint64(s.last))
		bw.Write(b[:])
	}
	return bw.Flush()
}

func cmpInt64(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// ErrSightings is wrapped by LoadSightings' errors about the file itself.
var ErrSightings = errors.New("limiter: not a sightings file")

// LoadSightings restores what SaveSightings wrote: the engine's start
// (the earlier of the two), and each account's first and last sight
// (kept as they are for an account already tracked). Accounts beyond
// Config.Capacity evict the least recently seen, as they would have.
// Call it before the first Decide.
func (e *Engine) LoadSightings(r io.Reader) error {
	br := bufio.NewReader(r)
	var hdr [8 + 16]byte
	if _, err := io.ReadFull(br, hdr[:]); err != nil || string(hdr[:8]) != sightingsMagic {
		return fmt.Errorf("%w (header)", ErrSightings)
	}
	start := int64(binary.LittleEndian.Uint64(hdr[8:16]))
	n := binary.LittleEndian.Uint64(hdr[16:24])
	if start != 0 {
		for {
			cur := e.det.start.Load()
			if cur != 0 && cur <= start {
				break
			}
			if e.det.start.CompareAndSwap(cur, start) {
				break
			}
		}
	}
	var b [24]byte
	for i := uint64(0); i < n; i++ {
		if _, err := io.ReadFull(br, b[:]); err != nil {
			return fmt.Errorf("%w: record %d of %d: %w", ErrSightings, i+1, n, err)
		}
		id := AccountID(binary.LittleEndian.Uint64(b[:8]))
		first := int64(binary.LittleEndian.Uint64(b[8:16]))
		last := int64(binary.LittleEndian.Uint64(b[16:24]))
		sh := e.accounts.of(uint64(id))
		sh.mu.Lock()
		if _, ok := sh.lru.Peek(uint64(id)); !ok {
			a := e.accountLocked(sh, time.Unix(0, first), id)
			a.st.first, a.st.last = first, last
		}
		sh.mu.Unlock()
	}
	return nil
}
