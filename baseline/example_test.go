package baseline_test

import (
	"bytes"
	"fmt"
	"log"
	"os"

	"github.com/depbox/depbox/baseline"
	"github.com/depbox/depbox/profile"
)

// scanOf is the profile a scan might write for a bundle with one
// dependency; tmp is the temp-file name of the run, different each time.
func scanOf(version, tmp string, network bool) *profile.Profile {
	b := &profile.Behavior{
		Env:   []string{"AWS_REGION"},
		Files: []profile.File{{Path: "/tmp/cache-" + tmp + "/state.json", Access: profile.AccessWrite}},
	}
	if network {
		b.DNS = []profile.DNSQuery{{Name: "stats.example.invalid", Type: "A"}}
		b.Network = []profile.Endpoint{{Address: "198.51.100.7", Port: 443, Protocol: "tcp", Host: "stats.example.invalid", Result: "ok"}}
	}
	return &profile.Profile{
		Schema: profile.Schema,
		Bundle: profile.Bundle{Name: "orders", Runtime: "nodejs", Handler: "index.handler"},
		Dependencies: []profile.Dependency{{
			Name: "left-pad", Version: version, Path: "node_modules/left-pad",
			Phases: map[string]*profile.Behavior{profile.PhaseImport: b},
		}},
	}
}

// A baseline keeps behaviour, not run-specific values: two scans that
// differ only in a temp-file name give the same bytes.
func ExampleFromProfile() {
	first, err := baseline.FromProfile(scanOf("1.3.0", "Ab3xYz", false)).Encode()
	if err != nil {
		log.Fatal(err)
	}
	second, err := baseline.FromProfile(scanOf("1.3.0", "Qq9RtU", false)).Encode()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("identical:", bytes.Equal(first, second))
	os.Stdout.Write(first)
	// Output:
	// identical: true
	// {
	//   "schema": "depbox.baseline/v1",
	//   "bundle": {
	//     "name": "orders",
	//     "runtime": "nodejs",
	//     "handler": "index.handler"
	//   },
	//   "dependencies": [
	//     {
	//       "name": "left-pad",
	//       "path": "node_modules/left-pad",
	//       "version": "1.3.0",
	//       "phases": {
	//         "import": {
	//           "files": [
	//             {
	//               "path": "/tmp/cache-{random}/state.json",
	//               "access": "write"
	//             }
	//           ],
	//           "env": [
	//             "AWS_REGION"
	//           ]
	//         }
	//       }
	//     }
	//   ]
	// }
}

// Diff tells a reviewer what a dependency update changes in behaviour.
func ExampleDiff() {
	old := baseline.FromProfile(scanOf("1.3.0", "Ab3xYz", false))
	updated := baseline.FromProfile(scanOf("1.3.1", "Qq9RtU", true))
	changes := baseline.Diff(old, updated)
	if err := changes.WriteText(os.Stdout); err != nil {
		log.Fatal(err)
	}
	fmt.Println("new in import:", changes.AddedItems("left-pad", "node_modules/left-pad", profile.PhaseImport))
	// Output:
	// 0 new, 0 removed, 1 changed dependencies
	//
	//   left-pad: version 1.3.0 → 1.3.1
	//     import:
	//       + network connect tcp stats.example.invalid:443
	//       + dns stats.example.invalid A
	// new in import: [network connect tcp stats.example.invalid:443 dns stats.example.invalid A]
}

// NormalizePath masks what changes between two runs of the same bundle.
func ExampleNormalizePath() {
	for _, p := range []string{
		"/proc/4711/status",
		"/var/task/node_modules/sharp/vendor/8.14.5/lib/libvips.so",
		"/tmp/tmp-12345-Xa8bZq9/out.json",
	} {
		fmt.Println(baseline.NormalizePath(p))
	}
	// Output:
	// /proc/{pid}/status
	// /var/task/node_modules/sharp/vendor/{version}/lib/libvips.so
	// /tmp/{random}/out.json
}
