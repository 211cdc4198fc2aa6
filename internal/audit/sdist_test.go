package audit_test

import (
	"archive/tar"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/depbox/depbox/internal/audit"
	"github.com/depbox/depbox/internal/audit/audittest"
	"github.com/depbox/depbox/internal/scan"
	"github.com/depbox/depbox/internal/verdict"
	"github.com/depbox/depbox/profile"
)

// TestSdistHostileInput audits hostile source distributions given as
// local .tar.gz files: each is refused while it is unpacked on the host,
// before anything runs, as the input's fault (exit 2), with an error
// naming what is wrong; no sandbox is started.
func TestSdistHostileInput(t *testing.T) {
	a := &audit.Auditor{Scan: func(context.Context, scan.Options) (*profile.Profile, *scan.Stats, error) {
		t.Fatal("a hostile sdist reached the sandbox")
		return nil, nil, nil
	}}
	base := audittest.Sdist{Name: "hostile", Version: "1.0", Files: map[string]string{"setup.py": "raise SystemExit('never run')\n"}}
	with := func(raw ...tar.Header) audittest.Sdist {
		s := base
		s.Raw = raw
		return s
	}
	noPkgInfo := base
	noPkgInfo.Files = map[string]string{"PKG-INFO": "", "setup.py": ""}
	dir := t.TempDir()
	notGzip := filepath.Join(dir, "plain-1.0.tar.gz")
	if err := os.WriteFile(notGzip, []byte("PKG-INFO\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, want string
		sdist      audittest.Sdist
		file       string
	}{
		{name: "path traversal", want: "path traversal", sdist: with(tar.Header{Name: "hostile-1.0/../../evil.py", Typeflag: tar.TypeReg, Mode: 0o644, Size: 1})},
		{name: "absolute path", want: "path traversal", sdist: with(tar.Header{Name: "/etc/evil", Typeflag: tar.TypeReg, Mode: 0o644, Size: 1})},
		{name: "second top directory", want: "outside the top directory", sdist: with(tar.Header{Name: "other/setup.py", Typeflag: tar.TypeReg, Mode: 0o644, Size: 1})},
		{name: "symlink", want: "symbolic link", sdist: with(tar.Header{Name: "hostile-1.0/link", Typeflag: tar.TypeSymlink, Linkname: "/etc/passwd"})},
		{name: "hard link", want: "hard link", sdist: with(tar.Header{Name: "hostile-1.0/hard", Typeflag: tar.TypeLink, Linkname: "/etc/passwd"})},
		{name: "device", want: "device", sdist: with(tar.Header{Name: "hostile-1.0/dev", Typeflag: tar.TypeChar, Devmajor: 1, Devminor: 3})},
		{name: "no PKG-INFO metadata", want: "no valid Name", sdist: noPkgInfo},
		{name: "not gzip", want: "gzip", file: notGzip},
	} {
		t.Run(tt.name, func(t *testing.T) {
			file := tt.file
			if file == "" {
				file = audittest.WriteSdist(t, t.TempDir(), tt.sdist)
			}
			spec, err := audit.ParseSpec(file)
			if err != nil {
				t.Fatal(err)
			}
			if tt.file != "" {
				spec.Ecosystem = audit.EcosystemPyPI // sniffing cannot tell: say it
			}
			_, err = a.Audit(context.Background(), spec)
			t.Logf("%v", err)
			if err == nil || !audit.IsInput(err) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v (input error %v), want an input error about %q", err, audit.IsInput(err), tt.want)
			}
		})
	}
}

// TestAuditSdist audits source distributions in the real sandbox, from a
// PEP 503 index on loopback that offers only the sdist, and as local
// files: the build runs in the sandbox in the install phase, the stealer's
// setup.py gets its bait read and *.invalid lookup reported there (DBX005,
// DBX008) and nothing at import; the benign one, and its dependency (a
// wheel from the index), have no finding; a local file of the same bytes
// comes from the cache; a build that exits leaves an incomplete profile.
func TestAuditSdist(t *testing.T) {
	requirePip(t)
	a, _ := auditor(t)
	ix := audittest.NewIndex(t, audittest.PyHelper)
	ix.AddSdist(t, audittest.SdistStealer)
	ix.AddSdist(t, audittest.SdistPlain)
	a.PyPI = pypiSource(ix)
	high := func(p *profile.Profile) []string {
		var out []string
		for _, f := range verdict.Evaluate(verdict.Input{Profile: p}, verdict.Options{}).AtOrAbove(verdict.High) {
			out = append(out, f.Rule+" "+f.Path+" "+f.Phase)
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	audit1 := func(raw string) *audit.Result {
		t.Helper()
		spec, err := audit.ParseSpec(raw)
		if err != nil {
			t.Fatal(err)
		}
		r, err := a.Audit(context.Background(), spec)
		if err != nil {
			t.Fatalf("%s: %v", raw, err)
		}
		return r
	}

	r := audit1("pypi:setup-stealer@0.3")
	if r.Profile.Incomplete || r.Path != "setup_stealer-0.3.dist-info" || r.Name != "setup-stealer" || r.Version != "0.3" {
		t.Fatalf("stealer: %s %s at %s, incomplete %v: %+v", r.Name, r.Version, r.Path, r.Profile.Incomplete, r.Profile.Problems)
	}
	src := r.Profile.Dependency(audittest.SdistStealer.Top())
	if src == nil || src.Phases[profile.PhaseInstall] == nil || src.Name != "setup-stealer" || src.Integrity != r.Integrity {
		t.Fatalf("the built sdist is not in the profile at %s with its install phase: %+v", audittest.SdistStealer.Top(), r.Profile.Dependencies)
	}
	inst := src.Phases[profile.PhaseInstall]
	if !hasFile(inst, "/home/sbx_user/.aws/credentials") || !slices.ContainsFunc(inst.DNS, func(d profile.DNSQuery) bool { return strings.HasPrefix(d.Name, "drop.setup-stealer.invalid") }) {
		t.Errorf("the build's bait read or lookup is missing from the install phase: %+v", inst)
	}
	if got, want := strings.Join(high(r.Profile), ", "), "DBX005 setup_stealer-0.3 install, DBX008 setup_stealer-0.3 install"; got != want {
		t.Errorf("findings %q, want %q", got, want)
	}
	if b := phase(t, r, profile.PhaseImport); !b.Empty() {
		t.Errorf("the installed module does nothing at import, got %+v", b)
	}
	if !slices.Contains(ix.Served(), "/files/"+audittest.SdistStealer.FileName()) {
		t.Errorf("the index never served the sdist: %v", ix.Served())
	}
	lr := audit1(audittest.WriteSdist(t, t.TempDir(), audittest.SdistStealer))
	if !lr.Cached || lr.Integrity != r.Integrity || lr.Path != r.Path {
		t.Errorf("local sdist: cached %v, integrity %s (want %s), path %s", lr.Cached, lr.Integrity, r.Integrity, lr.Path)
	}

	pr := audit1("pypi:plain-sdist")
	if pr.Profile.Incomplete || pr.Path != "plain_sdist-1.0.dist-info" || pr.Profile.Dependency(audittest.PyHelper.DistInfo()) == nil {
		t.Fatalf("plain: %s, incomplete %v %+v, dependencies %+v", pr.Path, pr.Profile.Incomplete, pr.Profile.Problems, pr.Profile.Dependencies)
	}
	if f := high(pr.Profile); len(f) > 0 {
		t.Errorf("a benign sdist has findings: %v", f)
	}

	exits := audittest.Sdist{Name: "build-exits", Version: "0.1", Files: map[string]string{"setup.py": "import sys\nsys.exit('refusing to build')\n"}}
	er := audit1(audittest.WriteSdist(t, t.TempDir(), exits))
	if !er.Profile.Incomplete || !slices.ContainsFunc(er.Profile.Problems, func(p profile.Problem) bool { return p.Code == "build-failed" && p.Fatal }) {
		t.Errorf("a failed build: incomplete %v, problems %+v", er.Profile.Incomplete, er.Profile.Problems)
	}
}
