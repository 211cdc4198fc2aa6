package profiler

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// recordedStream returns testdata/basic.events (a real hooked scan in
// gVisor) repeated until it holds at least n messages, and its message count.
func recordedStream(tb testing.TB, n uint64) ([]byte, uint64) {
	tb.Helper()
	one, err := os.ReadFile(filepath.Join("testdata", "basic.events"))
	if err != nil {
		tb.Fatal(err)
	}
	st, err := Replay(bytes.NewReader(one), NewRecorder())
	if err != nil {
		tb.Fatal(err)
	}
	reps := (n + st.Messages - 1) / st.Messages
	return bytes.Repeat(one, int(reps)), reps * st.Messages
}

// BenchmarkSink measures the profiler's capacity: a recorded stream is
// written into a real Sink the way runsc writes (non-blocking, runsc's
// retries and backoff, drops counted), and decoded into a Recorder as it
// arrives. Target: ≥ 100k events/s with 0 drops. decode-events/s is the
// decoder and recorder alone, without the socket.
func BenchmarkSink(b *testing.B) {
	stream, total := recordedStream(b, 200_000)
	for i := 0; i < b.N; i++ {
		st, sink, elapsed := sinkRun(b, stream)
		if sink.Messages != st.Sent || sink.Undecodable != 0 {
			b.Fatalf("sink received %d messages (%d undecodable), %d sent", sink.Messages, sink.Undecodable, st.Sent)
		}
		rate := float64(st.Sent) / elapsed.Seconds()
		start := time.Now()
		if _, err := Replay(bytes.NewReader(stream), NewRecorder()); err != nil {
			b.Fatal(err)
		}
		decode := float64(total) / time.Since(start).Seconds()
		b.ReportMetric(rate, "sink-events/s")
		b.ReportMetric(float64(st.Dropped), "drops")
		b.ReportMetric(decode, "decode-events/s")
		fmt.Printf("sink: %d recorded events in %.2fs: %.0f events/s through the socket (target ≥ 100000), %d dropped (target 0); decoder and recorder alone %.0f events/s\n",
			st.Sent, elapsed.Seconds(), rate, st.Dropped, decode)
	}
}

// sinkRun resends stream into a fresh sink and returns how it went and how
// long it took until the sink had everything.
func sinkRun(tb testing.TB, stream []byte) (ResendStats, Stats, time.Duration) {
	tb.Helper()
	sink, err := Listen(filepath.Join(tb.TempDir(), "sink.sock"), NewRecorder(), nil)
	if err != nil {
		tb.Fatal(err)
	}
	start := time.Now()
	st, err := Resend(sink.Path(), bytes.NewReader(stream))
	if err != nil {
		sink.Close(0)
		tb.Fatal(err)
	}
	if err := sink.Close(10 * time.Second); err != nil {
		tb.Fatal(err)
	}
	return st, sink.Stats(), time.Since(start)
}

// TestResend: every message of a recording arrives, decoded, in a real sink.
func TestResend(t *testing.T) {
	stream, total := recordedStream(t, 1)
	st, sink, _ := sinkRun(t, stream)
	if st.Sent != total || st.Dropped != 0 || sink.Messages != total || sink.Undecodable != 0 || sink.Dropped != 0 {
		t.Errorf("sent %+v, sink %+v, want %d messages and no drops", st, sink, total)
	}
}
