// Command depbox-eval runs the evaluation corpus (eval/) through the real
// depbox binary and prints, per rule and per threshold, how depbox's
// verdicts score: false alarms on the benign side (real npm packages and
// Lambda-style functions), true positives with the right package named and
// misses on the malicious side, and the wall time. `make eval` runs it;
// eval/README.md says what is measured and how to add a case.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/depbox/depbox/internal/eval"
)

func main() {
	code, err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "depbox-eval:", err)
	}
	os.Exit(code)
}

type options struct {
	dir, depbox, runsc, cacheDir, osv, only, match, pythonSite string
	audits, rejudge                                            string
	jobs                                                       int
	update, updatePartial, updateLock                          bool
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) (int, error) {
	fs := flag.NewFlagSet("depbox-eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	cache, _ := os.UserCacheDir()
	fs.StringVar(&o.dir, "dir", "eval", "the corpus directory")
	fs.StringVar(&o.depbox, "depbox", "bin/depbox", "the depbox binary to measure (make build)")
	fs.StringVar(&o.runsc, "runsc", "bin/runsc", "runsc for depbox (\"\" lets depbox find it)")
	fs.StringVar(&o.cacheDir, "cache-dir", filepath.Join(cache, "depbox-eval"), "depbox's cache directory for the eval (root file systems, audit cache, the OSV database)")
	fs.StringVar(&o.osv, "osv", "", "a directory of OSV records to import as the eval's advisory database: each *.zip and each directory of records is a feed (empty: no advisories)")
	fs.StringVar(&o.pythonSite, "python-site", eval.DefaultPythonSite, "the site directory the Python functions' distributions (distributions.txt) are copied from: Debian's python3-* packages, installed by scripts/install-deps")
	fs.StringVar(&o.audits, "audits", "", "keep depbox audit's JSON-lines records of the packages in this file (for -rejudge)")
	fs.StringVar(&o.rejudge, "rejudge", "", "judge again the package profiles an earlier run kept with -audits (no audits: for changes to the verdicts only; not with -update)")
	fs.IntVar(&o.jobs, "jobs", 2, "audits and gates run at once, each in its own sandbox")
	fs.StringVar(&o.only, "only", "packages,functions,malicious", "which parts to run (comma-separated)")
	fs.StringVar(&o.match, "match", "", "run only subjects whose spec, function or fixture name matches this regular expression (no golden comparison)")
	fs.BoolVar(&o.update, "update", false, "rewrite the golden files of the parts this run covered in full (eval/golden/benign.txt: packages and functions; eval/golden/malicious.txt: malicious) with its results")
	fs.BoolVar(&o.updatePartial, "update-partial", false, "rewrite eval/golden/benign.txt with the benign results of a partial run (-match, -only), marked as partial with the subjects it covered; eval/golden/malicious.txt is left alone")
	fs.BoolVar(&o.updateLock, "update-lock", false, "rewrite eval/benign/packages.lock with the integrity of the tarballs audited (after reviewing packages.txt)")
	if err := fs.Parse(args); err != nil {
		return 2, nil
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	return measure(ctx, o, stdout, stderr)
}

func measure(ctx context.Context, o options, stdout, stderr io.Writer) (int, error) {
	t0 := time.Now()
	var match *regexp.Regexp
	if o.match != "" {
		var err error
		if match, err = regexp.Compile(o.match); err != nil {
			return 2, fmt.Errorf("-match: %w", err)
		}
	}
	parts := strings.Split(o.only, ",")
	want := func(p string) bool { return slices.Contains(parts, p) }
	keep := func(id string) bool { return match == nil || match.MatchString(id) }

	pkgFile := filepath.Join(o.dir, "benign", "packages.txt")
	lockFile := filepath.Join(o.dir, "benign", "packages.lock")
	var pkgs []eval.Package
	var lock eval.Lock
	if want("packages") {
		f, err := os.Open(pkgFile)
		if err != nil {
			return 2, err
		}
		all, err := eval.ParsePackages(f)
		f.Close()
		if err != nil {
			return 2, fmt.Errorf("%s: %w", pkgFile, err)
		}
		for _, p := range all {
			if keep(p.Spec) {
				pkgs = append(pkgs, p)
			}
		}
		if !o.updateLock {
			if lock, err = readLock(lockFile); err != nil {
				return 2, err
			}
		}
	}
	var fns []eval.Function
	if want("functions") {
		all, err := eval.LoadFunctions(filepath.Join(o.dir, "benign", "functions"))
		if err != nil {
			return 2, err
		}
		for _, f := range all {
			if keep(f.Name) {
				fns = append(fns, f)
			}
		}
	}
	var fx []eval.Fixture
	if want("malicious") {
		all, err := eval.LoadFixtures(filepath.Join(o.dir, "malicious"))
		if err != nil {
			return 2, err
		}
		for _, f := range all {
			if keep(f.ID) {
				fx = append(fx, f)
			}
		}
	}
	covered := goldensCovered(want, match != nil)
	if o.update && len(covered) == 0 {
		return 2, errors.New("-update needs every subject of a part (no -match): -only packages,functions writes benign.txt, -only malicious writes malicious.txt")
	}

	if o.updatePartial && (slices.Contains(covered, "benign.txt") || o.update) {
		return 2, errors.New("-update-partial is for a partial run (-match or -only): a run of every package and function uses -update")
	}
	if o.updatePartial && !want("packages") && !want("functions") {
		return 2, errors.New("-update-partial needs -only with packages or functions")
	}
	r := &eval.Runner{Depbox: o.depbox, Runsc: o.runsc, CacheDir: o.cacheDir, Jobs: o.jobs, Stderr: stderr, AuditsFile: o.audits, Rejudge: o.rejudge, PythonSite: o.pythonSite,
		Log: slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))}
	if err := os.MkdirAll(o.cacheDir, 0o755); err != nil {
		return 2, err
	}
	osvLine := "advisories: none"
	if o.osv != "" {
		r.OSVDB = filepath.Join(o.cacheDir, "eval-osv")
		stats, err := r.ImportOSV(ctx, o.osv)
		if err != nil {
			return 2, err
		}
		osvLine = "advisories: " + advisoryLine(stats)
	}
	fmt.Fprintf(stderr, "depbox-eval: %d packages, %d functions, %d malicious fixtures; %s\n", len(pkgs), len(fns), len(fx), osvLine)

	var integrity eval.Lock
	if o.updateLock {
		integrity = eval.Lock{}
	}
	tb := time.Now()
	benign, err := r.AuditPackages(ctx, pkgs, lock, integrity)
	if err != nil {
		return 3, err
	}
	tPkgs := time.Since(tb)
	tf := time.Now()
	benign = append(benign, r.GateFunctions(ctx, fns)...)
	tFns := time.Since(tf)
	tm := time.Now()
	mal := r.GateFixtures(ctx, fx)
	tMal := time.Since(tm)
	if ctx.Err() != nil {
		return 3, ctx.Err()
	}

	fmt.Fprintln(stdout, osvLine)
	eval.WriteTable(stdout, benign, fx, mal)
	fmt.Fprintf(stdout, "wall time: %s (package audits %s with -jobs %d, functions %s, malicious fixtures %s)\n",
		time.Since(t0).Round(time.Second), tPkgs.Round(time.Second), o.jobs, tFns.Round(time.Second), tMal.Round(time.Second))

	code := 0
	if o.updateLock && want("packages") {
		if err := writeLock(lockFile, pkgs, integrity, match == nil); err != nil {
			return 3, err
		}
		fmt.Fprintf(stdout, "%s: written (%d entries)\n", lockFile, len(integrity))
	}
	if o.updatePartial {
		var buf bytes.Buffer
		if err := writePartialHeader(&buf, o, pkgs, fns); err != nil {
			return 3, err
		}
		fmt.Fprintln(&buf, osvLine)
		if err := eval.WriteBenignGolden(&buf, benign); err != nil {
			return 3, err
		}
		path := filepath.Join(o.dir, "golden", "benign.txt")
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			return 3, err
		}
		fmt.Fprintf(stdout, "%s: written (partial run)\n", path)
	}
	if len(covered) > 0 {
		goldens := []struct {
			name  string
			write func(io.Writer) error
		}{
			{"benign.txt", func(w io.Writer) error {
				if o.rejudge != "" {
					fmt.Fprintln(w, rejudgedLine)
				}
				fmt.Fprintln(w, osvLine)
				return eval.WriteBenignGolden(w, benign)
			}},
			{"malicious.txt", func(w io.Writer) error { return eval.WriteMaliciousGolden(w, fx, mal) }},
		}
		for _, g := range goldens {
			if !slices.Contains(covered, g.name) {
				continue // a part this run did not cover: its golden file is left alone
			}
			var buf bytes.Buffer
			if err := g.write(&buf); err != nil {
				return 3, err
			}
			path := filepath.Join(o.dir, "golden", g.name)
			same, diff, err := compareGolden(path, buf.Bytes())
			switch {
			case err != nil:
				return 3, err
			case o.update:
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					return 3, err
				}
				fmt.Fprintf(stdout, "%s: written\n", path)
			case same:
				fmt.Fprintf(stdout, "%s: unchanged\n", path)
			default:
				fmt.Fprintf(stdout, "%s: DIFFERS from this run (review, then make eval EVAL_FLAGS=-update):\n%s", path, diff)
				code = 1
			}
		}
	}
	return code, nil
}

// goldensCovered lists the golden files a run covers completely: benign.txt
// when it ran every package and function, malicious.txt when it ran every
// fixture. A run with -match covers none.
func goldensCovered(want func(string) bool, matched bool) []string {
	if matched {
		return nil
	}
	var out []string
	if want("packages") && want("functions") {
		out = append(out, "benign.txt")
	}
	if want("malicious") {
		out = append(out, "malicious.txt")
	}
	return out
}

// rejudgedLine heads a benign golden whose package profiles were judged
// again from an earlier run's audits (-rejudge) rather than audited anew.
const rejudgedLine = "profiles: the packages' audits of an earlier run, judged again (-rejudge): the verdicts are this depbox's, the audits may not be"

// writePartialHeader heads the benign golden of a partial run: that it is
// partial and which subjects it covers, so a reader never takes it for the
// whole corpus.
func writePartialHeader(w io.Writer, o options, pkgs []eval.Package, fns []eval.Function) error {
	f, err := os.Open(filepath.Join(o.dir, "benign", "packages.txt"))
	if err != nil {
		return err
	}
	allPkgs, err := eval.ParsePackages(f)
	f.Close()
	if err != nil {
		return err
	}
	allFns, err := eval.LoadFunctions(filepath.Join(o.dir, "benign", "functions"))
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "PARTIAL RUN: covers %d of %d packages and %d of %d functions (listed below); the others were not run\n", len(pkgs), len(allPkgs), len(fns), len(allFns))
	if o.rejudge != "" {
		fmt.Fprintln(w, rejudgedLine)
	}
	for _, p := range pkgs {
		fmt.Fprintf(w, "covered package %s\n", p.Spec)
	}
	for _, f := range fns {
		fmt.Fprintf(w, "covered function %s\n", f.Name)
	}
	return nil
}

func readLock(path string) (eval.Lock, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%w (run with -update-lock once the list is reviewed)", err)
	}
	defer f.Close()
	l, err := eval.ReadLock(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return l, nil
}

// writeLock writes the integrities audited; a partial run keeps the other
// entries of the existing lock.
func writeLock(path string, pkgs []eval.Package, got eval.Lock, full bool) error {
	out := eval.Lock{}
	if !full {
		if old, err := readLock(path); err == nil {
			out = old
		}
	}
	var missing []string
	for _, p := range pkgs {
		if v, ok := got[p.Key()]; ok {
			out[p.Key()] = v
		} else {
			missing = append(missing, p.Spec)
		}
	}
	var buf bytes.Buffer
	if err := out.Write(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return err
	}
	if len(missing) > 0 {
		return fmt.Errorf("no integrity for %d packages whose audit failed: %s", len(missing), strings.Join(missing, ", "))
	}
	return nil
}

// advisoryLine is the first line of depbox osv stats that counts records.
func advisoryLine(stats string) string {
	for _, l := range strings.Split(stats, "\n") {
		if v, ok := strings.CutPrefix(l, "advisories:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return strings.TrimSpace(stats)
}

// compareGolden reports whether path holds got, and if not a line diff.
func compareGolden(path string, got []byte) (bool, string, error) {
	old, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return false, "  (no golden file yet)\n", nil
	}
	if err != nil {
		return false, "", err
	}
	if bytes.Equal(old, got) {
		return true, "", nil
	}
	return false, lineDiff(string(old), string(got)), nil
}

// lineDiff lists lines only in a (-) and only in b (+), in order.
func lineDiff(a, b string) string {
	count := func(s string) map[string]int {
		m := map[string]int{}
		for _, l := range strings.Split(s, "\n") {
			m[l]++
		}
		return m
	}
	ca, cb := count(a), count(b)
	var out strings.Builder
	for _, l := range strings.Split(a, "\n") {
		if cb[l] > 0 {
			cb[l]--
			continue
		}
		out.WriteString("  - " + l + "\n")
	}
	for _, l := range strings.Split(b, "\n") {
		if ca[l] > 0 {
			ca[l]--
			continue
		}
		out.WriteString("  + " + l + "\n")
	}
	return out.String()
}
