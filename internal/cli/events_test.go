package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/depbox/depbox/internal/event"
)

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	t.Chdir(t.TempDir()) // no depbox.yaml from the working directory
	var out, errb bytes.Buffer
	code = Main(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestEventsList(t *testing.T) {
	code, out, errOut := runCLI(t, "events", "list")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.HasPrefix(out, "SOURCE") || !strings.Contains(out, "ALIASES") || !strings.Contains(out, "DESCRIPTION") {
		t.Errorf("no table header:\n%s", out)
	}
	for _, s := range event.Sources() {
		if !strings.Contains(out, "\n"+s.Name+" ") {
			t.Errorf("source %s missing:\n%s", s.Name, out)
		}
	}
	if !strings.Contains(out, "Variants: all = default, sql, shell, path-traversal, proto-pollution, oversized, unicode") {
		t.Errorf("variants missing:\n%s", out)
	}
	if !strings.Contains(out, "Default set for a bundle without a template: "+strings.Join(event.DefaultSet(), ", ")) {
		t.Errorf("default set missing:\n%s", out)
	}
}

func TestEventsListBundleAndDir(t *testing.T) {
	bundle := t.TempDir()
	tmpl := "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Role: !GetAtt R.Arn\n      Events:\n        Q: {Type: SQS, Properties: {Queue: !GetAtt Q.Arn}}\n        I: {Type: IoTRule}\n"
	if err := os.WriteFile(filepath.Join(bundle, "template.yaml"), []byte(tmpl), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "order.json"), []byte(`{"orderId": 1}`), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "events", "list", "--bundle", bundle, "--events-dir", dir)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"(from template.yaml): sqs\n", "Triggers without synthetic events (add your own with --events-dir): SAM:IoTRule", "1 user event(s)", "custom/order  custom  13"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}

	if err := os.WriteFile(filepath.Join(dir, "bad.json"), []byte(`{"a":`), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = runCLI(t, "events", "list", "--events-dir", dir)
	if code != ExitUsage || !strings.Contains(errOut, "bad.json: line 1") {
		t.Errorf("bad event file: exit %d, %s", code, errOut)
	}
}

func TestEventsShow(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantOut  func(t *testing.T, out string)
		wantErr  string
	}{
		{
			name: "default variant and seed",
			args: []string{"events", "show", "s3"},
			wantOut: func(t *testing.T, out string) {
				ev, err := event.Show("s3", "", 0)
				if err != nil {
					t.Fatal(err)
				}
				var want bytes.Buffer
				json.Indent(&want, ev.Payload, "", "  ")
				if out != want.String()+"\n" {
					t.Errorf("output differs from event.Show")
				}
			},
		},
		{
			name: "alias, variant and seed",
			args: []string{"events", "show", "http-api", "--variant", "proto-pollution", "--seed", "42"},
			wantOut: func(t *testing.T, out string) {
				var v map[string]any
				if err := json.Unmarshal([]byte(out), &v); err != nil {
					t.Fatal(err)
				}
				if v["version"] != "2.0" || !strings.Contains(out, "__proto__") || !strings.Contains(out, "\n  \"routeKey\"") {
					t.Errorf("unexpected output:\n%s", out)
				}
				ev, _ := event.Show("apigw-v2", "proto-pollution", 42)
				var compact bytes.Buffer
				json.Compact(&compact, []byte(out))
				if !bytes.Equal(compact.Bytes(), ev.Payload) {
					t.Error("seed not applied")
				}
			},
		},
		{name: "unknown source", args: []string{"events", "show", "kafka"}, wantCode: ExitUsage, wantErr: `unknown event source "kafka" (valid: alb, apigw-v1,`},
		{name: "unknown variant", args: []string{"events", "show", "s3", "--variant", "xss"}, wantCode: ExitUsage, wantErr: `source s3 has no variant "xss" (valid: default, sql,`},
		{name: "schedule has no injections", args: []string{"events", "show", "cron", "--variant", "sql"}, wantCode: ExitUsage, wantErr: "valid: default)"},
		{name: "bad seed", args: []string{"events", "show", "s3", "--seed", "x"}, wantCode: ExitUsage, wantErr: "invalid argument"},
		{name: "no source", args: []string{"events", "show"}, wantCode: ExitUsage, wantErr: "accepts 1 arg"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tt.args...)
			if code != tt.wantCode {
				t.Fatalf("exit %d, want %d; stderr %s", code, tt.wantCode, errOut)
			}
			if tt.wantErr != "" && !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("stderr %q, want %q", errOut, tt.wantErr)
			}
			if tt.wantOut != nil {
				tt.wantOut(t, out)
			}
		})
	}
}

func TestEventsSeedFromEnv(t *testing.T) {
	t.Setenv("DEPBOX_SEED", "7")
	code, out, errOut := runCLI(t, "events", "show", "schedule")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	ev, _ := event.Show("schedule", "", 7)
	var compact bytes.Buffer
	json.Compact(&compact, []byte(out))
	if !bytes.Equal(compact.Bytes(), ev.Payload) {
		t.Error("DEPBOX_SEED not applied")
	}
	t.Setenv("DEPBOX_SEED", "seven")
	if code, _, errOut := runCLI(t, "events", "show", "schedule"); code != ExitUsage || !strings.Contains(errOut, `--seed "seven": want an integer`) {
		t.Errorf("bad DEPBOX_SEED: exit %d, %s", code, errOut)
	}
}

func TestEventOptionsFromConfig(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "depbox.yaml")
	write := func(s string) {
		if err := os.WriteFile(cfg, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("events:\n  sources: [http-api, S3]\n  variants: [default, SQL]\n  dir: " + dir + "\nseed: 9\n")
	code, out, errOut := runCLI(t, "--config", cfg, "events", "list")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "Configured sources (events.sources, used for every bundle): apigw-v2, s3\n") || !strings.Contains(out, "0 user event(s) in "+dir) {
		t.Errorf("configuration not applied:\n%s", out)
	}

	t.Setenv("DEPBOX_EVENTS_SOURCES", "sqs,cron")
	if _, out, _ := runCLI(t, "--config", cfg, "events", "list"); !strings.Contains(out, "Configured sources (events.sources, used for every bundle): sqs, schedule\n") {
		t.Errorf("DEPBOX_EVENTS_SOURCES not applied:\n%s", out)
	}

	t.Setenv("DEPBOX_EVENTS_SOURCES", "kafka")
	if code, _, errOut := runCLI(t, "--config", cfg, "events", "list"); code != ExitUsage || !strings.Contains(errOut, `events.sources: unknown event source "kafka"`) {
		t.Errorf("bad source: exit %d, %s", code, errOut)
	}
	t.Setenv("DEPBOX_EVENTS_SOURCES", "")
	write("events:\n  variants: [xss]\n")
	if code, _, errOut := runCLI(t, "--config", cfg, "events", "list"); code != ExitUsage || !strings.Contains(errOut, `events.variants: unknown event variant "xss"`) {
		t.Errorf("bad variant: exit %d, %s", code, errOut)
	}
}

func TestSplitList(t *testing.T) {
	got := splitList([]string{"a, b", "", " c ", "d,,"})
	if strings.Join(got, "|") != "a|b|c|d" {
		t.Errorf("got %q", got)
	}
}
