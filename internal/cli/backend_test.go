package cli

import (
	"strings"
	"testing"
)

// TestBackendFlagErrors: a --backend depbox does not know, or one this
// binary was built without, is an input error (exit 2) that says what to
// do, given before any sandbox work starts.
func TestBackendFlagErrors(t *testing.T) {
	cases := []struct {
		name, backend, want string
	}{
		{"unknown", "docker", `--backend "docker": want runsc or containerd`},
	}
	if !containerdBuilt {
		cases = append(cases, struct{ name, backend, want string }{
			"not built in", "containerd", "built without the containerd backend (it adds about 10 MB); build one with make depbox-containerd",
		})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, errOut := runCLI(t, "scan", ".", "--backend", c.backend)
			if code != ExitUsage || !strings.Contains(errOut, c.want) {
				t.Errorf("exit %d, stderr %q: want exit %d and %q", code, errOut, ExitUsage, c.want)
			}
		})
	}
}
