package event

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-lambda-go/events"
)

// Sizes for the oversized variant of HTTP events: a body just under 1 MiB
// so that the whole event, with its headers repeated in single- and
// multi-value form, stays under MaxSynthetic; header, query and path values
// of 4 KiB each, past what many parsers expect but within API Gateway's
// 10 KiB header limit.
const (
	httpBodySize = 896 << 10
	httpTextSize = 4 << 10
)

const apiTimeLayout = "02/Jan/2006:15:04:05 -0700"

// cognitoDateLayout is how REST API Cognito authorizers render exp and iat.
const cognitoDateLayout = "Mon Jan 02 15:04:05 MST 2006"

// httpReq is what a client sent: decoded path, query, headers in order
// (lowercase names), cookies and body.
type httpReq struct {
	method   string
	path     string // decoded
	proxy    string // the greedy path parameter: path without the route prefix
	query    pairs
	headers  pairs // client headers only; the gateway adds its own
	cookies  []string
	body     string
	clientIP string
	ua       string
}

// orderDoc is the default JSON document: an order placed in a web shop.
func (g *gen) orderDoc() map[string]any {
	return map[string]any{
		"orderId": "ord_" + g.alnum(14),
		"customer": map[string]any{
			"id":    "cus_" + g.alnum(14),
			"name":  "Jane Doe",
			"email": "jane.doe@example.com",
		},
		"items": []any{
			map[string]any{"sku": "WIDGET-BLUE-M", "quantity": 2, "unitPrice": 19.99},
			map[string]any{"sku": "GIFT-WRAP", "quantity": 1, "unitPrice": 4.5},
		},
		"shippingAddress": map[string]any{
			"line1":      "100 Example Street",
			"city":       "Springfield",
			"postalCode": "12345",
			"country":    "US",
		},
		"note":      "Leave at the front door",
		"createdAt": g.t.Format("2006-01-02T15:04:05.000Z07:00"),
	}
}

// request builds the client side of an HTTP event: POST /orders/<id> with a
// JSON order, a few query parameters (one repeated) and browser headers;
// every part a client controls carries the variant's payload.
func (g *gen) request() (httpReq, error) {
	in := g.in
	proxy := in.key("", "ord_"+g.alnum(14), "", httpTextSize)
	body, err := marshal(in.doc(g.orderDoc(), "note", httpBodySize))
	if err != nil {
		return httpReq{}, err
	}
	ua := in.text("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.91 Safari/537.36", httpTextSize)
	r := httpReq{
		method: "POST",
		path:   "/orders/" + proxy,
		proxy:  proxy,
		query: in.query(pairs{
			{"source", "web"},
			{"tag", "gift"},
			{"tag", "priority"},
		}, httpTextSize),
		cookies:  []string{"theme=" + in.text("dark", httpTextSize), "lang=en-US"},
		body:     string(body),
		clientIP: g.ip(),
		ua:       ua,
	}
	r.headers = pairs{
		{"accept", "application/json"},
		{"accept-encoding", "gzip, deflate, br"},
		{"accept-language", in.text("en-US,en;q=0.9", httpTextSize)},
		{"content-type", "application/json"},
		{"origin", "https://shop.example.com"},
		{"referer", in.text("https://shop.example.com/checkout", httpTextSize)},
		{"user-agent", ua},
	}
	return r, nil
}

// xff is the X-Forwarded-For header: a client-supplied prefix (the
// payload, in injection variants) followed by the address the gateway saw.
func (g *gen) xff(r httpReq, more ...string) string {
	parts := []string{}
	if g.in.on() {
		parts = append(parts, g.in.text("", httpTextSize))
	}
	parts = append(parts, r.clientIP)
	parts = append(parts, more...)
	return strings.Join(parts, ", ")
}

// canonicalHeader turns "user-agent" into "User-Agent".
func canonicalHeader(h string) string {
	parts := strings.Split(h, "-")
	for i, p := range parts {
		if p != "" {
			parts[i] = strings.ToUpper(p[:1]) + p[1:]
		}
	}
	return strings.Join(parts, "-")
}

// cognitoPool returns a user pool id for the region.
func (g *gen) cognitoPool() string { return Region + "_" + g.alnum(9) }

func buildAPIGWv1(g *gen) (any, error) {
	r, err := g.request()
	if err != nil {
		return nil, err
	}
	apiID := g.lower(10)
	host := apiID + ".execute-api." + Region + ".amazonaws.com"
	const stage = "prod"
	// An edge-optimized REST API (the default endpoint type): the request
	// passes CloudFront, which adds its headers; names keep the client's case.
	var hs pairs
	for _, h := range r.headers {
		hs = append(hs, [2]string{canonicalHeader(h[0]), h[1]})
	}
	hs = append(hs,
		[2]string{"CloudFront-Forwarded-Proto", "https"},
		[2]string{"CloudFront-Is-Desktop-Viewer", "true"},
		[2]string{"CloudFront-Is-Mobile-Viewer", "false"},
		[2]string{"CloudFront-Is-SmartTV-Viewer", "false"},
		[2]string{"CloudFront-Is-Tablet-Viewer", "false"},
		[2]string{"CloudFront-Viewer-ASN", "64496"}, // documentation ASN (RFC 5398)
		[2]string{"CloudFront-Viewer-Country", "US"},
		[2]string{"Cookie", strings.Join(r.cookies, "; ")},
		[2]string{"Host", host},
		[2]string{"Via", "2.0 " + g.hex(32) + ".cloudfront.net (CloudFront)"},
		[2]string{"X-Amz-Cf-Id", g.chars(mixedAlnum+"-_", 54) + "=="},
		[2]string{"X-Amzn-Trace-Id", g.traceID()},
		[2]string{"X-Forwarded-For", g.xff(r, g.ip())},
		[2]string{"X-Forwarded-Port", "443"},
		[2]string{"X-Forwarded-Proto", "https"},
	)
	pool := g.cognitoPool()
	clientID := g.lower(26)
	authTime := g.at(-10 * time.Minute)
	claims := map[string]any{
		"sub":              g.uuid(),
		"email_verified":   "true",
		"iss":              "https://cognito-idp." + Region + ".amazonaws.com/" + pool,
		"cognito:username": "jane.doe",
		"origin_jti":       g.uuid(),
		"aud":              clientID,
		"event_id":         g.uuid(),
		"token_use":        "id",
		"auth_time":        strconv.FormatInt(authTime.Unix(), 10),
		"exp":              authTime.Add(time.Hour).Format(cognitoDateLayout),
		"iat":              authTime.Format(cognitoDateLayout),
		"jti":              g.uuid(),
		"email":            "jane.doe@example.com",
	}
	return events.APIGatewayProxyRequest{
		Resource:                        "/orders/{proxy+}",
		Path:                            r.path,
		HTTPMethod:                      r.method,
		Headers:                         hs.single(),
		MultiValueHeaders:               hs.multi(),
		QueryStringParameters:           r.query.single(),
		MultiValueQueryStringParameters: r.query.multi(),
		PathParameters:                  map[string]string{"proxy": r.proxy},
		StageVariables:                  map[string]string{"environment": stage},
		RequestContext: events.APIGatewayProxyRequestContext{
			AccountID:         g.account,
			ResourceID:        g.lower(6),
			Stage:             stage,
			DomainName:        host,
			DomainPrefix:      apiID,
			RequestID:         g.uuid(),
			ExtendedRequestID: g.alnum(15) + "=",
			Protocol:          "HTTP/1.1",
			Identity: events.APIGatewayRequestIdentity{
				SourceIP:  r.clientIP,
				UserAgent: r.ua,
			},
			ResourcePath:     "/orders/{proxy+}",
			Path:             "/" + stage + r.path,
			Authorizer:       map[string]any{"claims": claims},
			HTTPMethod:       r.method,
			RequestTime:      g.t.Format(apiTimeLayout),
			RequestTimeEpoch: g.t.UnixMilli(),
			APIID:            apiID,
		},
		Body: r.body,
	}, nil
}

// v2Headers are the headers an HTTP API or function URL passes: the
// client's (lowercase, cookies moved out) plus the ones the service adds.
func (g *gen) v2Headers(r httpReq, host string) map[string]string {
	hs := append(pairs{}, r.headers...)
	hs = append(hs,
		[2]string{"content-length", strconv.Itoa(len(r.body))},
		[2]string{"host", host},
		[2]string{"x-amzn-trace-id", g.traceID()},
		[2]string{"x-forwarded-for", g.xff(r)},
		[2]string{"x-forwarded-port", "443"},
		[2]string{"x-forwarded-proto", "https"},
	)
	return hs.joined()
}

func buildAPIGWv2(g *gen) (any, error) {
	r, err := g.request()
	if err != nil {
		return nil, err
	}
	apiID := g.lower(10)
	host := apiID + ".execute-api." + Region + ".amazonaws.com"
	const route = "ANY /orders/{proxy+}"
	pool := g.cognitoPool()
	authTime := g.at(-10 * time.Minute)
	return events.APIGatewayV2HTTPRequest{
		Version:               "2.0",
		RouteKey:              route,
		RawPath:               pathEscape(r.path),
		RawQueryString:        r.query.rawQuery(),
		Cookies:               r.cookies,
		Headers:               g.v2Headers(r, host),
		QueryStringParameters: r.query.joined(),
		PathParameters:        map[string]string{"proxy": r.proxy},
		StageVariables:        map[string]string{"environment": "prod"},
		RequestContext: events.APIGatewayV2HTTPRequestContext{
			RouteKey:  route,
			AccountID: g.account,
			Stage:     "$default",
			RequestID: g.alnum(14) + "=",
			// A JWT authorizer with a Cognito access token: the claims are
			// signed by the identity provider, so they carry no payload.
			Authorizer: &events.APIGatewayV2HTTPRequestContextAuthorizerDescription{
				JWT: &events.APIGatewayV2HTTPRequestContextAuthorizerJWTDescription{
					Claims: map[string]string{
						"sub":        g.uuid(),
						"iss":        "https://cognito-idp." + Region + ".amazonaws.com/" + pool,
						"client_id":  g.lower(26),
						"origin_jti": g.uuid(),
						"event_id":   g.uuid(),
						"token_use":  "access",
						"scope":      "orders/read orders/write",
						"auth_time":  strconv.FormatInt(authTime.Unix(), 10),
						"exp":        strconv.FormatInt(authTime.Add(time.Hour).Unix(), 10),
						"iat":        strconv.FormatInt(authTime.Unix(), 10),
						"jti":        g.uuid(),
						"username":   "jane.doe",
					},
					Scopes: []string{"orders/read", "orders/write"},
				},
			},
			APIID:        apiID,
			DomainName:   host,
			DomainPrefix: apiID,
			Time:         g.t.Format(apiTimeLayout),
			TimeEpoch:    g.t.UnixMilli(),
			HTTP: events.APIGatewayV2HTTPRequestContextHTTPDescription{
				Method:    r.method,
				Path:      r.path,
				Protocol:  "HTTP/1.1",
				SourceIP:  r.clientIP,
				UserAgent: r.ua,
			},
		},
		Body:            r.body,
		IsBase64Encoded: false,
	}, nil
}

func buildALB(g *gen) (any, error) {
	r, err := g.request()
	if err != nil {
		return nil, err
	}
	// The default target group setting: single-value headers and query
	// parameters. An ALB passes the path and query as sent (not decoded)
	// and lowercases header names.
	hs := append(pairs{}, r.headers...)
	hs = append(hs,
		[2]string{"connection", "keep-alive"},
		[2]string{"content-length", strconv.Itoa(len(r.body))},
		[2]string{"cookie", strings.Join(r.cookies, "; ")},
		[2]string{"host", fmt.Sprintf("orders-alb-%s.%s.elb.amazonaws.com", g.digits(10), Region)},
		[2]string{"x-amzn-trace-id", g.traceID()},
		[2]string{"x-forwarded-for", g.xff(r)},
		[2]string{"x-forwarded-port", "443"},
		[2]string{"x-forwarded-proto", "https"},
	)
	return events.ALBTargetGroupRequest{
		HTTPMethod:            r.method,
		Path:                  pathEscape(r.path),
		QueryStringParameters: r.query.encoded().single(),
		Headers:               hs.single(),
		RequestContext: events.ALBTargetGroupRequestContext{
			ELB: events.ELBContext{
				TargetGroupArn: fmt.Sprintf("arn:aws:elasticloadbalancing:%s:%s:targetgroup/orders-lambda/%s", Region, g.account, g.hex(16)),
			},
		},
		IsBase64Encoded: false,
		Body:            r.body,
	}, nil
}

func buildFunctionURL(g *gen) (any, error) {
	r, err := g.request()
	if err != nil {
		return nil, err
	}
	urlID := g.lower(32)
	host := urlID + ".lambda-url." + Region + ".on.aws"
	// Auth type NONE, the common choice for public endpoints: no authorizer.
	return events.LambdaFunctionURLRequest{
		Version:               "2.0",
		RawPath:               pathEscape(r.path),
		RawQueryString:        r.query.rawQuery(),
		Cookies:               r.cookies,
		Headers:               g.v2Headers(r, host),
		QueryStringParameters: r.query.joined(),
		RequestContext: events.LambdaFunctionURLRequestContext{
			AccountID:    "anonymous",
			RequestID:    g.uuid(),
			APIID:        urlID,
			DomainName:   host,
			DomainPrefix: urlID,
			Time:         g.t.Format(apiTimeLayout),
			TimeEpoch:    g.t.UnixMilli(),
			HTTP: events.LambdaFunctionURLRequestContextHTTPDescription{
				Method:    r.method,
				Path:      r.path,
				Protocol:  "HTTP/1.1",
				SourceIP:  r.clientIP,
				UserAgent: r.ua,
			},
		},
		Body:            r.body,
		IsBase64Encoded: false,
	}, nil
}
