package profiler_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/depbox/depbox/profiler"
	"github.com/depbox/depbox/sandbox"
)

// owner maps a file of the recorded bundle to the package that holds it:
// the innermost node_modules/<name> (or node_modules/@scope/name).
func owner(rel string) string {
	i := strings.LastIndex(rel, "node_modules/")
	if i < 0 {
		return ""
	}
	name := strings.Split(rel[i+len("node_modules/"):], "/")
	n := 1
	if strings.HasPrefix(name[0], "@") {
		n = 2
	}
	if len(name) < n {
		return ""
	}
	return rel[:i] + "node_modules/" + strings.Join(name[:n], "/")
}

// Attribute a recorded event stream: testdata/basic.events is a real run of
// a bundle whose package "evil" connects out at import time and whose
// "uses-evil" only requires it. Each package's process tree is rebuilt and
// what the packages it loaded did is subtracted, so the connect is evil's
// alone.
func Example() {
	f, err := os.Open("testdata/basic.events")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	rec := profiler.NewRecorder()
	st, err := profiler.Replay(f, rec)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("dropped:", st.Dropped)
	runs := profiler.Attribute(rec.Procs(), profiler.Attribution{TaskRoot: "/var/task", Owner: owner})
	var keys []profiler.RunKey
	for k := range runs {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b profiler.RunKey) int { return strings.Compare(a.Dependency, b.Dependency) })
	for _, k := range keys {
		r := runs[k]
		var conns []string
		for _, e := range r.Own.Network {
			conns = append(conns, fmt.Sprintf("%s %s:%d", e.Protocol, e.Address, e.Port))
		}
		fmt.Printf("%s %s loaded=%v connects=%v\n", k.Phase, k.Dependency, r.Loaded, conns)
	}
	// Output:
	// dropped: 0
	// import - loaded=[] connects=[]
	// import node_modules/@acme/util loaded=[node_modules/@acme/util/node_modules/benign] connects=[]
	// import node_modules/@acme/util/node_modules/benign loaded=[] connects=[]
	// import node_modules/benign loaded=[] connects=[]
	// import node_modules/evil loaded=[] connects=[tcp 192.0.2.10:443]
	// import node_modules/uses-evil loaded=[node_modules/evil] connects=[]
}

// PodInitConfig is the runtime-monitoring session runsc is started with
// (--pod-init-config): the points depbox records, sent to a remote sink.
func ExamplePodInitConfig() {
	b, err := profiler.PodInitConfig("/run/depbox/sink.sock")
	if err != nil {
		log.Fatal(err)
	}
	var doc struct {
		TraceSession struct {
			Name   string
			Points []struct{ Name string }
			Sinks  []struct {
				Name   string
				Config map[string]any
			}
		} `json:"trace_session"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		log.Fatal(err)
	}
	s := doc.TraceSession
	fmt.Println("session:", s.Name)
	fmt.Println("first point:", s.Points[0].Name)
	fmt.Println("sink:", s.Sinks[0].Name, s.Sinks[0].Config["endpoint"], "retries", s.Sinks[0].Config["retries"])
	// Output:
	// session: Default
	// first point: container/start
	// sink: remote /run/depbox/sink.sock retries 100
}

// Listen and sandbox.Run together: the sink listens before runsc starts
// (runsc dials it first), the sandbox gets the pod-init configuration, and
// after the run the recorder holds every process. Needs root and runsc, so
// this example is compiled, not run.
func ExampleListen() {
	work, err := os.MkdirTemp("", "depbox-example-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(work)
	rec := profiler.NewRecorder()
	sink, err := profiler.Listen(filepath.Join(work, "sink.sock"), rec, nil)
	if err != nil {
		log.Fatal(err)
	}
	podInit, err := profiler.PodInitConfig(sink.Path())
	if err != nil {
		log.Fatal(err)
	}
	runsc, err := sandbox.FindRunsc("", "")
	if err != nil {
		log.Fatal(err)
	}
	rootfs, err := sandbox.BuildRootfs(work, sandbox.RootfsSpec{Programs: map[string]string{"/usr/bin/node": "/usr/bin/node"}})
	if err != nil {
		log.Fatal(err)
	}
	res, err := sandbox.Run(context.Background(), sandbox.Config{
		ID: "example", Runsc: runsc, WorkDir: work, Rootfs: rootfs,
		Args: []string{"/usr/bin/node", "-e", "require('fs').readFileSync('/etc/hostname')"}, Timeout: time.Minute,
		PodInitConfig: podInit,
	})
	if err != nil {
		log.Fatal(err)
	}
	if err := sink.Close(5 * time.Second); err != nil {
		log.Fatal(err)
	}
	fmt.Println("exit", res.ExitCode, "events", sink.Stats().Messages, "dropped", sink.Stats().Dropped)
	for _, p := range rec.Procs() {
		for _, o := range p.Opens {
			fmt.Println(p.Name, o.Path, o.Errno)
		}
	}
}
