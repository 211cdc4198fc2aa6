package profile

import (
	"strings"
	"testing"
)

func TestCleanString(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "lodash", "lodash"},
		{"unicode kept", "paquet-été/日本", "paquet-été/日本"},
		{"ansi", "evil\x1b[32m ok\x1b[0m", `evil\x1b[32m ok\x1b[0m`},
		{"newline row", "1.0.0\n  fake  ok", `1.0.0\n  fake  ok`},
		{"carriage return", "a\rb", `a\rb`},
		{"c1 csi", "a\u009bb", `a\u009bb`},
		{"bidi override", "gnp.\u202eexe", `gnp.\u202eexe`},
		{"line separator", "a\u2028b", `a\u2028b`},
		{"invalid utf-8", "a\xffb", `a\xffb`},
		{"del", "a\x7fb", `a\x7fb`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := CleanString(tt.in)
			if got != tt.want {
				t.Errorf("CleanString(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if again := CleanString(got); again != got {
				t.Errorf("not idempotent: %q → %q", got, again)
			}
		})
	}
}

func TestCleanStringBounds(t *testing.T) {
	huge := strings.Repeat("9", 5<<20)
	got := CleanString(huge)
	if len(got) > MaxString+64 || !strings.Contains(got, "more bytes]") {
		t.Errorf("a 5 MB string became %d bytes: %q…", len(got), got[:80])
	}
	if again := CleanString(got); again != got {
		t.Errorf("not idempotent on a cut string")
	}
}

func TestSanitizeWalksEveryString(t *testing.T) {
	p := &Profile{
		Bundle: Bundle{Name: "fn\x1b[2J"},
		Dependencies: []Dependency{{Name: "a\nb", Version: strings.Repeat("1", 4096), Path: "node_modules/a\nb",
			Phases: map[string]*Behavior{PhaseImport: {
				Files:        []File{{Path: "/tmp/\x1b]0;x\x07", Access: AccessWrite}},
				Processes:    []Process{{Argv: []string{"sh", "-c", "echo \x1b[31m"}}},
				DNS:          []DNSQuery{{Name: "a\u202e.invalid"}},
				Unattributed: &Behavior{Env: []string{"X\x00Y"}},
			}}}},
		Problems: []Problem{{Code: "x", Message: "m\r\n"}},
	}
	p.Sanitize()
	var bad []string
	check := func(s string) {
		for _, r := range s {
			if unsafeRune(r) {
				bad = append(bad, s)
				return
			}
		}
		if len(s) > MaxString+64 {
			bad = append(bad, s[:40]+"…")
		}
	}
	check(p.Bundle.Name)
	d := p.Dependencies[0]
	check(d.Name)
	check(d.Version)
	check(d.Path)
	b := d.Phases[PhaseImport]
	check(b.Files[0].Path)
	for _, a := range b.Processes[0].Argv {
		check(a)
	}
	check(b.DNS[0].Name)
	check(b.Unattributed.Env[0])
	check(p.Problems[0].Message)
	if len(bad) > 0 {
		t.Errorf("unsanitized strings left: %q", bad)
	}
}
