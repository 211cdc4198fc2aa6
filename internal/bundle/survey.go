package bundle

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"golang.org/x/sys/unix"

	"github.com/depbox/depbox/internal/contenthash"
)

// ErrNoMemo: Survey was given a memo directory that holds no memo of the
// bundle (its first scan there): every file would be read, and read again
// if it is staged; Open it, with Options.Memo, instead.
var ErrNoMemo = errors.New("no memo of the bundle's files yet")

// Survey describes the bundle directory src as Open would stage it — the
// same Digest, runtime, handler and packages, the same checks of hostile
// input — without copying it: for a re-scan whose results all come from
// a cache, the copy is never used. Each file's content hash is taken
// from the memo in memoDir (contenthash.Tree, keyed by the file's path
// below src and its identity: device, inode, size, modification and
// change time) when the file is unchanged, and read and hashed otherwise;
// the files the description itself needs (package.json, lockfiles,
// templates, the function's JavaScript) are read from src, through no
// symlink, and checked against their hash. The returned Bundle has no
// Root; Open stages it when a sandbox is to run (and its Digest must then
// be the same). A bundle that is a zip, or has layers, is not surveyed:
// Open it.
func Survey(src string, opts Options, memoDir string) (*Bundle, error) {
	opts = opts.withDefaults()
	if len(opts.Layers) > 0 {
		return nil, errors.New("surveying a bundle: layers are staged, not surveyed; open the bundle")
	}
	info, err := os.Stat(src)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, &InputError{Path: src, Msg: "does not exist; pass a bundle directory or a .zip deployment package", Err: err}
		}
		return nil, fmt.Errorf("opening the bundle: %w", err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("surveying %s: not a directory; open the bundle", src)
	}
	real, err := realDir(src)
	if err != nil {
		return nil, err
	}
	if memoDir != "" && !contenthash.HasTree(memoDir, real) {
		return nil, ErrNoMemo
	}
	t := newTree(opts)
	release, err := collectSourceDir(t, src, "")
	if err != nil {
		return nil, err
	}
	defer release()
	if err := t.finish(); err != nil {
		return nil, err
	}
	memo := contenthash.OpenTree(memoDir, real)
	if err := t.hashSource(memo); err != nil {
		return nil, err
	}
	b := &Bundle{Digest: t.digest(), staged: t}
	if err := describe(b, t, src, opts); err != nil {
		return nil, err
	}
	if err := memo.Save(); err != nil {
		return nil, err
	}
	return b, nil
}

// hashSource fills in the content hash of every file of a listed
// directory bundle: from memo when the file's identity is the one
// remembered, else by reading it (within the limits staging enforces)
// and checking that its identity did not change while it was read.
func (t *tree) hashSource(memo *contenthash.Tree) error {
	if t.copyBuf == nil {
		t.copyBuf = make([]byte, 64<<10)
	}
	var total int64
	for _, name := range t.names {
		e := t.entries[name]
		if e.kind != kindFile {
			continue
		}
		if e.stat == nil {
			return fmt.Errorf("hashing %s: not listed from a directory", name)
		}
		id := contenthash.IdentityOf(e.stat)
		if sum, ok := memo.Lookup(name, id); ok {
			e.sum = sum
			total += e.size
			continue
		}
		rc, err := e.open()
		if err != nil {
			return err
		}
		g := &guard{t: t, e: e, total: total, h: sha256.New()}
		limit := min(t.opts.MaxFileBytes, t.opts.MaxTotalBytes-total) + 1
		n, err := io.CopyBuffer(g.h, g.wrap(io.LimitReader(rc, limit)), t.copyBuf)
		var after unix.Stat_t
		if err == nil {
			err = unix.Fstat(rc.(fdReader).fd, &after)
		}
		rc.Close()
		if err != nil {
			var ie *InputError
			if errors.As(err, &ie) {
				return err
			}
			return fmt.Errorf("hashing %s: %w", name, err)
		}
		if contenthash.IdentityOf(&after) != id || n != e.size {
			return fmt.Errorf("%s changed while the bundle was being read; scan again", name)
		}
		copy(e.sum[:], g.h.Sum(nil))
		memo.Add(name, id, e.sum)
		total += n
	}
	return nil
}

// readFile returns the content of the bundle file real (a path without
// symlinks): from the staged copy, or for a surveyed bundle from its
// source, checked against the hash the bundle's digest was made of.
func (t *tree) readFile(real string) ([]byte, error) {
	if t.root != nil {
		return t.root.ReadFile(real)
	}
	e := t.entries[real]
	if e == nil || e.kind != kindFile || e.open == nil {
		return nil, &fs.PathError{Op: "read", Path: real, Err: fs.ErrNotExist}
	}
	rc, err := e.open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, t.opts.MaxFileBytes+1))
	if err != nil {
		return nil, err
	}
	if sha256.Sum256(data) != e.sum {
		return nil, fmt.Errorf("%s changed while the bundle was being read; scan again", real)
	}
	return data, nil
}
