// Package profile defines depbox's behaviour profile: what every dependency
// of a function bundle did, per phase, as recorded in the sandbox. It is the
// contract between the scanner (which produces it) and the baseline, verdict
// and report packages (which consume it). The JSON form is versioned by
// Schema and documented in docs/profile.md; Canonicalize makes it
// deterministic so that two scans of the same bundle compare byte for byte.
package profile

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Schema is the version tag written into every profile.
const Schema = "depbox.profile/v1"

// Phase names. Every Dependency.Phases key is one of these.
const (
	PhaseInstall = "install"
	// PhaseStartup is Python's interpreter start: the .pth files of the
	// bundle's site directories.
	PhaseStartup = "startup"
	PhaseImport  = "import"
	PhaseInvoke  = "invoke"
	PhaseLinger  = "linger"
	PhaseExecute = "execute"
)

// File access kinds. Syscall records give read, write and read-write
// (from the open flags); hook records also give stat, list and delete.
const (
	AccessRead      = "read"
	AccessWrite     = "write"
	AccessReadWrite = "read-write"
	AccessExec      = "exec"
	AccessStat      = "stat"
	AccessList      = "list"
	AccessDelete    = "delete"
)

// Profile is one scan's result.
type Profile struct {
	Schema string `json:"schema"`
	// Tool names the depbox version that wrote the profile.
	Tool   Tool   `json:"tool"`
	Bundle Bundle `json:"bundle"`
	// Dependencies are sorted by Path (install path), which is unique.
	Dependencies []Dependency `json:"dependencies"`
	// App is behaviour attributed to the function's own code (outside
	// node_modules), when a phase can tell it apart.
	App *Dependency `json:"app,omitempty"`
	// IOCMatches are advisory indicators (domains, URLs, IPs) seen in the
	// network behaviour of any dependency.
	IOCMatches []IOCMatch `json:"ioc_matches,omitempty"`
	// Worlds are the re-runs in alternative worlds of the packages that
	// looked at environment signals (time zone, locale, CI, date,
	// geolocation), in the order run.
	Worlds []World `json:"worlds,omitempty"`
	// Incomplete is true when anything was lost or failed: event drops, a
	// sandbox failure, a timed-out process, an advisory source that could not
	// be read. A gate never passes an incomplete profile.
	Incomplete bool `json:"incomplete"`
	// Problems says why the profile is incomplete (and carries warnings).
	Problems []Problem `json:"problems,omitempty"`
}

// Tool identifies the producer.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Bundle describes the scanned function bundle.
type Bundle struct {
	// Name is the bundle's package.json name or its directory/zip base name.
	Name string `json:"name"`
	// Digest is "sha256:<hex>" over the bundle's files (paths and contents).
	Digest string `json:"digest"`
	// Runtime is "nodejs" or "python".
	Runtime string `json:"runtime"`
	// RuntimeVersion is the version of the runtime inside the sandbox, e.g. "v20.20.2".
	RuntimeVersion string `json:"runtime_version,omitempty"`
	// Handler is "file.export", e.g. "index.handler"; empty when none was found.
	Handler string `json:"handler,omitempty"`
	// Function is the SAM/CloudFormation or Serverless Framework function
	// the handler is that of; Functions all the functions of that template
	// with a usable handler (a bundle of several is scanned function by
	// function, one profile each).
	Function  string   `json:"function,omitempty"`
	Functions []string `json:"functions,omitempty"`
	// Lockfile is the bundle-relative lockfile path used for the inventory, if any.
	Lockfile string `json:"lockfile,omitempty"`
	// Layers are the function's Lambda layers, in the order applied.
	Layers []Layer `json:"layers,omitempty"`
}

// Layer is one Lambda layer of the function, mounted at /opt.
type Layer struct {
	// Name is the layer's file or directory base name as given.
	Name string `json:"name"`
	// Digest is "sha256:<hex>" over the layer's files.
	Digest string `json:"digest"`
}

// VersionUnknown is the Version of a bundled package whose version nothing
// says (no lockfile entry, no package.json in the source map): advisories
// are then matched by name only.
const VersionUnknown = "unknown"

// BundledSeparator joins a bundle file and the install path of a package
// bundled into it in the package's Path: "index.js#node_modules/ms".
const BundledSeparator = "#"

// Dependency is one installed package (keyed by its install path: the same
// name can be installed at several paths and versions).
type Dependency struct {
	// Name is the name its install path implies (node_modules/<name>): the
	// name rules, ignore entries and baselines use.
	Name string `json:"name"`
	// ClaimedName is the name its package.json gives, when it differs from
	// Name: an npm alias, or a package posing as another (a warning).
	ClaimedName string `json:"claimed_name,omitempty"`
	Version     string `json:"version"`
	// Path is the bundle-relative install path, e.g. "node_modules/@a/b" or
	// "node_modules/x/node_modules/y"; for a package bundled into a file of
	// the function, "<file>#<install path>" ("index.js#node_modules/ms").
	Path      string `json:"path"`
	Integrity string `json:"integrity,omitempty"`
	// BundledIn is the function's file a bundled package's code is in.
	BundledIn string `json:"bundled_in,omitempty"`
	// Layer is the Lambda layer a package comes from (its Path is then
	// absolute, under /opt).
	Layer string `json:"layer,omitempty"`
	// BundledBy is the install path of the package whose tarball ships
	// this one (npm's bundleDependencies).
	BundledBy string `json:"bundled_by,omitempty"`
	// InstallScripts lists the lifecycle scripts it declares (preinstall,
	// install, postinstall), sorted.
	InstallScripts []string `json:"install_scripts,omitempty"`
	// Requires are the install paths of the dependencies it resolves to.
	Requires []string `json:"requires,omitempty"`
	// Phases maps a phase name to what the dependency did in it.
	Phases map[string]*Behavior `json:"phases,omitempty"`
	// Advisories are OSV records matching this name and version.
	Advisories []Advisory `json:"advisories,omitempty"`
}

// Behavior is what one dependency did in one phase, after subtracting what
// its own dependencies and the bare runtime do.
type Behavior struct {
	// Outcome of the phase's process for this dependency.
	Outcome      *Outcome      `json:"outcome,omitempty"`
	Files        []File        `json:"files,omitempty"`
	Env          []string      `json:"env,omitempty"`
	Network      []Endpoint    `json:"network,omitempty"`
	DNS          []DNSQuery    `json:"dns,omitempty"`
	Processes    []Process     `json:"processes,omitempty"`
	Capabilities []string      `json:"capabilities,omitempty"`
	Exfiltration []Exfil       `json:"exfiltration,omitempty"`
	Persistence  []Persistence `json:"persistence,omitempty"`
	// Timers are long timers the package set: they were brought forward so
	// that their callbacks ran within the phase (time bombs).
	Timers []Timer `json:"timers,omitempty"`
	// Signals are signals the package sent (process.kill), with their result.
	Signals []Signal `json:"signals,omitempty"`
	// WorldSignals are the environment signals the package looked at, the
	// ones payloads are gated on (SignalTZ, SignalDate, …): depbox re-ran it
	// in the worlds where they differ (Profile.Worlds, docs/world.md).
	WorldSignals []string `json:"world_signals,omitempty"`
	// Forged are hook records the code under test forged (marker paths
	// without the hook's proof, or records the syscall stream
	// contradicts): they explain nothing and are themselves a finding.
	Forged []ForgedRecord `json:"forged,omitempty"`
	// Loaded, on the function's behaviour, are the install paths of the
	// packages loaded in the process where it happened: the suspects of
	// what no hook record attributes.
	Loaded []string `json:"loaded,omitempty"`
	// Unattributed is behaviour seen in the syscall stream of this
	// dependency's process that no hook record explains.
	Unattributed *Behavior `json:"unattributed,omitempty"`
	// CallerDirected is behaviour of the execute phase whose target came
	// from the arguments depbox generated for the call (a URL it was given,
	// a file name it was told to open): what the caller asked for, not the
	// package's own doing. No rule judges it; canaries leaving through it
	// are still exfiltration (in Exfiltration).
	CallerDirected *Behavior `json:"caller_directed,omitempty"`
}

// ForgedRecord is a hook record the hook did not write.
type ForgedRecord struct {
	// Claim is what it claimed: its kind and operation, the package it
	// named and its subject (a path, a peer, a command line), bounded.
	Claim string `json:"claim"`
	// Reason says how it was told from the hook's: "unhooked-process",
	// "no-key", "bad-proof", "replayed", "undecodable", "second-key" or
	// "contradicted" (docs/hook.md, "Proof").
	Reason string `json:"reason"`
}

// Outcome is how the phase's process for a dependency ended.
type Outcome struct {
	// Status is one of the Status constants (complete.go): "ok", "error"
	// (a reported load failure or a failing script), "no-entry", or how the
	// process ended before finishing its plan: "timeout", "killed",
	// "exited", "init-error".
	Status string `json:"status"`
	// ExitCode of the process when it exited.
	ExitCode int `json:"exit_code"`
	// Error is a short load error (e.g. "ERR_REQUIRE_ESM"), or how the
	// process ended early, if any.
	Error string `json:"error,omitempty"`
	// EndedBy is the install path of the package the hook saw ending the
	// process early (process.exit, abort, a signal to itself); "." is the
	// function's own code.
	EndedBy string `json:"ended_by,omitempty"`
	// SkippedCalls are calls the execute phase made whose own code ended
	// the process — it exited it, or ran past its budget; the phase went
	// on after each in a new process (docs/rules.md, DBX004).
	SkippedCalls []SkippedCall `json:"skipped_calls,omitempty"`
	// UnsettledCalls are calls the execute phase made whose returned
	// promise had not settled when depbox went on to the next call; what
	// they did afterwards is in the phase until its process ended
	// (docs/rules.md, "The completeness invariant").
	UnsettledCalls []UnsettledCall `json:"unsettled_calls,omitempty"`
}

// UnsettledCall is a call of the execute phase whose promise had not
// settled when depbox went on.
type UnsettledCall struct {
	// Call names it: its number, the export, how many arguments.
	Call string `json:"call"`
	// Extended says depbox waited for it twice the call timeout or more:
	// the promise's work kept the process busy starting programs (chains
	// of execSync). Not a duration, so that profiles of the same code
	// stay the same.
	Extended bool `json:"extended,omitempty"`
}

// SkippedCall is a call of the execute phase that ended its process.
type SkippedCall struct {
	// Call names it: its number, the export, how many arguments.
	Call string `json:"call"`
	// Ended is "exit" (with Code) or "budget".
	Ended string `json:"ended"`
	Code  int    `json:"code,omitempty"`
}

// File is a file the dependency opened.
type File struct {
	Path   string `json:"path"`
	Access string `json:"access"`
	// Failed is true when every open of this path failed (e.g. ENOENT).
	Failed bool `json:"failed,omitempty"`
}

// Endpoint is a network peer the dependency connected to (or bound).
type Endpoint struct {
	Address string `json:"address"`
	Port    int    `json:"port"`
	// Protocol is "tcp", "udp" or "unix".
	Protocol string `json:"protocol,omitempty"`
	// Host is the name the dependency asked for, when known (DNS sinkhole or hook).
	Host string `json:"host,omitempty"`
	// Op is "connect" (default) or "bind".
	Op string `json:"op,omitempty"`
	// Result is "ok" or the errno name (e.g. "ENETUNREACH").
	Result string `json:"result,omitempty"`
}

// DNSQuery is a name the dependency resolved.
type DNSQuery struct {
	Name string `json:"name"`
	Type string `json:"type,omitempty"`
}

// Process is a program the dependency started.
type Process struct {
	Argv   []string `json:"argv"`
	Binary string   `json:"binary,omitempty"`
	// Result is "ok" or the errno name when the exec failed.
	Result string `json:"result,omitempty"`
	// Script is the #! line of a program inside the bundle that is a
	// script the kernel ran through that interpreter ("#!/usr/bin/env
	// node"), as the file was when the scan ended; empty for a binary.
	Script string `json:"script,omitempty"`
}

// Exfil is a canary secret seen leaving: in outbound data, a DNS name, a
// process argument or a written file.
type Exfil struct {
	// Canary is the canary's name (e.g. "AWS_SECRET_ACCESS_KEY"), never its value.
	Canary string `json:"canary"`
	// Channel is "network", "dns", "argv" or "file".
	Channel string `json:"channel"`
	// Destination is the host:port, DNS name, program or file path.
	Destination string `json:"destination"`
	// Encoding is "raw", "base64", "base32", "hex" or "url", or the
	// compression it was found under: "gzip", "zlib", "deflate", "brotli".
	Encoding string `json:"encoding"`
	// Partial is set when only part of the value was seen (at least 12 of
	// its random characters in a row): cut short, or chunked with the rest
	// elsewhere.
	Partial bool `json:"partial,omitempty"`
}

// Persistence is state carried between invocations (serverless risk).
type Persistence struct {
	Path string `json:"path"`
	// WrittenIn and ReadIn are invocation numbers (1-based).
	WrittenIn int `json:"written_in"`
	ReadIn    int `json:"read_in"`
}

// Timer is a timer a package scheduled.
type Timer struct {
	// DelayMS is the delay the package asked for.
	DelayMS int64 `json:"delay_ms"`
	// BroughtForward is true when depbox shortened it to run within the phase.
	BroughtForward bool `json:"brought_forward,omitempty"`
	// Unfired counts timers of this kind that were brought forward but
	// neither fired nor were cleared before the process ended: their code
	// was not seen, so the profile is incomplete (see Settle).
	Unfired int `json:"unfired,omitempty"`
	// Did is what the delayed callback's synchronous part did, from the hook's
	// records between its "fired" and "done": "file-write /tmp/x",
	// "dns name", "network host:port", "process argv…", "env NAME".
	Did []string `json:"did,omitempty"`
}

// Signal is a signal a package sent.
type Signal struct {
	// Target is "self", "init" (pid 1: depbox's runner, the steps' parent),
	// "parent", "group" (0 or a negative pid) or "other".
	Target string `json:"target"`
	Signal string `json:"signal"`
	// Result is "ok" or the error code (EPERM); empty for a signal to
	// itself, which may not return.
	Result string `json:"result,omitempty"`
}

// Advisory is an OSV record matching a dependency.
type Advisory struct {
	ID      string   `json:"id"`
	Aliases []string `json:"aliases,omitempty"`
	// Kind is "malicious" (a MAL- verdict) or "vulnerability".
	Kind string `json:"kind"`
	// Severity is "critical", "high", "medium", "low" or "unknown".
	Severity   string   `json:"severity"`
	Summary    string   `json:"summary,omitempty"`
	Affected   string   `json:"affected,omitempty"`
	References []string `json:"references,omitempty"`
	// NameOnly is set when the dependency's version is unknown (a bundled
	// package): the record names the package, but whether it affects the
	// deployed version cannot be told.
	NameOnly bool `json:"name_only,omitempty"`
}

// IOCMatch is an advisory indicator seen in observed network behaviour.
type IOCMatch struct {
	// Advisory is the record id that lists the indicator.
	Advisory string `json:"advisory"`
	// Package is the package the advisory is about.
	Package string `json:"package"`
	// Indicator is the domain, URL or IP as listed (refanged).
	Indicator string `json:"indicator"`
	// Dependency is the install path of the dependency that contacted it.
	Dependency string `json:"dependency"`
	Phase      string `json:"phase"`
	// Observed is the DNS name, host or address that matched.
	Observed string `json:"observed"`
	// Context, when set, says why the match is context rather than a
	// verdict: the indicator names shared infrastructure, or records about
	// many unrelated packages list it.
	Context string `json:"context,omitempty"`
}

// Problem is a reason the profile is incomplete, or a warning.
type Problem struct {
	// Code is stable: "event-drops", "sandbox-failed", "timeout", "advisories-unavailable", ...
	Code    string `json:"code"`
	Message string `json:"message"`
	// Dependency is the install path concerned, if any ("." for the
	// function's own code).
	Dependency string `json:"dependency,omitempty"`
	// Phase is the phase concerned, if any.
	Phase string `json:"phase,omitempty"`
	// Fatal problems make the profile incomplete; others are warnings.
	Fatal bool `json:"fatal"`
}

// AddProblem records a problem and marks the profile incomplete when fatal.
func (p *Profile) AddProblem(pr Problem) {
	p.Problems = append(p.Problems, pr)
	if pr.Fatal {
		p.Incomplete = true
	}
}

// Dependency returns the dependency installed at path, or nil.
func (p *Profile) Dependency(path string) *Dependency {
	for i := range p.Dependencies {
		if p.Dependencies[i].Path == path {
			return &p.Dependencies[i]
		}
	}
	return nil
}

// EachBehavior calls fn with the behaviour of every phase of every
// dependency and of the function's own code (their Unattributed parts are
// reached through them).
func (p *Profile) EachBehavior(fn func(*Behavior)) {
	for i := range p.Dependencies {
		for _, b := range p.Dependencies[i].Phases {
			if b != nil {
				fn(b)
			}
		}
	}
	if p.App != nil {
		for _, b := range p.App.Phases {
			if b != nil {
				fn(b)
			}
		}
	}
}

// Empty reports whether b records no behaviour at all (the outcome aside).
func (b *Behavior) Empty() bool {
	if b == nil {
		return true
	}
	return len(b.Files) == 0 && len(b.Env) == 0 && len(b.Network) == 0 &&
		len(b.DNS) == 0 && len(b.Processes) == 0 && len(b.Capabilities) == 0 &&
		len(b.Exfiltration) == 0 && len(b.Persistence) == 0 && len(b.Timers) == 0 && len(b.Signals) == 0 && len(b.Forged) == 0 && len(b.WorldSignals) == 0 &&
		b.Unattributed.Empty() && b.CallerDirected.Empty()
}

// Canonicalize sorts and deduplicates every list so that the JSON encoding
// is deterministic.
func (p *Profile) Canonicalize() {
	p.Schema = Schema
	slices.SortFunc(p.Dependencies, func(a, b Dependency) int { return cmp.Compare(a.Path, b.Path) })
	for i := range p.Dependencies {
		p.Dependencies[i].canonicalize()
	}
	if p.App != nil {
		p.App.canonicalize()
	}
	for i := range p.Worlds {
		p.Worlds[i].canonicalize()
	}
	p.IOCMatches = canonicalIOCs(p.IOCMatches)
	slices.SortFunc(p.Problems, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.Code, b.Code), cmp.Compare(a.Dependency, b.Dependency), cmp.Compare(a.Phase, b.Phase), cmp.Compare(a.Message, b.Message))
	})
	p.Problems = slices.Compact(p.Problems)
}

// canonicalIOCs sorts and deduplicates indicator matches.
func canonicalIOCs(ms []IOCMatch) []IOCMatch {
	slices.SortFunc(ms, func(a, b IOCMatch) int {
		return cmp.Or(cmp.Compare(a.Dependency, b.Dependency), cmp.Compare(a.Advisory, b.Advisory),
			cmp.Compare(a.Indicator, b.Indicator), cmp.Compare(a.Phase, b.Phase), cmp.Compare(a.Observed, b.Observed))
	})
	return slices.Compact(ms)
}

func (d *Dependency) canonicalize() {
	slices.Sort(d.InstallScripts)
	d.InstallScripts = slices.Compact(d.InstallScripts)
	slices.Sort(d.Requires)
	d.Requires = slices.Compact(d.Requires)
	for k, b := range d.Phases {
		if b == nil {
			delete(d.Phases, k)
			continue
		}
		b.Canonicalize()
	}
	slices.SortFunc(d.Advisories, func(a, b Advisory) int { return cmp.Compare(a.ID, b.ID) })
	for i := range d.Advisories {
		slices.Sort(d.Advisories[i].Aliases)
		slices.Sort(d.Advisories[i].References)
	}
}

// Canonicalize sorts and deduplicates the behaviour's lists.
func (b *Behavior) Canonicalize() {
	if b == nil {
		return
	}
	slices.SortFunc(b.Files, func(x, y File) int {
		return cmp.Or(cmp.Compare(x.Path, y.Path), cmp.Compare(x.Access, y.Access), boolCmp(x.Failed, y.Failed))
	})
	b.Files = slices.Compact(b.Files)
	slices.Sort(b.Env)
	b.Env = slices.Compact(b.Env)
	slices.SortFunc(b.Network, func(x, y Endpoint) int {
		return cmp.Or(cmp.Compare(x.Op, y.Op), cmp.Compare(x.Protocol, y.Protocol), cmp.Compare(x.Address, y.Address),
			cmp.Compare(x.Port, y.Port), cmp.Compare(x.Host, y.Host), cmp.Compare(x.Result, y.Result))
	})
	b.Network = slices.Compact(b.Network)
	slices.SortFunc(b.DNS, func(x, y DNSQuery) int { return cmp.Or(cmp.Compare(x.Name, y.Name), cmp.Compare(x.Type, y.Type)) })
	b.DNS = slices.Compact(b.DNS)
	slices.SortFunc(b.Processes, func(x, y Process) int {
		return cmp.Or(cmp.Compare(strings.Join(x.Argv, "\x00"), strings.Join(y.Argv, "\x00")),
			cmp.Compare(x.Binary, y.Binary), cmp.Compare(x.Result, y.Result))
	})
	b.Processes = slices.CompactFunc(b.Processes, func(x, y Process) bool {
		return slices.Equal(x.Argv, y.Argv) && x.Binary == y.Binary && x.Result == y.Result
	})
	slices.Sort(b.Capabilities)
	b.Capabilities = slices.Compact(b.Capabilities)
	slices.SortFunc(b.Exfiltration, func(x, y Exfil) int {
		return cmp.Or(cmp.Compare(x.Canary, y.Canary), cmp.Compare(x.Channel, y.Channel),
			cmp.Compare(x.Destination, y.Destination), cmp.Compare(x.Encoding, y.Encoding))
	})
	b.Exfiltration = slices.Compact(b.Exfiltration)
	slices.SortFunc(b.Persistence, func(x, y Persistence) int {
		return cmp.Or(cmp.Compare(x.Path, y.Path), cmp.Compare(x.WrittenIn, y.WrittenIn), cmp.Compare(x.ReadIn, y.ReadIn))
	})
	b.Persistence = slices.Compact(b.Persistence)
	for i := range b.Timers {
		slices.Sort(b.Timers[i].Did)
		b.Timers[i].Did = slices.Compact(b.Timers[i].Did)
	}
	slices.SortFunc(b.Timers, func(x, y Timer) int {
		return cmp.Or(cmp.Compare(x.DelayMS, y.DelayMS), boolCmp(x.BroughtForward, y.BroughtForward),
			cmp.Compare(x.Unfired, y.Unfired), slices.Compare(x.Did, y.Did))
	})
	b.Timers = slices.CompactFunc(b.Timers, func(x, y Timer) bool {
		return x.DelayMS == y.DelayMS && x.BroughtForward == y.BroughtForward && x.Unfired == y.Unfired && slices.Equal(x.Did, y.Did)
	})
	slices.SortFunc(b.Signals, func(x, y Signal) int {
		return cmp.Or(cmp.Compare(x.Target, y.Target), cmp.Compare(x.Signal, y.Signal), cmp.Compare(x.Result, y.Result))
	})
	b.Signals = slices.Compact(b.Signals)
	slices.SortFunc(b.Forged, func(x, y ForgedRecord) int {
		return cmp.Or(cmp.Compare(x.Claim, y.Claim), cmp.Compare(x.Reason, y.Reason))
	})
	b.Forged = slices.Compact(b.Forged)
	slices.Sort(b.Loaded)
	b.Loaded = slices.Compact(b.Loaded)
	slices.Sort(b.WorldSignals)
	b.WorldSignals = slices.Compact(b.WorldSignals)
	if b.Unattributed.Empty() {
		b.Unattributed = nil
	} else {
		b.Unattributed.Canonicalize()
	}
	if b.CallerDirected.Empty() {
		b.CallerDirected = nil
	} else {
		b.CallerDirected.Canonicalize()
	}
}

func boolCmp(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	default:
		return 1
	}
}

// Write canonicalizes p and writes it as indented JSON with a final newline.
func (p *Profile) Write(w io.Writer) error {
	p.Canonicalize()
	b, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return fmt.Errorf("encoding profile: %w", err)
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// ReadAll decodes the profiles of a stream of them, one after another
// (depbox scan --format json writes one per function of a template with
// several), each checked as Read checks one.
func ReadAll(r io.Reader) ([]*Profile, error) {
	dec := json.NewDecoder(r)
	var out []*Profile
	for {
		p, err := decode(dec)
		if errors.Is(err, io.EOF) && len(out) > 0 {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("profile %d: %w", len(out)+1, err)
		}
		out = append(out, p)
	}
}

// Read decodes a profile and checks its schema version.
func Read(r io.Reader) (*Profile, error) {
	return decode(json.NewDecoder(r))
}

func decode(dec *json.Decoder) (*Profile, error) {
	var p Profile
	if err := dec.Decode(&p); err != nil {
		// io.EOF stays visible to ReadAll through the wrapping.
		return nil, fmt.Errorf("decoding profile: %w (is it a depbox profile written with --format json?)", err)
	}
	if p.Schema != Schema {
		return nil, fmt.Errorf("profile schema %q is not supported (want %q): re-run the scan with this depbox", p.Schema, Schema)
	}
	// A profile from a file is held to the same invariants as a fresh one.
	p.Sanitize()
	p.Settle()
	p.Canonicalize()
	return &p, nil
}
