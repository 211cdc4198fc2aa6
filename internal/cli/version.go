package cli

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// Version is set at link time (-ldflags "-X github.com/depbox/depbox/internal/cli.Version=...").
var Version = "dev"

func init() {
	register(func(e *env) *cobra.Command {
		return &cobra.Command{
			Use:   "version",
			Short: "Print depbox's version and the gVisor version it pins",
			Args:  cobra.NoArgs,
			RunE: func(cmd *cobra.Command, _ []string) error {
				fmt.Fprintf(e.stdout, "depbox %s\n", Version)
				if gv := gvisorVersion(); gv != "" {
					fmt.Fprintf(e.stdout, "gvisor.dev/gvisor %s\n", gv)
				}
				return nil
			},
		}
	})
}

// gvisorVersion reports the gVisor module version this binary was built with.
func gvisorVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	for _, d := range bi.Deps {
		if d.Path == "gvisor.dev/gvisor" {
			return d.Version
		}
	}
	return ""
}
