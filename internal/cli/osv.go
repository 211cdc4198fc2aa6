package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/depbox/depbox/internal/advisory"
	"github.com/depbox/depbox/profile"
)

func init() {
	register(newOSVCmd)
}

// osvCacheDir is depbox's cache directory: --cache-dir, or the user cache
// directory + /depbox.
func osvCacheDir(e *env) (string, error) {
	d, err := cacheDir(e.global().CacheDir)
	if err != nil {
		return "", usageErr(err)
	}
	return d, nil
}

// osvDBPath is the database to use: osv-db (--osv-db of scan and gate,
// osv-db in depbox.yaml, DEPBOX_OSV_DB; the osv subcommands' --db is copied
// into it by useDBFlag), else the default under the cache directory.
func osvDBPath(e *env) (string, error) {
	if p := e.v.GetString("osv-db"); p != "" {
		return p, nil
	}
	c, err := osvCacheDir(e)
	if err != nil {
		return "", err
	}
	return advisory.DefaultPath(c), nil
}

// osvOptions are the advisory options every osv command shares.
func osvOptions(e *env) (advisory.Options, error) {
	c, err := osvCacheDir(e)
	if err != nil {
		return advisory.Options{}, err
	}
	return advisory.Options{IndexDir: advisory.DefaultIndexDir(c)}, nil
}

// openOSV opens the configured database; a missing one is an input error.
func openOSV(e *env) (*advisory.DB, error) {
	path, err := osvDBPath(e)
	if err != nil {
		return nil, err
	}
	o, err := osvOptions(e)
	if err != nil {
		return nil, err
	}
	o.Progress = indexProgress(e.stderr)
	db, err := advisory.OpenWith(path, o)
	if errors.Is(err, advisory.ErrNoDatabase) {
		return nil, usageErr(err)
	}
	if err != nil {
		return nil, analysisErr(err)
	}
	return db, nil
}

// indexProgress reports an index build on stderr.
func indexProgress(w io.Writer) advisory.ProgressFunc {
	start := time.Now()
	last := time.Time{}
	return func(done, total int) {
		if now := time.Now(); done == total || now.Sub(last) >= time.Second {
			last = now
			fmt.Fprintf(w, "indexing OSV records: %d/%d (%s)\n", done, total, now.Sub(start).Round(100*time.Millisecond))
		}
	}
}

func newOSVCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "osv",
		Short: "Manage the OSV advisory database (malicious-package verdicts, vulnerabilities, IOCs)",
		Long: `depbox matches dependencies against OSV records: MAL- malicious-package
verdicts, vulnerabilities, and the network indicators (domains, URLs, IPs)
the records list. The database lives under the cache directory
(--cache-dir, default the user cache directory + /depbox, in osv/), or where
--db (osv-db in depbox.yaml, DEPBOX_OSV_DB) points: depbox's database
directory, an OSV all.zip, or a directory of OSV JSON records.`,
	}
	cmd.AddCommand(newOSVImportCmd(e), newOSVUpdateCmd(e), newOSVStatsCmd(e), newOSVQueryCmd(e))
	return cmd
}

// useDBFlag makes an osv subcommand's --db (or DEPBOX_DB) win over osv-db.
func useDBFlag(e *env) {
	if d := e.v.GetString("db"); d != "" {
		e.v.Set("osv-db", d)
	}
}

func addDBFlag(cmd *cobra.Command) {
	cmd.Flags().String("db", "", "OSV database directory (default: osv-db from depbox.yaml or DEPBOX_OSV_DB, else the cache directory's osv/)")
}

func newOSVImportCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "import PATH",
		Short: "Store an OSV all.zip or a directory of OSV JSON records in depbox's database",
		Long: `Import stores OSV records in depbox's database, where every later scan,
gate and audit finds them, and builds the index.

PATH is an all.zip as OSV exports it (https://osv-vulnerabilities.storage.googleapis.com/npm/all.zip,
or osv-scanner's cached osv-scalibr/npm/all.zip), or a directory of OSV JSON
records such as the malicious-packages repository (osv/malicious/npm/...).
A zip is copied; a directory is zipped.

Records go into the main feed (the one "depbox osv update" refreshes)
unless --feed names another feed: feeds are kept side by side, so
"depbox osv import --feed leitwacht leitwacht-npm-all.zip" adds a feed and
leaves the main one alone. Importing a feed again replaces it.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			useDBFlag(e)
			path, err := osvDBPath(e)
			if err != nil {
				return err
			}
			o, err := osvOptions(e)
			if err != nil {
				return err
			}
			o.Progress = indexProgress(e.stderr)
			feed := e.v.GetString("feed")
			fmt.Fprintf(e.stderr, "importing %s into %s (feed %s)\n", args[0], path, feedOrMain(feed))
			db, err := advisory.Import(path, args[0], feed, o)
			if err != nil {
				if errors.Is(err, advisory.ErrNoDatabase) || strings.Contains(err.Error(), "nothing to import") || strings.Contains(err.Error(), "feed name") {
					return usageErr(err)
				}
				return analysisErr(err)
			}
			printSummary(e.stderr, db.Info())
			return nil
		},
	}
	addDBFlag(cmd)
	cmd.Flags().String("feed", advisory.MainFeed, "feed to store the records as (the main feed is the one `osv update` refreshes)")
	return cmd
}

func feedOrMain(f string) string {
	if f == "" {
		return advisory.MainFeed
	}
	return f
}

func newOSVUpdateCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "update",
		Short: "Download the OSV npm database (all.zip) into depbox's database",
		Long: `Update downloads OSV's export of every npm record into the main feed of
depbox's database and rebuilds the index. Other feeds are kept. Without
network access it fails with an error saying so and leaves the database
as it was; import a copy instead ("depbox osv import all.zip").`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			useDBFlag(e)
			path, err := osvDBPath(e)
			if err != nil {
				return err
			}
			o, err := osvOptions(e)
			if err != nil {
				return err
			}
			o.Progress = indexProgress(e.stderr)
			timeout, err := time.ParseDuration(e.v.GetString("download-timeout"))
			if err != nil || timeout <= 0 {
				return usageErr(fmt.Errorf("--download-timeout %q: want a duration such as 10m", e.v.GetString("download-timeout")))
			}
			url := e.v.GetString("url")
			fmt.Fprintf(e.stderr, "downloading %s into %s\n", url, path)
			db, err := advisory.Update(cmd.Context(), path, advisory.UpdateOptions{
				Options: o, URL: url, Timeout: timeout,
				DownloadProgress: func(read, total int64) {
					if total > 0 {
						fmt.Fprintf(e.stderr, "downloaded %.1f of %.1f MiB\n", float64(read)/(1<<20), float64(total)/(1<<20))
					} else {
						fmt.Fprintf(e.stderr, "downloaded %.1f MiB\n", float64(read)/(1<<20))
					}
				},
			})
			if err != nil {
				return analysisErr(err)
			}
			printSummary(e.stderr, db.Info())
			return nil
		},
	}
	addDBFlag(cmd)
	cmd.Flags().String("url", advisory.DefaultDownloadURL, "URL of the all.zip to download")
	cmd.Flags().String("download-timeout", "10m", "give up the download after this long")
	return cmd
}

func printSummary(w io.Writer, in advisory.Info) {
	fmt.Fprintf(w, "OSV database %s: %d records (%d malicious-package verdicts) for %d packages; %d withdrawn and %d unreadable records skipped; %d network indicators",
		in.Path, in.Records, in.Malicious, in.Packages, in.Withdrawn, in.Invalid, in.Indicators)
	if n := excludedTotal(in); n > 0 || in.Shared+in.Wide > 0 {
		fmt.Fprintf(w, " (%d context only: shared infrastructure or widely listed; %d excluded: reserved names, non-public addresses, unusable values)", in.Shared+in.Wide, n)
	}
	fmt.Fprintln(w)
	for _, p := range in.Problems {
		fmt.Fprintf(w, "  unreadable: %s\n", p)
	}
}

// excludedTotal is the number of indicators the database never matches.
func excludedTotal(in advisory.Info) int {
	n := 0
	for _, c := range in.Excluded {
		n += c
	}
	return n
}

func newOSVStatsCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Describe the OSV database: feeds, records, packages, indicators",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			useDBFlag(e)
			db, err := openOSV(e)
			if err != nil {
				return err
			}
			in := db.Info()
			if e.v.GetBool("json") {
				enc := json.NewEncoder(e.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(in)
			}
			w := e.stdout
			fmt.Fprintf(w, "database:    %s\n", in.Path)
			fmt.Fprintf(w, "records:     %s\n", in.Source)
			idx := in.IndexPath
			if idx == "" {
				idx = "(in memory)"
			}
			fmt.Fprintf(w, "index:       %s, built %s\n", idx, in.Built.Format(time.RFC3339))
			fmt.Fprintf(w, "advisories:  %d (%d malicious-package verdicts, %d vulnerabilities)\n", in.Records, in.Malicious, in.Records-in.Malicious)
			fmt.Fprintf(w, "packages:    %d\n", in.Packages)
			fmt.Fprintf(w, "indicators:  %d matched\n", in.Indicators)
			fmt.Fprintf(w, "  context:   %d naming shared infrastructure, %d listed by records about %d+ unrelated packages (matches are context, DBX003 at low severity)\n",
				in.Shared, in.Wide, advisory.WidePackages)
			if len(in.WideExamples) > 0 {
				fmt.Fprintf(w, "             widely listed: %s\n", strings.Join(in.WideExamples, ", "))
			}
			fmt.Fprintf(w, "  excluded:  %d never matched\n", excludedTotal(in))
			for _, r := range []string{advisory.ExcludedReserved, advisory.ExcludedNonPublic, advisory.ExcludedUnusable} {
				if n := in.Excluded[r]; n > 0 {
					fmt.Fprintf(w, "    %-19s %d (e.g. %s)\n", r+":", n, strings.Join(in.ExcludedExamples[r], ", "))
				}
			}
			fmt.Fprintf(w, "skipped:     %d withdrawn, %d unreadable\n", in.Withdrawn, in.Invalid)
			for _, p := range in.Problems {
				fmt.Fprintf(w, "  unreadable: %s\n", p)
			}
			return nil
		},
	}
	addDBFlag(cmd)
	cmd.Flags().Bool("json", false, "print JSON")
	return cmd
}

// splitNameVersion splits "name@version" and "@scope/name@version".
func splitNameVersion(s string) (name, version string, ok bool) {
	i := strings.LastIndexByte(s, '@')
	if i <= 0 {
		return "", "", false
	}
	return s[:i], s[i+1:], s[i+1:] != ""
}

func newOSVQueryCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "query NAME@VERSION... | --ioc HOST...",
		Short: "Show the advisories for packages, or the records listing an indicator",
		Long: `Query looks packages up in the OSV database ("lodash@4.17.20",
"@ctrl/tinycolor@4.1.1") and prints every advisory affecting them. With
--online it asks the osv.dev API instead. With --ioc the arguments are DNS
names, hosts or IP addresses, and query lists the records whose indicators
they match (a name matches indicators for itself and its parent domains).

Exits 1 when anything was found.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			useDBFlag(e)
			asJSON := e.v.GetBool("json")
			if e.v.GetBool("ioc") {
				if e.v.GetBool("online") {
					return usageErr(errors.New("--ioc needs the local database: the osv.dev API does not index indicators"))
				}
				db, err := openOSV(e)
				if err != nil {
					return err
				}
				found := map[string][]advisory.IndicatorHit{}
				n := 0
				for _, a := range args {
					found[a] = db.LookupIndicator(a)
					n += len(found[a])
				}
				if asJSON {
					if err := writeJSON(e.stdout, found); err != nil {
						return err
					}
				} else {
					for _, a := range args {
						if len(found[a]) == 0 {
							fmt.Fprintf(e.stdout, "%s: no indicator matches\n", a)
						}
						for _, h := range found[a] {
							fmt.Fprintf(e.stdout, "%s: %s (%s) lists %s\n", a, h.Advisory, h.Package, h.Indicator)
						}
					}
				}
				if n > 0 {
					return &ExitError{Code: ExitFindings}
				}
				return nil
			}
			var pkgs []advisory.Package
			for _, a := range args {
				name, ver, ok := splitNameVersion(a)
				if !ok {
					return usageErr(fmt.Errorf("%q: want NAME@VERSION, e.g. lodash@4.17.20 or @ctrl/tinycolor@4.1.1", a))
				}
				pkgs = append(pkgs, advisory.Package{Name: name, Version: ver, Path: a})
			}
			var found map[string][]profile.Advisory
			if e.v.GetBool("online") {
				timeout, err := time.ParseDuration(e.v.GetString("api-timeout"))
				if err != nil || timeout <= 0 {
					return usageErr(fmt.Errorf("--api-timeout %q: want a duration such as 30s", e.v.GetString("api-timeout")))
				}
				c := &advisory.Client{BaseURL: e.v.GetString("api-url"), Retries: e.v.GetInt("api-retries"), Timeout: timeout}
				found, err = c.Match(cmd.Context(), pkgs)
				if err != nil {
					return analysisErr(err)
				}
			} else {
				db, err := openOSV(e)
				if err != nil {
					return err
				}
				found, err = db.Match(pkgs)
				if err != nil {
					return analysisErr(err)
				}
			}
			n := 0
			for _, a := range found {
				n += len(a)
			}
			if asJSON {
				out := map[string][]profile.Advisory{}
				for _, p := range pkgs {
					out[p.Path] = found[p.Path]
					if out[p.Path] == nil {
						out[p.Path] = []profile.Advisory{}
					}
				}
				if err := writeJSON(e.stdout, out); err != nil {
					return err
				}
			} else {
				for _, p := range pkgs {
					advs := found[p.Path]
					if len(advs) == 0 {
						fmt.Fprintf(e.stdout, "%s: no advisories\n", p.Path)
						continue
					}
					for _, a := range advs {
						fmt.Fprintf(e.stdout, "%s: %s %s %s", p.Path, a.ID, a.Kind, a.Severity)
						if len(a.Aliases) > 0 {
							fmt.Fprintf(e.stdout, " (aliases %s)", strings.Join(a.Aliases, ", "))
						}
						fmt.Fprintf(e.stdout, "\n    %s\n    affected: %s\n", a.Summary, a.Affected)
						for _, r := range a.References {
							fmt.Fprintf(e.stdout, "    %s\n", r)
						}
					}
				}
			}
			if n > 0 {
				return &ExitError{Code: ExitFindings}
			}
			return nil
		},
	}
	addDBFlag(cmd)
	f := cmd.Flags()
	f.Bool("json", false, "print JSON")
	f.Bool("ioc", false, "the arguments are DNS names, hosts or IP addresses to look up in the indicator table")
	f.Bool("online", false, "ask the osv.dev API instead of the local database")
	f.String("api-url", advisory.DefaultAPI, "OSV API base URL (with --online)")
	f.Int("api-retries", 2, "retries of a failed API request (with --online)")
	f.String("api-timeout", "30s", "timeout of each API request (with --online)")
	return cmd
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
