package scan

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/depbox/depbox/internal/hook"
	"github.com/depbox/depbox/internal/plan"
	"github.com/depbox/depbox/profile"
)

// outcome says how a step's process ended. Steps run by a loader (import,
// startup, execute) must have reported: a process that ended without the
// loader's report ended before its plan finished (package code called
// process.exit, or crashed it). Install steps are shell scripts, judged by
// their exit code.
func outcome(phase string, r plan.StepResult) *profile.Outcome {
	o := &profile.Outcome{Status: profile.StatusOK, ExitCode: r.ExitCode, Error: r.Error}
	switch {
	case r.TimedOut:
		o.Status = profile.StatusTimeout
		if r.Overdue != "" {
			o.Error = r.Overdue
		}
	case r.Signal != "":
		o.Status, o.Error = profile.StatusKilled, signalText(r.Signal)
	case r.Status == "" && phase != profile.PhaseInstall && phase != profile.PhaseInvoke:
		o.Status = profile.StatusExited
		o.Error = fmt.Sprintf("the process exited with code %d before the loader reported", r.ExitCode)
	case r.Status == profile.StatusNoEntry && r.ExitCode == 0:
		o.Status = profile.StatusNoEntry
	case r.Status == profile.StatusError || r.ExitCode != 0:
		o.Status = profile.StatusError
	}
	for _, c := range r.SkippedCalls {
		o.SkippedCalls = append(o.SkippedCalls, profile.SkippedCall{Call: c.What, Ended: c.Ended, Code: c.Code})
	}
	for _, c := range r.UnsettledCalls {
		o.UnsettledCalls = append(o.UnsettledCalls, profile.UnsettledCall{Call: c.What, Extended: c.Extended})
	}
	return o
}

// signalText names a signal a step died of, with what usually sends it.
func signalText(sig string) string {
	switch sig {
	case "killed":
		return "SIGKILL: out of memory (the sandbox's --memory limit), or killed"
	case "aborted":
		return "SIGABRT: aborted (process.abort(), or a fatal error in the runtime such as a heap out of memory)"
	}
	return "signal: " + sig
}

// invokeOutcome reads how the invoke phase went from the harness's own
// records (Kind "invoke"): the handler loaded, every event started and
// ended, and the harness reached its exit. Anything short of that — a
// handler that threw at load, a process that exited or was killed in an
// invocation, a run that stopped early — is an outcome other than ok.
func invokeOutcome(recs []hook.Record, events int, r plan.StepResult) *profile.Outcome {
	o := outcome(profile.PhaseInvoke, r)
	if o.Status == profile.StatusTimeout || o.Status == profile.StatusKilled {
		return o
	}
	var initErr string
	// ended are the invocations (by the harness's n) an end record, or a
	// quiet record's range, accounts for: each counts once.
	ended, exitSeen, during := map[int]bool{}, false, -1
	end := func(n int) {
		if n >= 0 && n < events {
			ended[n] = true
		}
	}
	for _, rec := range recs {
		if rec.Kind != "invoke" || rec.Pkg != "" {
			continue
		}
		switch rec.Op {
		case "init-error":
			if initErr == "" {
				initErr = strings.TrimPrefix(fmt.Sprintf("%v: %v", rec.Detail["error_type"], rec.Detail["error"]), ": ")
			}
		case "end":
			if n, ok := rec.Detail["n"].(float64); ok {
				end(int(n))
			}
		case "quiet":
			from, ok1 := rec.Detail["from"].(float64)
			to, ok2 := rec.Detail["to"].(float64)
			for n := int(from); ok1 && ok2 && n <= int(to) && n < events; n++ {
				end(n)
			}
		case "exit":
			exitSeen = true
			if n, ok := rec.Detail["during"].(float64); ok {
				during = int(n)
			}
		}
	}
	switch {
	case initErr != "":
		o.Status, o.Error = profile.StatusInitError, initErr
	case during >= 0:
		o.Status = profile.StatusExited
		o.Error = fmt.Sprintf("the process exited with code %d during invocation %d of %d", r.ExitCode, during+1, events)
	case len(ended) < events:
		o.Status = profile.StatusExited
		o.Error = fmt.Sprintf("only %d of %d invocations finished before the process ended (exit code %d)", len(ended), events, r.ExitCode)
	case !exitSeen:
		o.Status = profile.StatusExited
		o.Error = fmt.Sprintf("the harness did not reach its end after the last invocation (exit code %d)", r.ExitCode)
	}
	return o
}

// invokeEvents is how many events the plans' invoke phase was given.
func invokeEvents(plans []*plan.Plan) int {
	for _, pl := range plans {
		if b, ok := pl.Files[plan.ControlDir+"/"+hook.EventsName]; ok {
			var evs []json.RawMessage
			if json.Unmarshal(b, &evs) == nil {
				return len(evs)
			}
		}
	}
	return 0
}
