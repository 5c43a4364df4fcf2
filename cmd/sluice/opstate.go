package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/sluicehq/sluice/limiter"
)

// opState is the operator's state that must outlive a restart: the
// allow-list and the overrides in force (admin.state_file).
type opState struct {
	AllowList []string          `json:"allow_list"`
	Overrides []opStateOverride `json:"overrides"`
}

type opStateOverride struct {
	Cluster string    `json:"cluster"`
	Action  string    `json:"action"`
	Until   time.Time `json:"until"`
}

// loadOpState restores the allow-list and the overrides still in force
// at now from path. A missing file is an empty state.
func loadOpState(path string, e *limiter.Engine, now time.Time) error {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("admin.state_file: %w", err)
	}
	var st opState
	if err := json.Unmarshal(b, &st); err != nil {
		return fmt.Errorf("admin.state_file %s: %w", path, err)
	}
	for _, s := range st.AllowList {
		p, v, ok := limiter.ParseID(s)
		if !ok || p != 'a' {
			return fmt.Errorf("admin.state_file %s: allow_list: %q is not an account id", path, s)
		}
		e.AllowList(limiter.AccountID(v), true)
	}
	for _, o := range st.Overrides {
		p, v, ok := limiter.ParseID(o.Cluster)
		act, okA := limiter.ParseAction(o.Action)
		if !ok || p != 'c' || !okA {
			return fmt.Errorf("admin.state_file %s: override %q %q is not a cluster id and an action", path, o.Cluster, o.Action)
		}
		if now.Before(o.Until) {
			e.Override(limiter.ClusterID(v), act, o.Until)
		}
	}
	return nil
}

// saveOpState writes the engine's allow-list and overrides in force to
// path, atomically (a temporary file renamed over it).
func saveOpState(path string, e *limiter.Engine, now time.Time) error {
	st := opState{AllowList: []string{}, Overrides: []opStateOverride{}}
	for _, a := range e.AllowListedAccounts() {
		st.AllowList = append(st.AllowList, a.String())
	}
	for _, o := range e.Overrides(now) {
		st.Overrides = append(st.Overrides, opStateOverride{o.Cluster.String(), o.Action.String(), o.Until.UTC()})
	}
	b, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	return writeAtomic(path, "admin.state_file", func(w io.Writer) error {
		_, err := w.Write(append(b, '\n'))
		return err
	})
}

// loadSightings restores the engine's account sightings from path (a
// missing file: none yet).
func loadSightings(path string, e *limiter.Engine) error {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("store.sightings_file: %w", err)
	}
	defer f.Close()
	if err := e.LoadSightings(f); err != nil {
		return fmt.Errorf("store.sightings_file %s: %w", path, err)
	}
	return nil
}

// saveSightings writes the engine's account sightings to path atomically.
func saveSightings(path string, e *limiter.Engine) error {
	return writeAtomic(path, "store.sightings_file", e.SaveSightings)
}

// writeAtomic writes path through write into a temporary file beside it,
// renamed over path once complete: a reader, or a crash, never sees half
// a file. Errors name the configuration key.
func writeAtomic(path, key string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".sluice-*")
	if err != nil {
		return fmt.Errorf("%s: %w", key, err)
	}
	err = write(tmp)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("%s: %w", key, err)
	}
	return nil
}
