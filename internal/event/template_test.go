package event

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestDetectSources(t *testing.T) {
	tests := []struct {
		dir      string
		file     string
		want     []string
		unmapped []string
		wantErr  string
	}{
		{
			dir:  "sam",
			file: "template.yaml",
			want: []string{"apigw-v1", "apigw-v2", "cognito-pre-signup", "dynamodb", "eventbridge", "function-url", "s3", "schedule", "sqs"},
		},
		{dir: "sam-json", file: "template.json", want: []string{"eventbridge", "kinesis", "sns"}},
		{dir: "sam-unmapped", want: DefaultSet(), unmapped: []string{"SAM:IoTRule", "SAM:MQ"}},
		{
			dir:      "serverless",
			file:     "serverless.yml",
			want:     []string{"alb", "apigw-v1", "apigw-v2", "cognito-pre-signup", "eventbridge", "function-url", "s3", "schedule", "sns", "sqs"},
			unmapped: []string{"serverless:websocket"},
		},
		{dir: "serverless-streams", file: "serverless.yaml", want: []string{"dynamodb", "kinesis", "schedule"}},
		{dir: "none", want: DefaultSet()},
		{dir: "empty-template", want: DefaultSet()},
		{dir: "bad-yaml", wantErr: "reading template.yaml in the bundle: yaml: line"},
		{dir: "missing", wantErr: "opening bundle"},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			d, err := DetectSources(filepath.Join("testdata", "templates", tt.dir))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if d.File != tt.file || !slices.Equal(d.Sources, tt.want) || !slices.Equal(d.Unmapped, tt.unmapped) {
				t.Errorf("got %+v\nwant file %q sources %v unmapped %v", d, tt.file, tt.want, tt.unmapped)
			}
			srcs, err := DefaultSources(filepath.Join("testdata", "templates", tt.dir))
			if err != nil || !slices.Equal(srcs, tt.want) {
				t.Errorf("DefaultSources = %v, %v", srcs, err)
			}
			if _, err := Generate(Options{Sources: srcs}); err != nil {
				t.Errorf("sources do not generate: %v", err)
			}
		})
	}
}

func TestDetectSourcesHostile(t *testing.T) {
	// A symbolic link out of the bundle is not followed.
	dir := t.TempDir()
	outside := filepath.Join(t.TempDir(), "template.yaml")
	if err := os.WriteFile(outside, []byte("Resources: {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "template.yaml")); err != nil {
		t.Skip(err)
	}
	if _, err := DetectSources(dir); err == nil {
		t.Error("followed a symlink out of the bundle")
	}

	// Merge keys fanning out through aliases are bounded.
	var b strings.Builder
	b.WriteString("a0: &a0 {Type: AWS::Serverless::Function}\n")
	for i := 1; i < 9; i++ {
		b.WriteString("a" + itoa(i) + ": &a" + itoa(i) + "\n  <<: [")
		for j := range 10 {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + itoa(i-1))
		}
		b.WriteString("]\n")
	}
	b.WriteString("Resources:\n  <<: *a8\n")
	bomb := t.TempDir()
	if err := os.WriteFile(filepath.Join(bomb, "template.yaml"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := DetectSources(bomb); err == nil || !strings.Contains(err.Error(), "fan out") {
		t.Errorf("alias bomb: %v", err)
	}

	// A file too large.
	big := t.TempDir()
	if err := os.WriteFile(filepath.Join(big, "serverless.yml"), []byte(strings.Repeat("#", maxTemplate+1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := DetectSources(big); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("large template: %v", err)
	}
}

func TestForBundle(t *testing.T) {
	user := writeFiles(t, map[string]string{"mine.json": `{"hello": "world"}`})
	sam := filepath.Join("testdata", "templates", "sam-json")
	tests := []struct {
		name   string
		bundle string
		opts   Options
		dir    string
		want   []string
	}{
		{name: "template sources", bundle: sam, opts: Options{Variants: []string{"default"}}, want: []string{"eventbridge/default", "kinesis/default", "sns/default"}},
		{name: "configured sources win", bundle: sam, opts: Options{Sources: []string{"s3"}, Variants: []string{"sql"}}, dir: user, want: []string{"s3/sql", "custom/mine"}},
		{name: "default set", bundle: filepath.Join("testdata", "templates", "none"), opts: Options{Variants: []string{"default"}}, want: []string{"apigw-v1/default", "apigw-v2/default", "eventbridge/default", "s3/default", "schedule/default", "sns/default", "sqs/default"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs, err := ForBundle(tt.bundle, tt.opts, tt.dir)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range evs {
				got = append(got, e.Name)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
	if _, err := ForBundle(filepath.Join("testdata", "templates", "bad-yaml"), Options{}, ""); err == nil {
		t.Error("bad template: no error")
	}
}

// TestFunctionSources maps one function's triggers of a template with
// several (SAM and serverless), or every function's.
func TestFunctionSources(t *testing.T) {
	sls := t.TempDir()
	if err := os.WriteFile(filepath.Join(sls, "serverless.yml"), []byte("functions:\n  - ingest:\n      handler: a.h\n      events:\n        - sqs: arn\n  - export:\n      handler: b.h\n      events:\n        - httpApi: '*'\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	sam := filepath.Join("..", "scan", "testdata", "bundles", "multi")
	tests := []struct {
		root, function string
		want           []string
	}{
		{sam, "OrdersFn", []string{"sqs"}},
		{sam, "ReportsFn", []string{"schedule"}},
		{sam, "", []string{"schedule", "sqs"}},
		{sls, "export", []string{"apigw-v2"}},
		{sls, "ingest", []string{"sqs"}},
	}
	for _, tt := range tests {
		got, err := FunctionSources(tt.root, tt.function)
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("FunctionSources(%s, %q) = %v, %v; want %v", tt.root, tt.function, got, err, tt.want)
		}
	}
}
