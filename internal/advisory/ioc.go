package advisory

import (
	"net/netip"
	"net/url"
	"slices"
	"strings"

	"google.golang.org/protobuf/types/known/structpb"
)

// Indicator kinds.
const (
	iocDomain byte = 'd'
	iocIP     byte = 'i'
)

// Flags of an indexed indicator: matching it is context, not a verdict.
const (
	iocShared   byte = 1 << iota // names known shared infrastructure (github.com)
	iocWide                      // listed by records about many unrelated packages
	iocReserved                  // a reserved name: indexed for depbox's own tests, never matched otherwise
)

// TestReservedEnv, set to 1, makes indicators with reserved names
// (*.invalid, *.test) match: depbox's own end-to-end tests may contact only
// such names from their fixtures. Nothing else should set it.
const TestReservedEnv = "DEPBOX_TEST_MATCH_RESERVED_IOCS"

// indicator is one network indicator of compromise from a record: Key is
// the normalised host name or IP address that observed traffic is compared
// with, Listed the indicator as the record gives it (refanged). Shared is
// set for hosts of shared infrastructure, Wide (by the index) for
// indicators listed by records about many unrelated packages.
type indicator struct {
	Kind         byte
	Key          string
	Listed       string
	Shared, Wide bool
	// Reserved indicators are excluded; they are indexed only for
	// TestReservedEnv.
	Reserved bool
}

func (ind indicator) flags() byte {
	var f byte
	if ind.Reserved {
		f |= iocReserved
	}
	if ind.Shared {
		f |= iocShared
	}
	if ind.Wide {
		f |= iocWide
	}
	return f
}

// Reasons an indicator is not indexed (depbox osv stats counts them).
const (
	ExcludedReserved  = "reserved name"      // RFC 2606/6761 special-use names: example.com, *.test, localhost
	ExcludedNonPublic = "non-public address" // documentation, private, loopback, link-local, CGNAT, … ranges
	ExcludedUnusable  = "unusable"           // empty, unparsable, a single label
)

// exclusion is one indicator a record lists that is not matched, and why.
type exclusion struct {
	Reason, Listed string
}

// recordIndicators reads a record's network indicators from the places
// feeds keep them: database_specific.iocs {domains, urls, ip_addresses}
// (OpenSSF malicious-packages) and
// database_specific.leitwacht.indicators_observed {domain_observed,
// url_observed, ip_observed} (Leitwacht, defanged). It returns the usable
// indicators and those left out, with the reason.
func recordIndicators(ds *structpb.Struct) (out []indicator, excluded []exclusion) {
	if ds == nil {
		return nil, nil
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
			ind, why := parseIndicator(s, l.kind)
			k := string(ind.Kind) + ind.Key
			if why != "" {
				if k == "\x00" {
					k = why + "\x00" + s
				}
				if !seen[k] {
					seen[k] = true
					excluded = append(excluded, exclusion{why, strings.TrimSpace(refang(s))})
					if why == ExcludedReserved {
						ind.Reserved = true
						out = append(out, ind)
					}
				}
				continue
			}
			if seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, ind)
		}
	}
	return out, excluded
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
// URLs match by host. why is non-empty (an Excluded… reason) for values
// that cannot identify anyone: empty, single-label or unparsable values,
// reserved and special-use names (example.com, *.test, *.invalid,
// localhost) and non-public addresses (documentation, private, loopback,
// link-local ranges). Hosts of shared infrastructure that legitimate
// packages contact too are kept, marked Shared: a match is context.
func parseIndicator(raw, kind string) (ind indicator, why string) {
	s := refang(raw)
	if s == "" {
		return ind, ExcludedUnusable
	}
	ind.Listed = s
	host := s
	if strings.Contains(s, "://") || kind == "url" {
		if !strings.Contains(s, "://") {
			s = "http://" + s
		}
		u, err := url.Parse(s)
		if err != nil {
			return ind, ExcludedUnusable
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
		return ind, ExcludedUnusable
	}
	if a, err := netip.ParseAddr(host); err == nil {
		ind.Kind, ind.Key = iocIP, a.Unmap().String()
		if !publicAddr(a) {
			return ind, ExcludedNonPublic
		}
		ind.Shared = slices.Contains(publicResolvers, ind.Key)
		return ind, ""
	}
	if reservedName(host) {
		ind.Kind, ind.Key = iocDomain, host
		return ind, ExcludedReserved
	}
	if !validHost(host) {
		return ind, ExcludedUnusable
	}
	ind.Kind, ind.Key = iocDomain, host
	ind.Shared = sharedInfrastructure(host)
	return ind, ""
}

// reservedTLDs are special-use top-level names (RFC 2606, RFC 6761, RFC
// 6762, RFC 8375, ICANN's private-use .internal): no one on the internet
// answers for them, so they identify no one. The reverse-lookup zones under
// .arpa name addresses, not hosts.
var reservedTLDs = []string{"example", "test", "invalid", "localhost", "local", "internal", "home.arpa", "in-addr.arpa", "ip6.arpa"}

// reservedDomains are the documentation domains of RFC 2606 and their
// subdomains.
var reservedDomains = []string{"example.com", "example.net", "example.org"}

// reservedName reports whether a host name is reserved or special-use
// (RFC 2606/6761): example.com and its subdomains, *.example, *.test,
// *.invalid, localhost and *.localhost, *.local, *.internal, *.home.arpa.
func reservedName(h string) bool {
	h = strings.TrimSuffix(strings.ToLower(h), ".")
	for _, list := range [][]string{reservedTLDs, reservedDomains} {
		for _, r := range list {
			if h == r || strings.HasSuffix(h, "."+r) {
				return true
			}
		}
	}
	return false
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

// nonPublic are special-purpose ranges (RFC 6890) beside those netip
// classifies: none of them is a host on the internet.
var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"),   // shared address space (CGNAT)
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("192.0.2.0/24"),    // documentation (TEST-NET-1)
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking; sinkholes use it
	netip.MustParsePrefix("198.51.100.0/24"), // documentation (TEST-NET-2)
	netip.MustParsePrefix("203.0.113.0/24"),  // documentation (TEST-NET-3)
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, and the broadcast address
	netip.MustParsePrefix("2001:db8::/32"),   // documentation
	netip.MustParsePrefix("100::/64"),        // discard
}

// publicAddr reports whether a is an address on the internet: loopback,
// private, link-local (including instance metadata at 169.254.169.254),
// multicast, unspecified, documentation and other special-purpose
// addresses identify no one, and the sandbox's own sinkhole answers use
// such addresses.
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
// hosts says little about a dependency: an indicator that is one of them,
// or a parent domain of one, is matched as context (DBX003 at low
// severity), not as a verdict. Indicators naming a specific tenant of
// shared hosting (oob-worker.x.workers.dev) are verdicts.
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

// publicResolvers are the anycast addresses of public DNS resolvers:
// malware uses them (to check it is online, or to resolve its server), and
// so do benign packages (systeminformation's inetLatency pings 8.8.8.8), so
// an indicator naming one is context, not a verdict.
var publicResolvers = []string{
	"8.8.8.8", "8.8.4.4", "1.1.1.1", "1.0.0.1", "9.9.9.9", "149.112.112.112",
	"208.67.222.222", "208.67.220.220", "94.140.14.14", "94.140.15.15",
	"2001:4860:4860::8888", "2001:4860:4860::8844", "2606:4700:4700::1111", "2606:4700:4700::1001", "2620:fe::fe",
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
