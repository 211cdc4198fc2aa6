package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
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
			return runEventsList(e.stdout, e.v.GetString("bundle"), e.v.GetString("events-dir"))
		},
	}
	cmd.Flags().String("bundle", "", "bundle directory: show the event sources its template selects")
	cmd.Flags().String("events-dir", "", "directory of user events (*.json): check and list them")
	return cmd
}

func runEventsList(w io.Writer, bundle, eventsDir string) error {
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
	if bundle != "" {
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
			seed, err := eventsSeed(e.v.GetString("seed"))
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
