package audit

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Listing says where a batch's jobs sit in the whole list: the list had
// Total jobs and this run audits shard I of N (1/1 when unsharded). Records
// carry it so that the outputs of the shards can be merged back into list
// order (Merge).
type Listing struct {
	I, N, Total int
}

// Position is the 1-based place in the whole list of the index-th
// (0-based) job of this shard (see Shard).
func (l Listing) Position(index int) int {
	return l.I + index*max(l.N, 1)
}

// Stamp sets the record's place in the list.
func (l Listing) Stamp(rec *Record, index int) {
	rec.Position = l.Position(index)
	rec.ListSize = l.Total
	if l.N > 1 {
		rec.Shard = fmt.Sprintf("%d/%d", l.I, l.N)
	}
}

// MergeInput is one shard's JSON-lines output.
type MergeInput struct {
	Name string
	R    io.Reader
}

// MergeSummary counts what Merge combined.
type MergeSummary struct {
	// Packages is the length of the list; Records how many of its entries
	// had a record.
	Packages, Records int
	// Shards is n of the shards' i/n (1 for unsharded outputs).
	Shards                       int
	OK, Cached, Incomplete, Fail int
	// Missing are the list positions no input had a record for, and
	// MissingShards the shards they belong to.
	Missing       []int
	MissingShards []string
}

// Complete reports whether every entry of the list has a record and every
// record is ok.
func (s *MergeSummary) Complete() bool {
	return len(s.Missing) == 0 && s.Incomplete == 0 && s.Fail == 0
}

func (s *MergeSummary) String() string {
	shards := ""
	if s.Shards > 1 {
		shards = fmt.Sprintf(" from %d shards", s.Shards)
	}
	line := fmt.Sprintf("%d packages%s: %d ok (%d cached), %d incomplete, %d failed", s.Packages, shards, s.OK, s.Cached, s.Incomplete, s.Fail)
	if len(s.Missing) > 0 {
		pos := make([]string, len(s.Missing))
		for i, p := range s.Missing {
			pos[i] = strconv.Itoa(p)
		}
		line += fmt.Sprintf(", %d missing (list positions %s, of shards %s: re-run them)", len(s.Missing), strings.Join(pos, ", "), strings.Join(s.MissingShards, ", "))
	}
	return line
}

// Merge reads the JSON-lines outputs of the shards of one list (depbox audit
// --from LIST --shard i/n --format jsonl) and writes their records to w as
// one result in list order, as an unsharded run would have written them.
// It streams: each input is in list order already, so the inputs are merged
// by position holding one record of each. An input that is not such an
// output, records of different lists, or two records for one list position
// are errors (wrapping ErrSpec); positions no input covers are reported in
// the summary, not as an error: the caller decides (depbox audit merge
// exits 3).
func Merge(inputs []MergeInput, w io.Writer) (*MergeSummary, error) {
	sum := &MergeSummary{}
	streams := make([]*recordStream, len(inputs))
	for i, in := range inputs {
		sc := bufio.NewScanner(in.R)
		sc.Buffer(make([]byte, 0, 1<<20), 256<<20)
		streams[i] = &recordStream{name: in.Name, sc: sc, sum: sum}
		if err := streams[i].next(); err != nil {
			return nil, err
		}
	}
	missingShard := map[string]bool{}
	missing := func(from, to int) {
		for pos := from; pos < to; pos++ {
			sum.Missing = append(sum.Missing, pos)
			missingShard[fmt.Sprintf("%d/%d", (pos-1)%sum.Shards+1, sum.Shards)] = true
		}
	}
	last := 0 // the last position written
	for {
		var head *recordStream
		for _, st := range streams {
			if st.rec != nil && (head == nil || st.rec.Position < head.rec.Position) {
				head = st
			}
		}
		if head == nil {
			break
		}
		rec := head.rec
		if rec.Position == last {
			return nil, fmt.Errorf("%w: list position %d has a record in %s and before it: merge each shard's output once", ErrSpec, rec.Position, head.where())
		}
		missing(last+1, rec.Position)
		last = rec.Position
		sum.count(rec)
		rec.Shard = ""
		if err := WriteRecord(w, rec); err != nil {
			return nil, fmt.Errorf("writing the merged result: %w", err)
		}
		if err := head.next(); err != nil {
			return nil, err
		}
	}
	if sum.Packages == 0 {
		return nil, fmt.Errorf("%w: no records in %d inputs", ErrSpec, len(inputs))
	}
	missing(last+1, sum.Packages+1)
	for s := range missingShard {
		sum.MissingShards = append(sum.MissingShards, s)
	}
	slices.SortFunc(sum.MissingShards, func(a, b string) int {
		ai, _, _ := ParseShard(a)
		bi, _, _ := ParseShard(b)
		return ai - bi
	})
	return sum, nil
}

// count adds a record's status to the summary.
func (s *MergeSummary) count(rec *Record) {
	s.Records++
	switch rec.Status {
	case "ok":
		s.OK++
		if rec.Package != nil && rec.Package.Cached && (rec.AgainstPackage == nil || rec.AgainstPackage.Cached) {
			s.Cached++
		}
	case "incomplete":
		s.Incomplete++
	default:
		s.Fail++
	}
}

// recordStream reads one shard's records, checking each against the list
// the first record of any input described.
type recordStream struct {
	name string
	sc   *bufio.Scanner
	line int
	rec  *Record // the current record; nil at the end
	sum  *MergeSummary
}

func (r *recordStream) where() string { return fmt.Sprintf("%s:%d", r.name, r.line) }

// next reads the next record (nil at the end of the input).
func (r *recordStream) next() error {
	prev := 0
	if r.rec != nil {
		prev = r.rec.Position
	}
	r.rec = nil
	for r.sc.Scan() {
		r.line++
		raw := bytes.TrimSpace(r.sc.Bytes())
		if len(raw) == 0 {
			continue
		}
		var rec Record
		if err := json.Unmarshal(raw, &rec); err != nil {
			return fmt.Errorf("%w: %s: not a depbox audit record: %v", ErrSpec, r.where(), err)
		}
		if rec.Schema != RecordSchema {
			return fmt.Errorf("%w: %s: record schema %q, want %q (merge outputs of the same depbox version)", ErrSpec, r.where(), rec.Schema, RecordSchema)
		}
		if rec.Position < 1 || rec.ListSize < rec.Position {
			return fmt.Errorf("%w: %s: the record has no list position: merge outputs of depbox audit --from LIST --format jsonl", ErrSpec, r.where())
		}
		if rec.Position <= prev {
			return fmt.Errorf("%w: %s: list position %d after %d: a shard's output is in list order; merge each shard's output once, unedited", ErrSpec, r.where(), rec.Position, prev)
		}
		n := 1
		if rec.Shard != "" {
			_, sn, err := ParseShard(rec.Shard)
			if err != nil {
				return fmt.Errorf("%s: %w", r.where(), err)
			}
			n = sn
		}
		switch s := r.sum; {
		case s.Packages == 0:
			s.Packages, s.Shards = rec.ListSize, n
		case rec.ListSize != s.Packages || n != s.Shards:
			return fmt.Errorf("%w: %s: a list of %d in %d shards, the records before were of a list of %d in %d shards: merge the outputs of one list",
				ErrSpec, r.where(), rec.ListSize, n, s.Packages, s.Shards)
		}
		r.rec = &rec
		return nil
	}
	if err := r.sc.Err(); err != nil {
		return fmt.Errorf("reading %s: %w", r.name, err)
	}
	return nil
}
