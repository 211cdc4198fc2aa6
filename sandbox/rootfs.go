package sandbox

import (
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/depbox/depbox/internal/contenthash"
)

// rootfsMountPoints are created (empty) in every rootfs so that the
// sandbox's mounts have a place to land on a read-only root.
var rootfsMountPoints = []string{"/proc", "/dev", "/sys", "/tmp", "/var/task", "/depbox", "/home/sbx_user", "/root"}

// libDirs are searched for shared libraries, in the dynamic loader's order.
var libDirs = []string{"/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib", "/usr/local/lib"}

// RootfsSpec says which host programs go into a minimal rootfs and where.
type RootfsSpec struct {
	// Programs maps a path inside the rootfs to the host file to copy there,
	// e.g. "/usr/bin/node" → "/usr/bin/node". Their shared libraries (from
	// the ELF dynamic section, recursively) are copied too.
	Programs map[string]string
	// Links maps a path inside the rootfs to a symlink target, e.g. "/bin/sh" → "dash".
	Links map[string]string
	// Trees maps a directory inside the rootfs to a host directory copied
	// whole (regular files, and symlinks that stay inside it), e.g. a
	// language's standard library.
	Trees map[string]Tree
	// Files maps a path inside the rootfs to the content written there.
	Files map[string]string
	// Executables are like Files, written executable (scripts).
	Executables map[string]string
	// Sysroot is a directory holding another distribution's root (a node
	// runtime made by scripts/node-runtime: Debian packages extracted, with
	// a merged /usr) copied whole under the rootfs's root. Its files win over
	// the host's at the same path — its glibc, newer than the host's, then
	// serves the host's programs too — and every other path is placed as its
	// top-level links say (/lib/x → /usr/lib/x on a merged /usr).
	Sysroot string
}

// BuildRootfs assembles a minimal root file system holding only the given
// programs, their shared libraries and a few /etc files — never the host
// root, never a home directory — under cacheDir/rootfs/<hash>. The hash
// covers the programs' and libraries' paths and contents, so an upgraded
// node gets a new rootfs; an existing one is reused.
func BuildRootfs(cacheDir string, spec RootfsSpec) (string, error) {
	memo := contenthash.New(filepath.Join(cacheDir, "hashes"))
	files := map[string]string{} // rootfs path → host path
	for dst, src := range spec.Programs {
		real, err := filepath.EvalSymlinks(src)
		if err != nil {
			return "", fmt.Errorf("finding %s for the sandbox rootfs: %w", src, err)
		}
		files[dst] = real
		if err := addLibraries(memo, real, files); err != nil {
			return "", fmt.Errorf("collecting shared libraries of %s: %w", src, err)
		}
	}
	tfiles := map[string]string{}
	links := map[string]string{}
	for k, v := range spec.Links {
		links[k] = v
	}
	for _, dst := range sortedKeys(spec.Trees) {
		if err := treeFiles(dst, spec.Trees[dst], tfiles, links); err != nil {
			return "", fmt.Errorf("listing %s for the sandbox rootfs: %w", spec.Trees[dst].Source, err)
		}
	}
	written, executables := spec.Files, spec.Executables
	if spec.Sysroot != "" {
		var err error
		if files, tfiles, links, written, executables, err = withSysroot(spec.Sysroot, files, tfiles, links, written, executables); err != nil {
			return "", err
		}
	}
	contents := map[string]string{}
	for k, v := range written {
		contents[k] = v
	}
	for k, v := range executables {
		contents[k] = "#exec\n" + v // an executable differs from a file of the same content
	}
	key, err := rootfsKey(memo, files, links, tfiles, contents)
	if err != nil {
		return "", err
	}
	dir := filepath.Join(cacheDir, "rootfs", key)
	if _, err := os.Stat(filepath.Join(dir, ".complete")); err == nil {
		return dir, nil
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return "", fmt.Errorf("creating rootfs cache: %w", err)
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), key+".tmp-")
	if err != nil {
		return "", fmt.Errorf("creating rootfs: %w", err)
	}
	defer os.RemoveAll(tmp)
	if err := os.Chmod(tmp, 0o755); err != nil {
		return "", err
	}
	for _, d := range rootfsMountPoints {
		if err := os.MkdirAll(filepath.Join(tmp, d), 0o755); err != nil {
			return "", err
		}
	}
	if err := os.Chmod(filepath.Join(tmp, "tmp"), 0o1777); err != nil {
		return "", err
	}
	for dst, src := range files {
		if err := copyFile(src, filepath.Join(tmp, dst)); err != nil {
			return "", fmt.Errorf("copying %s into the rootfs: %w", src, err)
		}
	}
	for dst, src := range tfiles {
		if err := copyFile(src, filepath.Join(tmp, dst)); err != nil {
			return "", fmt.Errorf("copying %s into the rootfs: %w", src, err)
		}
	}
	for _, fs := range []struct {
		files map[string]string
		mode  os.FileMode
	}{{written, 0o644}, {executables, 0o755}} {
		for dst, content := range fs.files {
			if err := os.MkdirAll(filepath.Join(tmp, filepath.Dir(dst)), 0o755); err != nil {
				return "", err
			}
			if err := os.WriteFile(filepath.Join(tmp, dst), []byte(content), fs.mode); err != nil {
				return "", err
			}
		}
	}
	for dst, target := range links {
		p := filepath.Join(tmp, dst)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return "", err
		}
		if err := os.Symlink(target, p); err != nil {
			return "", err
		}
	}
	etc := map[string]string{
		"/etc/passwd":        "root:x:0:0:root:/root:/bin/sh\nsbx_user:x:993:990::/home/sbx_user:/bin/sh\n",
		"/etc/group":         "root:x:0:\nsbx_user:x:990:\n",
		"/etc/nsswitch.conf": "hosts: files dns\npasswd: files\ngroup: files\n",
		// Name lookups only ever reach the sandbox's own loopback, where the
		// fake world's DNS sinkhole answers.
		"/etc/resolv.conf": "nameserver 127.0.0.1\noptions timeout:1 attempts:1\n",
		"/etc/hosts":       "127.0.0.1 localhost\n::1 localhost\n",
	}
	for p, content := range etc {
		if err := os.MkdirAll(filepath.Join(tmp, filepath.Dir(p)), 0o755); err != nil {
			return "", err
		}
		if err := os.WriteFile(filepath.Join(tmp, p), []byte(content), 0o644); err != nil {
			return "", err
		}
	}
	if err := os.WriteFile(filepath.Join(tmp, ".complete"), []byte(key+"\n"), 0o644); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, dir); err != nil {
		if _, statErr := os.Stat(filepath.Join(dir, ".complete")); statErr == nil {
			return dir, nil // another depbox built it concurrently
		}
		return "", fmt.Errorf("installing rootfs: %w", err)
	}
	return dir, nil
}

// addLibraries adds the ELF interpreter and DT_NEEDED libraries of bin,
// recursively, to files. Nothing is executed (no ldd).
func addLibraries(memo *contenthash.Memo, bin string, files map[string]string) error {
	var d elfDeps
	if err := memo.Derived(bin, elfDepsName, &d, func() (any, error) { return readELFDeps(bin) }); err != nil {
		return err
	}
	for _, interp := range d.Interp {
		if err := addFile(interp, files); err != nil {
			return err
		}
	}
	var extra []string
	for _, rp := range d.RunPaths {
		for _, dir := range strings.Split(rp, ":") {
			extra = append(extra, strings.ReplaceAll(dir, "$ORIGIN", filepath.Dir(bin)))
		}
	}
	for _, lib := range d.Needed {
		found := ""
		for _, dir := range append(extra, libDirs...) {
			if _, err := os.Stat(filepath.Join(dir, lib)); err == nil {
				found = filepath.Join(dir, lib)
				break
			}
		}
		if found == "" {
			return fmt.Errorf("shared library %s not found in %s", lib, strings.Join(libDirs, ", "))
		}
		if _, ok := files[found]; ok {
			continue
		}
		if err := addFile(found, files); err != nil {
			return err
		}
		real, err := filepath.EvalSymlinks(found)
		if err != nil {
			return err
		}
		if err := addLibraries(memo, real, files); err != nil {
			return err
		}
	}
	return nil
}

// elfDeps is what addLibraries needs of an ELF file: its interpreters, the
// libraries it needs and its run paths (DT_RUNPATH, then DT_RPATH). A
// script has none.
type elfDeps struct {
	Interp, Needed, RunPaths []string
}

// elfDepsName names elfDeps in the file-identity memo: node's dynamic
// string table alone is megabytes, read on every scan without it.
const elfDepsName = "elf-deps-v1"

func readELFDeps(bin string) (elfDeps, error) {
	var d elfDeps
	f, err := elf.Open(bin)
	if err != nil {
		var fe *elf.FormatError
		if errors.As(err, &fe) {
			return d, nil // a script, not an ELF file
		}
		return d, err
	}
	defer f.Close()
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			b, err := io.ReadAll(p.Open())
			if err != nil {
				return d, err
			}
			d.Interp = append(d.Interp, strings.TrimRight(string(b), "\x00"))
		}
	}
	if d.Needed, err = f.ImportedLibraries(); err != nil {
		return d, err
	}
	runpaths, _ := f.DynString(elf.DT_RUNPATH)
	rpaths, _ := f.DynString(elf.DT_RPATH)
	d.RunPaths = append(runpaths, rpaths...)
	return d, nil
}

// addFile maps the host file p to the same path inside the rootfs (the
// loader looks for it there), following symlinks for the content.
func addFile(p string, files map[string]string) error {
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		return err
	}
	files[p] = real
	return nil
}

// rootfsKey hashes what a rootfs is made of: programs and libraries by
// content (remembered by file identity in the cache, so that an unchanged
// 100 MB node is not read on every scan); tree files by path, size and
// modification time (a standard library has thousands); written files by
// content.
func rootfsKey(memo *contenthash.Memo, files, links, tfiles, contents map[string]string) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "depbox-rootfs-v3\n") // v3: modification times kept
	keys := make([]string, 0, len(files))
	for k := range files {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		sum, err := memo.File(files[k])
		if err != nil {
			return "", fmt.Errorf("hashing %s: %w", files[k], err)
		}
		fmt.Fprintf(h, "%s\n%s\n", k, sum)
	}
	lk := make([]string, 0, len(links))
	for k := range links {
		lk = append(lk, k)
	}
	slices.Sort(lk)
	for _, k := range lk {
		fmt.Fprintf(h, "link %s %s\n", k, links[k])
	}
	for _, k := range sortedKeys(tfiles) {
		fi, err := os.Stat(tfiles[k])
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "tree %s %d %d\n", k, fi.Size(), fi.ModTime().UnixNano())
	}
	for _, k := range sortedKeys(contents) {
		fmt.Fprintf(h, "file %s %d\n%s", k, len(contents[k]), contents[k])
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	fi, err := in.Stat()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, fi.Mode().Perm()|0o444)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	// Modification times stay: Python checks its byte code against the
	// source's, and rewrites (a write outside /tmp) what looks stale.
	return os.Chtimes(dst, fi.ModTime(), fi.ModTime())
}
