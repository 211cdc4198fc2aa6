package scan_test

import (
	"testing"
)

// TestPythonConnectByNameExplained: a distribution the handler imports
// connects, in the invoke phase, to a name the fake DNS answers. The hook's
// record carries the address (Python's socket.connect audit event does),
// the syscall side the name: the connection is explained, not behaviour
// that went around the hook (DBX013 on the function).
func TestPythonConnectByNameExplained(t *testing.T) {
	requirePython(t)
	dir := writeTree(t, map[string]string{
		"lambda_function.py": "import client\n\ndef lambda_handler(event, context):\n    return {'ok': client.ping()}\n",
		"client/__init__.py": "# TEST FIXTURE: connects only to a *.invalid name, inside depbox's sandbox.\n" +
			"import socket\n\ndef ping():\n    try:\n        socket.create_connection(('api.client.invalid', 4444), timeout=2).close()\n" +
			"    except OSError:\n        pass\n    return True\n",
		"client-1.0.dist-info/METADATA":      "Metadata-Version: 2.1\nName: client\nVersion: 1.0\n",
		"client-1.0.dist-info/RECORD":        "client/__init__.py,,\nclient-1.0.dist-info/METADATA,,\nclient-1.0.dist-info/RECORD,,\nclient-1.0.dist-info/top_level.txt,,\n",
		"client-1.0.dist-info/top_level.txt": "client\n",
	})
	p := run(t, invokeOptions(t, dir))
	if p.App != nil {
		for phase, b := range p.App.Phases {
			if b != nil && b.Unattributed != nil && len(b.Unattributed.Network) > 0 {
				t.Errorf("%s: the function has unattributed network %+v", phase, b.Unattributed.Network)
			}
		}
	}
	found := false
	for _, d := range p.Dependencies {
		if b := d.Phases["invoke"]; d.Path == "client-1.0.dist-info" && b != nil && len(b.Network) > 0 {
			found = true
		}
	}
	if !found {
		t.Error("the invoke-phase connection is not client-1.0.dist-info's")
	}
}
