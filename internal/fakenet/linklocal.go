package fakenet

import (
	"encoding/binary"
	"fmt"
	"net"
	"net/netip"
	"syscall"

	"golang.org/x/sys/unix"
)

// AddLinkLocal gives the loopback interface the cloud's link-local
// addresses (IMDSAddr, ContainerAddr), so that connections to them reach
// the TCP sinkholes listening on every address. It needs CAP_NET_ADMIN in
// the sandbox's network namespace (the runner has it; the steps it starts
// do not). An address that is already there is fine.
func AddLinkLocal() error {
	return addToLoopback([]netip.Prefix{netip.PrefixFrom(IMDSAddr, 32), netip.PrefixFrom(ContainerAddr, 32)})
}

// addToLoopback gives the loopback interface each address with its prefix
// length.
func addToLoopback(prefixes []netip.Prefix) error {
	lo, err := net.InterfaceByName("lo")
	if err != nil {
		return fmt.Errorf("finding the loopback interface: %w", err)
	}
	fd, err := unix.Socket(unix.AF_NETLINK, unix.SOCK_RAW|unix.SOCK_CLOEXEC, unix.NETLINK_ROUTE)
	if err != nil {
		return fmt.Errorf("opening a netlink socket: %w", err)
	}
	defer unix.Close(fd)
	if err := unix.Bind(fd, &unix.SockaddrNetlink{Family: unix.AF_NETLINK}); err != nil {
		return fmt.Errorf("binding a netlink socket: %w", err)
	}
	for i, p := range prefixes {
		if err := addAddr(fd, lo.Index, p, uint32(i+1)); err != nil {
			return fmt.Errorf("adding %s to the loopback interface: %w", p, err)
		}
	}
	return nil
}

// addAddr sends one RTM_NEWADDR request for an IPv4 address and its prefix
// length over netlink and waits for its acknowledgement.
func addAddr(fd, index int, p netip.Prefix, seq uint32) error {
	ip := p.Addr().As4()
	attr := func(typ uint16) []byte {
		b := make([]byte, unix.SizeofRtAttr+4)
		binary.NativeEndian.PutUint16(b[0:], uint16(len(b)))
		binary.NativeEndian.PutUint16(b[2:], typ)
		copy(b[unix.SizeofRtAttr:], ip[:])
		return b
	}
	body := make([]byte, unix.SizeofIfAddrmsg)
	body[0] = unix.AF_INET
	body[1] = byte(p.Bits())
	body[3] = unix.RT_SCOPE_HOST
	binary.NativeEndian.PutUint32(body[4:], uint32(index))
	body = append(body, attr(unix.IFA_LOCAL)...)
	body = append(body, attr(unix.IFA_ADDRESS)...)
	msg := make([]byte, unix.SizeofNlMsghdr, unix.SizeofNlMsghdr+len(body))
	binary.NativeEndian.PutUint32(msg[0:], uint32(unix.SizeofNlMsghdr+len(body)))
	binary.NativeEndian.PutUint16(msg[4:], unix.RTM_NEWADDR)
	binary.NativeEndian.PutUint16(msg[6:], unix.NLM_F_REQUEST|unix.NLM_F_ACK|unix.NLM_F_CREATE|unix.NLM_F_EXCL)
	binary.NativeEndian.PutUint32(msg[8:], seq)
	msg = append(msg, body...)
	if err := unix.Sendto(fd, msg, 0, &unix.SockaddrNetlink{Family: unix.AF_NETLINK}); err != nil {
		return err
	}
	buf := make([]byte, 4096)
	n, _, err := unix.Recvfrom(fd, buf, 0)
	if err != nil {
		return err
	}
	msgs, err := syscall.ParseNetlinkMessage(buf[:n])
	if err != nil {
		return err
	}
	for _, m := range msgs {
		if m.Header.Type != unix.NLMSG_ERROR || len(m.Data) < 4 {
			continue
		}
		if errno := -int32(binary.NativeEndian.Uint32(m.Data)); errno != 0 && unix.Errno(errno) != unix.EEXIST {
			return unix.Errno(errno)
		}
		return nil
	}
	return fmt.Errorf("no acknowledgement from netlink")
}
