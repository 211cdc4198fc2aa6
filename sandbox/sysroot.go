package sandbox

import (
	"fmt"
	"os"
	"path"
	"strings"
)

// withSysroot lays the rootfs out around a sysroot (RootfsSpec.Sysroot):
// the sysroot's tree is added at "/", every other path is rewritten
// through the sysroot's top-level links (a merged /usr: /lib/x86_64-linux-gnu/
// libcurl.so.4 → /usr/lib/x86_64-linux-gnu/libcurl.so.4), and a host file
// at a path the sysroot has is dropped for the sysroot's. It returns the
// rewritten maps; the inputs are not changed.
func withSysroot(sysroot string, files, tfiles, links, written, executables map[string]string) (map[string]string, map[string]string, map[string]string, map[string]string, map[string]string, error) {
	top, err := topLinks(sysroot)
	if err != nil {
		return nil, nil, nil, nil, nil, err
	}
	canon := func(p string) string {
		first, rest, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
		if t, ok := top[first]; ok && rest != "" {
			return path.Join("/", t, rest)
		}
		return p
	}
	rewrite := func(m map[string]string) map[string]string {
		out := make(map[string]string, len(m))
		for k, v := range m {
			out[canon(k)] = v
		}
		return out
	}
	sfiles, slinks := map[string]string{}, map[string]string{}
	if err := treeFiles("/", Tree{Source: sysroot}, sfiles, slinks); err != nil {
		return nil, nil, nil, nil, nil, fmt.Errorf("listing the sysroot %s for the sandbox rootfs: %w", sysroot, err)
	}
	nfiles, ntfiles, nlinks := rewrite(files), rewrite(tfiles), rewrite(links)
	for k, v := range sfiles {
		delete(nfiles, k)
		delete(nlinks, k)
		ntfiles[k] = v
	}
	for k, v := range slinks {
		delete(nfiles, k)
		delete(ntfiles, k)
		nlinks[k] = v
	}
	return nfiles, ntfiles, nlinks, rewrite(written), rewrite(executables), nil
}

// topLinks returns the sysroot's top-level symlinks to directories inside
// it ("lib" → "usr/lib").
func topLinks(sysroot string) (map[string]string, error) {
	ents, err := os.ReadDir(sysroot)
	if err != nil {
		return nil, fmt.Errorf("reading the sysroot: %w", err)
	}
	top := map[string]string{}
	for _, e := range ents {
		if e.Type()&os.ModeSymlink == 0 {
			continue
		}
		t, err := os.Readlink(path.Join(sysroot, e.Name()))
		if err != nil {
			return nil, err
		}
		if !path.IsAbs(t) && !strings.HasPrefix(path.Clean(t), "..") {
			top[e.Name()] = path.Clean(t)
		}
	}
	return top, nil
}
