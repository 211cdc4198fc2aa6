package profiler

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"golang.org/x/sys/unix"
	"google.golang.org/protobuf/proto"

	pb "gvisor.dev/gvisor/pkg/sentry/seccheck/points/points_go_proto"
	"gvisor.dev/gvisor/pkg/sentry/seccheck/sinks/remote/wire"
)

// ResendStats says how a Resend went.
type ResendStats struct {
	// Sent counts messages the sink accepted; Dropped those given up on
	// after the retries, as runsc would have dropped them.
	Sent, Dropped uint64
	// Duration is the time from the first write to the last.
	Duration time.Duration
}

// Rate returns messages sent per second.
func (s ResendStats) Rate() float64 {
	if s.Duration <= 0 {
		return 0
	}
	return float64(s.Sent) / s.Duration.Seconds()
}

// Resend plays a recording (written by a Sink with a record writer) into
// the sink listening at socketPath the way runsc's remote sink writes:
// handshake, then one non-blocking SOCK_SEQPACKET write per message, a full
// socket retried as often as PodInitConfig tells runsc to, with runsc's
// backoff (25µs doubling to 10ms), then dropped and counted in the next
// message's header. It
// sends as fast as the sink accepts, which makes it a capacity test of the
// sink, the decoder and the recorder; it also replays a bug report's
// stream into a live profiler.
func Resend(socketPath string, r io.Reader) (ResendStats, error) {
	var st ResendStats
	fd, err := unix.Socket(unix.AF_UNIX, unix.SOCK_SEQPACKET, 0)
	if err != nil {
		return st, fmt.Errorf("resend: socket: %w", err)
	}
	f := os.NewFile(uintptr(fd), socketPath)
	defer f.Close()
	if err := unix.Connect(fd, &unix.SockaddrUnix{Name: socketPath}); err != nil {
		return st, fmt.Errorf("resend: connecting to %s: %w", socketPath, err)
	}
	hs, err := proto.Marshal(&pb.Handshake{Version: wire.CurrentVersion})
	if err != nil {
		return st, err
	}
	if _, err := f.Write(hs); err != nil {
		return st, fmt.Errorf("resend: handshake: %w", err)
	}
	in := make([]byte, 1024)
	if _, err := f.Read(in); err != nil {
		return st, fmt.Errorf("resend: handshake answer: %w", err)
	}
	if err := unix.SetNonblock(fd, true); err != nil {
		return st, err
	}
	var dropped uint32
	var l [4]byte
	raw := make([]byte, maxMessage)
	start := time.Now()
	defer func() { st.Duration = time.Since(start) }()
	for {
		if _, err := io.ReadFull(r, l[:]); err != nil {
			if errors.Is(err, io.EOF) {
				return st, nil
			}
			return st, fmt.Errorf("resend: reading the recording: %w", err)
		}
		n := binary.LittleEndian.Uint32(l[:])
		if n > maxMessage || n < wire.HeaderStructSize {
			return st, fmt.Errorf("resend: recorded message of %d bytes: corrupt recording", n)
		}
		msg := raw[:n]
		if _, err := io.ReadFull(r, msg); err != nil {
			return st, fmt.Errorf("resend: reading the recording: %w", err)
		}
		binary.LittleEndian.PutUint32(msg[4:8], dropped)
		backoff := 25 * time.Microsecond
		for i := 0; ; i++ {
			_, err := unix.Write(fd, msg)
			if err == nil {
				st.Sent++
				break
			}
			if !errors.Is(err, unix.EAGAIN) || i >= sinkRetries {
				if !errors.Is(err, unix.EAGAIN) {
					return st, fmt.Errorf("resend: writing to the sink: %w", err)
				}
				dropped++
				st.Dropped++
				break
			}
			time.Sleep(backoff)
			backoff = min(backoff*2, 10*time.Millisecond)
		}
	}
}
