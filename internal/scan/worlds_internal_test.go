package scan

import (
	"slices"
	"testing"

	"github.com/depbox/depbox/internal/plan"
	"github.com/depbox/depbox/profile"
	"github.com/depbox/depbox/profiler"
)

// TestVariantEnv: a variant's variables replace the world's (every
// earlier entry of the name, so that no process sees Lambda's value), the
// rest stays as it was.
func TestVariantEnv(t *testing.T) {
	v, _ := variant("tz-moscow")
	got := v.applyEnv([]string{"HOME=/home/sbx_user", "LANG=en_US.UTF-8", "TZ=:UTC", "LANG=en_US.UTF-8", "AWS_REGION=us-east-1"})
	want := []string{"HOME=/home/sbx_user", "AWS_REGION=us-east-1", "LANG=ru_RU.UTF-8", "LC_ALL=ru_RU.UTF-8", "TZ=Europe/Moscow"}
	if !slices.Equal(got, want) {
		t.Errorf("env %v, want %v", got, want)
	}
	var none *Variant
	if env := none.applyEnv([]string{"TZ=:UTC"}); !slices.Equal(env, []string{"TZ=:UTC"}) {
		t.Errorf("no variant changed the env: %v", env)
	}
}

// TestVariantTargets: each variant runs again, per phase, the packages that
// looked at one of its signals, and nothing for the others.
func TestVariantTargets(t *testing.T) {
	looked := func(s ...string) *profile.Behavior { return &profile.Behavior{WorldSignals: s} }
	p := &profile.Profile{Dependencies: []profile.Dependency{
		{Path: "node_modules/tz", Phases: map[string]*profile.Behavior{profile.PhaseInstall: looked(profile.SignalTZ)}},
		{Path: "node_modules/clock", Phases: map[string]*profile.Behavior{profile.PhaseImport: looked(profile.SignalDate), profile.PhaseExecute: looked(profile.SignalDate)}},
		{Path: "node_modules/home", Phases: map[string]*profile.Behavior{profile.PhaseImport: looked(profile.SignalHome)}},
		{Path: "node_modules/bomb", Phases: map[string]*profile.Behavior{profile.PhaseInvoke: looked(profile.SignalDate)}},
	}}
	for _, tc := range []struct {
		world                     string
		install, imports, execute []string
		invoke                    bool
	}{
		{world: "tz-moscow", install: []string{"node_modules/tz"}},
		{world: "later-date", imports: []string{"node_modules/clock"}, execute: []string{"node_modules/clock"}, invoke: true},
		{world: "ci"}, // the home directory is noted, not re-run
		{world: "geo-russia"},
	} {
		v, _ := variant(tc.world)
		got := v.targets(p, nil)
		keys := func(m map[string]bool) []string {
			var out []string
			for k := range m {
				out = append(out, k)
			}
			slices.Sort(out)
			return out
		}
		if !slices.Equal(keys(got.install), tc.install) || !slices.Equal(keys(got.imports), tc.imports) ||
			!slices.Equal(keys(got.execute), tc.execute) || got.invoke != tc.invoke {
			t.Errorf("%s: targets %+v", tc.world, got)
		}
		if got.empty() != (tc.install == nil && tc.imports == nil && tc.execute == nil && !tc.invoke) {
			t.Errorf("%s: empty() = %v", tc.world, got.empty())
		}
	}
}

// TestKeepSteps: the reference always stays, levels left empty go.
func TestKeepSteps(t *testing.T) {
	pl := &plan.Plan{Levels: [][]plan.Step{
		{{Dependency: profiler.Reference}},
		{{Dependency: "a"}, {Dependency: "b"}},
		{{Dependency: "c"}},
	}}
	if !keepSteps(pl, func(st plan.Step) bool { return st.Dependency == "b" }) {
		t.Error("b was kept, keepSteps says nothing was")
	}
	if len(pl.Levels) != 2 || pl.Levels[0][0].Dependency != profiler.Reference || len(pl.Levels[1]) != 1 || pl.Levels[1][0].Dependency != "b" {
		t.Errorf("levels %+v", pl.Levels)
	}
	if keepSteps(pl, func(plan.Step) bool { return false }) {
		t.Error("only the reference is left, keepSteps says more was kept")
	}
}
