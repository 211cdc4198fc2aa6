// Package hook holds depbox's in-process attribution preload for Node.js
// (hook.js), the AWS Lambda invoke harness (invoke.js), and the Go decoder
// for the records the preload emits.
//
// The preload runs first in every node process of the sandbox (through
// NODE_OPTIONS="--require /depbox/hook.js"). It wraps the JavaScript APIs
// through which a package reaches the outside world — process.env, fs, dns,
// net, tls, http(s), fetch, child_process, worker_threads, eval and vm,
// native addons, process.binding, timers — and, for every call, names the
// npm package responsible: the innermost node_modules package on the V8
// stack, or the package that scheduled the current asynchronous callback.
//
// Records leave the process through the syscall stream gVisor already
// monitors: each one becomes an open() of a path under MarkerDir that
// cannot exist, so it fails with ENOENT and has no side effect, and arrives
// in order with the process's other syscalls. Decode turns such a path back
// into a Record. See docs/hook.md for the record kinds and the attribution
// rules.
package hook

import (
	"bytes"
	"embed"
	"encoding/base64"
	"encoding/json"
	"sort"
	"strings"
)

// Paths inside the sandbox. Files are placed in the read-only control
// directory; the runner writes the two configuration files beside them.
const (
	// Dir is where Files go inside the sandbox.
	Dir = "/depbox"
	// HookPath is the preload, for NODE_OPTIONS and --require.
	HookPath = Dir + "/hook.js"
	// InvokePath is the invoke harness's entry point.
	InvokePath = Dir + "/invoke.js"
	// WatchdogPath is the invoke harness's watchdog thread, beside it.
	WatchdogPath = Dir + "/watchdog.js"
	// HookConfigPath is read by the preload at start (see HookConfig).
	HookConfigPath = Dir + "/hook-config.json"
	// InvokeConfigPath is the default location of the invoke harness's
	// configuration (see InvokeConfig); the harness takes the path as its
	// last argument.
	InvokeConfigPath = Dir + "/invoke-config.json"
)

// MarkerDir prefixes every marker path. Nothing exists there, so the
// marker open fails with ENOENT.
const MarkerDir = "/__depbox__/"

// Limits of the marker encoding, shared with hook.js (which enforces them).
const (
	// componentLen is the length of each path component of the encoded
	// record: well below NAME_MAX (255).
	componentLen = 200
	// MaxPathLen bounds a whole marker path (PATH_MAX is 4096).
	MaxPathLen = 3500
)

// NodeOptions is the NODE_OPTIONS value that loads the preload. The runner
// must put it FIRST: node runs --require options in order, and a preload
// from the function's own configuration that ran before the hook could
// hide from it. Append the function's own NODE_OPTIONS after it.
const NodeOptions = "--require " + HookPath

//go:embed hook.js invoke.js regions.js watchdog.js
var files embed.FS

// Files returns the files to place in the sandbox's read-only /depbox
// directory, by base name: "hook.js", "invoke.js", "regions.js" and
// "watchdog.js".
func Files() map[string][]byte {
	out := map[string][]byte{}
	entries, _ := files.ReadDir(".")
	for _, e := range entries {
		b, err := files.ReadFile(e.Name())
		if err != nil {
			panic("hook: embedded file " + e.Name() + ": " + err.Error()) // cannot happen: embedded at build time
		}
		out[e.Name()] = b
	}
	return out
}

// Record is one thing a package did, as the preload saw it.
type Record struct {
	// Kind is the API family: "env", "fs", "dns", "net", "http", "child",
	// "worker", "eval", "native", "binding", "tamper", "timer", "invoke",
	// "world" (an environment signal looked at: hostname, homedir,
	// userInfo, networkInterfaces, intl, timezone, clock), "module" or "error" (the hook itself failed; Detail.error says how).
	Kind string `json:"k"`
	// Op is what was done, e.g. "get", "enumerate" (env); "read", "write",
	// "stat", "list", "delete" (fs); "lookup" (dns); "connect", "write"
	// (net); "request", "body", "fetch" (http); "spawn" (child);
	// "start", "end", "quiet", "timeout", "throw" (invoke). docs/hook.md
	// lists all.
	Op string `json:"o"`
	// Pkg is the install path of the package held responsible, relative to
	// the task root ("node_modules/a/node_modules/@s/b"); "" is the
	// function's own code; "(unknown)" when no JavaScript frame and no
	// asynchronous origin named anyone.
	Pkg string `json:"p,omitempty"`
	// Chain lists the install paths of the frames on the stack, outermost
	// first, consecutive duplicates folded ("" is the function's own code).
	Chain []string `json:"c,omitempty"`
	// Origin is the install path of the package that scheduled the
	// asynchronous callback now running (async_hooks); "" when none or the
	// function's own code.
	Origin string `json:"g,omitempty"`
	// Detail is kind-specific (docs/hook.md). Strings that were cut end in
	// "…" and set "truncated": true.
	Detail map[string]any `json:"d,omitempty"`
	// Seq numbers the records of one process, all threads together,
	// from 1 (the key announcement; see Marker).
	Seq int64 `json:"s"`
	// Thread is the worker thread id (0: the main thread).
	Thread int `json:"t,omitempty"`
}

// Unknown is Record.Pkg when nobody could be named.
const Unknown = "(unknown)"

// Decode returns the record a marker path encodes, as the open() syscall
// saw it. It returns false for paths that are not well-formed markers.
func Decode(path string) (Record, bool) {
	rest, ok := strings.CutPrefix(path, MarkerDir)
	if !ok || rest == "" || len(path) > 4096 {
		return Record{}, false
	}
	enc := strings.ReplaceAll(rest, "/", "")
	raw, err := base64.RawURLEncoding.DecodeString(enc)
	if err != nil {
		return Record{}, false
	}
	var r Record
	if err := json.Unmarshal(raw, &r); err != nil || r.Kind == "" || r.Op == "" {
		return Record{}, false
	}
	return r, true
}

// Encode is the Go twin of the preload's encoder, for tests and tools: it
// returns the marker path for r. It does not truncate; a record whose path
// would exceed MaxPathLen is returned anyway.
func Encode(r Record) string {
	b, _ := json.Marshal(r)
	return encodePath(b)
}

// encodePath is the marker path of a record's JSON.
func encodePath(b []byte) string {
	enc := base64.RawURLEncoding.EncodeToString(b)
	var sb strings.Builder
	sb.WriteString(MarkerDir)
	for i := 0; i < len(enc); i += componentLen {
		if i > 0 {
			sb.WriteByte('/')
		}
		sb.WriteString(enc[i:min(i+componentLen, len(enc))])
	}
	return sb.String()
}

// Data returns the outgoing bytes a record carries in Detail["data_b64"]
// (net writes, http bodies, fetch bodies, file writes), or nil.
func (r Record) Data() []byte {
	s, _ := r.Detail["data_b64"].(string)
	if s == "" {
		return nil
	}
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return nil
	}
	return b
}

// JoinData reassembles the captured prefix of each outgoing write. A
// write's first bytes travel in its own record; what does not fit follows
// in records of the same Kind with Op "data", Detail "of" naming the first
// record's Seq and "off" the byte offset. The result maps the first
// record's Seq to the bytes, in order, for records of one process.
func JoinData(recs []Record) map[int64][]byte {
	type part struct {
		off  int
		data []byte
	}
	parts := map[int64][]part{}
	for _, r := range recs {
		d := r.Data()
		if d == nil {
			continue
		}
		if r.Op == "data" {
			of, ok1 := number(r.Detail["of"])
			off, ok2 := number(r.Detail["off"])
			if ok1 && ok2 {
				parts[int64(of)] = append(parts[int64(of)], part{int(off), d})
			}
			continue
		}
		parts[r.Seq] = append(parts[r.Seq], part{0, d})
	}
	out := make(map[int64][]byte, len(parts))
	for seq, ps := range parts {
		sort.SliceStable(ps, func(i, j int) bool { return ps[i].off < ps[j].off })
		var buf bytes.Buffer
		for _, p := range ps {
			if p.off < buf.Len() { // overlap or duplicate: keep what is new
				if p.off+len(p.data) <= buf.Len() {
					continue
				}
				p.data = p.data[buf.Len()-p.off:]
			} else if p.off > buf.Len() { // a part is missing: stop at the gap
				break
			}
			buf.Write(p.data)
		}
		out[seq] = buf.Bytes()
	}
	return out
}

func number(v any) (float64, bool) {
	f, ok := v.(float64)
	return f, ok
}
