//go:build !unix

package proxy_test

import "time"

// processCPU is the CPU time this process has used; not available here.
func processCPU() (time.Duration, bool) { return 0, false }
