// Package cli wires depbox's commands: cobra for the command tree, viper for
// configuration (depbox.yaml, DEPBOX_* environment variables and flags, in
// rising precedence) read into typed option structs, and the mapping of
// errors to exit codes.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

// Exit codes shared by every command (DESIGN.md "Baselines, verdicts, exit codes").
const (
	ExitOK       = 0 // success, gate passed
	ExitFindings = 1 // findings at or above the threshold
	ExitUsage    = 2 // usage or input error
	ExitAnalysis = 3 // the analysis itself failed: fail closed
)

// ExitError carries an exit code through cobra.
type ExitError struct {
	Code int
	Err  error
}

func (e *ExitError) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("exit %d", e.Code)
	}
	return e.Err.Error()
}

func (e *ExitError) Unwrap() error { return e.Err }

// usageErr marks err as a usage or input error (exit 2).
func usageErr(err error) error { return &ExitError{Code: ExitUsage, Err: err} }

// analysisErr marks err as a failed analysis (exit 3).
func analysisErr(err error) error { return &ExitError{Code: ExitAnalysis, Err: err} }

// env holds the process's standard streams and configuration for one run.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	v              *viper.Viper
	log            *slog.Logger
}

// globalOptions are options every command shares.
type globalOptions struct {
	ConfigFile string
	LogLevel   string
	CacheDir   string
	RunscPath  string
}

// subcommands are added by each command's file in its init function, so that
// commands live in files of their own.
var subcommands []func(e *env) *cobra.Command

func register(f func(e *env) *cobra.Command) { subcommands = append(subcommands, f) }

// Main runs depbox with args and returns the process exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	// Interrupts and hang-ups cancel the context, so that sandboxes, network
	// namespaces and work directories are torn down; a closed output pipe
	// becomes a write error instead of killing depbox mid-scan.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	signal.Ignore(syscall.SIGPIPE)
	out := &watchedWriter{w: stdout}
	e := &env{stdin: stdin, stdout: out, stderr: stderr, v: viper.New()}
	root := newRootCmd(e)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(out)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return lostOutput(ExitOK, out.Err(), stderr)
	}
	code := ExitAnalysis
	var ee *ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.Code
	case isCobraUsage(err):
		code = ExitUsage
	}
	if ee == nil || ee.Err != nil {
		fmt.Fprintf(stderr, "depbox: %v\n", err)
	}
	if ctx.Err() != nil && code == ExitOK {
		code = ExitAnalysis
	}
	return lostOutput(code, out.Err(), stderr)
}

// isCobraUsage recognises cobra's own argument and flag errors.
func isCobraUsage(err error) bool {
	s := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "accepts ", "requires ", "invalid argument", "flag needs an argument", "required flag"} {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

func newRootCmd(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:   "depbox",
		Short: "Run a function bundle's dependencies in gVisor and report what each one does",
		Long: `depbox runs a serverless function bundle (Node.js on AWS Lambda) inside a
gVisor sandbox, records what each dependency does — files, environment
variables, network, processes — and reports it per dependency.

Configuration comes from flags, then DEPBOX_* environment variables (for
example DEPBOX_RUNSC=/usr/local/bin/runsc), then depbox.yaml in the current
directory (or --config).`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			return e.loadConfig(cmd)
		},
	}
	pf := root.PersistentFlags()
	pf.String("config", "", "config file (default: depbox.yaml in the current directory, if present)")
	pf.String("log-level", "warn", "log level: debug, info, warn or error (logs go to stderr)")
	pf.String("cache-dir", "", "cache directory for runsc, root file systems and databases (default: the user cache dir + /depbox)")
	pf.String("runsc", "", "path to runsc (default: built from the gVisor module pinned in go.mod, found automatically)")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageErr(err) })
	for _, f := range subcommands {
		root.AddCommand(f(e))
	}
	return root
}

// configKey annotates a flag with the configuration key it sets, when that
// is not the flag's name.
const configKey = "depbox-config-key"

// loadConfig binds the command's flags to viper and reads the config file.
func (e *env) loadConfig(cmd *cobra.Command) error {
	v := e.v
	v.SetEnvPrefix("DEPBOX")
	v.SetEnvKeyReplacer(strings.NewReplacer("-", "_", ".", "_"))
	v.AutomaticEnv()
	var bindErr error
	bind := func(f *pflag.Flag) {
		key := f.Name
		// A flag may stand for a nested configuration key (--events is
		// events.sources in depbox.yaml).
		if k := f.Annotations[configKey]; len(k) == 1 {
			key = k[0]
		}
		if err := v.BindPFlag(key, f); err != nil && bindErr == nil {
			bindErr = err
		}
	}
	cmd.Flags().VisitAll(bind)
	cmd.InheritedFlags().VisitAll(bind)
	if bindErr != nil {
		return bindErr
	}
	cfg := v.GetString("config")
	if cfg == "" && !cmd.Hidden {
		// Only depbox.yaml or depbox.yml: a bare "depbox" (the binary
		// itself, next to the user) is not a config file.
		for _, name := range []string{"depbox.yaml", "depbox.yml"} {
			if _, err := os.Stat(name); err == nil {
				cfg = name
				break
			}
		}
	}
	// The in-sandbox init reads no configuration from the bundle's directory.
	if cfg != "" && !cmd.Hidden {
		v.SetConfigFile(cfg)
		if err := v.ReadInConfig(); err != nil {
			return usageErr(fmt.Errorf("reading config file %s: %w (fix the YAML or pass --config)", cfg, err))
		}
	}
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(v.GetString("log-level"))); err != nil {
		return usageErr(fmt.Errorf("--log-level %q: want debug, info, warn or error", v.GetString("log-level")))
	}
	e.log = slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: lvl}))
	return nil
}

// global returns the shared options.
func (e *env) global() globalOptions {
	return globalOptions{
		ConfigFile: e.v.GetString("config"),
		LogLevel:   e.v.GetString("log-level"),
		CacheDir:   e.v.GetString("cache-dir"),
		RunscPath:  e.v.GetString("runsc"),
	}
}
