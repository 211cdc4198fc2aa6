package audit

import (
	"context"
	"encoding/json"
	"io"
	"sync"
	"time"

	"github.com/depbox/depbox/baseline"
	"github.com/depbox/depbox/profile"
)

// Outcome is one finished job of a batch.
type Outcome struct {
	// Index is the job's position in the (sharded) list.
	Index  int
	Job    Job
	Result *Result
	Err    error
	// Duration is the job's wall-clock time, cached or not.
	Duration time.Duration
}

// Status is "ok", "incomplete" (the profile is incomplete) or "failed" (no
// profile: Err says why).
func (o *Outcome) Status() string {
	switch {
	case o.Err != nil || o.Result == nil:
		return "failed"
	case o.Result.Profile.Incomplete || o.Result.Against != nil && o.Result.Against.Profile.Incomplete:
		return "incomplete"
	}
	return "ok"
}

// Cached reports whether no sandbox ran for the job.
func (o *Outcome) Cached() bool {
	r := o.Result
	return r != nil && r.Cached && (r.Against == nil || r.Against.Cached)
}

// Batch audits a list of jobs, Jobs at a time.
type Batch struct {
	Auditor *Auditor
	// Jobs is how many packages are audited at once, each in its own
	// sandbox (default 1).
	Jobs int
	// Progress is called as each job finishes, in the order they finish,
	// with the number done so far (nil: none).
	Progress func(done, total int, o *Outcome)
}

// Run audits every job. emit is called once per job, in list order (so that
// the output of a list is deterministic); an error from emit stops the
// batch. Once ctx is done, jobs not yet started fail with ctx's error. A
// failed job does not stop the others.
func (b *Batch) Run(ctx context.Context, jobs []Job, emit func(*Outcome) error) error {
	n := max(b.Jobs, 1)
	results := make([]chan *Outcome, len(jobs))
	for i := range results {
		results[i] = make(chan *Outcome, 1)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		mu   sync.Mutex
		done int
		wg   sync.WaitGroup
	)
	next := make(chan int)
	for range min(n, len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				o := b.one(ctx, i, jobs[i])
				mu.Lock()
				done++
				if b.Progress != nil {
					b.Progress(done, len(jobs), o)
				}
				mu.Unlock()
				results[i] <- o
			}
		}()
	}
	go func() {
		defer close(next)
		for i := range jobs {
			select {
			case next <- i:
			case <-ctx.Done():
				for ; i < len(jobs); i++ {
					o := &Outcome{Index: i, Job: jobs[i], Err: ctx.Err()}
					mu.Lock()
					done++
					if b.Progress != nil {
						b.Progress(done, len(jobs), o)
					}
					mu.Unlock()
					results[i] <- o
				}
				return
			}
		}
	}()
	var emitErr error
	for i := range jobs {
		o := <-results[i]
		if emitErr == nil {
			if emitErr = emit(o); emitErr != nil {
				cancel()
			}
		}
	}
	wg.Wait()
	return emitErr
}

func (b *Batch) one(ctx context.Context, i int, j Job) *Outcome {
	t0 := time.Now()
	o := &Outcome{Index: i, Job: j}
	if err := ctx.Err(); err != nil {
		o.Err = err
		return o
	}
	if j.Against != "" {
		o.Result, o.Err = b.Auditor.Compare(ctx, j.Spec, j.Against)
	} else {
		o.Result, o.Err = b.Auditor.Audit(ctx, j.Spec)
	}
	o.Duration = time.Since(t0)
	return o
}

// RecordSchema is the version tag of a JSON-lines record.
const RecordSchema = "depbox.audit/v1"

// Record is one line of --format jsonl: one job's result (docs/audit.md).
type Record struct {
	Schema string `json:"schema"`
	// Spec is the job as given ("npm:axios", "./x.tgz").
	Spec    string `json:"spec"`
	Against string `json:"against,omitempty"`
	// Position is the job's 1-based place in the whole list of a batch
	// (before --shard), ListSize the list's length and Shard "i/n" when the
	// list was sharded: Merge puts the shards' records back in list order.
	Position int    `json:"position,omitempty"`
	ListSize int    `json:"list_size,omitempty"`
	Shard    string `json:"shard,omitempty"`
	// Status is "ok", "incomplete" or "failed".
	Status string `json:"status"`
	// Error says why a job failed; ErrorKind is "input" (the spec: exit 2
	// on its own) or "analysis".
	Error      string         `json:"error,omitempty"`
	ErrorKind  string         `json:"error_kind,omitempty"`
	DurationMS int64          `json:"duration_ms"`
	Package    *RecordPackage `json:"package,omitempty"`
	// AgainstPackage is the version compared with, and Diff what the audited
	// version adds or drops (schema depbox.baseline-diff/v1).
	AgainstPackage *RecordPackage    `json:"against_package,omitempty"`
	Diff           *baseline.Changes `json:"diff,omitempty"`
	Timers         []TimerChange     `json:"timer_changes,omitempty"`
}

// RecordPackage is one audited package version in a record.
type RecordPackage struct {
	Name      string `json:"name"`
	Version   string `json:"version"`
	Integrity string `json:"integrity"`
	// Path is its install path in the profile.
	Path   string `json:"path"`
	Cached bool   `json:"cached"`
	// Profile is the profile, as depbox scan --format json writes it.
	Profile *profile.Profile `json:"profile"`
}

// NewRecord makes the record of an outcome.
func NewRecord(o *Outcome) *Record {
	rec := &Record{Schema: RecordSchema, Spec: o.Job.Spec.String(), Against: o.Job.Against, Status: o.Status(), DurationMS: o.Duration.Milliseconds()}
	if o.Err != nil {
		rec.Error = o.Err.Error()
		rec.ErrorKind = "analysis"
		if IsInput(o.Err) {
			rec.ErrorKind = "input"
		}
	}
	pkg := func(r *Result) *RecordPackage {
		if r == nil {
			return nil
		}
		return &RecordPackage{Name: r.Name, Version: r.Version, Integrity: r.Integrity, Path: r.Path, Cached: r.Cached, Profile: r.Profile}
	}
	if r := o.Result; r != nil {
		rec.Package = pkg(r)
		rec.AgainstPackage = pkg(r.Against)
		rec.Diff = r.Changes
		rec.Timers = r.Timers
	}
	return rec
}

// WriteRecord writes the record as one line of JSON.
func WriteRecord(w io.Writer, rec *Record) error {
	for _, p := range []*RecordPackage{rec.Package, rec.AgainstPackage} {
		if p != nil && p.Profile != nil {
			p.Profile.Canonicalize()
		}
	}
	data, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}
