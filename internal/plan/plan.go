// Package plan is the contract between depbox on the host and its runner
// inside the sandbox: which processes to start for which dependency and
// phase, with which limits (Plan), and how each one ended (Results). Both
// travel as JSON through directories mounted into the sandbox.
package plan

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/depbox/depbox/internal/fakenet"
)

// Version is bumped when Plan or Results change incompatibly.
const Version = 1

// Paths inside the sandbox.
const (
	ControlDir  = "/depbox"           // read-only: the runner binary and the plan
	RunnerPath  = "/depbox/depbox"    // the static depbox binary
	PlanPath    = "/depbox/plan.json" // the plan
	OutDir      = "/depbox/out"       // writable: results
	ResultsPath = "/depbox/out/results.json"
	FakeNetPath = "/depbox/out/fakenet.jsonl"
	TaskRoot    = "/var/task" // the bundle, read-only
	// SandboxUID and SandboxGID are Lambda's sbx_user.
	SandboxUID  = 993
	SandboxGID  = 990
	SandboxHome = "/home/sbx_user"
)

// Plan is what the runner executes.
type Plan struct {
	Version int `json:"version"`
	// Node is the node binary inside the sandbox.
	Node string `json:"node"`
	// Jobs is how many steps of one level run at once.
	Jobs int `json:"jobs"`
	// StepTimeoutMS bounds each step's process tree.
	StepTimeoutMS int `json:"step_timeout_ms"`
	// LingerMS is how long a step's process may keep running after its work
	// is done (pending timers and sockets) before it is ended.
	LingerMS int `json:"linger_ms"`
	// ReferenceMS is how long the reference step's work (Step.Reference:
	// node's start with the hook, loading nothing; its linger not counted)
	// takes on an unloaded machine. The time limits are meant for such a
	// machine: when the run's reference step takes longer, the runner
	// stretches every later step's limits — its timeout, and the deadlines
	// its status lines set — by the ratio, up to MaxStretch (see Stretch).
	// 0 stretches nothing.
	ReferenceMS int `json:"reference_ms,omitempty"`
	// Stretch is the factor the later steps' limits are stretched by; the
	// runner sets it from the reference step (ReferenceMS), and the results
	// report it. 0 or 1: no stretching.
	Stretch float64 `json:"stretch,omitempty"`
	// UID and GID the steps run as (0: root inside the sandbox). Lambda runs
	// functions as sbx_user; the runner stays root, so a step cannot reach
	// its results or its file descriptors.
	UID int `json:"uid"`
	GID int `json:"gid"`
	// Home is the steps' home directory, handed to UID at start.
	Home string `json:"home,omitempty"`
	// HomeFiles are written into Home before the steps run (relative path
	// → content): the fake world's bait files.
	HomeFiles map[string][]byte `json:"home_files,omitempty"`
	// FakeNet starts the fake internet (DNS and TCP sinkholes) before the
	// steps; what it sees is written to FakeNetPath.
	FakeNet bool `json:"fake_net,omitempty"`
	// Cloud, with FakeNet, answers on the cloud's link-local endpoints
	// (instance metadata, container credentials) with fake credentials.
	Cloud *fakenet.Cloud `json:"cloud,omitempty"`
	// HTTPMarker goes into the fake internet's HTTP answers (see
	// fakenet.Config.Marker).
	HTTPMarker string `json:"http_marker,omitempty"`
	// Geo, when set, is where the fake internet's HTTP answers say the
	// sandbox is (a world variant; see fakenet.Config.Geo).
	Geo *fakenet.Geo `json:"geo,omitempty"`
	// TLS, when set, lets the fake internet answer TLS (fakenet.TLS).
	TLS *fakenet.TLS `json:"tls,omitempty"`
	// Env is the environment of every step's process.
	Env []string `json:"env"`
	// Levels run in order; the steps of one level may run in parallel.
	Levels [][]Step `json:"levels"`
	// WritableTask lets the steps write to the bundle (the install phase);
	// writes stay inside the sandbox.
	WritableTask bool `json:"writable_task,omitempty"`
	// Files are placed in ControlDir before the run (path → content), e.g.
	// "/depbox/steps/3.sh".
	Files map[string][]byte `json:"-"`
}

// Step is one process: the program (the plan's Node when empty), its
// arguments, working directory and extra environment, and what it stands for.
type Step struct {
	Phase      string   `json:"phase"`
	Dependency string   `json:"dependency"` // install path, or "-" for the reference process
	Program    string   `json:"program,omitempty"`
	Args       []string `json:"args"`
	Dir        string   `json:"dir"`
	Env        []string `json:"env,omitempty"`
	// TimeoutMS overrides the plan's StepTimeoutMS for this step.
	TimeoutMS int `json:"timeout_ms,omitempty"`
	// Calls marks the execute harness (internal/scan/execute.js), which
	// numbers the calls it makes: when its process ends in a call's own
	// code — the call exited the process, or ran past the budget its
	// status line set — the runner starts the step again from the next
	// call without that export's later calls (Args plus a JSON argument
	// {"from": n+1, "skip": [export, …]}), up to MaxSkippedCalls times, and
	// reports the calls skipped (StepResult.SkippedCalls).
	Calls bool `json:"calls,omitempty"`
	// Reference marks the reference step whose duration measures how
	// loaded the machine is (Plan.ReferenceMS); it must be alone in the
	// first level.
	Reference bool `json:"reference,omitempty"`
	// Watchdog makes the runner read the step's status lines (fd 3) as they
	// come: a line {"deadline_ms": N, "what": "…"} arms a watchdog that
	// kills the step when N ms pass without another such line; 0 disarms
	// it. The invoke harness uses it to bound handler start-up and each
	// invocation even when code under test never yields (a synchronous
	// infinite loop cannot be interrupted from inside the process).
	Watchdog bool `json:"watchdog,omitempty"`
	// Batch makes the step a batch: processes that load these packages one
	// after the other (see the runner), each package's load bounded by
	// TimeoutMS or StepTimeoutMS. The argument equal to Dependency is
	// numbered in every process the runner starts for the batch
	// ("(batch)" → "(batch)3"), so that each names itself in its argv.
	Batch []BatchItem `json:"batch,omitempty"`
}

// BatchItem is one package of a batch step.
type BatchItem struct {
	Dependency string `json:"dependency"`
	// Dir is where the package resolves from by Name.
	Dir  string `json:"dir"`
	Name string `json:"name"`
	// Alone loads the package in a process of its own, for when its window
	// in a batch process cannot be vouched for.
	Alone Step `json:"alone"`
}

// Results is what the runner reports back.
type Results struct {
	Version int          `json:"version"`
	Steps   []StepResult `json:"steps"`
	// Error is set when the runner itself failed.
	Error string `json:"error,omitempty"`
	// Warnings are gaps the runner worked around (e.g. a sinkhole port it
	// could not bind).
	Warnings []string `json:"warnings,omitempty"`
	// Swept are the pids of processes the runner killed because they were
	// still running, detached from their steps, after the steps ended.
	Swept []int `json:"swept,omitempty"`
	// Stretch is the factor the steps' limits were stretched by after the
	// reference step (Plan.ReferenceMS); 0 when they were not.
	Stretch float64 `json:"stretch,omitempty"`
	// ReferenceMS is the reference step's work as measured in this run.
	ReferenceMS int64 `json:"reference_ms,omitempty"`
}

// SkippedCall is a call of the execute harness that ended its process.
type SkippedCall struct {
	// N is the call's number; What names it (its export and arguments);
	// Label is the export (its later calls are not made either).
	N     int    `json:"n"`
	What  string `json:"what"`
	Label string `json:"label"`
	// Ended is "exit" (the call's code exited the process, with Code) or
	// "budget" (it ran past its budget and was killed).
	Ended string `json:"ended"`
	Code  int    `json:"code,omitempty"`
}

// UnsettledCall is a call of the execute harness whose returned promise
// had not settled when the harness went on to the next call.
type UnsettledCall struct {
	// N is the call's number; What names it (its export and arguments).
	N    int    `json:"n"`
	What string `json:"what"`
	// Extended says the harness waited at least twice the call timeout:
	// the promise's continuations kept its event loop busy (chains of
	// execSync), which the runner's watchdog allows while they keep
	// starting processes. (Not the milliseconds: a profile is the same
	// from run to run.)
	Extended bool `json:"extended"`
}

// MaxCalls is how many calls the execute harness makes at most (MAX_CALLS
// in internal/scan/execute.js).
const MaxCalls = 200

// MaxSkippedCalls bounds how often an execute step starts again after a
// call that ended its process: a package whose calls keep ending it
// leaves the phase incomplete.
const MaxSkippedCalls = 16

// MaxStretch bounds how far machine load stretches the time limits
// (Plan.ReferenceMS): a step that never ends is still ended, at most
// MaxStretch times its limit later.
const MaxStretch = 10.0

// StepResult is how one step ended.
type StepResult struct {
	Phase      string `json:"phase"`
	Dependency string `json:"dependency"`
	Pid        int    `json:"pid"`
	// ExitCode is the process's exit code; -1 when it was killed by a signal.
	ExitCode int    `json:"exit_code"`
	Signal   string `json:"signal,omitempty"`
	TimedOut bool   `json:"timed_out,omitempty"`
	// Overdue names what the watchdog was waiting for when it killed the
	// step (see Step.Watchdog).
	Overdue string `json:"overdue,omitempty"`
	// Status and Error are what the loader reported: "ok" or "error" with a
	// short code such as ERR_REQUIRE_ESM; empty when it reported nothing.
	Status     string `json:"status,omitempty"`
	Error      string `json:"error,omitempty"`
	DurationMS int64  `json:"duration_ms"`
	// Stderr is the tail of the process's standard error.
	Stderr string `json:"stderr,omitempty"`
	// Batch names the batch process whose window this result is (its
	// numbered dependency argument, e.g. "(batch)3"); "" when the package
	// was loaded in a process of its own.
	Batch string `json:"batch,omitempty"`
	// Token is the window's token, which its framing records carry.
	Token string `json:"token,omitempty"`
	// Loaded are the install paths of the packages in the module tree the
	// package's load required, those the batch process had already loaded
	// included.
	Loaded []string `json:"loaded,omitempty"`
	// SkippedCalls are the calls of an execute step (Step.Calls) whose own
	// code ended their process; the step went on after each in a new
	// process.
	SkippedCalls []SkippedCall `json:"skipped_calls,omitempty"`
	// UnsettledCalls are the calls of an execute step whose returned
	// promise had not settled when the harness went on (every process of
	// the step).
	UnsettledCalls []UnsettledCall `json:"unsettled_calls,omitempty"`
	// Isolated says why a package of a batch step was loaded alone after
	// all: what made its window untrustworthy ("exited", "timeout",
	// "pending", "timer", "foreign-work", "late-work", "module-system",
	// "bypass", "tamper", "no-progress").
	Isolated []string `json:"isolated,omitempty"`
}

// ReadFile decodes a JSON file into v.
func ReadFile(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("decoding %s: %w", path, err)
	}
	return nil
}

// WriteFile encodes v as JSON into path.
func WriteFile(path string, v any) error {
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}
