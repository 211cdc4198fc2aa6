// Package baseline turns a scan's profile into the accepted behaviour of a
// function bundle: a canonical, normalised, diff-friendly JSON document that
// lives in the function's repository (depbox.baseline.json) and changes
// through review. Diff lists what changed between two baselines — new and
// vanished behaviours per dependency and phase, version changes, new and
// removed dependencies — as text or JSON.
//
// A baseline records behaviour, never values: environment variable names,
// not their contents; paths with temp names, pids and version numbers
// masked; random-looking runs (canary secrets, tokens) replaced by
// placeholders. Two scans of the same bundle give byte-identical baselines.
// The schema is versioned (Schema) and documented in docs/baseline.md.
package baseline

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/depbox/depbox/profile"
)

// Schema is the version tag written into every baseline. SchemaVersion is
// its number: Read refuses baselines with a higher number.
const (
	SchemaPrefix  = "depbox.baseline/v"
	SchemaVersion = 1
	Schema        = "depbox.baseline/v1"
)

// FileName is the baseline's default file name, beside the bundle.
const FileName = "depbox.baseline.json"

// Baseline is the accepted behaviour of a bundle.
type Baseline struct {
	Schema string `json:"schema"`
	Bundle Bundle `json:"bundle"`
	// Dependencies are sorted by install path, then name.
	Dependencies []Dependency `json:"dependencies"`
	// App is the behaviour of the function's own code, when the scan could
	// tell it apart.
	App *Dependency `json:"app,omitempty"`
}

// Bundle identifies the bundle the baseline belongs to. It holds no digest:
// the baseline describes behaviour, and must not change when only bytes do.
type Bundle struct {
	Name    string `json:"name"`
	Runtime string `json:"runtime,omitempty"`
	Handler string `json:"handler,omitempty"`
}

// Dependency is one installed package's accepted behaviour, keyed by name
// and install path.
type Dependency struct {
	Name    string `json:"name"`
	Path    string `json:"path"`
	Version string `json:"version"`
	// InstallScripts lists the lifecycle scripts it declares, sorted.
	InstallScripts []string `json:"install_scripts,omitempty"`
	// Phases maps a phase name (profile.PhaseInstall, …) to its behaviour.
	// Phases without behaviour are left out.
	Phases map[string]*Behavior `json:"phases,omitempty"`
}

// Behavior is what a dependency did in one phase, normalised. Results (ok or
// an errno) are not recorded, only what was attempted.
type Behavior struct {
	// Outcome is the phase's outcome when it was not "ok", e.g.
	// "error ERR_REQUIRE_ESM" or "timeout".
	Outcome      string     `json:"outcome,omitempty"`
	Files        []File     `json:"files,omitempty"`
	Env          []string   `json:"env,omitempty"`
	Network      []Endpoint `json:"network,omitempty"`
	DNS          []DNSQuery `json:"dns,omitempty"`
	Processes    []Process  `json:"processes,omitempty"`
	Capabilities []string   `json:"capabilities,omitempty"`
	Exfiltration []Exfil    `json:"exfiltration,omitempty"`
	Persistence  []string   `json:"persistence,omitempty"`
	// Timers are the delays (ms) of long timers the package set (time bombs).
	Timers []int64 `json:"timers,omitempty"`
	// Signals are signals the package sent: "SIGTERM to init".
	Signals      []string  `json:"signals,omitempty"`
	Unattributed *Behavior `json:"unattributed,omitempty"`
}

// File is a normalised path and its access kind (read, write, read-write, exec).
type File struct {
	Path   string `json:"path"`
	Access string `json:"access"`
}

// Endpoint is a network peer. When the host name is known, the address (a
// sinkhole's answer) is left out.
type Endpoint struct {
	Op       string `json:"op"`
	Protocol string `json:"protocol,omitempty"`
	Host     string `json:"host,omitempty"`
	Address  string `json:"address,omitempty"`
	Port     int    `json:"port,omitempty"`
}

// DNSQuery is a name resolved, and the record type.
type DNSQuery struct {
	Name string `json:"name"`
	Type string `json:"type,omitempty"`
}

// Process is a program started, its arguments normalised.
type Process struct {
	Argv   []string `json:"argv"`
	Binary string   `json:"binary,omitempty"`
}

// Exfil is a canary seen leaving, by name: the value is never recorded.
type Exfil struct {
	Canary      string `json:"canary"`
	Channel     string `json:"channel"`
	Destination string `json:"destination"`
	Encoding    string `json:"encoding,omitempty"`
}

// FromProfile builds the baseline of a scan. The profile is not modified.
func FromProfile(p *profile.Profile) *Baseline {
	b := &Baseline{
		Schema: Schema,
		Bundle: Bundle{Name: p.Bundle.Name, Runtime: p.Bundle.Runtime, Handler: p.Bundle.Handler},
	}
	for i := range p.Dependencies {
		b.Dependencies = append(b.Dependencies, fromDependency(&p.Dependencies[i]))
	}
	if p.App != nil {
		app := fromDependency(p.App)
		if len(app.Phases) > 0 {
			b.App = &app
		}
	}
	b.Canonicalize()
	return b
}

func fromDependency(d *profile.Dependency) Dependency {
	out := Dependency{Name: d.Name, Path: d.Path, Version: d.Version}
	out.InstallScripts = slices.Clone(d.InstallScripts)
	for phase, beh := range d.Phases {
		nb := fromBehavior(beh)
		if nb.empty() {
			continue
		}
		if out.Phases == nil {
			out.Phases = map[string]*Behavior{}
		}
		out.Phases[phase] = nb
	}
	return out
}

func fromBehavior(b *profile.Behavior) *Behavior {
	if b == nil {
		return nil
	}
	out := &Behavior{}
	if o := b.Outcome; o != nil && o.Status != "" && o.Status != "ok" {
		out.Outcome = strings.TrimSpace(o.Status + " " + NormalizeText(o.Error))
	}
	for _, f := range b.Files {
		out.Files = append(out.Files, File{Path: NormalizePath(f.Path), Access: f.Access})
	}
	out.Env = slices.Clone(b.Env)
	for _, n := range b.Network {
		out.Network = append(out.Network, normalizeEndpoint(n))
	}
	for _, q := range b.DNS {
		out.DNS = append(out.DNS, DNSQuery{Name: NormalizeHost(q.Name), Type: q.Type})
	}
	for _, pr := range b.Processes {
		np := Process{Binary: NormalizePath(pr.Binary)}
		for _, a := range pr.Argv {
			np.Argv = append(np.Argv, NormalizeText(a))
		}
		if np.Argv == nil {
			np.Argv = []string{}
		}
		out.Processes = append(out.Processes, np)
	}
	out.Capabilities = slices.Clone(b.Capabilities)
	for _, e := range b.Exfiltration {
		out.Exfiltration = append(out.Exfiltration, Exfil{
			Canary: e.Canary, Channel: e.Channel, Destination: NormalizeText(e.Destination), Encoding: e.Encoding,
		})
	}
	for _, p := range b.Persistence {
		out.Persistence = append(out.Persistence, NormalizePath(p.Path))
	}
	for _, t := range b.Timers {
		out.Timers = append(out.Timers, t.DelayMS)
	}
	for _, sg := range b.Signals {
		out.Signals = append(out.Signals, NormalizeText(sg.Signal)+" to "+sg.Target)
	}
	out.Unattributed = fromBehavior(b.Unattributed)
	return out
}

func normalizeEndpoint(n profile.Endpoint) Endpoint {
	e := Endpoint{Op: n.Op, Protocol: n.Protocol, Port: n.Port}
	if e.Op == "" {
		e.Op = "connect"
	}
	switch {
	case n.Protocol == "unix":
		e.Address = NormalizePath(n.Address)
	case n.Host != "":
		e.Host = NormalizeHost(n.Host)
	default:
		e.Address = n.Address
	}
	if e.Op == "bind" && e.Protocol != "unix" && e.Port >= 32768 {
		// An ephemeral port picked by the kernel.
		e.Port = 0
	}
	return e
}

func (b *Behavior) empty() bool {
	return b == nil || (b.Outcome == "" && len(b.Files) == 0 && len(b.Env) == 0 && len(b.Network) == 0 &&
		len(b.DNS) == 0 && len(b.Processes) == 0 && len(b.Capabilities) == 0 &&
		len(b.Exfiltration) == 0 && len(b.Persistence) == 0 && len(b.Timers) == 0 && len(b.Signals) == 0 && b.Unattributed.empty())
}

// Canonicalize sorts and deduplicates every list and drops empty phases, so
// that the encoding is deterministic.
func (b *Baseline) Canonicalize() {
	b.Schema = Schema
	for i := range b.Dependencies {
		b.Dependencies[i].canonicalize()
	}
	slices.SortFunc(b.Dependencies, func(x, y Dependency) int {
		return cmp.Or(cmp.Compare(x.Path, y.Path), cmp.Compare(x.Name, y.Name), cmp.Compare(x.Version, y.Version))
	})
	if b.App != nil {
		b.App.canonicalize()
	}
	if b.Dependencies == nil {
		b.Dependencies = []Dependency{}
	}
}

func (d *Dependency) canonicalize() {
	slices.Sort(d.InstallScripts)
	d.InstallScripts = slices.Compact(d.InstallScripts)
	for k, beh := range d.Phases {
		beh.canonicalize()
		if beh.empty() {
			delete(d.Phases, k)
		}
	}
	if len(d.Phases) == 0 {
		d.Phases = nil
	}
}

func (b *Behavior) canonicalize() {
	if b == nil {
		return
	}
	slices.SortFunc(b.Files, func(x, y File) int { return cmp.Or(cmp.Compare(x.Path, y.Path), cmp.Compare(x.Access, y.Access)) })
	b.Files = slices.Compact(b.Files)
	slices.Sort(b.Env)
	b.Env = slices.Compact(b.Env)
	slices.SortFunc(b.Network, func(x, y Endpoint) int {
		return cmp.Or(cmp.Compare(x.Op, y.Op), cmp.Compare(x.Protocol, y.Protocol), cmp.Compare(x.Host, y.Host),
			cmp.Compare(x.Address, y.Address), cmp.Compare(x.Port, y.Port))
	})
	b.Network = slices.Compact(b.Network)
	slices.SortFunc(b.DNS, func(x, y DNSQuery) int { return cmp.Or(cmp.Compare(x.Name, y.Name), cmp.Compare(x.Type, y.Type)) })
	b.DNS = slices.Compact(b.DNS)
	slices.SortFunc(b.Processes, func(x, y Process) int {
		return cmp.Or(slices.Compare(x.Argv, y.Argv), cmp.Compare(x.Binary, y.Binary))
	})
	b.Processes = slices.CompactFunc(b.Processes, func(x, y Process) bool {
		return slices.Equal(x.Argv, y.Argv) && x.Binary == y.Binary
	})
	slices.Sort(b.Capabilities)
	b.Capabilities = slices.Compact(b.Capabilities)
	slices.SortFunc(b.Exfiltration, func(x, y Exfil) int {
		return cmp.Or(cmp.Compare(x.Canary, y.Canary), cmp.Compare(x.Channel, y.Channel),
			cmp.Compare(x.Destination, y.Destination), cmp.Compare(x.Encoding, y.Encoding))
	})
	b.Exfiltration = slices.Compact(b.Exfiltration)
	slices.Sort(b.Persistence)
	b.Persistence = slices.Compact(b.Persistence)
	slices.Sort(b.Timers)
	b.Timers = slices.Compact(b.Timers)
	slices.Sort(b.Signals)
	b.Signals = slices.Compact(b.Signals)
	b.Unattributed.canonicalize()
	if b.Unattributed.empty() {
		b.Unattributed = nil
	}
}

// Encode canonicalises b and returns its JSON encoding: indented, with a
// final newline.
func (b *Baseline) Encode() ([]byte, error) {
	b.Canonicalize()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(b); err != nil {
		return nil, fmt.Errorf("encoding baseline: %w", err)
	}
	return buf.Bytes(), nil
}

// Write canonicalises b and writes its JSON encoding to w.
func (b *Baseline) Write(w io.Writer) error {
	data, err := b.Encode()
	if err != nil {
		return err
	}
	if _, err := w.Write(data); err != nil {
		return fmt.Errorf("writing baseline: %w", err)
	}
	return nil
}

// ErrNotBaseline is returned (wrapped) by Read for input that is not a
// depbox baseline at all.
var ErrNotBaseline = errors.New("not a depbox baseline")

// ErrFutureSchema is returned (wrapped) by Read for a baseline written by a
// newer depbox.
var ErrFutureSchema = errors.New("baseline schema is newer than this depbox")

// Read decodes a baseline and checks its schema version. Unknown fields are
// an error: a baseline is a reviewed file, and a typo in it should not pass
// silently.
func Read(r io.Reader) (*Baseline, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("reading baseline: %w", err)
	}
	var head struct {
		Schema *string `json:"schema"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, fmt.Errorf("%w: %v (restore it from version control or regenerate it with `depbox baseline update`)", ErrNotBaseline, err)
	}
	if head.Schema == nil || !strings.HasPrefix(*head.Schema, SchemaPrefix) {
		got := "no schema field"
		if head.Schema != nil {
			got = fmt.Sprintf("schema %q", *head.Schema)
		}
		return nil, fmt.Errorf("%w: %s, want %q (is it a profile? `depbox baseline update` writes baselines)", ErrNotBaseline, got, Schema)
	}
	n, err := strconv.Atoi(strings.TrimPrefix(*head.Schema, SchemaPrefix))
	if err != nil || n < 1 {
		return nil, fmt.Errorf("%w: unknown schema %q, want %q", ErrNotBaseline, *head.Schema, Schema)
	}
	if n > SchemaVersion {
		return nil, fmt.Errorf("%w: the file is %s, this depbox reads up to %s: upgrade depbox", ErrFutureSchema, *head.Schema, Schema)
	}
	var b Baseline
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("%w: %v (restore it from version control or regenerate it with `depbox baseline update`)", ErrNotBaseline, err)
	}
	b.Canonicalize()
	return &b, nil
}

// ReadFile reads the baseline at path. A missing file gives an error
// satisfying errors.Is(err, fs.ErrNotExist).
func ReadFile(path string) (*Baseline, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("baseline %s: %w", path, err)
	}
	return b, nil
}

// Dependency returns the dependency with this name and install path, or nil.
func (b *Baseline) Dependency(name, path string) *Dependency {
	for i := range b.Dependencies {
		if b.Dependencies[i].Path == path && b.Dependencies[i].Name == name {
			return &b.Dependencies[i]
		}
	}
	return nil
}

// ByName returns every dependency with this name, at any install path.
func (b *Baseline) ByName(name string) []*Dependency {
	var out []*Dependency
	for i := range b.Dependencies {
		if b.Dependencies[i].Name == name {
			out = append(out, &b.Dependencies[i])
		}
	}
	return out
}
