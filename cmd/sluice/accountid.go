package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/sluicehq/sluice/proxy"
)

// cmdAccountID prints the account id of each API key read from stdin, one
// key a line: what the decision log and the admin pages call that
// customer. Keys are read from stdin only, never from the command line,
// so that they stay out of shell histories and process lists; the
// configuration's identity.hmac_key must be the one serve runs with.
func cmdAccountID(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("account-id", stderr)
	cfgPath := fs.String("config", "", "YAML configuration `file` whose identity.hmac_key serve runs with (default: embedded defaults)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	cfg, err := loadConfig(*cfgPath)
	if err != nil {
		return err
	}
	id, err := proxy.NewIdentifier(cfg.Identity)
	if err != nil {
		return usageError{err}
	}
	sc := bufio.NewScanner(stdin)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		key := strings.TrimSpace(sc.Text())
		if key == "" {
			continue
		}
		fmt.Fprintln(stdout, id.AccountOf(key).String())
		n++
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("stdin: %w", err)
	}
	if n == 0 {
		return usageError{errors.New("no key on stdin (one API key a line)")}
	}
	return nil
}
