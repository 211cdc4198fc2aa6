package hook_test

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/depbox/depbox/internal/hook"
)

func testKey() hook.Key {
	k, _ := hex.DecodeString(strings.Repeat("5a", 32))
	return k
}

func TestProof(t *testing.T) {
	k := testKey()
	rec := hook.Record{Kind: "fs", Op: "read", Pkg: "node_modules/a", Detail: map[string]any{"path": "/home/sbx_user/.aws/credentials"}, Seq: 7}
	sealed := k.Seal(rec)
	other := hook.Key(bytes.Repeat([]byte{1}, 32))
	// The genuine proof on a record naming someone else.
	m0, _ := hook.DecodeMarker(sealed)
	altered := strings.Replace(string(m0.Body), `"p":"node_modules/a",`, "", 1)
	altered = hook.MarkerDir + base64.RawURLEncoding.EncodeToString([]byte(altered[:len(altered)-1]+`,"m":"`+m0.Proof+`"}`))
	tests := []struct {
		name string
		path string
		key  hook.Key
		ok   bool // decodes
		good bool // verifies
	}{
		{"sealed", sealed, k, true, true},
		{"another key", sealed, other, true, false},
		{"no proof", hook.Encode(rec), k, true, false},
		{"altered claim", altered, k, true, false},
		{"not a marker", "/tmp/x", k, false, false},
		{"garbage", hook.MarkerDir + "!!!", k, false, false},
		{"no key", sealed, nil, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, ok := hook.DecodeMarker(tt.path)
			if ok != tt.ok {
				t.Fatalf("DecodeMarker ok = %v, want %v", ok, tt.ok)
			}
			if !ok {
				return
			}
			if got := tt.key.Verify(m); got != tt.good {
				t.Errorf("Verify = %v, want %v (proof %q, body %s)", got, tt.good, m.Proof, m.Body)
			}
		})
	}
	// The body the proof covers is the record without "m", byte for byte;
	// Decode still reads a sealed record.
	m, _ := hook.DecodeMarker(sealed)
	if bytes.Contains(m.Body, []byte(`"m":`)) || m.Record.Pkg != "node_modules/a" || m.Record.Seq != 7 {
		t.Errorf("decoded %+v, body %s", m.Record, m.Body)
	}
	if r, ok := hook.Decode(sealed); !ok || r.Kind != "fs" {
		t.Errorf("Decode of a sealed marker: %+v %v", r, ok)
	}
}

// TestProofMatchesHook checks the Go side against a record hook.js itself
// sealed and its hash of a forged path (values from a run of hook.js under
// node 20 with the key it announced).
func TestProofMatchesHook(t *testing.T) {
	k, _ := hex.DecodeString("a8d42cbf3ac9a9a3b01e4d71192ed388b66a213cf0c845b53c7471136886e9d0")
	const path = hook.MarkerDir + "eyJrIjoiZnMiLCJvIjoicmVhZCIsInMiOjIsImMiOlsiIl0sImQiOnsiYXBpIjoicmVhZEZpbGVTeW5jIiwicGF0aCI6Ii9ldGMvaG9zdG5hbWUifSwibSI6ImEyM2UzMzMxYzI1NWUxMDQzYWUyMWU2OGE4MmZjOTYwIn0"
	m, ok := hook.DecodeMarker(path)
	if !ok || !hook.Key(k).Verify(m) {
		t.Fatalf("the hook's record does not verify: %v %+v", ok, m)
	}
	if got := hook.MarkerHash("/__depbox__/forgedxyz"); got != "e413eaa9200d5bb6" {
		t.Errorf("MarkerHash = %s, want the hook's e413eaa9200d5bb6", got)
	}
}

func TestKeyOf(t *testing.T) {
	ann := hook.Record{Kind: hook.KindKey, Op: hook.OpAnnounce, Seq: 1, Detail: map[string]any{"key": strings.Repeat("5a", 32)}}
	if k, ok := hook.KeyOf(ann); !ok || !bytes.Equal(k, testKey()) {
		t.Errorf("KeyOf = %x %v", k, ok)
	}
	for _, d := range []map[string]any{{"key": "5a"}, {"key": strings.Repeat("zz", 32)}, {}} {
		if _, ok := hook.KeyOf(hook.Record{Kind: hook.KindKey, Op: hook.OpAnnounce, Detail: d}); ok {
			t.Errorf("KeyOf accepted %v", d)
		}
	}
}
