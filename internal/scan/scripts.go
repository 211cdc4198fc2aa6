package scan

import (
	"bufio"
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
func markScripts(p *profile.Profile, task string) {
	root, err := os.OpenRoot(task)
	if err != nil {
		return
	}
	defer root.Close()
	lines := map[string]string{}
	p.EachBehavior(func(b *profile.Behavior) {
		for x := b; x != nil; x = x.Unattributed {
			for i, pr := range x.Processes {
				rel, ok := strings.CutPrefix(pr.Binary, plan.TaskRoot+"/")
				if !ok || rel == "" {
					continue
				}
				line, seen := lines[rel]
				if !seen {
					line = shebang(root, filepath.Clean(rel))
					lines[rel] = line
				}
				x.Processes[i].Script = line
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
