package advisory

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeOSV serves the osv.dev API (querybatch and vulns) on loopback from
// the testdata records, matching with the local database. pageSize splits
// a query's results into pages to exercise next_page_token.
type fakeOSV struct {
	db       *DB
	records  map[string][]byte
	pageSize int
	// failFirst answers this many requests with 503 first.
	failFirst atomic.Int32
	requests  atomic.Int32
	mu        sync.Mutex
	batches   [][]apiQuery
}

func newFakeOSV(t *testing.T) *fakeOSV {
	t.Helper()
	f := &fakeOSV{db: openTestdata(t), records: map[string][]byte{}}
	err := filepath.WalkDir("testdata", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".json") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		r, err := decodeRecord(b, p)
		if err != nil {
			return err
		}
		f.records[r.ID] = b
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *fakeOSV) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.requests.Add(1)
	if f.failFirst.Load() > 0 {
		f.failFirst.Add(-1)
		http.Error(w, "try again", http.StatusServiceUnavailable)
		return
	}
	switch {
	case r.Method == http.MethodPost && r.URL.Path == "/v1/querybatch":
		var req struct{ Queries []apiQuery }
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		f.mu.Lock()
		f.batches = append(f.batches, req.Queries)
		f.mu.Unlock()
		type vuln struct {
			ID string `json:"id"`
		}
		type result struct {
			Vulns         []vuln `json:"vulns,omitempty"`
			NextPageToken string `json:"next_page_token,omitempty"`
		}
		var out struct {
			Results []result `json:"results"`
		}
		for _, q := range req.Queries {
			var ids []string
			for _, e := range f.db.ix.lookup(keyOf(q.Package.Ecosystem, q.Package.Name)) {
				ver, err := parseVersion(q.Version)
				if e.af.affects(q.Version, ver, err == nil) {
					ids = append(ids, f.db.ix.record(e.rec).ID)
				}
			}
			start := 0
			if q.PageToken != "" {
				start = int(q.PageToken[0] - '0')
			}
			var res result
			end := len(ids)
			if f.pageSize > 0 && end-start > f.pageSize {
				end = start + f.pageSize
				res.NextPageToken = string(rune('0' + end))
			}
			for _, id := range ids[start:end] {
				res.Vulns = append(res.Vulns, vuln{id})
			}
			out.Results = append(out.Results, res)
		}
		json.NewEncoder(w).Encode(out)
	case r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/v1/vulns/"):
		b, ok := f.records[strings.TrimPrefix(r.URL.Path, "/v1/vulns/")]
		if !ok {
			http.Error(w, `{"code":5,"message":"Bug not found."}`, http.StatusNotFound)
			return
		}
		w.Write(b)
	default:
		http.NotFound(w, r)
	}
}

func TestClientMatch(t *testing.T) {
	f := newFakeOSV(t)
	f.pageSize = 1
	srv := httptest.NewServer(f)
	defer srv.Close()
	c := &Client{BaseURL: srv.URL, HTTP: srv.Client(), Timeout: 5 * time.Second}
	pkgs := []Package{
		{Name: "@ctrl/tinycolor", Version: "4.1.2", Path: "node_modules/@ctrl/tinycolor"},
		{Name: "lodash", Version: "4.17.11", Path: "node_modules/lodash"},
		{Name: "left-pad", Version: "1.3.0", Path: "node_modules/left-pad"},
	}
	got, err := c.Match(context.Background(), pkgs)
	if err != nil {
		t.Fatal(err)
	}
	local, _ := f.db.Match(pkgs)
	if len(got) != len(local) {
		t.Fatalf("online %v, local %v", got, local)
	}
	for path, advs := range local {
		if g := got[path]; len(g) != len(advs) {
			t.Errorf("%s: online %v, local %v", path, ids(g), ids(advs))
			continue
		}
		for i := range advs {
			a, b := got[path][i], advs[i]
			if a.ID != b.ID || a.Kind != b.Kind || a.Severity != b.Severity || a.Affected != b.Affected || strings.Join(a.Aliases, ",") != strings.Join(b.Aliases, ",") {
				t.Errorf("%s: online %+v\nlocal %+v", path, a, b)
			}
		}
	}
	if tc := got["node_modules/@ctrl/tinycolor"]; len(tc) != 1 || tc[0].ID != "MAL-2025-47141" || tc[0].Kind != KindMalicious {
		t.Errorf("tinycolor online = %+v", tc)
	}
	if len(f.batches) < 3 {
		t.Errorf("pagination not exercised: %d batches", len(f.batches))
	}
	// Only name and version go to the API (never install paths).
	for _, b := range f.batches {
		for _, q := range b {
			if q.Package.Ecosystem != "npm" || strings.Contains(q.Package.Name, "node_modules") {
				t.Errorf("query %+v", q)
			}
		}
	}
}

func TestClientRetries(t *testing.T) {
	f := newFakeOSV(t)
	f.failFirst.Store(2)
	srv := httptest.NewServer(f)
	defer srv.Close()
	c := &Client{BaseURL: srv.URL, HTTP: srv.Client(), Retries: 2, Timeout: 5 * time.Second}
	got, err := c.Match(context.Background(), []Package{{Name: "ua-parser-js", Version: "0.7.29", Path: "p"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(got["p"]) != 1 {
		t.Errorf("got %v", got)
	}
	// Without retries the 503 is an error, not "no findings".
	f.failFirst.Store(1)
	c.Retries = 0
	if _, err := c.Match(context.Background(), []Package{{Name: "ua-parser-js", Version: "0.7.29", Path: "p"}}); err == nil || !strings.Contains(err.Error(), "503") {
		t.Errorf("503 without retries: %v", err)
	}
}

func TestMain(m *testing.M) {
	retryBase = time.Millisecond
	os.Exit(m.Run())
}

func TestClientErrors(t *testing.T) {
	release := make(chan struct{})
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	defer slow.Close()
	defer close(release)
	bad := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "bad request", http.StatusBadRequest)
	}))
	defer bad.Close()
	garbage := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"results": []}`)) // fewer results than queries
	}))
	defer garbage.Close()
	closed := httptest.NewServer(http.NotFoundHandler())
	closedURL := closed.URL
	closed.Close()

	var badCalls atomic.Int32
	countBad := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		badCalls.Add(1)
		http.Error(w, "bad request", http.StatusBadRequest)
	}))
	defer countBad.Close()

	pkgs := []Package{{Name: "lodash", Version: "4.17.11", Path: "p"}}
	tests := []struct {
		name    string
		c       *Client
		offline bool
		want    string
	}{
		{"offline", &Client{BaseURL: closedURL, Retries: 1, Timeout: time.Second}, true, "offline"},
		{"timeout", &Client{BaseURL: slow.URL, Timeout: 100 * time.Millisecond}, true, "deadline exceeded"},
		{"4xx", &Client{BaseURL: bad.URL, Retries: 3, Timeout: time.Second}, false, "400"},
		{"short answer", &Client{BaseURL: garbage.URL, Timeout: time.Second}, false, "0 results for 1 queries"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.c.Match(context.Background(), pkgs)
			if err == nil {
				t.Fatal("no error")
			}
			if errors.Is(err, ErrOffline) != tt.offline || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v (offline=%v), want %q offline=%v", err, errors.Is(err, ErrOffline), tt.want, tt.offline)
			}
		})
	}
	c := &Client{BaseURL: countBad.URL, Retries: 3, Timeout: time.Second}
	c.Match(context.Background(), pkgs)
	if n := badCalls.Load(); n != 1 {
		t.Errorf("a 400 was retried: %d calls", n)
	}
}

func TestUpdate(t *testing.T) {
	dir := t.TempDir()
	z := filepath.Join(dir, "all.zip")
	writeZip(t, z, "testdata/mal-famous")
	mux := http.NewServeMux()
	mux.HandleFunc("/npm/all.zip", func(w http.ResponseWriter, r *http.Request) { http.ServeFile(w, r, z) })
	mux.HandleFunc("/broken/all.zip", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("<html>captive portal</html>")) })
	srv := httptest.NewServer(mux)
	defer srv.Close()

	db := filepath.Join(dir, "db")
	var progressed bool
	d, err := Update(context.Background(), db, UpdateOptions{
		URL: srv.URL + "/npm/all.zip", HTTP: srv.Client(), Options: Options{IndexDir: dir},
		DownloadProgress: func(read, total int64) { progressed = true },
	})
	if err != nil {
		t.Fatal(err)
	}
	if d.Info().Records != 8 || !progressed {
		t.Errorf("records = %d, progress=%v", d.Info().Records, progressed)
	}
	if _, err := os.Stat(FeedPath(db, MainFeed)); err != nil {
		t.Error(err)
	}
	// A download that is not a zip, or no network: the database stays.
	if _, err := Update(context.Background(), db, UpdateOptions{URL: srv.URL + "/broken/all.zip", HTTP: srv.Client()}); err == nil || !strings.Contains(err.Error(), "not a zip") {
		t.Errorf("broken download: %v", err)
	}
	if _, err := Update(context.Background(), db, UpdateOptions{URL: srv.URL + "/missing/all.zip", HTTP: srv.Client()}); err == nil || !strings.Contains(err.Error(), "404") {
		t.Errorf("404: %v", err)
	}
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()
	_, err = Update(context.Background(), db, UpdateOptions{URL: closed.URL + "/npm/all.zip", Timeout: time.Second})
	if !errors.Is(err, ErrOffline) || !strings.Contains(err.Error(), "depbox osv import") {
		t.Errorf("offline update: %v", err)
	}
	d, err = Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if d.Info().Records != 8 {
		t.Errorf("database changed by failed updates: %d records", d.Info().Records)
	}
}
