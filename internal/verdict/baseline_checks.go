package verdict

import (
	"fmt"
	"slices"
	"strings"

	"github.com/depbox/depbox/baseline"
	"github.com/depbox/depbox/profile"
)

// newCaps are the capabilities DBX011 reports when they newly appear.
var newCaps = []string{"native-addon", "eval", "process.binding"}

// known is what the baseline accepts for one package name.
type known struct {
	hosts map[string]bool
	caps  map[string]bool
	// items per phase: from the entry at the same install path when there
	// is one, else from every install path of the name.
	items map[string][]baseline.Item
}

func (c *checker) known(d *profile.Dependency) known {
	if d == c.p.App {
		// The function's own code has one record: the baseline's.
		if c.base.App == nil {
			return knownOf(nil, nil)
		}
		return knownOf([]*baseline.Dependency{c.base.App}, c.base.App)
	}
	return knownOf(c.base.ByName(d.Name), c.base.Dependency(d.Name, d.Path))
}

// knownOf is what the baseline records olds accept; items come from exact
// when it is one of them.
func knownOf(olds []*baseline.Dependency, exact *baseline.Dependency) known {
	k := known{hosts: map[string]bool{}, caps: map[string]bool{}, items: map[string][]baseline.Item{}}
	for _, od := range olds {
		for _, b := range od.Phases {
			for _, part := range []*baseline.Behavior{b, b.Unattributed} {
				if part == nil {
					continue
				}
				for _, e := range part.Network {
					k.hosts[hostKey(e.Host, e.Address)] = true
				}
				for _, q := range part.DNS {
					k.hosts[q.Name] = true
				}
				for _, cp := range part.Capabilities {
					k.caps[cp] = true
				}
			}
		}
		if exact != nil && od != exact {
			continue
		}
		for phase, items := range od.PhaseItems() {
			k.items[phase] = append(k.items[phase], items...)
		}
	}
	for phase, items := range k.items {
		slices.SortFunc(items, baseline.CompareItems)
		k.items[phase] = slices.Compact(items)
	}
	return k
}

// hostKey is how hosts are compared: the normalised name, else the address.
func hostKey(host, addr string) string {
	if host != "" {
		return baseline.NormalizeHost(host)
	}
	return addr
}

// networkPeer reports whether an endpoint counts as a host contacted.
func networkPeer(e profile.Endpoint) bool {
	return e.Protocol != "unix" && e.Op != "bind" && !localAddr(e.Address)
}

func (c *checker) checkBaseline(d *profile.Dependency) {
	c.checkDrift(d, len(c.base.ByName(d.Name)) > 0, 0, nil)
}

// checkAppBaseline judges the function's own code against the baseline's
// record of it: new hosts (DBX010), capabilities (DBX011) and processes
// (DBX016) are medium findings — the function's code changed, or was
// tampered with, in a way a reviewer should see.
func (c *checker) checkAppBaseline(app *profile.Dependency) {
	c.checkDrift(app, c.base.App != nil, Medium, func(it baseline.Item) bool { return it.Kind == baseline.KindProcess })
}

// checkDrift runs the baseline rules over one dependency: sev, when not
// zero, overrides the rules' severities, and drift, when set, chooses the
// items DBX016 reports.
func (c *checker) checkDrift(d *profile.Dependency, inBaseline bool, sev Severity, drift func(baseline.Item) bool) {
	k := c.knownFor(d)
	nd := baseline.FromDependency(d)
	current := nd.PhaseItems()
	for _, phase := range phasesOf(d) {
		b := d.Phases[phase]
		newHosts := map[string]bool{}
		// DBX010 new-network-host
		var vals []string
		unattributed := false
		parts(b, func(b *profile.Behavior, un bool) {
			for _, e := range b.Network {
				if key := hostKey(e.Host, e.Address); networkPeer(e) && !k.hosts[key] {
					newHosts[key] = true
					vals = append(vals, "network "+peer(e))
					unattributed = unattributed || un
				}
			}
			for _, q := range b.DNS {
				if key := baseline.NormalizeHost(q.Name); key != "localhost" && !k.hosts[key] {
					newHosts[key] = true
					vals = append(vals, "dns "+q.Name)
					unattributed = unattributed || un
				}
			}
		})
		if len(vals) > 0 {
			why := "not in its baseline"
			if !inBaseline {
				why = "and is not in the baseline"
			}
			hosts := make([]string, 0, len(newHosts))
			for h := range newHosts {
				hosts = append(hosts, h)
			}
			slices.Sort(hosts)
			c.add(RuleNewNetworkHost, sev, d, phase, fmt.Sprintf("%s contacted new %s %s in the %s phase, %s", label(d),
				plural(len(hosts), "host", "hosts"), strings.Join(hosts, ", "), phase, why),
				Evidence{Event: netEvent(vals), Values: vals, Unattributed: unattributed})
		}
		// DBX011 new-capability
		var caps []string
		unattributed = false
		parts(b, func(b *profile.Behavior, un bool) {
			for _, cp := range b.Capabilities {
				if slices.Contains(newCaps, cp) && !k.caps[cp] && !slices.Contains(caps, cp) {
					caps = append(caps, cp)
					unattributed = unattributed || un
				}
			}
		})
		if len(caps) > 0 {
			c.add(RuleNewCapability, sev, d, phase, fmt.Sprintf("%s newly uses %s in the %s phase", label(d), strings.Join(caps, ", "), phase),
				Evidence{Event: baseline.KindCapability, Values: caps, Unattributed: unattributed})
		}
		// DBX016 new-behaviour
		var drifted []string
		var kinds []string
		unattributed = false
		for _, it := range current[phase] {
			if _, found := slices.BinarySearchFunc(k.items[phase], it, baseline.CompareItems); found || coveredElsewhere(it, newHosts) {
				continue
			}
			if drift != nil && !drift(it) {
				continue
			}
			drifted = append(drifted, it.String())
			if !slices.Contains(kinds, it.Kind) {
				kinds = append(kinds, it.Kind)
			}
			unattributed = unattributed || it.Unattributed
		}
		if len(drifted) > 0 {
			msg := fmt.Sprintf("%s: %d %s in the %s phase not in the baseline", label(d), len(drifted), plural(len(drifted), "behaviour", "behaviours"), phase)
			if !inBaseline {
				msg = fmt.Sprintf("%s is not in the baseline: %d %s in the %s phase", label(d), len(drifted), plural(len(drifted), "behaviour", "behaviours"), phase)
			}
			c.add(RuleNewBehavior, sev, d, phase, msg,
				Evidence{Event: strings.Join(kinds, "+"), Values: drifted, Unattributed: unattributed})
		}
	}
}

// harmlessDevices are device files whose reads say nothing about a package.
var harmlessDevices = []string{"/dev/null", "/dev/zero", "/dev/random", "/dev/urandom"}

// coveredElsewhere reports whether a new item is not drift worth its own
// finding: the load outcome, reads of the bundle's own files, capabilities
// DBX011 judges, hosts DBX010 already reported, and reads of /dev/null and
// the random devices.
func coveredElsewhere(it baseline.Item, newHosts map[string]bool) bool {
	switch it.Kind {
	case baseline.KindOutcome:
		return true
	case baseline.KindFileRead, baseline.KindFileExec:
		return strings.HasPrefix(it.Value, "/var/task/") || slices.Contains(harmlessDevices, it.Value)
	case baseline.KindCapability:
		return slices.Contains(newCaps, it.Value)
	case baseline.KindDNS:
		name, _, _ := strings.Cut(it.Value, " ")
		return newHosts[name] || name == "localhost"
	case baseline.KindNetwork:
		fields := strings.Fields(it.Value)
		hp := fields[len(fields)-1]
		if i := strings.LastIndex(hp, ":"); i > 0 {
			hp = hp[:i]
		}
		return newHosts[strings.Trim(hp, "[]")]
	}
	return false
}
