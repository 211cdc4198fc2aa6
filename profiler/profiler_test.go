package profiler

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

var update = flag.Bool("update", false, "rewrite golden files")

// basicPackages are the install paths of internal/scan/testdata/bundles/basic,
// whose run in real gVisor is recorded in testdata/basic.events.
var basicPackages = []string{
	"node_modules/@acme/util",
	"node_modules/@acme/util/node_modules/benign",
	"node_modules/benign",
	"node_modules/evil",
	"node_modules/uses-evil",
}

func owner(rel string) string {
	best := ""
	for _, p := range basicPackages {
		if (rel == p || strings.HasPrefix(rel, p+"/")) && len(p) > len(best) {
			best = p
		}
	}
	return best
}

func replay(t *testing.T, name string) (*Recorder, Stats) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rec := NewRecorder()
	st, err := Replay(f, rec)
	if err != nil {
		t.Fatal(err)
	}
	return rec, st
}

// TestAttributeRecordedStream replays a real recorded run and compares the
// attribution with the golden file.
func TestAttributeRecordedStream(t *testing.T) {
	rec, st := replay(t, "basic.events")
	if st.Dropped != 0 || st.Undecodable != 0 || st.Messages == 0 {
		t.Fatalf("recording: %+v", st)
	}
	runs := Attribute(rec.Procs(), Attribution{TaskRoot: "/var/task", Owner: owner})
	type out struct {
		Phase, Dependency string
		Exited            bool
		ExitStatus        int32
		Loaded            []string
		Own               any
	}
	var got []out
	for _, r := range runs {
		got = append(got, out{r.Key.Phase, r.Key.Dependency, r.Exited, r.ExitStatus, r.Loaded, r.Own})
	}
	slices.SortFunc(got, func(a, b out) int { return strings.Compare(a.Dependency, b.Dependency) })
	b, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "basic.golden.json", b)

	// The assertions that matter, independent of the golden file.
	find := func(dep string) out {
		for _, o := range got {
			if o.Dependency == dep {
				return o
			}
		}
		t.Fatalf("no run for %s", dep)
		return out{}
	}
	if o := find("node_modules/uses-evil"); !slices.Equal(o.Loaded, []string{"node_modules/evil"}) || string(mustJSON(o.Own)) != "{}" {
		t.Errorf("uses-evil loaded %v own %s: want evil loaded and nothing own", o.Loaded, mustJSON(o.Own))
	}
	if o := find("node_modules/evil"); !strings.Contains(string(mustJSON(o.Own)), "192.0.2.10") {
		t.Errorf("evil's own behaviour lacks its connect: %s", mustJSON(o.Own))
	}
	if len(got) != len(basicPackages)+1 {
		t.Errorf("%d runs, want %d (one per package and the reference)", len(got), len(basicPackages)+1)
	}
}

func mustJSON(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it):\n%s", name, got)
	}
}

func TestNormalizePath(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"/proc/123/status", "/proc/PID/status"},
		{"/proc/123", "/proc/PID"},
		{"/proc/self/task/42/comm", "/proc/self/task/TID/comm"},
		{"/tmp/evil-drop.txt", "/tmp/evil-drop.txt"},
		{"/tmp/npm-1234-abcd/x", "/tmp/*/x"},
		{"/tmp/tmp-8f3a9c2e1b/file", "/tmp/*/file"},
		{"/tmp/a1b2c3", "/tmp/a1b2c3"},
		{"/etc/passwd", "/etc/passwd"},
		{"/var/task/1234567", "/var/task/1234567"},
	} {
		if got := NormalizePath(tc.in); got != tc.want {
			t.Errorf("NormalizePath(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSockaddr(t *testing.T) {
	in4 := []byte{unix.AF_INET, 0, 0x01, 0xbb, 192, 0, 2, 10, 0, 0, 0, 0, 0, 0, 0, 0}
	in6 := make([]byte, 28)
	in6[0] = unix.AF_INET6
	in6[2], in6[3] = 0, 80
	in6[8], in6[9], in6[23] = 0x20, 0x01, 1
	un := append([]byte{unix.AF_UNIX, 0}, []byte("/var/run/x.sock\x00\x00")...)
	abstract := append([]byte{unix.AF_UNIX, 0, 0}, []byte("abc")...)
	for _, tc := range []struct {
		name  string
		in    []byte
		addr  string
		port  int
		proto string
	}{
		{"inet", in4, "192.0.2.10", 443, ""},
		{"inet6", in6, "2001::1", 80, ""},
		{"unix", un, "/var/run/x.sock", 0, "unix"},
		{"abstract", abstract, "@abc", 0, "unix"},
		{"short", []byte{2}, "", 0, ""},
		{"unspec", []byte{0, 0}, "", 0, "unspec"},
	} {
		a, p, pr := sockaddr(tc.in)
		if a != tc.addr || p != tc.port || pr != tc.proto {
			t.Errorf("%s: got %q %d %q, want %q %d %q", tc.name, a, p, pr, tc.addr, tc.port, tc.proto)
		}
	}
}

func TestPodInitConfig(t *testing.T) {
	b, err := PodInitConfig("/run/x/sink.sock")
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		TraceSession struct {
			Name   string
			Points []struct{ Name string }
			Sinks  []struct {
				Name   string
				Config map[string]any
			}
		} `json:"trace_session"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	s := v.TraceSession
	if s.Name != "Default" || len(s.Sinks) != 1 || s.Sinks[0].Config["endpoint"] != "/run/x/sink.sock" || s.Sinks[0].Config["retries"] != float64(sinkRetries) {
		t.Errorf("unexpected session %+v", s)
	}
	if len(s.Points) != len(points) {
		t.Errorf("%d points, want %d", len(s.Points), len(points))
	}
}

// TestReplayCorrupt: a truncated recording is an error, not silence.
func TestReplayCorrupt(t *testing.T) {
	b, err := os.ReadFile("testdata/basic.events")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Replay(bytes.NewReader(b[:len(b)-3]), NewRecorder()); err == nil {
		t.Error("want an error for a truncated recording")
	}
	if _, err := Replay(bytes.NewReader([]byte{0xff, 0xff, 0xff, 0x7f}), NewRecorder()); err == nil {
		t.Error("want an error for an absurd frame length")
	}
}
