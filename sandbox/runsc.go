package sandbox

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// ErrNoRunsc says runsc was not found, and how to get it.
var ErrNoRunsc = errors.New("runsc not found: build it from the gVisor module pinned in go.mod with `make runsc` (it lands in bin/runsc, beside depbox), or pass --runsc PATH / set DEPBOX_RUNSC")

// FindRunsc locates runsc: the explicit path when given, else a runsc
// beside the depbox executable (where `make build` puts both), else the
// cache directory's bin, else $PATH.
func FindRunsc(explicit, cacheDir string) (string, error) {
	if explicit != "" {
		if err := executable(explicit); err != nil {
			return "", fmt.Errorf("--runsc %s: %w", explicit, err)
		}
		// runsc is started from the sandbox's work directory: make it absolute.
		abs, err := filepath.Abs(explicit)
		if err != nil {
			return "", fmt.Errorf("--runsc %s: %w", explicit, err)
		}
		return abs, nil
	}
	var candidates []string
	if self, err := os.Executable(); err == nil {
		candidates = append(candidates, filepath.Join(filepath.Dir(self), "runsc"))
	}
	if cacheDir != "" {
		candidates = append(candidates, filepath.Join(cacheDir, "bin", "runsc"))
	}
	for _, c := range candidates {
		if executable(c) == nil {
			return c, nil
		}
	}
	if p, err := exec.LookPath("runsc"); err == nil {
		return p, nil
	}
	return "", ErrNoRunsc
}

func executable(p string) error {
	fi, err := os.Stat(p)
	if err != nil {
		return err
	}
	if fi.IsDir() || fi.Mode().Perm()&0o111 == 0 {
		return fmt.Errorf("%s is not an executable file", p)
	}
	return nil
}
