package audit

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/depbox/depbox/internal/scan"
	"github.com/depbox/depbox/profile"
)

// cacheFormat changes whenever what an audit runs changes in a way the
// options do not show (the plan, the post-processing): old entries are then
// not reused.
const cacheFormat = 1

// Cache keeps the profiles of earlier audits, keyed by the audited
// tarball's integrity, the depbox version and the options that shape the
// result (Key). Only complete profiles are kept.
type Cache struct {
	// Dir is the cache's directory (the depbox cache dir + "/audit").
	Dir string
}

// keyOptions are the scan options that change an audit's result.
type keyOptions struct {
	Format        int
	DepboxVersion string
	Tool          string
	Runtime       string
	InstallPhase  bool
	Isolate       bool
	Execute       []string
	CallTimeout   time.Duration
	CallBudget    time.Duration
	StepTimeout   time.Duration
	Linger        time.Duration
	TimerBudget   time.Duration
	InvokeTimeout time.Duration
	MemoryBytes   int64
	Pids          int64
	NoHook        bool
	Worlds        []string `json:",omitempty"`
}

// Key is the cache key of an audit of the tarball with this integrity,
// scanned with o (after the audit's own settings were applied) in a sandbox
// whose runtime is runtime (node's version) by the depbox binary whose
// digest is tool (development builds all call themselves "dev"). Settings
// that do not change the result (parallelism, paths of binaries, the run's
// wall-clock limit, logging) are not part of it.
func Key(integrity, runtime, tool string, o scan.Options) string {
	ko := keyOptions{
		Format: cacheFormat, DepboxVersion: o.Version, Tool: tool, Runtime: runtime, InstallPhase: o.InstallPhase, Isolate: o.IsolateImports, Execute: o.Execute, CallTimeout: o.CallTimeout, CallBudget: o.CallBudget,
		StepTimeout: o.StepTimeout, Linger: o.Linger, TimerBudget: o.TimerBudget, InvokeTimeout: o.InvokeTimeout,
		MemoryBytes: o.MemoryBytes, Pids: o.Pids, NoHook: o.NoHook, Worlds: o.Worlds,
	}
	opts, _ := json.Marshal(ko)
	h := sha256.New()
	fmt.Fprintf(h, "depbox-audit\x00%s\x00", sha512Of(integrity))
	h.Write(opts)
	return hex.EncodeToString(h.Sum(nil))
}

func (c *Cache) path(key string) string {
	return filepath.Join(c.Dir, fmt.Sprintf("v%d", cacheFormat), key[:2], key+".json")
}

// Get returns the cached profile for key, or nil when there is none. An
// unreadable entry counts as a miss (and is overwritten by the next Put).
func (c *Cache) Get(key string) (*profile.Profile, error) {
	if c == nil || c.Dir == "" {
		return nil, nil
	}
	data, err := os.ReadFile(c.path(key))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading the audit cache: %w", err)
	}
	p, err := profile.Read(bytes.NewReader(data))
	if err != nil || p.Incomplete {
		return nil, nil
	}
	return p, nil
}

// Put stores a complete profile under key (atomically: concurrent audits of
// the same tarball each write a whole file).
func (c *Cache) Put(key string, p *profile.Profile) error {
	if c == nil || c.Dir == "" || p.Incomplete {
		return nil
	}
	dst := c.path(key)
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return fmt.Errorf("creating the audit cache: %w", err)
	}
	var buf bytes.Buffer
	if err := p.Write(&buf); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".tmp-*")
	if err != nil {
		return fmt.Errorf("writing the audit cache: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		tmp.Close()
		return fmt.Errorf("writing the audit cache: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), dst)
}
