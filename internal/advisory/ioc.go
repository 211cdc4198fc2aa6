package advisory

import (
	"net/netip"
	"net/url"
	"strings"

	"google.golang.org/protobuf/types/known/structpb"
)

// Indicator kinds.
const (
	iocDomain byte = 'd'
	iocIP     byte = 'i'
)

// indicator is one network indicator of compromise from a record: Key is
// the normalised host name or IP address that observed traffic is compared
// with, Listed the indicator as the record gives it (refanged).
type indicator struct {
	Kind   byte
	Key    string
	Listed string
}

// recordIndicators reads a record's network indicators from the places
// feeds keep them: database_specific.iocs {domains, urls, ip_addresses}
// (OpenSSF malicious-packages) and
// database_specific.leitwacht.indicators_observed {domain_observed,
// url_observed, ip_observed} (Leitwacht, defanged). It returns the usable
// indicators and how many were dropped as shared infrastructure.
func recordIndicators(ds *structpb.Struct) (out []indicator, broad int) {
	if ds == nil {
		return nil, 0
	}
	type list struct {
		val  *structpb.Value
		kind string
	}
	var lists []list
	f := ds.GetFields()
	if iocs := f["iocs"].GetStructValue(); iocs != nil {
		g := iocs.GetFields()
		lists = append(lists, list{g["domains"], "domain"}, list{g["urls"], "url"}, list{g["ip_addresses"], "ip"})
	}
	if lw := f["leitwacht"].GetStructValue().GetFields()["indicators_observed"].GetStructValue(); lw != nil {
		g := lw.GetFields()
		lists = append(lists, list{g["domain_observed"], "domain"}, list{g["url_observed"], "url"}, list{g["ip_observed"], "ip"})
	}
	seen := map[string]bool{} // one indicator per key: "1.2.3.4" and "1.2.3.4:80" are one
	for _, l := range lists {
		for _, s := range stringsOf(l.val) {
			ind, ok, isBroad := parseIndicator(s, l.kind)
			if isBroad {
				broad++
			}
			k := string(ind.Kind) + ind.Key
			if !ok || seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, ind)
		}
	}
	return out, broad
}

// stringsOf returns the strings of a JSON string or list of strings.
func stringsOf(v *structpb.Value) []string {
	if v == nil {
		return nil
	}
	if s, ok := v.GetKind().(*structpb.Value_StringValue); ok {
		return []string{s.StringValue}
	}
	var out []string
	for _, x := range v.GetListValue().GetValues() {
		if s, ok := x.GetKind().(*structpb.Value_StringValue); ok {
			out = append(out, s.StringValue)
		}
	}
	return out
}

var refanger = strings.NewReplacer(
	"[.]", ".", "(.)", ".", "{.}", ".", "[dot]", ".", "(dot)", ".", "[DOT]", ".",
	"[:]", ":", "[://]", "://", "[/]", "/", "[@]", "@",
	"hxxps", "https", "hxxp", "http", "hXXps", "https", "hXXp", "http", "HXXPS", "https", "HXXP", "http",
)

// refang undoes the usual defanging of indicators (x[.]fun, hxxps://).
func refang(s string) string {
	return strings.TrimSpace(refanger.Replace(strings.TrimSpace(s)))
}

// parseIndicator turns one listed indicator into a match key. kind is the
// list it came from ("domain", "url" or "ip"), but the value decides: a
// "domain" with a path is read as a URL and an "ip" with a name as a host.
// URLs match by host. ok is false for values that cannot identify traffic
// (empty, single-label, non-public addresses); broad is true for hosts of
// shared infrastructure that legitimate packages contact too.
func parseIndicator(raw, kind string) (ind indicator, ok, broad bool) {
	s := refang(raw)
	if s == "" {
		return ind, false, false
	}
	ind.Listed = s
	host := s
	if strings.Contains(s, "://") || kind == "url" {
		if !strings.Contains(s, "://") {
			s = "http://" + s
		}
		u, err := url.Parse(s)
		if err != nil {
			return ind, false, false
		}
		host = u.Hostname()
	} else {
		if i := strings.IndexAny(host, "/?#"); i >= 0 {
			host = host[:i]
		}
		if i := strings.LastIndexByte(host, '@'); i >= 0 {
			host = host[i+1:]
		}
		host = stripPort(host)
	}
	host = strings.TrimSuffix(strings.ToLower(strings.TrimSpace(host)), ".")
	host = strings.TrimPrefix(host, "*.")
	if host == "" {
		return ind, false, false
	}
	if a, err := netip.ParseAddr(host); err == nil {
		if !publicAddr(a) {
			return ind, false, false
		}
		ind.Kind, ind.Key = iocIP, a.Unmap().String()
		return ind, true, false
	}
	if !validHost(host) {
		return ind, false, false
	}
	if sharedInfrastructure(host) {
		return ind, false, true
	}
	ind.Kind, ind.Key = iocDomain, host
	return ind, true, false
}

// stripPort removes a :port from host:port or [v6]:port.
func stripPort(h string) string {
	if strings.HasPrefix(h, "[") {
		if i := strings.IndexByte(h, ']'); i > 0 {
			return h[1:i]
		}
		return h
	}
	if strings.Count(h, ":") == 1 {
		return h[:strings.IndexByte(h, ':')]
	}
	return h
}

func validHost(h string) bool {
	if !strings.Contains(h, ".") || strings.HasPrefix(h, ".") || strings.Contains(h, "..") || len(h) > 253 {
		return false
	}
	for i := 0; i < len(h); i++ {
		c := h[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_') {
			return false
		}
	}
	return true
}

var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"), // shared address space (CGNAT)
	netip.MustParsePrefix("198.18.0.0/15"), // benchmarking; sinkholes use it
}

// publicAddr reports whether a is an address on the internet: loopback,
// private, link-local (including instance metadata at 169.254.169.254),
// multicast and unspecified addresses identify no one, and the sandbox's
// own sinkhole answers use such addresses.
func publicAddr(a netip.Addr) bool {
	a = a.Unmap()
	if !a.IsGlobalUnicast() || a.IsPrivate() || a.IsLoopback() || a.IsLinkLocalUnicast() {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(a) {
			return false
		}
	}
	return true
}

// sharedHosts are services that legitimate packages and functions contact
// every day. Malware abuses them too, so feeds list them (github.com,
// storage.googleapis.com, api.telegram.org, …), but seeing one of these
// hosts says nothing about a dependency: an indicator that is one of them,
// or a parent domain of one, is not matched by host. Indicators naming a
// specific tenant of shared hosting (oob-worker.x.workers.dev) still match.
var sharedHosts = []string{
	// code hosting and package registries
	"github.com", "api.github.com", "gist.github.com", "codeload.github.com",
	"raw.githubusercontent.com", "gist.githubusercontent.com", "objects.githubusercontent.com",
	"gitlab.com", "bitbucket.org",
	"registry.npmjs.org", "www.npmjs.com", "registry.yarnpkg.com", "nodejs.org",
	"pypi.org", "files.pythonhosted.org",
	"unpkg.com", "cdn.jsdelivr.net", "cdnjs.cloudflare.com",
	// cloud providers: APIs and metadata
	"storage.googleapis.com", "www.googleapis.com", "oauth2.googleapis.com", "metadata.google.internal",
	"www.google.com", "google.com",
	"s3.amazonaws.com", "sts.amazonaws.com", "checkip.amazonaws.com",
	"login.microsoftonline.com", "graph.microsoft.com", "management.azure.com",
	// messaging APIs used by bots and alerting
	"api.telegram.org", "discord.com", "discordapp.com", "slack.com", "hooks.slack.com",
	// address echo services
	"api.ipify.org", "api64.ipify.org", "ipinfo.io", "ip-api.com", "ifconfig.me", "icanhazip.com",
	// hosting platforms: only their tenants' names identify anyone
	"workers.dev", "pages.dev", "vercel.app", "netlify.app", "herokuapp.com", "trycloudflare.com",
	"ngrok.io", "ngrok-free.app", "ngrok.app", "glitch.me", "onrender.com", "fly.dev", "deno.dev",
	"azurewebsites.net", "cloudfront.net", "appspot.com", "web.app", "firebaseapp.com", "firebaseio.com",
	"github.io", "gitlab.io", "blob.core.windows.net", "run.app", "cloudfunctions.net",
}

var sharedSet = func() map[string]bool {
	m := map[string]bool{}
	for _, h := range sharedHosts {
		m[h] = true
	}
	return m
}()

// sharedInfrastructure reports whether host is a shared host or a parent
// domain of one ("githubusercontent.com", "amazonaws.com").
func sharedInfrastructure(host string) bool {
	if sharedSet[host] {
		return true
	}
	for _, h := range sharedHosts {
		if strings.HasSuffix(h, "."+host) {
			return true
		}
	}
	return false
}

// observedKeys returns the index keys an observed DNS name, host or address
// can match: an address itself, or a name and each of its parent domains
// (a.evil.com matches indicators for a.evil.com and evil.com).
func observedKeys(obs string) (kind byte, keys []string) {
	o := strings.TrimSuffix(strings.ToLower(strings.TrimSpace(obs)), ".")
	if o == "" {
		return 0, nil
	}
	if a, err := netip.ParseAddr(strings.Trim(o, "[]")); err == nil {
		return iocIP, []string{a.Unmap().String()}
	}
	o = stripPort(o)
	for {
		keys = append(keys, o)
		i := strings.IndexByte(o, '.')
		if i < 0 {
			break
		}
		o = o[i+1:]
		if !strings.Contains(o, ".") {
			break // single labels (TLDs) are never indicators
		}
	}
	return iocDomain, keys
}
