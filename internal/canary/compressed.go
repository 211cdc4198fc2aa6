package canary

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"

	"github.com/andybalholm/brotli"
)

// Compressed data: malware compresses what it steals before sending it
// (approval-guardian gzipped browser logins and wallet files, then
// base64-encoded them into a JSON POST). Streams are decompressed into
// views: gzip and zlib wherever their headers appear, and raw deflate and
// brotli — which have no header — where a piece of data or a decoded
// base64 run starts. Decompression is bounded by size (maxInflated per
// search) and by ratio (maxRatio): a decompression bomb costs depbox a
// bounded amount of work and memory, and a bound reached is reported
// (Set.Bounds), never silently ignored.

// Compression formats, as Match.Encoding reports a canary found in
// decompressed data.
const (
	Gzip    = "gzip"
	Zlib    = "zlib"
	Deflate = "deflate"
	Brotli  = "brotli"
)

const (
	// maxInflated bounds the decompressed bytes of one search.
	maxInflated = 8 << 20
	// maxRatio bounds decompressed bytes per compressed byte read, per
	// stream: text and JSON compress 3–20:1, deflate cannot exceed about
	// 1032:1, so only degenerate data (a bomb) or nesting reaches it.
	maxRatio = 1000
	// ratioFloor is the compressed size below which the ratio is not
	// judged (a 20-byte stream may well hold 4 KiB of one repeated byte).
	ratioFloor = 64
	// maxValidate bounds the decompressed bytes (not kept) read past a
	// bound to tell a well-formed stream from garbage that only looked
	// like one: garbage stops with an error and is no bound.
	maxValidate = 64 << 20
	// maxPackLayers is how many compression layers are taken off.
	maxPackLayers = 2
	// maxStreams, plus one per streamSpacing bytes, bounds the streams tried
	// in one piece of data (random binary data holds a zlib-like header
	// about every 16 KiB, so only data crafted to hold many reaches it).
	maxStreams    = 256
	streamSpacing = 4 << 10
)

// Bound is a limit the canary search reached in compressed data: the rest
// of that stream was not searched.
type Bound struct {
	Format string // Gzip, Zlib, Deflate or Brotli
	// Limit is "size" (maxInflated bytes decompressed in one search),
	// "ratio" (over maxRatio bytes out per byte in) or "streams" (more
	// compressed headers in one piece of data than maxStreams plus one per
	// streamSpacing bytes).
	Limit string
	// Compressed and Decompressed are the bytes read and produced when the
	// search stopped.
	Compressed, Decompressed int
}

func (b Bound) String() string {
	switch b.Limit {
	case "streams":
		return "more compressed streams in one piece of data than depbox tries; the rest were not decompressed, so not searched"
	case "ratio":
		return fmt.Sprintf("%s stream decompressed past %d:1 (%d bytes from %d); the rest was not searched", b.Format, maxRatio, b.Decompressed, b.Compressed)
	}
	return fmt.Sprintf("%s stream decompressed past the %d MiB per search (%d bytes from %d); the rest was not searched", b.Format, maxInflated>>20, b.Decompressed, b.Compressed)
}

// Bounds returns the limits searches (Find…, Redact) reached in compressed
// data since the last call, and forgets them: the data past a bound was
// not searched, so whoever judges the run must say so.
func (s *Set) Bounds() []Bound {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.bounds
	s.bounds = nil
	return b
}

func (s *Set) addBounds(b []Bound) {
	if len(b) == 0 {
		return
	}
	s.mu.Lock()
	s.bounds = append(s.bounds, b...)
	s.mu.Unlock()
}

// isPack reports whether an encoding label names a compression format.
func isPack(enc string) bool { return enc == Gzip || enc == Zlib || enc == Deflate || enc == Brotli }

// stream is a place in data where a compressed stream may start.
type stream struct {
	off    int
	format string
}

// streams lists where compressed streams may start in data: every gzip
// and zlib header, and at each of starts (where a piece of data begins)
// raw deflate and brotli, which have no header.
func streams(data []byte, starts []int) (out []stream, bounded bool) {
	limit := maxStreams + len(data)/streamSpacing
	for i := 0; i+2 < len(data); i++ {
		var f string
		switch {
		case data[i] == 0x1f && data[i+1] == 0x8b && data[i+2] == 8:
			f = Gzip
		case data[i]&0x0f == 8 && data[i]>>4 <= 7 && (int(data[i])<<8|int(data[i+1]))%31 == 0 && data[i+1]&0x20 == 0 &&
			looksBinary(data[i+2:min(i+10, len(data))]):
			// CM 8, window ≤ 32 KiB, FCHECK right, no preset dictionary, and
			// compressed data after it ("(S" in text has the header's shape)
			f = Zlib
		default:
			continue
		}
		if len(out) == limit {
			return out, true
		}
		out = append(out, stream{i, f})
	}
	for _, s := range starts {
		if s+2 > len(data) || !looksBinary(data[s:min(s+8, len(data))]) {
			continue
		}
		if len(out)+2 > limit {
			return out, true
		}
		out = append(out, stream{s, Deflate}, stream{s, Brotli})
	}
	return out, false
}

// looksBinary reports whether b holds a byte that is not printable ASCII text:
// compressed data almost always does in its first bytes (all of 8 random
// bytes are printable once in 2,500), text never does, so text written
// line by line is not taken for raw deflate or brotli.
func looksBinary(b []byte) bool {
	for _, c := range b {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c > 0x7e {
			return true
		}
	}
	return false
}

// inflate decompresses the stream of format at the start of data, keeping
// at most budget bytes. It returns what it decompressed (also from a
// stream cut short or corrupt further on: what came before is real), the
// compressed bytes read, and the bound reached, if any, in a stream that
// stayed well-formed past it.
func inflate(data []byte, format string, budget int) (out []byte, read int, bound *Bound) {
	br := bytes.NewReader(data)
	var r io.Reader
	var err error
	switch format {
	case Gzip:
		r, err = gzip.NewReader(br)
	case Zlib:
		r, err = zlib.NewReader(br)
	case Deflate:
		r = flate.NewReader(br)
	case Brotli:
		r = brotli.NewReader(br)
	}
	if err != nil {
		return nil, 0, nil
	}
	buf := make([]byte, 32<<10)
	for {
		n, err := r.Read(buf[:min(len(buf), budget-len(out)+1)])
		out = append(out, buf[:n]...)
		read = len(data) - br.Len()
		limit := ""
		switch {
		case len(out) > budget:
			out, limit = out[:budget], "size"
		case len(out) > maxRatio*max(read, ratioFloor):
			limit = "ratio"
		}
		if limit != "" {
			b := &Bound{Format: format, Limit: limit, Compressed: read, Decompressed: len(out)}
			if !wellFormed(r) {
				b = nil
			}
			return out, read, b
		}
		if err != nil {
			return out, read, nil // the end, a stream cut short, or garbage
		}
	}
}

// wellFormed reads on (discarding, at most maxValidate bytes) and reports
// whether the stream is still well-formed there: it ends, is cut short,
// or goes on past maxValidate.
func wellFormed(r io.Reader) bool {
	_, err := io.CopyN(io.Discard, r, maxValidate)
	return err == nil || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
}
