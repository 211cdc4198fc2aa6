package verdict

import (
	"fmt"
	"strings"
	"time"

	"github.com/depbox/depbox/baseline"
	"github.com/depbox/depbox/profile"
)

// --- DBX018 time-bomb --------------------------------------------------------

// timeBombHigh are the kinds of delayed behaviour that make a time bomb
// high severity (the rest — reads of files and variables — medium).
var timeBombHigh = []string{"file-write", "file-read-write", "file-delete", "network", "dns", "process", "capability", "timer"}

func (c *checker) checkTimeBomb(d *profile.Dependency, phase string, b *profile.Behavior) {
	parts(b, func(b *profile.Behavior, un bool) {
		for _, t := range b.Timers {
			if !t.BroughtForward || !t.Ran || len(t.Then) == 0 {
				continue
			}
			if c.accepted(d, phase, baseline.Item{Kind: baseline.KindTimer, Value: baseline.TimerValue(t.DelayMS), Unattributed: un}) {
				continue
			}
			sev := Medium
			for _, it := range t.Then {
				kind, _, _ := strings.Cut(it, " ")
				for _, h := range timeBombHigh {
					if kind == h {
						sev = High
					}
				}
			}
			delay := time.Duration(t.DelayMS) * time.Millisecond
			did := t.Then
			if len(did) > 3 {
				did = append(did[:3:3], fmt.Sprintf("and %d more", len(t.Then)-3))
			}
			c.add(RuleTimeBomb, sev, d, phase, fmt.Sprintf("%s set a %s timer in the %s phase; brought forward, its callback then acted: %s",
				label(d), delay, phase, strings.Join(did, ", ")),
				Evidence{Event: baseline.KindTimer, Values: append([]string{"timer " + delay.String()}, t.Then...), Unattributed: un})
		}
	})
}
