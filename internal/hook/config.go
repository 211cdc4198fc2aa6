package hook

import (
	"encoding/json"
	"fmt"
)

// HookConfig is /depbox/hook-config.json, read by the preload when it
// starts, with the fs functions captured before any other code ran. It
// travels in a file rather than in environment variables so that the code
// under test cannot read or change the hook's settings through
// process.env. Zero values take the defaults.
type HookConfig struct {
	// TimerBudgetMS: setTimeout/setInterval (and timers/promises) delays
	// longer than this are shortened to it and recorded as Kind "timer",
	// Op "brought-forward". 0 leaves timers alone.
	TimerBudgetMS int `json:"timer_budget_ms,omitempty"`
	// TaskRoot is where the function is mounted (default "/var/task");
	// install paths are relative to it.
	TaskRoot string `json:"task_root,omitempty"`
	// StackLimit is how many frames are captured for attribution
	// (default 100).
	StackLimit int `json:"stack_limit,omitempty"`
	// DataBytes is how many leading bytes of each outgoing write are
	// recorded as Detail.data_b64 (default 4096, at most 65536).
	DataBytes int `json:"data_bytes,omitempty"`
	// NoEvalInspector turns off the in-process inspector that reports every
	// eval, new Function and vm compilation (the Function and vm wrappers
	// stay). It costs start-up time and some speed.
	NoEvalInspector bool `json:"no_eval_inspector,omitempty"`
	// NoEvalInspectorPhases turns the inspector off only in processes of
	// these phases (from the depbox:run marker in their argv).
	NoEvalInspectorPhases []string `json:"no_eval_inspector_phases,omitempty"`
	// NoAsyncOrigin turns off async_hooks origin tracking.
	NoAsyncOrigin bool `json:"no_async_origin,omitempty"`
	// RegionFiles are the bundle files (absolute paths in the sandbox)
	// that RegionsPath maps: positions in them name bundled packages.
	RegionFiles []string `json:"region_files,omitempty"`
	// DateOffsetMS moves the clock JavaScript reads (Date.now(), new
	// Date(), Date()) this far ahead: the world variant where the date is
	// later (time bombs). 0 leaves the clock alone.
	DateOffsetMS int64 `json:"date_offset_ms,omitempty"`
}

// ExtraCAPath is, when present, a certificate authority (PEM) the hooks
// add to every TLS context node and Python make: the fake internet's,
// made for each sandbox run (internal/fakenet, TLS). It travels in a file
// of the control directory, never in NODE_EXTRA_CA_CERTS or SSL_CERT_FILE,
// which the code under test would see in its environment; the root file
// system's CA bundle links to it for other programs (curl, wget).
const ExtraCAPath = Dir + "/extra-ca.pem"

// RegionsPath is the region table of the bundled functions' files
// (Regions, as JSON), read by the hook on first use.
const RegionsPath = Dir + "/regions.json"

// Regions maps each bundle file (absolute path in the sandbox) to where
// each owner's code starts in it.
type Regions map[string]FileRegions

// FileRegions is one bundle file's table.
type FileRegions struct {
	// Owners are install paths ("" the function's own code).
	Owners []string `json:"owners"`
	// Starts holds line, column and owner index for each region, in
	// order; lines and columns are 1-based as in V8's call sites. A region
	// lasts until the next one starts; before the first is the function's.
	Starts []int `json:"starts"`
	// LoaderSites holds line and column of each of webpack's module eval
	// calls: evals there load a module and are not recorded.
	LoaderSites []int `json:"loader_sites,omitempty"`
	// EvalHashes maps the SHA-256 (hex) of the code each of webpack's
	// module evals runs to its owner index: frames of code that named
	// itself with a //# sourceURL carry no eval position, only this hash.
	EvalHashes map[string]int `json:"eval_hashes,omitempty"`
}

// InvokeConfig is the invoke harness's configuration
// (/depbox/invoke-config.json by default; the path is the harness's last
// argument).
type InvokeConfig struct {
	// Handler is Lambda's handler string, "file.export" or
	// "dir/file.nested.export", resolved like the Lambda Node.js runtime:
	// an extensionless file, then .js (required, or imported when the
	// nearest package.json says "type": "module"), .mjs (imported), .cjs
	// (required), then a module resolved by name.
	Handler string `json:"handler"`
	// TaskRoot is the function's directory (default "/var/task").
	TaskRoot string `json:"task_root,omitempty"`
	// Events is the path of a JSON array of Event, invoked in order.
	Events string `json:"events"`
	// TimeoutMS bounds each invocation (default 3000, Lambda's default).
	TimeoutMS int `json:"timeout_ms,omitempty"`
	// InitTimeoutMS bounds loading the handler (Lambda's init phase; default
	// 10000, Lambda's limit).
	InitTimeoutMS int `json:"init_timeout_ms,omitempty"`
	// LingerMS is how long the process may run after the last invocation,
	// for pending (brought-forward) timers; it exits earlier when nothing
	// is pending.
	LingerMS int `json:"linger_ms,omitempty"`
	// FunctionName, FunctionVersion, MemoryMB, Region and AccountID fill
	// the Lambda context (defaults "depbox-function", "$LATEST", 128,
	// "us-east-1", "123456789012").
	FunctionName    string `json:"function_name,omitempty"`
	FunctionVersion string `json:"function_version,omitempty"`
	MemoryMB        int    `json:"memory_mb,omitempty"`
	Region          string `json:"region,omitempty"`
	AccountID       string `json:"account_id,omitempty"`
	// Seed makes context.awsRequestId and the log stream name
	// deterministic: the same seed gives the same ids.
	Seed string `json:"seed,omitempty"`
}

// Event is one synthetic invocation.
type Event struct {
	Name    string          `json:"name"`
	Payload json.RawMessage `json:"payload"`
}

// Names of the configuration files in Dir.
const (
	HookConfigName   = "hook-config.json"
	InvokeConfigName = "invoke-config.json"
	EventsName       = "events.json"
)

// ConfigFiles returns the three configuration files for Dir, by base name:
// hook-config.json, invoke-config.json and events.json. When inv.Events is
// empty it is pointed at Dir/events.json.
func ConfigFiles(h HookConfig, inv InvokeConfig, events []Event) (map[string][]byte, error) {
	if inv.Events == "" {
		inv.Events = Dir + "/" + EventsName
	}
	evs := make([]Event, len(events))
	for i, e := range events {
		if len(e.Payload) == 0 {
			e.Payload = json.RawMessage("{}")
		}
		evs[i] = e
	}
	out := map[string][]byte{}
	for name, v := range map[string]any{HookConfigName: h, InvokeConfigName: inv, EventsName: evs} {
		b, err := json.Marshal(v)
		if err != nil {
			return nil, fmt.Errorf("encoding %s: %w", name, err)
		}
		out[name] = b
	}
	return out, nil
}
