package scan

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/depbox/depbox/internal/bundle"
	"github.com/depbox/depbox/internal/canary"
	"github.com/depbox/depbox/internal/event"
	"github.com/depbox/depbox/internal/hook"
	"github.com/depbox/depbox/internal/plan"
	"github.com/depbox/depbox/profile"
	"github.com/depbox/depbox/profiler"
)

// Function is the dependency field of the invoke run: the function's one
// process, in which every package runs.
const Function = "(function)"

// lambdaEnv is the environment the AWS Lambda Node.js runtime gives a
// function (nodejs20.x), so that environment-gated payloads fire. Lambda's
// LD_LIBRARY_PATH is left out: its directories do not exist in depbox's
// root file system, and the dynamic loader probing them at every program
// start doubled the event stream and the time of a scan.
func lambdaEnv(b *bundle.Bundle, o Options) []string {
	name := o.FunctionName
	if name == "" {
		name = sanitizeName(b.Name)
	}
	region := "us-east-1"
	return []string{
		"AWS_LAMBDA_FUNCTION_NAME=" + name,
		"AWS_LAMBDA_FUNCTION_VERSION=$LATEST",
		"AWS_LAMBDA_FUNCTION_MEMORY_SIZE=" + strconv.Itoa(o.FunctionMemoryMB),
		"AWS_LAMBDA_LOG_GROUP_NAME=/aws/lambda/" + name,
		"AWS_LAMBDA_LOG_STREAM_NAME=2026/01/01/[$LATEST]" + shortHash(name),
		"AWS_LAMBDA_INITIALIZATION_TYPE=on-demand",
		"AWS_LAMBDA_RUNTIME_API=127.0.0.1:9001",
		"AWS_REGION=" + region,
		"AWS_DEFAULT_REGION=" + region,
		"AWS_EXECUTION_ENV=AWS_Lambda_nodejs20.x",
		"AWS_XRAY_CONTEXT_MISSING=LOG_ERROR",
		"AWS_XRAY_DAEMON_ADDRESS=169.254.79.129:2000",
		"_AWS_XRAY_DAEMON_ADDRESS=169.254.79.129",
		"_AWS_XRAY_DAEMON_PORT=2000",
		"_HANDLER=" + b.Handler,
		"LAMBDA_TASK_ROOT=" + plan.TaskRoot,
		"LAMBDA_RUNTIME_DIR=/var/runtime",
		"NODE_PATH=/opt/nodejs/node20/node_modules:/opt/nodejs/node_modules:/var/runtime/node_modules:/var/runtime:/var/task",
		"TZ=:UTC",
		"LANG=en_US.UTF-8",
	}
}

func sanitizeName(n string) string {
	n = strings.TrimPrefix(n, "@")
	n = strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return '-'
	}, n)
	if n == "" {
		return "function"
	}
	return n
}

func shortHash(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:16])
}

// worldEnv is what every hooked step gets: the hook first in NODE_OPTIONS,
// Lambda's variables and the canary secrets.
func worldEnv(b *bundle.Bundle, o Options, c *canary.Set) []string {
	env := []string{"NODE_OPTIONS=" + hook.NodeOptions}
	if o.NoHook {
		env = nil
	}
	env = append(env, lambdaEnv(b, o)...)
	return append(env, c.Env()...)
}

// hookFiles are the hook's files and configuration for the control dir.
func hookFiles(o Options, b *bundle.Bundle) (map[string][]byte, error) {
	files := map[string][]byte{}
	for name, content := range hook.Files() {
		if o.NoHook && name != path.Base(hook.InvokePath) && name != path.Base(hook.WatchdogPath) {
			continue // the harness runs without the hook; hook.js must not be there for it to load
		}
		files[plan.ControlDir+"/"+name] = content
	}
	if o.NoHook {
		return files, nil
	}
	_, regionFiles := regionTable(b)
	cfg, err := json.Marshal(hook.HookConfig{
		TimerBudgetMS: int(o.TimerBudget.Milliseconds()), TaskRoot: plan.TaskRoot,
		// One process per package at import: the eval inspector's cost,
		// paid 200 times, doubled a scan. There, new Function and vm are
		// still recorded, and code a direct eval made is still named by
		// the records of what it does; the invoke and execute phases keep
		// the inspector.
		NoEvalInspectorPhases: []string{profile.PhaseImport},
		RegionFiles:           regionFiles,
		DateOffsetMS:          dateOffset(o),
	})
	if err != nil {
		return nil, err
	}
	files[hook.HookConfigPath] = cfg
	return files, nil
}

// dateOffset is how far ahead the clock is in the scan's world, in ms.
func dateOffset(o Options) int64 {
	if o.world == nil {
		return 0
	}
	return o.world.DateOffset.Milliseconds()
}

// invokeStep adds the invoke phase to p: the handler loaded once in one
// process and called with every event (warm reuse), then the linger step.
func invokeStep(p *plan.Plan, b *bundle.Bundle, o Options, events []event.Event) error {
	evs := make([]hook.Event, 0, len(events))
	for _, e := range events {
		evs = append(evs, hook.Event{Name: e.Name, Payload: e.Payload})
	}
	evJSON, err := json.Marshal(evs)
	if err != nil {
		return err
	}
	eventsPath := plan.ControlDir + "/" + hook.EventsName
	cfg, err := json.Marshal(hook.InvokeConfig{
		Handler: b.Handler, TaskRoot: plan.TaskRoot, Events: eventsPath,
		TimeoutMS: int(o.InvokeTimeout.Milliseconds()), LingerMS: int(o.TimerBudget.Milliseconds()) + 500,
		InitTimeoutMS: int(o.InitTimeout.Milliseconds()),
		FunctionName:  sanitizeName(b.Name), MemoryMB: o.FunctionMemoryMB, Seed: strconv.FormatInt(o.Seed, 10),
	})
	if err != nil {
		return err
	}
	p.Files[eventsPath] = evJSON
	p.Files[hook.InvokeConfigPath] = cfg
	// The whole phase must fit in the step's time: start-up, every
	// invocation's timeout, the linger. The harness's watchdog lines bound
	// each of those on its own (a handler that never yields is killed at its
	// deadline, not at the end of the step's budget); this is the backstop.
	const grace = 2 * time.Second // per watchdog deadline, and the harness's own work
	budget := o.InitTimeout + grace + (o.InvokeTimeout+grace)*time.Duration(len(events)) + 3*o.TimerBudget + grace + o.StepTimeout
	p.Levels = append(p.Levels, []plan.Step{{
		Phase: profile.PhaseInvoke, Dependency: Function, Dir: plan.TaskRoot,
		Args:      []string{hook.InvokePath, profiler.Marker, profile.PhaseInvoke, Function, hook.InvokeConfigPath},
		TimeoutMS: int(budget.Milliseconds()),
		Watchdog:  true,
	}})
	return nil
}

// addWorld gives a plan the fake world: the hook and its configuration,
// Lambda's environment, canary secrets, bait files in the home directory,
// and the fake internet.
func addWorld(p *plan.Plan, b *bundle.Bundle, o Options) error {
	if p.Files == nil {
		p.Files = map[string][]byte{}
	}
	files, err := hookFiles(o, b)
	if err != nil {
		return err
	}
	for k, v := range files {
		p.Files[k] = v
	}
	if err := addRegions(p, b); err != nil {
		return err
	}
	p.Env = o.world.applyEnv(append(p.Env, worldEnv(b, o, o.Canaries)...))
	addBait(p, o)
	return addFakeNet(p, o)
}

// addBait puts the canaries' bait files into the plan's home directory.
func addBait(p *plan.Plan, o Options) {
	p.HomeFiles = map[string][]byte{}
	for name, content := range o.Canaries.BaitFiles(plan.SandboxHome) {
		rel, err := filepath.Rel(plan.SandboxHome, name)
		if err != nil || strings.HasPrefix(rel, "..") {
			continue
		}
		p.HomeFiles[rel] = content
	}
}

// baitTask puts the bait .env file into the staged bundle when the
// function has none (the user's own bundle is never touched).
func baitTask(task string, c *canary.Set) error {
	p := filepath.Join(task, ".env")
	if _, err := os.Lstat(p); err == nil {
		return nil
	}
	if err := os.WriteFile(p, c.EnvFile(), 0o644); err != nil {
		return fmt.Errorf("placing the bait .env file: %w", err)
	}
	return nil
}
