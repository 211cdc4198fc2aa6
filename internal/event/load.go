package event

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"

	"github.com/aws/aws-lambda-go/events"
)

// wrapperKey is the top-level key that marks a user event file as a
// wrapper: {"depbox": {"source": "s3", "name": "big-upload"}, "event": {...}}.
const wrapperKey = "depbox"

// wrapperMeta is the "depbox" object of a wrapper.
type wrapperMeta struct {
	Source string `json:"source"` // a source name or alias, or "custom"
	Name   string `json:"name"`   // replaces the file name in Event.Name
}

// typedFor maps each source to the aws-lambda-go struct its events decode
// into; LoadDir checks user events against it.
var typedFor = map[string]reflect.Type{
	"alb":                reflect.TypeFor[events.ALBTargetGroupRequest](),
	"apigw-v1":           reflect.TypeFor[events.APIGatewayProxyRequest](),
	"apigw-v2":           reflect.TypeFor[events.APIGatewayV2HTTPRequest](),
	"cognito-pre-signup": reflect.TypeFor[events.CognitoEventUserPoolsPreSignup](),
	"dynamodb":           reflect.TypeFor[events.DynamoDBEvent](),
	"eventbridge":        reflect.TypeFor[events.EventBridgeEvent](),
	"function-url":       reflect.TypeFor[events.LambdaFunctionURLRequest](),
	"kinesis":            reflect.TypeFor[events.KinesisEvent](),
	"s3":                 reflect.TypeFor[events.S3Event](),
	"schedule":           reflect.TypeFor[events.CloudWatchEvent](),
	"sns":                reflect.TypeFor[events.SNSEvent](),
	"sqs":                reflect.TypeFor[events.SQSEvent](),
}

// LoadDir reads user events from the *.json files directly in dir, in file
// name order; other files and subdirectories are ignored. Each file holds
// one event: either the event itself, its source inferred from its shape,
// or a wrapper naming the source:
//
//	{"depbox": {"source": "s3", "name": "huge-key"}, "event": {"Records": [...]}}
//
// Events get Variant "custom" and Name "custom/<name>", where name is the
// wrapper's name or the file name without ".json". An event whose shape
// matches no source has Source "custom" and is passed to the handler as it
// is. An event of a known source must decode into that source's
// aws-lambda-go struct. Invalid JSON, files over MaxPayload and duplicate
// names are errors that name the file.
func LoadDir(dir string) ([]Event, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("opening event directory: %w", err)
	}
	defer root.Close()
	entries, err := fs.ReadDir(root.FS(), ".")
	if err != nil {
		return nil, fmt.Errorf("reading event directory %s: %w", dir, err)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	var out []Event
	seen := map[string]string{}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.EqualFold(filepath.Ext(name), ".json") || strings.HasPrefix(name, ".") {
			continue
		}
		path := filepath.Join(dir, name)
		data, err := readLimited(root, name)
		if err != nil {
			return nil, fmt.Errorf("event file %s: %w", path, err)
		}
		ev, err := parseUserEvent(name, data)
		if err != nil {
			return nil, fmt.Errorf("event file %s: %w", path, err)
		}
		if prev, dup := seen[ev.Name]; dup {
			return nil, fmt.Errorf("event file %s: name %q is already used by %s; rename one or set a different \"name\" in its %q wrapper", path, ev.Name, prev, wrapperKey)
		}
		seen[ev.Name] = name
		out = append(out, ev)
	}
	return out, nil
}

// readLimited reads a regular file inside root, refusing more than
// MaxPayload bytes.
func readLimited(root *os.Root, name string) ([]byte, error) {
	data, err := readRegular(root, name, MaxPayload)
	if errors.Is(err, errTooLarge) {
		return nil, fmt.Errorf("%w, Lambda's 6 MB limit for a synchronous invocation payload", err)
	}
	return data, err
}

// errTooLarge is returned by readRegular for a file over its limit.
var errTooLarge = errors.New("file too large")

// readRegular reads a regular file inside root, refusing more than limit bytes.
func readRegular(root *os.Root, name string, limit int) ([]byte, error) {
	f, err := root.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	data, err := io.ReadAll(io.LimitReader(f, int64(limit)+1))
	if err != nil {
		return nil, err
	}
	if len(data) > limit {
		return nil, fmt.Errorf("%w: larger than %d bytes", errTooLarge, limit)
	}
	return data, nil
}

// parseUserEvent turns one file's contents into an event.
func parseUserEvent(file string, data []byte) (Event, error) {
	if err := checkJSON(data); err != nil {
		return Event{}, err
	}
	payload := bytes.TrimSpace(data)
	var meta wrapperMeta
	wrapped := false
	var top map[string]json.RawMessage
	if json.Unmarshal(payload, &top) == nil && top[wrapperKey] != nil {
		wrapped = true
		for k := range top {
			if k != wrapperKey && k != "event" {
				return Event{}, fmt.Errorf("wrapper has unknown key %q: a wrapper holds only %q and \"event\"", k, wrapperKey)
			}
		}
		dec := json.NewDecoder(bytes.NewReader(top[wrapperKey]))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&meta); err != nil {
			return Event{}, fmt.Errorf("wrapper %q: %v (want {\"source\": \"...\", \"name\": \"...\"})", wrapperKey, err)
		}
		ev, ok := top["event"]
		if !ok {
			return Event{}, fmt.Errorf("wrapper has no \"event\"")
		}
		payload = ev
	}
	var buf bytes.Buffer
	if err := json.Compact(&buf, payload); err != nil {
		return Event{}, err
	}
	payload = buf.Bytes()

	source := SourceCustom
	switch {
	case wrapped && meta.Source != "" && !strings.EqualFold(meta.Source, SourceCustom):
		s, err := CanonicalSource(meta.Source)
		if err != nil {
			return Event{}, fmt.Errorf("wrapper: %w, or %q to pass the event unchecked", err, SourceCustom)
		}
		source = s
	case wrapped && meta.Source != "":
		// custom: unchecked
	default:
		source = InferSource(payload)
	}
	if typ, ok := typedFor[source]; ok {
		if err := json.Unmarshal(payload, reflect.New(typ).Interface()); err != nil {
			how := "its shape says"
			if wrapped && meta.Source != "" {
				how = "the wrapper says"
			}
			return Event{}, fmt.Errorf("%s it is a %s event, but it does not decode as one: %v (fix the event, or wrap it as {%q: {\"source\": %q}, \"event\": ...} to pass it unchecked)", how, source, err, wrapperKey, SourceCustom)
		}
	}
	name := strings.TrimSuffix(file, filepath.Ext(file))
	if meta.Name != "" {
		name = meta.Name
	}
	return Event{Source: source, Variant: VariantCustom, Name: "custom/" + name, Payload: payload}, nil
}

// checkJSON reports invalid JSON with the line and column of the problem.
func checkJSON(data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return errors.New("empty file: want one JSON event")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var v json.RawMessage
	err := dec.Decode(&v)
	if err == nil {
		off := dec.InputOffset()
		if _, terr := dec.Token(); terr != io.EOF {
			for off < int64(len(data)) && strings.ContainsRune(" \t\r\n", rune(data[off])) {
				off++
			}
			line, col := position(data, off)
			return fmt.Errorf("line %d, column %d: more than one JSON value; a file holds exactly one event", line, col)
		}
		return nil
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line, col := position(data, se.Offset-1) // Offset is just past the bad byte
		return fmt.Errorf("line %d, column %d: invalid JSON: %v", line, col, se)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		line, col := position(data, int64(len(data)))
		return fmt.Errorf("line %d, column %d: invalid JSON: unexpected end of file", line, col)
	}
	return fmt.Errorf("invalid JSON: %v", err)
}

// position turns a byte offset into a 1-based line and column.
func position(data []byte, off int64) (line, col int) {
	off = min(max(off, 0), int64(len(data)))
	before := data[:off]
	line = 1 + bytes.Count(before, []byte("\n"))
	col = 1 + len(before) - (bytes.LastIndexByte(before, '\n') + 1)
	return line, col
}

// InferSource names the source an event looks like, or "custom":
//
//   - Records[0].eventSource (EventSource for SNS) aws:s3, aws:sqs, aws:sns,
//     aws:dynamodb or aws:kinesis;
//   - requestContext.elb: alb;
//   - version "2.0" with rawPath: function-url when the domain is a
//     lambda-url one or there is no routeKey, otherwise apigw-v2;
//   - httpMethod, resource and requestContext: apigw-v1;
//   - detail-type: schedule for source aws.events with detail-type
//     "Scheduled Event", otherwise eventbridge;
//   - triggerSource PreSignUp_*: cognito-pre-signup.
func InferSource(payload []byte) string {
	var top map[string]json.RawMessage
	if json.Unmarshal(payload, &top) != nil {
		return SourceCustom
	}
	str := func(m map[string]json.RawMessage, k string) string {
		var s string
		if raw, ok := m[k]; ok {
			_ = json.Unmarshal(raw, &s)
		}
		return s
	}
	obj := func(m map[string]json.RawMessage, k string) map[string]json.RawMessage {
		var o map[string]json.RawMessage
		if raw, ok := m[k]; ok {
			_ = json.Unmarshal(raw, &o)
		}
		return o
	}
	if raw, ok := top["Records"]; ok {
		var recs []map[string]json.RawMessage
		if json.Unmarshal(raw, &recs) == nil && len(recs) > 0 {
			src := str(recs[0], "eventSource")
			if src == "" {
				src = str(recs[0], "EventSource")
			}
			switch src {
			case "aws:s3":
				return "s3"
			case "aws:sqs":
				return "sqs"
			case "aws:sns":
				return "sns"
			case "aws:dynamodb":
				return "dynamodb"
			case "aws:kinesis":
				return "kinesis"
			}
		}
		return SourceCustom
	}
	rc := obj(top, "requestContext")
	switch {
	case rc != nil && rc["elb"] != nil:
		return "alb"
	case str(top, "version") == "2.0" && top["rawPath"] != nil:
		if strings.Contains(str(rc, "domainName"), ".lambda-url.") || top["routeKey"] == nil {
			return "function-url"
		}
		return "apigw-v2"
	case rc != nil && top["httpMethod"] != nil && top["resource"] != nil:
		return "apigw-v1"
	case top["detail-type"] != nil:
		if str(top, "source") == "aws.events" && str(top, "detail-type") == "Scheduled Event" {
			return "schedule"
		}
		return "eventbridge"
	case strings.HasPrefix(str(top, "triggerSource"), "PreSignUp_"):
		return "cognito-pre-signup"
	}
	return SourceCustom
}
