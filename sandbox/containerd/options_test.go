//go:build containerd

package containerd

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/BurntSushi/toml"
	shimrunsc "gvisor.dev/gvisor/pkg/shim/v1/runsc"

	"github.com/depbox/depbox/sandbox"
)

// TestRunscOptions decodes the per-run options file with gVisor's shim's
// own Options type, as the shim does, and checks that it names depbox's
// runsc and a private state root, and that the flags the shim will pass
// runsc (--key=value for each [runsc_config] entry) are exactly those the
// direct backend passes, plus the debug log.
func TestRunscOptions(t *testing.T) {
	dir := t.TempDir()
	cfg := sandbox.Config{
		ID: "depbox-x-run0", Runsc: "/opt/depbox/runsc", PodInitConfig: []byte(`{"trace_session":{}}`),
		ExtraFlags: []string{"--debug", "--strace=true"},
	}
	path, err := runscOptions(cfg, dir)
	if err != nil {
		t.Fatal(err)
	}
	var opts shimrunsc.Options
	if _, err := toml.DecodeFile(path, &opts); err != nil {
		t.Fatalf("gVisor's shim cannot read %s: %v", path, err)
	}
	if opts.BinaryName != "/opt/depbox/runsc" || opts.Root != filepath.Join(dir, "state") {
		t.Errorf("binary %q, root %q: want depbox's runsc and %s", opts.BinaryName, opts.Root, filepath.Join(dir, "state"))
	}
	var got []string
	for k, v := range opts.RunscConfig {
		got = append(got, "--"+k+"="+v)
	}
	want, err := cfg.RunscFlags(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range want {
		if f == "--debug" {
			want[i] = "--debug=true"
		}
		if filepath.Base(f) == "pod-init.json" {
			want[i] = "--pod-init-config=" + filepath.Join(dir, "pod-init.json")
		}
	}
	want = append(want, "--debug-log="+filepath.Join(dir, "logs")+"/")
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("runsc flags through the shim:\n got %q\nwant %q", got, want)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "pod-init.json")); err != nil || string(b) != `{"trace_session":{}}` {
		t.Errorf("monitoring config beside the options file: %q, %v", b, err)
	}
}
