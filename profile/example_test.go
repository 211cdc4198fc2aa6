package profile_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/depbox/depbox/profile"
)

// Read a profile that depbox scan --format json (or depbox audit) wrote,
// and walk what each dependency did per phase.
func ExampleRead() {
	const scanned = `{
  "schema": "depbox.profile/v1",
  "tool": {"name": "depbox", "version": "v0.9.0"},
  "bundle": {"name": "orders", "runtime": "nodejs", "handler": "index.handler"},
  "dependencies": [
    {"name": "telemetry", "version": "2.0.1", "path": "node_modules/telemetry",
     "phases": {"import": {
       "env": ["AWS_SECRET_ACCESS_KEY"],
       "network": [{"address": "192.0.2.10", "port": 443, "protocol": "tcp", "result": "ENETUNREACH"}]}}},
    {"name": "left-pad", "version": "1.3.0", "path": "node_modules/left-pad", "phases": {"import": {}}}
  ],
  "incomplete": false
}`
	p, err := profile.Read(strings.NewReader(scanned))
	if err != nil {
		log.Fatal(err)
	}
	p.Canonicalize() // dependencies sorted by install path
	for _, d := range p.Dependencies {
		b := d.Phases[profile.PhaseImport]
		fmt.Printf("%s@%s: env %v, network %d, nothing: %v\n", d.Name, d.Version, b.Env, len(b.Network), b.Empty())
	}
	fmt.Println("complete:", !p.Incomplete)
	// Output:
	// left-pad@1.3.0: env [], network 0, nothing: true
	// telemetry@2.0.1: env [AWS_SECRET_ACCESS_KEY], network 1, nothing: false
	// complete: true
}

// A fatal problem marks the profile incomplete: a gate never passes it.
func ExampleProfile_AddProblem() {
	p := &profile.Profile{}
	p.AddProblem(profile.Problem{Code: "runner-warning", Message: "a step printed to stderr"})
	fmt.Println("incomplete:", p.Incomplete)
	p.AddProblem(profile.Problem{Code: "event-drops", Message: "gVisor dropped 3 monitoring events", Fatal: true})
	fmt.Println("incomplete:", p.Incomplete)
	// Output:
	// incomplete: false
	// incomplete: true
}
