package fakenet

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"
)

// TestTLSWorld: with an authority, the sinkhole completes the handshake for
// any name a client that trusts it asks for, records the request
// decrypted and answers it; in a world with a location, the answer names
// the country under the fields geolocation services use. A client that
// does not trust the authority still leaves only its SNI.
func TestTLSWorld(t *testing.T) {
	ca, err := NewTLS()
	if err != nil {
		t.Fatal(err)
	}
	var buf syncBuf
	geo := &Geo{Country: "Russia", CountryCode: "RU", City: "Moscow", TimeZone: "Europe/Moscow", IP: "203.0.113.77"}
	w, err := Start(context.Background(), Config{DNSAddr: "127.0.0.1:0", TCPHost: "127.0.0.1", Ports: []int{0}, TLS: ca, Geo: geo, Marker: "mk"}, &buf)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	addr := fmt.Sprintf("127.0.0.1:%d", w.TCPPorts[0])
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(ca.CertPEM) {
		t.Fatal("the authority's certificate does not parse")
	}
	for _, tc := range []struct {
		name    string
		trusted bool
	}{{"api.ipgeolocation.invalid", true}, {"other.invalid", false}} {
		cfg := &tls.Config{ServerName: tc.name}
		if tc.trusted {
			cfg.RootCAs = pool
		}
		c, err := tls.Dial("tcp", addr, cfg)
		if !tc.trusted {
			if err == nil {
				c.Close()
				t.Errorf("%s: a client that does not trust the authority completed the handshake", tc.name)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		fmt.Fprintf(c, "GET /ipgeo?apiKey=k HTTP/1.1\r\nHost: %s\r\n\r\n", tc.name)
		raw, err := io.ReadAll(c)
		c.Close()
		if err != nil {
			t.Fatal(err)
		}
		_, body, _ := bytes.Cut(raw, []byte("\r\n\r\n"))
		var got map[string]string
		if !bytes.HasPrefix(raw, []byte("HTTP/1.1 200")) || json.Unmarshal(body, &got) != nil ||
			got["country_name"] != "Russia" || got["countryCode"] != "RU" || got["id"] != "mk" {
			t.Errorf("%s: answer %q", tc.name, raw)
		}
	}
	w.Close()
	recs := buf.records(t)
	if len(recs) != 2 {
		t.Fatalf("records %+v, want 2", recs)
	}
	for _, r := range recs {
		switch r.SNI {
		case "api.ipgeolocation.invalid":
			if r.Request != "GET /ipgeo?apiKey=k HTTP/1.1" || r.Host != "api.ipgeolocation.invalid" || !strings.Contains(string(r.Data), "apiKey=k") {
				t.Errorf("the terminated connection's record: %+v", r)
			}
		case "other.invalid":
			if r.Request != "" {
				t.Errorf("the untrusted connection's record has a request: %+v", r)
			}
		default:
			t.Errorf("record %+v", r)
		}
	}
}
