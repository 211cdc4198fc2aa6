package bundle

import (
	"encoding/json"
	"fmt"
	"path"
	"slices"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// maxConfigBytes bounds the size of a template or serverless.yml depbox parses.
const maxConfigBytes = 8 << 20

// defaultHandlerFiles are tried, in order, when no configuration names a
// handler; the export is assumed to be "handler".
var defaultHandlerFiles = []string{"index.js", "index.mjs", "index.cjs", "app.js", "handler.js", "lambda.js", "src/index.js"}

// handlerExts are the extensions the Node.js Lambda runtime tries, in order,
// after the extensionless name.
var handlerExts = []string{"", ".js", ".mjs", ".cjs"}

// function is a handler named by some configuration.
type function struct {
	name    string // the template's logical id or serverless function name
	origin  string // "template.yaml: Resources.Fn", for messages
	handler string
	runtime string // "" when not stated
	codeURI string // local code directory the handler is relative to, or ""
}

// detect fills in b.Runtime, b.Handler and b.HandlerFile (precedence in the
// package documentation). Handlers that are CloudFormation intrinsics or
// serverless variables are not usable and are passed over.
func detect(b *Bundle, t *tree, rootPkg *pkgJSON, opts Options) error {
	fn, all, err := configuredFunction(t, opts)
	if err != nil {
		return err
	}
	if fn != nil {
		b.Function = fn.name
	}
	for _, f := range all {
		if f.runtime == "" || strings.HasPrefix(f.runtime, "nodejs") || IsPythonRuntime(f.runtime) {
			b.Functions = append(b.Functions, f.name)
		} else {
			b.Unsupported = append(b.Unsupported, f.name+" ("+f.runtime+")")
		}
	}
	switch {
	case IsPythonRuntime(opts.Runtime), fn != nil && IsPythonRuntime(fn.runtime),
		opts.Runtime == "" && (fn == nil || fn.runtime == "") && !t.looksNode() && t.looksPython():
		return detectPython(b, t, fn, opts)
	case opts.Runtime != "" && opts.Runtime != "nodejs":
		return inputErr("", "runtime %q is not supported; use nodejs or a Python runtime such as python3.12", opts.Runtime)
	case fn != nil && fn.runtime != "" && !strings.HasPrefix(fn.runtime, "nodejs"):
		return inputErr(fn.origin, "uses runtime %q; only Node.js and Python bundles are supported", fn.runtime)
	}
	switch {
	case fn != nil:
		if err := checkHandler(fn.origin, fn.handler); err != nil {
			return err
		}
		h := fn.handler
		if fn.codeURI != "" {
			if _, ok := t.handlerFile(path.Join(fn.codeURI, fn.handler)); ok {
				h = path.Join(fn.codeURI, fn.handler)
				b.CodeDir = fn.codeURI
			}
		}
		file, ok := t.handlerFile(h)
		if !ok {
			return inputErr(fn.origin, "names the handler %q, but its module is not in the bundle (looked for %s); fix the handler or set it explicitly", fn.handler, strings.Join(moduleCandidates(h), ", "))
		}
		b.Handler, b.HandlerFile = h, file
	default:
		for _, f := range defaultHandlerFiles {
			if t.isFile(f) {
				b.Handler = strings.TrimSuffix(f, path.Ext(f)) + ".handler"
				break
			}
		}
		if b.Handler == "" && rootPkg.main != "" {
			if m := path.Clean(rootPkg.main); isJS(m) && t.isFile(m) && !strings.HasPrefix(m, "../") {
				b.Handler = strings.TrimSuffix(m, path.Ext(m)) + ".handler"
			}
		}
		if b.Handler != "" {
			b.HandlerFile, _ = t.handlerFile(b.Handler)
		}
	}

	if fn == nil && !isJS(b.HandlerFile) && !t.looksNode() {
		return inputErr("", "the bundle has no package.json, no .js, .mjs or .cjs file at its root or in node_modules, and no .py file or Python distribution at its root or under python/; only Node.js and Python bundles are supported")
	}
	b.Runtime = "nodejs"
	if fn != nil && strings.HasPrefix(fn.runtime, "nodejs") {
		b.Target = fn.runtime
	}
	return nil
}

// looksNode reports whether the bundle has a package.json, or .js, .mjs or
// .cjs files at its root or in node_modules.
func (t *tree) looksNode() bool {
	return t.isFile("package.json") || slices.ContainsFunc(t.names, func(n string) bool {
		return isJS(n) && (!strings.Contains(n, "/") || strings.HasPrefix(n, "node_modules/")) && t.entries[n].kind == kindFile
	})
}

func isJS(p string) bool {
	switch path.Ext(p) {
	case ".js", ".mjs", ".cjs":
		return true
	}
	return false
}

// checkHandler validates a handler string the way Lambda does: no spaces,
// at most 128 characters, "<module path>.<export>".
func checkHandler(origin, h string) error {
	base := path.Base(h)
	i := strings.IndexByte(base, '.')
	switch {
	case h == "" || len(h) > 128 || strings.IndexFunc(h, unicode.IsSpace) >= 0 || i <= 0 || i == len(base)-1 || strings.HasSuffix(h, "/"):
		return inputErr(origin, "handler %q is not of the form file.export (e.g. index.handler or src/app.handler)", h)
	case path.IsAbs(h) || path.Clean(h) == ".." || strings.HasPrefix(path.Clean(h), "../"):
		return inputErr(origin, "handler %q points outside the bundle; give it relative to the bundle root", h)
	}
	return nil
}

// handlerModule splits a handler into the bundle-relative module path the
// runtime loads (without extension): "src/app.handler" → "src/app".
func handlerModule(h string) string {
	dir, base := path.Split(h)
	if i := strings.IndexByte(base, '.'); i >= 0 {
		base = base[:i]
	}
	return path.Clean(dir + base)
}

func moduleCandidates(h string) []string {
	m := handlerModule(h)
	var out []string
	for _, ext := range handlerExts {
		out = append(out, m+ext)
	}
	return out
}

// handlerFile resolves a handler to its module file the way the Node.js
// Lambda runtime does: the extensionless name, then .js, .mjs, .cjs; a
// directory by its package.json "main" or index.js; finally the module name
// as a package in node_modules.
func (t *tree) handlerFile(h string) (string, bool) {
	m := handlerModule(h)
	if m == ".." || strings.HasPrefix(m, "../") || path.IsAbs(m) {
		return "", false
	}
	for _, ext := range handlerExts {
		if t.isFile(m + ext) {
			return m + ext, true
		}
	}
	if f, ok := t.packageEntry(m); ok {
		return f, true
	}
	mod := path.Base(m)
	for dir := path.Dir(m); ; dir = path.Dir(dir) {
		if f, ok := t.packageEntry(path.Join(dir, "node_modules", mod)); ok {
			return f, true
		}
		if dir == "." {
			return "", false
		}
	}
}

// packageEntry resolves the directory d as a CommonJS package: its
// package.json "main" (as a file, with .js, or as a directory's index.js),
// else index.js.
func (t *tree) packageEntry(d string) (string, bool) {
	if _, ok := t.dir(d); !ok || d == "." {
		return "", false
	}
	if real, e := t.lookup(path.Join(d, "package.json")); e != nil && e.kind == kindFile {
		var pj struct {
			Main any `json:"main"`
		}
		if data, err := t.readSmall(real); err == nil && json.Unmarshal(data, &pj) == nil {
			if m := str(pj.Main); m != "" {
				m = path.Join(d, m)
				for _, c := range []string{m, m + ".js", path.Join(m, "index.js")} {
					if strings.HasPrefix(c, d+"/") && t.isFile(c) {
						return c, true
					}
				}
			}
		}
	}
	if f := path.Join(d, "index.js"); t.isFile(f) {
		return f, true
	}
	return "", false
}

// readSmall reads a configuration file of the staged bundle.
func (t *tree) readSmall(real string) ([]byte, error) {
	if e := t.entries[real]; e == nil || e.size > maxConfigBytes {
		return nil, fmt.Errorf("%s: larger than %d bytes", real, maxConfigBytes)
	}
	return t.readFile(real)
}

// configuredFunction returns the function configuration names: Options,
// a template or serverless.yml; nil when none does. all are the functions
// of the template (or serverless.yml) it came from, in order.
func configuredFunction(t *tree, opts Options) (fn *function, all []*function, err error) {
	if opts.Handler != "" {
		if opts.Function != "" {
			return nil, nil, inputErr("", "give either a handler or a function of the template, not both")
		}
		if err := checkHandler("the handler option", opts.Handler); err != nil {
			return nil, nil, err
		}
		return &function{origin: "the handler option", handler: opts.Handler}, nil, nil
	}
	for _, name := range []string{"template.yaml", "template.yml", "template.json", "serverless.yml", "serverless.yaml"} {
		real, e := t.lookup(name)
		if e == nil || e.kind != kindFile {
			continue
		}
		if e.size > maxConfigBytes {
			return nil, nil, limitErr(name, "", "is larger than %d bytes; depbox does not parse it, set the handler explicitly or remove the file", maxConfigBytes)
		}
		data, err := t.readFile(real)
		if err != nil {
			return nil, nil, fmt.Errorf("reading %s: %w", name, err)
		}
		doc, err := parseConfig(name, data)
		if err != nil {
			return nil, nil, err
		}
		var fns []*function
		if strings.HasPrefix(name, "serverless") {
			fns = serverlessFunctions(name, doc)
		} else {
			fns = templateFunctions(t, name, doc)
		}
		if len(fns) == 0 {
			continue
		}
		if opts.Function != "" {
			i := slices.IndexFunc(fns, func(f *function) bool { return f.name == opts.Function })
			if i < 0 {
				return nil, nil, inputErr(name, "has no function %q with a usable handler; its functions are %s", opts.Function, functionNames(fns))
			}
			return fns[i], fns, nil
		}
		for _, fn := range fns {
			if fn.runtime == "" || strings.HasPrefix(fn.runtime, "nodejs") {
				return fn, fns, nil
			}
		}
		return fns[0], fns, nil
	}
	if opts.Function != "" {
		return nil, nil, inputErr("", "has no template.yaml, template.yml, template.json, serverless.yml or serverless.yaml naming function %q; drop --function or use --handler", opts.Function)
	}
	return nil, nil, nil
}

func functionNames(fns []*function) string {
	names := make([]string, len(fns))
	for i, f := range fns {
		names[i] = f.name
	}
	return strings.Join(names, ", ")
}

// parseConfig parses a YAML or JSON configuration file into a YAML node.
// CloudFormation short tags (!Ref, !GetAtt, !Sub, ...) are kept as tagged
// nodes, which is all depbox needs: it only reads plain strings.
func parseConfig(name string, data []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if path.Ext(name) == ".json" {
		var v any
		if err := json.Unmarshal(data, &v); err != nil {
			return nil, jsonError(name, data, err, "fix the template or set the handler explicitly")
		}
		if err := doc.Encode(v); err != nil {
			return nil, fmt.Errorf("reading %s: %w", name, err)
		}
		return &doc, nil
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, &InputError{Path: name, Msg: "malformed YAML; fix the file or set the handler explicitly", Err: err}
	}
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		return doc.Content[0], nil
	}
	return &doc, nil
}

// templateFunctions lists the functions of a SAM or CloudFormation template,
// sorted by logical id.
func templateFunctions(t *tree, name string, doc *yaml.Node) []*function {
	globals := ylookup(doc, "Globals", "Function")
	res := ylookup(doc, "Resources")
	var out []*function
	for _, id := range ykeys(res) {
		r := ylookup(res, id)
		typ, _ := ystring(ylookup(r, "Type"))
		if typ != "AWS::Serverless::Function" && typ != "AWS::Lambda::Function" {
			continue
		}
		props := ylookup(r, "Properties")
		if pt, _ := ystring(ylookup(props, "PackageType")); pt == "Image" {
			continue
		}
		prop := func(key string) (string, bool) {
			if n := ylookup(props, key); n != nil {
				return ystring(n)
			}
			if typ == "AWS::Serverless::Function" {
				return ystring(ylookup(globals, key))
			}
			return "", false
		}
		h, ok := prop("Handler")
		if !ok || h == "" {
			continue
		}
		fn := &function{name: id, origin: name + ": Resources." + id, handler: h}
		fn.runtime, _ = prop("Runtime")
		codeKey := "CodeUri"
		if typ == "AWS::Lambda::Function" {
			codeKey = "Code"
		}
		if c, ok := prop(codeKey); ok && !strings.Contains(c, "://") && !path.IsAbs(c) {
			if c = path.Clean(c); c != "." && c != ".." && !strings.HasPrefix(c, "../") {
				if _, isDir := t.dir(c); isDir {
					fn.codeURI = c
				}
			}
		}
		out = append(out, fn)
	}
	return out
}

// serverlessFunctions lists the functions of a serverless.yml, sorted by name.
func serverlessFunctions(name string, doc *yaml.Node) []*function {
	runtime, _ := ystring(ylookup(doc, "provider", "runtime"))
	fnsNode := yresolve(ylookup(doc, "functions"))
	var defs []*yaml.Node // mappings of name → definition
	if fnsNode != nil && fnsNode.Kind == yaml.SequenceNode {
		defs = fnsNode.Content
	} else {
		defs = []*yaml.Node{fnsNode}
	}
	var out []*function
	for _, d := range defs {
		for _, fname := range ykeys(d) {
			def := ylookup(d, fname)
			h, ok := ystring(ylookup(def, "handler"))
			if !ok || h == "" || strings.Contains(h, "${") {
				continue
			}
			fn := &function{name: fname, origin: name + ": functions." + fname, handler: h, runtime: runtime}
			if r, ok := ystring(ylookup(def, "runtime")); ok {
				fn.runtime = r
			}
			out = append(out, fn)
		}
	}
	slices.SortStableFunc(out, func(a, b *function) int { return strings.Compare(a.origin, b.origin) })
	return out
}

// yresolve follows aliases.
func yresolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 100; i++ {
		n = n.Alias
	}
	if n != nil && n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		return yresolve(n.Content[0])
	}
	return n
}

// ylookup walks mapping keys, honouring aliases and merge keys ("<<").
func ylookup(n *yaml.Node, keys ...string) *yaml.Node {
	for _, k := range keys {
		n = ymapGet(n, k, 0)
		if n == nil {
			return nil
		}
	}
	return n
}

func ymapGet(n *yaml.Node, key string, depth int) *yaml.Node {
	n = yresolve(n)
	if n == nil || n.Kind != yaml.MappingNode || depth > 20 {
		return nil
	}
	var merges []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
			merges = append(merges, v)
			continue
		}
		if k.Kind == yaml.ScalarNode && k.Value == key {
			return v
		}
	}
	for _, m := range merges {
		m = yresolve(m)
		srcs := []*yaml.Node{m}
		if m != nil && m.Kind == yaml.SequenceNode {
			srcs = m.Content
		}
		for _, s := range srcs {
			if v := ymapGet(s, key, depth+1); v != nil {
				return v
			}
		}
	}
	return nil
}

// ykeys returns the sorted keys of a mapping, merge keys included.
func ykeys(n *yaml.Node) []string {
	seen := map[string]bool{}
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		n = yresolve(n)
		if n == nil || depth > 20 {
			return
		}
		switch n.Kind {
		case yaml.SequenceNode:
			for _, c := range n.Content {
				walk(c, depth+1)
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i]
				if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
					walk(n.Content[i+1], depth+1)
				} else if k.Kind == yaml.ScalarNode {
					seen[k.Value] = true
				}
			}
		}
	}
	walk(n, 0)
	keys := make([]string, 0, len(seen))
	for k := range seen {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// ystring returns a plain string scalar; tagged values (!Ref, !Sub, ...)
// and non-strings are not.
func ystring(n *yaml.Node) (string, bool) {
	n = yresolve(n)
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag != "!!str" {
		return "", false
	}
	return n.Value, true
}
