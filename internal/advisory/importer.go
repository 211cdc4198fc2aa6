package advisory

import (
	"archive/zip"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"time"
)

// DefaultDownloadURL is the OSV export of every npm record.
const DefaultDownloadURL = "https://osv-vulnerabilities.storage.googleapis.com/npm/all.zip"

var feedName = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,63}$`)

// FeedPath is where a feed's all.zip lives in depbox's database directory:
// the main feed at osv-scalibr/npm/all.zip (osv-scanner's layout), others
// at feeds/NAME.zip.
func FeedPath(dbDir, feed string) string {
	if feed == MainFeed || feed == "" {
		return filepath.Join(dbDir, "osv-scalibr", "npm", "all.zip")
	}
	return filepath.Join(dbDir, feedsDir, feed+".zip")
}

const markerText = `This directory is depbox's OSV advisory database.
  osv-scalibr/npm/all.zip   the main feed (depbox osv update, or depbox osv import FILE),
                            in osv-scanner's offline layout
  feeds/NAME.zip            further feeds (depbox osv import --feed NAME FILE)
  index.depbox              the index depbox builds from them (rebuilt when they change)
Delete a feed's zip to drop it.
`

// Import stores the records at src — an all.zip, a directory of OSV JSON
// records, or anything Open accepts — as feed in depbox's database at dbDir
// (replacing that feed, keeping others), then rebuilds the index. A zip is
// copied as is; other sources are zipped. On error the previous feed stays.
func Import(dbDir, src, feed string, o Options) (*DB, error) {
	if feed == "" {
		feed = MainFeed
	}
	if !feedName.MatchString(feed) {
		return nil, fmt.Errorf("feed name %q: use lower-case letters, digits, '.', '_' and '-'", feed)
	}
	s, _, err := resolve(src)
	if err != nil {
		if errors.Is(err, ErrNoDatabase) {
			return nil, fmt.Errorf("nothing to import at %s: give an OSV all.zip or a directory of OSV JSON records", src)
		}
		return nil, err
	}
	if err := os.MkdirAll(dbDir, 0o755); err != nil {
		return nil, fmt.Errorf("creating OSV database %s: %w", dbDir, err)
	}
	tmp, err := os.CreateTemp(dbDir, ".import-*.zip")
	if err != nil {
		return nil, fmt.Errorf("creating OSV database %s: %w", dbDir, err)
	}
	tmpName := tmp.Name()
	defer os.Remove(tmpName)
	if z, ok := s.(ZipSource); ok {
		err = copyZip(tmp, z.Path)
	} else {
		err = zipRecords(tmp, s)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	return installFeed(dbDir, feed, tmpName, o)
}

// copyZip copies an all.zip after checking that it is a readable zip.
func copyZip(dst io.Writer, path string) error {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return fmt.Errorf("reading OSV archive %s: %w (is it a complete all.zip?)", path, err)
	}
	zr.Close()
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := io.Copy(dst, f); err != nil {
		return fmt.Errorf("copying %s: %w", path, err)
	}
	return nil
}

// zipRecords writes a source's records as a zip (names kept).
func zipRecords(dst io.Writer, s Source) error {
	entries, closeSrc, err := s.Entries()
	if err != nil {
		return err
	}
	defer closeSrc()
	if len(entries) == 0 {
		return fmt.Errorf("%s holds no OSV records (*.json)", s)
	}
	zw := zip.NewWriter(dst)
	for _, e := range entries {
		data, err := e.Read()
		if err != nil {
			return fmt.Errorf("reading %s: %w", e.Name, err)
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e.Name, Method: zip.Deflate, Modified: time.Unix(0, 0).UTC()})
		if err != nil {
			return err
		}
		if _, err := w.Write(data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// installFeed moves a complete zip into place as feed and rebuilds the
// index; if the rebuild fails, the previous feed is put back.
func installFeed(dbDir, feed, zipPath string, o Options) (*DB, error) {
	if err := checkRecords(ZipSource{Path: zipPath}); err != nil {
		return nil, fmt.Errorf("importing feed %s: %w", feed, err)
	}
	dst := FeedPath(dbDir, feed)
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dbDir, markerFile), []byte(markerText), 0o644); err != nil {
		return nil, fmt.Errorf("creating OSV database %s: %w", dbDir, err)
	}
	backup := ""
	if _, err := os.Stat(dst); err == nil {
		backup = dst + ".previous"
		if err := os.Rename(dst, backup); err != nil {
			return nil, err
		}
	}
	restore := func() {
		os.Remove(dst)
		if backup != "" {
			os.Rename(backup, dst)
		}
	}
	if err := os.Rename(zipPath, dst); err != nil {
		restore()
		return nil, err
	}
	o.Rebuild = true
	db, err := OpenWith(dbDir, o)
	if err != nil {
		restore()
		// Bring the index back in line with the restored feeds.
		o.Progress = nil
		if _, rerr := OpenWith(dbDir, o); rerr != nil && backup != "" {
			err = errors.Join(err, rerr)
		}
		return nil, fmt.Errorf("importing feed %s: %w", feed, err)
	}
	if backup != "" {
		os.Remove(backup)
	}
	return db, nil
}

// checkRecords fails unless the source holds a readable OSV record, so that
// a feed of junk is refused even when other feeds keep the database useful.
func checkRecords(s Source) error {
	entries, closeSrc, err := s.Entries()
	if err != nil {
		return err
	}
	defer closeSrc()
	var first error
	for _, e := range entries {
		data, err := e.Read()
		if err == nil {
			_, err = decodeRecord(data, e.Name)
		}
		if err == nil {
			return nil
		}
		if first == nil {
			first = err
		}
	}
	if first == nil {
		return errors.New("no OSV records (*.json) in it")
	}
	return fmt.Errorf("none of its %d OSV records could be read (first problem: %v)", len(entries), first)
}

// UpdateOptions tune Update.
type UpdateOptions struct {
	Options
	// URL to download (default DefaultDownloadURL).
	URL string
	// HTTP client (default: one with Timeout).
	HTTP *http.Client
	// Timeout bounds the whole download (default 10 minutes).
	Timeout time.Duration
	// DownloadProgress, when set, is told the bytes read so far and the
	// total (-1 when unknown).
	DownloadProgress func(read, total int64)
}

// Update downloads the OSV npm export into the main feed of depbox's
// database at dbDir and rebuilds the index. Without network it fails with
// an error saying so (wrapping ErrOffline); the database is left as it was.
func Update(ctx context.Context, dbDir string, o UpdateOptions) (*DB, error) {
	url := o.URL
	if url == "" {
		url = DefaultDownloadURL
	}
	timeout := o.Timeout
	if timeout <= 0 {
		timeout = 10 * time.Minute
	}
	client := o.HTTP
	if client == nil {
		client = &http.Client{}
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, fmt.Errorf("download URL %q: %w", url, err)
	}
	req.Header.Set("User-Agent", userAgent)
	resp, err := client.Do(req)
	if err != nil {
		return nil, networkError("downloading the OSV database from "+url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("downloading the OSV database from %s: %s", url, resp.Status)
	}
	if err := os.MkdirAll(dbDir, 0o755); err != nil {
		return nil, fmt.Errorf("creating OSV database %s: %w", dbDir, err)
	}
	tmp, err := os.CreateTemp(dbDir, ".download-*.zip")
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp.Name())
	var body io.Reader = resp.Body
	if o.DownloadProgress != nil {
		body = &progressReader{r: resp.Body, total: resp.ContentLength, f: o.DownloadProgress}
	}
	n, err := io.Copy(tmp, body)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, networkError("downloading the OSV database from "+url, err)
	}
	if resp.ContentLength >= 0 && n != resp.ContentLength {
		return nil, fmt.Errorf("downloading the OSV database from %s: got %d of %d bytes", url, n, resp.ContentLength)
	}
	if zr, err := zip.OpenReader(tmp.Name()); err != nil {
		return nil, fmt.Errorf("the download from %s is not a zip archive: %w", url, err)
	} else {
		zr.Close()
	}
	return installFeed(dbDir, MainFeed, tmp.Name(), o.Options)
}

type progressReader struct {
	r     io.Reader
	read  int64
	total int64
	last  time.Time
	f     func(read, total int64)
}

func (p *progressReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	p.read += int64(n)
	if now := time.Now(); err != nil || now.Sub(p.last) > time.Second {
		p.last = now
		p.f(p.read, p.total)
	}
	return n, err
}
