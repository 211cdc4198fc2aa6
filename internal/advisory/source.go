package advisory

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// maxRecordSize bounds one record's decompressed size (the largest real
// OSV records are a few hundred KiB); a larger entry is a zip bomb or not a
// record, and is skipped as invalid.
const maxRecordSize = 16 << 20

// Source is a set of OSV records: an all.zip, a directory of JSON records,
// or several of those (depbox's database with its feeds).
type Source interface {
	// String names the source in messages.
	String() string
	// StatFingerprint identifies the source's current state cheaply (names,
	// sizes and modification times).
	StatFingerprint() (string, error)
	// ContentFingerprint identifies the source's content (sha256 of zips;
	// for directories, the listing with sizes and modification times). It is
	// computed only when the stat fingerprint changed.
	ContentFingerprint() (string, error)
	// Entries lists the source's record files. Read may be called from
	// several goroutines at once. close releases the source.
	Entries() (entries []Entry, close func() error, err error)
}

// Entry is one record file of a source.
type Entry struct {
	Name string
	Read func() ([]byte, error)
}

// ZipSource is an all.zip as OSV exports it (records at any depth; every
// *.json file is a record).
type ZipSource struct{ Path string }

func (s ZipSource) String() string { return s.Path }

func (s ZipSource) StatFingerprint() (string, error) {
	fi, err := os.Stat(s.Path)
	if err != nil {
		return "", err
	}
	abs, _ := filepath.Abs(s.Path)
	return fmt.Sprintf("zip %s %d %d", abs, fi.Size(), fi.ModTime().UnixNano()), nil
}

func (s ZipSource) ContentFingerprint() (string, error) {
	f, err := os.Open(s.Path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("hashing %s: %w", s.Path, err)
	}
	return "zip sha256:" + hex.EncodeToString(h.Sum(nil)), nil
}

func (s ZipSource) Entries() ([]Entry, func() error, error) {
	zr, err := zip.OpenReader(s.Path)
	if err != nil {
		return nil, nil, fmt.Errorf("reading OSV archive %s: %w (is it a complete all.zip? download or import it again)", s.Path, err)
	}
	var out []Entry
	for _, f := range zr.File {
		if f.FileInfo().IsDir() || !strings.HasSuffix(strings.ToLower(f.Name), ".json") {
			continue
		}
		f := f
		out = append(out, Entry{Name: f.Name, Read: func() ([]byte, error) {
			if f.UncompressedSize64 > maxRecordSize {
				return nil, fmt.Errorf("%s: %d bytes is too large for an OSV record", f.Name, f.UncompressedSize64)
			}
			rc, err := f.Open()
			if err != nil {
				return nil, err
			}
			defer rc.Close()
			return readLimited(rc, f.Name)
		}})
	}
	return out, zr.Close, nil
}

func readLimited(r io.Reader, name string) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxRecordSize+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxRecordSize {
		return nil, fmt.Errorf("%s: too large for an OSV record", name)
	}
	return b, nil
}

// DirSource is a directory tree of OSV JSON records, such as the
// malicious-packages repository (osv/malicious/npm/<name>/MAL-*.json, scoped
// names as @scope/name directories) or an unpacked all.zip.
type DirSource struct{ Path string }

func (s DirSource) String() string { return s.Path }

type dirFile struct {
	rel  string
	size int64
	mod  int64
}

func (s DirSource) list() ([]dirFile, error) {
	var out []dirFile
	err := filepath.WalkDir(s.Path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); p != s.Path && (strings.HasPrefix(n, ".") || n == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || !strings.HasSuffix(strings.ToLower(d.Name()), ".json") {
			return nil
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(s.Path, p)
		out = append(out, dirFile{filepath.ToSlash(rel), fi.Size(), fi.ModTime().UnixNano()})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading OSV records in %s: %w", s.Path, err)
	}
	slices.SortFunc(out, func(a, b dirFile) int { return strings.Compare(a.rel, b.rel) })
	return out, nil
}

func (s DirSource) StatFingerprint() (string, error) {
	files, err := s.list()
	if err != nil {
		return "", err
	}
	h := sha256.New()
	abs, _ := filepath.Abs(s.Path)
	fmt.Fprintf(h, "%s\n", abs)
	for _, f := range files {
		fmt.Fprintf(h, "%s\x00%d\x00%d\n", f.rel, f.size, f.mod)
	}
	return "dir sha256:" + hex.EncodeToString(h.Sum(nil)), nil
}

func (s DirSource) ContentFingerprint() (string, error) { return s.StatFingerprint() }

func (s DirSource) Entries() ([]Entry, func() error, error) {
	files, err := s.list()
	if err != nil {
		return nil, nil, err
	}
	out := make([]Entry, 0, len(files))
	for _, f := range files {
		p := filepath.Join(s.Path, filepath.FromSlash(f.rel))
		name := f.rel
		out = append(out, Entry{Name: name, Read: func() ([]byte, error) {
			fh, err := os.Open(p)
			if err != nil {
				return nil, err
			}
			defer fh.Close()
			return readLimited(fh, name)
		}})
	}
	return out, func() error { return nil }, nil
}

// MultiSource is several sources read as one.
type MultiSource []Source

func (m MultiSource) String() string {
	var s []string
	for _, x := range m {
		s = append(s, x.String())
	}
	return strings.Join(s, ", ")
}

func (m MultiSource) StatFingerprint() (string, error) {
	return m.join(Source.StatFingerprint)
}

func (m MultiSource) ContentFingerprint() (string, error) {
	return m.join(Source.ContentFingerprint)
}

func (m MultiSource) join(f func(Source) (string, error)) (string, error) {
	var parts []string
	for _, s := range m {
		fp, err := f(s)
		if err != nil {
			return "", err
		}
		parts = append(parts, fp)
	}
	return strings.Join(parts, "\n"), nil
}

func (m MultiSource) Entries() ([]Entry, func() error, error) {
	var all []Entry
	var closers []func() error
	closeAll := func() error {
		var errs []error
		for _, c := range closers {
			errs = append(errs, c())
		}
		return errors.Join(errs...)
	}
	for _, s := range m {
		es, c, err := s.Entries()
		if err != nil {
			closeAll()
			return nil, nil, err
		}
		closers = append(closers, c)
		all = append(all, es...)
	}
	return all, closeAll, nil
}
