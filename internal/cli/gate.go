package cli

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/depbox/depbox/internal/report"
	"github.com/depbox/depbox/internal/verdict"
)

func init() {
	register(func(e *env) *cobra.Command {
		cmd := &cobra.Command{
			Use:   "gate [PATH]",
			Short: "Scan a bundle, judge it against its baseline and the rules, and exit 0/1/2/3 for CI",
			Long: `gate scans the bundle (or reads a profile written by depbox scan --format json,
with --profile), compares it with the baseline (depbox.baseline.json in the
bundle directory, or beside a .zip; --baseline to choose), runs the verdict
rules (depbox rules lists them) and writes a report.

Exit codes:
  0  no finding at or above the threshold
  1  findings at or above the threshold (gate.threshold in depbox.yaml or
     --threshold: critical, high (default), medium or low)
  2  usage or input error (bad flags, unreadable bundle, profile or baseline,
     invalid depbox.yaml)
  3  the analysis failed or is incomplete (sandbox failure, lost events,
     timeout): the gate fails closed, even when there are findings too

Without a baseline file the baseline rules are skipped with a warning; the
other rules still run. Findings can be accepted in depbox.yaml under
gate.ignore, each with a reason and an optional expiry (docs/rules.md).

The report goes to stdout in --format (text, json, sarif, markdown, html), or
to -o FILE, in which case the text report still goes to stdout for the job
log. --sarif, --json, --markdown and --html write further reports.

A SAM/CloudFormation template or serverless.yml with several functions is
scanned function by function (dependencies they share analysed once) and each
function judged on its own; the report lists every function's outcome, and
findings not shared by all functions name theirs. The gate fails when any
function fails. Baselines are per function: with a baseline, pick the
function with --function NAME.`,
			Example: `  depbox gate ./function
  depbox gate ./build/function.zip --format sarif -o depbox.sarif --markdown summary.md --html report.html
  depbox gate --profile profile.json --baseline depbox.baseline.json ./function`,
			Args: cobra.MaximumNArgs(1),
			RunE: func(cmd *cobra.Command, args []string) error {
				bundle := ""
				if len(args) == 1 {
					bundle = args[0]
				}
				return e.gate(cmd, bundle)
			},
		}
		addScanFlags(cmd)
		f := cmd.Flags()
		f.String("profile", "", "judge this profile (depbox scan --format json) instead of scanning; PATH is then optional and only locates the baseline and lockfile")
		f.String("baseline", "", "baseline file (default: depbox.baseline.json in the bundle directory, or beside the .zip)")
		f.String("threshold", "", "fail on findings of this severity or higher: critical, high, medium or low (default: gate.threshold in depbox.yaml, else high)")
		f.String("format", "text", "report format on stdout (or -o): text, json, sarif, markdown or html")
		f.StringP("output", "o", "", "write the --format report to this file; the text report then goes to stdout")
		f.String("sarif", "", "also write a SARIF 2.1.0 report to this file")
		f.String("json", "", "also write a JSON report (depbox.report/v1) to this file")
		f.String("markdown", "", "also write a Markdown summary (for a pull-request comment) to this file")
		f.String("html", "", "also write a self-contained HTML report to this file")
		return cmd
	})
}

func (e *env) gate(cmd *cobra.Command, bundle string) error {
	opts, err := e.gateOptions()
	if err != nil {
		return err
	}
	format, err := report.ParseFormat(e.v.GetString("format"))
	if err != nil {
		return usageErr(fmt.Errorf("--format: %w", err))
	}
	profilePath := e.v.GetString("profile")
	if bundle == "" && profilePath == "" {
		return usageErr(fmt.Errorf("give the bundle to gate (a function directory or .zip), or --profile FILE"))
	}
	basePath, explicit := e.baselinePath(bundle)
	base, err := loadBaseline(basePath, explicit)
	if err != nil {
		return err
	}
	root, prefix, closer, err := bundleFS(bundle)
	if err != nil {
		return err
	}
	if closer != nil {
		defer closer.Close()
	}
	ps, err := e.profilesFor(cmd.Context(), profilePath, bundle, true)
	if err != nil {
		return err
	}
	p := ps[0]
	if len(ps) > 1 && base != nil {
		return usageErr(fmt.Errorf("%s: baselines are per function, and the template has %d (%s); gate each with --function NAME --baseline FILE", basePath, len(ps), strings.Join(p.Bundle.Functions, ", ")))
	}
	var fns []verdict.FunctionResult
	var summaries []report.Function
	for _, fp := range ps {
		res := verdict.Evaluate(verdict.Input{Profile: fp, Baseline: base}, verdict.Options{Ignore: opts.Ignore})
		fns = append(fns, verdict.FunctionResult{Function: fp.Bundle.Function, Result: res})
		summaries = append(summaries, report.NewFunction(fp, res, opts.Threshold))
	}
	res := verdict.Merge(fns)
	r := &report.Report{
		Profile: unionProfile(ps), Result: res, Threshold: opts.Threshold, ToolVersion: Version,
		Root: root, SourcePrefix: prefix,
	}
	if len(ps) > 1 {
		r.Functions = summaries
	}
	if base != nil {
		r.BaselinePath = basePath
	}
	for _, w := range res.Warnings {
		e.log.Warn(w)
	}

	// The main report: stdout, or -o with the text report on stdout.
	if out := e.v.GetString("output"); out != "" && out != "-" {
		if err := e.writeReport(out, format, r); err != nil {
			return err
		}
		if err := report.Text(e.stdout, r, report.ColorFor(e.stdout)); err != nil {
			return err
		}
	} else if err := report.Write(e.stdout, format, r); err != nil {
		return err
	}
	for _, extra := range []struct {
		flag   string
		format report.Format
	}{{"sarif", report.FormatSARIF}, {"json", report.FormatJSON}, {"markdown", report.FormatMarkdown}, {"html", report.FormatHTML}} {
		if path := e.v.GetString(extra.flag); path != "" {
			if err := e.writeReport(path, extra.format, r); err != nil {
				return err
			}
		}
	}

	switch r.Status() {
	case report.StatusIncomplete:
		for _, fp := range ps {
			if fp.Incomplete {
				return incompleteErr(fp, "gate failed closed")
			}
		}
		return incompleteErr(p, "gate failed closed")
	case report.StatusFail:
		n := len(r.Failing())
		return &ExitError{Code: ExitFindings, Err: fmt.Errorf("gate failed: %d %s at or above %s", n, pluralS(n, "finding", "findings"), opts.Threshold)}
	}
	return nil
}

// writeReport renders one report format into a file ("-" is stdout). A
// file that cannot be created is a usage error; one that cannot be written
// (a full disk) fails the analysis.
func (e *env) writeReport(path string, f report.Format, r *report.Report) error {
	var buf bytes.Buffer
	if err := report.Write(&buf, f, r); err != nil {
		return err
	}
	w, err := e.createOutput(path)
	if err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	if err != nil {
		err = analysisErr(fmt.Errorf("writing the %s report to %s: %w", f, w.name, err))
	}
	return closeOutput(w, err)
}

func pluralS(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
