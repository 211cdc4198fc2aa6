package scan

import "testing"

// TestHostsFile: a host name that is a name is on 127.0.1.1; Lambda's,
// an address, needs no line (a resolver never asks for an address).
func TestHostsFile(t *testing.T) {
	const local = "127.0.0.1 localhost\n::1 localhost\n"
	for _, tt := range []struct{ host, want string }{
		{"fv-az1234-567", local + "127.0.1.1 fv-az1234-567\n"},
		{"169.254.7.9", local},
		{"2001:db8::1", local},
		{"", local},
	} {
		if got := hostsFile(tt.host); got != tt.want {
			t.Errorf("hostsFile(%q) = %q, want %q", tt.host, got, tt.want)
		}
	}
}
