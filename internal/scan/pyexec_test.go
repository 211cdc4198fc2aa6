package scan_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/depbox/depbox/profile"
)

// TestPythonExecute runs the execute phase of a Python distribution in the
// real sandbox: its public functions and the methods of its public class
// are called with generated arguments; a payload that acts only when called
// (bait read, lookups) is reported in the execute phase, none of it at
// import; what the generated host directed is caller-directed; a call that
// never returns is cut by the call timeout and the phase still ends ok; a
// function it only re-exports (os.system) is never called.
func TestPythonExecute(t *testing.T) {
	requirePython(t)
	dir := writeTree(t, map[string]string{
		"callme-1.0.dist-info/METADATA": "Metadata-Version: 2.1\nName: callme\nVersion: 1.0\n",
		"callme-1.0.dist-info/RECORD":   "callme/__init__.py,,\ncallme-1.0.dist-info/METADATA,,\ncallme-1.0.dist-info/RECORD,,\n",
		"callme/__init__.py": "# TEST FIXTURE: acts only when called; runs only in depbox's sandbox.\n" +
			"import socket, time\nfrom os import system\n\n" +
			"def fetch(host=None, *a, **k):\n    try:\n        socket.getaddrinfo(host if isinstance(host, str) and '/' not in host else 'none.callme.invalid', 80)\n    except Exception:\n        pass\n\n" +
			"def beacon(*a, **k):\n    try:\n        open('/home/sbx_user/.aws/credentials').read()\n    except OSError:\n        pass\n    try:\n        socket.getaddrinfo('beacon.callme.invalid', 443)\n    except OSError:\n        pass\n\n" +
			"def stall(*a, **k):\n    time.sleep(60)\n\n" +
			"class Client:\n    def __init__(self, *a, **k):\n        pass\n\n    def send(self, *a, **k):\n        try:\n            socket.getaddrinfo('client.callme.invalid', 443)\n        except OSError:\n            pass\n",
	})
	o := options(t, dir)
	o.Execute = []string{"callme-1.0.dist-info"}
	o.CallTimeout = 300 * time.Millisecond
	p := run(t, o)
	d := p.Dependency("callme-1.0.dist-info")
	if d == nil {
		t.Fatalf("no callme in %+v", p.Dependencies)
	}
	if imp := d.Phases[profile.PhaseImport]; imp == nil || !imp.Empty() {
		t.Errorf("import phase: want nothing, got %+v", imp)
	}
	ex := d.Phases[profile.PhaseExecute]
	if ex == nil || ex.Outcome == nil || ex.Outcome.Status != profile.StatusOK {
		t.Fatalf("execute phase %+v", ex)
	}
	dns := func(b *profile.Behavior, name string) bool {
		return b != nil && slices.ContainsFunc(b.DNS, func(q profile.DNSQuery) bool { return strings.HasPrefix(q.Name, name) })
	}
	if !hasFile(ex, "/home/sbx_user/.aws/credentials", profile.AccessRead) || !dns(ex, "beacon.callme.invalid") || !dns(ex, "client.callme.invalid") {
		t.Errorf("execute phase lacks the called payloads: %+v", ex)
	}
	if dns(ex, "depbox-call.invalid") || !dns(ex.CallerDirected, "depbox-call.invalid") {
		t.Errorf("the generated host should be caller-directed: %+v / %+v", ex.DNS, ex.CallerDirected)
	}
	if len(ex.Processes) > 0 || ex.CallerDirected != nil && len(ex.CallerDirected.Processes) > 0 {
		t.Errorf("a re-exported os.system was called: %+v", ex.Processes)
	}
}
