package verdict

import (
	"fmt"
	"strings"
)

// Severity ranks findings. The zero value is not a valid severity.
type Severity int

// Severities, lowest first.
const (
	Low Severity = iota + 1
	Medium
	High
	Critical
)

// Severities lists every severity, highest first.
var Severities = []Severity{Critical, High, Medium, Low}

// String returns the lower-case name: "critical", "high", "medium", "low".
func (s Severity) String() string {
	switch s {
	case Low:
		return "low"
	case Medium:
		return "medium"
	case High:
		return "high"
	case Critical:
		return "critical"
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// ParseSeverity parses a severity name, case-insensitively.
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "low":
		return Low, nil
	case "medium", "moderate":
		return Medium, nil
	case "high":
		return High, nil
	case "critical":
		return Critical, nil
	}
	return 0, fmt.Errorf("unknown severity %q: want critical, high, medium or low", s)
}

// MarshalText encodes the severity as its name.
func (s Severity) MarshalText() ([]byte, error) {
	if s < Low || s > Critical {
		return nil, fmt.Errorf("invalid severity %d", int(s))
	}
	return []byte(s.String()), nil
}

// UnmarshalText decodes a severity name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// advisorySeverity maps an OSV advisory's severity (profile.Advisory.Severity)
// to a finding severity; "unknown" and anything unrecognised count as medium.
func advisorySeverity(s string) Severity {
	if v, err := ParseSeverity(s); err == nil {
		return v
	}
	return Medium
}
