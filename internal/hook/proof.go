package hook

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"strings"
)

// Proof. The hook draws a key for each process when it starts, before any
// other code of the process ran, and announces it in the process's first
// record (Kind KindKey, Op OpAnnounce, Detail "key": 64 hex digits), opened
// with AnnounceFlags. Every later record ends in "m": the first 16 bytes,
// in hex, of HMAC-SHA256(key, the record's JSON before "m"). The profiler
// accepts an announcement only where the hook is sure to have run first
// (profiler.trusted) and checks every other record against it; a marker
// without a valid proof explains nothing (docs/hook.md, "Proof").
const (
	KindKey    = "key"
	OpAnnounce = "announce"
	// proofLen is the proof's length in hex digits.
	proofLen = 32
)

// proofSuffix precedes the proof at the end of a record's JSON.
const proofSuffix = `,"m":"`

// Marker is a decoded marker path.
type Marker struct {
	Record Record
	// Body is the record's JSON as the hook wrote it, without its proof:
	// what the proof covers.
	Body []byte
	// Proof is the record's "m" in hex; "" when it carries none.
	Proof string
}

// DecodeMarker decodes a marker path, keeping what its proof covers. It
// returns false for paths that are not well-formed markers.
func DecodeMarker(path string) (Marker, bool) {
	rest, ok := strings.CutPrefix(path, MarkerDir)
	if !ok || rest == "" || len(path) > 4096 {
		return Marker{}, false
	}
	raw, err := base64.RawURLEncoding.DecodeString(strings.ReplaceAll(rest, "/", ""))
	if err != nil {
		return Marker{}, false
	}
	var r Record
	if err := json.Unmarshal(raw, &r); err != nil || r.Kind == "" || r.Op == "" {
		return Marker{}, false
	}
	m := Marker{Record: r, Body: raw}
	// {…,"m":"<32 hex>"}: the body is {…}.
	if n := len(raw) - len(proofSuffix) - proofLen - 2; n > 0 && bytes.HasSuffix(raw, []byte(`"}`)) &&
		string(raw[n:n+len(proofSuffix)]) == proofSuffix {
		proof := string(raw[n+len(proofSuffix) : len(raw)-2])
		if _, err := hex.DecodeString(proof); err == nil {
			m.Proof = proof
			m.Body = append(raw[:n:n], '}')
		}
	}
	return m, true
}

// Key is a process's proof key.
type Key []byte

// KeyOf returns the key an announcement record carries.
func KeyOf(r Record) (Key, bool) {
	if r.Kind != KindKey || r.Op != OpAnnounce {
		return nil, false
	}
	s, _ := r.Detail["key"].(string)
	k, err := hex.DecodeString(s)
	if err != nil || len(k) != 32 {
		return nil, false
	}
	return k, true
}

// Verify reports whether m carries the proof k gives its body.
func (k Key) Verify(m Marker) bool {
	if len(k) == 0 || len(m.Proof) != proofLen {
		return false
	}
	want, err := hex.DecodeString(m.Proof)
	if err != nil {
		return false
	}
	return hmac.Equal(k.proof(m.Body), want)
}

func (k Key) proof(body []byte) []byte {
	mac := hmac.New(sha256.New, k)
	mac.Write(body)
	return mac.Sum(nil)[:proofLen/2]
}

// Seal returns the marker path of r with k's proof, as the hook writes it
// (for tests and tools).
func (k Key) Seal(r Record) string {
	body, _ := json.Marshal(r)
	sealed := append(body[:len(body)-1:len(body)-1], proofSuffix+hex.EncodeToString(k.proof(body))+`"}`...)
	return encodePath(sealed)
}

// MarkerHash names a marker path in the hook's tamper/forge records: the
// first 8 bytes of its SHA-256, in hex. It pairs a forged marker with the
// record of who opened it.
func MarkerHash(path string) string {
	h := sha256.Sum256([]byte(path))
	return hex.EncodeToString(h[:8])
}
