package scan_test

import (
	"fmt"
	"syscall"
	"testing"
	"time"
)

// BenchmarkRescan times only the hooked re-scan of bench/lambda-100 with
// the import cache filled (a commit that changed no dependency): no
// sandbox runs, so this is depbox's own host work, the part of rescan-s
// that a CPU profile (-cpuprofile) can take apart, and whose CPU time
// (rescan-cpu-s: user and system, depbox's and its children's) tells
// more than its wall time on a loaded machine. The cache is filled once,
// outside the timed loop.
func BenchmarkRescan(b *testing.B) {
	o := benchOptions(b)
	o.ImportCache = b.TempDir()
	fill, _, _ := timeScan(b, o)
	b.ResetTimer()
	cpu0 := cpuTime(b)
	var total time.Duration
	for i := 0; i < b.N; i++ {
		d, st, _ := timeScan(b, o)
		if st.Cached == 0 {
			b.Fatalf("the re-scan reused no import result (%d dependencies)", st.Dependencies)
		}
		total += d
	}
	per := total / time.Duration(b.N)
	cpu := (cpuTime(b) - cpu0) / time.Duration(b.N)
	b.ReportMetric(per.Seconds(), "rescan-s")
	b.ReportMetric(cpu.Seconds(), "rescan-cpu-s")
	b.ReportMetric(fill.Seconds(), "fill-s")
	fmt.Printf("re-scan with the import cache: %.3fs, CPU %.3fs (the scan that filled it: %.2fs)\n", per.Seconds(), cpu.Seconds(), fill.Seconds())
}

// cpuTime is the user and system time of this process and its waited-for
// children so far.
func cpuTime(b *testing.B) time.Duration {
	b.Helper()
	var d time.Duration
	for _, who := range []int{syscall.RUSAGE_SELF, syscall.RUSAGE_CHILDREN} {
		var ru syscall.Rusage
		if err := syscall.Getrusage(who, &ru); err != nil {
			b.Fatal(err)
		}
		d += time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	return d
}
