package bundle

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestFunctions picks a function of a template with several: by default the
// first Node.js one, with Options.Function the one named; every function
// with a usable handler is listed; an unknown name, or a name and a handler
// together, are input errors that say what to do.
func TestFunctions(t *testing.T) {
	sls := t.TempDir()
	writeFiles(t, sls, map[string]string{
		"serverless.yml": "provider:\n  runtime: nodejs20.x\nfunctions:\n  ingest:\n    handler: lib/ingest.main\n  export:\n    handler: lib/export.main\n  broken:\n    handler: ${self:custom.h}\n  billing:\n    handler: com.example.Billing::handle\n    runtime: java21\n",
		"lib/ingest.js":  "exports.main = async () => 1;",
		"lib/export.js":  "exports.main = async () => 2;",
	})
	// sam build's output: one directory per function, each with its own
	// node_modules, the template's CodeUri naming it.
	samBuild := t.TempDir()
	writeFiles(t, samBuild, map[string]string{
		"template.yaml": "Resources:\n  OrdersFn:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: OrdersFn\n      Handler: app.handler\n      Runtime: nodejs20.x\n" +
			"  ReportsFn:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: ReportsFn\n      Handler: app.handler\n      Runtime: nodejs20.x\n",
		"OrdersFn/app.js":                       "exports.handler = async () => require('a');",
		"OrdersFn/node_modules/a/package.json":  `{"name":"a","version":"1.0.0","dependencies":{"c":"1"}}`,
		"OrdersFn/node_modules/c/package.json":  `{"name":"c","version":"1.0.0"}`,
		"ReportsFn/app.js":                      "exports.handler = async () => require('b');",
		"ReportsFn/node_modules/b/package.json": `{"name":"b","version":"2.0.0"}`,
	})
	multi := filepath.FromSlash("../scan/testdata/bundles/multi")
	tests := []struct {
		name, dir     string
		opts          Options
		function, hdl string
		functions     []string
		packages      []string // install paths, when checked
		err           string
	}{
		{name: "SAM default", dir: multi, function: "OrdersFn", hdl: "src/orders.handler", functions: []string{"OrdersFn", "ReportsFn"}},
		{name: "SAM pick", dir: multi, opts: Options{Function: "ReportsFn"}, function: "ReportsFn", hdl: "src/reports.handler", functions: []string{"OrdersFn", "ReportsFn"}},
		{name: "serverless pick", dir: sls, opts: Options{Function: "ingest"}, function: "ingest", hdl: "lib/ingest.main", functions: []string{"export", "ingest"}},
		{name: "unknown", dir: multi, opts: Options{Function: "Nope"}, err: `has no function "Nope" with a usable handler; its functions are OrdersFn, ReportsFn`},
		{name: "both", dir: multi, opts: Options{Function: "OrdersFn", Handler: "src/orders.handler"}, err: "not both"},
		{name: "sam build default", dir: samBuild, function: "OrdersFn", hdl: "OrdersFn/app.handler", functions: []string{"OrdersFn", "ReportsFn"},
			packages: []string{"OrdersFn/node_modules/a", "OrdersFn/node_modules/c"}},
		{name: "sam build pick", dir: samBuild, opts: Options{Function: "ReportsFn"}, function: "ReportsFn", hdl: "ReportsFn/app.handler", functions: []string{"OrdersFn", "ReportsFn"},
			packages: []string{"ReportsFn/node_modules/b"}},
		{name: "handler only", dir: multi, opts: Options{Handler: "src/reports.handler"}, hdl: "src/reports.handler"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Open(tt.dir, t.TempDir(), tt.opts)
			if tt.err != "" {
				if err == nil || !errors.Is(err, ErrInput) || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want an input error containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if b.Function != tt.function || b.Handler != tt.hdl || !slices.Equal(b.Functions, tt.functions) {
				t.Errorf("function %q handler %q functions %v; want %q %q %v", b.Function, b.Handler, b.Functions, tt.function, tt.hdl, tt.functions)
			}
			if tt.dir == sls && !slices.Equal(b.Unsupported, []string{"billing (java21)"}) {
				t.Errorf("unsupported %v, want the java function", b.Unsupported)
			}
			if tt.packages != nil {
				var got []string
				for _, p := range b.Packages {
					got = append(got, p.Path)
				}
				if !slices.Equal(got, tt.packages) {
					t.Errorf("packages %v, want %v (the function's own directory's)", got, tt.packages)
				}
				if a := b.Package("OrdersFn/node_modules/a"); a != nil && !slices.Equal(a.Requires, []string{"OrdersFn/node_modules/c"}) {
					t.Errorf("a requires %v, want its neighbour c", a.Requires)
				}
			}
		})
	}
}
