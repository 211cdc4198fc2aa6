package cli

import (
	"archive/zip"
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"time"

	"github.com/spf13/viper"
	"golang.org/x/term"

	"github.com/depbox/depbox/baseline"
	"github.com/depbox/depbox/internal/verdict"
	"github.com/depbox/depbox/profile"
)

// gateOptions are the gate's settings from depbox.yaml (gate.threshold,
// gate.ignore), DEPBOX_GATE_THRESHOLD and --threshold.
type gateOptions struct {
	Threshold verdict.Severity
	Ignore    []verdict.Ignore
}

// gateOptions reads and checks the gate's configuration.
func (e *env) gateOptions() (gateOptions, error) {
	var o gateOptions
	th := "high"
	if s := e.v.GetString("gate.threshold"); s != "" {
		th = s
	}
	// --threshold (bound as "threshold") wins over the config file.
	if e.v.IsSet("threshold") && e.v.GetString("threshold") != "" {
		th = e.v.GetString("threshold")
	}
	sev, err := verdict.ParseSeverity(th)
	if err != nil {
		return o, usageErr(fmt.Errorf("gate threshold: %w", err))
	}
	o.Threshold = sev
	if err := e.v.UnmarshalKey("gate.ignore", &o.Ignore, viper.DecodeHook(dateToString)); err != nil {
		return o, usageErr(fmt.Errorf("gate.ignore in the config file: %w (want a list of {rule, dependency, reason, expires})", err))
	}
	if err := verdict.ValidateIgnores(o.Ignore); err != nil {
		return o, usageErr(fmt.Errorf("gate.ignore in the config file: %w", err))
	}
	return o, nil
}

// dateToString lets `expires: 2025-06-30` (a YAML timestamp) decode into a
// string field.
func dateToString(from, to reflect.Type, data any) (any, error) {
	if t, ok := data.(time.Time); ok && to.Kind() == reflect.String {
		return t.UTC().Format(verdict.DateLayout), nil
	}
	return data, nil
}

// profileFor returns the profile to judge: the --profile file when given,
// else a fresh scan of the bundle at path (of the function --function
// names, else of its template's first).
func (e *env) profileFor(ctx context.Context, profilePath, bundle string) (*profile.Profile, error) {
	ps, err := e.profilesFor(ctx, profilePath, bundle, false)
	if err != nil {
		return nil, err
	}
	return ps[0], nil
}

// profilesFor returns the profiles to judge: those of the --profile file
// (one per function when a template's functions were scanned), else of a
// fresh scan of the bundle at path; with all, of every function of its
// template unless --function or --handler picks one.
func (e *env) profilesFor(ctx context.Context, profilePath, bundle string, all bool) ([]*profile.Profile, error) {
	if profilePath != "" {
		f, err := os.Open(profilePath)
		if err != nil {
			return nil, usageErr(fmt.Errorf("--profile: %w", err))
		}
		defer f.Close()
		ps, err := profile.ReadAll(f)
		if err != nil {
			return nil, usageErr(fmt.Errorf("--profile %s: %w", profilePath, err))
		}
		if !all && len(ps) > 1 {
			return nil, usageErr(fmt.Errorf("--profile %s holds %d functions' profiles; give one function's (depbox scan --function NAME --format json)", profilePath, len(ps)))
		}
		return ps, nil
	}
	if bundle == "" {
		return nil, usageErr(errors.New("give the bundle to scan (a function directory or .zip), or --profile FILE"))
	}
	ps, err := e.runScans(ctx, e.scanOptionsFrom(bundle), all)
	if err != nil {
		var ee *ExitError
		if errors.As(err, &ee) {
			return nil, err
		}
		return nil, analysisErr(err)
	}
	return ps, nil
}

// baselinePath returns the baseline file to use and whether the user named
// it (--baseline, DEPBOX_BASELINE): by default depbox.baseline.json in the
// bundle directory, beside a .zip bundle, or in the current directory when
// there is no bundle argument.
func (e *env) baselinePath(bundle string) (path string, explicit bool) {
	if p := e.v.GetString("baseline"); p != "" {
		return p, true
	}
	if bundle == "" {
		return baseline.FileName, false
	}
	if fi, err := os.Stat(bundle); err == nil && !fi.IsDir() {
		return filepath.Join(filepath.Dir(bundle), baseline.FileName), false
	}
	return filepath.Join(bundle, baseline.FileName), false
}

// loadBaseline reads the baseline at path. A missing default baseline gives
// nil (the baseline rules are then skipped); a missing explicit one, a
// corrupt one or one from a newer depbox is an input error.
func loadBaseline(path string, explicit bool) (*baseline.Baseline, error) {
	b, err := baseline.ReadFile(path)
	switch {
	case err == nil:
		return b, nil
	case errors.Is(err, fs.ErrNotExist) && !explicit:
		return nil, nil
	case errors.Is(err, fs.ErrNotExist):
		return nil, usageErr(fmt.Errorf("baseline %s does not exist (record one with `depbox baseline update`)", path))
	}
	return nil, usageErr(err)
}

// bundleFS opens the bundle's file tree for the reports (lockfile lines):
// a directory or a .zip. It returns nil without error when there is none.
// prefix is the bundle directory relative to the current directory when it
// lies below it (SARIF paths are relative to the repository root), else "".
func bundleFS(bundle string) (root fs.FS, prefix string, closer io.Closer, err error) {
	if bundle == "" {
		return nil, "", nil, nil
	}
	fi, err := os.Stat(bundle)
	if err != nil {
		return nil, "", nil, usageErr(fmt.Errorf("bundle %s: %w", bundle, err))
	}
	if fi.IsDir() {
		wd, werr := os.Getwd()
		abs, aerr := filepath.Abs(bundle)
		if werr == nil && aerr == nil {
			if rel, err := filepath.Rel(wd, abs); err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				prefix = filepath.ToSlash(rel)
			}
		}
		return os.DirFS(bundle), prefix, nil, nil
	}
	zr, err := zip.OpenReader(bundle)
	if err != nil {
		// Not a zip: the scan reports what is wrong with it; the reports
		// just go without line numbers.
		return nil, "", nil, nil
	}
	return zr, "", zr, nil
}

// stdinTerminal reports whether standard input is a terminal a person can answer on.
func (e *env) stdinTerminal() bool {
	f, ok := e.stdin.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// confirm asks a yes/no question on stderr and reads the answer from stdin.
func (e *env) confirm(question string) (bool, error) {
	fmt.Fprintf(e.stderr, "%s [y/N] ", question)
	line, err := bufio.NewReader(e.stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return false, fmt.Errorf("reading the answer: %w", err)
	}
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "y", "yes":
		return true, nil
	}
	return false, nil
}

// writeFileAtomic writes data to path through a temporary file in the same
// directory, so that a reader never sees half a file.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// incompleteErr is the exit-3 error for an incomplete analysis.
func incompleteErr(p *profile.Profile, what string) error {
	var probs []string
	for _, pr := range p.Problems {
		if pr.Fatal {
			probs = append(probs, pr.Code+": "+pr.Message)
		}
	}
	if len(probs) > 3 {
		probs = append(probs[:3], fmt.Sprintf("and %d more", len(probs)-3))
	}
	why := strings.Join(probs, "; ")
	if why == "" {
		why = "the profile is marked incomplete"
	}
	return analysisErr(fmt.Errorf("%s: the analysis is incomplete (%s)", what, why))
}
