package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/depbox/depbox/internal/audit"
)

// newAuditMergeCmd is `depbox audit merge`: the shards' outputs of one list
// back into one result.
func newAuditMergeCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "merge FILE...",
		Short: "Merge the JSON-lines outputs of audit shards into one result in list order",
		Long: `merge combines the outputs of depbox audit --from LIST --shard i/n --format
jsonl — one file per shard, in any order — into one JSON-lines result in list
order, exactly as one unsharded run over the list writes it (durations
aside), and prints a summary on stderr. FILE - reads stdin.

Every record carries its place in the list, so merge checks that the files
are shards of one list and that no position appears twice (exit 2 if not),
and names the list positions and shards that have no record: a shard that
failed or never ran. Exit codes: 0 every package has a record and all are
ok; 3 a package is missing, incomplete or failed (the merged result is
still written); 2 bad input.`,
		Example: `  depbox audit merge results/shard-*.jsonl -o audits.jsonl
  depbox audit merge results/*.jsonl --summary summary.json -o audits.jsonl`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return e.auditMerge(args) },
	}
	f := cmd.Flags()
	f.StringP("output", "o", "", "write the merged JSON lines to this file instead of stdout")
	f.String("summary", "", "also write the summary as JSON to this file (counts, missing positions and shards)")
	return cmd
}

func (e *env) auditMerge(files []string) error {
	var inputs []audit.MergeInput
	for _, name := range files {
		if name == "-" {
			inputs = append(inputs, audit.MergeInput{Name: "stdin", R: e.stdin})
			continue
		}
		f, err := os.Open(name)
		if err != nil {
			return usageErr(fmt.Errorf("reading a shard's output: %w", err))
		}
		defer f.Close()
		inputs = append(inputs, audit.MergeInput{Name: name, R: f})
	}
	w := e.stdout
	var out *os.File
	if o := e.v.GetString("output"); o != "" && o != "-" {
		f, err := os.Create(o)
		if err != nil {
			return usageErr(fmt.Errorf("creating --output file: %w", err))
		}
		defer f.Close()
		w, out = f, f
	}
	sum, err := audit.Merge(inputs, w)
	if err != nil {
		if errors.Is(err, audit.ErrSpec) {
			return usageErr(err)
		}
		return analysisErr(err)
	}
	if out != nil {
		if err := out.Close(); err != nil {
			return analysisErr(fmt.Errorf("writing --output file: %w", err))
		}
	}
	if p := e.v.GetString("summary"); p != "" {
		if err := writeMergeSummary(p, sum); err != nil {
			return analysisErr(err)
		}
	}
	if !sum.Complete() {
		return analysisErr(errors.New(sum.String()))
	}
	fmt.Fprintln(e.stderr, sum.String())
	return nil
}

// writeMergeSummary writes the summary as JSON (docs/audit.md).
func writeMergeSummary(path string, s *audit.MergeSummary) error {
	doc := struct {
		Packages      int      `json:"packages"`
		Records       int      `json:"records"`
		Shards        int      `json:"shards"`
		OK            int      `json:"ok"`
		Cached        int      `json:"cached"`
		Incomplete    int      `json:"incomplete"`
		Failed        int      `json:"failed"`
		Missing       []int    `json:"missing"`
		MissingShards []string `json:"missing_shards"`
		Complete      bool     `json:"complete"`
	}{s.Packages, s.Records, s.Shards, s.OK, s.Cached, s.Incomplete, s.Fail, s.Missing, s.MissingShards, s.Complete()}
	if doc.Missing == nil {
		doc.Missing, doc.MissingShards = []int{}, []string{}
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("writing --summary: %w", err)
	}
	return nil
}
