package advisory

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ossf/osv-schema/bindings/go/osvschema"

	"github.com/depbox/depbox/profile"
)

// DefaultAPI is the osv.dev API.
const DefaultAPI = "https://api.osv.dev"

const userAgent = "depbox (+https://github.com/depbox/depbox)"

// ErrOffline is wrapped by errors that come from not reaching the network.
var ErrOffline = errors.New("network unreachable")

// networkError explains a failed request, marking connection failures as
// ErrOffline with what to do instead.
func networkError(what string, err error) error {
	var dnsErr *net.DNSError
	var opErr *net.OpError
	var urlErr *url.Error
	if errors.As(err, &dnsErr) || errors.As(err, &opErr) ||
		(errors.As(err, &urlErr) && (urlErr.Timeout() || errors.Is(err, context.DeadlineExceeded))) {
		return fmt.Errorf("%s: %w: %v (is this machine offline? use a local database instead: depbox osv import FILE, and scan without --osv-online)", what, ErrOffline, err)
	}
	return fmt.Errorf("%s: %w", what, err)
}

// Client asks the osv.dev API (POST /v1/querybatch with each package's name
// and version, then GET /v1/vulns/ID for every matching record) instead of
// a local database.
type Client struct {
	// BaseURL of the API (default DefaultAPI).
	BaseURL string
	// HTTP client (default http.DefaultClient).
	HTTP *http.Client
	// Retries of a failed request (network errors, 429 and 5xx), with
	// exponential backoff; default 0 (no retries).
	Retries int
	// Timeout of each request (default 30s).
	Timeout time.Duration
}

// batchSize is the API's limit of queries per batch.
const batchSize = 1000

type apiQuery struct {
	Package   apiPackage `json:"package"`
	Version   string     `json:"version,omitempty"`
	PageToken string     `json:"page_token,omitempty"`
}

type apiPackage struct {
	Name      string `json:"name"`
	Ecosystem string `json:"ecosystem"`
}

type apiBatchResponse struct {
	Results []struct {
		Vulns []struct {
			ID string `json:"id"`
		} `json:"vulns"`
		NextPageToken string `json:"next_page_token"`
	} `json:"results"`
}

// Match returns the advisories the API reports for each package, keyed by
// install path, grouped and classified as the local database does. Any
// failed request fails the whole match: a partial answer would read as "no
// findings".
func (c *Client) Match(ctx context.Context, pkgs []Package) (map[string][]profile.Advisory, error) {
	var queries []apiQuery
	var owners []Package
	for _, p := range pkgs {
		if p.Name == "" || p.Version == "" {
			continue
		}
		v := p.Version
		if v == profile.VersionUnknown {
			v = "" // every record of the name: matched by name only
		}
		queries = append(queries, apiQuery{Package: apiPackage{Name: p.Name, Ecosystem: p.ecosystem()}, Version: v})
		owners = append(owners, p)
	}
	ids := make([][]string, len(queries))
	for start := 0; start < len(queries); start += batchSize {
		end := min(start+batchSize, len(queries))
		pending := make([]int, 0, end-start)
		for i := start; i < end; i++ {
			pending = append(pending, i)
		}
		for len(pending) > 0 {
			batch := make([]apiQuery, len(pending))
			for j, i := range pending {
				batch[j] = queries[i]
			}
			var resp apiBatchResponse
			if err := c.post(ctx, "/v1/querybatch", map[string]any{"queries": batch}, &resp); err != nil {
				return nil, err
			}
			if len(resp.Results) != len(batch) {
				return nil, fmt.Errorf("osv.dev querybatch: %d results for %d queries", len(resp.Results), len(batch))
			}
			var again []int
			for j, r := range resp.Results {
				i := pending[j]
				for _, v := range r.Vulns {
					ids[i] = append(ids[i], v.ID)
				}
				if r.NextPageToken != "" {
					queries[i].PageToken = r.NextPageToken
					again = append(again, i)
				}
			}
			pending = again
		}
	}
	var all []string
	for _, l := range ids {
		all = append(all, l...)
	}
	slices.Sort(all)
	all = slices.Compact(all)
	recs, err := c.fetchAll(ctx, all)
	if err != nil {
		return nil, err
	}
	out := map[string][]profile.Advisory{}
	for i, l := range ids {
		if len(l) == 0 {
			continue
		}
		p := owners[i]
		var hits []hit
		for _, id := range l {
			r := recs[id]
			if r == nil || r.Withdrawn {
				continue
			}
			hits = append(hits, hit{meta: r.meta(), affected: r.describeFor(p.ecosystem(), p.Name),
				nameOnly: p.Version == profile.VersionUnknown && !r.affectsEvery(p.ecosystem(), p.Name)})
		}
		if len(hits) == 0 {
			continue
		}
		k := p.key()
		out[k] = mergeAdvisories(append(out[k], group(hits)...))
	}
	return out, nil
}

// meta is the record's description as the index would store it.
func (r *record) meta() recMeta {
	m := recMeta{ID: r.ID, Kind: r.Kind, Severity: r.Severity, Summary: r.Summary, Aliases: r.Aliases, References: r.References}
	if len(r.Affected) > 0 {
		m.Package = r.Affected[0].Name
	}
	return m
}

// affectsEvery reports whether the record affects every version of the
// package (what a package of unknown version is then certainly affected by).
func (r *record) affectsEvery(eco, name string) bool {
	for i := range r.Affected {
		af := &r.Affected[i]
		if af.Ecosystem == eco && normalizeName(eco, af.Name) == normalizeName(eco, name) && af.affects(profile.VersionUnknown, version{}, false) {
			return true
		}
	}
	return false
}

func (r *record) describeFor(eco, name string) string {
	var ds []string
	for i := range r.Affected {
		af := &r.Affected[i]
		if af.Ecosystem == eco && normalizeName(eco, af.Name) == normalizeName(eco, name) {
			if d := af.describe(); d != "" && !slices.Contains(ds, d) {
				ds = append(ds, d)
			}
		}
	}
	return strings.Join(ds, " || ")
}

// fetchAll gets the full records, a few at a time.
func (c *Client) fetchAll(ctx context.Context, ids []string) (map[string]*record, error) {
	out := make(map[string]*record, len(ids))
	var mu sync.Mutex
	var firstErr error
	sem := make(chan struct{}, 8)
	var wg sync.WaitGroup
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	for _, id := range ids {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			r, err := c.fetch(ctx, id)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				if firstErr == nil {
					firstErr = err
					cancel()
				}
				return
			}
			out[id] = r
		}()
	}
	wg.Wait()
	return out, firstErr
}

func (c *Client) fetch(ctx context.Context, id string) (*record, error) {
	var raw json.RawMessage
	if err := c.do(ctx, http.MethodGet, "/v1/vulns/"+url.PathEscape(id), nil, &raw); err != nil {
		return nil, err
	}
	var v osvschema.Vulnerability
	if err := unmarshal.Unmarshal(raw, &v); err != nil {
		return nil, fmt.Errorf("osv.dev record %s: %w", id, err)
	}
	r := fromOSV(&v, id)
	if r.ID == "" {
		r.ID = id
	}
	return r, nil
}

func (c *Client) post(ctx context.Context, path string, body, out any) error {
	b, err := json.Marshal(body)
	if err != nil {
		return err
	}
	return c.do(ctx, http.MethodPost, path, b, out)
}

// do sends one request with retries and decodes the JSON answer into out.
func (c *Client) do(ctx context.Context, method, path string, body []byte, out any) error {
	base := strings.TrimRight(c.BaseURL, "/")
	if base == "" {
		base = DefaultAPI
	}
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	client := c.HTTP
	if client == nil {
		client = http.DefaultClient
	}
	what := "querying the OSV API at " + base
	var lastErr error
	for attempt := 0; attempt <= c.Retries; attempt++ {
		if attempt > 0 {
			wait := backoff(attempt, lastErr)
			select {
			case <-ctx.Done():
				return fmt.Errorf("%s: %w (last error: %v)", what, ctx.Err(), lastErr)
			case <-time.After(wait):
			}
		}
		retry, err := c.once(ctx, client, timeout, method, base+path, body, out)
		if err == nil {
			return nil
		}
		lastErr = err
		if !retry || ctx.Err() != nil {
			break
		}
	}
	var se *statusError
	if errors.As(lastErr, &se) {
		return fmt.Errorf("%s: %w", what, lastErr)
	}
	return networkError(what, lastErr)
}

type statusError struct {
	status     string
	code       int
	retryAfter time.Duration
	body       string
}

func (e *statusError) Error() string {
	if e.body != "" {
		return fmt.Sprintf("%s: %s", e.status, e.body)
	}
	return e.status
}

func (c *Client) once(ctx context.Context, client *http.Client, timeout time.Duration, method, u string, body []byte, out any) (retry bool, err error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, rd)
	if err != nil {
		return false, err
	}
	req.Header.Set("User-Agent", userAgent)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := client.Do(req)
	if err != nil {
		return true, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		se := &statusError{status: resp.Status, code: resp.StatusCode, body: strings.TrimSpace(string(msg))}
		if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil {
			se.retryAfter = time.Duration(s) * time.Second
		}
		return resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500, se
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 64<<20)).Decode(out); err != nil {
		return true, fmt.Errorf("decoding the answer of %s: %w", u, err)
	}
	return false, nil
}

// retryBase is the first retry's wait (tests shorten it).
var retryBase = 500 * time.Millisecond

// backoff waits 0.5s, 1s, 2s, … (at most 10s), or what Retry-After asks
// (at most 30s).
func backoff(attempt int, last error) time.Duration {
	var se *statusError
	if errors.As(last, &se) && se.retryAfter > 0 {
		return min(se.retryAfter, 30*time.Second)
	}
	d := retryBase << (attempt - 1)
	return min(d, 10*time.Second)
}
