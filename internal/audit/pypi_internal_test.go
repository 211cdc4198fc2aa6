package audit

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/depbox/depbox/internal/audit/audittest"
)

// zipFile writes a zip of files and returns its path.
func zipFile(t *testing.T, dir, name string, files map[string]string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for n, body := range files {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return p
}

func TestWheelMetadata(t *testing.T) {
	dir := t.TempDir()
	w := audittest.Wheel{Name: "Zope.Interface", Version: "6.0.post1", Files: map[string]string{"zope/interface/__init__.py": ""}}
	name, version, distInfo, err := wheelMetadata(audittest.WriteWheel(t, dir, w))
	if err != nil || name != "Zope.Interface" || version != "6.0.post1" || distInfo != "Zope_Interface-6.0.post1.dist-info" {
		t.Errorf("wheelMetadata = %q %q %q %v", name, version, distInfo, err)
	}
	tests := []struct {
		files map[string]string
		err   string
	}{
		{map[string]string{"a/__init__.py": ""}, "no NAME-VERSION.dist-info/METADATA"},
		{map[string]string{"a-1.dist-info/METADATA": "Name: a\nVersion: 1\n", "b-1.dist-info/METADATA": "Name: b\nVersion: 1\n"}, "more than one"},
		{map[string]string{"a-1.dist-info/METADATA": "Name: a\n"}, "no valid Name or no Version"},
		{map[string]string{"a-1.dist-info/METADATA": "Name: -a-\nVersion: 1\n"}, "no valid Name"},
		// Only the top-level metadata directory counts.
		{map[string]string{"x/a-1.dist-info/METADATA": "Name: a\nVersion: 1\n"}, "no NAME-VERSION.dist-info/METADATA"},
	}
	for i, tt := range tests {
		_, _, _, err := wheelMetadata(zipFile(t, dir, "t.whl", tt.files))
		if err == nil || !strings.Contains(err.Error(), tt.err) {
			t.Errorf("case %d: %v, want an error with %q", i, err, tt.err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "plain.whl"), []byte("not a zip"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, _, err := wheelMetadata(filepath.Join(dir, "plain.whl")); err == nil || !strings.Contains(err.Error(), "not a wheel") {
		t.Errorf("not a zip: %v", err)
	}
}

func TestCopyWheel(t *testing.T) {
	dir := t.TempDir()
	good := zipFile(t, dir, "pkg-1.0-py3-none-any.whl", map[string]string{"x": ""})
	if p, err := copyWheel(good, t.TempDir()); err != nil || filepath.Base(p) != "pkg-1.0-py3-none-any.whl" {
		t.Errorf("copyWheel = %q, %v", p, err)
	}
	for _, bad := range []string{zipFile(t, dir, "pkg.whl", nil), filepath.Join(dir, "missing-1.0-py3-none-any.whl"), dir + "/"} {
		if _, err := copyWheel(bad, t.TempDir()); err == nil || !IsInput(err) {
			t.Errorf("copyWheel(%s) = %v, want an input error", bad, err)
		}
	}
}
