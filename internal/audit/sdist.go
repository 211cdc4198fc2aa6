package audit

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/mail"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/depbox/depbox/internal/advisory"
	"github.com/depbox/depbox/internal/bundle"
	"github.com/depbox/depbox/internal/scan"
	"github.com/depbox/depbox/profile"
)

// Source distributions (sdists): a .tar.gz with NAME-VERSION/PKG-INFO at
// its top. On the host depbox only unpacks one, checking every entry;
// building it — running its PEP 517 backend or setup.py — happens in the
// sandbox (scan.BuildSdist), in the install phase, and the wheel that
// build leaves is then resolved, installed and audited like a downloaded
// one.

// Limits for unpacking an sdist on the host.
const (
	maxSdist        = 512 << 20
	maxSdistEntries = 100000
)

// isSdist reports whether file is a gzip-compressed tarball with a
// PKG-INFO in its top directory (and no package.json there: an npm
// tarball), reading only its headers.
func isSdist(file string) bool {
	f, err := os.Open(file)
	if err != nil {
		return false
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return false
	}
	tr := tar.NewReader(&io.LimitedReader{R: gz, N: maxScanned})
	pkgInfo := false
	for n := 0; n < maxSdistEntries; n++ {
		h, err := tr.Next()
		if err != nil {
			return pkgInfo
		}
		dir, base := path.Split(strings.TrimPrefix(path.Clean("/"+h.Name), "/"))
		if strings.Count(dir, "/") == 1 {
			switch base {
			case "package.json":
				return false
			case "PKG-INFO":
				pkgInfo = true
			}
		}
	}
	return pkgInfo
}

// unpackSdist unpacks the sdist file into dst (an empty directory) and
// reads its PKG-INFO. Every entry must be a regular file or a directory
// inside one top directory (no links, devices, absolute paths or ..);
// sizes and counts are bounded. Errors are the input's fault.
func unpackSdist(file, dst string) (*scan.Sdist, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("not a gzip-compressed tarball: %w", err)
	}
	lim := &io.LimitedReader{R: gz, N: maxScanned + 1}
	tr := tar.NewReader(lim)
	var top string
	for n := 0; ; n++ {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if lim.N <= 0 {
				return nil, fmt.Errorf("more than %d MiB uncompressed", maxScanned>>20)
			}
			return nil, fmt.Errorf("reading the tarball: %w", err)
		}
		if n >= maxSdistEntries {
			return nil, fmt.Errorf("more than %d entries", maxSdistEntries)
		}
		name := strings.TrimSuffix(h.Name, "/")
		clean := path.Clean(name)
		if name == "" || path.IsAbs(name) || clean != name && clean+"/" != h.Name || clean == ".." || strings.HasPrefix(clean, "../") || strings.Contains(name, "\\") {
			return nil, fmt.Errorf("entry %q: not a plain relative path inside the tarball (path traversal)", h.Name)
		}
		first, rest, _ := strings.Cut(clean, "/")
		if top == "" {
			top = first
		} else if first != top {
			return nil, fmt.Errorf("entry %q is outside the top directory %s/ (an sdist has one)", h.Name, top)
		}
		target := filepath.Join(dst, filepath.FromSlash(clean))
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(target, 0o755); err != nil {
				return nil, err
			}
		case tar.TypeReg:
			if rest == "" {
				return nil, fmt.Errorf("entry %q: the top of an sdist is a directory, not a file", h.Name)
			}
			if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
				return nil, err
			}
			mode := os.FileMode(0o644)
			if h.Mode&0o111 != 0 {
				mode = 0o755
			}
			out, err := os.OpenFile(target, os.O_CREATE|os.O_EXCL|os.O_WRONLY, mode)
			if err != nil {
				return nil, fmt.Errorf("entry %q: %w (a duplicate entry?)", h.Name, err)
			}
			_, err = io.Copy(out, tr)
			if cerr := out.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				if lim.N <= 0 {
					return nil, fmt.Errorf("more than %d MiB uncompressed", maxScanned>>20)
				}
				return nil, fmt.Errorf("entry %q: %w", h.Name, err)
			}
		default:
			return nil, fmt.Errorf("entry %q is a %s: depbox unpacks only files and directories from an sdist (no links or devices)", h.Name, tarType(h.Typeflag))
		}
	}
	if top == "" {
		return nil, errors.New("the tarball is empty")
	}
	data, err := os.ReadFile(filepath.Join(dst, top, "PKG-INFO"))
	if err != nil {
		return nil, fmt.Errorf("no %s/PKG-INFO: not a Python source distribution (PEP 517 sdists carry their metadata there)", top)
	}
	if len(data) > maxMetadata {
		return nil, fmt.Errorf("%s/PKG-INFO is larger than %d MiB", top, maxMetadata>>20)
	}
	msg, err := mail.ReadMessage(bytes.NewReader(append(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), '\n', '\n')))
	if err != nil {
		return nil, fmt.Errorf("%s/PKG-INFO: %w", top, err)
	}
	name, version := strings.TrimSpace(msg.Header.Get("Name")), strings.TrimSpace(msg.Header.Get("Version"))
	if name == "" || version == "" || !pypiNameRE.MatchString(name) || !pypiVersionRE.MatchString(version) {
		return nil, fmt.Errorf("%s/PKG-INFO has no valid Name or no valid Version", top)
	}
	return &scan.Sdist{Dir: dst, Top: top, Name: name, Version: version}, nil
}

func tarType(t byte) string {
	switch t {
	case tar.TypeSymlink:
		return "symbolic link"
	case tar.TypeLink:
		return "hard link"
	case tar.TypeChar, tar.TypeBlock:
		return "device"
	case tar.TypeFifo:
		return "FIFO"
	}
	return fmt.Sprintf("entry of type %q", t)
}

// resolveSdist copies the sdist file into dir, hashes it and unpacks it
// (nothing of it runs). sha256 is what the index lists ("" for a local
// file).
func resolveSdist(s Spec, file, sha256, dir string) (*Resolved, error) {
	in, err := os.Open(file)
	if err != nil {
		return nil, &InputError{fmt.Errorf("sdist %s: %w", file, err)}
	}
	defer in.Close()
	if fi, err := in.Stat(); err != nil || !fi.Mode().IsRegular() {
		return nil, &InputError{fmt.Errorf("sdist %s: not a regular file", file)}
	}
	cp := filepath.Join(dir, "sdist.tar.gz")
	if file != cp {
		out, err := os.OpenFile(cp, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err != nil {
			return nil, err
		}
		n, err := io.Copy(out, io.LimitReader(in, maxSdist+1))
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, fmt.Errorf("copying %s: %w", file, err)
		}
		if n > maxSdist {
			return nil, &InputError{fmt.Errorf("sdist %s is larger than %d MiB", file, maxSdist>>20)}
		}
	}
	if sha256 != "" {
		sum, err := sha256File(cp)
		if err != nil {
			return nil, err
		}
		if sum != strings.ToLower(sha256) {
			return nil, fmt.Errorf("%w: %s: the file hashes to sha256 %s, the index lists %s", ErrIntegrity, path.Base(file), sum, sha256)
		}
	}
	integrity, err := hashFile(cp)
	if err != nil {
		return nil, err
	}
	src := filepath.Join(dir, "sdist")
	if err := os.Mkdir(src, 0o700); err != nil {
		return nil, err
	}
	sd, err := unpackSdist(cp, src)
	if err != nil {
		return nil, &InputError{fmt.Errorf("sdist %s: %w", file, err)}
	}
	if !s.IsTarball() && (bundle.NormalizeName(sd.Name) != bundle.NormalizeName(s.Name) || s.Version != "" && s.Version != sd.Version) {
		return nil, fmt.Errorf("%w: %s: the sdist's PKG-INFO says %s %s", ErrIntegrity, s, sd.Name, sd.Version)
	}
	return &Resolved{Spec: s, Name: sd.Name, Version: sd.Version, Integrity: integrity, File: cp, sdist: sd}, nil
}

// anchorRE finds the links of a PEP 503 project page.
var anchorRE = regexp.MustCompile(`(?i)<a\s[^>]*href="([^"]+)"`)

// maxIndexPage bounds a project page of the index.
const maxIndexPage = 32 << 20

// indexSdist downloads the sdist of s from the index (PEP 503) when the
// index offers no wheel for it: pip cannot be used for that, since it
// runs the sdist's build backend to read its metadata. The file's sha256
// must be listed and must match.
func (p *PyPI) indexSdist(ctx context.Context, s Spec, dir string) (*Resolved, error) {
	base := p.IndexURL
	if base == "" {
		base = "https://pypi.org/simple/"
	}
	page, err := url.Parse(strings.TrimSuffix(base, "/") + "/" + strings.ToLower(regexp.MustCompile(`[-_.]+`).ReplaceAllString(s.Name, "-")) + "/")
	if err != nil {
		return nil, &InputError{fmt.Errorf("index URL %s: %w", base, err)}
	}
	body, err := httpGet(ctx, page.String(), maxIndexPage)
	if errors.Is(err, errNotFound) {
		return nil, &InputError{fmt.Errorf("%w, and the index has no distribution named %s (%s)", errNoWheel, s.Name, page)}
	}
	if err != nil {
		return nil, fmt.Errorf("reading the index's page for %s: %w", s.Name, err)
	}
	type cand struct{ url, version, sha256 string }
	var best *cand
	for _, m := range anchorRE.FindAllStringSubmatch(string(body), -1) {
		href, err := page.Parse(html.UnescapeString(m[1]))
		if err != nil {
			continue
		}
		file := urlBase(href.String())
		stem, ok := strings.CutSuffix(file, ".tar.gz")
		i := strings.LastIndexByte(stem, '-')
		if !ok || i <= 0 || bundle.NormalizeName(stem[:i]) != bundle.NormalizeName(s.Name) {
			continue
		}
		c := cand{version: stem[i+1:]}
		if sum, ok := strings.CutPrefix(href.Fragment, "sha256="); ok {
			c.sha256 = sum
		}
		href.Fragment = ""
		c.url = href.String()
		switch {
		case s.Version != "":
			if c.version == s.Version {
				best = &c
			}
		case best == nil:
			best = &c
		default:
			if cmp, err := advisory.ComparePEP440(c.version, best.version); err == nil && cmp > 0 {
				best = &c
			}
		}
	}
	if best == nil {
		return nil, &InputError{fmt.Errorf("%w, and the index lists no sdist (.tar.gz) of %s", errNoWheel, s)}
	}
	if !validHex(best.sha256) {
		return nil, fmt.Errorf("%w: %s %s: the index lists no sha256 for %s, so depbox cannot check the file (use an index that lists hashes, as PEP 503 recommends)", ErrIntegrity, s.Name, best.version, best.url)
	}
	data, err := httpGet(ctx, best.url, maxSdist)
	if err != nil {
		return nil, fmt.Errorf("downloading %s: %w", best.url, err)
	}
	file := filepath.Join(dir, "sdist.tar.gz")
	if err := os.WriteFile(file, data, 0o600); err != nil {
		return nil, err
	}
	return resolveSdist(s, file, best.sha256, dir)
}

var errNotFound = errors.New("not found (HTTP 404)")

// httpGet fetches u, at most limit bytes.
func httpGet(ctx context.Context, u string, limit int64) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound {
		return nil, fmt.Errorf("%s: %w", u, errNotFound)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: %s", u, resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s is larger than %d MiB", u, limit>>20)
	}
	return data, nil
}

// build builds r's sdist into a wheel in the sandbox and resolves that
// wheel's dependency tree (wheels from the index, hashes checked), so that
// r installs as a downloaded wheel would; r.Path is then the wheel's
// .dist-info. It returns the build's profile (the distribution at the
// sdist's top directory, with its install phase: addBuild). When the build left no
// wheel, r.Path stays "" and the profile says why (it is incomplete).
func (a *Auditor) build(ctx context.Context, src Source, r *Resolved, o scan.Options, work string) (*profile.Profile, error) {
	o.RecordEvents = "" // the recording is the main scan's
	a.log().Info("building the sdist in the sandbox", "package", r.Label())
	built, err := scan.BuildSdist(ctx, o, *r.sdist, filepath.Join(work, "built"))
	if err != nil {
		return nil, fmt.Errorf("building %s in the sandbox: %w", r.Label(), err)
	}
	if built.Wheel == "" || built.Profile.Incomplete {
		return built.Profile, nil
	}
	w, err := src.Resolve(ctx, Spec{Ecosystem: EcosystemPyPI, Tarball: built.Wheel}, filepath.Join(work, "wheel"))
	if err != nil {
		return nil, fmt.Errorf("resolving the wheel built from %s: %w", r.Label(), err)
	}
	if bundle.NormalizeName(w.Name) != bundle.NormalizeName(r.Name) || !sameVersion(w.Version, r.Version) {
		return nil, fmt.Errorf("%w: %s: the wheel its build made is %s %s", ErrIntegrity, r.Label(), w.Name, w.Version)
	}
	r.wheels, r.Path = w.wheels, w.Path
	return built.Profile, nil
}

// sameVersion compares versions as PEP 440 does (a backend normalises
// the version it writes: 1.0-1 → 1.0.post1).
func sameVersion(a, b string) bool {
	if a == b {
		return true
	}
	c, err := advisory.ComparePEP440(a, b)
	return err == nil && c == 0
}

// addBuild puts what r's build did into the audit's profile p: the
// distribution as it was built, at the sdist's top directory (the paths
// its build wrote to are below it), with its install phase, beside the
// wheel installed at r.Path; and the problems of that sandbox run.
func addBuild(p, build *profile.Profile, r *Resolved) {
	if bd := build.Dependency(r.sdist.Top); bd != nil && p.Dependency(bd.Path) == nil {
		d := *bd
		d.Integrity = r.Integrity
		p.Dependencies = append(p.Dependencies, d)
	}
	if build.App != nil {
		if b := build.App.Phases[profile.PhaseInstall]; b != nil && !b.Empty() {
			if p.App == nil {
				p.App = &profile.Dependency{Name: p.Bundle.Name, Path: ".", Phases: map[string]*profile.Behavior{}}
			}
			p.App.Phases[profile.PhaseInstall] = b
		}
	}
	for _, pr := range build.Problems {
		if !slices.Contains(p.Problems, pr) {
			p.AddProblem(pr)
		}
	}
}

// builtPath is the install path of r's wheel in a profile of an earlier
// audit of the same sdist.
func builtPath(p *profile.Profile, r *Resolved) string {
	for _, d := range p.Dependencies {
		if d.Name == bundle.NormalizeName(r.Name) && sameVersion(d.Version, r.Version) && strings.HasSuffix(d.Path, ".dist-info") {
			return d.Path
		}
	}
	return ""
}
