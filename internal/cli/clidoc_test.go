package cli

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

var updateDocs = flag.Bool("update-docs", false, "rewrite docs/cli.md from the command tree")

// TestCLIReference keeps docs/cli.md, the reference of every command and
// flag, in step with the code: go test ./internal/cli -run TestCLIReference -update-docs
func TestCLIReference(t *testing.T) {
	var buf bytes.Buffer
	e := &env{stdout: &buf, stderr: &buf}
	root := newRootCmd(e)
	buf.WriteString("# depbox command reference\n\nGenerated from the command tree by `go test ./internal/cli -run TestCLIReference -update-docs`; do not edit by hand.\n\n")
	buf.WriteString("Every flag can also be set as an environment variable `DEPBOX_<FLAG>` (upper case, `-` as `_`) or as a key in `depbox.yaml`; flags win over the environment, the environment over the file.\n\n")
	writeCommand(&buf, root)
	path := filepath.Join("..", "..", "docs", "cli.md")
	if *updateDocs {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/cli -run TestCLIReference -update-docs)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Error("docs/cli.md is out of date: go test ./internal/cli -run TestCLIReference -update-docs")
	}
	// Every visible command and flag has a description.
	var check func(c *cobra.Command)
	check = func(c *cobra.Command) {
		if c.Hidden {
			return
		}
		if c.Short == "" {
			t.Errorf("command %q has no description", c.CommandPath())
		}
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if f.Usage == "" {
				t.Errorf("flag --%s of %q has no description", f.Name, c.CommandPath())
			}
		})
		for _, sub := range c.Commands() {
			check(sub)
		}
	}
	check(root)
}

func writeCommand(buf *bytes.Buffer, c *cobra.Command) {
	if c.Hidden || c.Name() == "help" || c.Name() == "completion" {
		return
	}
	fmt.Fprintf(buf, "## %s\n\n%s\n\n", c.CommandPath(), c.Short)
	if c.Long != "" {
		fmt.Fprintf(buf, "%s\n\n", strings.TrimSpace(c.Long))
	}
	fmt.Fprintf(buf, "```\n%s\n```\n\n", c.UseLine())
	if c.Example != "" {
		fmt.Fprintf(buf, "Examples:\n\n```\n%s\n```\n\n", c.Example)
	}
	flags := c.LocalFlags()
	if c.HasParent() {
		flags = c.NonInheritedFlags()
	}
	if flags.HasAvailableFlags() {
		buf.WriteString("| flag | default | meaning |\n|---|---|---|\n")
		flags.VisitAll(func(f *pflag.Flag) {
			if f.Hidden || f.Name == "help" {
				return
			}
			name := "--" + f.Name
			if f.Shorthand != "" {
				name = "-" + f.Shorthand + ", " + name
			}
			def := f.DefValue
			if def == "" || def == "[]" {
				def = " "
			} else {
				def = "`" + def + "`"
			}
			fmt.Fprintf(buf, "| `%s` | %s | %s |\n", name, def, strings.ReplaceAll(f.Usage, "|", "\\|"))
		})
		buf.WriteString("\n")
	}
	for _, sub := range c.Commands() {
		writeCommand(buf, sub)
	}
}
