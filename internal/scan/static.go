package scan

import (
	"debug/elf"
	"fmt"
)

// CheckStatic makes sure the depbox binary can run as the sandbox's init:
// the rootfs has no Go runtime's dynamic dependencies, so it must be static.
func CheckStatic(path string) error {
	f, err := elf.Open(path)
	if err != nil {
		return fmt.Errorf("reading the depbox binary %s: %w", path, err)
	}
	defer f.Close()
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			return fmt.Errorf("%s is dynamically linked and cannot run inside the sandbox: build depbox with CGO_ENABLED=0 (make build)", path)
		}
	}
	return nil
}
