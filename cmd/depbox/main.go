// Command depbox runs a serverless function bundle's dependencies inside a
// gVisor sandbox and reports what each one did. See README.md.
package main

import (
	"os"

	"github.com/depbox/depbox/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
