package event

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadDir(t *testing.T) {
	s3, err := Show("s3", "", 1)
	if err != nil {
		t.Fatal(err)
	}
	type want struct{ name, source, payload string }
	tests := []struct {
		name    string
		files   map[string]string
		want    []want
		wantErr string
	}{
		{
			name: "inferred, wrapped and custom",
			files: map[string]string{
				"b-upload.json": string(s3.Payload),
				"a-cron.json":   "{\n  \"version\": \"0\", \"id\": \"x\", \"detail-type\": \"Scheduled Event\", \"source\": \"aws.events\",\n  \"account\": \"123456789012\", \"time\": \"2025-01-01T00:00:00Z\", \"region\": \"us-east-1\", \"resources\": [], \"detail\": {}\n}\n",
				"c.json":        `{"depbox": {"source": "sqs", "name": "poison"}, "event": {"Records": [{"messageId": "1", "body": "x"}]}}`,
				"d.json":        `{"orderId": 42}`,
				"e.json":        `"just a string"`,
				"f.json":        `{"depbox": {"source": "custom"}, "event": {"Records": "not a list"}}`,
				"g.JSON":        `{"depbox": {}, "event": {"triggerSource": "PreSignUp_AdminCreateUser", "request": {"userAttributes": {"email": "a@example.com"}}}}`,
				"notes.txt":     "ignored",
				".hidden.json":  "ignored",
				"sub/x.json":    "ignored",
			},
			want: []want{
				{"custom/a-cron", "schedule", `{"version":"0","id":"x","detail-type":"Scheduled Event","source":"aws.events","account":"123456789012","time":"2025-01-01T00:00:00Z","region":"us-east-1","resources":[],"detail":{}}`},
				{"custom/b-upload", "s3", string(s3.Payload)},
				{"custom/poison", "sqs", `{"Records":[{"messageId":"1","body":"x"}]}`},
				{"custom/d", "custom", `{"orderId":42}`},
				{"custom/e", "custom", `"just a string"`},
				{"custom/f", "custom", `{"Records":"not a list"}`},
				{"custom/g", "cognito-pre-signup", `{"triggerSource":"PreSignUp_AdminCreateUser","request":{"userAttributes":{"email":"a@example.com"}}}`},
			},
		},
		{name: "empty directory", files: map[string]string{}, want: nil},
		{name: "bad JSON", files: map[string]string{"bad.json": "{\n  \"a\": 1,\n  \"b\": ]\n}"}, wantErr: "bad.json: line 3, column 8: invalid JSON"},
		{name: "truncated", files: map[string]string{"cut.json": `{"a": [1, 2`}, wantErr: "cut.json: line 1, column 12: invalid JSON: unexpected end of file"},
		{name: "two values", files: map[string]string{"two.json": "{}\n{}"}, wantErr: "two.json: line 2, column 1: more than one JSON value"},
		{name: "empty file", files: map[string]string{"empty.json": "  \n"}, wantErr: "empty.json: empty file"},
		{name: "unknown wrapper source", files: map[string]string{"w.json": `{"depbox": {"source": "kafka"}, "event": {}}`}, wantErr: `w.json: wrapper: unknown event source "kafka"`},
		{name: "unknown wrapper field", files: map[string]string{"w.json": `{"depbox": {"sauce": "s3"}, "event": {}}`}, wantErr: `unknown field "sauce"`},
		{name: "extra wrapper key", files: map[string]string{"w.json": `{"depbox": {"source": "s3"}, "event": {}, "note": 1}`}, wantErr: `wrapper has unknown key "note"`},
		{name: "wrapper without event", files: map[string]string{"w.json": `{"depbox": {"source": "s3"}}`}, wantErr: `wrapper has no "event"`},
		{name: "declared shape mismatch", files: map[string]string{"w.json": `{"depbox": {"source": "s3"}, "event": {"Records": [{"s3": {"object": {"size": "big"}}}]}}`}, wantErr: "the wrapper says it is a s3 event, but it does not decode as one"},
		{name: "inferred shape mismatch", files: map[string]string{"k.json": `{"Records": [{"eventSource": "aws:kinesis", "kinesis": {"data": 5}}]}`}, wantErr: "its shape says it is a kinesis event"},
		{name: "duplicate names", files: map[string]string{"a.json": `{}`, "b.json": `{"depbox": {"name": "a"}, "event": {}}`}, wantErr: `name "custom/a" is already used by a.json`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, tt.files)
			evs, err := LoadDir(dir)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(evs) != len(tt.want) {
				t.Fatalf("got %d events, want %d: %+v", len(evs), len(tt.want), evs)
			}
			for i, w := range tt.want {
				e := evs[i]
				if e.Name != w.name || e.Source != w.source || e.Variant != VariantCustom || string(e.Payload) != w.payload {
					t.Errorf("event %d: got %s %s %s %s\nwant %s %s custom %s", i, e.Name, e.Source, e.Variant, e.Payload, w.name, w.source, w.payload)
				}
			}
		})
	}
	if _, err := LoadDir(filepath.Join(t.TempDir(), "nope")); err == nil || !strings.Contains(err.Error(), "opening event directory") {
		t.Errorf("missing dir: %v", err)
	}
}

func TestLoadDirTooLarge(t *testing.T) {
	dir := writeFiles(t, map[string]string{"big.json": `"` + strings.Repeat("A", MaxPayload) + `"`})
	if _, err := LoadDir(dir); err == nil || !strings.Contains(err.Error(), "6 MB") {
		t.Errorf("got %v", err)
	}
}

func TestInferSourceRoundTrip(t *testing.T) {
	// Every synthetic event is recognised as its own source.
	evs, err := Generate(Options{Seed: 5, Variants: []string{VariantDefault, VariantProtoPollution}})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range evs {
		if got := InferSource(e.Payload); got != e.Source {
			t.Errorf("%s inferred as %s", e.Name, got)
		}
	}
}

func TestInferSourceSamples(t *testing.T) {
	dir := lambdaSamples(t)
	tests := map[string]string{
		"apigw-request.json":                                "apigw-v1",
		"apigw-v2-request-no-authorizer.json":               "apigw-v2",
		"alb-lambda-target-request-multivalue-headers.json": "alb",
		"lambda-urls-request.json":                          "function-url",
		"s3-event.json":                                     "s3",
		"sqs-event.json":                                    "sqs",
		"sns-event.json":                                    "sns",
		"dynamodb-event.json":                               "dynamodb",
		"kinesis-event.json":                                "kinesis",
		"codebuild-state-change.json":                       "eventbridge",
		"cognito-event-userpools-presignup.json":            "cognito-pre-signup",
		"cognito-event-userpools-postconfirmation.json":     "custom",
		"kafka-event.json":                                  "custom",
	}
	for file, want := range tests {
		b, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		if got := InferSource(b); got != want {
			t.Errorf("%s: got %s, want %s", file, got, want)
		}
	}
}
