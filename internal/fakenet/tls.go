package fakenet

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net"
	"sync"
	"time"
)

// TLS lets the fake internet answer TLS: it terminates every connection
// that opens with a ClientHello with a certificate for the name asked
// (SNI) — or, when the client named none (an address in the URL), for the
// address it reached —, issued by a certificate authority made for one
// sandbox run, which the sandbox's clients trust (node's and Python's
// hooks add it to every secure context; curl, wget and OpenSSL find it as
// the root file system's CA bundle). What the client then sends is
// recorded decrypted and answered like plain HTTP.
type TLS struct {
	// CertPEM and KeyPEM are the authority's certificate and its private key.
	CertPEM []byte `json:"cert_pem"`
	KeyPEM  []byte `json:"key_pem"`
}

// NewTLS makes a certificate authority of its own (ECDSA P-256, valid for
// two days around now).
func NewTLS() (*TLS, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("making the fake internet's authority key: %w", err)
	}
	serial, err := rand.Int(rand.Reader, big.NewInt(1<<62))
	if err != nil {
		return nil, err
	}
	now := time.Now()
	tmpl := &x509.Certificate{
		SerialNumber: serial, Subject: pkix.Name{CommonName: "Amazon RSA 2048 M02", Organization: []string{"Amazon"}},
		NotBefore: now.Add(-24 * time.Hour), NotAfter: now.Add(24 * time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, fmt.Errorf("making the fake internet's authority: %w", err)
	}
	kder, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return nil, err
	}
	return &TLS{
		CertPEM: pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		KeyPEM:  pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder}),
	}, nil
}

// issuer signs a certificate for each name asked, once.
type issuer struct {
	ca    *x509.Certificate
	caKey *ecdsa.PrivateKey
	key   *ecdsa.PrivateKey // every leaf's
	mu    sync.Mutex
	certs map[string]*tls.Certificate
}

func (t *TLS) issuer() (*issuer, error) {
	cb, _ := pem.Decode(t.CertPEM)
	kb, _ := pem.Decode(t.KeyPEM)
	if cb == nil || kb == nil {
		return nil, errors.New("the fake internet's TLS authority is not PEM")
	}
	ca, err := x509.ParseCertificate(cb.Bytes)
	if err != nil {
		return nil, fmt.Errorf("the fake internet's TLS authority: %w", err)
	}
	caKey, err := x509.ParseECPrivateKey(kb.Bytes)
	if err != nil {
		return nil, fmt.Errorf("the fake internet's TLS authority key: %w", err)
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	return &issuer{ca: ca, caKey: caKey, key: key, certs: map[string]*tls.Certificate{}}, nil
}

// certificate issues the certificate for the name the client asked (SNI),
// or for the address it reached when it asked none.
func (is *issuer) certificate(hello *tls.ClientHelloInfo) (*tls.Certificate, error) {
	name := hello.ServerName
	var ip net.IP
	if name == "" {
		if a, ok := hello.Conn.LocalAddr().(*net.TCPAddr); ok {
			ip = a.IP
			name = ip.String()
		}
	}
	if name == "" {
		return nil, errors.New("no server name and no local address")
	}
	is.mu.Lock()
	defer is.mu.Unlock()
	if c, ok := is.certs[name]; ok {
		return c, nil
	}
	serial, err := rand.Int(rand.Reader, big.NewInt(1<<62))
	if err != nil {
		return nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber: serial, Subject: pkix.Name{CommonName: name},
		NotBefore: is.ca.NotBefore, NotAfter: is.ca.NotAfter,
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	if ip != nil {
		tmpl.IPAddresses = []net.IP{ip}
	} else {
		tmpl.DNSNames = []string{name}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, is.ca, &is.key.PublicKey, is.caKey)
	if err != nil {
		return nil, err
	}
	c := &tls.Certificate{Certificate: [][]byte{der, is.ca.Raw}, PrivateKey: is.key}
	is.certs[name] = c
	return c, nil
}

// replayConn is a connection whose first bytes were already read: they
// are read again first (the ClientHello, for the TLS server).
type replayConn struct {
	net.Conn
	r io.Reader
}

func (c *replayConn) Read(b []byte) (int, error) { return c.r.Read(b) }

// terminate finishes the TLS handshake of c, whose first bytes (the
// ClientHello) are hello, and returns the decrypted connection.
func (w *World) terminate(c net.Conn, hello []byte) (*tls.Conn, error) {
	tc := tls.Server(&replayConn{Conn: c, r: io.MultiReader(bytes.NewReader(hello), c)},
		&tls.Config{GetCertificate: w.issuer.certificate, MinVersion: tls.VersionTLS12})
	if err := tc.Handshake(); err != nil {
		return nil, err
	}
	return tc, nil
}
