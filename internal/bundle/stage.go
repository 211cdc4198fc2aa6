package bundle

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"golang.org/x/sys/unix"

	"github.com/depbox/depbox/internal/contenthash"
)

// Compression-bomb check: a zip entry that inflates to more than
// bombMinBytes at a ratio above bombRatio is rejected.
const (
	bombRatio    = 200
	bombMinBytes = 1 << 20
)

// maxLinkTarget bounds the length of a symlink target read from a zip (PATH_MAX).
const maxLinkTarget = 4096

// collectDir lists the directory src into t. The bundle root's .git
// directory is skipped; everything else is listed or rejected. Files are
// opened later, through files (directories of src), when staged.
func collectDir(t *tree, files *dirFDs, srcPaths []string) error {
	return walkDir(files, "", func(p string, info fs.FileInfo) error {
		if p == ".git" && info.IsDir() {
			return fs.SkipDir
		}
		mode := info.Mode()
		switch {
		case mode.IsDir():
			return t.add(&entry{name: p, kind: kindDir})
		case mode.IsRegular():
			if info.Size() > t.opts.MaxFileBytes {
				return limitErr(p, "MaxFileBytes", "is %d bytes, more than the per-file limit of %d; remove it from the bundle or raise the limit", info.Size(), t.opts.MaxFileBytes)
			}
			st, _ := info.Sys().(*unix.Stat_t)
			return t.add(&entry{
				name: p, kind: kindFile, exec: mode&0o111 != 0, size: info.Size(), stat: st,
				open: func() (io.ReadCloser, error) { return openRegular(files, p, info) },
			})
		case mode&fs.ModeSymlink != 0:
			target, err := files.readlink(p)
			if err != nil {
				return fmt.Errorf("reading the symlink %s: %w", p, err)
			}
			if filepath.IsAbs(target) {
				rel, ok := relativeTarget(srcPaths, p, target)
				if !ok {
					return inputErr(p, "is a symlink to %q, outside the bundle; the bundle must be self-contained, replace the link with the file it points to", target)
				}
				target = rel
			}
			return t.add(&entry{name: p, kind: kindLink, target: filepath.ToSlash(target)})
		default:
			return inputErr(p, "is a %s; a bundle may hold only regular files, directories and symlinks, remove it", describeMode(mode))
		}
	})
}

// walkDir calls fn for every entry below the directory dir of d ("" is the
// root), depth first and in lexical order as fs.WalkDir does, and descends
// into each directory unless fn returns fs.SkipDir for it. Each directory
// is opened once, by its base name (dirFDs), and its entries are stat'ed
// relative to it.
func walkDir(d *dirFDs, dir string, fn func(p string, info fs.FileInfo) error) error {
	at := dir
	if at == "" {
		at = "."
	}
	names, err := d.list(dir)
	if err != nil {
		return fmt.Errorf("reading the bundle directory at %s: %w", at, err)
	}
	slices.Sort(names)
	for _, name := range names {
		p := path.Join(dir, name)
		info, err := d.lstat(p)
		if err != nil {
			return fmt.Errorf("reading the bundle directory at %s: %w", p, err)
		}
		err = fn(p, info)
		if err == fs.SkipDir {
			continue
		}
		if err != nil {
			return err
		}
		if info.IsDir() {
			if err := walkDir(d, p, fn); err != nil {
				return err
			}
		}
	}
	return nil
}

// openRegular opens the regular file p of src and makes sure it is still the
// file that was listed (not swapped for a fifo, device or other file since).
func openRegular(src *dirFDs, p string, listed fs.FileInfo) (io.ReadCloser, error) {
	fd, err := src.open(p, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", p, err)
	}
	same, err := sameFile(fd, listed)
	switch {
	case err != nil:
		err = fmt.Errorf("reading %s: %w", p, err)
	case !same:
		err = fmt.Errorf("%s changed while the bundle was being copied", p)
	}
	if err != nil {
		fdReader{fd}.Close()
		return nil, err
	}
	return fdReader{fd}, nil
}

// relativeTarget rewrites an absolute symlink target that points inside the
// bundle directory (known by any of the paths in roots) into a target
// relative to the link's directory.
func relativeTarget(roots []string, link, target string) (string, bool) {
	target = filepath.Clean(target)
	for _, r := range roots {
		rel, err := filepath.Rel(r, target)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			continue
		}
		out, err := filepath.Rel(filepath.Dir(filepath.FromSlash(link)), rel)
		if err != nil {
			continue
		}
		return out, true
	}
	return "", false
}

func describeMode(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe (fifo)"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&(fs.ModeDevice|fs.ModeCharDevice) != 0:
		return "device file"
	default:
		return "special file (" + m.Type().String() + ")"
	}
}

// collectZip lists the zip archive zr into t. Names are checked for zip-slip
// tricks; the tree check rejects duplicates and escaping symlinks.
func collectZip(t *tree, zr *zip.Reader) error {
	if len(zr.File) > t.opts.MaxFiles {
		return limitErr("", "MaxFiles", "the zip has %d entries, more than the limit of %d; remove unneeded files (dev dependencies, caches) or raise the limit", len(zr.File), t.opts.MaxFiles)
	}
	for _, f := range zr.File {
		name, isDir, err := cleanZipName(f.Name)
		if err != nil {
			return err
		}
		if f.Flags&0x1 != 0 {
			return inputErr(f.Name, "is encrypted; depbox needs to read every file, re-create the zip without a password")
		}
		mode := f.Mode()
		switch {
		case isDir || mode.IsDir():
			if mode&fs.ModeSymlink != 0 {
				return inputErr(f.Name, "is marked both as a directory and as a symlink; re-create the zip")
			}
			if name == "." {
				continue // the root directory itself
			}
			if err := t.add(&entry{name: name, kind: kindDir}); err != nil {
				return err
			}
		case mode&fs.ModeSymlink != 0:
			target, err := readZipLink(f)
			if err != nil {
				return err
			}
			if err := t.add(&entry{name: name, kind: kindLink, target: target}); err != nil {
				return err
			}
		case mode.IsRegular():
			if f.UncompressedSize64 > uint64(t.opts.MaxFileBytes) {
				return limitErr(f.Name, "MaxFileBytes", "declares %d bytes, more than the per-file limit of %d; remove it from the bundle or raise the limit", f.UncompressedSize64, t.opts.MaxFileBytes)
			}
			if err := t.add(&entry{
				name: name, kind: kindFile, exec: mode&0o111 != 0,
				size: int64(f.UncompressedSize64), zip: true, csize: int64(f.CompressedSize64),
				open: f.Open,
			}); err != nil {
				return err
			}
		default:
			return inputErr(f.Name, "is a %s; a bundle may hold only regular files, directories and symlinks, re-create the zip without it", describeMode(mode))
		}
	}
	return nil
}

// cleanZipName validates a zip entry name and returns it cleaned. Names that
// are absolute, carry a drive letter or backslashes, contain "..", NUL or
// empty components that change their meaning are rejected rather than
// repaired: a legitimate Lambda zip never has them.
func cleanZipName(name string) (clean string, isDir bool, err error) {
	bad := func(why string) (string, bool, error) {
		return "", false, inputErr(name, "is not a safe zip entry name (%s); re-create the zip with relative paths inside the bundle", why)
	}
	switch {
	case name == "":
		return bad("empty name")
	case strings.ContainsRune(name, 0):
		return bad("contains a NUL byte")
	case strings.Contains(name, `\`):
		return bad("contains a backslash, which some tools treat as a directory separator")
	case strings.HasPrefix(name, "/"):
		return bad("absolute path")
	case len(name) >= 2 && name[1] == ':':
		return bad("drive letter")
	}
	isDir = strings.HasSuffix(name, "/")
	for _, c := range strings.Split(strings.TrimSuffix(name, "/"), "/") {
		if c == ".." {
			return bad(`contains ".."`)
		}
	}
	clean = path.Clean(name)
	if clean == ".." || strings.HasPrefix(clean, "../") || path.IsAbs(clean) {
		return bad("leads outside the bundle")
	}
	if clean == "." && !isDir {
		return bad("names the bundle root as a file")
	}
	return clean, isDir, nil
}

// readZipLink reads a symlink entry's target.
func readZipLink(f *zip.File) (string, error) {
	rc, err := f.Open()
	if err != nil {
		return "", zipReadErr(f.Name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, maxLinkTarget+1))
	if err != nil {
		return "", zipReadErr(f.Name, err)
	}
	if len(b) > maxLinkTarget {
		return "", inputErr(f.Name, "is a symlink with a target longer than %d bytes; remove it", maxLinkTarget)
	}
	return string(b), nil
}

func zipReadErr(name string, err error) error {
	switch {
	case errors.Is(err, zip.ErrAlgorithm):
		return &InputError{Path: name, Msg: "uses a compression method depbox cannot read; re-create the zip with deflate (the default of zip tools)", Err: err}
	case errors.Is(err, zip.ErrChecksum), errors.Is(err, zip.ErrFormat), errors.Is(err, io.ErrUnexpectedEOF):
		return &InputError{Path: name, Msg: "is corrupt; re-create the zip", Err: err}
	}
	var ie *InputError
	if errors.As(err, &ie) {
		return err
	}
	return &InputError{Path: name, Msg: "cannot be read from the zip; re-create the zip", Err: err}
}

// materialize writes the tree below dst and returns the bundle digest.
// Directories and files come first (sorted, so parents precede children),
// symlinks last, so that no write ever goes through a link.
func (t *tree) materialize(dst *os.Root) (string, error) {
	t.root = dst
	dirs, err := newDirFDs(dst)
	if err != nil {
		return "", fmt.Errorf("staging: %w", err)
	}
	defer dirs.Close()
	var total int64
	for _, name := range t.names {
		e := t.entries[name]
		switch e.kind {
		case kindDir:
			parent, base, err := dirs.split(name)
			if err == nil {
				err = mkdirat(parent, base)
			}
			if err != nil {
				return "", stageErr(name, &fs.PathError{Op: "mkdir", Path: name, Err: err})
			}
		case kindFile:
			n, err := t.writeFile(dirs, e, total)
			if err != nil {
				return "", err
			}
			total += n
		}
	}
	for _, name := range t.names {
		if e := t.entries[name]; e.kind == kindLink {
			if err := dst.Symlink(e.target, name); err != nil {
				return "", stageErr(name, err)
			}
		}
	}
	return t.digest(), nil
}

// mkdirat makes the directory name in dir, mode 0755 whatever the umask.
func mkdirat(dir int, name string) error {
	if err := unix.Mkdirat(dir, name, 0o755); err != nil {
		return err
	}
	return unix.Fchmodat(dir, name, 0o755, 0)
}

// stageErr wraps a failure to create name in the staging directory; names
// the file system cannot hold are the bundle's fault.
func stageErr(name string, err error) error {
	if errors.Is(err, syscall.ENAMETOOLONG) || errors.Is(err, syscall.EILSEQ) {
		return &InputError{Path: name, Msg: "cannot be created on this system (name too long or invalid); rename it", Err: err}
	}
	return fmt.Errorf("staging %s: %w", name, err)
}

// writeFile copies one file into dst, enforcing the limits on the bytes
// actually read (headers can lie), and records its hash. It returns the
// number of bytes written.
func (t *tree) writeFile(dst *dirFDs, e *entry, total int64) (int64, error) {
	rc, err := e.open()
	if err != nil {
		if e.zip {
			return 0, zipReadErr(e.name, err)
		}
		return 0, err
	}
	defer rc.Close()
	perm := os.FileMode(0o644)
	if e.exec {
		perm = 0o755
	}
	fd, err := dst.open(e.name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, uint32(perm))
	if err != nil {
		return 0, stageErr(e.name, err)
	}
	f := os.NewFile(uintptr(fd), e.name)
	defer f.Close()
	g := &guard{t: t, e: e, total: total, h: sha256.New()}
	limit := min(t.opts.MaxFileBytes, t.opts.MaxTotalBytes-total) + 1
	if t.copyBuf == nil {
		t.copyBuf = make([]byte, 64<<10)
	}
	// One buffer for every file (io.Copy would allocate one per file):
	// f is wrapped so that its ReadFrom does not bypass it.
	n, err := io.CopyBuffer(struct{ io.Writer }{f}, io.TeeReader(g.wrap(io.LimitReader(rc, limit)), g.h), t.copyBuf)
	if err != nil {
		var ie *InputError
		if errors.As(err, &ie) {
			return 0, err
		}
		if e.zip {
			return 0, zipReadErr(e.name, err)
		}
		return 0, fmt.Errorf("staging %s: %w", e.name, err)
	}
	if err := f.Chmod(perm); err != nil {
		return 0, fmt.Errorf("staging %s: %w", e.name, err)
	}
	if err := f.Close(); err != nil {
		return 0, fmt.Errorf("staging %s: %w", e.name, err)
	}
	copy(e.sum[:], g.h.Sum(nil))
	if t.memo != nil && e.stat != nil {
		// Remembered only when the source kept its identity while it was
		// copied (as Survey's own reads).
		var after unix.Stat_t
		if src, ok := rc.(fdReader); ok && unix.Fstat(src.fd, &after) == nil {
			if id := contenthash.IdentityOf(e.stat); contenthash.IdentityOf(&after) == id && n == e.size {
				t.memo.Add(e.name, id, e.sum)
			}
		}
	}
	return n, nil
}

// guard counts the bytes of one file as they are read and fails as soon as a
// limit or the compression-ratio check is exceeded.
type guard struct {
	t     *tree
	e     *entry
	total int64 // bytes of earlier files
	n     int64
	h     hash.Hash
	r     io.Reader
}

func (g *guard) wrap(r io.Reader) io.Reader { g.r = r; return g }

func (g *guard) Read(p []byte) (int, error) {
	k, err := g.r.Read(p)
	g.n += int64(k)
	o := g.t.opts
	switch {
	case g.n > o.MaxFileBytes:
		return 0, limitErr(g.e.name, "MaxFileBytes", "holds more than the per-file limit of %d bytes; remove it from the bundle or raise the limit", o.MaxFileBytes)
	case g.total+g.n > o.MaxTotalBytes:
		return 0, limitErr(g.e.name, "MaxTotalBytes", "takes the bundle over its limit of %d bytes in total; remove unneeded files or raise the limit", o.MaxTotalBytes)
	case g.e.zip && g.n > bombMinBytes && g.n > bombRatio*g.e.csize:
		return 0, limitErr(g.e.name, "compression ratio", "inflates from %d to more than %d bytes (over %d:1), which looks like a zip bomb; re-create the zip", g.e.csize, g.n, bombRatio)
	}
	return k, err
}

// digest hashes the staged tree: for every entry in path order, its path,
// its type (d directory, f file, x executable file, l symlink) and its
// content hash or link target, each length-prefixed so that no two trees
// encode alike.
func (t *tree) digest() string {
	h := newTreeHash()
	for _, name := range t.names {
		h.entry(name, t.entries[name])
	}
	return h.sum()
}

// treeHash encodes tree entries as Digest and DirDigest hash them: each
// entry's path, its type and its content hash or link target, as
// length-prefixed fields.
type treeHash struct{ h hash.Hash }

func newTreeHash() treeHash { return treeHash{sha256.New()} }

func (t treeHash) field(s []byte) {
	var n [binary.MaxVarintLen64]byte
	t.h.Write(n[:binary.PutUvarint(n[:], uint64(len(s)))])
	t.h.Write(s)
}

func (t treeHash) entry(name string, e *entry) {
	t.field([]byte(name))
	switch e.kind {
	case kindDir:
		t.field([]byte("d"))
		t.field(nil)
	case kindFile:
		if e.exec {
			t.field([]byte("x"))
		} else {
			t.field([]byte("f"))
		}
		t.field(e.sum[:])
	case kindLink:
		t.field([]byte("l"))
		t.field([]byte(e.target))
	}
}

func (t treeHash) sum() string { return "sha256:" + hex.EncodeToString(t.h.Sum(nil)) }
