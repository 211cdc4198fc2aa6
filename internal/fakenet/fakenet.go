// Package fakenet is the sandbox's fake internet: a DNS sinkhole that
// answers every name with a loopback address standing for that name, and TCP
// sinkholes on common ports that record the first bytes a client sends (the
// HTTP request line, Host and body; the TLS SNI). It runs inside the
// sandbox, in depbox's runner, where --network=none leaves only loopback:
// nothing it does reaches outside.
package fakenet

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Ports the TCP sinkholes listen on: web, mail, file transfer and database
// ports, and the ones reverse shells and stealers' raw TCP channels use
// (4444, 1337, 9001, …), so that what such a connection sends is recorded
// instead of refused.
var Ports = []int{80, 443, 8080, 8443, 3000, 5000, 8000, 8888, 9000, 21, 22, 25, 587, 3306, 5432, 6379, 27017,
	1234, 1337, 2222, 4443, 4444, 5555, 6666, 6667, 7777, 8081, 9001, 9999, 12345, 31337}

// Record is one thing the fake internet saw.
type Record struct {
	// Kind is "dns" or "tcp".
	Kind string `json:"kind"`
	// TimeNS is the wall time (inside the sandbox) it was seen.
	TimeNS int64 `json:"time_ns"`
	// Name is the DNS name asked for, or the name the TCP peer address stands for.
	Name string `json:"name,omitempty"`
	// Type is the DNS query type (A, AAAA, TXT...).
	Type string `json:"type,omitempty"`
	// Address is the sinkhole address a DNS answer gave, or the one a TCP
	// client reached; Port the TCP port.
	Address string `json:"address,omitempty"`
	Port    int    `json:"port,omitempty"`
	// ClientPort is the TCP client's source port.
	ClientPort int `json:"client_port,omitempty"`
	// Request is the HTTP request line; Host its Host header; SNI the TLS
	// server name.
	Request string `json:"request,omitempty"`
	Host    string `json:"host,omitempty"`
	SNI     string `json:"sni,omitempty"`
	// Data is the first bytes the client sent (at most MaxData).
	Data []byte `json:"data,omitempty"`
	// Phase is set by the reader: the phase of the sandbox run it came from.
	Phase string `json:"phase,omitempty"`
}

// MaxData bounds the bytes kept per TCP connection.
const MaxData = 64 << 10

// World is a running fake internet.
type World struct {
	// DNSAddr and TCPPorts are where it listens.
	DNSAddr  string
	TCPPorts []int

	cloud  *Cloud
	marker string
	geo    *Geo
	issuer *issuer

	mu      sync.Mutex
	names   map[string]netip.Addr // name → sinkhole address
	addrs   map[netip.Addr]string // sinkhole address → name
	out     io.Writer
	closers []io.Closer
	wg      sync.WaitGroup
	errs    []error
}

// Config says where the sinkholes listen. The zero value is the sandbox's
// fake internet: DNS on port 53 and TCP on every port in Ports, of every
// address (the resolver's 127.0.0.1, and with AddOutside a public server's
// address given by the code too).
type Config struct {
	DNSAddr string // default "0.0.0.0:53"
	TCPHost string // default "0.0.0.0"
	Ports   []int  // default Ports; 0 picks a free port (tests)
	// Cloud, when set, answers HTTP to the cloud's link-local endpoints
	// (IMDSAddr, ContainerAddr) with its credentials. Connections reach
	// them only once those addresses exist (AddLinkLocal).
	Cloud *Cloud
	// Marker goes into the body of every other HTTP answer, so that code
	// that fetches a payload and runs it carries the marker into what it
	// evaluates (remote code evaluation).
	Marker string
	// Geo, when set, is where the sandbox is in this world: every other
	// HTTP answer also carries the fields geolocation and IP-lookup
	// services answer with, naming its country (a world variant).
	Geo *Geo
	// TLS, when set, terminates TLS with certificates its authority
	// issues (see TLS).
	TLS *TLS
}

// Start starts the DNS sinkhole and the TCP sinkholes, writing a JSON line
// per Record to out. Ports that cannot be bound are reported in the error
// but do not stop the others.
func Start(ctx context.Context, cfg Config, out io.Writer) (*World, error) {
	if cfg.DNSAddr == "" {
		cfg.DNSAddr = "0.0.0.0:53"
	}
	if cfg.TCPHost == "" {
		cfg.TCPHost = "0.0.0.0"
	}
	if cfg.Ports == nil {
		cfg.Ports = Ports
	}
	w := &World{names: map[string]netip.Addr{}, addrs: map[netip.Addr]string{}, out: out, cloud: cfg.Cloud, marker: cfg.Marker, geo: cfg.Geo}
	if cfg.TLS != nil {
		is, err := cfg.TLS.issuer()
		if err != nil {
			return nil, err
		}
		w.issuer = is
	}
	pc, err := net.ListenPacket("udp", cfg.DNSAddr)
	if err != nil {
		return nil, fmt.Errorf("starting the DNS sinkhole: %w", err)
	}
	w.closers = append(w.closers, pc)
	w.wg.Add(1)
	go w.serveDNS(pc)
	var errs []error
	w.DNSAddr = pc.LocalAddr().String()
	for _, port := range cfg.Ports {
		ln, err := net.Listen("tcp", net.JoinHostPort(cfg.TCPHost, strconv.Itoa(port)))
		if err != nil {
			errs = append(errs, fmt.Errorf("sinkhole port %d: %w", port, err))
			continue
		}
		w.closers = append(w.closers, ln)
		port = ln.Addr().(*net.TCPAddr).Port
		w.TCPPorts = append(w.TCPPorts, port)
		w.wg.Add(1)
		go w.serveTCP(ln, port)
	}
	go func() {
		<-ctx.Done()
		w.Close()
	}()
	return w, errors.Join(errs...)
}

// Close stops every sinkhole and waits for them.
func (w *World) Close() error {
	w.mu.Lock()
	cs := w.closers
	w.closers = nil
	w.mu.Unlock()
	for _, c := range cs {
		c.Close()
	}
	w.wg.Wait()
	w.mu.Lock()
	defer w.mu.Unlock()
	return errors.Join(w.errs...)
}

// AddressFor returns the loopback address that stands for name: 127.77.x.y
// from a hash of the name, probing on collision, so that the same names get
// the same addresses run after run.
func (w *World) AddressFor(name string) netip.Addr {
	w.mu.Lock()
	defer w.mu.Unlock()
	if a, ok := w.names[name]; ok {
		return a
	}
	h := fnv.New32a()
	h.Write([]byte(name))
	n := h.Sum32() & 0xffff
	for {
		a := netip.AddrFrom4([4]byte{127, 77, byte(n >> 8), byte(n)})
		if n&0xff != 0 && n&0xff != 255 {
			if _, taken := w.addrs[a]; !taken {
				w.names[name], w.addrs[a] = a, name
				return a
			}
		}
		n = (n + 1) & 0xffff
	}
}

// NameFor returns the name a sinkhole address stands for.
func (w *World) NameFor(a netip.Addr) (string, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	n, ok := w.addrs[a]
	return n, ok
}

func (w *World) emit(r Record) {
	r.TimeNS = time.Now().UnixNano()
	b, err := json.Marshal(r)
	if err != nil {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if _, err := w.out.Write(append(b, '\n')); err != nil {
		w.errs = append(w.errs, err)
	}
}

func (w *World) serveDNS(pc net.PacketConn) {
	defer w.wg.Done()
	buf := make([]byte, 4096)
	for {
		n, from, err := pc.ReadFrom(buf)
		if err != nil {
			return
		}
		q, err := parseQuery(buf[:n])
		if err != nil {
			continue
		}
		addr := w.AddressFor(q.name)
		w.emit(Record{Kind: "dns", Name: q.name, Type: typeName(q.qtype), Address: addr.String()})
		resp := answer(q, addr)
		_, _ = pc.WriteTo(resp, from)
	}
}

func (w *World) serveTCP(ln net.Listener, port int) {
	defer w.wg.Done()
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		w.wg.Add(1)
		go func() {
			defer w.wg.Done()
			w.handle(c, port)
		}()
	}
}

// handle reads what the client sends first and answers like a server that
// accepts everything: a 200 for HTTP (with the cloud's answers on its
// endpoints); for TLS, with an authority (Config.TLS) the same as HTTP
// inside once the handshake is done; without one, or when the client does
// not trust it, nothing (only the ClientHello is recorded, with its SNI).
func (w *World) handle(c net.Conn, port int) {
	defer c.Close()
	r := Record{Kind: "tcp", Port: port}
	var local netip.Addr
	if la, ok := c.LocalAddr().(*net.TCPAddr); ok {
		local, _ = netip.AddrFromSlice(la.IP.To4())
		r.Address = local.String()
		r.Name, _ = w.NameFor(local)
	}
	if ra, ok := c.RemoteAddr().(*net.TCPAddr); ok {
		r.ClientPort = ra.Port
	}
	_ = c.SetDeadline(time.Now().Add(3 * time.Second))
	buf := make([]byte, MaxData)
	n := readFirst(c, buf, &r)
	if w.issuer != nil && n > 0 && buf[0] == tlsHandshake {
		tc, err := w.terminate(c, buf[:n])
		if err == nil {
			// What the client sends inside is recorded decrypted and
			// answered like plain HTTP.
			defer tc.Close()
			c = tc
			n = readFirst(c, buf, &r)
		}
	}
	r.Data = append([]byte(nil), buf[:n]...)
	w.emit(r)
	if r.Request == "" {
		return
	}
	w.answer(c, r, local)
}

// readFirst reads what the client sends first into buf, up to the end of
// an HTTP request's head (and its body, when short), a TLS ClientHello or
// bytes of another protocol, noting the request line, host and SNI in r.
func readFirst(c net.Conn, buf []byte, r *Record) int {
	n := 0
	for n < len(buf) {
		m, err := c.Read(buf[n:])
		n += m
		if err != nil {
			break
		}
		if req, host, done := parseHTTP(buf[:n]); req != "" {
			r.Request, r.Host = req, host
			if done {
				break
			}
		} else if sni, ok := parseSNI(buf[:n]); ok {
			r.SNI = sni
			break
		} else if n > 0 && buf[0] != tlsHandshake && !looksHTTP(buf[:n]) {
			break // some other protocol: keep what arrived
		}
	}
	return n
}

// answer answers an HTTP request: the cloud's endpoints as AWS does,
// anything else with a 200 carrying the marker (and, in a world with a
// location, where the sandbox is).
func (w *World) answer(c net.Conn, r Record, local netip.Addr) {
	answer := response{200, "application/json", "{}"}
	if w.marker != "" {
		answer.body = `{"id":"` + w.marker + `","status":"ok"}`
	}
	if w.geo != nil {
		answer.body = w.geo.answer(w.marker)
	}
	if w.cloud != nil {
		method, target, _ := strings.Cut(r.Request, " ")
		target, _, _ = strings.Cut(target, " ")
		if a, ok := w.cloud.serve(local, method, target, headers(r.Data)); ok {
			answer = a
		}
	}
	_, _ = fmt.Fprintf(c, "HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s",
		answer.status, http.StatusText(answer.status), answer.ctype, len(answer.body), answer.body)
}
