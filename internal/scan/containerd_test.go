//go:build containerd

package scan_test

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"github.com/depbox/depbox/internal/sandboxtest"
	"github.com/depbox/depbox/internal/scan"
	"github.com/depbox/depbox/profile"
	"github.com/depbox/depbox/sandbox/containerd"
)

// TestContainerdSameProfile scans the same fixture bundle (install
// scripts, imports, a package connecting out at import) once with runsc
// started by depbox and once through a real containerd daemon with gVisor's
// shim, and checks that the two profiles are the same, byte for byte.
func TestContainerdSameProfile(t *testing.T) {
	o := options(t, filepath.Join("testdata", "bundles", "basic"))
	addr := sandboxtest.Containerd(t)
	direct := run(t, o)

	o.Backend = &containerd.Backend{Address: addr, Namespace: "depbox-test", Snapshotter: "native"}
	p, st, err := scan.Scan(context.Background(), o)
	sandboxtest.SkipIfShimLacks(t, err)
	if err != nil {
		t.Fatalf("scan through containerd: %v", err)
	}
	if p.Incomplete || st.Dropped != 0 {
		t.Fatalf("scan through containerd is incomplete (%d events dropped): %+v", st.Dropped, p.Problems)
	}
	var a, b bytes.Buffer
	if err := direct.Write(&a); err != nil {
		t.Fatal(err)
	}
	if err := p.Write(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("the profiles differ:\n--- runsc\n%s\n--- containerd\n%s", a.String(), b.String())
	}
	if d := p.Dependency("node_modules/evil"); d == nil || len(d.Phases[profile.PhaseImport].Network) == 0 {
		t.Errorf("through containerd, evil's connect at import is missing")
	}
}
