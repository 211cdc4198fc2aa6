package bundle

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The fixtures are real bundler output: internal/scan/testdata/bundled-src
// bundled by esbuild and webpack from the npm registry (build.sh there).
const bundledFixtures = "../scan/testdata/bundles"

// position of the first line of the bundle file holding text.
func lineOf(t *testing.T, file, text string) Position {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(string(data), "\n") {
		if c := strings.Index(l, text); c >= 0 {
			return Position{i + 1, c + 1}
		}
	}
	t.Fatalf("%s: no %q", file, text)
	return Position{}
}

// ownerAt looks a position up the way the hook does: the last region
// starting at or before it.
func ownerAt(bf *BundleFile, at Position) string {
	owner := ""
	for _, r := range bf.Regions {
		if r.Line > at.Line || r.Line == at.Line && r.Col > at.Col {
			break
		}
		owner = r.Owner
	}
	return owner
}

func TestBundledPackages(t *testing.T) {
	lock := "../scan/testdata/bundled-src/package-lock.json"
	want := []string{"lodash.get@4.4.2", "ms@2.1.3", "nanoid@3.3.8", "stealer@1.0.0", "uuid@9.0.1"}
	for _, tc := range []struct {
		dir, file, from, lockfile string
		want                      []string
		// text in the bundle → the install path (under the file) owning it
		owns map[string]string
	}{
		{"bundled-esbuild", "index.js", "esbuild-comments", lock, want, map[string]string{
			"os.homedir() + \"/.aws/credentials\"": "node_modules/stealer",
			"function parse2(str)":                 "node_modules/ms",
			"function parse(uuid)":                 "node_modules/uuid",
			"fs.readdirSync(\"/tmp\")":             "",
		}},
		// Without the lockfile: the stealer's version is in its inlined
		// package.json, the others are unknown.
		{"bundled-esbuild", "index.js", "esbuild-comments", "", []string{"lodash.get@unknown", "ms@unknown", "nanoid@unknown", "stealer@1.0.0", "uuid@unknown"}, nil},
		{"bundled-min", "index.js", "source-map", lock, want, map[string]string{"/.aws/credentials": "node_modules/stealer", "readdirSync(\"/tmp\")": ""}},
		{"bundled-min", "index.js", "source-map", "", []string{"lodash.get@unknown", "ms@unknown", "nanoid@unknown", "stealer@1.0.0", "uuid@unknown"}, nil},
		{"bundled-esm", "index.mjs", "source-map", lock, want[1:], map[string]string{"/.aws/credentials": "node_modules/stealer", "await readFile(": ""}},
		{"bundled-webpack", "index.js", "webpack-ids", lock, want, map[string]string{
			"eval(\"{// depbox test fixture imitating a credential stealer": "node_modules/stealer",
		}},
		{"bundled-benign", "index.js", "esbuild-comments", lock, []string{"lodash.get@4.4.2", "ms@2.1.3", "nanoid@3.3.8", "uuid@9.0.1"}, nil},
	} {
		t.Run(tc.dir+"/"+tc.lockfile, func(t *testing.T) {
			b, err := Open(filepath.Join(bundledFixtures, tc.dir), t.TempDir(), Options{Lockfile: tc.lockfile})
			if err != nil {
				t.Fatal(err)
			}
			if len(b.BundleFiles) != 1 {
				t.Fatalf("bundle files %+v, want %s", b.BundleFiles, tc.file)
			}
			bf := b.BundleFiles[0]
			if bf.Path != tc.file || bf.From != tc.from {
				t.Errorf("bundle file %s from %s, want %s from %s", bf.Path, bf.From, tc.file, tc.from)
			}
			var got []string
			for _, p := range b.Packages {
				if p.BundledIn != tc.file || p.Path != tc.file+BundledSeparator+"node_modules/"+p.Name {
					t.Errorf("package %+v: want bundled in %s at %s#node_modules/%s", p, tc.file, tc.file, p.Name)
				}
				got = append(got, p.Name+"@"+p.Version)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("packages %v, want %v", got, tc.want)
			}
			for text, ip := range tc.owns {
				at := lineOf(t, filepath.Join(bundledFixtures, tc.dir, tc.file), text)
				want := ""
				if ip != "" {
					want = tc.file + BundledSeparator + ip
				}
				if got := ownerAt(bf, at); got != want {
					t.Errorf("code %q at %v belongs to %q, want %q", text, at, got, want)
				}
			}
			if len(b.Levels()) != 0 {
				t.Errorf("bundled packages in the import levels: %v", b.Levels())
			}
			if tc.from == "webpack-ids" && (len(bf.LoaderSites) < len(tc.want) || len(bf.EvalOwners) != len(bf.LoaderSites)) {
				t.Errorf("%d webpack module evals, %d hashes of their code: want one per module at least, each hashed", len(bf.LoaderSites), len(bf.EvalOwners))
			}
		})
	}
}

func TestPackageOfSource(t *testing.T) {
	for _, tc := range []struct{ src, ip, name string }{
		{"../node_modules/ms/index.js", "node_modules/ms", "ms"},
		{"../../node_modules/a/node_modules/@s/b/lib/x.js", "node_modules/a/node_modules/@s/b", "@s/b"},
		{"webpack://fn/./node_modules/@aws-sdk/client-s3/dist-cjs/index.js", "node_modules/@aws-sdk/client-s3", "@aws-sdk/client-s3"},
		{"webpack:///./node_modules/ms/index.js?abc", "node_modules/ms", "ms"},
		{"../node_modules/.pnpm/@s+b@1.2.3_peer@1.0.0/node_modules/@s/b/index.js", "node_modules/.pnpm/@s+b@1.2.3_peer@1.0.0/node_modules/@s/b", "@s/b"},
		{"file:///work/app/node_modules/x/y.js", "node_modules/x", "x"},
		{"../src/index.ts", "", ""},
		{"webpack/runtime/define property getters", "", ""},
		{"<runtime>", "", ""},
		{"node_modules/stray.js", "", ""},
		{"node_modules/.pnpm/lock.yaml", "", ""},
	} {
		ip, name, ok := packageOfSource(tc.src)
		if ok != (tc.ip != "") || ip != tc.ip || name != tc.name {
			t.Errorf("packageOfSource(%q) = %q %q %v, want %q %q", tc.src, ip, name, ok, tc.ip, tc.name)
		}
	}
}

func TestVersionFromPath(t *testing.T) {
	for _, tc := range []struct{ ip, name, want string }{
		{"node_modules/.pnpm/ms@2.1.3/node_modules/ms", "ms", "2.1.3"},
		{"node_modules/.pnpm/@s+b@1.2.3_peer@1.0.0/node_modules/@s/b", "@s/b", "1.2.3"},
		{"node_modules/.pnpm/@s+b@1.2.3(react@18.0.0)/node_modules/@s/b", "@s/b", "1.2.3"},
		{"node_modules/.pnpm/a@1.0.0/node_modules/b", "b", ""},
		{".yarn/cache/ms-npm-2.1.3-0123abcdef-9a8b7c6d5e.zip/node_modules/ms", "ms", "2.1.3"},
		{"node_modules/ms", "ms", ""},
	} {
		if got := versionFromPath(tc.ip, tc.name); got != tc.want {
			t.Errorf("versionFromPath(%q, %q) = %q, want %q", tc.ip, tc.name, got, tc.want)
		}
	}
}

func TestDecodeMappings(t *testing.T) {
	// Two lines: "AAAA,KCAA" → col 0 source 0, col 5 source 1;
	// ";" then "ADAA" → line 2 col 0 source 0.
	segs, err := decodeMappings("AAAA,KCAA;ADAA", 0, 2)
	if err != nil {
		t.Fatal(err)
	}
	want := []segmentStart{{position{1, 1}, 0}, {position{1, 6}, 1}, {position{2, 1}, 0}}
	if !slices.Equal(segs, want) {
		t.Errorf("segments %v, want %v", segs, want)
	}
	for _, bad := range []string{"AAAA,K!AA", "AAAA,KAgA", "AAAA,KC", "AAAA,A/"} {
		if _, err := decodeMappings(bad, 0, 2); err == nil {
			t.Errorf("decodeMappings(%q): no error", bad)
		}
	}
}

func TestOpaqueBundle(t *testing.T) {
	dir := t.TempDir()
	// esbuild's minified runtime, on one line of some size
	min := "var nt=Object.create;var T=Object.defineProperty;var f=(e,t)=>()=>(e&&(t=e(e=0)),t);" + strings.Repeat("var a=1;", 4000)
	if err := os.WriteFile(filepath.Join(dir, "index.js"), []byte(min), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := Open(dir, t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(b.Opaque, []string{"index.js"}) || len(b.BundleFiles) != 0 {
		t.Errorf("opaque %v, bundle files %v: want index.js opaque", b.Opaque, b.BundleFiles)
	}
}
