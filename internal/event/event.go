// Package event builds the synthetic AWS Lambda events depbox invokes a
// function's handler with, and loads events users add themselves.
//
// Every synthetic event is built from the typed structs of
// github.com/aws/aws-lambda-go/events and marshalled to plain JSON, the only
// thing Lambda hands a handler. Each source (API Gateway REST and HTTP APIs,
// ALB, function URLs, S3, SQS, SNS, DynamoDB and Kinesis streams,
// EventBridge, schedules, Cognito pre-sign-up) has a realistic default event
// and injection variants that put hostile but harmless strings — SQL, shell
// metacharacters, path traversal, prototype pollution, oversized values and
// odd unicode — into the fields an outsider controls (object keys, paths,
// query strings, headers, bodies, message bodies, attribute values).
//
// Output is byte-for-byte deterministic for a seed: identifiers, addresses
// and timestamps come from a generator seeded with it, and timestamps count
// from a fixed epoch derived from the seed, never from the clock. Hosts are
// example.com, example.org or AWS service names; addresses come from the
// documentation ranges 192.0.2.0/24, 198.51.100.0/24 and 203.0.113.0/24; no
// value looks like a credential.
//
// LoadDir reads user events from a directory and DefaultSources picks the
// sources to use for a bundle from its SAM or Serverless Framework template.
// docs/events.md describes sources, variants and file formats for users.
package event

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Source describes one kind of synthetic event.
type Source struct {
	Name        string   // canonical name, e.g. "apigw-v2"
	Aliases     []string // other accepted names, e.g. "http-api"
	Description string   // one line for people
	Variants    []string // "default" first, then the injection variants it has
}

// Event is one event to invoke a handler with.
type Event struct {
	Source  string          `json:"source"`  // canonical source name, e.g. "s3"; "custom" for a user event of unknown shape
	Variant string          `json:"variant"` // "default", an injection variant, or "custom" for user events
	Name    string          `json:"name"`    // stable: "<source>/<variant>", or "custom/<file>" for user events
	Payload json.RawMessage `json:"payload"` // the event JSON, compact
}

// Options selects the events Generate builds.
type Options struct {
	Seed     int64    // same seed, same bytes
	Sources  []string // source names or aliases; empty means every source
	Variants []string // variant names; empty means "default" and every injection variant
	// Function is the template function whose triggers ForBundle uses
	// when Sources is empty ("": every function's).
	Function string
}

// Variant names.
const (
	VariantDefault        = "default"
	VariantSQL            = "sql"
	VariantShell          = "shell"
	VariantPathTraversal  = "path-traversal"
	VariantProtoPollution = "proto-pollution"
	VariantOversized      = "oversized"
	VariantUnicode        = "unicode"

	// VariantCustom marks events loaded with LoadDir.
	VariantCustom = "custom"
	// SourceCustom is the source of a user event whose shape matches no source.
	SourceCustom = "custom"
)

// allVariants is the canonical variant order: default first.
var allVariants = []string{
	VariantDefault, VariantSQL, VariantShell, VariantPathTraversal,
	VariantProtoPollution, VariantOversized, VariantUnicode,
}

// MaxPayload is the largest event LoadDir accepts: Lambda's 6 MB limit for a
// synchronous invocation payload. Synthetic events stay at or below
// MaxSynthetic.
const MaxPayload = 6 << 20

// MaxSynthetic bounds every synthetic event, the oversized ones included.
const MaxSynthetic = 1 << 20

// Sources returns every source, sorted by name.
func Sources() []Source {
	out := make([]Source, 0, len(registry))
	for _, s := range registry {
		out = append(out, Source{
			Name:        s.name,
			Aliases:     slices.Clone(s.aliases),
			Description: s.description,
			Variants:    s.variants(),
		})
	}
	return out
}

// Generate builds the events opts selects: sources in name order, variants
// in the order of Source.Variants. A variant a source does not have (a
// schedule has no injection variants) is skipped for that source, so the
// result can be empty. Unknown source or variant names are an error that
// lists the valid ones.
func Generate(opts Options) ([]Event, error) {
	srcs, err := resolveSources(opts.Sources)
	if err != nil {
		return nil, err
	}
	vars, err := resolveVariants(opts.Variants)
	if err != nil {
		return nil, err
	}
	var out []Event
	for _, s := range srcs {
		for _, v := range vars {
			if !slices.Contains(s.variants(), v) {
				continue
			}
			ev, err := s.event(v, opts.Seed)
			if err != nil {
				return nil, err
			}
			out = append(out, ev)
		}
	}
	return out, nil
}

// Show builds one event. An empty variant means "default".
func Show(source, variant string, seed int64) (Event, error) {
	s, err := lookup(source)
	if err != nil {
		return Event{}, err
	}
	if variant == "" {
		variant = VariantDefault
	}
	v := strings.ToLower(strings.TrimSpace(variant))
	if !slices.Contains(s.variants(), v) {
		return Event{}, fmt.Errorf("source %s has no variant %q (valid: %s)", s.name, variant, strings.Join(s.variants(), ", "))
	}
	return s.event(v, seed)
}

// ForBundle returns the events to invoke a bundle's handler with:
// Generate(opts), where empty opts.Sources means FunctionSources(bundleRoot,
// opts.Function) rather than every source, followed by the user events of userDir (none
// when userDir is ""). Encoded as JSON, the list is what the invoke runner
// receives.
func ForBundle(bundleRoot string, opts Options, userDir string) ([]Event, error) {
	if len(opts.Sources) == 0 {
		srcs, err := FunctionSources(bundleRoot, opts.Function)
		if err != nil {
			return nil, err
		}
		opts.Sources = srcs
	}
	evs, err := Generate(opts)
	if err != nil {
		return nil, err
	}
	if userDir != "" {
		user, err := LoadDir(userDir)
		if err != nil {
			return nil, err
		}
		evs = append(evs, user...)
	}
	return evs, nil
}

// Variants returns every variant name: "default" first, then the
// injection variants.
func Variants() []string { return slices.Clone(allVariants) }

// SourceNames returns the canonical name of every source, sorted.
func SourceNames() []string {
	out := make([]string, len(registry))
	for i, s := range registry {
		out[i] = s.name
	}
	return out
}

// CanonicalSource returns the canonical name for a source name or alias.
func CanonicalSource(name string) (string, error) {
	s, err := lookup(name)
	if err != nil {
		return "", err
	}
	return s.name, nil
}

// defaultSet is what a bundle without a usable template gets; see
// DefaultSources and docs/events.md for the reasoning.
var defaultSet = []string{"apigw-v1", "apigw-v2", "eventbridge", "s3", "schedule", "sns", "sqs"}

// DefaultSet returns the sources used when a bundle has no template naming
// its triggers, sorted.
func DefaultSet() []string { return slices.Clone(defaultSet) }

func lookup(name string) (*generator, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	for i := range registry {
		s := &registry[i]
		if s.name == n || slices.Contains(s.aliases, n) {
			return s, nil
		}
	}
	return nil, fmt.Errorf("unknown event source %q (valid: %s; run `depbox events list` for aliases)", name, strings.Join(SourceNames(), ", "))
}

func resolveSources(names []string) ([]*generator, error) {
	if len(names) == 0 {
		out := make([]*generator, len(registry))
		for i := range registry {
			out[i] = &registry[i]
		}
		return out, nil
	}
	seen := map[string]*generator{}
	for _, n := range names {
		s, err := lookup(n)
		if err != nil {
			return nil, err
		}
		seen[s.name] = s
	}
	out := make([]*generator, 0, len(seen))
	for i := range registry {
		if s, ok := seen[registry[i].name]; ok {
			out = append(out, s)
		}
	}
	return out, nil
}

func resolveVariants(names []string) ([]string, error) {
	if len(names) == 0 {
		return slices.Clone(allVariants), nil
	}
	want := map[string]bool{}
	for _, n := range names {
		v := strings.ToLower(strings.TrimSpace(n))
		if !slices.Contains(allVariants, v) {
			return nil, fmt.Errorf("unknown event variant %q (valid: %s)", n, strings.Join(allVariants, ", "))
		}
		want[v] = true
	}
	var out []string
	for _, v := range allVariants {
		if want[v] {
			out = append(out, v)
		}
	}
	return out, nil
}
