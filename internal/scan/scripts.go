package scan

import (
	"bufio"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/depbox/depbox/internal/plan"
	"github.com/depbox/depbox/profile"
)

// maxShebang bounds the #! line read from a bundle file.
const maxShebang = 256

// markScripts records the #! line of every program started from a file of
// the bundle (under the task root) that is a script: esbuild's install
// script runs its bin/esbuild, a Node script, the way a shell runs a
// package's script. task is the bundle's directory on the host; files are
// read through an os.Root, so a symlink out of the bundle is never
// followed, and only their first line.
//
// A failed exec of a bundle path where no file exists when the run ended
// gets the result ENOENT: a PATH search trying each node_modules/.bin
// directory npm puts on a lifecycle script's PATH (`cc` looked up in
// node_modules/cpu-features/node_modules/.bin) ran nothing of the
// package's. Whether the package wrote or deleted that path is the
// verdict's to weigh (DBX020).
func markScripts(p *profile.Profile, task string) {
	root, err := os.OpenRoot(task)
	if err != nil {
		return
	}
	defer root.Close()
	type file struct {
		line   string
		absent bool
	}
	files := map[string]file{}
	p.EachBehavior(func(b *profile.Behavior) {
		for x := b; x != nil; x = x.Unattributed {
			for i, pr := range x.Processes {
				rel, ok := strings.CutPrefix(pr.Binary, plan.TaskRoot+"/")
				if !ok || rel == "" {
					continue
				}
				f, seen := files[rel]
				if !seen {
					clean := filepath.Clean(rel)
					_, err := root.Lstat(clean)
					f = file{line: shebang(root, clean), absent: errors.Is(err, fs.ErrNotExist)}
					files[rel] = f
				}
				x.Processes[i].Script = f.line
				if f.absent && pr.Result == "failed" {
					x.Processes[i].Result = "ENOENT"
				}
			}
		}
	})
}

// shebang returns the #! line of the regular file rel under root, or "".
func shebang(root *os.Root, rel string) string {
	fi, err := root.Lstat(rel)
	if err != nil || !fi.Mode().IsRegular() {
		return ""
	}
	f, err := root.Open(rel)
	if err != nil {
		return ""
	}
	defer f.Close()
	line, _ := bufio.NewReaderSize(f, maxShebang).ReadSlice('\n')
	s := strings.TrimRight(string(line), "\r\n")
	if !strings.HasPrefix(s, "#!") {
		return ""
	}
	return s
}
