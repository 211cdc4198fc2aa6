package eval

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Runner drives the depbox binary.
type Runner struct {
	// Depbox and Runsc are the binaries (Runsc "" lets depbox find its own).
	Depbox, Runsc string
	// CacheDir is depbox's --cache-dir: root file systems, the audit cache.
	CacheDir string
	// OSVDB is the OSV database every audit and gate uses ("" none).
	OSVDB string
	// Jobs is how many audits or gates run at once.
	Jobs int
	// NPM is the npm that installs the functions' dependencies (with
	// --ignore-scripts: nothing of theirs runs on the host).
	NPM string
	// AuditsFile, when set, is where depbox audit writes its JSON-lines
	// records (kept after the run, for -rejudge); "" is a temporary file.
	AuditsFile string
	// Rejudge, when set, is a file of records an earlier run kept: the
	// packages' profiles are judged again from it, nothing is audited.
	Rejudge string
	// PythonSite is the site directory the Python functions'
	// distributions are copied from ("" DefaultPythonSite).
	PythonSite string
	// Stderr receives depbox's progress lines (nil: discarded).
	Stderr io.Writer
	Log    *slog.Logger
}

func (r *Runner) log() *slog.Logger {
	if r.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return r.Log
}

// globalArgs are the flags every depbox command gets.
func (r *Runner) globalArgs() []string {
	a := []string{"--cache-dir", absPath(r.CacheDir)}
	if r.Runsc != "" {
		a = append(a, "--runsc", absPath(r.Runsc))
	}
	return a
}

// absPath makes p absolute: depbox runs in a directory of its own.
func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// result is what one depbox command printed and its exit code.
type result struct {
	Stdout []byte
	// Stderr is the end of what it printed on stderr (its error message).
	Stderr string
	Code   int
}

// depbox runs one depbox command in a private directory (so that no
// depbox.yaml or baseline of the caller's directory is picked up; paths in
// args must be absolute). err is set when it could not run or was killed;
// a non-zero exit is not an error.
func (r *Runner) depbox(ctx context.Context, stderr io.Writer, args ...string) (result, error) {
	dir, err := os.MkdirTemp("", "depbox-eval-")
	if err != nil {
		return result{}, err
	}
	defer os.RemoveAll(dir)
	cmd := exec.CommandContext(ctx, absPath(r.Depbox), append(r.globalArgs(), args...)...)
	cmd.Dir = dir
	var out, errb bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &errb
	if stderr != nil {
		cmd.Stderr = io.MultiWriter(&errb, stderr)
	}
	err = cmd.Run()
	res := result{Stdout: out.Bytes(), Stderr: tail(errb.String(), 600)}
	var ee *exec.ExitError
	if errors.As(err, &ee) && ee.Exited() {
		res.Code = ee.ExitCode()
		return res, nil
	}
	if err != nil {
		return res, fmt.Errorf("depbox %s: %w: %s", args[0], err, res.Stderr)
	}
	return res, nil
}

// ImportOSV builds a fresh OSV database at r.OSVDB from src: every *.zip
// in it and every directory of OSV JSON records becomes a feed named after
// it. It returns what `depbox osv stats` says of the result.
func (r *Runner) ImportOSV(ctx context.Context, src string) (string, error) {
	if err := os.RemoveAll(r.OSVDB); err != nil {
		return "", err
	}
	ents, err := os.ReadDir(src)
	if err != nil {
		return "", fmt.Errorf("OSV records: %w", err)
	}
	feeds := 0
	for _, e := range ents {
		name := e.Name()
		feed := strings.TrimSuffix(name, ".zip")
		if (!e.IsDir() && !strings.HasSuffix(name, ".zip")) || strings.HasPrefix(name, ".") {
			continue
		}
		feed = strings.Map(func(c rune) rune {
			if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' {
				return c
			}
			return '-'
		}, strings.ToLower(feed))
		res, err := r.depbox(ctx, nil, "osv", "import", "--db", absPath(r.OSVDB), "--feed", feed, absPath(filepath.Join(src, name)))
		if err != nil {
			return "", err
		}
		if res.Code != 0 {
			return "", fmt.Errorf("depbox osv import %s: exit %d: %s", name, res.Code, res.Stderr)
		}
		feeds++
	}
	if feeds == 0 {
		return "", fmt.Errorf("OSV records: no .zip or record directory in %s", src)
	}
	res, err := r.depbox(ctx, nil, "osv", "stats", "--db", absPath(r.OSVDB))
	return string(res.Stdout), err
}

func (r *Runner) osvArgs(flag string) []string {
	if r.OSVDB == "" {
		return nil
	}
	return []string{flag, absPath(r.OSVDB)}
}

// auditRecord is the part of a `depbox audit --format jsonl` line the
// eval reads.
type auditRecord struct {
	Spec       string `json:"spec"`
	Status     string `json:"status"`
	Error      string `json:"error"`
	DurationMS int64  `json:"duration_ms"`
	Package    *struct {
		Name      string          `json:"name"`
		Version   string          `json:"version"`
		Integrity string          `json:"integrity"`
		Path      string          `json:"path"`
		Profile   json.RawMessage `json:"profile"`
	} `json:"package"`
}

// AuditPackages audits the packages with one `depbox audit --from` batch
// and judges each profile with `depbox gate --profile` (no baseline, the
// default threshold). lock, when not nil, must hold every package's
// integrity: a package whose audited tarball differs is an error, not a
// result. integrity receives what was audited (for -update-lock).
func (r *Runner) AuditPackages(ctx context.Context, pkgs []Package, lock Lock, integrity Lock) ([]Subject, error) {
	if len(pkgs) == 0 {
		return nil, nil
	}
	dir, err := os.MkdirTemp("", "depbox-eval-audit-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	list := filepath.Join(dir, "packages.txt")
	var b strings.Builder
	for _, p := range pkgs {
		b.WriteString(p.Spec + "\n")
	}
	if err := os.WriteFile(list, []byte(b.String()), 0o644); err != nil {
		return nil, err
	}
	outPath := filepath.Join(dir, "audits.jsonl")
	if r.AuditsFile != "" {
		outPath = absPath(r.AuditsFile)
	}
	var recs []auditRecord
	if r.Rejudge != "" {
		if recs, err = rejudgeRecords(r.Rejudge, pkgs); err != nil {
			return nil, err
		}
	} else {
		args := append([]string{"audit", "--from", list, "--format", "jsonl", "-o", outPath, "--jobs", fmt.Sprint(max(r.Jobs, 1))}, r.osvArgs("--osv-db")...)
		res, err := r.depbox(ctx, r.Stderr, args...)
		if err != nil {
			return nil, err
		}
		if res.Code != 0 && res.Code != 3 {
			return nil, fmt.Errorf("depbox audit exited %d: %s", res.Code, res.Stderr)
		}
		if recs, err = readAudits(outPath); err != nil {
			return nil, err
		}
	}
	if len(recs) != len(pkgs) {
		return nil, fmt.Errorf("depbox audit wrote %d records for %d packages", len(recs), len(pkgs))
	}
	subjects := make([]Subject, len(pkgs))
	r.parallel(ctx, len(pkgs), func(i int) {
		p, rec := pkgs[i], recs[i]
		s := Subject{Kind: KindPackage, ID: p.Spec, Category: p.Category, Duration: time.Duration(rec.DurationMS) * time.Millisecond}
		defer func() { subjects[i] = s }()
		if rec.Package == nil || rec.Status == "failed" {
			s.Exit, s.Err = 3, "audit failed: "+rec.Error
			return
		}
		if integrity != nil {
			integrity.set(p.Key(), rec.Package.Integrity)
		}
		if lock != nil {
			switch want := lock[p.Key()]; {
			case want == "":
				s.Exit, s.Err = 2, "not in packages.lock (run with -update-lock after reviewing the list)"
				return
			case want != rec.Package.Integrity:
				s.Exit, s.Err = 2, fmt.Sprintf("integrity mismatch: packages.lock has %s, the registry served %s", want, rec.Package.Integrity)
				return
			}
		}
		prof := filepath.Join(dir, fmt.Sprintf("profile-%d.json", i))
		if err := os.WriteFile(prof, rec.Package.Profile, 0o644); err != nil {
			s.Exit, s.Err = -1, err.Error()
			return
		}
		s.gate(r.gate(ctx, "--profile", prof))
	})
	return subjects, nil
}

// rejudgeRecords reads the records of an earlier run (-audits) and returns
// one per package, in the packages' order; a package it lacks is an error.
func rejudgeRecords(path string, pkgs []Package) ([]auditRecord, error) {
	all, err := readAudits(path)
	if err != nil {
		return nil, err
	}
	bySpec := make(map[string]auditRecord, len(all))
	for _, rec := range all {
		bySpec[rec.Spec] = rec
	}
	out := make([]auditRecord, len(pkgs))
	var missing []string
	for i, p := range pkgs {
		rec, ok := bySpec[p.Spec]
		if !ok {
			missing = append(missing, p.Spec)
		}
		out[i] = rec
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("%s has no audit record for %d packages (%s): audit them (-audits) first", path, len(missing), strings.Join(missing, ", "))
	}
	return out, nil
}

func readAudits(path string) ([]auditRecord, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading the audit records: %w", err)
	}
	defer f.Close()
	var out []auditRecord
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 256<<20)
	for sc.Scan() {
		var rec auditRecord
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, fmt.Errorf("decoding an audit record: %w", err)
		}
		out = append(out, rec)
	}
	return out, sc.Err()
}

// GateFunctions installs each function's dependencies (npm ci
// --ignore-scripts, when node_modules is missing or older than the
// lockfile; a Python function's distributions copied with its handler
// into a temporary bundle) and gates it.
func (r *Runner) GateFunctions(ctx context.Context, fns []Function) []Subject {
	subjects := make([]Subject, len(fns))
	r.parallel(ctx, len(fns), func(i int) {
		f := fns[i]
		s := Subject{Kind: KindFunction, ID: f.Name}
		t0 := time.Now()
		if f.Distributions != nil {
			r.gatePython(ctx, f, &s)
		} else if err := r.install(ctx, f.Dir); err != nil {
			s.Exit, s.Err = 2, err.Error()
		} else {
			s.gate(r.gate(ctx, f.Dir))
		}
		s.Duration = time.Since(t0)
		subjects[i] = s
	})
	return subjects
}

// gatePython assembles the Python function's bundle and gates it; a
// distribution the host lacks is an input error (exit 2).
func (r *Runner) gatePython(ctx context.Context, f Function, s *Subject) {
	site := r.PythonSite
	if site == "" {
		site = DefaultPythonSite
	}
	dir, err := assemblePythonFunction("", site, f)
	if err != nil {
		s.Exit, s.Err = 2, err.Error()
		return
	}
	defer os.RemoveAll(dir)
	s.gate(r.gate(ctx, dir))
}

// install runs npm ci --ignore-scripts in dir unless node_modules is newer
// than package-lock.json.
func (r *Runner) install(ctx context.Context, dir string) error {
	lock, err := os.Stat(filepath.Join(dir, "package-lock.json"))
	if err != nil {
		return err
	}
	if nm, err := os.Stat(filepath.Join(dir, "node_modules", ".package-lock.json")); err == nil && nm.ModTime().After(lock.ModTime()) {
		return nil
	}
	npm := r.NPM
	if npm == "" {
		npm = "npm"
	}
	cmd := exec.CommandContext(ctx, npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "npm_config_ignore_scripts=true")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("npm ci --ignore-scripts in %s: %w: %s", filepath.Base(dir), err, tail(string(out), 400))
	}
	return nil
}

// GateFixtures gates each malicious fixture with its expect.json's flags.
func (r *Runner) GateFixtures(ctx context.Context, fx []Fixture) []Subject {
	subjects := make([]Subject, len(fx))
	r.parallel(ctx, len(fx), func(i int) {
		f := fx[i]
		s := Subject{Kind: KindFixture, ID: f.ID, Category: f.Expect.Channel}
		t0 := time.Now()
		args := []string{f.Dir}
		if f.Expect.Handler != "" {
			args = append(args, "--handler", f.Expect.Handler)
		}
		s.gate(r.gate(ctx, append(args, f.Expect.Args...)...))
		s.Duration = time.Since(t0)
		subjects[i] = s
	})
	return subjects
}

// gate runs depbox gate --format json with args and the OSV database.
func (r *Runner) gate(ctx context.Context, args ...string) (result, error) {
	a := append([]string{"gate", "--format", "json"}, r.osvArgs("--osv-db")...)
	return r.depbox(ctx, nil, append(a, args...)...)
}

// parallel calls f(0..n-1), r.Jobs at a time.
func (r *Runner) parallel(ctx context.Context, n int, f func(i int)) {
	sem := make(chan struct{}, max(r.Jobs, 1))
	var wg sync.WaitGroup
	for i := range n {
		if ctx.Err() != nil {
			break
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			f(i)
		}()
	}
	wg.Wait()
}

func (l Lock) set(k, v string) {
	lockMu.Lock()
	defer lockMu.Unlock()
	l[k] = v
}

var lockMu sync.Mutex

func tail(s string, n int) string {
	s = strings.TrimSpace(s)
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}
