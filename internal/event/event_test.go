package event

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"flag"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// goldenSeed is the seed the golden files are generated with.
const goldenSeed = 1

func TestGolden(t *testing.T) {
	for _, name := range SourceNames() {
		t.Run(name, func(t *testing.T) {
			ev, err := Show(name, VariantDefault, goldenSeed)
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := json.Indent(&got, ev.Payload, "", "  "); err != nil {
				t.Fatal(err)
			}
			got.WriteByte('\n')
			path := filepath.Join("testdata", "golden", name+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/event/ -run TestGolden -update)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("%s differs from %s; if the change is intended, run go test ./internal/event/ -run TestGolden -update and review the diff\n%s", ev.Name, path, firstDiff(got.String(), string(want)))
			}
		})
	}
}

func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return "line " + itoa(i+1) + ":\n got " + g[i] + "\nwant " + w[i]
		}
	}
	return "lengths differ: got " + itoa(len(g)) + " lines, want " + itoa(len(w))
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

func TestDeterministic(t *testing.T) {
	for _, seed := range []int64{0, 1, -7, 1 << 40} {
		a, err := Generate(Options{Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		b, err := Generate(Options{Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		if len(a) != len(b) {
			t.Fatalf("seed %d: %d events, then %d", seed, len(a), len(b))
		}
		for i := range a {
			if a[i].Name != b[i].Name || !bytes.Equal(a[i].Payload, b[i].Payload) {
				t.Errorf("seed %d: %s differs between runs", seed, a[i].Name)
			}
			// An event does not depend on which others were asked for.
			one, err := Show(a[i].Source, a[i].Variant, seed)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(one.Payload, a[i].Payload) {
				t.Errorf("seed %d: Show(%s) differs from Generate", seed, a[i].Name)
			}
		}
	}
	x, _ := Show("s3", "", 1)
	y, _ := Show("s3", "", 2)
	if bytes.Equal(x.Payload, y.Payload) {
		t.Error("seeds 1 and 2 give the same s3 event")
	}
	if AccountID(1) != AccountID(1) || len(AccountID(3)) != 12 {
		t.Errorf("AccountID: %q", AccountID(3))
	}
	if !Epoch(5).Equal(Epoch(5)) || Epoch(5).Equal(Epoch(6)) {
		t.Error("Epoch is not a function of the seed")
	}
}

func TestSources(t *testing.T) {
	srcs := Sources()
	names := map[string]string{}
	for i, s := range srcs {
		if i > 0 && srcs[i-1].Name >= s.Name {
			t.Errorf("sources not sorted: %s before %s", srcs[i-1].Name, s.Name)
		}
		if s.Description == "" || len(s.Variants) == 0 || s.Variants[0] != VariantDefault {
			t.Errorf("%s: incomplete %+v", s.Name, s)
		}
		for _, n := range append([]string{s.Name}, s.Aliases...) {
			if other, dup := names[n]; dup {
				t.Errorf("name %q used by %s and %s", n, other, s.Name)
			}
			names[n] = s.Name
			got, err := CanonicalSource(strings.ToUpper(n))
			if err != nil || got != s.Name {
				t.Errorf("CanonicalSource(%q) = %q, %v", n, got, err)
			}
		}
	}
	for _, want := range []string{"apigw-v1", "apigw-v2", "alb", "function-url", "s3", "sqs", "sns", "dynamodb", "kinesis", "eventbridge", "schedule", "cognito-pre-signup"} {
		if _, ok := names[want]; !ok {
			t.Errorf("missing source %s", want)
		}
	}
	for alias, want := range map[string]string{"apigw": "apigw-v1", "http-api": "apigw-v2", "cognito": "cognito-pre-signup", "cron": "schedule"} {
		if names[alias] != want {
			t.Errorf("alias %s -> %s, want %s", alias, names[alias], want)
		}
	}
	for _, s := range DefaultSet() {
		if _, ok := names[s]; !ok {
			t.Errorf("default set names unknown source %s", s)
		}
	}
}

func TestGenerateOptions(t *testing.T) {
	tests := []struct {
		name    string
		opts    Options
		want    []string // event names
		wantErr string
	}{
		{name: "alias and variant", opts: Options{Sources: []string{"http-api"}, Variants: []string{"sql"}}, want: []string{"apigw-v2/sql"}},
		{name: "dedup and order", opts: Options{Sources: []string{"sqs", "s3", "S3"}, Variants: []string{"unicode", "default"}}, want: []string{"s3/default", "s3/unicode", "sqs/default", "sqs/unicode"}},
		{name: "schedule has no injections", opts: Options{Sources: []string{"schedule"}}, want: []string{"schedule/default"}},
		{name: "variant a source lacks", opts: Options{Sources: []string{"cron"}, Variants: []string{"sql"}}, want: nil},
		{name: "unknown source", opts: Options{Sources: []string{"kafka"}}, wantErr: `unknown event source "kafka" (valid: alb, apigw-v1,`},
		{name: "unknown variant", opts: Options{Variants: []string{"xss"}}, wantErr: `unknown event variant "xss" (valid: default, sql, shell, path-traversal, proto-pollution, oversized, unicode)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs, err := Generate(tt.opts)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
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
	all, err := Generate(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := (len(registry)-1)*len(allVariants) + 1; len(all) != want {
		t.Errorf("all events: %d, want %d", len(all), want)
	}
	if _, err := Show("schedule", "sql", 0); err == nil || !strings.Contains(err.Error(), "valid: default") {
		t.Errorf("Show(schedule, sql): %v", err)
	}
	if ev, err := Show("apigw", "", 0); err != nil || ev.Name != "apigw-v1/default" {
		t.Errorf("Show(apigw): %v %v", ev.Name, err)
	}
}

var (
	hostRE  = regexp.MustCompile(`(?i)[a-z0-9][a-z0-9.-]*\.(?:com|org|net|aws|io|dev|info)\b`)
	ipv4RE  = regexp.MustCompile(`\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b`)
	credRE  = regexp.MustCompile(`(?:AKIA|ASIA)[A-Z0-9]{16}|-----BEGIN|(?i)secret_?access|password`)
	docNet  = []netip.Prefix{netip.MustParsePrefix("192.0.2.0/24"), netip.MustParsePrefix("198.51.100.0/24"), netip.MustParsePrefix("203.0.113.0/24")}
	okHosts = []string{"example.com", "example.org", "amazonaws.com", "on.aws", "cloudfront.net"}
)

// TestHygiene checks every event of several seeds: valid JSON no larger
// than MaxSynthetic, no NUL, hosts only under example.com, example.org or
// AWS service domains, addresses only from the documentation ranges, and
// nothing shaped like a credential.
func TestHygiene(t *testing.T) {
	for _, seed := range []int64{0, 1, 99} {
		evs, err := Generate(Options{Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		for _, ev := range evs {
			p := ev.Payload
			if ev.Name != ev.Source+"/"+ev.Variant {
				t.Errorf("name %q", ev.Name)
			}
			if !json.Valid(p) || !utf8.Valid(p) {
				t.Errorf("%s: invalid JSON", ev.Name)
			}
			if len(p) > MaxSynthetic {
				t.Errorf("%s: %d bytes, more than %d", ev.Name, len(p), MaxSynthetic)
			}
			text := squeeze(strings.Join(eventStrings(t, p), "\n"))
			if strings.ContainsRune(text, 0) || bytes.Contains(p, []byte(`\u0000`)) {
				t.Errorf("%s: contains NUL", ev.Name)
			}
			for _, h := range hostRE.FindAllString(text, -1) {
				h = strings.ToLower(h)
				if !slices.ContainsFunc(okHosts, func(ok string) bool { return h == ok || strings.HasSuffix(h, "."+ok) }) {
					t.Errorf("%s: host %q", ev.Name, h)
				}
			}
			for _, a := range ipv4RE.FindAllString(text, -1) {
				ip, err := netip.ParseAddr(a)
				if err != nil || !slices.ContainsFunc(docNet, func(n netip.Prefix) bool { return n.Contains(ip) }) {
					t.Errorf("%s: address %q outside the documentation ranges", ev.Name, a)
				}
			}
			if m := credRE.FindString(text); m != "" {
				t.Errorf("%s: credential-like %q", ev.Name, m)
			}
		}
	}
}

// squeeze shortens runs of one byte to 16, so that the regular expressions
// need not crawl through the oversized padding.
func squeeze(s string) string {
	var b strings.Builder
	run := 0
	for i := range len(s) {
		if i > 0 && s[i] == s[i-1] {
			run++
		} else {
			run = 0
		}
		if run < 16 {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// eventStrings returns every string in an event, plus its URL- and
// base64-decoded forms where those are text.
func eventStrings(t *testing.T, p []byte) []string {
	t.Helper()
	var v any
	if err := json.Unmarshal(p, &v); err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				out = append(out, k)
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		case string:
			out = append(out, x)
			if u, err := url.QueryUnescape(x); err == nil && u != x {
				out = append(out, u)
			}
			if b, err := base64.StdEncoding.DecodeString(x); err == nil && len(b) > 0 && utf8.Valid(b) && !bytes.ContainsRune(b, 0) {
				out = append(out, string(b))
				out = append(out, eventStringsMaybeJSON(b)...)
			}
			if strings.HasPrefix(x, "{") {
				out = append(out, eventStringsMaybeJSON([]byte(x))...)
			}
		}
	}
	walk(v)
	return out
}

// eventStringsMaybeJSON returns the strings in b if it is a JSON document
// (a message body inside an event).
func eventStringsMaybeJSON(b []byte) []string {
	var v any
	if json.Unmarshal(b, &v) != nil {
		return nil
	}
	var out []string
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				out = append(out, k)
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		case string:
			out = append(out, x)
		}
	}
	walk(v)
	return out
}

// TestVariantsCarryTheirPayload checks each injection variant differs from
// the default and really contains its payload somewhere an outsider
// controls.
func TestVariantsCarryTheirPayload(t *testing.T) {
	marker := map[string]func(s string) bool{
		VariantSQL:            func(s string) bool { return strings.Contains(s, "DROP TABLE users") },
		VariantShell:          func(s string) bool { return strings.Contains(s, "$(id)") },
		VariantPathTraversal:  func(s string) bool { return strings.Contains(s, "../../../../etc/passwd") },
		VariantProtoPollution: func(s string) bool { return strings.Contains(s, "__proto__") },
		VariantOversized:      func(s string) bool { return strings.Contains(s, strings.Repeat("A", 1000)) },
		VariantUnicode:        func(s string) bool { return strings.Contains(s, "\u202e") && strings.Contains(s, "\u200b") },
	}
	for _, src := range Sources() {
		def, err := Show(src.Name, VariantDefault, 3)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range eventStrings(t, def.Payload) {
			for v, m := range marker {
				if m(s) {
					t.Errorf("%s/default already contains the %s payload in %.60q", src.Name, v, s)
				}
			}
		}
		for _, v := range src.Variants[1:] {
			ev, err := Show(src.Name, v, 3)
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Equal(ev.Payload, def.Payload) {
				t.Errorf("%s: same as default", ev.Name)
			}
			if !slices.ContainsFunc(eventStrings(t, ev.Payload), marker[v]) {
				t.Errorf("%s: payload not found", ev.Name)
			}
		}
	}
}

func TestRemovePath(t *testing.T) {
	tests := []struct {
		in   string
		path []string
		want string
	}{
		{`{"a":1,"b":{"c":2,"d":3},"e":4}`, []string{"b", "c"}, `{"a":1,"b":{"d":3},"e":4}`},
		{`{"R":[{"k":1,"x":2},{"k":3}]}`, []string{"R", "*", "x"}, `{"R":[{"k":1},{"k":3}]}`},
		{`{"a":1}`, []string{"missing"}, `{"a":1}`},
		{`{"a<b":"x&y","z":[]}`, []string{"z"}, `{"a<b":"x&y"}`},
	}
	for _, tt := range tests {
		got, err := removePath([]byte(tt.in), tt.path)
		if err != nil || string(got) != tt.want {
			t.Errorf("removePath(%s, %v) = %s, %v; want %s", tt.in, tt.path, got, err, tt.want)
		}
	}
}

func TestSQSAttributesMD5(t *testing.T) {
	// Checksums SQS returns for these attributes, as published with other
	// SQS implementations' tests.
	tests := []struct {
		attrs []sqsAttribute
		want  string
	}{
		{[]sqsAttribute{{name: "timestamp", dataType: "Number", str: "1493147359900"}}, "235c5c510d26fb653d073faed50ae77c"},
		{[]sqsAttribute{{name: "SellerName", dataType: "String", str: "Example Store"}}, "cd28f3b68aeee4b2eac9c66f2f694b58"},
		{[]sqsAttribute{{name: "ordinal", dataType: "Number", str: "1"}, {name: "category", dataType: "String", str: "test"}}, "d21ae90c49061e927f57df5f5d72be1f"},
	}
	for _, tt := range tests {
		if got := sqsAttributesMD5(tt.attrs); got != tt.want {
			t.Errorf("%+v: got %s, want %s", tt.attrs, got, tt.want)
		}
	}
}
