package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/depbox/depbox/baseline"
	"github.com/depbox/depbox/internal/verdict"
	"github.com/depbox/depbox/profile"
)

func init() {
	register(func(e *env) *cobra.Command {
		cmd := &cobra.Command{
			Use:   "baseline",
			Short: "Record and compare baselines: the accepted behaviour of a bundle",
			Long: `A baseline (depbox.baseline.json, kept in the function's repository) records
what every dependency does per phase — environment variable names, files,
hosts, DNS names, processes, capabilities — normalised so that two scans of
the same bundle give the same file byte for byte. depbox gate compares each
scan with it. See docs/baseline.md.`,
		}
		cmd.AddCommand(e.baselineUpdateCmd(), e.baselineDiffCmd())
		return cmd
	})
}

func (e *env) baselineUpdateCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "update [PATH]",
		Short: "Scan the bundle, show how it differs from the baseline and record it",
		Long: `update scans the bundle (or reads --profile), shows the difference from the
current baseline and, once confirmed, writes the new baseline:
depbox.baseline.json in the bundle directory (beside a .zip), or --baseline.

It asks for confirmation on a terminal; in scripts pass --yes. Without a
terminal and without --yes it refuses (exit 2). An incomplete scan is never
recorded (exit 3).`,
		Example: `  depbox baseline update ./function
  depbox baseline update ./function --yes
  depbox baseline update --profile profile.json --baseline depbox.baseline.json --yes`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			bundle := ""
			if len(args) == 1 {
				bundle = args[0]
			}
			return e.baselineUpdate(cmd, bundle)
		},
	}
	addScanFlags(cmd)
	f := cmd.Flags()
	f.String("profile", "", "record this profile (depbox scan --format json) instead of scanning")
	f.String("baseline", "", "baseline file (default: depbox.baseline.json in the bundle directory, or beside the .zip)")
	f.BoolP("yes", "y", false, "write without asking")
	return cmd
}

func (e *env) baselineUpdate(cmd *cobra.Command, bundle string) error {
	profilePath := e.v.GetString("profile")
	if bundle == "" && profilePath == "" {
		return usageErr(errors.New("give the bundle to scan (a function directory or .zip), or --profile FILE"))
	}
	path, _ := e.baselinePath(bundle)
	old, err := baseline.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		old = nil
	case err != nil:
		return usageErr(fmt.Errorf("%w; depbox does not overwrite a baseline it cannot read: restore it from version control, or delete it to record a new one", err))
	}
	yes := e.v.GetBool("yes")
	if !yes && !e.stdinTerminal() {
		// Refuse before a long scan rather than after it.
		return usageErr(fmt.Errorf("not writing %s: there is no terminal to confirm on; review the changes (depbox gate shows them) and pass --yes", path))
	}
	p, err := e.profileFor(cmd.Context(), profilePath, bundle)
	if err != nil {
		return err
	}
	if len(p.Bundle.Functions) > 1 && profilePath == "" && e.v.GetString("function") == "" && e.v.GetString("handler") == "" {
		return usageErr(fmt.Errorf("the template has %d functions (%s) and baselines are per function: record each with --function NAME --baseline FILE", len(p.Bundle.Functions), strings.Join(p.Bundle.Functions, ", ")))
	}
	if p.Incomplete {
		return incompleteErr(p, "not recording the baseline")
	}
	nb := baseline.FromProfile(p)
	data, err := nb.Encode()
	if err != nil {
		return err
	}
	if old != nil {
		if cur, err := os.ReadFile(path); err == nil && bytes.Equal(cur, data) {
			fmt.Fprintf(e.stdout, "%s is up to date.\n", path)
			return nil
		}
	}
	changes := baseline.Diff(old, nb)
	if old == nil {
		fmt.Fprintf(e.stdout, "No baseline at %s yet; recording %d dependencies.\n", path, len(nb.Dependencies))
	}
	if err := changes.WriteText(e.stdout); err != nil {
		return err
	}
	if !yes {
		ok, err := e.confirm(fmt.Sprintf("Write %s?", path))
		if err != nil {
			return usageErr(err)
		}
		if !ok {
			fmt.Fprintln(e.stderr, "Not written.")
			return nil
		}
	}
	if err := writeFileAtomic(path, data); err != nil {
		return analysisErr(err)
	}
	fmt.Fprintf(e.stdout, "Wrote %s (%d dependencies). Commit it with the change it reviews.\n", path, len(nb.Dependencies))
	// Findings that no baseline can accept still fail the gate: say so now.
	if opts, err := e.gateOptions(); err == nil {
		res := verdict.Evaluate(verdict.Input{Profile: p, Baseline: nb}, verdict.Options{Ignore: opts.Ignore})
		if n := len(res.AtOrAbove(opts.Threshold)); n > 0 {
			fmt.Fprintf(e.stderr, "Note: %d %s at or above %s do not depend on the baseline and will still fail the gate (depbox gate shows them).\n",
				n, pluralS(n, "finding", "findings"), opts.Threshold)
		}
	}
	return nil
}

func (e *env) baselineDiffCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "diff OLD NEW",
		Short: "Show how two baselines (or profiles) differ",
		Long: `diff compares two baseline files — or profiles written by depbox scan --format
json, which are normalised into baselines first — and lists new and vanished
behaviours per dependency and phase, version changes, and new and removed
dependencies. --format json gives the machine-readable form
(depbox.baseline-diff/v1). The exit code is 0 whether or not they differ.`,
		Example: `  git show HEAD~1:depbox.baseline.json > old.json && depbox baseline diff old.json depbox.baseline.json`,
		Args:    cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			format := e.v.GetString("format")
			if format != "text" && format != "json" {
				return usageErr(fmt.Errorf("--format %q: want text or json", format))
			}
			old, err := readBaselineOrProfile(args[0])
			if err != nil {
				return err
			}
			nb, err := readBaselineOrProfile(args[1])
			if err != nil {
				return err
			}
			c := baseline.Diff(old, nb)
			if format == "json" {
				return c.WriteJSON(e.stdout)
			}
			return c.WriteText(e.stdout)
		},
	}
	cmd.Flags().String("format", "text", "output format: text or json")
	return cmd
}

// readBaselineOrProfile reads a baseline file, or a profile that it turns
// into a baseline.
func readBaselineOrProfile(path string) (*baseline.Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, usageErr(err)
	}
	b, err := baseline.Read(bytes.NewReader(data))
	if err == nil {
		return b, nil
	}
	if errors.Is(err, baseline.ErrNotBaseline) {
		if p, perr := profile.Read(bytes.NewReader(data)); perr == nil {
			return baseline.FromProfile(p), nil
		}
	}
	return nil, usageErr(fmt.Errorf("%s: %w", path, err))
}
