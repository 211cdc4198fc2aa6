package profiler

import (
	"github.com/depbox/depbox/internal/hook"
)

// requestTarget is the URL path and query of an HTTP request record
// (http request or fetch), as data sent to its host: the request line
// carries it to the server, so a secret put in a URL is sent there. The
// record is made before the connection, so it counts even when the
// sandbox's fake server never completes the TLS handshake (code that
// does not trust its certificate authority), as a body recorded with the
// request does.
func requestTarget(r hook.Record, d map[string]any, pkg, phase, dest string) []Outgoing {
	if r.Kind != "http" || (r.Op != "request" && r.Op != "fetch") {
		return nil
	}
	p := str(d, "path")
	if p == "" || p == "/" {
		return nil
	}
	return []Outgoing{{pkg, phase, "network", dest, []byte(p)}}
}
