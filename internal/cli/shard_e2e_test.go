package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/depbox/depbox/internal/audit"
	"github.com/depbox/depbox/internal/audit/audittest"
)

// TestShardedAuditMerge runs a list as N shard processes at once (as the
// pods of the Kubernetes Indexed Job do, deploy/kubernetes) and as one
// unsharded run, in the real sandbox, and checks that depbox audit merge of
// the shards' outputs is the unsharded output: the same records in the same
// order, durations aside. A missing shard makes merge exit 3 naming it.
func TestShardedAuditMerge(t *testing.T) {
	depbox := e2eDepbox(t)
	dir := t.TempDir()
	list := strings.Join([]string{
		audittest.Tarball(t, dir, audittest.Stealer),
		filepath.Join(dir, "missing-1.0.0.tgz"), // fails: the merge keeps its place
		audittest.Tarball(t, dir, audittest.Lazy),
	}, "\n") + "\n"
	listFile := filepath.Join(dir, "packages.txt")
	if err := os.WriteFile(listFile, []byte(list), 0o644); err != nil {
		t.Fatal(err)
	}
	// --no-cache: every run really audits (the shards must not reuse the
	// unsharded run's results, nor it theirs).
	audit := func(out string, extra ...string) (int, string) {
		args := append([]string{"audit", "--no-cache", "--from", listFile, "--jobs", "1", "--format", "jsonl", "-o", out}, extra...)
		code, _, stderr := depbox(args...)
		return code, stderr
	}
	const n = 3
	// One entry per shard; shard 2 holds the failing one (exit 3).
	var wg sync.WaitGroup
	shards := make([]string, n)
	for i := range n {
		shards[i] = filepath.Join(dir, fmt.Sprintf("shard-%d.jsonl", i+1))
		wg.Add(1)
		go func() {
			defer wg.Done()
			want := ExitOK
			if i == 1 {
				want = ExitAnalysis
			}
			if code, stderr := audit(shards[i], "--shard", fmt.Sprintf("%d/%d", i+1, n)); code != want {
				t.Errorf("shard %d/%d: exit %d, want %d\n%s", i+1, n, code, want, stderr)
			}
		}()
	}
	wg.Wait()
	whole := filepath.Join(dir, "whole.jsonl")
	if code, stderr := audit(whole); code != ExitAnalysis || !strings.Contains(stderr, "3 packages: 2 ok (0 cached), 0 incomplete, 1 failed") {
		t.Errorf("unsharded: exit %d, want %d with one failed entry\n%s", code, ExitAnalysis, stderr)
	}

	merged := filepath.Join(dir, "merged.jsonl")
	summary := filepath.Join(dir, "summary.json")
	code, _, stderr := depbox(append([]string{"audit", "merge", "-o", merged, "--summary", summary}, shards[2], shards[0], shards[1])...)
	if code != ExitAnalysis || !strings.Contains(stderr, "3 packages from 3 shards: 2 ok (0 cached), 0 incomplete, 1 failed") {
		t.Errorf("merge: exit %d, want %d and the summary\n%s", code, ExitAnalysis, stderr)
	}
	got, want := recordsOf(t, merged), recordsOf(t, whole)
	if len(got) != len(want) || len(want) != 3 {
		t.Fatalf("merged %d records, unsharded %d, want 3 each", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("record %d of the merge differs from the unsharded run's:\n%s\nwant\n%s", i+1, got[i], want[i])
		}
	}
	var s struct {
		Packages, Failed int
		Complete         bool
	}
	if b, err := os.ReadFile(summary); err != nil || json.Unmarshal(b, &s) != nil || s.Packages != 3 || s.Failed != 1 || s.Complete {
		t.Errorf("--summary: %+v (%v)", s, err)
	}

	// A lost shard is named, not passed over: shard 2 is position 2.
	code, _, stderr = depbox("audit", "merge", "-o", merged, shards[0], shards[2])
	if code != ExitAnalysis || !strings.Contains(stderr, "1 missing (list positions 2, of shards 2/3: re-run them)") {
		t.Errorf("merge without shard 2: exit %d\n%s", code, stderr)
	}
}

// recordsOf reads a JSON-lines audit output, each record re-encoded with
// its duration zeroed: the one field that differs between two runs.
func recordsOf(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, line := range bytes.Split(bytes.TrimSpace(data), []byte("\n")) {
		var r audit.Record
		if err := json.Unmarshal(line, &r); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		r.DurationMS = 0
		var b bytes.Buffer
		if err := audit.WriteRecord(&b, &r); err != nil {
			t.Fatal(err)
		}
		out = append(out, b.String())
	}
	return out
}
