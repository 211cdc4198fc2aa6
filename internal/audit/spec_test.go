package audit

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestParseSpec(t *testing.T) {
	tests := []struct {
		in   string
		want Spec
		str  string
	}{
		{"npm:left-pad@1.3.0", Spec{Name: "left-pad", Version: "1.3.0"}, "npm:left-pad@1.3.0"},
		{"npm:axios", Spec{Name: "axios"}, "npm:axios"},
		{"npm:axios@latest", Spec{Name: "axios", Version: "latest"}, "npm:axios@latest"},
		{"npm:@scope/name@1.0.0", Spec{Name: "@scope/name", Version: "1.0.0"}, "npm:@scope/name@1.0.0"},
		{"npm:@scope/name", Spec{Name: "@scope/name"}, "npm:@scope/name"},
		{"npm:foo@^2.1", Spec{Name: "foo", Version: "^2.1"}, "npm:foo@^2.1"},
		{"npm:foo@>=1.2 <2", Spec{Name: "foo", Version: ">=1.2 <2"}, "npm:foo@>=1.2 <2"},
		{"npm:foo@1.x || 2.x", Spec{Name: "foo", Version: "1.x || 2.x"}, "npm:foo@1.x || 2.x"},
		{"npm:JSONStream@1.3.5", Spec{Name: "JSONStream", Version: "1.3.5"}, "npm:JSONStream@1.3.5"},
		{"npm:foo@1.0.0-beta.1+build.5", Spec{Name: "foo", Version: "1.0.0-beta.1+build.5"}, "npm:foo@1.0.0-beta.1+build.5"},
		{"./some-package-1.0.0.tgz", Spec{Tarball: "./some-package-1.0.0.tgz"}, "./some-package-1.0.0.tgz"},
		{"pkg.tar.gz", Spec{Tarball: "pkg.tar.gz"}, "pkg.tar.gz"},
		{"/abs/x-1.tgz", Spec{Tarball: "/abs/x-1.tgz"}, "/abs/x-1.tgz"},
		{"  npm:axios  ", Spec{Name: "axios"}, "npm:axios"},
		{"npm:x.tgz", Spec{Name: "x.tgz"}, "npm:x.tgz"}, // a registry name, however odd
		{"pypi:requests@2.31.0", Spec{Ecosystem: EcosystemPyPI, Name: "requests", Version: "2.31.0"}, "pypi:requests@2.31.0"},
		{"pypi:Flask", Spec{Ecosystem: EcosystemPyPI, Name: "Flask"}, "pypi:Flask"},
		{"pypi:zope.interface@6.0.post1", Spec{Ecosystem: EcosystemPyPI, Name: "zope.interface", Version: "6.0.post1"}, "pypi:zope.interface@6.0.post1"},
		{"pypi:pkg@1!2.0rc1+local.7", Spec{Ecosystem: EcosystemPyPI, Name: "pkg", Version: "1!2.0rc1+local.7"}, "pypi:pkg@1!2.0rc1+local.7"},
		{"./dist/pkg-1.0-py3-none-any.whl", Spec{Ecosystem: EcosystemPyPI, Tarball: "./dist/pkg-1.0-py3-none-any.whl"}, "./dist/pkg-1.0-py3-none-any.whl"},
	}
	for _, tt := range tests {
		got, err := ParseSpec(tt.in)
		if err != nil {
			t.Errorf("ParseSpec(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseSpec(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
		if got.String() != tt.str {
			t.Errorf("ParseSpec(%q).String() = %q, want %q", tt.in, got.String(), tt.str)
		}
	}
}

func TestParseSpecErrors(t *testing.T) {
	tests := []struct{ in, hint string }{
		{"", "npm:NAME"},
		{"left-pad@1.3.0", "did you mean npm:left-pad@1.3.0?"},
		{"axios", "did you mean npm:axios?"},
		{"@scope/name", "did you mean npm:@scope/name?"},
		{"npm:", "not a valid npm package name"},
		{"npm:foo@", "empty version"},
		{"npm:.hidden", "not a valid npm package name"},
		{"npm:_under", "not a valid npm package name"},
		{"npm:Foo Bar", "not a valid npm package name"},
		{"npm:foo@github:user/repo", "git, URL, alias and file specs are not audited"},
		{"npm:foo@npm:bar@1", "not a valid npm package name"},
		{"npm:foo@https://example.invalid/x", "git, URL, alias and file specs are not audited"},
		{"npm:foo@file:../x", "git, URL, alias and file specs are not audited"},
		{"npm:foo@1.0.0#sha", "git, URL, alias and file specs are not audited"},
		{"https://example.invalid/x.tgz", "not URLs"},
		{"github:user/repo", "npm:NAME"},
		{"./some-dir", "npm:NAME"},
		{"npm:" + strings.Repeat("a", 215), "not a valid npm package name"},
		{"pypi:", "not a valid Python distribution name"},
		{"pypi:-dash", "not a valid Python distribution name"},
		{"pypi:foo@", "empty version"},
		{"pypi:foo@>=1.0", "one exact version"},
		{"pypi:foo@1.0@2", "one exact version"},
		{"pypi:foo @ https://example.invalid/x.whl", "not a valid Python distribution name"},
		{"https://example.invalid/x-1.0-py3-none-any.whl", "not URLs"},
	}
	for _, tt := range tests {
		_, err := ParseSpec(tt.in)
		if err == nil {
			t.Errorf("ParseSpec(%q): no error", tt.in)
			continue
		}
		if !errors.Is(err, ErrSpec) || !IsInput(err) {
			t.Errorf("ParseSpec(%q): %v does not wrap ErrSpec", tt.in, err)
		}
		if !strings.Contains(err.Error(), tt.hint) {
			t.Errorf("ParseSpec(%q): %q lacks %q", tt.in, err, tt.hint)
		}
	}
}

func TestAgainst(t *testing.T) {
	npm, pypi := Spec{}, Spec{Ecosystem: EcosystemPyPI}
	tests := []struct {
		of            Spec
		name, against string
		want          Spec
		err           bool
	}{
		{npm, "foo", "1.9.3", Spec{Name: "foo", Version: "1.9.3"}, false},
		{npm, "@s/foo", "^1", Spec{Name: "@s/foo", Version: "^1"}, false},
		{npm, "foo", "npm:bar@2.0.0", Spec{Name: "bar", Version: "2.0.0"}, false},
		{npm, "foo", "./old.tgz", Spec{Tarball: "./old.tgz"}, false},
		{npm, "", "1.0.0", Spec{}, true},
		{npm, "foo", "github:x/y", Spec{}, true},
		{pypi, "requests", "2.30.0", Spec{Ecosystem: EcosystemPyPI, Name: "requests", Version: "2.30.0"}, false},
		{pypi, "requests", "./requests-2.30.0-py3-none-any.whl", Spec{Ecosystem: EcosystemPyPI, Tarball: "./requests-2.30.0-py3-none-any.whl"}, false},
		{pypi, "requests", ">=2", Spec{}, true},
	}
	for _, tt := range tests {
		got, err := Against(tt.of, tt.name, tt.against)
		if (err != nil) != tt.err || got != tt.want {
			t.Errorf("Against(%q, %q) = %+v, %v; want %+v, error %v", tt.name, tt.against, got, err, tt.want, tt.err)
		}
	}
}

func TestParseList(t *testing.T) {
	in := `# packages to audit
npm:axios
npm:left-pad@1.3.0

  npm:foo@2.0.0 --against 1.9.3
npm:bar@2 --against=1
./local-1.0.0.tgz
npm:axios
pypi:requests@2.31.0 --against 2.30.0
./dist/pkg-1.0-py3-none-any.whl
`
	jobs, err := ParseList(strings.NewReader(in), "packages.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := []Job{
		{Spec: Spec{Name: "axios"}},
		{Spec: Spec{Name: "left-pad", Version: "1.3.0"}},
		{Spec: Spec{Name: "foo", Version: "2.0.0"}, Against: "1.9.3"},
		{Spec: Spec{Name: "bar", Version: "2"}, Against: "1"},
		{Spec: Spec{Tarball: "./local-1.0.0.tgz"}},
		{Spec: Spec{Ecosystem: EcosystemPyPI, Name: "requests", Version: "2.31.0"}, Against: "2.30.0"},
		{Spec: Spec{Ecosystem: EcosystemPyPI, Tarball: "./dist/pkg-1.0-py3-none-any.whl"}},
	}
	if !slices.Equal(jobs, want) {
		t.Errorf("ParseList = %+v\nwant %+v", jobs, want)
	}
	if got := want[2].Label(); got != "npm:foo@2.0.0 --against 1.9.3" {
		t.Errorf("Label = %q", got)
	}

	for _, tt := range []struct{ in, want string }{
		{"npm:axios\nleft-pad\n", "packages.txt:2: "},
		{"npm:axios extra\n", "packages.txt:1: "},
		{"npm:axios --against\n", "packages.txt:1: "},
		{"npm:axios --against git:x\n", "packages.txt:1: "},
	} {
		_, err := ParseList(strings.NewReader(tt.in), "packages.txt")
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) || !errors.Is(err, ErrSpec) {
			t.Errorf("ParseList(%q): %v, want an ErrSpec starting %q", tt.in, err, tt.want)
		}
	}
}

func TestShard(t *testing.T) {
	var jobs []Job
	for i := range 10 {
		jobs = append(jobs, Job{Spec: Spec{Name: fmt.Sprintf("p%d", i)}})
	}
	for _, n := range []int{1, 2, 3, 4, 10, 13} {
		seen := map[string]int{}
		total := 0
		for i := 1; i <= n; i++ {
			s := Shard(jobs, i, n)
			total += len(s)
			if len(s) > (len(jobs)+n-1)/n {
				t.Errorf("shard %d/%d has %d jobs: not balanced", i, n, len(s))
			}
			for _, j := range s {
				seen[j.Spec.Name]++
			}
		}
		if total != len(jobs) || len(seen) != len(jobs) {
			t.Errorf("%d shards cover %d jobs (%d distinct), want %d each once", n, total, len(seen), len(jobs))
		}
	}
	if got := Shard(jobs, 2, 4); !slices.Equal(got, []Job{jobs[1], jobs[5], jobs[9]}) {
		t.Errorf("Shard(2/4) = %+v", got)
	}
}

func TestParseShard(t *testing.T) {
	for _, tt := range []struct {
		in   string
		i, n int
		ok   bool
	}{
		{"1/1", 1, 1, true}, {"2/4", 2, 4, true}, {"4/4", 4, 4, true},
		{"0/4", 0, 0, false}, {"5/4", 0, 0, false}, {"1/0", 0, 0, false},
		{"2", 0, 0, false}, {"a/b", 0, 0, false}, {"1/2/3", 0, 0, false}, {"-1/2", 0, 0, false}, {" 1/2", 0, 0, false},
	} {
		i, n, err := ParseShard(tt.in)
		if (err == nil) != tt.ok || i != tt.i || n != tt.n {
			t.Errorf("ParseShard(%q) = %d, %d, %v", tt.in, i, n, err)
		}
		if err != nil && !errors.Is(err, ErrSpec) {
			t.Errorf("ParseShard(%q): %v is not a usage error", tt.in, err)
		}
	}
}
