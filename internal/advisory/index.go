package advisory

import (
	"cmp"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// The on-disk index is one file:
//
//	"DBXOSV1\n" | u32 header length | header (JSON) | u32 CRC-32 of body | body
//
// The body holds three tables of little-endian u32 offsets into itself —
// records, package keys (sorted) and indicators (sorted) — followed by their
// entries, varint-encoded. Opening an index reads the file and checks the
// CRC; lookups binary-search the sorted tables and decode only the entries
// they touch, so nothing is parsed up front however many records there are.
const indexMagic = "DBXOSV1\n"

// indexFormat changes whenever the body's encoding or the record
// interpretation (classification, indicators) changes; older indexes are
// rebuilt.
const indexFormat = 4

// header describes an index and the source it was built from.
type header struct {
	Format    int       `json:"format"`
	Source    string    `json:"source"`
	StatFP    string    `json:"stat_fingerprint"`
	ContentFP string    `json:"content_fingerprint"`
	Built     time.Time `json:"built"`
	Counts
	RecTable [2]uint32 `json:"rec_table"` // offset, count
	KeyTable [2]uint32 `json:"key_table"`
	IOCTable [2]uint32 `json:"ioc_table"`
}

// index is an opened index: the header and the body bytes.
type index struct {
	hdr  header
	body []byte
}

// keyOf is the index key of a package (PyPI names in their PEP 503 form).
func keyOf(ecosystem, name string) string {
	return ecosystem + "\x00" + normalizeName(ecosystem, name)
}

// ProgressFunc is told how many records of total were indexed so far.
type ProgressFunc func(done, total int)

// buildIndex reads every record of src and builds an index.
func buildIndex(src Source, progress ProgressFunc) (*index, error) {
	statFP, err := src.StatFingerprint()
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", src, err)
	}
	contentFP, err := src.ContentFingerprint()
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", src, err)
	}
	entries, closeSrc, err := src.Entries()
	if err != nil {
		return nil, err
	}
	defer closeSrc()

	recs := make([]*record, len(entries))
	errs := make([]error, len(entries))
	var done atomic.Int64
	var next atomic.Int64
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), 8)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(entries) {
					return
				}
				data, err := entries[i].Read()
				if err == nil {
					recs[i], err = decodeRecord(data, entries[i].Name)
				}
				if err != nil {
					errs[i] = fmt.Errorf("%s: %w", entries[i].Name, err)
				}
				if n := done.Add(1); progress != nil && (n%2000 == 0 || int(n) == len(entries)) {
					progress(int(n), len(entries))
				}
			}
		}()
	}
	wg.Wait()
	if progress != nil && len(entries) == 0 {
		progress(0, 0)
	}

	h := header{Format: indexFormat, Source: src.String(), StatFP: statFP, ContentFP: contentFP, Built: time.Now().UTC()}
	var kept []*record
	for i, r := range recs {
		switch {
		case errs[i] != nil:
			h.Invalid++
			if len(h.Problems) < 10 {
				h.Problems = append(h.Problems, errs[i].Error())
			}
		case r.Withdrawn:
			h.Withdrawn++
		default:
			kept = append(kept, r)
		}
	}
	if len(kept) == 0 {
		if h.Invalid > 0 {
			return nil, fmt.Errorf("%s: none of its %d OSV records could be read (first problem: %s)", src, h.Invalid, h.Problems[0])
		}
		if h.Withdrawn == 0 {
			return nil, fmt.Errorf("%s holds no OSV records (*.json)", src)
		}
	}
	return encodeIndex(h, kept), nil
}

type keyRef struct {
	rec uint32
	af  *affected
}

type iocRef struct {
	ind indicator
	rec uint32
}

// An indicator is widely listed — context, not a verdict — when records
// about at least WidePackages different packages, published on at least
// WideDays different days, list it. A campaign's records come in bursts of
// a few days (one worker host for 500 packages over 5 days); a service that
// unrelated authors keep abusing over months (webhook.site, public
// Ethereum RPC endpoints) is listed across many days. docs/advisories.md
// has the figures behind the numbers.
const (
	WidePackages = 10
	WideDays     = 8
)

// maxExamples bounds the examples the header keeps per reason.
const maxExamples = 5

func encodeIndex(h header, recs []*record) *index {
	keys := map[string][]keyRef{}
	var iocs []iocRef
	type spread struct{ pkgs, days map[string]bool }
	spreads := map[string]*spread{}
	h.Excluded, h.ExcludedExamples = map[string]int{}, map[string][]string{}
	for i, r := range recs {
		if r.Kind == KindMalicious {
			h.Malicious++
		}
		for j := range r.Affected {
			af := &r.Affected[j]
			k := keyOf(af.Ecosystem, af.Name)
			keys[k] = append(keys[k], keyRef{uint32(i), af})
		}
		pkg := r.ID
		if len(r.Affected) > 0 {
			pkg = keyOf(r.Affected[0].Ecosystem, r.Affected[0].Name)
		}
		for _, ind := range r.IOCs {
			iocs = append(iocs, iocRef{ind, uint32(i)})
			if ind.Reserved {
				continue
			}
			k := string(ind.Kind) + ind.Key
			sp := spreads[k]
			if sp == nil {
				sp = &spread{map[string]bool{}, map[string]bool{}}
				spreads[k] = sp
			}
			sp.pkgs[pkg] = true
			if r.Published != "" {
				sp.days[r.Published] = true
			}
		}
		for _, ex := range r.Excluded {
			h.Excluded[ex.Reason]++
			if exs := h.ExcludedExamples[ex.Reason]; len(exs) < maxExamples && !slices.Contains(exs, ex.Listed) {
				h.ExcludedExamples[ex.Reason] = append(exs, ex.Listed)
			}
		}
	}
	wide := map[string]bool{}
	for k, sp := range spreads {
		if len(sp.pkgs) >= WidePackages && len(sp.days) >= WideDays {
			wide[k] = true
		}
	}
	for i := range iocs {
		ind := &iocs[i].ind
		k := string(ind.Kind) + ind.Key
		if ind.Reserved {
			continue
		}
		h.Indicators++
		if ind.Shared {
			h.Shared++
		}
		if wide[k] {
			h.Wide++
			ind.Wide = true
			if !slices.Contains(h.WideExamples, ind.Key) && len(h.WideExamples) < 2*maxExamples {
				h.WideExamples = append(h.WideExamples, ind.Key)
			}
		}
	}
	slices.Sort(h.WideExamples)
	h.Records = len(recs)
	h.Packages = len(keys)
	sortedKeys := make([]string, 0, len(keys))
	for k := range keys {
		sortedKeys = append(sortedKeys, k)
	}
	slices.Sort(sortedKeys)
	slices.SortFunc(iocs, func(a, b iocRef) int {
		return cmp.Or(strings.Compare(a.ind.Key, b.ind.Key), cmp.Compare(a.rec, b.rec), strings.Compare(a.ind.Listed, b.ind.Listed))
	})

	nTables := len(recs) + len(sortedKeys) + len(iocs)
	body := make([]byte, 4*nTables, 4*nTables+64*len(recs))
	h.RecTable = [2]uint32{0, uint32(len(recs))}
	h.KeyTable = [2]uint32{uint32(4 * len(recs)), uint32(len(sortedKeys))}
	h.IOCTable = [2]uint32{uint32(4 * (len(recs) + len(sortedKeys))), uint32(len(iocs))}
	e := &enc{b: body}
	put := func(table [2]uint32, i int) {
		binary.LittleEndian.PutUint32(e.b[int(table[0])+4*i:], uint32(len(e.b)))
	}
	for i, r := range recs {
		put(h.RecTable, i)
		e.str(r.ID)
		e.str(r.Kind)
		e.str(r.Severity)
		e.str(r.Summary)
		pkg := ""
		if len(r.Affected) > 0 {
			pkg = r.Affected[0].Name
		}
		e.str(pkg)
		e.strs(r.Aliases)
		e.strs(r.References)
	}
	for i, k := range sortedKeys {
		put(h.KeyTable, i)
		e.str(k)
		refs := keys[k]
		e.uv(uint64(len(refs)))
		for _, ref := range refs {
			e.uv(uint64(ref.rec))
			e.strs(ref.af.Versions)
			e.uv(uint64(len(ref.af.Ranges)))
			for _, evs := range ref.af.Ranges {
				e.uv(uint64(len(evs)))
				for _, ev := range evs {
					e.b = append(e.b, ev.Kind)
					e.str(ev.Version)
				}
			}
		}
	}
	for i, ref := range iocs {
		put(h.IOCTable, i)
		e.str(ref.ind.Key)
		e.b = append(e.b, ref.ind.Kind, ref.ind.flags())
		e.uv(uint64(ref.rec))
		e.str(ref.ind.Listed)
	}
	return &index{hdr: h, body: e.b}
}

// marshal encodes the index file.
func (ix *index) marshal() []byte {
	hj, _ := json.Marshal(ix.hdr)
	out := make([]byte, 0, len(indexMagic)+8+len(hj)+len(ix.body))
	out = append(out, indexMagic...)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(hj)))
	out = append(out, hj...)
	out = binary.LittleEndian.AppendUint32(out, crc32.ChecksumIEEE(ix.body))
	return append(out, ix.body...)
}

var errBadIndex = errors.New("not a depbox OSV index")

// unmarshalIndex decodes an index file, checking its format and checksum.
func unmarshalIndex(b []byte) (*index, error) {
	if len(b) < len(indexMagic)+8 || string(b[:len(indexMagic)]) != indexMagic {
		return nil, errBadIndex
	}
	b = b[len(indexMagic):]
	n := int(binary.LittleEndian.Uint32(b))
	b = b[4:]
	if n > len(b)-4 {
		return nil, errBadIndex
	}
	var h header
	if err := json.Unmarshal(b[:n], &h); err != nil {
		return nil, errBadIndex
	}
	if h.Format != indexFormat {
		return nil, fmt.Errorf("index format %d, want %d", h.Format, indexFormat)
	}
	sum := binary.LittleEndian.Uint32(b[n:])
	body := b[n+4:]
	if crc32.ChecksumIEEE(body) != sum {
		return nil, fmt.Errorf("%w: checksum mismatch", errBadIndex)
	}
	for _, t := range [][2]uint32{h.RecTable, h.KeyTable, h.IOCTable} {
		if uint64(t[0])+4*uint64(t[1]) > uint64(len(body)) {
			return nil, errBadIndex
		}
	}
	return &index{hdr: h, body: body}, nil
}

// writeIndexFile writes the index atomically (temporary file and rename), so
// that concurrent scans never read a half-written index.
func writeIndexFile(path string, ix *index) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".index-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(ix.marshal()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func (ix *index) offset(table [2]uint32, i int) int {
	return int(binary.LittleEndian.Uint32(ix.body[int(table[0])+4*i:]))
}

// recMeta is a record's description as stored in the index.
type recMeta struct {
	ID, Kind, Severity, Summary, Package string
	Aliases, References                  []string
}

func (ix *index) record(i int) recMeta {
	d := &dec{b: ix.body, p: ix.offset(ix.hdr.RecTable, i)}
	return recMeta{
		ID: d.str(), Kind: d.str(), Severity: d.str(), Summary: d.str(), Package: d.str(),
		Aliases: d.strs(), References: d.strs(),
	}
}

// keyEntry is one affected[] entry of a record for a package.
type keyEntry struct {
	rec int
	af  affected
}

// lookup returns the affected entries indexed for a package key.
func (ix *index) lookup(key string) []keyEntry {
	n := int(ix.hdr.KeyTable[1])
	i := sort.Search(n, func(i int) bool {
		d := &dec{b: ix.body, p: ix.offset(ix.hdr.KeyTable, i)}
		return string(d.raw()) >= key
	})
	if i >= n {
		return nil
	}
	d := &dec{b: ix.body, p: ix.offset(ix.hdr.KeyTable, i)}
	if string(d.raw()) != key {
		return nil
	}
	eco, name, _ := strings.Cut(key, "\x00")
	cnt := int(d.uv())
	out := make([]keyEntry, 0, cnt)
	for range cnt {
		ke := keyEntry{rec: int(d.uv()), af: affected{Ecosystem: eco, Name: name}}
		ke.af.Versions = d.strs()
		nr := int(d.uv())
		for range nr {
			ne := int(d.uv())
			evs := make([]event, 0, ne)
			for range ne {
				k := d.byte()
				evs = append(evs, event{Kind: k, Version: d.str()})
			}
			ke.af.Ranges = append(ke.af.Ranges, evs)
		}
		if d.bad {
			return out
		}
		out = append(out, ke)
	}
	return out
}

// iocEntry is an indexed indicator.
type iocEntry struct {
	kind, flags byte
	rec         int
	listed      string
}

// indicators returns the indicators indexed under key.
func (ix *index) indicators(key string) []iocEntry {
	n := int(ix.hdr.IOCTable[1])
	i := sort.Search(n, func(i int) bool {
		d := &dec{b: ix.body, p: ix.offset(ix.hdr.IOCTable, i)}
		return string(d.raw()) >= key
	})
	var out []iocEntry
	for ; i < n; i++ {
		d := &dec{b: ix.body, p: ix.offset(ix.hdr.IOCTable, i)}
		if string(d.raw()) != key {
			break
		}
		k, fl := d.byte(), d.byte()
		rec := int(d.uv())
		out = append(out, iocEntry{kind: k, flags: fl, rec: rec, listed: d.str()})
	}
	return out
}

// keys calls f for every package key in order (for stats and tests).
func (ix *index) eachKey(f func(key string)) {
	for i := range int(ix.hdr.KeyTable[1]) {
		d := &dec{b: ix.body, p: ix.offset(ix.hdr.KeyTable, i)}
		f(d.str())
	}
}

type enc struct{ b []byte }

func (e *enc) uv(x uint64) { e.b = binary.AppendUvarint(e.b, x) }
func (e *enc) str(s string) {
	e.uv(uint64(len(s)))
	e.b = append(e.b, s...)
}
func (e *enc) strs(ss []string) {
	e.uv(uint64(len(ss)))
	for _, s := range ss {
		e.str(s)
	}
}

// dec reads what enc wrote; out-of-range reads set bad and return zero
// values (the body's checksum makes that a can't-happen, not a panic).
type dec struct {
	b   []byte
	p   int
	bad bool
}

func (d *dec) uv() uint64 {
	if d.p < 0 || d.p >= len(d.b) {
		d.bad = true
		return 0
	}
	x, n := binary.Uvarint(d.b[d.p:])
	if n <= 0 {
		d.bad = true
		return 0
	}
	d.p += n
	return x
}

func (d *dec) byte() byte {
	if d.p < 0 || d.p >= len(d.b) {
		d.bad = true
		return 0
	}
	c := d.b[d.p]
	d.p++
	return c
}

// raw returns a string's bytes without copying them.
func (d *dec) raw() []byte {
	n := d.uv()
	if d.bad || n > uint64(len(d.b)-d.p) {
		d.bad = true
		return nil
	}
	s := d.b[d.p : d.p+int(n)]
	d.p += int(n)
	return s
}

func (d *dec) str() string { return string(d.raw()) }

func (d *dec) strs() []string {
	n := d.uv()
	if d.bad || n > uint64(len(d.b)) {
		d.bad = true
		return nil
	}
	if n == 0 {
		return nil
	}
	out := make([]string, 0, n)
	for range n {
		out = append(out, d.str())
	}
	return out
}
