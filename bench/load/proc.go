package load

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// clockTick is USER_HZ, the unit of utime and stime in /proc/PID/stat. It is
// 100 on every Linux architecture Go supports.
const clockTick = 10 * time.Millisecond

// ProcSample is a process's CPU time and memory at one moment.
type ProcSample struct {
	CPU time.Duration // utime + stime
	RSS int64         // VmRSS, bytes
	HWM int64         // VmHWM (peak resident), bytes
}

// ReadProc samples process pid from /proc.
func ReadProc(pid int) (ProcSample, error) {
	var s ProcSample
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return s, err
	}
	// the command name may hold spaces and parentheses: fields start after
	// the last ')'
	i := bytes.LastIndexByte(stat, ')')
	if i < 0 {
		return s, fmt.Errorf("load: /proc/%d/stat: no command field", pid)
	}
	f := bytes.Fields(stat[i+1:])
	if len(f) < 13 {
		return s, fmt.Errorf("load: /proc/%d/stat: %d fields", pid, len(f))
	}
	ut, err1 := strconv.ParseInt(string(f[11]), 10, 64)
	st, err2 := strconv.ParseInt(string(f[12]), 10, 64)
	if err1 != nil || err2 != nil {
		return s, fmt.Errorf("load: /proc/%d/stat: bad utime/stime", pid)
	}
	s.CPU = time.Duration(ut+st) * clockTick
	status, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return s, err
	}
	s.RSS = statusKB(status, "VmRSS:") << 10
	s.HWM = statusKB(status, "VmHWM:") << 10
	return s, nil
}

// statusKB returns the kB value of field in /proc/PID/status, 0 if absent.
func statusKB(status []byte, field string) int64 {
	i := bytes.Index(status, []byte(field))
	if i < 0 {
		return 0
	}
	line := status[i+len(field):]
	if j := bytes.IndexByte(line, '\n'); j >= 0 {
		line = line[:j]
	}
	f := bytes.Fields(line)
	if len(f) == 0 {
		return 0
	}
	v, _ := strconv.ParseInt(string(f[0]), 10, 64)
	return v
}

// Machine describes the host: CPU count and model.
func Machine() string {
	// count processors from /proc/cpuinfo: runtime.NumCPU is the affinity
	// set, one CPU under taskset
	model, n := "unknown CPU", 0
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			k, v, ok := strings.Cut(line, ":")
			switch k = strings.TrimSpace(k); {
			case !ok:
			case k == "processor":
				n++
			case k == "model name" && model == "unknown CPU":
				model = strings.TrimSpace(v)
			}
		}
	}
	if n == 0 {
		n = runtime.NumCPU()
	}
	return fmt.Sprintf("%d CPUs (%s), %s %s/%s", n, model, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}
