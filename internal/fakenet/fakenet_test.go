package fakenet

import (
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/netip"
	"strings"
	"sync"
	"testing"
	"time"
)

type syncBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuf) Write(p []byte) (int, error) { s.mu.Lock(); defer s.mu.Unlock(); return s.b.Write(p) }
func (s *syncBuf) records(t *testing.T) []Record {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Record
	sc := bufio.NewScanner(bytes.NewReader(s.b.Bytes()))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	return out
}

// start runs the world on loopback only, on free ports.
func start(t *testing.T) (*World, *syncBuf) {
	t.Helper()
	var buf syncBuf
	w, err := Start(context.Background(), Config{DNSAddr: "127.0.0.1:0", TCPHost: "127.0.0.1", Ports: []int{0, 0}}, &buf)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w, &buf
}

func TestDNSSinkhole(t *testing.T) {
	w, buf := start(t)
	r := &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, _, _ string) (net.Conn, error) {
		return net.Dial("udp", w.DNSAddr)
	}}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	ips, err := r.LookupIP(ctx, "ip4", "c2.exfil.invalid")
	if err != nil {
		t.Fatal(err)
	}
	want := w.AddressFor("c2.exfil.invalid")
	if len(ips) != 1 || ips[0].String() != want.String() {
		t.Fatalf("answer %v, want %v", ips, want)
	}
	if !strings.HasPrefix(want.String(), "127.77.") {
		t.Errorf("sinkhole address %v is not in 127.77.0.0/16", want)
	}
	if n, ok := w.NameFor(want); !ok || n != "c2.exfil.invalid" {
		t.Errorf("NameFor(%v) = %q %v", want, n, ok)
	}
	recs := buf.records(t)
	if len(recs) == 0 || recs[0].Kind != "dns" || recs[0].Name != "c2.exfil.invalid" || recs[0].Type != "A" {
		t.Errorf("records %+v", recs)
	}
}

func TestAddressesAreStableAndDistinct(t *testing.T) {
	w, _ := start(t)
	seen := map[netip.Addr]string{}
	for i := 0; i < 2000; i++ {
		n := fmt.Sprintf("h%d.example.com", i)
		a := w.AddressFor(n)
		if prev, ok := seen[a]; ok {
			t.Fatalf("%s and %s share %v", prev, n, a)
		}
		seen[a] = n
		if w.AddressFor(n) != a {
			t.Fatal("address changed for the same name")
		}
	}
}

func TestHTTPSinkhole(t *testing.T) {
	w, buf := start(t)
	c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", w.TCPPorts[0]))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	body := "secret=AKIAFAKEFAKEFAKE"
	fmt.Fprintf(c, "POST /collect HTTP/1.1\r\nHost: exfil.invalid\r\nContent-Length: %d\r\n\r\n%s", len(body), body)
	resp, err := io.ReadAll(c)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(resp), "HTTP/1.1 200 OK") {
		t.Errorf("response %q", resp)
	}
	w.Close()
	recs := buf.records(t)
	if len(recs) != 1 || recs[0].Request != "POST /collect HTTP/1.1" || recs[0].Host != "exfil.invalid" || !strings.HasSuffix(string(recs[0].Data), body) {
		t.Errorf("records %+v", recs)
	}
}

func TestTLSSinkholeRecordsSNI(t *testing.T) {
	w, buf := start(t)
	c, err := tls.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", w.TCPPorts[1]), &tls.Config{ServerName: "api.exfil.invalid"})
	if err == nil {
		c.Close()
		t.Fatal("the sinkhole cannot complete a TLS handshake")
	}
	w.Close()
	recs := buf.records(t)
	if len(recs) != 1 || recs[0].SNI != "api.exfil.invalid" {
		t.Errorf("records %+v", recs)
	}
}

func TestParseQueryRejectsGarbage(t *testing.T) {
	for _, b := range [][]byte{nil, make([]byte, 11), append(make([]byte, 12), 0xc0), {0, 1, 0x80, 0, 0, 1, 0, 0, 0, 0, 0, 0}} {
		if _, err := parseQuery(b); err == nil {
			t.Errorf("parseQuery(%x) accepted garbage", b)
		}
	}
}
