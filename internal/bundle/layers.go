package bundle

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// LayerMount is where Lambda extracts a function's layers.
const LayerMount = "/opt"

// layerNodeModules are the directories of a layer, relative to LayerMount,
// whose packages the Node.js 20 runtime finds (its NODE_PATH).
var layerNodeModules = []string{"nodejs/node20", "nodejs"}

// Layer is one Lambda layer applied to the function.
type Layer struct {
	// Name is the layer's base name as given ("deps-layer.zip").
	Name string `json:"name"`
	// Digest is "sha256:<hex>" over the layer's own files.
	Digest string `json:"digest"`
}

// openLayers stages the layers (directories or .zip files, in the order
// Lambda applies them: a later layer's file replaces an earlier one's)
// merged into opts.LayerDir, which the sandbox mounts read-only at /opt,
// and inventories their packages: the node_modules directories of
// nodejs/node20 and nodejs, as the runtime resolves them. Their Path is
// absolute ("/opt/nodejs/node_modules/x"), as the hook names code outside
// the task root, and Layer names the layer that holds the package.json.
//
// Python layers (python/, python/lib/python3.X/site-packages) are staged
// and mounted the same way; their distributions are not inventoried yet:
// that is inventoryLayerPython's to do (issue 13).
func openLayers(b *Bundle, opts Options) error {
	if opts.LayerDir == "" {
		return errors.New("layers given without a staging directory for them")
	}
	dstAbs, err := filepath.Abs(opts.LayerDir)
	if err != nil {
		return fmt.Errorf("layer staging directory: %w", err)
	}
	if ents, err := os.ReadDir(dstAbs); err != nil {
		return fmt.Errorf("layer staging directory: %w", err)
	} else if len(ents) != 0 {
		return fmt.Errorf("layer staging directory %s is not empty", opts.LayerDir)
	}
	merged := newTree(opts)
	origin := map[string]int{} // entry name → index of the layer it comes from
	var trees []*tree
	for i, src := range opts.Layers {
		info, err := os.Stat(src)
		if err != nil {
			return &InputError{Path: src, Msg: "the layer cannot be read; pass a layer directory or its .zip", Err: err}
		}
		lt := newTree(opts)
		release, err := collectSource(lt, src, dstAbs, info)
		if err != nil {
			return layerErr(src, err)
		}
		defer release()
		// A layer's digest is its own, before merging.
		if err := lt.finish(); err != nil {
			return layerErr(src, err)
		}
		b.Layers = append(b.Layers, Layer{Name: filepath.Base(src)})
		for name, e := range lt.entries {
			if e.implicit {
				continue
			}
			if prev, ok := merged.entries[name]; ok && (prev.kind == kindDir) != (e.kind == kindDir) {
				return inputErr(src, "holds %s as a %s where layer %s has a %s; Lambda cannot extract both, fix one of the layers",
					name, kindName(e.kind), opts.Layers[origin[name]], kindName(prev.kind))
			}
			if len(merged.entries) >= opts.MaxFiles {
				return limitErr(src, "MaxFiles", "the layers have more than %d files and directories; remove unneeded files or raise the limit", opts.MaxFiles)
			}
			merged.entries[name] = e
			origin[name] = i
		}
		trees = append(trees, lt)
	}
	if err := merged.finish(); err != nil {
		return err
	}
	root, err := os.OpenRoot(dstAbs)
	if err != nil {
		return fmt.Errorf("layer staging directory: %w", err)
	}
	defer root.Close()
	if _, err := merged.materialize(root); err != nil {
		emptyDir(root, dstAbs)
		return err
	}
	for i, lt := range trees {
		if err := lt.hashUnwritten(); err != nil {
			return layerErr(opts.Layers[i], err)
		}
		b.Layers[i].Digest = lt.digest()
	}
	b.LayerRoot = dstAbs
	b.layers = merged

	switch b.Runtime {
	case RuntimePython:
		// Issue 13: a Python function's layers are staged and mounted at
		// /opt like a Node.js function's (python/ and
		// python/lib/python3.X/site-packages are on Lambda's sys.path); their
		// distributions are to be inventoried here, like the bundle's own
		// (inventoryPython over those site directories of merged, with
		// install paths under /opt and Layer set from origin).
		return nil
	}
	for _, dir := range layerNodeModules {
		s := &scanner{t: merged, active: map[string]bool{}, bundlers: map[string]map[string]bool{}}
		real, ok := merged.dir(dir)
		if !ok {
			continue
		}
		s.active[real] = true
		if err := s.scanNodeModules(real); err != nil {
			return err
		}
		for _, p := range s.pkgs {
			if i, ok := origin[path.Join(p.Path, "package.json")]; ok {
				p.Layer = b.Layers[i].Name
			}
			p.Path = path.Join(LayerMount, p.Path)
			b.Packages = append(b.Packages, p)
		}
	}
	return nil
}

// hashUnwritten fills in the content hash of files materialize did not
// write (a later layer replaced them), for the layer's own digest.
func (t *tree) hashUnwritten() error {
	for _, name := range t.names {
		e := t.entries[name]
		if e.kind != kindFile || e.sum != ([sha256.Size]byte{}) {
			continue
		}
		rc, err := e.open()
		if err != nil {
			return fmt.Errorf("reading %s: %w", name, err)
		}
		h := sha256.New()
		_, err = io.Copy(h, io.LimitReader(rc, t.opts.MaxFileBytes+1))
		rc.Close()
		if err != nil {
			return fmt.Errorf("reading %s: %w", name, err)
		}
		copy(e.sum[:], h.Sum(nil))
	}
	return nil
}

// layerErr says which layer an input error is about.
func layerErr(src string, err error) error {
	var ie *InputError
	if errors.As(err, &ie) && !strings.HasPrefix(ie.Path, src) {
		c := *ie
		if c.Path == "" {
			c.Path = src
		} else {
			c.Path = src + ": " + c.Path
		}
		return &c
	}
	return err
}

func kindName(k kind) string {
	switch k {
	case kindDir:
		return "directory"
	case kindLink:
		return "symlink"
	}
	return "file"
}

// HostPath returns where a package's files are on the host: below Root
// for the function's own packages, below LayerRoot for a layer's.
func (b *Bundle) HostPath(installPath string) string {
	if rest, ok := strings.CutPrefix(installPath, LayerMount+"/"); ok && b.LayerRoot != "" {
		return filepath.Join(b.LayerRoot, filepath.FromSlash(rest))
	}
	return filepath.Join(b.Root, filepath.FromSlash(installPath))
}
