package scan

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/depbox/depbox/internal/sandboxtest"
	"github.com/depbox/depbox/profile"
)

// runtimeTest gives a sandbox test the binaries, the host's node and the
// node runtime (made when missing).
func runtimeTest(t *testing.T) (self, runsc, host, rtDir string, rt *NodeRuntime) {
	t.Helper()
	sandboxtest.Require(t)
	self, runsc = sandboxtest.Binaries(t)
	rtDir = sandboxtest.NodeRuntime(t)
	rt, err := OpenNodeRuntime(rtDir)
	if err != nil {
		t.Fatal(err)
	}
	return self, runsc, sandboxtest.Node(t), rtDir, rt
}

// TestNodeRuntimeForAddons (real sandbox): a dependency whose native
// addon declares Node-API 10 crashes the host's node 20 loading it; with a
// node runtime for such addons (audits' --addon-node) the bundle runs on
// the runtime's node instead, the import completes, and the profile says
// which node ran and why. --node-runtime runs any bundle on it.
func TestNodeRuntimeForAddons(t *testing.T) {
	self, runsc, host, rtDir, rt := runtimeTest(t)
	if have := nodeAPIVersion(host); have >= 10 {
		t.Skipf("the host's node supports Node-API %d: no addon crashes it", have)
	}
	task := t.TempDir()
	files := map[string]string{
		"package.json":                     `{"name":"fn","version":"1.0.0","dependencies":{"napi10":"1.0.0"}}`,
		"index.js":                         "const a = require('napi10');\nexports.handler = async () => typeof a;\n",
		"node_modules/napi10/package.json": `{"name":"napi10","version":"1.0.0","main":"index.js"}`,
		"node_modules/napi10/index.js":     "module.exports = require('./build/napi10.node');\n",
		"node_modules/plain/package.json":  `{"name":"plain","version":"1.0.0"}`,
		"node_modules/plain/index.js":      "module.exports = process.version;\n",
		"node_modules/.package-lock.json":  `{"name":"fn","lockfileVersion":3,"packages":{"node_modules/napi10":{"version":"1.0.0"},"node_modules/plain":{"version":"1.0.0"}}}`,
	}
	for name, content := range files {
		p := filepath.Join(task, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	addon(t, task, "node_modules/napi10/build/napi10.node", 10)
	opts := func() Options {
		return Options{Path: task, CacheDir: sandboxtest.CacheDir(t), Runsc: runsc, Self: self, Node: host,
			Version: "test", StepTimeout: 20 * time.Second, RunTimeout: 3 * time.Minute}
	}
	scan := func(o Options) *profile.Profile {
		t.Helper()
		p, _, err := Scan(context.Background(), o)
		if err != nil {
			t.Fatalf("scan: %v", err)
		}
		return p
	}
	importOutcome := func(p *profile.Profile, dep string) *profile.Outcome {
		t.Helper()
		d := p.Dependency(dep)
		if d == nil || d.Phases[profile.PhaseImport] == nil || d.Phases[profile.PhaseImport].Outcome == nil {
			t.Fatalf("no import outcome for %s", dep)
		}
		return d.Phases[profile.PhaseImport].Outcome
	}
	problem := func(p *profile.Profile, code string) *profile.Problem {
		for i := range p.Problems {
			if p.Problems[i].Code == code {
				return &p.Problems[i]
			}
		}
		return nil
	}

	// The host's node: the addon crashes it, and depbox says why.
	p := scan(opts())
	if out := importOutcome(p, "node_modules/napi10"); out.Status != profile.StatusKilled || !strings.Contains(out.Error, "segmentation fault") {
		t.Fatalf("on the host's node the import of napi10 is %+v, want killed by SIGSEGV", out)
	}
	if problem(p, "node-api-mismatch") == nil || problem(p, "node-runtime") != nil {
		t.Errorf("host's node: problems %+v, want node-api-mismatch and no node-runtime", p.Problems)
	}

	// With a runtime for such addons, it runs there.
	o := opts()
	o.NewerNode = rtDir
	p = scan(o)
	if out := importOutcome(p, "node_modules/napi10"); out.Status != profile.StatusOK {
		t.Errorf("on the node runtime the import of napi10 is %+v, want ok", out)
	}
	if p.Bundle.RuntimeVersion != rt.Version {
		t.Errorf("runtime version %q, want the runtime's %q", p.Bundle.RuntimeVersion, rt.Version)
	}
	pr := problem(p, "node-runtime")
	if pr == nil || pr.Dependency != "node_modules/napi10" || !strings.Contains(pr.Message, "needs Node-API 10") || !strings.Contains(pr.Message, rt.Version) {
		t.Errorf("node-runtime problem %+v, want one naming napi10, Node-API 10 and %s", pr, rt.Version)
	}
	if pr := problem(p, "node-api-mismatch"); pr != nil {
		t.Errorf("unexpected %+v", pr)
	}
	if p.Incomplete {
		t.Errorf("incomplete on the node runtime: %+v", p.Problems)
	}

	// --node-runtime: every bundle on it, said by the version alone.
	if err := os.RemoveAll(filepath.Join(task, "node_modules", "napi10", "build")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(task, "node_modules", "napi10", "index.js"), []byte("module.exports = 1;\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	o = opts()
	o.NodeRuntime = rtDir
	p = scan(o)
	if p.Bundle.RuntimeVersion != rt.Version || problem(p, "node-runtime") != nil || p.Incomplete {
		t.Errorf("--node-runtime: version %q (want %q), problems %+v", p.Bundle.RuntimeVersion, rt.Version, p.Problems)
	}
	// A runtime directory that holds none is an input error.
	o.NodeRuntime = t.TempDir()
	var ie *InputError
	if _, _, err := Scan(context.Background(), o); err == nil || !errors.As(err, &ie) || !strings.Contains(err.Error(), "node-runtime") {
		t.Errorf("an empty runtime directory: %v, want an input error saying how to make one", err)
	}
}

// TestNodeRuntimeForTemplate (real sandbox): a function whose template
// declares nodejs24.x runs on the node runtime's node 24 (scans'
// TemplateNode), said in a node-runtime warning; one declaring nodejs22.x
// runs on the host's node with a runtime-mismatch warning; nodejs20.x,
// the host's, gets neither.
func TestNodeRuntimeForTemplate(t *testing.T) {
	self, runsc, host, rtDir, rt := runtimeTest(t)
	hostVersion := nodeVersion(host, sandboxtest.CacheDir(t))
	if nodeMajor(hostVersion) != "20" || nodeMajor(rt.Version) != "24" {
		t.Skipf("written for a host node 20 and a runtime node 24, not %s and %s", hostVersion, rt.Version)
	}
	for _, tc := range []struct {
		runtime, version, problem string
	}{
		{"nodejs24.x", rt.Version, "node-runtime"},
		{"nodejs22.x", hostVersion, "runtime-mismatch"},
		{"nodejs20.x", hostVersion, ""},
	} {
		t.Run(tc.runtime, func(t *testing.T) {
			task := t.TempDir()
			for name, content := range map[string]string{
				"template.yaml": "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: index.handler\n      Runtime: " + tc.runtime + "\n",
				"index.js":      "exports.handler = async () => process.version;\n",
			} {
				if err := os.WriteFile(filepath.Join(task, name), []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			p, _, err := Scan(context.Background(), Options{Path: task, CacheDir: sandboxtest.CacheDir(t), Runsc: runsc, Self: self, Node: host,
				TemplateNode: rtDir, Version: "test", StepTimeout: 20 * time.Second, RunTimeout: 3 * time.Minute})
			if err != nil {
				t.Fatal(err)
			}
			if p.Bundle.RuntimeVersion != tc.version || p.Incomplete {
				t.Errorf("ran on %q (incomplete %v), want %q", p.Bundle.RuntimeVersion, p.Incomplete, tc.version)
			}
			var got []string
			for _, pr := range p.Problems {
				if pr.Code == "node-runtime" || pr.Code == "runtime-mismatch" {
					got = append(got, pr.Code)
					if !strings.Contains(pr.Message, tc.runtime) {
						t.Errorf("%s does not name %s: %s", pr.Code, tc.runtime, pr.Message)
					}
				}
			}
			if want := []string{tc.problem}; tc.problem == "" && len(got) > 0 || tc.problem != "" && (len(got) != 1 || got[0] != want[0]) {
				t.Errorf("problems %v, want %q", got, tc.problem)
			}
		})
	}
}
