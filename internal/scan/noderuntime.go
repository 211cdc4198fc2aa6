package scan

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/depbox/depbox/internal/bundle"
	"github.com/depbox/depbox/profile"
	"github.com/depbox/depbox/sandbox"
)

// A node runtime is a newer node than the host's for the sandbox:
// scripts/node-runtime extracts Debian's nodejs of a newer suite, with every
// library it needs (glibc included), into DIR/root and describes it in
// DIR/runtime.json. Its files go into the sandbox's root file system only
// (RootfsSpec.Sysroot); depbox never runs it on the host. It is how a
// package whose native addon needs Node-API 10 (node 22.14 or later; the
// host's node 20 crashes loading it) is seen doing what it does.

// NodeRuntime is a node runtime directory, read by OpenNodeRuntime.
type NodeRuntime struct {
	// Dir is the runtime's directory; Root its root file system (Dir/root).
	Dir, Root string
	// Node is the node binary's path on the host (inside Root).
	Node string
	// Version is node's version ("v24.21.0"), NAPI the Node-API version it
	// supports, Suite the Debian suite it came from.
	Version string
	NAPI    int
	Suite   string
}

// runtimeFile is what scripts/node-runtime writes.
type runtimeFile struct {
	Node     string   `json:"node"`
	NAPI     int      `json:"napi"`
	Suite    string   `json:"suite"`
	Binary   string   `json:"binary"`
	Packages []string `json:"packages"`
}

// nodeRuntimeFix says how to make a runtime.
const nodeRuntimeFix = "make one with scripts/node-runtime DIR (make node-runtime writes the default one)"

// OpenNodeRuntime reads the node runtime in dir.
func OpenNodeRuntime(dir string) (*NodeRuntime, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(filepath.Join(abs, "runtime.json"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s is not a node runtime (no runtime.json): %s", dir, nodeRuntimeFix)
	}
	if err != nil {
		return nil, fmt.Errorf("reading the node runtime: %w", err)
	}
	var f runtimeFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("%s/runtime.json: %w (%s)", dir, err, nodeRuntimeFix)
	}
	if f.Node == "" || f.NAPI <= 0 || f.Binary == "" || filepath.IsAbs(f.Binary) || strings.HasPrefix(filepath.Clean(f.Binary), "..") {
		return nil, fmt.Errorf("%s/runtime.json does not say which node it holds (node, napi, binary): %s", dir, nodeRuntimeFix)
	}
	rt := &NodeRuntime{Dir: abs, Root: filepath.Join(abs, "root"), Version: f.Node, NAPI: f.NAPI, Suite: f.Suite}
	rt.Node = filepath.Join(rt.Root, f.Binary)
	if fi, err := os.Stat(rt.Node); err != nil || !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("the node runtime in %s lacks its node (%s): %s", dir, f.Binary, nodeRuntimeFix)
	}
	return rt, nil
}

// DefaultNodeRuntime is where scripts/node-runtime writes a runtime by
// default: the user cache's depbox/node-runtime.
func DefaultNodeRuntime() string {
	c, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(c, "depbox", "node-runtime")
}

// spec is the root file system of a sandbox running this runtime's node:
// the runtime's root, with the tools and Python (RootfsSpec) from the host.
func (rt *NodeRuntime) spec() sandbox.RootfsSpec {
	s := RootfsSpec("")
	delete(s.Programs, "/usr/bin/node") // the runtime's own, in its root
	s.Sysroot = rt.Root
	return s
}

// chooseNode picks the node a Node.js bundle runs on: o.NodeRuntime when
// set; else o.TemplateNode when the function's template declares the
// Lambda runtime of its node's major version (a declared runtime of
// another major than the host's node gets a runtime-mismatch warning);
// else o.NewerNode when a package of b ships an addon needing a newer
// Node-API than the host's node (o.Node) supports and the runtime supports
// it; else the host's node (nil). The problem, when not nil, goes on the
// profile: it says which node ran and why. hostNode is the host's node's
// version (nodeVersion).
func (o Options) chooseNode(b *bundle.Bundle, dir, hostNode string) (*NodeRuntime, *profile.Problem, error) {
	if b.Runtime != "nodejs" {
		return nil, nil, nil
	}
	if o.NodeRuntime != "" {
		rt, err := OpenNodeRuntime(o.NodeRuntime)
		if err != nil {
			return nil, nil, &InputError{err}
		}
		return rt, nil, nil
	}
	if want := lambdaNodeMajor(b.Target); want != "" {
		if rt, err := OpenNodeRuntime(o.TemplateNode); o.TemplateNode != "" && err == nil && nodeMajor(rt.Version) == want {
			return rt, &profile.Problem{Code: "node-runtime", Message: fmt.Sprintf(
				"the function declares the Lambda runtime %s, so it ran on the node runtime's node %s (Debian %s) instead of the host's node",
				b.Target, rt.Version, rt.Suite)}, nil
		}
		if nodeMajor(hostNode) != want {
			return nil, &profile.Problem{Code: "runtime-mismatch", Message: fmt.Sprintf(
				"the function declares the Lambda runtime %s, but the sandbox ran node %s (the host's, --node): a package may behave otherwise on node %s; make node-runtime gives a node 24 that nodejs24.x functions run on (docs/runtime.md)",
				b.Target, hostNode, want)}, nil
		}
	}
	if o.NewerNode == "" {
		return nil, nil, nil
	}
	need, pkg, addon := 0, "", ""
	for _, pk := range b.Packages {
		if !strings.HasPrefix(pk.Path, "node_modules/") {
			continue
		}
		if a, v := newestAddon(filepath.Join(dir, filepath.FromSlash(pk.Path))); v > need {
			need, pkg, addon = v, pk.Path, a
		}
	}
	if need == 0 {
		return nil, nil, nil
	}
	have := nodeAPIVersion(o.Node)
	if have == 0 || need <= have {
		return nil, nil, nil
	}
	rt, err := OpenNodeRuntime(o.NewerNode)
	if err != nil {
		return nil, nil, nil // not made: the host's node, and napiProblems explains a crash
	}
	if rt.NAPI < need {
		return nil, nil, nil
	}
	return rt, &profile.Problem{Code: "node-runtime", Dependency: pkg, Message: fmt.Sprintf(
		"%s ships the native addon %s, which needs Node-API %d; the host's node supports Node-API %d (and crashes loading it), so it ran on the node runtime of --addon-node: node %s (Node-API %d) from Debian %s",
		pkg, pkg+"/"+addon, need, have, rt.Version, rt.NAPI, rt.Suite)}, nil
}

// lambdaNodeMajor is the node major version of a Lambda runtime
// identifier ("nodejs24.x" → "24"), "" for anything else.
func lambdaNodeMajor(target string) string {
	v, ok := strings.CutPrefix(target, "nodejs")
	if !ok {
		return ""
	}
	v, ok = strings.CutSuffix(v, ".x")
	if !ok || v == "" || strings.Trim(v, "0123456789") != "" {
		return ""
	}
	return v
}

// nodeMajor is the major version of a node version ("v24.21.0" → "24").
func nodeMajor(v string) string {
	major, _, _ := strings.Cut(strings.TrimPrefix(v, "v"), ".")
	return major
}
