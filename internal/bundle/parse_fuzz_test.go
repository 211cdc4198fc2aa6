package bundle

import (
	"errors"
	"os"
	"testing"
)

// Fuzz tests of the lockfile and template parsers on their own: in memory,
// so that fuzzing covers them at thousands of inputs a second where the
// staging fuzzers (fuzz_test.go) manage a few.

var lockfileKinds = []string{"package-lock.json", "yarn.lock", "pnpm-lock.yaml"}

// FuzzParseLockfile: any lockfile parses or is an input error, and what
// it lists is found again at its install path and version.
func FuzzParseLockfile(f *testing.F) {
	if b, err := os.ReadFile("testdata/fixture/package-lock.json"); err == nil {
		f.Add(uint8(0), b)
	} else {
		f.Fatal(err)
	}
	f.Add(uint8(1), []byte("# yarn lockfile v1\n\n\"@s/a@^1.0.0\", \"@s/a@^1.1.0\":\n  version \"1.2.0\"\n  resolved \"https://registry.yarnpkg.com/@s/a/-/a-1.2.0.tgz#abc\"\n  integrity sha512-AAAA\n\nb@2:\n  version \"2.0.0\"\n"))
	f.Add(uint8(1), []byte("__metadata:\n  version: 6\n\n\"a@npm:^1\":\n  version: 1.0.0\n  checksum: abc\n"))
	f.Add(uint8(2), []byte("lockfileVersion: '9.0'\npackages:\n  '@s/a@1.2.0':\n    resolution: {integrity: sha512-AAAA}\n  b@2.0.0(c@1.0.0):\n    resolution: {integrity: sha512-BBBB}\n"))
	f.Add(uint8(2), []byte("lockfileVersion: 5.4\npackages:\n  /a/1.0.0:\n    resolution: {integrity: sha1-x}\n"))
	f.Add(uint8(0), []byte(`{"lockfileVersion":1,"dependencies":{"a":{"version":"1.0.0","dependencies":{"b":{"version":"2.0.0"}}}}}`))
	f.Fuzz(func(t *testing.T, kind uint8, data []byte) {
		name := lockfileKinds[int(kind)%len(lockfileKinds)]
		lf, err := parseLockfile(name, data)
		if err != nil {
			if !errors.Is(err, ErrInput) && !errors.Is(err, errYarnBerry) {
				t.Fatalf("%s: %v is not an input error", name, err)
			}
			return
		}
		for p, e := range lf.pkgs {
			if got, ok := lf.find(p, "", e.version); !ok || got != e {
				t.Errorf("%s lists %s at %q, find gives %v %v", name, p, e.version, got, ok)
			}
		}
		for n, es := range lf.byName {
			for _, e := range es {
				if got, ok := lf.find("", n, e.version); !ok || got.version != e.version {
					t.Errorf("%s lists %s@%s, find gives %v %v", name, n, e.version, got, ok)
				}
			}
		}
	})
}

// FuzzParseConfig: any template or serverless.yml parses or is an input
// error, and the functions read from it have handlers.
func FuzzParseConfig(f *testing.F) {
	for _, s := range []string{
		"Globals:\n  Function:\n    Runtime: nodejs20.x\n    Handler: app.handler\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: src/\n",
		"Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Handler: !Sub '${X}.h'\n      Code: ../x\n      PackageType: Zip\n",
		"provider:\n  runtime: nodejs18.x\nfunctions:\n  - a:\n      handler: src/a.handler\n  - b:\n      handler: ${self:custom.h}\n",
		"base: &b {handler: x.y}\nfunctions:\n  f: *b\n  g: {<<: *b, runtime: python3.12}\n",
		"a: &a [*a, *a]\nb: &b [*a, *a]\nc: [*b, *b]\n",
		`{"Resources":{"F":{"Type":"AWS::Serverless::Function","Properties":{"Handler":7}}}}`,
	} {
		f.Add(false, []byte(s))
	}
	f.Add(true, []byte(`{"Resources":{"F":{"Type":"AWS::Serverless::Function","Properties":{"Handler":"a.b","CodeUri":"."}}}}`))
	f.Fuzz(func(t *testing.T, asJSON bool, data []byte) {
		name := "template.yaml"
		if asJSON {
			name = "template.json"
		}
		doc, err := parseConfig(name, data)
		if err != nil {
			if !errors.Is(err, ErrInput) {
				t.Fatalf("%v is not an input error", err)
			}
			return
		}
		tr := newTree(Options{})
		fns := append(templateFunctions(tr, name, doc), serverlessFunctions("serverless.yml", doc)...)
		for _, fn := range fns {
			if fn.handler == "" || fn.origin == "" {
				t.Errorf("function %+v: no handler or origin", fn)
			}
		}
	})
}
