// Package profiler receives gVisor runtime-monitoring ("seccheck") events
// from runsc over a unix SOCK_SEQPACKET remote sink, rebuilds the sandbox's
// process tree from them, and attributes each process's behaviour (files,
// processes, sockets) to the dependency whose process tree it belongs to.
//
// It knows nothing about how the sandbox is started: it produces the
// pod-init configuration that tells runsc where to send events, and it
// consumes the event stream. Streams can be recorded to a file and replayed,
// which is how the unit tests run without gVisor.
//
// Embedding it takes four calls (ExampleListen shows them with package
// sandbox): Listen a Sink on a unix socket, pass PodInitConfig(sink.Path())
// to runsc, Close the sink once the sandbox has exited (its Stats say
// whether events were dropped: a run with drops is incomplete), then
// Attribute the Recorder's processes to the dependencies that ran them.
package profiler

import (
	"encoding/json"
	"fmt"
)

// contextFields are requested for every point: the process tree needs the
// thread group id and start time (pids are reused), the parent, the cwd
// (relative paths) and the time.
var contextFields = []string{
	"time", "thread_id", "group_id", "parent_thread_group_id", "container_id",
	"process_name", "cwd", "credentials", "task_start_time", "thread_group_start_time",
}

// point is one entry of the trace session.
type point struct {
	Name           string   `json:"name"`
	OptionalFields []string `json:"optional_fields"`
	ContextFields  []string `json:"context_fields"`
}

// points are the monitoring points depbox enables. Reads and writes are
// deliberately left out: open flags say whether a file was read or written,
// and per-read events would multiply the stream for no attribution gain.
var points = []struct {
	name     string
	optional []string
	noCwd    bool
}{
	{name: "container/start", optional: []string{"env"}},
	{name: "sentry/clone"},
	{name: "sentry/execve", optional: []string{"binary_info"}},
	{name: "sentry/task_exit"},
	{name: "syscall/open/exit"},
	{name: "syscall/openat/exit", optional: []string{"fd_path"}},
	{name: "syscall/creat/exit"},
	{name: "syscall/execve/exit", optional: []string{"envv"}},
	{name: "syscall/execveat/exit", optional: []string{"fd_path", "envv"}},
	{name: "syscall/socket/exit"},
	{name: "syscall/connect/exit", optional: []string{"fd_path"}},
	{name: "syscall/bind/exit", optional: []string{"fd_path"}},
}

// sinkRetries is how often runsc retries a full sink socket before it drops
// an event. The feasibility study measured 10–47 % drops with the default of
// 0 under write-heavy load and none with 20: the sandbox slows to match.
// runsc's backoff doubles from 25µs to at most 10ms, so 20 retries wait
// about 0.12 s in all; on a shared machine (load 30 on 2 cores) depbox was
// starved longer than that and events were dropped. 100 retries wait about
// 0.9 s before an event is lost.
const sinkRetries = 100

// PodInitConfig returns the runsc --pod-init-config document that sends the
// points depbox needs to the remote sink listening at socketPath.
func PodInitConfig(socketPath string) ([]byte, error) {
	type sink struct {
		Name   string         `json:"name"`
		Config map[string]any `json:"config"`
	}
	type session struct {
		Name   string  `json:"name"`
		Points []point `json:"points"`
		Sinks  []sink  `json:"sinks"`
	}
	s := session{Name: "Default"} // runsc only accepts the session name "Default"
	for _, p := range points {
		opt := p.optional
		if opt == nil {
			opt = []string{}
		}
		s.Points = append(s.Points, point{Name: p.name, OptionalFields: opt, ContextFields: contextFields})
	}
	s.Sinks = []sink{{Name: "remote", Config: map[string]any{"endpoint": socketPath, "retries": sinkRetries}}}
	b, err := json.MarshalIndent(map[string]any{"trace_session": s}, "", " ")
	if err != nil {
		return nil, fmt.Errorf("encoding pod init config: %w", err)
	}
	return b, nil
}
