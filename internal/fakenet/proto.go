package fakenet

import (
	"bytes"
	"encoding/binary"
	"errors"
	"net/netip"
	"strconv"
	"strings"
)

type query struct {
	id     uint16
	name   string
	qtype  uint16
	qclass uint16
	raw    []byte // the question section
	rd     bool
}

// parseQuery reads the first question of a DNS query.
func parseQuery(b []byte) (query, error) {
	var q query
	if len(b) < 12 {
		return q, errors.New("short DNS message")
	}
	q.id = binary.BigEndian.Uint16(b[0:2])
	q.rd = b[2]&1 != 0
	if b[2]&0x80 != 0 || binary.BigEndian.Uint16(b[4:6]) == 0 {
		return q, errors.New("not a query")
	}
	i := 12
	var labels []string
	for {
		if i >= len(b) {
			return q, errors.New("truncated name")
		}
		l := int(b[i])
		if l == 0 {
			i++
			break
		}
		if l&0xc0 != 0 || i+1+l > len(b) {
			return q, errors.New("bad label")
		}
		labels = append(labels, string(b[i+1:i+1+l]))
		i += 1 + l
	}
	if i+4 > len(b) {
		return q, errors.New("truncated question")
	}
	q.name = strings.ToLower(strings.Join(labels, "."))
	q.qtype = binary.BigEndian.Uint16(b[i : i+2])
	q.qclass = binary.BigEndian.Uint16(b[i+2 : i+4])
	q.raw = b[12 : i+4]
	return q, nil
}

// answer builds a response: an A record with addr for A queries, an empty
// NOERROR answer for every other type (so clients fall back to A).
func answer(q query, addr netip.Addr) []byte {
	var b bytes.Buffer
	flags := uint16(0x8180) // response, recursion desired+available, NOERROR
	if !q.rd {
		flags = 0x8080
	}
	ancount := uint16(0)
	if q.qtype == 1 && q.qclass == 1 {
		ancount = 1
	}
	_ = binary.Write(&b, binary.BigEndian, []uint16{q.id, flags, 1, ancount, 0, 0})
	b.Write(q.raw)
	if ancount == 1 {
		a := addr.As4()
		_ = binary.Write(&b, binary.BigEndian, []uint16{0xc00c, 1, 1})
		_ = binary.Write(&b, binary.BigEndian, uint32(60))
		_ = binary.Write(&b, binary.BigEndian, uint16(4))
		b.Write(a[:])
	}
	return b.Bytes()
}

var qtypes = map[uint16]string{1: "A", 2: "NS", 5: "CNAME", 6: "SOA", 12: "PTR", 15: "MX", 16: "TXT", 28: "AAAA", 33: "SRV", 65: "HTTPS", 255: "ANY"}

func typeName(t uint16) string {
	if n, ok := qtypes[t]; ok {
		return n
	}
	return "TYPE" + strconv.Itoa(int(t))
}

var methods = []string{"GET ", "POST ", "PUT ", "DELETE ", "HEAD ", "OPTIONS ", "PATCH ", "CONNECT "}

func looksHTTP(b []byte) bool {
	for _, m := range methods {
		if bytes.HasPrefix(b, []byte(m)) || bytes.HasPrefix([]byte(m), b) {
			return true
		}
	}
	return false
}

// parseHTTP returns the request line and Host header once the headers are
// complete, and whether the body (by Content-Length) has arrived too.
func parseHTTP(b []byte) (reqLine, host string, done bool) {
	if !looksHTTP(b) {
		return "", "", false
	}
	end := bytes.Index(b, []byte("\r\n\r\n"))
	if end < 0 {
		return "", "", false
	}
	lines := strings.Split(string(b[:end]), "\r\n")
	reqLine = lines[0]
	length := 0
	for _, l := range lines[1:] {
		k, v, ok := strings.Cut(l, ":")
		if !ok {
			continue
		}
		switch strings.ToLower(strings.TrimSpace(k)) {
		case "host":
			host = strings.TrimSpace(v)
		case "content-length":
			length, _ = strconv.Atoi(strings.TrimSpace(v))
		}
	}
	return reqLine, host, len(b)-end-4 >= length
}

// headers returns the header fields of an HTTP request, names lower-cased.
func headers(b []byte) map[string]string {
	end := bytes.Index(b, []byte("\r\n\r\n"))
	if end < 0 {
		return nil
	}
	out := map[string]string{}
	for _, l := range strings.Split(string(b[:end]), "\r\n")[1:] {
		if k, v, ok := strings.Cut(l, ":"); ok {
			out[strings.ToLower(strings.TrimSpace(k))] = strings.TrimSpace(v)
		}
	}
	return out
}

// tlsHandshake is the content type of a TLS handshake record, the first
// byte a TLS client sends.
const tlsHandshake = 0x16

// parseSNI extracts the server name from a TLS ClientHello.
func parseSNI(b []byte) (string, bool) {
	// record header (5) + handshake header (4) + version (2) + random (32)
	if len(b) < 5 || b[0] != tlsHandshake {
		return "", false
	}
	recLen := int(binary.BigEndian.Uint16(b[3:5]))
	if len(b) < 5+recLen {
		return "", false // wait for the whole record
	}
	h := b[5 : 5+recLen]
	if len(h) < 38 || h[0] != 1 {
		return "", true
	}
	i := 38
	if i >= len(h) {
		return "", true
	}
	i += 1 + int(h[i]) // session id
	if i+2 > len(h) {
		return "", true
	}
	i += 2 + int(binary.BigEndian.Uint16(h[i:])) // cipher suites
	if i >= len(h) {
		return "", true
	}
	i += 1 + int(h[i]) // compression methods
	if i+2 > len(h) {
		return "", true
	}
	end := i + 2 + int(binary.BigEndian.Uint16(h[i:]))
	i += 2
	for i+4 <= len(h) && i+4 <= end {
		typ := binary.BigEndian.Uint16(h[i:])
		l := int(binary.BigEndian.Uint16(h[i+2:]))
		i += 4
		if i+l > len(h) {
			break
		}
		if typ == 0 && l >= 5 { // server_name
			ext := h[i : i+l]
			nl := int(binary.BigEndian.Uint16(ext[3:5]))
			if ext[2] == 0 && 5+nl <= len(ext) {
				return string(ext[5 : 5+nl]), true
			}
		}
		i += l
	}
	return "", true
}
