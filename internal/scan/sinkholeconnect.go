package scan

import (
	"strconv"

	"github.com/depbox/depbox/profile"
	"github.com/depbox/depbox/profiler"
)

// hookedAddress reports whether a hook record names the connection's
// address itself. Python's socket.connect audit event carries the address
// the name resolved to, not the name, so a record of a connection to a
// fake-internet address explains the syscall's connection to it even
// though the syscall side names it by the DNS name it stands for.
func hookedAddress(f *profiler.Folded, n profile.Endpoint) bool {
	return n.Address != "" && f.Explained["net\x00"+n.Address+"\x00"+strconv.Itoa(n.Port)]
}
