package profiler

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sys/unix"
	"google.golang.org/protobuf/proto"

	pb "gvisor.dev/gvisor/pkg/sentry/seccheck/points/points_go_proto"
	"gvisor.dev/gvisor/pkg/sentry/seccheck/sinks/remote/wire"
)

// maxMessage bounds one sink message; runsc's messages are far smaller.
const maxMessage = 1 << 20

// Stats counts what the sink received.
type Stats struct {
	// Messages is the number of event messages received.
	Messages uint64
	// Dropped is the largest drop counter runsc reported in a header:
	// events it could not deliver. Any drop makes a run incomplete.
	Dropped uint64
	// Undecodable counts messages that could not be decoded.
	Undecodable uint64
	// Connections is the number of sink connections runsc opened.
	Connections int
	// First and Last bound the time messages arrived.
	First, Last time.Time
}

// Rate returns messages per second over the receiving window.
func (s Stats) Rate() float64 {
	d := s.Last.Sub(s.First).Seconds()
	if d <= 0 {
		return 0
	}
	return float64(s.Messages) / d
}

// Sink is a gVisor remote-sink server. runsc dials it before the sandbox
// starts, so it must be listening before `runsc run`.
type Sink struct {
	path         string
	ln           *net.UnixListener
	rec          *Recorder
	record       io.Writer // raw stream copy, optional
	recordMu     sync.Mutex
	recordFailed bool

	mu    sync.Mutex
	stats Stats
	errs  []error

	wg     sync.WaitGroup
	active atomic.Int32
	closed chan struct{}
}

// Listen starts a sink at socketPath feeding rec. When record is not nil,
// every raw message is also written to it (see Replay).
func Listen(socketPath string, rec *Recorder, record io.Writer) (*Sink, error) {
	_ = os.Remove(socketPath)
	ln, err := net.ListenUnix("unixpacket", &net.UnixAddr{Name: socketPath, Net: "unixpacket"})
	if err != nil {
		return nil, fmt.Errorf("listening for gVisor events on %s: %w", socketPath, err)
	}
	s := &Sink{path: socketPath, ln: ln, rec: rec, record: record, closed: make(chan struct{})}
	s.wg.Add(1)
	go s.accept()
	return s, nil
}

// Path returns the socket path runsc must be given.
func (s *Sink) Path() string { return s.path }

func (s *Sink) accept() {
	defer s.wg.Done()
	for {
		c, err := s.ln.AcceptUnix()
		if err != nil {
			select {
			case <-s.closed:
			default:
				s.fail(fmt.Errorf("accepting sink connection: %w", err))
			}
			return
		}
		s.mu.Lock()
		s.stats.Connections++
		s.mu.Unlock()
		s.active.Add(1)
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			defer s.active.Add(-1)
			if err := s.serve(c); err != nil {
				s.fail(err)
			}
		}()
	}
}

func (s *Sink) fail(err error) {
	s.mu.Lock()
	s.errs = append(s.errs, err)
	s.mu.Unlock()
}

// serve runs the handshake and then reads one event per SEQPACKET message.
func (s *Sink) serve(c *net.UnixConn) error {
	defer c.Close()
	buf := make([]byte, maxMessage)
	n, err := c.Read(buf)
	if err != nil {
		return fmt.Errorf("reading sink handshake: %w", err)
	}
	var hs pb.Handshake
	if err := proto.Unmarshal(buf[:n], &hs); err != nil {
		return fmt.Errorf("decoding sink handshake: %w", err)
	}
	if hs.Version != wire.CurrentVersion {
		return fmt.Errorf("runsc speaks sink protocol version %d, depbox %d: rebuild runsc from the gVisor module in go.mod", hs.Version, wire.CurrentVersion)
	}
	out, err := proto.Marshal(&pb.Handshake{Version: wire.CurrentVersion})
	if err != nil {
		return err
	}
	if _, err := c.Write(out); err != nil {
		return fmt.Errorf("answering sink handshake: %w", err)
	}
	oob := make([]byte, 64)
	for {
		n, _, flags, _, err := c.ReadMsgUnix(buf, oob)
		if err != nil {
			if errors.Is(err, io.EOF) || errors.Is(err, net.ErrClosed) {
				return nil
			}
			return fmt.Errorf("reading gVisor events: %w", err)
		}
		if n == 0 {
			return nil
		}
		if flags&unix.MSG_TRUNC != 0 {
			s.mu.Lock()
			s.stats.Undecodable++
			s.mu.Unlock()
			continue
		}
		s.message(buf[:n])
	}
}

// message handles one raw wire message (header + payload).
func (s *Sink) message(raw []byte) {
	now := time.Now()
	if s.record != nil {
		s.recordMu.Lock()
		if err := writeFrame(s.record, raw); err != nil && !s.recordFailed {
			s.recordFailed = true
			s.fail(fmt.Errorf("writing the event recording: %w", err))
		}
		s.recordMu.Unlock()
	}
	hdr, msg, err := decode(raw)
	s.mu.Lock()
	if s.stats.Messages == 0 {
		s.stats.First = now
	}
	s.stats.Last = now
	s.stats.Messages++
	if uint64(hdr.DroppedCount) > s.stats.Dropped {
		s.stats.Dropped = uint64(hdr.DroppedCount)
	}
	if err != nil {
		s.stats.Undecodable++
	}
	s.mu.Unlock()
	if err == nil {
		s.rec.Add(msg)
	}
}

// Stats returns the counters so far.
func (s *Sink) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stats
}

// Close waits up to grace for runsc to close its connections (the sandbox
// has exited), then stops the sink and returns any receive error.
func (s *Sink) Close(grace time.Duration) error {
	deadline := time.Now().Add(grace)
	for s.active.Load() > 0 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	stillOpen := s.active.Load()
	close(s.closed)
	s.ln.Close()
	_ = os.Remove(s.path)
	if stillOpen > 0 {
		// Unblock readers of connections runsc did not close.
		s.fail(fmt.Errorf("%d sink connection(s) still open %s after the sandbox ended", stillOpen, grace))
	}
	s.wg.Wait()
	s.mu.Lock()
	defer s.mu.Unlock()
	return errors.Join(s.errs...)
}

// decode splits a wire message into its header and decoded point.
func decode(raw []byte) (wire.Header, proto.Message, error) {
	var hdr wire.Header
	if len(raw) < wire.HeaderStructSize {
		return hdr, nil, fmt.Errorf("short sink message (%d bytes)", len(raw))
	}
	hdr.HeaderSize = binary.LittleEndian.Uint16(raw[0:2])
	hdr.MessageType = binary.LittleEndian.Uint16(raw[2:4])
	hdr.DroppedCount = binary.LittleEndian.Uint32(raw[4:8])
	if int(hdr.HeaderSize) < wire.HeaderStructSize || int(hdr.HeaderSize) > len(raw) {
		return hdr, nil, fmt.Errorf("bad sink header size %d", hdr.HeaderSize)
	}
	msg := newMessage(pb.MessageType(hdr.MessageType))
	if msg == nil {
		return hdr, nil, fmt.Errorf("unknown sink message type %d", hdr.MessageType)
	}
	if err := proto.Unmarshal(raw[hdr.HeaderSize:], msg); err != nil {
		return hdr, nil, fmt.Errorf("decoding %s: %w", pb.MessageType(hdr.MessageType), err)
	}
	return hdr, msg, nil
}

// newMessage maps a wire message type to its protobuf message. Types depbox
// does not enable decode to nil.
func newMessage(t pb.MessageType) proto.Message {
	switch t {
	case pb.MessageType_MESSAGE_CONTAINER_START:
		return &pb.Start{}
	case pb.MessageType_MESSAGE_SENTRY_CLONE:
		return &pb.CloneInfo{}
	case pb.MessageType_MESSAGE_SENTRY_EXEC:
		return &pb.ExecveInfo{}
	case pb.MessageType_MESSAGE_SENTRY_EXIT_NOTIFY_PARENT:
		return &pb.ExitNotifyParentInfo{}
	case pb.MessageType_MESSAGE_SENTRY_TASK_EXIT:
		return &pb.TaskExit{}
	case pb.MessageType_MESSAGE_SYSCALL_RAW:
		return &pb.Syscall{}
	case pb.MessageType_MESSAGE_SYSCALL_OPEN:
		return &pb.Open{}
	case pb.MessageType_MESSAGE_SYSCALL_CLOSE:
		return &pb.Close{}
	case pb.MessageType_MESSAGE_SYSCALL_READ:
		return &pb.Read{}
	case pb.MessageType_MESSAGE_SYSCALL_WRITE:
		return &pb.Write{}
	case pb.MessageType_MESSAGE_SYSCALL_CONNECT:
		return &pb.Connect{}
	case pb.MessageType_MESSAGE_SYSCALL_EXECVE:
		return &pb.Execve{}
	case pb.MessageType_MESSAGE_SYSCALL_SOCKET:
		return &pb.Socket{}
	case pb.MessageType_MESSAGE_SYSCALL_BIND:
		return &pb.Bind{}
	case pb.MessageType_MESSAGE_SYSCALL_ACCEPT:
		return &pb.Accept{}
	case pb.MessageType_MESSAGE_SYSCALL_CLONE:
		return &pb.Clone{}
	case pb.MessageType_MESSAGE_SYSCALL_FORK:
		return &pb.Fork{}
	case pb.MessageType_MESSAGE_SYSCALL_CHDIR:
		return &pb.Chdir{}
	}
	return nil
}

// writeFrame appends one length-prefixed raw message to a recording.
func writeFrame(w io.Writer, raw []byte) error {
	var l [4]byte
	binary.LittleEndian.PutUint32(l[:], uint32(len(raw)))
	if _, err := w.Write(l[:]); err != nil {
		return err
	}
	_, err := w.Write(raw)
	return err
}

// Replay feeds a recorded raw stream (written by a Sink with a record
// writer) into rec and returns the stats it would have had.
func Replay(r io.Reader, rec *Recorder) (Stats, error) {
	var st Stats
	var l [4]byte
	for {
		if _, err := io.ReadFull(r, l[:]); err != nil {
			if errors.Is(err, io.EOF) {
				return st, nil
			}
			return st, fmt.Errorf("reading recorded events: %w", err)
		}
		n := binary.LittleEndian.Uint32(l[:])
		if n > maxMessage {
			return st, fmt.Errorf("recorded event of %d bytes is larger than %d: corrupt recording", n, maxMessage)
		}
		raw := make([]byte, n)
		if _, err := io.ReadFull(r, raw); err != nil {
			return st, fmt.Errorf("reading recorded events: %w", err)
		}
		hdr, msg, err := decode(raw)
		st.Messages++
		if uint64(hdr.DroppedCount) > st.Dropped {
			st.Dropped = uint64(hdr.DroppedCount)
		}
		if err != nil {
			st.Undecodable++
			continue
		}
		rec.Add(msg)
	}
}
