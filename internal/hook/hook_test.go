package hook_test

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/depbox/depbox/internal/hook"
)

func TestDecode(t *testing.T) {
	r := hook.Record{
		Kind: "env", Op: "get", Pkg: "node_modules/a/node_modules/@s/b",
		Chain: []string{"", "node_modules/a", "node_modules/a/node_modules/@s/b"}, Origin: "node_modules/c",
		Detail: map[string]any{"name": "AWS_SECRET_ACCESS_KEY"}, Seq: 42, Thread: 2,
	}
	long := r
	long.Detail = map[string]any{"path": strings.Repeat("é/x", 300)}
	tests := []struct {
		name string
		path string
		want *hook.Record
	}{
		{"round trip", hook.Encode(r), &r},
		{"long record, many components", hook.Encode(long), &long},
		{"not a marker", "/etc/passwd", nil},
		{"marker dir alone", hook.MarkerDir, nil},
		{"bad base64", hook.MarkerDir + "!!!", nil},
		{"not JSON", hook.MarkerDir + "aGVsbG8", nil},
		{"no kind", hook.MarkerDir + "eyJzIjoxfQ", nil}, // {"s":1}
		{"too long", hook.MarkerDir + strings.Repeat("A", 5000), nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := hook.Decode(tc.path)
			if tc.want == nil {
				if ok {
					t.Errorf("Decode(%.40q) = %+v, want no record", tc.path, got)
				}
				return
			}
			if !ok {
				t.Fatalf("Decode(%.60q) failed", tc.path)
			}
			if !reflect.DeepEqual(got, *tc.want) {
				t.Errorf("Decode = %+v, want %+v", got, *tc.want)
			}
		})
	}
}

// TestEncodeComponents: each path component stays below NAME_MAX.
func TestEncodeComponents(t *testing.T) {
	p := hook.Encode(hook.Record{Kind: "fs", Op: "read", Detail: map[string]any{"path": strings.Repeat("x", 2000)}})
	for i, c := range strings.Split(strings.TrimPrefix(p, hook.MarkerDir), "/") {
		if len(c) == 0 || len(c) > 255 {
			t.Errorf("component %d has %d bytes", i, len(c))
		}
	}
}

func TestJoinData(t *testing.T) {
	b64 := func(s string) string { return jsonB64(s) }
	recs := []hook.Record{
		{Kind: "net", Op: "write", Seq: 5, Detail: map[string]any{"data_b64": b64("hello ")}},
		{Kind: "env", Op: "get", Seq: 6},
		{Kind: "net", Op: "data", Seq: 8, Detail: map[string]any{"of": 5.0, "off": 12.0, "data_b64": b64("!")}},
		{Kind: "net", Op: "data", Seq: 7, Detail: map[string]any{"of": 5.0, "off": 6.0, "data_b64": b64("world ")}},
		{Kind: "http", Op: "body", Seq: 9, Detail: map[string]any{"data_b64": b64("abc")}},
		{Kind: "http", Op: "data", Seq: 10, Detail: map[string]any{"of": 9.0, "off": 5.0, "data_b64": b64("gap")}},
	}
	got := hook.JoinData(recs)
	want := map[int64][]byte{5: []byte("hello world !"), 9: []byte("abc")}
	if len(got) != len(want) {
		t.Fatalf("JoinData = %v", got)
	}
	for k, v := range want {
		if !bytes.Equal(got[k], v) {
			t.Errorf("JoinData[%d] = %q, want %q", k, got[k], v)
		}
	}
}

func jsonB64(s string) string {
	b, _ := json.Marshal([]byte(s)) // encoding/json writes []byte as std base64
	return strings.Trim(string(b), `"`)
}

func TestFiles(t *testing.T) {
	f := hook.Files()
	for _, name := range []string{"hook.js", "invoke.js", "regions.js", "watchdog.js"} {
		if len(f[name]) == 0 {
			t.Errorf("Files() lacks %s", name)
		}
	}
	if !bytes.Contains(f["hook.js"], []byte(hook.MarkerDir)) {
		t.Error("hook.js does not use hook.MarkerDir")
	}
}

func TestConfigFiles(t *testing.T) {
	evs := []hook.Event{{Name: "a"}, {Name: "b", Payload: json.RawMessage(`{"x":1}`)}}
	files, err := hook.ConfigFiles(hook.HookConfig{TimerBudgetMS: 1000}, hook.InvokeConfig{Handler: "index.handler"}, evs)
	if err != nil {
		t.Fatal(err)
	}
	var inv map[string]any
	if err := json.Unmarshal(files[hook.InvokeConfigName], &inv); err != nil {
		t.Fatal(err)
	}
	if inv["events"] != hook.Dir+"/"+hook.EventsName || inv["handler"] != "index.handler" {
		t.Errorf("invoke config = %s", files[hook.InvokeConfigName])
	}
	if string(files[hook.EventsName]) != `[{"name":"a","payload":{}},{"name":"b","payload":{"x":1}}]` {
		t.Errorf("events = %s", files[hook.EventsName])
	}
	if evs[0].Payload != nil {
		t.Error("ConfigFiles changed its argument")
	}
	if string(files[hook.HookConfigName]) != `{"timer_budget_ms":1000}` {
		t.Errorf("hook config = %s", files[hook.HookConfigName])
	}
}
