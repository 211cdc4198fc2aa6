package scan_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/depbox/depbox/internal/event"
	"github.com/depbox/depbox/internal/scan"
	"github.com/depbox/depbox/profile"
)

// invokeOptions scans with three events: API Gateway, S3 and SQS defaults.
func invokeOptions(t *testing.T, path string) scan.Options {
	t.Helper()
	o := options(t, path)
	evs, err := event.Generate(event.Options{Seed: 1, Sources: []string{"apigw-v1", "s3", "sqs"}, Variants: []string{"default"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 3 {
		t.Fatalf("%d events, want 3", len(evs))
	}
	o.Events = evs
	return o
}

func phaseOf(t *testing.T, p *profile.Profile, dep, phase string) *profile.Behavior {
	t.Helper()
	d := p.Dependency(dep)
	if d == nil {
		t.Fatalf("no dependency %s", dep)
	}
	b := d.Phases[phase]
	if b == nil {
		t.Fatalf("%s has no %s phase: %+v", dep, phase, d.Phases)
	}
	return b
}

func hasExfil(b *profile.Behavior, canary, channel, dest, enc string) bool {
	return slices.ContainsFunc(b.Exfiltration, func(e profile.Exfil) bool {
		return e.Canary == canary && e.Channel == channel && e.Destination == dest && e.Encoding == enc
	})
}

func hasHost(b *profile.Behavior, host string, port int) bool {
	return slices.ContainsFunc(b.Network, func(n profile.Endpoint) bool { return n.Host == host && n.Port == port })
}

// TestInvokeAttribution runs the handler of testdata/bundles/invoke with
// three events in the real sandbox and checks that each misbehaviour is
// attributed to the package that did it, with its evidence.
func TestInvokeAttribution(t *testing.T) {
	p := run(t, invokeOptions(t, "testdata/bundles/invoke"))

	if app := p.App; app == nil || app.Phases[profile.PhaseInvoke] == nil || app.Phases[profile.PhaseInvoke].Outcome.Status != "ok" {
		t.Fatalf("the invoke phase did not run to the end: %+v", p.App)
	}
	// Benign SDK-like call to an AWS endpoint, named through the fake DNS.
	aws := phaseOf(t, p, "node_modules/aws-like", profile.PhaseInvoke)
	if !hasHost(aws, "s3.us-east-1.amazonaws.com", 443) || len(aws.Exfiltration) > 0 {
		t.Errorf("aws-like: want a clean call to s3.us-east-1.amazonaws.com:443, got %+v", aws)
	}
	// The secret key over HTTPS to a *.invalid host, from a timer callback.
	for _, phase := range []string{profile.PhaseImport, profile.PhaseInvoke} {
		b := phaseOf(t, p, "node_modules/timer-exfil", phase)
		if !hasExfil(b, "AWS_SECRET_ACCESS_KEY", "network", "collect.exfil.invalid:443", "raw") {
			t.Errorf("timer-exfil %s: no exfiltration of AWS_SECRET_ACCESS_KEY to collect.exfil.invalid:443 in %+v", phase, b.Exfiltration)
		}
		if !slices.Contains(b.Env, "AWS_SECRET_ACCESS_KEY") {
			t.Errorf("timer-exfil %s: env reads %v lack AWS_SECRET_ACCESS_KEY", phase, b.Env)
		}
	}
	// Acts only when AWS_LAMBDA_FUNCTION_NAME is set: the fake world sets it.
	gated := phaseOf(t, p, "node_modules/lambda-gated", profile.PhaseImport)
	if !hasFile(gated, "/home/sbx_user/.ssh/id_rsa", profile.AccessRead) || !slices.Contains(gated.Env, "AWS_LAMBDA_FUNCTION_NAME") {
		t.Errorf("lambda-gated: want the env check and the SSH key read, got %+v", gated)
	}
	// Acts only on the third invocation.
	third := phaseOf(t, p, "node_modules/third-time", profile.PhaseInvoke)
	if !hasProcess(third, "uname", "-a") {
		t.Errorf("third-time: uname -a not among %+v", third.Processes)
	}
	if d := p.Dependency("node_modules/third-time"); hasProcess(d.Phases[profile.PhaseImport], "uname", "-a") {
		t.Error("third-time must not act at import")
	}
	// Exfiltration through a DNS name, hex in two labels; the profile keeps
	// no secret: the labels are redacted.
	dns := phaseOf(t, p, "node_modules/dns-exfil", profile.PhaseInvoke)
	const redacted = "{canary:AWS_SECRET_ACCESS_KEY}.t.exfil.invalid"
	if !hasExfil(dns, "AWS_SECRET_ACCESS_KEY", "dns", redacted, "hex") {
		t.Errorf("dns-exfil: no hex DNS exfiltration in %+v", dns.Exfiltration)
	}
	if !slices.ContainsFunc(dns.DNS, func(q profile.DNSQuery) bool { return q.Name == redacted }) {
		t.Errorf("dns-exfil: DNS names %+v, want %s", dns.DNS, redacted)
	}
	// A connect laundered through another package's callback is the
	// launderer's, not the callback runner's.
	launder := phaseOf(t, p, "node_modules/launder", profile.PhaseInvoke)
	if !slices.ContainsFunc(launder.Network, func(n profile.Endpoint) bool { return n.Address == "203.0.113.5" && n.Port == 443 }) {
		t.Errorf("launder: no connect to 203.0.113.5:443 in %+v", launder.Network)
	}
	if d := p.Dependency("node_modules/runner-lib"); d.Phases[profile.PhaseInvoke] != nil {
		t.Errorf("runner-lib only ran the callback, yet has invoke behaviour %+v", d.Phases[profile.PhaseInvoke])
	}
	// State left in /tmp by one invocation and read by the next.
	persist := phaseOf(t, p, "node_modules/persist", profile.PhaseInvoke)
	if !slices.Contains(persist.Persistence, profile.Persistence{Path: "/tmp/persist-state.json", WrittenIn: 1, ReadIn: 2}) {
		t.Errorf("persist: persistence %+v, want /tmp/persist-state.json written in 1 and read in 2", persist.Persistence)
	}
	// Nothing left unexplained by the hook's records: not in the function's
	// process, and no DNS name the fake internet saw that no record names.
	if un := p.App.Phases[profile.PhaseInvoke].Unattributed; !un.Empty() {
		t.Errorf("unattributed behaviour in the function process: %+v", un)
	}
	if b := p.App.Phases[profile.PhaseImport]; b != nil {
		t.Errorf("unattributed import-phase behaviour: %+v", b.Unattributed)
	}
}

// TestInvokeDeterministic: random canaries and all, two scans of the invoke
// fixture give the same profile byte for byte.
func TestInvokeDeterministic(t *testing.T) {
	o := invokeOptions(t, "testdata/bundles/invoke")
	var a, b bytes.Buffer
	if err := run(t, o).Write(&a); err != nil {
		t.Fatal(err)
	}
	if err := run(t, o).Write(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("profiles differ:\n%s\n---\n%s", a.String(), b.String())
	}
	if strings.Contains(a.String(), "AKIA") {
		t.Error("a canary value leaked into the profile")
	}
}

// TestInvokeESMHandler: an ESM handler in callback style is loaded once and
// called for every event.
func TestInvokeESMHandler(t *testing.T) {
	p := run(t, invokeOptions(t, "testdata/bundles/esm"))
	if p.Bundle.Handler != "index.handler" {
		t.Fatalf("handler %q", p.Bundle.Handler)
	}
	b := phaseOf(t, p, "node_modules/env-reader", profile.PhaseInvoke)
	if !slices.Contains(b.Env, "AWS_REGION") {
		t.Errorf("env-reader invoke env %v lacks AWS_REGION", b.Env)
	}
	if app := p.App.Phases[profile.PhaseInvoke]; app.Outcome.Status != "ok" {
		t.Errorf("invoke outcome %+v", app.Outcome)
	}
}
