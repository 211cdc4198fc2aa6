package bundle

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
	"time"

	"golang.org/x/sys/unix"
)

// dirFDs opens the directories of a tree below a base directory one at a
// time along the path being worked on, as raw descriptors, so that opening
// or creating a file costs one openat of its base name instead of an
// openat and a close for every component of its path (os.Root walks a
// path one component at a time), and none of the fcntl and epoll calls
// os.OpenFile makes for every file. Staging the 7 000 files of a bundle
// visits them in path order, so each directory is opened about once.
//
// Nothing opened through it follows a symlink: every directory component
// and every file is opened with O_NOFOLLOW, so nothing escapes base (a
// tree's symlinks are listed and written, never entered).
//
// It keeps only the chain of directories from base down to the last one
// asked for, so the number of open descriptors is bounded by the depth of
// the tree, not its size.
type dirFDs struct {
	base  *os.File // base itself, opened through its os.Root
	chain []dirFD  // ancestors first
}

type dirFD struct {
	dir string
	fd  int
}

// newDirFDs opens base's own directory.
func newDirFDs(base *os.Root) (*dirFDs, error) {
	f, err := base.Open(".")
	if err != nil {
		return nil, err
	}
	return &dirFDs{base: f}, nil
}

// split returns the descriptor of the directory that holds the
// slash-separated path p (relative to base) and p's last component.
func (d *dirFDs) split(p string) (int, string, error) {
	dir, name := path.Split(p)
	fd, err := d.dir(strings.TrimSuffix(dir, "/"))
	return fd, name, err
}

// dir returns the descriptor of the directory dir ("" is base).
func (d *dirFDs) dir(dir string) (int, error) {
	if dir == "" || dir == "." {
		return int(d.base.Fd()), nil
	}
	// Drop what is not an ancestor of dir (or dir itself).
	for len(d.chain) > 0 {
		top := d.chain[len(d.chain)-1].dir
		if top == dir {
			return d.chain[len(d.chain)-1].fd, nil
		}
		if strings.HasPrefix(dir, top+"/") {
			break
		}
		d.pop()
	}
	parent, parentDir := int(d.base.Fd()), ""
	if n := len(d.chain); n > 0 {
		parent, parentDir = d.chain[n-1].fd, d.chain[n-1].dir+"/"
	}
	// Open the missing components one by one below the deepest one held.
	for _, c := range strings.Split(strings.TrimPrefix(dir, parentDir), "/") {
		fd, err := openat(parent, c, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
		if err != nil {
			return -1, &fs.PathError{Op: "open", Path: parentDir + c, Err: err}
		}
		d.chain = append(d.chain, dirFD{dir: parentDir + c, fd: fd})
		parent, parentDir = fd, parentDir+c+"/"
	}
	return parent, nil
}

func (d *dirFDs) pop() {
	unix.Close(d.chain[len(d.chain)-1].fd)
	d.chain = d.chain[:len(d.chain)-1]
}

// Close closes every descriptor held, base's included.
func (d *dirFDs) Close() {
	for len(d.chain) > 0 {
		d.pop()
	}
	d.base.Close()
}

// open opens the file p (relative to base) with flags (O_NOFOLLOW and
// O_CLOEXEC added) and mode, and returns its descriptor.
func (d *dirFDs) open(p string, flags int, mode uint32) (int, error) {
	dir, name, err := d.split(p)
	if err != nil {
		return -1, err
	}
	fd, err := openat(dir, name, flags|unix.O_NOFOLLOW|unix.O_CLOEXEC, mode)
	if err != nil {
		return -1, &fs.PathError{Op: "open", Path: p, Err: err}
	}
	return fd, nil
}

// list returns the names in the directory dir (relative to base), unsorted.
func (d *dirFDs) list(dir string) ([]string, error) {
	fd, err := d.dir(dir)
	if err != nil {
		return nil, err
	}
	own, err := openat(fd, ".", unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: dir, Err: err}
	}
	f := os.NewFile(uintptr(own), dir)
	defer f.Close()
	return f.Readdirnames(-1)
}

// lstat stats p (relative to base) without following a symlink, relative
// to its directory's descriptor.
func (d *dirFDs) lstat(p string) (fs.FileInfo, error) {
	dir, name, err := d.split(p)
	if err != nil {
		return nil, err
	}
	var st unix.Stat_t
	for {
		err = unix.Fstatat(dir, name, &st, unix.AT_SYMLINK_NOFOLLOW)
		if !errors.Is(err, unix.EINTR) {
			break
		}
	}
	if err != nil {
		return nil, &fs.PathError{Op: "lstat", Path: p, Err: err}
	}
	return &statInfo{name: name, st: st}, nil
}

// statInfo is an fs.FileInfo from a stat of a descriptor-relative name.
type statInfo struct {
	name string
	st   unix.Stat_t
}

func (s *statInfo) Name() string       { return s.name }
func (s *statInfo) Size() int64        { return s.st.Size }
func (s *statInfo) ModTime() time.Time { return time.Unix(s.st.Mtim.Unix()) }
func (s *statInfo) IsDir() bool        { return s.Mode().IsDir() }
func (s *statInfo) Sys() any           { return &s.st }

func (s *statInfo) Mode() fs.FileMode {
	m := fs.FileMode(s.st.Mode & 0o777)
	switch s.st.Mode & unix.S_IFMT {
	case unix.S_IFDIR:
		m |= fs.ModeDir
	case unix.S_IFLNK:
		m |= fs.ModeSymlink
	case unix.S_IFIFO:
		m |= fs.ModeNamedPipe
	case unix.S_IFSOCK:
		m |= fs.ModeSocket
	case unix.S_IFBLK:
		m |= fs.ModeDevice
	case unix.S_IFCHR:
		m |= fs.ModeDevice | fs.ModeCharDevice
	case unix.S_IFREG:
	default:
		m |= fs.ModeIrregular
	}
	if s.st.Mode&unix.S_ISUID != 0 {
		m |= fs.ModeSetuid
	}
	if s.st.Mode&unix.S_ISGID != 0 {
		m |= fs.ModeSetgid
	}
	if s.st.Mode&unix.S_ISVTX != 0 {
		m |= fs.ModeSticky
	}
	return m
}

// readlink reads the symlink p (relative to base).
func (d *dirFDs) readlink(p string) (string, error) {
	dir, name, err := d.split(p)
	if err != nil {
		return "", err
	}
	buf := make([]byte, maxLinkTarget+1)
	n, err := unix.Readlinkat(dir, name, buf)
	if err != nil {
		return "", &fs.PathError{Op: "readlink", Path: p, Err: err}
	}
	if n > maxLinkTarget {
		return "", fmt.Errorf("the symlink %s: target longer than %d bytes", p, maxLinkTarget)
	}
	return string(buf[:n]), nil
}

func openat(dir int, name string, flags int, mode uint32) (int, error) {
	for {
		fd, err := unix.Openat(dir, name, flags, mode)
		if !errors.Is(err, unix.EINTR) {
			return fd, err
		}
	}
}

// fdReader reads a raw descriptor (a regular file: reads do not block).
type fdReader struct{ fd int }

func (r fdReader) Read(p []byte) (int, error) {
	for {
		n, err := unix.Read(r.fd, p)
		switch {
		case errors.Is(err, unix.EINTR):
			continue
		case err != nil:
			return 0, err
		case n == 0 && len(p) > 0:
			return 0, io.EOF
		}
		return n, nil
	}
}

func (r fdReader) Close() error { return unix.Close(r.fd) }

// sameFile reports whether the open descriptor fd is the regular file
// listed (by device and inode).
func sameFile(fd int, listed fs.FileInfo) (bool, error) {
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return false, err
	}
	l, ok := listed.Sys().(*unix.Stat_t)
	return ok && st.Mode&unix.S_IFMT == unix.S_IFREG && uint64(st.Dev) == uint64(l.Dev) && uint64(st.Ino) == uint64(l.Ino), nil
}
