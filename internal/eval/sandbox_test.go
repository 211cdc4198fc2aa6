package eval

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/depbox/depbox/internal/sandboxtest"
	"github.com/depbox/depbox/internal/verdict"
)

// TestEvalSubset runs a slice of the corpus through the real binary and
// sandbox: one malicious fixture of eval/ must be detected naming its
// package, and one small benign package audited from the registry must pass
// the default threshold, while the same package with a wrong lock entry is
// refused unscored.
func TestEvalSubset(t *testing.T) {
	sandboxtest.Require(t)
	depbox, runsc := sandboxtest.Binaries(t)
	r := &Runner{Depbox: depbox, Runsc: runsc, CacheDir: t.TempDir(), Jobs: 2}
	ctx := context.Background()

	fx, err := LoadFixtures(filepath.Join("..", "..", "eval", "malicious"))
	if err != nil {
		t.Fatal(err)
	}
	var stealer []Fixture
	for _, f := range fx {
		if f.ID == "shai-hulud-tinycolor-2025" {
			stealer = append(stealer, f)
		}
	}
	if len(stealer) != 1 {
		t.Fatal("fixture shai-hulud-tinycolor-2025 not found")
	}
	mal := r.GateFixtures(ctx, stealer)
	if sc := ScoreFixture(stealer[0].Expect, &mal[0], DefaultThreshold); sc.Outcome != Detected {
		t.Errorf("fixture %s: %s (absent %v), exit %d, err %q, findings %+v", stealer[0].ID, sc.Outcome, sc.Absent, mal[0].Exit, mal[0].Err, mal[0].Findings)
	}

	pkgs, err := ParsePackages(strings.NewReader("npm:ms@2.1.3 # test\nnpm:left-pad@1.3.0 # test\n"))
	if err != nil {
		t.Fatal(err)
	}
	lock := Lock{
		"ms@2.1.3":       "sha512-6FlzubTLZG3J2a/NVCAleEhjzq5oxgHyaCU9yYXvcLsvoVaHJq/s5xXI6/XXP6tz7R9xAOtHnSO/tXtF3WRTlA==",
		"left-pad@1.3.0": "sha512-not-the-real-one",
	}
	got := Lock{}
	subjects, err := r.AuditPackages(ctx, pkgs, lock, got)
	if err != nil {
		t.Fatal(err)
	}
	ms, lp := subjects[0], subjects[1]
	if ms.Errored() || ms.Fails(DefaultThreshold) {
		t.Errorf("ms@2.1.3: exit %d, err %q, findings %+v", ms.Exit, ms.Err, ms.Findings)
	}
	if lp.Exit != 2 || !strings.Contains(lp.Err, "integrity mismatch") || len(lp.Findings) != 0 {
		t.Errorf("left-pad with a wrong lock entry: exit %d, err %q, findings %d", lp.Exit, lp.Err, len(lp.Findings))
	}
	if !strings.HasPrefix(got["left-pad@1.3.0"], "sha512-") || got["ms@2.1.3"] != lock["ms@2.1.3"] {
		t.Errorf("integrities audited: %v", got)
	}
	if st := Benign(subjects[:1]); !st.TargetsMet() || st.Failing[verdict.High] != 0 {
		t.Errorf("benign stats of ms: %+v", st)
	}
}
