package report

import (
	"bufio"
	"bytes"
	"io/fs"
	"path"
	"strings"

	"github.com/depbox/depbox/profile"
)

// locator finds the line that declares a dependency in the bundle's
// lockfile or package.json.
type locator struct {
	root     fs.FS
	lockfile string
	files    map[string][]string // bundle-relative path → lines; nil entry: unreadable
}

func newLocator(root fs.FS, lockfile string) *locator {
	if lockfile == "" {
		lockfile = "package-lock.json"
	}
	return &locator{root: root, lockfile: lockfile, files: map[string][]string{}}
}

func (l *locator) lines(name string) []string {
	if l.root == nil {
		return nil
	}
	if ls, ok := l.files[name]; ok {
		return ls
	}
	var ls []string
	if data, err := fs.ReadFile(l.root, name); err == nil {
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
		for sc.Scan() {
			ls = append(ls, sc.Text())
		}
	}
	l.files[name] = ls
	return ls
}

// exists reports whether the bundle has the file.
func (l *locator) exists(name string) bool { return len(l.lines(name)) > 0 }

// locate returns the file and 1-based line declaring the dependency at
// install path installPath: the `"node_modules/<path>": {` entry of
// package-lock.json (lockfile v2/v3; npm-shrinkwrap.json alike), else the
// dependency's line in package.json's dependency lists, else line 1 of the
// lockfile or package.json; a package bundled into a file of the function,
// the first line of that file naming it. Line is 0 when neither file can
// be read.
func (l *locator) locate(name, installPath string) (file string, line int) {
	if bf, ip, ok := strings.Cut(installPath, profile.BundledSeparator); ok {
		// Bundled into a file of the function: where the bundle names it
		// (esbuild's region comment, webpack's module id), else its line 1.
		for i, s := range l.lines(bf) {
			if strings.Contains(s, ip+"/") {
				return bf, i + 1
			}
		}
		if l.exists(bf) {
			return bf, 1
		}
		return bf, 0
	}
	lock := l.lockfile
	if installPath != "" && strings.HasSuffix(lock, ".json") {
		key := `"` + installPath + `"`
		for i, s := range l.lines(lock) {
			t := strings.TrimSpace(s)
			if strings.HasPrefix(t, key) && strings.HasPrefix(strings.TrimSpace(t[len(key):]), ":") {
				return lock, i + 1
			}
		}
	}
	if name != "" {
		// Direct dependencies appear in package.json's dependency lists.
		key := `"` + name + `"`
		inDeps := false
		for i, s := range l.lines("package.json") {
			t := strings.TrimSpace(s)
			switch {
			case strings.HasPrefix(t, `"dependencies"`), strings.HasPrefix(t, `"optionalDependencies"`),
				strings.HasPrefix(t, `"devDependencies"`), strings.HasPrefix(t, `"peerDependencies"`):
				inDeps = !strings.Contains(t, "}")
				if strings.Contains(t, key+":") || strings.Contains(t, key+" :") {
					return "package.json", i + 1
				}
			case inDeps && strings.HasPrefix(t, "}"):
				inDeps = false
			case inDeps && strings.HasPrefix(t, key):
				return "package.json", i + 1
			}
		}
		// A lockfile in another format (yarn.lock: `name@range`).
		if !strings.HasSuffix(lock, ".json") {
			for i, s := range l.lines(lock) {
				t := strings.TrimLeft(s, `"`)
				if strings.HasPrefix(t, name+"@") {
					return lock, i + 1
				}
			}
		}
	}
	for _, f := range []string{lock, "package.json"} {
		if l.exists(f) {
			return f, 1
		}
	}
	return path.Clean(lock), 0
}
