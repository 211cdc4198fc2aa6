package audit

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// shardOutputs writes the JSON lines the n shards of a list of total jobs
// would write; status gives a job's status by its 1-based position.
func shardOutputs(t *testing.T, total, n int, status func(pos int) string) []string {
	t.Helper()
	jobs := make([]Job, total)
	for i := range jobs {
		jobs[i] = Job{Spec: Spec{Name: fmt.Sprintf("pkg%d", i+1), Version: "1.0.0"}}
	}
	outs := make([]string, n)
	for i := 1; i <= n; i++ {
		var b bytes.Buffer
		l := Listing{I: i, N: n, Total: total}
		for k, j := range Shard(jobs, i, n) {
			rec := &Record{Schema: RecordSchema, Spec: j.Spec.String(), Status: status(l.Position(k))}
			l.Stamp(rec, k)
			if err := WriteRecord(&b, rec); err != nil {
				t.Fatal(err)
			}
		}
		outs[i-1] = b.String()
	}
	return outs
}

func ok(int) string { return "ok" }

func TestMerge(t *testing.T) {
	unsharded := shardOutputs(t, 7, 1, ok)[0]
	three := shardOutputs(t, 7, 3, ok)
	other := shardOutputs(t, 5, 3, ok)
	tests := []struct {
		name    string
		inputs  []string
		want    string // merged output; "" when an error is expected
		summary string
		err     string
	}{
		{name: "shards in any order", inputs: []string{three[2], three[0], three[1]}, want: unsharded,
			summary: "7 packages from 3 shards: 7 ok (0 cached), 0 incomplete, 0 failed"},
		{name: "unsharded", inputs: []string{unsharded}, want: unsharded,
			summary: "7 packages: 7 ok (0 cached), 0 incomplete, 0 failed"},
		{name: "more shards than jobs", inputs: shardOutputs(t, 2, 4, ok), want: shardOutputs(t, 2, 1, ok)[0],
			summary: "2 packages from 4 shards: 2 ok (0 cached), 0 incomplete, 0 failed"},
		{name: "a shard missing", inputs: []string{three[0], three[2]},
			summary: "7 packages from 3 shards: 5 ok (0 cached), 0 incomplete, 0 failed, 2 missing (list positions 2, 5, of shards 2/3: re-run them)"},
		{name: "statuses counted", inputs: shardOutputs(t, 4, 2, func(p int) string { return []string{"", "ok", "failed", "incomplete", "ok"}[p] }),
			summary: "4 packages from 2 shards: 2 ok (0 cached), 1 incomplete, 1 failed"},
		{name: "a shard twice", inputs: []string{three[0], three[1], three[1]}, err: "list position 2 has a record in in2:1 and before it"},
		{name: "two lists", inputs: []string{three[0], other[1]}, err: "a list of 5 in 3 shards"},
		{name: "not records", inputs: []string{"hello\n"}, err: "in0:1: not a depbox audit record"},
		{name: "no position", inputs: []string{`{"schema":"depbox.audit/v1","spec":"npm:x","status":"ok","duration_ms":1}` + "\n"}, err: "no list position"},
		{name: "other schema", inputs: []string{`{"schema":"depbox.audit/v9","position":1,"list_size":1}` + "\n"}, err: `record schema "depbox.audit/v9"`},
		{name: "out of order", inputs: []string{three[0][strings.Index(three[0], "\n")+1:] + three[0]}, err: "list position 1 after 7"},
		{name: "empty", inputs: []string{"", "\n"}, err: "no records in 2 inputs"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var in []MergeInput
			for i, s := range tc.inputs {
				in = append(in, MergeInput{Name: fmt.Sprintf("in%d", i), R: strings.NewReader(s)})
			}
			var out bytes.Buffer
			sum, err := Merge(in, &out)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) || !errors.Is(err, ErrSpec) {
					t.Fatalf("err = %v, want an ErrSpec containing %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := sum.String(); got != tc.summary {
				t.Errorf("summary %q\nwant    %q", got, tc.summary)
			}
			if tc.want != "" && out.String() != tc.want {
				t.Errorf("merged:\n%s\nwant (the unsharded output):\n%s", out.String(), tc.want)
			}
			if sum.Complete() != (tc.want != "") {
				t.Errorf("Complete() = %v", sum.Complete())
			}
		})
	}
}
