package hook

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// Fuzz tests of the marker paths a sandboxed process can open at will:
// decoding and the proof on them. Their seed corpora (testdata/fuzz/Fuzz*)
// run as ordinary tests; docs/testing.md says how to fuzz longer.

// FuzzDecode: any path, decoded both ways, gives the same record; a
// record that decodes encodes back to a path that decodes to it again.
func FuzzDecode(f *testing.F) {
	k := Key(bytes.Repeat([]byte{7}, 32))
	for _, s := range []string{
		Encode(Record{Kind: "env", Op: "get", Pkg: "node_modules/a", Seq: 2, Detail: map[string]any{"name": "HOME"}}),
		k.Seal(Record{Kind: "net", Op: "write", Pkg: "node_modules/a", Chain: []string{"", "node_modules/a"}, Seq: 3, Detail: map[string]any{"data_b64": "aGk=", "truncated": true}}),
		k.Seal(Record{Kind: "net", Op: "data", Seq: 4, Detail: map[string]any{"of": 3, "off": 2, "data_b64": "IQ=="}}),
		Encode(Record{Kind: KindKey, Op: OpAnnounce, Seq: 1, Detail: map[string]any{"key": strings.Repeat("ab", 32)}}),
		MarkerDir, MarkerDir + "garbage", MarkerDir + "e30", MarkerDir + "/a/b//c", "/tmp/x",
		MarkerDir + strings.Repeat("A", 5000),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, path string) {
		r, ok := Decode(path)
		m, mok := DecodeMarker(path)
		if ok != mok {
			t.Fatalf("Decode says %v, DecodeMarker %v", ok, mok)
		}
		if !ok {
			return
		}
		if !reflect.DeepEqual(r, m.Record) {
			t.Fatalf("Decode %+v, DecodeMarker %+v", r, m.Record)
		}
		_ = r.Data()
		_ = JoinData([]Record{r, r})
		KeyOf(r)
		again := Encode(r)
		if len(again) > 4096 {
			return // re-encoding may be longer (escapes); such paths are refused
		}
		r2, ok := Decode(again)
		if !ok {
			t.Fatalf("record %+v encodes to %q, which does not decode", r, again)
		}
		if !reflect.DeepEqual(mustJSON(t, r), mustJSON(t, r2)) {
			t.Fatalf("round trip changed the record: %s → %s", mustJSON(t, r), mustJSON(t, r2))
		}
	})
}

// FuzzProof: a record sealed with a key verifies under that key only, and
// any change to the marker's body breaks the proof.
func FuzzProof(f *testing.F) {
	f.Add([]byte(`{"k":"fs","o":"read","p":"node_modules/a","d":{"path":"/root/.aws/credentials"},"s":2}`), []byte("key"), uint(5))
	f.Add([]byte(`{"k":"child","o":"spawn","c":["","node_modules/b"],"d":{"argv":["sh","-c","id"],"m":"x"},"s":9,"t":1}`), bytes.Repeat([]byte{0xff}, 40), uint(0))
	f.Add([]byte(`{"k":"e","o":"o","s":1}`), []byte{}, uint(1000))
	f.Fuzz(func(t *testing.T, recJSON, keySeed []byte, flip uint) {
		var r Record
		if err := json.Unmarshal(recJSON, &r); err != nil || r.Kind == "" || r.Op == "" {
			return
		}
		k := make(Key, 32)
		copy(k, keySeed)
		path := k.Seal(r)
		if len(path) > 4096 {
			return
		}
		m, ok := DecodeMarker(path)
		if !ok {
			t.Fatalf("sealed record %s does not decode", recJSON)
		}
		if !k.Verify(m) {
			t.Fatalf("sealed record %s does not verify under its key", recJSON)
		}
		other := append(Key(nil), k...)
		other[0] ^= 1
		if other.Verify(m) {
			t.Fatalf("record verifies under another key")
		}
		// Change one byte of what the proof covers.
		body := append([]byte(nil), m.Body...)
		i := int(flip % uint(len(body)))
		body[i] ^= 0x20
		if k.Verify(Marker{Record: m.Record, Body: body, Proof: m.Proof}) {
			t.Fatalf("a changed body (byte %d) still verifies", i)
		}
	})
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
