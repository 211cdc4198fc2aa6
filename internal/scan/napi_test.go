package scan

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/depbox/depbox/profile"
)

func TestMovEAXRet(t *testing.T) {
	tests := []struct {
		name string
		code []byte
		want int
		ok   bool
	}{
		{"endbr64; mov eax, 10; ret (better-sqlite3, argon2)", []byte{0xf3, 0x0f, 0x1e, 0xfa, 0xb8, 0x0a, 0, 0, 0, 0xc3, 0x66, 0x0f}, 10, true},
		{"mov eax, 9; ret", []byte{0xb8, 0x09, 0, 0, 0, 0xc3, 0, 0, 0, 0, 0, 0}, 9, true},
		{"with a frame (-O0)", []byte{0x55, 0x48, 0x89, 0xe5, 0xb8, 0x08, 0, 0, 0, 0x5d, 0xc3, 0}, 8, true},
		{"a frame without pop rbp", []byte{0x55, 0x48, 0x89, 0xe5, 0xb8, 0x08, 0, 0, 0, 0xc3, 0, 0}, 0, false},
		{"computes its value", []byte{0x31, 0xc0, 0xc3, 0, 0, 0, 0, 0}, 0, false},
		{"too short", []byte{0xb8, 0x0a}, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := movEAXRet(tc.code)
			if got != tc.want || ok != tc.ok {
				t.Errorf("got %d %v, want %d %v", got, ok, tc.want, tc.ok)
			}
		})
	}
}

// addon compiles a shared object declaring Node-API version v (none when
// v is 0) at dir/rel with the host's C compiler; nothing of it runs.
func addon(t *testing.T, dir, rel string, v int) {
	t.Helper()
	cc, err := exec.LookPath("cc")
	if err != nil || runtime.GOARCH != "amd64" {
		t.Skip("needs cc on amd64 to build a test addon")
	}
	src := filepath.Join(t.TempDir(), "addon.c")
	code := "int napi_register_module_v1(void) { return 0; }\n"
	if v > 0 {
		code += "int node_api_module_get_api_version_v1(void) { return " + string(rune('0'+v/10)) + string(rune('0'+v%10)) + "; }\n"
	}
	if err := os.WriteFile(src, []byte(code), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		t.Fatal(err)
	}
	if b, err := exec.Command(cc, "-O2", "-shared", "-fPIC", "-o", out, src).CombinedOutput(); err != nil {
		t.Fatalf("cc: %v\n%s", err, b)
	}
}

// TestNAPIProblems: a dependency killed by SIGSEGV that ships an addon
// needing a newer Node-API than the sandbox's node gets a warning naming
// the addon, both versions and what to do; the killed phase stays fatal.
func TestNAPIProblems(t *testing.T) {
	task := t.TempDir()
	addon(t, task, "node_modules/sqlite/prebuilds/linux-x64.node", 10)
	addon(t, task, "node_modules/sqlite/node_modules/dep/x.node", 12) // another package's
	addon(t, task, "node_modules/old/build/Release/old.node", 0)
	// argon2 ships FreeBSD builds beside Linux ones: only Linux counts.
	addon(t, task, "node_modules/mixed/prebuilds/freebsd-x64/m.node", 12)
	addon(t, task, "node_modules/mixed/prebuilds/linux-x64/m.node", 10)
	bsd := filepath.Join(task, "node_modules/mixed/prebuilds/freebsd-x64/m.node")
	b, err := os.ReadFile(bsd)
	if err != nil {
		t.Fatal(err)
	}
	b[7] = 9 // EI_OSABI: ELFOSABI_FREEBSD
	if err := os.WriteFile(bsd, b, 0o644); err != nil {
		t.Fatal(err)
	}
	segv := &profile.Outcome{Status: profile.StatusKilled, ExitCode: -1, Error: "signal: segmentation fault"}
	tests := []struct {
		name      string
		dep       string
		outcome   *profile.Outcome
		supported int
		want      string
	}{
		{"needs 10, node has 9", "node_modules/sqlite", segv, 9, "node_modules/sqlite/prebuilds/linux-x64.node, which needs Node-API 10; the sandbox's node (v20.20.2) supports Node-API 9, and node releases before 22.14 crash (SIGSEGV) loading such an addon instead of refusing it: the killed import phase is that incompatibility"},
		{"node has 10", "node_modules/sqlite", segv, 10, ""},
		{"killed otherwise", "node_modules/sqlite", &profile.Outcome{Status: profile.StatusKilled, Error: "signal: killed"}, 9, ""},
		{"completed", "node_modules/sqlite", &profile.Outcome{Status: profile.StatusOK}, 9, ""},
		{"an addon declaring nothing", "node_modules/old", segv, 9, ""},
		{"a FreeBSD addon beside", "node_modules/mixed", segv, 9, "node_modules/mixed/prebuilds/linux-x64/m.node, which needs Node-API 10"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := &profile.Profile{Bundle: profile.Bundle{RuntimeVersion: "v20.20.2"}, Dependencies: []profile.Dependency{{Name: "x", Path: tc.dep,
				Phases: map[string]*profile.Behavior{profile.PhaseImport: {Outcome: tc.outcome}}}}}
			napiProblems(p, task, func() int { return tc.supported })
			var got []string
			for _, pr := range p.Problems {
				if pr.Code == "node-api-mismatch" {
					got = append(got, pr.Message)
					if pr.Fatal || pr.Dependency != tc.dep || pr.Phase != profile.PhaseImport {
						t.Errorf("problem %+v: want a warning on %s in the import phase", pr, tc.dep)
					}
				}
			}
			switch {
			case tc.want == "" && len(got) > 0:
				t.Errorf("unexpected problem: %v", got)
			case tc.want != "" && (len(got) != 1 || !strings.Contains(got[0], tc.want)):
				t.Errorf("problems %v, want one containing %q", got, tc.want)
			}
		})
	}
}
