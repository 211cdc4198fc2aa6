package scan

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/depbox/depbox/internal/bundle"
	"github.com/depbox/depbox/internal/canary"
)

// stager stages the bundle into the task directory, at once or — for a
// scan with the import cache that may need no sandbox — only when the
// first sandbox run needs it (docs/performance.md "Not copying at all"):
// until then the bundle is surveyed where it lies (bundle.Survey), which
// reads only the files whose identity changed since the last scan.
type stager struct {
	o        Options
	task     string
	opts     bundle.Options
	bundle   *bundle.Bundle // as surveyed, until staged
	staged   bool
	canaries *canary.Set
}

// open opens the bundle: surveyed when the scan may end without a sandbox
// run (an import cache, no invoke phase, no layers, a directory) and an
// earlier scan left a memo of its files, else staged into the task
// directory (leaving that memo when the bundle could have been surveyed).
func (st *stager) open(layerDir string) (*bundle.Bundle, error) {
	o := st.o
	opts := bundle.Options{Handler: o.Handler, Function: o.Function, Runtime: o.Runtime, Lockfile: o.Lockfile, Layers: o.Layers, LayerDir: layerDir}
	st.opts = opts
	if o.ImportCache != "" && len(o.Events) == 0 && o.EventsFor == nil && len(o.Layers) == 0 {
		if fi, err := os.Stat(o.Path); err == nil && fi.IsDir() {
			opts.Memo = filepath.Join(o.ImportCache, "files")
			b, err := bundle.Survey(o.Path, st.opts, opts.Memo)
			switch {
			case err == nil:
				st.bundle = b
				return b, nil
			case errors.Is(err, bundle.ErrInput):
				return nil, &InputError{err}
			case !errors.Is(err, bundle.ErrNoMemo):
				// Staging says what is wrong, or succeeds.
				o.Log.Warn("surveying the bundle failed; staging it", "err", err)
			}
		}
	}
	b, err := st.stageWith(opts)
	if err != nil {
		return nil, err
	}
	st.bundle, st.staged = b, true
	return b, nil
}

// stageWith copies the bundle into the task directory (bundle.Open).
func (st *stager) stageWith(opts bundle.Options) (*bundle.Bundle, error) {
	b, err := bundle.Open(st.o.Path, st.task, opts)
	if err != nil {
		if errors.Is(err, bundle.ErrInput) {
			return nil, &InputError{err}
		}
		return nil, fmt.Errorf("reading bundle %s: %w", st.o.Path, err)
	}
	return b, nil
}

// bait places the bait .env file into the staged bundle, now or once it
// is staged.
func (st *stager) bait(c *canary.Set) error {
	st.canaries = c
	if !st.staged {
		return nil
	}
	return baitTask(st.task, c)
}

// ensure stages a surveyed bundle (nil: staged from the start). The
// staged copy must be what the survey described — the same digest — or
// the scan stops: the bundle changed while it was being scanned.
func (st *stager) ensure() error {
	if st == nil || st.staged {
		return nil
	}
	b, err := st.stageWith(st.opts)
	if err != nil {
		return err
	}
	if b.Digest != st.bundle.Digest {
		return fmt.Errorf("the bundle %s changed while it was being scanned (digest %s, then %s); scan it again", st.o.Path, st.bundle.Digest, b.Digest)
	}
	*st.bundle = *b
	st.staged = true
	if st.canaries != nil {
		return baitTask(st.task, st.canaries)
	}
	return nil
}

// dir is where the bundle's files are on the host now: the task directory
// once staged, else the bundle's own directory (surveyed where it lies).
func (st *stager) dir() string {
	if st.staged {
		return st.task
	}
	return st.o.Path
}
