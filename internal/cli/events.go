package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/depbox/depbox/internal/event"
)

func init() {
	register(func(e *env) *cobra.Command {
		cmd := &cobra.Command{
			Use:   "events",
			Short: "List and show the synthetic Lambda events handlers are invoked with",
			Long: `depbox invokes a function's handler with synthetic AWS Lambda events: a
realistic default per event source plus injection variants that put SQL,
shell metacharacters, path traversal, prototype pollution, oversized values
and odd unicode into the fields an outsider controls. See docs/events.md.`,
			Args: cobra.NoArgs,
			RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
		}
		cmd.AddCommand(newEventsListCmd(e), newEventsShowCmd(e))
		return cmd
	})
}

func newEventsListCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List event sources, their aliases and variants",
		Long: `List every event source with its aliases, variants and a description.

--bundle DIR also shows which sources depbox picks for that bundle (from its
SAM or Serverless Framework template, else the default set); --events-dir DIR
checks a directory of your own events and lists them.`,
		Example: `  depbox events list
  depbox events list --bundle ./build
  depbox events list --events-dir ./events`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts, dir, err := e.eventOptions()
			if err != nil {
				return usageErr(err)
			}
			if d := e.v.GetString("events-dir"); d != "" {
				dir = d
			}
			return runEventsList(e.stdout, e.v.GetString("bundle"), dir, opts.Sources)
		},
	}
	cmd.Flags().String("bundle", "", "bundle directory: show the event sources its template selects")
	cmd.Flags().String("events-dir", "", "directory of user events (*.json): check and list them (default: events.dir from the configuration)")
	return cmd
}

func runEventsList(w io.Writer, bundle, eventsDir string, configured []string) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SOURCE\tALIASES\tVARIANTS\tDESCRIPTION")
	var all []string
	for _, s := range event.Sources() {
		if len(s.Variants) > len(all) {
			all = s.Variants
		}
	}
	for _, s := range event.Sources() {
		aliases := strings.Join(s.Aliases, ", ")
		if aliases == "" {
			aliases = "-"
		}
		variants := strings.Join(s.Variants, ", ")
		if len(s.Variants) == len(all) {
			variants = "all"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", s.Name, aliases, variants, s.Description)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nVariants: all = %s\n", strings.Join(all, ", "))
	fmt.Fprintf(w, "Default set for a bundle without a template: %s\n", strings.Join(event.DefaultSet(), ", "))
	if len(configured) > 0 {
		fmt.Fprintf(w, "Configured sources (events.sources, used for every bundle): %s\n", strings.Join(configured, ", "))
	}
	if bundle != "" && len(configured) == 0 {
		d, err := event.DetectSources(bundle)
		if err != nil {
			return usageErr(err)
		}
		from := "no template naming a known trigger: default set"
		if d.File != "" {
			from = "from " + d.File
		}
		fmt.Fprintf(w, "Sources for %s (%s): %s\n", bundle, from, strings.Join(d.Sources, ", "))
		if len(d.Unmapped) > 0 {
			fmt.Fprintf(w, "Triggers without synthetic events (add your own with --events-dir): %s\n", strings.Join(d.Unmapped, ", "))
		}
	}
	if eventsDir != "" {
		evs, err := event.LoadDir(eventsDir)
		if err != nil {
			return usageErr(err)
		}
		fmt.Fprintf(w, "\n%d user event(s) in %s\n", len(evs), eventsDir)
		if len(evs) > 0 {
			tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "NAME\tSOURCE\tBYTES")
			for _, ev := range evs {
				fmt.Fprintf(tw, "%s\t%s\t%d\n", ev.Name, ev.Source, len(ev.Payload))
			}
			if err := tw.Flush(); err != nil {
				return err
			}
		}
	}
	return nil
}

func newEventsShowCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "show SOURCE",
		Short: "Print one synthetic event as indented JSON",
		Long: `Print the event depbox invokes a handler with for SOURCE (a name or alias
from 'depbox events list'), in the given variant, for the given seed. The
same seed always gives the same bytes.`,
		Example: `  depbox events show s3
  depbox events show http-api --variant proto-pollution
  depbox events show sqs --variant sql --seed 42`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			seed, err := eventsSeed(e.v.GetString(cfgSeed))
			if err != nil {
				return usageErr(err)
			}
			ev, err := event.Show(args[0], e.v.GetString("variant"), seed)
			if err != nil {
				return usageErr(err)
			}
			var buf bytes.Buffer
			if err := json.Indent(&buf, ev.Payload, "", "  "); err != nil {
				return analysisErr(fmt.Errorf("formatting %s: %w", ev.Name, err))
			}
			buf.WriteByte('\n')
			_, err = e.stdout.Write(buf.Bytes())
			return err
		},
	}
	cmd.Flags().String("variant", event.VariantDefault, "variant: default, sql, shell, path-traversal, proto-pollution, oversized or unicode")
	cmd.Flags().Int64("seed", 0, "seed for identifiers, addresses and timestamps")
	return cmd
}

// eventsSeed parses the seed from a flag, DEPBOX_SEED or the config file.
func eventsSeed(s string) (int64, error) {
	if strings.TrimSpace(s) == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("--seed %q: want an integer", s)
	}
	return n, nil
}

// Configuration keys for choosing events, shared by every command that
// invokes handlers (depbox.yaml, or DEPBOX_EVENTS_SOURCES and so on):
//
//	events:
//	  sources: [s3, http-api]   # names or aliases; empty: from the bundle's template, else the default set
//	  variants: [default, sql]  # empty: default and every injection variant
//	  dir: ./events             # user events, one JSON file each
//	seed: 42                    # identifiers and timestamps
const (
	cfgEventSources  = "events.sources"
	cfgEventVariants = "events.variants"
	cfgEventDir      = "events.dir"
	cfgSeed          = "seed"
)

// eventOptions reads the event selection from the configuration: the
// options for event.Generate or event.ForBundle and the user event
// directory. Lists may also be comma-separated strings, as environment
// variables are. Unknown names are an error here rather than mid-run.
func (e *env) eventOptions() (event.Options, string, error) {
	seed, err := eventsSeed(e.v.GetString(cfgSeed))
	if err != nil {
		return event.Options{}, "", err
	}
	opts := event.Options{
		Seed:     seed,
		Sources:  splitList(e.v.GetStringSlice(cfgEventSources)),
		Variants: splitList(e.v.GetStringSlice(cfgEventVariants)),
	}
	for i, s := range opts.Sources {
		if opts.Sources[i], err = event.CanonicalSource(s); err != nil {
			return event.Options{}, "", fmt.Errorf("%s: %w", cfgEventSources, err)
		}
	}
	for i, v := range opts.Variants {
		opts.Variants[i] = strings.ToLower(v)
		if !slices.Contains(event.Variants(), opts.Variants[i]) {
			return event.Options{}, "", fmt.Errorf("%s: unknown event variant %q (valid: %s)", cfgEventVariants, v, strings.Join(event.Variants(), ", "))
		}
	}
	return opts, e.v.GetString(cfgEventDir), nil
}

// splitList splits comma-separated elements and drops empty ones.
func splitList(in []string) []string {
	var out []string
	for _, s := range in {
		for _, p := range strings.Split(s, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}
