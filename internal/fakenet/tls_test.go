package fakenet

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"strings"
	"testing"
)

// TestTLSWorld: with an authority, the sinkhole completes the handshake for
// any name a client that trusts it asks for — and for the address it
// reached when it asks none (an address in the URL) —, records the request
// decrypted and answers it; in a world with a location, the answer names
// the country under the fields geolocation services use. A client that
// does not trust the authority still leaves only its SNI, and plain HTTP
// and other protocols on the same port are recorded as without TLS.
func TestTLSWorld(t *testing.T) {
	ca, err := NewTLS()
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(ca.CertPEM) {
		t.Fatal("the authority's certificate does not parse")
	}
	geo := &Geo{Country: "Russia", CountryCode: "RU", City: "Moscow", TimeZone: "Europe/Moscow", IP: "203.0.113.77"}
	for _, tc := range []struct {
		name string
		geo  *Geo
		// dial is what the client does: "tls" (trusting the authority),
		// "untrusted" (a TLS client that does not), "http" or "raw".
		dial, server string
		// wantSNI, wantRequest and wantData describe the record.
		wantSNI, wantRequest, wantData string
	}{
		{name: "geolocation lookup", geo: geo, dial: "tls", server: "api.ipgeolocation.invalid",
			wantSNI: "api.ipgeolocation.invalid", wantRequest: "POST /ipgeo HTTP/1.1", wantData: "apiKey=k"},
		{name: "stage fetch", dial: "tls", server: "stage.c2.invalid",
			wantSNI: "stage.c2.invalid", wantRequest: "POST /ipgeo HTTP/1.1", wantData: "apiKey=k"},
		{name: "address, no SNI", dial: "tls", server: "127.0.0.1",
			wantRequest: "POST /ipgeo HTTP/1.1", wantData: "apiKey=k"},
		{name: "untrusting client", dial: "untrusted", server: "other.invalid", wantSNI: "other.invalid"},
		{name: "plain HTTP", dial: "http", server: "plain.invalid", wantRequest: "POST /ipgeo HTTP/1.1", wantData: "apiKey=k"},
		{name: "other protocol", dial: "raw", server: "shell.invalid", wantData: "id; uname -a"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf syncBuf
			w, err := Start(context.Background(), Config{DNSAddr: "127.0.0.1:0", TCPHost: "127.0.0.1", Ports: []int{0}, TLS: ca, Geo: tc.geo, Marker: "mk"}, &buf)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { w.Close() })
			addr := fmt.Sprintf("127.0.0.1:%d", w.TCPPorts[0])
			var c net.Conn
			switch tc.dial {
			case "tls", "untrusted":
				cfg := &tls.Config{ServerName: tc.server}
				if tc.dial == "tls" {
					cfg.RootCAs = pool
				}
				tconn, terr := tls.Dial("tcp", addr, cfg)
				if tc.dial == "untrusted" {
					if terr == nil {
						tconn.Close()
						t.Fatal("a client that does not trust the authority completed the handshake")
					}
					break
				}
				c, err = tconn, terr
			default:
				c, err = net.Dial("tcp", addr)
			}
			if c != nil {
				if err != nil {
					t.Fatal(err)
				}
				if tc.dial == "raw" {
					fmt.Fprint(c, tc.wantData)
				} else {
					fmt.Fprintf(c, "POST /ipgeo HTTP/1.1\r\nHost: %s\r\nContent-Length: 8\r\n\r\napiKey=k", tc.server)
				}
				raw, err := io.ReadAll(c)
				c.Close()
				if err != nil {
					t.Fatal(err)
				}
				_, body, _ := bytes.Cut(raw, []byte("\r\n\r\n"))
				var got map[string]string
				switch {
				case tc.dial == "raw":
					if len(raw) != 0 {
						t.Errorf("answer %q to a protocol that is not HTTP", raw)
					}
				case !bytes.HasPrefix(raw, []byte("HTTP/1.1 200")) || json.Unmarshal(body, &got) != nil || got["id"] != "mk":
					t.Errorf("answer %q", raw)
				case tc.geo != nil && (got["country_name"] != "Russia" || got["countryCode"] != "RU"):
					t.Errorf("answer %q names no country", raw)
				}
			}
			w.Close()
			recs := buf.records(t)
			if len(recs) != 1 {
				t.Fatalf("records %+v, want 1", recs)
			}
			r := recs[0]
			if r.SNI != tc.wantSNI || r.Request != tc.wantRequest || !strings.Contains(string(r.Data), tc.wantData) {
				t.Errorf("record %+v (data %q), want SNI %q, request %q, data with %q", r, r.Data, tc.wantSNI, tc.wantRequest, tc.wantData)
			}
		})
	}
}

// BenchmarkRequest measures one request on a new connection to the
// sinkhole, in plain HTTP and over HTTPS (the handshake with a certificate
// issued for a new name each time, and for the same name): what
// answering HTTPS costs per connection, against HTTP in the same run.
func BenchmarkRequest(b *testing.B) {
	ca, err := NewTLS()
	if err != nil {
		b.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(ca.CertPEM)
	w, err := Start(context.Background(), Config{DNSAddr: "127.0.0.1:0", TCPHost: "127.0.0.1", Ports: []int{0}, TLS: ca, Marker: "mk"}, io.Discard)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { w.Close() })
	addr := fmt.Sprintf("127.0.0.1:%d", w.TCPPorts[0])
	request := func(b *testing.B, c net.Conn) {
		fmt.Fprint(c, "GET /stage HTTP/1.1\r\nHost: x.invalid\r\n\r\n")
		if _, err := io.ReadAll(c); err != nil {
			b.Fatal(err)
		}
		c.Close()
	}
	b.Run("http", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			c, err := net.Dial("tcp", addr)
			if err != nil {
				b.Fatal(err)
			}
			request(b, c)
		}
	})
	for _, tc := range []struct {
		name    string
		newName bool
	}{{"https-same-name", false}, {"https-new-name", true}} {
		b.Run(tc.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				name := "same.invalid"
				if tc.newName {
					name = fmt.Sprintf("n%d-%d.invalid", b.N, i)
				}
				c, err := tls.Dial("tcp", addr, &tls.Config{ServerName: name, RootCAs: pool})
				if err != nil {
					b.Fatal(err)
				}
				request(b, c)
			}
		})
	}
}
