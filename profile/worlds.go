package profile

import (
	"cmp"
	"slices"
	"strings"
)

// Environment signals a package can look at (Behavior.WorldSignals): what
// payloads gated on where and when they run read before they act.
const (
	SignalTZ         = "tz"         // the time zone: TZ, Intl's resolved time zone, Date#getTimezoneOffset
	SignalLocale     = "locale"     // LANG, LC_*, Intl's resolved locale
	SignalDate       = "date"       // the clock: Date.now(), new Date()
	SignalCI         = "ci"         // CI variables: CI, GITHUB_ACTIONS, GITLAB_CI, …
	SignalHost       = "host"       // the host name: os.hostname(), HOSTNAME
	SignalHome       = "home"       // the home directory: os.homedir(), HOME
	SignalUser       = "user"       // the user: os.userInfo(), USER, LOGNAME
	SignalInterfaces = "interfaces" // os.networkInterfaces() (addresses, MAC)
	SignalGeo        = "geo"        // a geolocation or IP-lookup service asked
)

// ciVariables are environment variables CI systems set, which payloads
// gated on running (or not running) in CI read.
var ciVariables = map[string]bool{
	"CI": true, "CONTINUOUS_INTEGRATION": true, "BUILD_NUMBER": true, "BUILD_ID": true, "RUN_ID": true,
	"GITHUB_ACTIONS": true, "GITHUB_WORKFLOW": true, "GITHUB_RUN_ID": true, "GITHUB_REPOSITORY": true, "GITLAB_CI": true,
	"CIRCLECI": true, "TRAVIS": true, "JENKINS_URL": true, "JENKINS_HOME": true, "BUILDKITE": true, "TF_BUILD": true,
	"CODEBUILD_BUILD_ID": true, "TEAMCITY_VERSION": true, "BITBUCKET_BUILD_NUMBER": true, "DRONE": true, "APPVEYOR": true,
	"RUNNER_OS": true, "NETLIFY": true, "VERCEL": true,
}

// EnvSignal returns the environment signal reading the variable name is, or "".
func EnvSignal(name string) string {
	switch {
	case name == "TZ":
		return SignalTZ
	case name == "LANG" || name == "LANGUAGE" || strings.HasPrefix(name, "LC_"):
		return SignalLocale
	case ciVariables[name]:
		return SignalCI
	case name == "HOSTNAME":
		return SignalHost
	case name == "HOME":
		return SignalHome
	case name == "USER" || name == "LOGNAME" || name == "USERNAME":
		return SignalUser
	}
	return ""
}

// geoServices are parts of the names of geolocation and IP-lookup services
// (ip-api.com, ipinfo.io, ipapi.co, ipgeolocation.io, api.ipify.org,
// freegeoip.app, ipwho.is, ipdata.co, ifconfig.me, icanhazip.com,
// checkip.amazonaws.com).
var geoServices = []string{"ip-api.", "ipinfo.", "ipapi.", "ipgeolocation", "geoip", "geolocation", "ipify.", "ipwho", "ipdata.",
	"ifconfig.", "icanhazip.", "checkip.", "ipwhois", "iplocation", "ip2location", "myip."}

// GeoService reports whether host names a geolocation or IP-lookup service.
func GeoService(host string) bool {
	host = strings.ToLower(host)
	for _, s := range geoServices {
		if strings.Contains(host, s) {
			return true
		}
	}
	return false
}

// MarkWorldSignals adds to b.WorldSignals the signals its environment
// reads and the services it asked show (the hook's own records of the
// others are already there), and returns them.
func (b *Behavior) MarkWorldSignals() []string {
	if b == nil {
		return nil
	}
	for _, e := range b.Env {
		if s := EnvSignal(e); s != "" {
			b.WorldSignals = append(b.WorldSignals, s)
		}
	}
	for _, q := range b.DNS {
		if GeoService(q.Name) {
			b.WorldSignals = append(b.WorldSignals, SignalGeo)
		}
	}
	for _, n := range b.Network {
		if n.Host != "" && GeoService(n.Host) {
			b.WorldSignals = append(b.WorldSignals, SignalGeo)
		}
	}
	slices.Sort(b.WorldSignals)
	b.WorldSignals = slices.Compact(b.WorldSignals)
	return b.WorldSignals
}

// World is a re-run, in an alternative world, of the packages that looked
// at the signals that world changes (docs/world.md): what they did there.
// Findings on it that the scan's own world does not have are reported with
// the world's name.
type World struct {
	// Name is the variant's name: "tz-moscow", "ci", "later-date", "geo-russia".
	Name string `json:"name"`
	// Changes says what differs from the scan's own world, for people
	// ("TZ=Europe/Moscow", "the clock 365 days ahead").
	Changes []string `json:"changes"`
	// Dependencies are the packages re-run, with their behaviour in this
	// world (only the phases re-run).
	Dependencies []Dependency `json:"dependencies,omitempty"`
	// App is the function's own behaviour in this world, when its invoke
	// phase was re-run.
	App *Dependency `json:"app,omitempty"`
	// IOCMatches are advisory indicators seen in this world's network
	// behaviour.
	IOCMatches []IOCMatch `json:"ioc_matches,omitempty"`
}

// Dependency returns the dependency installed at path in the world, or nil.
func (w *World) Dependency(path string) *Dependency {
	for i := range w.Dependencies {
		if w.Dependencies[i].Path == path {
			return &w.Dependencies[i]
		}
	}
	return nil
}

// Profile returns the world's behaviour as a profile of its own (the
// scan's bundle, the world's dependencies, function and indicator
// matches; no problems: those are the scan's), for the rules.
func (w *World) Profile(base *Profile) *Profile {
	return &Profile{Schema: base.Schema, Tool: base.Tool, Bundle: base.Bundle, Dependencies: w.Dependencies, App: w.App, IOCMatches: w.IOCMatches}
}

func (w *World) canonicalize() {
	slices.SortFunc(w.Dependencies, func(a, b Dependency) int { return cmp.Compare(a.Path, b.Path) })
	for i := range w.Dependencies {
		w.Dependencies[i].canonicalize()
	}
	if w.App != nil {
		w.App.canonicalize()
	}
	w.IOCMatches = canonicalIOCs(w.IOCMatches)
}
