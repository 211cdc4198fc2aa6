package scan_test

import (
	"fmt"
	"testing"
	"time"
)

// BenchmarkRescan times only the hooked re-scan of bench/lambda-100 with
// the import cache filled (a commit that changed no dependency): no
// sandbox runs, so this is depbox's own host work, the part of rescan-s
// that a CPU profile (-cpuprofile) can take apart. The cache is filled
// once, outside the timed loop.
func BenchmarkRescan(b *testing.B) {
	o := benchOptions(b)
	o.ImportCache = b.TempDir()
	fill, _, _ := timeScan(b, o)
	b.ResetTimer()
	var total time.Duration
	for i := 0; i < b.N; i++ {
		d, st, _ := timeScan(b, o)
		if st.Cached == 0 {
			b.Fatalf("the re-scan reused no import result (%d dependencies)", st.Dependencies)
		}
		total += d
	}
	per := total / time.Duration(b.N)
	b.ReportMetric(per.Seconds(), "rescan-s")
	b.ReportMetric(fill.Seconds(), "fill-s")
	fmt.Printf("re-scan with the import cache: %.3fs (the scan that filled it: %.2fs)\n", per.Seconds(), fill.Seconds())
}
