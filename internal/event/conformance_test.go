package event

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
)

// conformance ties each source to the typed struct it is built from and to
// real sample payloads shipped with aws-lambda-go (events/testdata). Every
// generated event, in every variant, must have every field path a sample
// has — except the ones listed in optional, each with the reason the
// default leaves it out — and must decode into the typed struct, with
// unknown fields disallowed whenever the sample itself decodes that way.
//
// Paths name struct fields by their JSON names, "[]" for array elements and
// "*" for the keys of a map (headers, attributes: data, not schema). A value
// with its own JSON decoding and no tagged fields (DynamoDB attribute
// values, timestamps, raw detail) is compared as a leaf.
var conformance = []struct {
	source   string
	typ      func() any
	samples  []string
	optional map[string]string
}{
	{
		source:  "alb",
		typ:     func() any { return new(events.ALBTargetGroupRequest) },
		samples: []string{"alb-lambda-target-request-headers-only.json", "alb-lambda-target-request-multivalue-headers.json"},
		optional: map[string]string{
			"multiValueHeaders":                   "only with multi-value headers enabled on the target group, and then instead of headers; the default is single-value",
			"multiValueHeaders.*":                 "as multiValueHeaders",
			"multiValueHeaders.*[]":               "as multiValueHeaders",
			"multiValueQueryStringParameters":     "as multiValueHeaders",
			"multiValueQueryStringParameters.*":   "as multiValueHeaders",
			"multiValueQueryStringParameters.*[]": "as multiValueHeaders",
		},
	},
	{
		source:  "apigw-v1",
		typ:     func() any { return new(events.APIGatewayProxyRequest) },
		samples: []string{"apigw-request.json"},
		optional: map[string]string{
			"requestContext.identity.cognitoIdentityPoolId":         "omitempty; Cognito identity pool (IAM) callers only, the default uses a user pool authorizer",
			"requestContext.identity.cognitoIdentityId":             "omitempty; as cognitoIdentityPoolId",
			"requestContext.identity.cognitoAuthenticationType":     "omitempty; as cognitoIdentityPoolId",
			"requestContext.identity.cognitoAuthenticationProvider": "omitempty; as cognitoIdentityPoolId",
			"requestContext.identity.accountId":                     "omitempty; IAM-authorised callers only",
			"requestContext.identity.caller":                        "omitempty; IAM-authorised callers only",
			"requestContext.identity.userArn":                       "omitempty; IAM-authorised callers only",
			"requestContext.identity.user":                          "omitempty; IAM-authorised callers only",
			"requestContext.identity.accessKey":                     "omitempty; IAM-authorised callers only, and an access key id looks like a credential",
			"requestContext.identity.apiKey":                        "omitempty; API key usage plans only, and a key would look like a credential",
			"requestContext.identity.apiKeyId":                      "omitempty; API key usage plans only",
			"requestContext.identity.clientCert":                    "omitempty; mutual TLS only",
			"requestContext.identity.clientCert.clientCertPem":      "mutual TLS only",
			"requestContext.identity.clientCert.subjectDN":          "mutual TLS only",
			"requestContext.identity.clientCert.issuerDN":           "mutual TLS only",
			"requestContext.identity.clientCert.serialNumber":       "mutual TLS only",
			"requestContext.identity.clientCert.validity":           "mutual TLS only",
			"requestContext.identity.clientCert.validity.notBefore": "mutual TLS only",
			"requestContext.identity.clientCert.validity.notAfter":  "mutual TLS only",
		},
	},
	{
		source: "apigw-v2",
		typ:    func() any { return new(events.APIGatewayV2HTTPRequest) },
		samples: []string{
			"apigw-v2-request-no-authorizer.json", "apigw-v2-request-jwt-authorizer.json",
			"apigw-v2-request-iam.json", "apigw-v2-request-lambda-authorizer.json",
		},
		optional: map[string]string{
			"requestContext.authentication":                                "mutual TLS only; removed after marshalling because the typed struct always emits it",
			"requestContext.authentication.clientCert":                     "mutual TLS only",
			"requestContext.authentication.clientCert.clientCertPem":       "mutual TLS only",
			"requestContext.authentication.clientCert.issuerDN":            "mutual TLS only",
			"requestContext.authentication.clientCert.serialNumber":        "mutual TLS only",
			"requestContext.authentication.clientCert.subjectDN":           "mutual TLS only",
			"requestContext.authentication.clientCert.validity":            "mutual TLS only",
			"requestContext.authentication.clientCert.validity.notAfter":   "mutual TLS only",
			"requestContext.authentication.clientCert.validity.notBefore":  "mutual TLS only",
			"requestContext.authorizer.iam":                                "IAM authorization; the default uses a JWT authorizer, and an access key id looks like a credential",
			"requestContext.authorizer.iam.accessKey":                      "as authorizer.iam",
			"requestContext.authorizer.iam.accountId":                      "as authorizer.iam",
			"requestContext.authorizer.iam.callerId":                       "as authorizer.iam",
			"requestContext.authorizer.iam.cognitoIdentity":                "as authorizer.iam",
			"requestContext.authorizer.iam.cognitoIdentity.amr":            "as authorizer.iam",
			"requestContext.authorizer.iam.cognitoIdentity.amr[]":          "as authorizer.iam",
			"requestContext.authorizer.iam.cognitoIdentity.identityId":     "as authorizer.iam",
			"requestContext.authorizer.iam.cognitoIdentity.identityPoolId": "as authorizer.iam",
			"requestContext.authorizer.iam.principalOrgId":                 "as authorizer.iam",
			"requestContext.authorizer.iam.userArn":                        "as authorizer.iam",
			"requestContext.authorizer.iam.userId":                         "as authorizer.iam",
			"requestContext.authorizer.lambda":                             "Lambda authorizers only; the default uses a JWT authorizer",
			"requestContext.authorizer.lambda.*":                           "as authorizer.lambda",
		},
	},
	{
		source:  "cognito-pre-signup",
		typ:     func() any { return new(events.CognitoEventUserPoolsPreSignup) },
		samples: []string{"cognito-event-userpools-presignup.json"},
	},
	{
		source:  "dynamodb",
		typ:     func() any { return new(events.DynamoDBEvent) },
		samples: []string{"dynamodb-event.json"},
	},
	{
		source:  "eventbridge",
		typ:     func() any { return new(events.EventBridgeEvent) },
		samples: []string{"ecr-image-push-event.json", "codebuild-state-change.json"},
		optional: map[string]string{
			"resources[]": "custom application events name no resources (AWS service events do)",
		},
	},
	{
		source:  "function-url",
		typ:     func() any { return new(events.LambdaFunctionURLRequest) },
		samples: []string{"lambda-urls-request.json"},
		optional: map[string]string{
			"requestContext.authorizer":               "auth type AWS_IAM only; the default is NONE, the usual public endpoint",
			"requestContext.authorizer.iam":           "as authorizer",
			"requestContext.authorizer.iam.accessKey": "as authorizer; an access key id would look like a credential",
			"requestContext.authorizer.iam.accountId": "as authorizer",
			"requestContext.authorizer.iam.callerId":  "as authorizer",
			"requestContext.authorizer.iam.userArn":   "as authorizer",
			"requestContext.authorizer.iam.userId":    "as authorizer",
		},
	},
	{
		source:  "kinesis",
		typ:     func() any { return new(events.KinesisEvent) },
		samples: []string{"kinesis-event.json"},
	},
	{
		source:  "s3",
		typ:     func() any { return new(events.S3Event) },
		samples: []string{"s3-event.json"},
	},
	{
		source: "schedule",
		typ:    func() any { return new(events.CloudWatchEvent) },
		// aws-lambda-go has no scheduled-event file; the envelope is the
		// same for every EventBridge event.
		samples: []string{"codebuild-state-change.json"},
	},
	{
		source:  "sns",
		typ:     func() any { return new(events.SNSEvent) },
		samples: []string{"sns-event.json"},
	},
	{
		source:  "sqs",
		typ:     func() any { return new(events.SQSEvent) },
		samples: []string{"sqs-event.json"},
		optional: map[string]string{
			"Records[].messageAttributes.*.stringListValues[]": "reserved by SQS and always empty in real events",
			"Records[].messageAttributes.*.binaryListValues[]": "reserved by SQS and always empty in real events",
		},
	},
}

var (
	samplesOnce sync.Once
	samplesDir  string
	samplesErr  error
)

// lambdaSamples returns aws-lambda-go's events/testdata directory in the
// module cache.
func lambdaSamples(t *testing.T) string {
	t.Helper()
	samplesOnce.Do(func() {
		out, err := exec.Command("go", "list", "-m", "-json", "github.com/aws/aws-lambda-go").Output()
		if err != nil {
			samplesErr = err
			return
		}
		var m struct{ Dir string }
		if err := json.Unmarshal(out, &m); err != nil {
			samplesErr = err
			return
		}
		if m.Dir == "" {
			samplesErr = os.ErrNotExist
			return
		}
		samplesDir = filepath.Join(m.Dir, "events", "testdata")
	})
	if samplesErr != nil {
		t.Fatalf("locating aws-lambda-go in the module cache (go mod download github.com/aws/aws-lambda-go): %v", samplesErr)
	}
	return samplesDir
}

func TestConformanceCoversEverySource(t *testing.T) {
	var got []string
	for _, c := range conformance {
		got = append(got, c.source)
	}
	if !slices.Equal(got, SourceNames()) {
		t.Errorf("conformance table covers %v, sources are %v", got, SourceNames())
	}
}

func TestConformance(t *testing.T) {
	dir := lambdaSamples(t)
	for _, c := range conformance {
		t.Run(c.source, func(t *testing.T) {
			typ := reflect.TypeOf(c.typ()).Elem()
			evs, err := Generate(Options{Seed: 7, Sources: []string{c.source}})
			if err != nil {
				t.Fatal(err)
			}
			used := map[string]bool{}
			for _, name := range c.samples {
				sample, err := os.ReadFile(filepath.Join(dir, name))
				if err != nil {
					t.Fatal(err)
				}
				want := jsonPaths(t, typ, sample)
				sampleStrict := decodeStrict(sample, c.typ()) == nil
				if !sampleStrict {
					t.Logf("%s does not decode with unknown fields disallowed; checking generated events leniently", name)
				}
				for _, ev := range evs {
					got := jsonPaths(t, typ, ev.Payload)
					for _, p := range sortedKeys(want) {
						if got[p] {
							continue
						}
						if _, ok := c.optional[p]; ok {
							used[p] = true
							continue
						}
						t.Errorf("%s lacks %q, which %s has", ev.Name, p, name)
					}
					if err := json.Unmarshal(ev.Payload, c.typ()); err != nil {
						t.Errorf("%s does not decode into %s: %v", ev.Name, typ, err)
					}
					if sampleStrict {
						if err := decodeStrict(ev.Payload, c.typ()); err != nil {
							t.Errorf("%s has fields %s lacks (%s decodes strictly): %v", ev.Name, typ, name, err)
						}
					}
				}
			}
			for _, p := range sortedKeys(c.optional) {
				if !used[p] {
					t.Errorf("optional path %q is never needed: drop it from the table", p)
				}
			}
		})
	}
}

func decodeStrict(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// jsonPaths lists the field paths of doc, guided by the Go type it decodes
// into.
func jsonPaths(t *testing.T, typ reflect.Type, doc []byte) map[string]bool {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("decoding: %v", err)
	}
	out := map[string]bool{}
	walkPaths(typ, v, "", out)
	return out
}

var (
	unmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	timeType        = reflect.TypeFor[time.Time]()
)

// isLeaf reports whether values of t are compared as a whole: byte slices,
// times, and types that decode themselves and have no tagged fields.
func isLeaf(t reflect.Type) bool {
	if t == timeType || (t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8) {
		return true
	}
	if !reflect.PointerTo(t).Implements(unmarshalerType) {
		return false
	}
	return t.Kind() != reflect.Struct || len(jsonFields(t)) == 0
}

// jsonFields maps JSON names to field types, promoting untagged embedded
// structs like encoding/json does.
func jsonFields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for i := range t.NumField() {
		f := t.Field(i)
		tag, hasTag := f.Tag.Lookup("json")
		name, _, _ := strings.Cut(tag, ",")
		if name == "-" {
			continue
		}
		if f.Anonymous && name == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct && ft != timeType {
				for k, v := range jsonFields(ft) {
					if _, ok := out[k]; !ok {
						out[k] = v
					}
				}
				continue
			}
		}
		if !f.IsExported() || (!hasTag && f.Anonymous) {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out[name] = f.Type
	}
	return out
}

func walkPaths(t reflect.Type, v any, prefix string, out map[string]bool) {
	if prefix != "" {
		out[prefix] = true
	}
	if v == nil {
		return
	}
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t != nil && isLeaf(t) {
		return
	}
	join := func(k string) string {
		if prefix == "" {
			return k
		}
		return prefix + "." + k
	}
	switch x := v.(type) {
	case map[string]any:
		switch {
		case t == nil || t.Kind() == reflect.Interface:
			for k, e := range x {
				walkPaths(nil, e, join(k), out)
			}
		case t.Kind() == reflect.Map:
			for _, e := range x {
				walkPaths(t.Elem(), e, join("*"), out)
			}
		case t.Kind() == reflect.Struct:
			fields := jsonFields(t)
			for k, e := range x {
				ft, ok := fields[k]
				if !ok {
					// Match case-insensitively, as encoding/json does.
					for name, typ := range fields {
						if strings.EqualFold(name, k) {
							ft, ok = typ, true
							break
						}
					}
				}
				if !ok {
					ft = nil
				}
				walkPaths(ft, e, join(k), out)
			}
		}
	case []any:
		var et reflect.Type
		if t != nil && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) {
			et = t.Elem()
		}
		for _, e := range x {
			walkPaths(et, e, prefix+"[]", out)
		}
	}
}

func TestSamplePathsWalker(t *testing.T) {
	// The walker itself: struct fields by JSON name, map keys as "*", array
	// elements as "[]", leaves for self-decoding types.
	doc := []byte(`{"Records":[{"dynamodb":{"Keys":{"id":{"S":"1"}},"ApproximateCreationDateTime":1},"eventName":"INSERT"}]}`)
	got := sortedKeys(jsonPaths(t, reflect.TypeFor[events.DynamoDBEvent](), doc))
	want := []string{"Records", "Records[]", "Records[].dynamodb", "Records[].dynamodb.ApproximateCreationDateTime", "Records[].dynamodb.Keys", "Records[].dynamodb.Keys.*", "Records[].eventName"}
	if !slices.Equal(got, want) {
		t.Errorf("paths\n got %q\nwant %q", got, want)
	}
}
