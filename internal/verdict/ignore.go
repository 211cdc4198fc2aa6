package verdict

import (
	"errors"
	"fmt"
	"path"
	"strings"
	"time"
)

// DateLayout is the layout of Ignore.Expires.
const DateLayout = "2006-01-02"

// Ignore is one entry of the ignore list (gate.ignore in depbox.yaml).
type Ignore struct {
	// Rule is a rule ID or name ("DBX005", "bait-file-read"), or "*" for every rule.
	Rule string `json:"rule" mapstructure:"rule"`
	// Dependency is a package name or install path, glob patterns allowed
	// ("@aws-sdk/*", "node_modules/*/node_modules/debug"). Empty matches
	// every finding, including those about the whole run.
	Dependency string `json:"dependency,omitempty" mapstructure:"dependency"`
	// Reason is required: why the finding is acceptable.
	Reason string `json:"reason" mapstructure:"reason"`
	// Expires is an optional date (YYYY-MM-DD, UTC): the entry applies up to
	// and including that day, then stops applying and is reported.
	Expires string `json:"expires,omitempty" mapstructure:"expires"`
}

// Validate checks the entry: a known rule, a reason, a valid pattern and date.
func (ig Ignore) Validate() error {
	var errs []error
	if ig.Rule == "" {
		errs = append(errs, errors.New("rule is missing (a rule ID such as DBX005, its name, or \"*\")"))
	} else if _, ok := Lookup(ig.Rule); !ok && ig.Rule != "*" {
		errs = append(errs, fmt.Errorf("unknown rule %q (`depbox rules` lists them)", ig.Rule))
	}
	if strings.TrimSpace(ig.Reason) == "" {
		errs = append(errs, errors.New("reason is required: say why the finding is acceptable"))
	}
	if ig.Dependency != "" {
		if _, err := path.Match(ig.Dependency, ""); err != nil {
			errs = append(errs, fmt.Errorf("dependency pattern %q: %w", ig.Dependency, err))
		}
	}
	if ig.Expires != "" {
		if _, err := time.Parse(DateLayout, ig.Expires); err != nil {
			errs = append(errs, fmt.Errorf("expires %q is not a date (want YYYY-MM-DD)", ig.Expires))
		}
	}
	return errors.Join(errs...)
}

// ValidateIgnores checks every entry and names the bad ones by position.
func ValidateIgnores(list []Ignore) error {
	var errs []error
	for i, ig := range list {
		if err := ig.Validate(); err != nil {
			errs = append(errs, fmt.Errorf("ignore entry %d (%s): %w", i+1, ig.describe(), err))
		}
	}
	return errors.Join(errs...)
}

// Expired reports whether the entry's expiry day is over at now (UTC).
// Entries without an expiry, or with an unparsable one, never expire (Validate
// rejects the latter).
func (ig Ignore) Expired(now time.Time) bool {
	if ig.Expires == "" {
		return false
	}
	d, err := time.Parse(DateLayout, ig.Expires)
	if err != nil {
		return false
	}
	return !now.UTC().Before(d.AddDate(0, 0, 1))
}

// Matches reports whether the entry covers the finding (expiry aside).
func (ig Ignore) Matches(f Finding) bool {
	if ig.Rule != "*" && !strings.EqualFold(ig.Rule, f.Rule) && !strings.EqualFold(ig.Rule, f.Name) {
		return false
	}
	if ig.Dependency == "" {
		return true
	}
	for _, s := range []string{f.Dependency, f.Path} {
		if s == "" {
			continue
		}
		if ok, _ := path.Match(ig.Dependency, s); ok {
			return true
		}
	}
	return false
}

func (ig Ignore) describe() string {
	s := "rule " + ig.Rule
	if ig.Rule == "" {
		s = "no rule"
	}
	if ig.Dependency != "" {
		s += " for " + ig.Dependency
	}
	return s
}
