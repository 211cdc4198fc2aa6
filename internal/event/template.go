package event

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// templateFiles are the templates DefaultSources looks for at the bundle
// root, in this order; the first one present is used.
var templateFiles = []string{"template.yaml", "template.yml", "template.json", "serverless.yml", "serverless.yaml"}

// maxTemplate bounds the template read: CloudFormation itself accepts 1 MB.
const maxTemplate = 4 << 20

// samEventTypes maps AWS SAM event source types (Events: of an
// AWS::Serverless::Function) to sources.
var samEventTypes = map[string][]string{
	"Api":             {"apigw-v1"},
	"HttpApi":         {"apigw-v2"},
	"S3":              {"s3"},
	"SQS":             {"sqs"},
	"SNS":             {"sns"},
	"Schedule":        {"schedule"},
	"ScheduleV2":      {"schedule"},
	"DynamoDB":        {"dynamodb"},
	"Kinesis":         {"kinesis"},
	"EventBridgeRule": {"eventbridge"},
	"CloudWatchEvent": {"eventbridge"},
	"Cognito":         {"cognito-pre-signup"},
}

// slsEventTypes maps Serverless Framework function event keys to sources;
// stream and eventBridge are decided in slsEvent.
var slsEventTypes = map[string][]string{
	"http":            {"apigw-v1"},
	"httpApi":         {"apigw-v2"},
	"s3":              {"s3"},
	"sqs":             {"sqs"},
	"sns":             {"sns"},
	"schedule":        {"schedule"},
	"cloudwatchEvent": {"eventbridge"},
	"cognitoUserPool": {"cognito-pre-signup"},
	"alb":             {"alb"},
}

// Detection is what DetectSources found.
type Detection struct {
	// File is the template the sources came from, relative to the bundle
	// root; empty when the default set is used.
	File string
	// Sources to use: canonical names, sorted.
	Sources []string
	// Unmapped lists event types the template has that no source covers,
	// sorted ("SAM:IoTRule", "serverless:websocket").
	Unmapped []string
}

// DefaultSources returns the sources to invoke a bundle's handler with when
// the user configured none: the triggers of its AWS SAM or Serverless
// Framework template (see DetectSources), else DefaultSet. An unreadable or
// malformed template is an error.
func DefaultSources(bundleRoot string) ([]string, error) {
	return FunctionSources(bundleRoot, "")
}

// FunctionSources is DefaultSources for one function of the template, by
// logical id or name: its own triggers only ("" means every function's).
func FunctionSources(bundleRoot, function string) ([]string, error) {
	d, err := detectSources(bundleRoot, function)
	if err != nil {
		return nil, err
	}
	return d.Sources, nil
}

// DetectSources reads the first of template.yaml, template.yml,
// template.json, serverless.yml and serverless.yaml at bundleRoot and maps
// the event sources of every function in it: SAM Events of type S3, SQS,
// SNS, Api, HttpApi, Schedule, ScheduleV2, DynamoDB, Kinesis,
// EventBridgeRule, CloudWatchEvent and Cognito, and FunctionUrlConfig;
// Serverless events http, httpApi, s3, sqs, sns, schedule, stream,
// eventBridge, cloudwatchEvent, cognitoUserPool and alb, and url. Sources
// of all functions are merged, since the template does not say which
// function the bundle is. Without a template, or when the template names no
// trigger depbox has events for, Sources is DefaultSet. CloudFormation
// short tags (!Ref, !GetAtt, !Sub, ...) are fine; symbolic links leaving
// the bundle are not followed.
func DetectSources(bundleRoot string) (Detection, error) {
	return detectSources(bundleRoot, "")
}

// detectSources is DetectSources for the function named function ("" for
// all of them).
func detectSources(bundleRoot, function string) (Detection, error) {
	root, err := os.OpenRoot(bundleRoot)
	if err != nil {
		return Detection{}, fmt.Errorf("opening bundle %s: %w", bundleRoot, err)
	}
	defer root.Close()
	for _, name := range templateFiles {
		data, err := readTemplate(root, name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return Detection{}, fmt.Errorf("reading %s in the bundle: %w", name, err)
		}
		d, err := parseTemplate(name, data, function)
		if err != nil {
			return Detection{}, fmt.Errorf("reading %s in the bundle: %w (fix it, or configure the event sources explicitly)", name, err)
		}
		if len(d.Sources) == 0 {
			d.File = ""
			d.Sources = DefaultSet()
		}
		return d, nil
	}
	return Detection{Sources: DefaultSet()}, nil
}

func readTemplate(root *os.Root, name string) ([]byte, error) {
	return readRegular(root, name, maxTemplate)
}

// parseTemplate maps one template's events. It walks the YAML node tree
// rather than decoding into Go values, so custom tags need no handlers and
// aliases are never expanded beyond the few lookups made.
func parseTemplate(name string, data []byte, function string) (Detection, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return Detection{}, err
	}
	root := deref(&doc)
	if root == nil || root.Kind == 0 || (root.Kind == yaml.ScalarNode && root.Tag == "!!null") {
		return Detection{File: name}, nil // empty document
	}
	if root.Kind != yaml.MappingNode {
		return Detection{}, fmt.Errorf("top level is not a mapping")
	}
	found := map[string]bool{}
	unmapped := map[string]bool{}
	w := &walker{only: function}
	if strings.HasPrefix(name, "serverless.") {
		w.slsFunctions(w.mapGet(root, "functions"), found, unmapped)
	} else {
		w.samResources(w.mapGet(root, "Resources"), found, unmapped)
	}
	if w.visits > maxVisits {
		return Detection{}, fmt.Errorf("more than %d mapping entries to visit (aliases and merge keys fan out too far)", maxVisits)
	}
	d := Detection{File: name}
	for s := range found {
		d.Sources = append(d.Sources, s)
	}
	for u := range unmapped {
		d.Unmapped = append(d.Unmapped, u)
	}
	sort.Strings(d.Sources)
	sort.Strings(d.Unmapped)
	return d, nil
}

func (w *walker) samResources(resources *yaml.Node, found, unmapped map[string]bool) {
	w.mapEach(resources, func(id string, res *yaml.Node) {
		if w.only != "" && id != w.only {
			return
		}
		switch scalar(w.mapGet(res, "Type")) {
		case "AWS::Serverless::Function":
			props := w.mapGet(res, "Properties")
			w.mapEach(w.mapGet(props, "Events"), func(_ string, ev *yaml.Node) {
				typ := scalar(w.mapGet(ev, "Type"))
				if srcs, ok := samEventTypes[typ]; ok {
					for _, s := range srcs {
						found[s] = true
					}
				} else if typ != "" {
					unmapped["SAM:"+typ] = true
				}
			})
			if w.mapGet(props, "FunctionUrlConfig") != nil {
				found["function-url"] = true
			}
		case "AWS::Lambda::Url":
			found["function-url"] = true
		}
	})
}

func (w *walker) slsFunctions(functions *yaml.Node, found, unmapped map[string]bool) {
	fn := func(name string, f *yaml.Node) {
		if w.only != "" && name != w.only {
			return
		}
		if u := w.mapGet(f, "url"); u != nil && scalar(u) != "false" {
			found["function-url"] = true
		}
		w.seqEach(w.mapGet(f, "events"), func(ev *yaml.Node) {
			w.mapEach(ev, func(key string, val *yaml.Node) {
				srcs := w.slsEvent(key, val)
				if srcs == nil {
					unmapped["serverless:"+key] = true
				}
				for _, s := range srcs {
					found[s] = true
				}
			})
		})
	}
	// functions is a mapping, or a list of mappings (files merged in).
	if n := deref(functions); n != nil && n.Kind == yaml.SequenceNode {
		w.seqEach(n, func(m *yaml.Node) { w.mapEach(m, fn) })
		return
	}
	w.mapEach(functions, fn)
}

// slsEvent maps one Serverless Framework event.
func (w *walker) slsEvent(key string, val *yaml.Node) []string {
	if srcs, ok := slsEventTypes[key]; ok {
		return srcs
	}
	switch key {
	case "stream":
		// stream: <arn> or {type: dynamodb|kinesis, arn: ...}; an ARN that
		// is a variable or intrinsic leaves the kind open, so both.
		typ := strings.ToLower(scalar(w.mapGet(val, "type")))
		arn := scalar(val)
		if arn == "" {
			arn = scalar(w.mapGet(val, "arn"))
		}
		switch {
		case typ == "dynamodb" || strings.Contains(arn, ":dynamodb:"):
			return []string{"dynamodb"}
		case typ == "kinesis" || strings.Contains(arn, ":kinesis:"):
			return []string{"kinesis"}
		}
		return []string{"dynamodb", "kinesis"}
	case "eventBridge":
		if w.mapGet(val, "schedule") != nil {
			return []string{"schedule"}
		}
		return []string{"eventbridge"}
	}
	return nil
}

// Bounds on walking a hostile template: merge keys ("<<") followed at most
// maxMergeDepth deep, and at most maxVisits mapping entries visited in all,
// so that aliases fanning out cannot make the walk explode.
const (
	maxMergeDepth = 8
	maxVisits     = 200_000
)

// walker walks a template's node tree within the bounds.
type walker struct {
	visits int
	only   string // the one function whose events are mapped ("": all)
}

// deref follows document and alias nodes.
func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && i < 16; i++ {
		switch n.Kind {
		case yaml.DocumentNode:
			if len(n.Content) == 0 {
				return nil
			}
			n = n.Content[0]
		case yaml.AliasNode:
			n = n.Alias
		default:
			return n
		}
	}
	return n
}

// scalar returns a scalar node's value, "" for anything else.
func scalar(n *yaml.Node) string {
	n = deref(n)
	if n == nil || n.Kind != yaml.ScalarNode {
		return ""
	}
	return n.Value
}

// mapEach calls f for every key of a mapping: its own keys first, then keys
// merged in with "<<".
func (w *walker) mapEach(n *yaml.Node, f func(key string, val *yaml.Node)) {
	w.mapEachDepth(n, f, 0)
}

func (w *walker) mapEachDepth(n *yaml.Node, f func(string, *yaml.Node), depth int) {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode || depth > maxMergeDepth {
		return
	}
	var merges []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		if w.visits++; w.visits > maxVisits {
			return
		}
		k, v := deref(n.Content[i]), n.Content[i+1]
		if k == nil || k.Kind != yaml.ScalarNode {
			continue
		}
		if k.Value == "<<" && k.Tag == "!!merge" {
			if m := deref(v); m != nil && m.Kind == yaml.SequenceNode {
				merges = append(merges, m.Content...)
			} else {
				merges = append(merges, v)
			}
			continue
		}
		f(k.Value, v)
	}
	for _, m := range merges {
		w.mapEachDepth(m, f, depth+1)
	}
}

// mapGet returns the value of key in a mapping, or nil.
func (w *walker) mapGet(n *yaml.Node, key string) *yaml.Node {
	var out *yaml.Node
	w.mapEach(n, func(k string, v *yaml.Node) {
		if k == key && out == nil {
			out = v
		}
	})
	return out
}

// seqEach calls f for each element of a sequence.
func (w *walker) seqEach(n *yaml.Node, f func(*yaml.Node)) {
	n = deref(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return
	}
	for _, e := range n.Content {
		if w.visits++; w.visits > maxVisits {
			return
		}
		f(e)
	}
}
