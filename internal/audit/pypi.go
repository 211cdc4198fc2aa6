package audit

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/mail"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/depbox/depbox/internal/bundle"
	"github.com/depbox/depbox/internal/scan"
)

// PyPI fetches Python distributions with pip, as wheels only: pip never
// builds anything on the host (--only-binary=:all:), and installing a
// wheel only unpacks it (--no-compile: not even byte-compiling). Hashes
// are checked three times: pip checks every download against the sha256
// the index lists (--require-hashes, with the hashes its own resolution
// read from the index), depbox hashes each file it was given, and pip
// checks them again when it installs them from the private directory.
type PyPI struct {
	// Python is the interpreter that runs pip: the one the sandbox runs,
	// so that pip picks the wheels made for it (default /usr/bin/python3).
	Python string
	// IndexURL is the PEP 503 index pip downloads from ("" is pip's own
	// configuration, normally https://pypi.org/simple).
	IndexURL string
	// Env is added to pip's environment.
	Env []string
	Log *slog.Logger
}

// wheelFile is one wheel of a resolved tree, downloaded and hashed.
type wheelFile struct {
	Name, Version string
	File          string
	SHA256        string // hex, as the index lists it
}

func (p *PyPI) python() string {
	if p.Python != "" {
		return p.Python
	}
	return scan.DefaultPython
}

// errNoWheel is pip finding no wheel (pip builds nothing on the host; an
// sdist is looked for on the index and built in the sandbox).
var errNoWheel = errors.New("pip found no wheel for it")

// pipFlags are given to every pip command: nothing is asked, nothing is
// built, pip's own version is not looked up.
var pipFlags = []string{"--no-input", "--disable-pip-version-check", "--only-binary=:all:"}

// pip runs "python -m pip args..." in dir.
func (p *PyPI) pip(ctx context.Context, dir string, args ...string) error {
	full := append([]string{"-m", "pip"}, args...)
	full = append(full, pipFlags...)
	if p.IndexURL != "" && !slices.Contains(args, "--no-index") {
		full = append(full, "--index-url", p.IndexURL)
	}
	cmd := exec.CommandContext(ctx, p.python(), full...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "PYTHONDONTWRITEBYTECODE=1"), p.Env...)
	var stderr bytes.Buffer
	cmd.Stdout = io.Discard
	cmd.Stderr = &stderr
	if p.Log != nil {
		p.Log.Debug("pip", "args", full)
	}
	if err := cmd.Run(); err != nil {
		all := stderr.String()
		msg := tail(strings.TrimSpace(all), 600)
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			return fmt.Errorf("running pip (%s -m pip): %w (install pip for that interpreter: apt-get install python3-pip, or pass --python)", p.python(), err)
		}
		if strings.Contains(all, "No module named pip") {
			return fmt.Errorf("%s has no pip: apt-get install python3-pip, or pass --python", p.python())
		}
		if strings.Contains(all, "DO NOT MATCH THE HASHES") {
			return fmt.Errorf("%w: pip: %s", ErrIntegrity, msg)
		}
		if strings.Contains(all, "No matching distribution found") || strings.Contains(all, "Could not find a version") {
			return &InputError{fmt.Errorf("%w: %s", errNoWheel, msg)}
		}
		if strings.Contains(all, "ResolutionImpossible") || strings.Contains(all, "is not a supported wheel") {
			return &InputError{fmt.Errorf("pip: %s", msg)}
		}
		return fmt.Errorf("pip: %w: %s", err, msg)
	}
	return nil
}

// pipReport is the part of pip's installation report (pip install
// --dry-run --report) depbox reads.
type pipReport struct {
	Install []struct {
		DownloadInfo struct {
			URL         string `json:"url"`
			ArchiveInfo struct {
				Hash   string            `json:"hash"`
				Hashes map[string]string `json:"hashes"`
			} `json:"archive_info"`
		} `json:"download_info"`
		IsDirect  bool `json:"is_direct"`
		Requested bool `json:"requested"`
		Metadata  struct {
			Name    string `json:"name"`
			Version string `json:"version"`
		} `json:"metadata"`
	} `json:"install"`
}

// Resolve pins s to one wheel and the wheels of its dependency tree, in
// dir: pip resolves the tree (wheels only) and reports the sha256 the index
// lists for each file; pip then downloads exactly those files, with those
// hashes required; depbox hashes each file itself. A local wheel is copied
// first (its dependencies come from the index).
func (p *PyPI) Resolve(ctx context.Context, s Spec, dir string) (*Resolved, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	req := s.Name
	if s.Version != "" {
		req += "==" + s.Version
	}
	var local string
	if s.IsTarball() && strings.HasSuffix(s.Tarball, ".tar.gz") {
		return resolveSdist(s, s.Tarball, "", dir)
	}
	if s.IsTarball() {
		var err error
		if local, err = copyWheel(s.Tarball, dir); err != nil {
			return nil, err
		}
		req = local
	}
	report := filepath.Join(dir, "pip-report.json")
	if err := p.pip(ctx, dir, "install", "--dry-run", "--ignore-installed", "--quiet", "--report", report, req); err != nil {
		if errors.Is(err, errNoWheel) && local == "" {
			// The index may offer an sdist only: built in the sandbox.
			return p.indexSdist(ctx, s, dir)
		}
		return nil, fmt.Errorf("resolving %s: %w", s, err)
	}
	var rep pipReport
	data, err := os.ReadFile(report)
	if err != nil {
		return nil, fmt.Errorf("resolving %s: pip wrote no report: %w", s, err)
	}
	if err := json.Unmarshal(data, &rep); err != nil {
		return nil, fmt.Errorf("resolving %s: reading pip's report: %w", s, err)
	}
	var wheels []wheelFile
	var reqs strings.Builder
	top := -1
	for _, it := range rep.Install {
		w := wheelFile{Name: it.Metadata.Name, Version: it.Metadata.Version, SHA256: it.DownloadInfo.ArchiveInfo.Hashes["sha256"]}
		if w.SHA256 == "" {
			w.SHA256, _ = strings.CutPrefix(it.DownloadInfo.ArchiveInfo.Hash, "sha256=")
		}
		if it.Requested {
			top = len(wheels)
		}
		if local != "" && it.IsDirect {
			w.File = local // hashed below, like the downloads
		} else {
			if !validHex(w.SHA256) {
				return nil, fmt.Errorf("%w: %s %s: the index lists no sha256 for %s, so depbox cannot check the file (use an index that lists hashes, as PEP 503 recommends)", ErrIntegrity, w.Name, w.Version, it.DownloadInfo.URL)
			}
			fmt.Fprintf(&reqs, "%s==%s --hash=sha256:%s\n", w.Name, w.Version, w.SHA256)
			w.File = filepath.Join(dir, "wheels", urlBase(it.DownloadInfo.URL))
		}
		wheels = append(wheels, w)
	}
	if top < 0 {
		return nil, fmt.Errorf("resolving %s: pip's report names no requested distribution", s)
	}
	if reqs.Len() > 0 {
		if err := os.WriteFile(filepath.Join(dir, "requirements.txt"), []byte(reqs.String()), 0o600); err != nil {
			return nil, err
		}
		if err := p.pip(ctx, dir, "download", "--no-deps", "--require-hashes", "--quiet", "-r", "requirements.txt", "-d", "wheels"); err != nil {
			return nil, fmt.Errorf("downloading %s: %w", s, err)
		}
	}
	for i := range wheels {
		w := &wheels[i]
		sum, err := sha256File(w.File)
		if err != nil {
			return nil, fmt.Errorf("downloading %s: %s %s: %w", s, w.Name, w.Version, err)
		}
		if w.SHA256 == "" && w.File == local {
			w.SHA256 = sum
		}
		if sum != strings.ToLower(w.SHA256) {
			return nil, fmt.Errorf("%w: %s: the file hashes to sha256 %s, the index lists %s", ErrIntegrity, filepath.Base(w.File), sum, w.SHA256)
		}
	}
	w := wheels[top]
	name, version, distInfo, err := wheelMetadata(w.File)
	if err != nil {
		return nil, &InputError{fmt.Errorf("wheel %s: %w", filepath.Base(w.File), err)}
	}
	if bundle.NormalizeName(name) != bundle.NormalizeName(w.Name) || version != w.Version ||
		!s.IsTarball() && (bundle.NormalizeName(name) != bundle.NormalizeName(s.Name) || s.Version != "" && s.Version != version) {
		return nil, fmt.Errorf("%w: %s: the wheel's METADATA says %s %s (pip resolved %s %s)", ErrIntegrity, s, name, version, w.Name, w.Version)
	}
	sum, err := hashFile(w.File)
	if err != nil {
		return nil, err
	}
	return &Resolved{Spec: s, Name: name, Version: version, Integrity: sum, File: w.File, Path: distInfo, wheels: wheels}, nil
}

// Install installs r's wheels into dir, pip install --target style (the
// layout of a deployment package), from the private files only: no index,
// hashes required, no byte-compiling, nothing built.
func (p *PyPI) Install(ctx context.Context, r *Resolved, dir string) (*Installed, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	var reqs strings.Builder
	for _, w := range r.wheels {
		fmt.Fprintf(&reqs, "%s --hash=sha256:%s\n", w.File, w.SHA256)
	}
	reqFile := filepath.Join(filepath.Dir(dir), "install-requirements.txt")
	if err := os.WriteFile(reqFile, []byte(reqs.String()), 0o600); err != nil {
		return nil, err
	}
	if err := p.pip(ctx, filepath.Dir(dir), "install", "--no-index", "--no-deps", "--no-compile", "--require-hashes", "--quiet",
		"--target", dir, "-r", reqFile); err != nil {
		return nil, fmt.Errorf("installing %s: %w", r.Label(), err)
	}
	if _, err := os.Stat(filepath.Join(dir, r.Path, "METADATA")); err != nil {
		return nil, fmt.Errorf("installing %s: pip did not install %s: %w", r.Label(), r.Path, err)
	}
	return &Installed{Dir: dir, Path: r.Path}, nil
}

// maxWheel bounds a local wheel's copy; maxMetadata its METADATA.
const (
	maxWheel    = 512 << 20
	maxMetadata = 4 << 20
)

// wheelNameRE is a wheel's file name (PEP 427): pip refuses other names.
var wheelNameRE = regexp.MustCompile(`^[A-Za-z0-9_.]+-[A-Za-z0-9_.!+]+(-[0-9][A-Za-z0-9_.]*)?-[A-Za-z0-9_.]+-[A-Za-z0-9_.]+-[A-Za-z0-9_.]+\.whl$`)

// copyWheel copies a local wheel into dir under its own name (pip reads
// the tags from it) and returns the copy's path.
func copyWheel(file, dir string) (string, error) {
	base := filepath.Base(file)
	if !wheelNameRE.MatchString(base) {
		return "", &InputError{fmt.Errorf("wheel %s: not a wheel's file name (NAME-VERSION-PYTHON-ABI-PLATFORM.whl, PEP 427)", file)}
	}
	in, err := os.Open(file)
	if err != nil {
		return "", &InputError{fmt.Errorf("wheel %s: %w", file, err)}
	}
	defer in.Close()
	if fi, err := in.Stat(); err != nil || !fi.Mode().IsRegular() {
		return "", &InputError{fmt.Errorf("wheel %s: not a regular file", file)}
	}
	dst := filepath.Join(dir, base)
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return "", err
	}
	n, err := io.Copy(out, io.LimitReader(in, maxWheel+1))
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", fmt.Errorf("copying %s: %w", file, err)
	}
	if n > maxWheel {
		return "", &InputError{fmt.Errorf("wheel %s is larger than %d MiB", file, maxWheel>>20)}
	}
	return dst, nil
}

// wheelMetadata reads name and version from a wheel's
// NAME-VERSION.dist-info/METADATA, without unpacking anything, and returns
// that directory's name (the distribution's install path in profiles).
func wheelMetadata(file string) (name, version, distInfo string, err error) {
	zr, err := zip.OpenReader(file)
	if err != nil {
		return "", "", "", fmt.Errorf("not a wheel (zip): %w", err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		dir, base := path.Split(f.Name)
		if base != "METADATA" || strings.Count(dir, "/") != 1 || !strings.HasSuffix(dir, ".dist-info/") {
			continue
		}
		if distInfo != "" {
			return "", "", "", errors.New("more than one .dist-info directory")
		}
		distInfo = strings.TrimSuffix(dir, "/")
		if f.UncompressedSize64 > maxMetadata {
			return "", "", "", fmt.Errorf("%s is larger than %d MiB", f.Name, maxMetadata>>20)
		}
		rc, err := f.Open()
		if err != nil {
			return "", "", "", err
		}
		data, err := io.ReadAll(io.LimitReader(rc, maxMetadata))
		rc.Close()
		if err != nil {
			return "", "", "", fmt.Errorf("%s: %w", f.Name, err)
		}
		msg, err := mail.ReadMessage(bytes.NewReader(append(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), '\n', '\n')))
		if err != nil {
			return "", "", "", fmt.Errorf("%s: %w", f.Name, err)
		}
		name, version = strings.TrimSpace(msg.Header.Get("Name")), strings.TrimSpace(msg.Header.Get("Version"))
	}
	if distInfo == "" {
		return "", "", "", errors.New("no NAME-VERSION.dist-info/METADATA at its top")
	}
	if name == "" || version == "" || !pypiNameRE.MatchString(name) {
		return "", "", "", fmt.Errorf("%s/METADATA has no valid Name or no Version", distInfo)
	}
	return name, version, distInfo, nil
}

func sha256File(file string) (string, error) {
	f, err := os.Open(file)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func validHex(s string) bool {
	b, err := hex.DecodeString(s)
	return err == nil && len(b) == sha256.Size
}

// urlBase is the file name a download URL ends in.
func urlBase(raw string) string {
	if u, err := url.Parse(raw); err == nil {
		raw = u.Path
	}
	b, err := url.PathUnescape(path.Base(raw))
	if err != nil {
		return path.Base(raw)
	}
	return b
}
