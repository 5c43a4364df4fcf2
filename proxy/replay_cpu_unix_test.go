//go:build unix

package proxy_test

import (
	"syscall"
	"time"
)

// processCPU is the CPU time this process has used, user and system; ok
// is false where it cannot be read.
func processCPU() (cpu time.Duration, ok bool) {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
