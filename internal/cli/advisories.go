package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/depbox/depbox/internal/advisory"
	"github.com/depbox/depbox/profile"
)

// addAdvisoryFlags declares the advisory flags of the scanning commands.
func addAdvisoryFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.String("osv-db", "", "OSV database: depbox's (see depbox osv import), an all.zip, or a directory of OSV records (default: depbox's database in the cache directory, when it exists)")
	f.Bool("osv-online", false, "ask the osv.dev API (package name and version only) instead of a local database")
	f.String("osv-url", advisory.DefaultAPI, "base URL of the OSV API for --osv-online")
}

// advisories looks dependencies up in the configured advisory source.
type advisories struct {
	db     *advisory.DB
	client *advisory.Client
}

// openAdvisories opens the source before the scan, so that a missing
// database fails at once: an explicitly configured database that is missing
// is an input error; with none configured, depbox's own database is used
// when it exists, and its absence is reported in the profile (never a
// silent "no findings").
func (e *env) openAdvisories() (*advisories, error) {
	if e.v.GetBool("osv-online") {
		fmt.Fprintln(e.stderr, "depbox: advisories come from the OSV API (--osv-online): package names and versions leave this machine")
		return &advisories{client: &advisory.Client{BaseURL: e.v.GetString("osv-url"), Retries: 3, Timeout: 30 * time.Second}}, nil
	}
	if e.v.GetString("osv-db") != "" {
		db, err := openOSV(e)
		if err != nil {
			return nil, err
		}
		return &advisories{db: db}, nil
	}
	c, err := osvCacheDir(e)
	if err != nil {
		return nil, err
	}
	path := advisory.DefaultPath(c)
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return &advisories{}, nil
	}
	db, err := openOSV(e)
	if err != nil {
		return nil, err
	}
	return &advisories{db: db}, nil
}

// annotate adds advisory matches and indicator hits to the profile.
func (a *advisories) annotate(ctx context.Context, p *profile.Profile) error {
	pkgs := advisory.Packages(p)
	switch {
	case a.client != nil:
		found, err := a.client.Match(ctx, pkgs)
		if err != nil {
			return fmt.Errorf("looking up advisories online: %w", err)
		}
		advisory.Annotate(p, found)
	case a.db != nil:
		found, err := a.db.Match(pkgs)
		if err != nil {
			return fmt.Errorf("looking up advisories: %w", err)
		}
		advisory.Annotate(p, found)
		p.IOCMatches = append(p.IOCMatches, a.db.MatchIOCs(p)...)
		for i := range p.Worlds {
			w := &p.Worlds[i]
			w.IOCMatches = append(w.IOCMatches, a.db.MatchIOCs(w.Profile(p))...)
		}
	default:
		p.AddProblem(profile.Problem{Code: "advisories-unavailable",
			Message: "no advisory database: dependencies were not checked against OSV (run depbox osv import FILE or depbox osv update, or pass --osv-db / --osv-online)"})
	}
	// Advisory text is untrusted input as well (and names packages that
	// chose their own names): escaped and bounded like the rest.
	p.Sanitize()
	p.Canonicalize()
	return nil
}
