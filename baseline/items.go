package baseline

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/depbox/depbox/profile"
)

// Item kinds: one behaviour of a dependency in a phase, flattened to a
// (kind, value) pair so that behaviours can be compared, counted and shown.
const (
	KindOutcome       = "outcome"
	KindInstallScript = "install-script"
	KindFileRead      = "file-read"
	KindFileWrite     = "file-write"
	KindFileReadWrite = "file-read-write"
	KindFileExec      = "file-exec"
	KindEnv           = "env"
	KindNetwork       = "network"
	KindDNS           = "dns"
	KindProcess       = "process"
	KindCapability    = "capability"
	KindExfiltration  = "exfiltration"
	KindPersistence   = "persistence"
	KindTimer         = "timer"
	KindSignal        = "signal"
)

// Kinds lists the item kinds in display order.
var Kinds = []string{
	KindExfiltration, KindProcess, KindNetwork, KindDNS, KindEnv,
	KindFileRead, KindFileWrite, KindFileReadWrite, KindFileExec,
	KindCapability, KindPersistence, KindTimer, KindSignal, KindInstallScript, KindOutcome,
}

// Phases lists the phases in the order they run.
var Phases = []string{profile.PhaseInstall, profile.PhaseStartup, profile.PhaseImport, profile.PhaseInvoke, profile.PhaseLinger, profile.PhaseExecute}

// PhaseIndex orders phases: known phases in run order, unknown ones after.
func PhaseIndex(p string) int {
	if i := slices.Index(Phases, p); i >= 0 {
		return i
	}
	return len(Phases)
}

func kindIndex(k string) int {
	if i := slices.Index(Kinds, k); i >= 0 {
		return i
	}
	return len(Kinds)
}

// Item is one behaviour. Unattributed is true for behaviour seen in the
// dependency's process that no hook record explains.
type Item struct {
	Kind         string `json:"kind"`
	Value        string `json:"value"`
	Unattributed bool   `json:"unattributed,omitempty"`
}

// String renders the item as "kind value", with an "unattributed " prefix
// when it is unattributed.
func (it Item) String() string {
	s := it.Kind + " " + it.Value
	if it.Unattributed {
		s = "unattributed " + s
	}
	return s
}

// CompareItems orders items by kind (display order), value, then attribution.
func CompareItems(a, b Item) int {
	return cmp.Or(cmp.Compare(kindIndex(a.Kind), kindIndex(b.Kind)), cmp.Compare(a.Kind, b.Kind),
		cmp.Compare(a.Value, b.Value), boolCmp(a.Unattributed, b.Unattributed))
}

func boolCmp(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}

// Items flattens a behaviour into sorted, deduplicated items, its
// unattributed part included (marked).
func (b *Behavior) Items() []Item {
	var out []Item
	b.appendItems(&out, false)
	slices.SortFunc(out, CompareItems)
	return slices.Compact(out)
}

func (b *Behavior) appendItems(out *[]Item, unattributed bool) {
	if b == nil {
		return
	}
	add := func(kind, value string) {
		*out = append(*out, Item{Kind: kind, Value: value, Unattributed: unattributed})
	}
	if b.Outcome != "" {
		add(KindOutcome, b.Outcome)
	}
	for _, f := range b.Files {
		add(FileKind(f.Access), f.Path)
	}
	for _, e := range b.Env {
		add(KindEnv, e)
	}
	for _, n := range b.Network {
		add(KindNetwork, n.String())
	}
	for _, q := range b.DNS {
		add(KindDNS, q.String())
	}
	for _, p := range b.Processes {
		add(KindProcess, p.String())
	}
	for _, c := range b.Capabilities {
		add(KindCapability, c)
	}
	for _, e := range b.Exfiltration {
		add(KindExfiltration, e.String())
	}
	for _, p := range b.Persistence {
		add(KindPersistence, p)
	}
	for _, t := range b.Timers {
		add(KindTimer, (time.Duration(t)*time.Millisecond).String()+" (brought forward)")
	}
	for _, sg := range b.Signals {
		add(KindSignal, sg)
	}
	b.Unattributed.appendItems(out, true)
}

// FileKind maps a file access (profile.AccessRead, …) to its item kind.
func FileKind(access string) string {
	switch access {
	case profile.AccessWrite:
		return KindFileWrite
	case profile.AccessReadWrite:
		return KindFileReadWrite
	case profile.AccessExec:
		return KindFileExec
	case profile.AccessRead, "":
		return KindFileRead
	}
	return "file-" + access
}

// String renders an endpoint as "op protocol host-or-address:port", e.g.
// "connect tcp api.example.com:443" or "connect unix /run/x.sock".
func (e Endpoint) String() string {
	var b strings.Builder
	b.WriteString(e.Op)
	if e.Protocol != "" {
		b.WriteString(" " + e.Protocol)
	}
	peer := e.Host
	if peer == "" {
		peer = e.Address
	}
	if strings.Contains(peer, ":") && e.Protocol != "unix" {
		peer = "[" + peer + "]"
	}
	b.WriteString(" " + peer)
	if e.Protocol != "unix" {
		b.WriteString(":" + strconv.Itoa(e.Port))
	}
	return b.String()
}

// String renders a query as "name" or "name type".
func (q DNSQuery) String() string {
	if q.Type == "" {
		return q.Name
	}
	return q.Name + " " + q.Type
}

// String renders a process as its quoted command line, followed by the
// executed binary when it differs from argv[0].
func (p Process) String() string {
	s := JoinArgv(p.Argv)
	if p.Binary != "" && (len(p.Argv) == 0 || p.Argv[0] != p.Binary) {
		s += " [" + p.Binary + "]"
	}
	return s
}

// JoinArgv renders argv as a command line, quoting arguments that need it.
func JoinArgv(argv []string) string {
	parts := make([]string, len(argv))
	for i, a := range argv {
		if a == "" || strings.ContainsAny(a, " \t\n\"'\\$`;|&<>(){}*?!#") && !isPlaceholderOnly(a) {
			parts[i] = strconv.Quote(a)
		} else {
			parts[i] = a
		}
	}
	return strings.Join(parts, " ")
}

// isPlaceholderOnly reports whether a's only special characters are the
// braces of placeholders, which read fine unquoted.
func isPlaceholderOnly(a string) bool {
	for _, ph := range []string{PlaceholderPID, PlaceholderNumber, PlaceholderVersion, PlaceholderRandom} {
		a = strings.ReplaceAll(a, ph, "")
	}
	return !strings.ContainsAny(a, " \t\n\"'\\$`;|&<>(){}*?!#")
}

// String renders an exfiltration as "CANARY via channel to destination (encoding)".
func (e Exfil) String() string {
	s := fmt.Sprintf("%s via %s to %s", e.Canary, e.Channel, e.Destination)
	if e.Encoding != "" {
		s += " (" + e.Encoding + ")"
	}
	return s
}

// PhaseItems returns a dependency's items per phase, install scripts (as
// install-phase items) included.
func (d *Dependency) PhaseItems() map[string][]Item {
	out := map[string][]Item{}
	for phase, b := range d.Phases {
		if items := b.Items(); len(items) > 0 {
			out[phase] = items
		}
	}
	if len(d.InstallScripts) > 0 {
		items := out[profile.PhaseInstall]
		for _, s := range d.InstallScripts {
			items = append(items, Item{Kind: KindInstallScript, Value: s})
		}
		slices.SortFunc(items, CompareItems)
		out[profile.PhaseInstall] = items
	}
	return out
}

// BehaviorItems normalises one profile behaviour and flattens it: the items
// a baseline built from that profile would hold for it.
func BehaviorItems(b *profile.Behavior) []Item {
	return fromBehavior(b).Items()
}

// FromDependency normalises one profile dependency: what a baseline built
// from its profile would hold for it.
func FromDependency(d *profile.Dependency) Dependency {
	nd := fromDependency(d)
	nd.canonicalize()
	return nd
}

// FileItem is the item a baseline records for a file access.
func FileItem(f profile.File, unattributed bool) Item {
	return Item{Kind: FileKind(f.Access), Value: NormalizePath(f.Path), Unattributed: unattributed}
}

// EnvItem is the item a baseline records for an environment variable read.
func EnvItem(name string, unattributed bool) Item {
	return Item{Kind: KindEnv, Value: name, Unattributed: unattributed}
}

// EndpointItem is the item a baseline records for a network peer.
func EndpointItem(e profile.Endpoint, unattributed bool) Item {
	return Item{Kind: KindNetwork, Value: normalizeEndpoint(e).String(), Unattributed: unattributed}
}

// DNSItem is the item a baseline records for a DNS query.
func DNSItem(q profile.DNSQuery, unattributed bool) Item {
	return Item{Kind: KindDNS, Value: DNSQuery{Name: NormalizeHost(q.Name), Type: q.Type}.String(), Unattributed: unattributed}
}

// ProcessItem is the item a baseline records for a process started.
func ProcessItem(p profile.Process, unattributed bool) Item {
	np := Process{Binary: NormalizePath(p.Binary), Argv: []string{}}
	for _, a := range p.Argv {
		np.Argv = append(np.Argv, NormalizeText(a))
	}
	return Item{Kind: KindProcess, Value: np.String(), Unattributed: unattributed}
}

// PersistenceItem is the item a baseline records for state kept between invocations.
// TimerItem is the item of a long timer, as the baseline records it.
func TimerItem(t profile.Timer) Item {
	return Item{Kind: KindTimer, Value: (time.Duration(t.DelayMS) * time.Millisecond).String() + " (brought forward)"}
}

func PersistenceItem(p profile.Persistence, unattributed bool) Item {
	return Item{Kind: KindPersistence, Value: NormalizePath(p.Path), Unattributed: unattributed}
}
