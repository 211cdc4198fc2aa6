package event

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/aws/aws-lambda-go/events"
)

// buildEventBridge is a custom application event on the default bus, the
// most common EventBridge trigger: an order service announcing an order.
// The detail carries what the customer sent.
func buildEventBridge(g *gen) (any, error) {
	detail, err := marshal(g.in.doc(g.orderDoc(), "note", detailMax))
	if err != nil {
		return nil, err
	}
	return events.EventBridgeEvent{
		Version:    "0",
		ID:         g.uuid(),
		DetailType: "Order Placed",
		Source:     "com.example.orders",
		AccountID:  g.account,
		Time:       g.t.Truncate(time.Second),
		Region:     Region,
		Resources:  []string{},
		Detail:     json.RawMessage(detail),
	}, nil
}

// buildSchedule is what an EventBridge schedule rule (rate or cron) sends.
// Nothing in it comes from outside the account, so it has no injection
// variants.
func buildSchedule(g *gen) (any, error) {
	return events.CloudWatchEvent{
		Version:    "0",
		ID:         g.uuid(),
		DetailType: "Scheduled Event",
		Source:     "aws.events",
		AccountID:  g.account,
		Time:       g.t.Truncate(time.Minute),
		Region:     Region,
		Resources:  []string{fmt.Sprintf("arn:aws:events:%s:%s:rule/nightly-report", Region, g.account)},
		Detail:     json.RawMessage(`{}`),
	}, nil
}

// buildCognitoPreSignup is a user signing up to a user pool through the
// hosted UI or SignUp API: user name, attributes, validation data and
// client metadata are all the user's.
func buildCognitoPreSignup(g *gen) (any, error) {
	in := g.in
	const domain = "@example.com"
	email := "jane.doe" + domain
	if in.on() {
		email = in.text("", cognitoAttrMax-len(domain)) + domain
	}
	req := events.CognitoEventUserPoolsPreSignupRequest{
		UserAttributes: map[string]string{
			"email":        email,
			"name":         in.text("Jane Doe", cognitoAttrMax),
			"phone_number": "+15555550123", // 555-01xx numbers are reserved as fictional
			"locale":       in.text("en-US", cognitoAttrMax),
		},
		ValidationData: map[string]string{
			"signupSource": in.text("web", cognitoAttrMax),
		},
		ClientMetadata: map[string]string{
			"referralCode": in.text("SPRING25", cognitoAttrMax),
		},
	}
	if in.variant == VariantProtoPollution {
		req.ValidationData["__proto__"] = `{"polluted":true}`
		req.ClientMetadata["__proto__"] = `{"polluted":true}`
	}
	return events.CognitoEventUserPoolsPreSignup{
		CognitoEventUserPoolsHeader: events.CognitoEventUserPoolsHeader{
			Version:       "1",
			TriggerSource: "PreSignUp_SignUp",
			Region:        Region,
			UserPoolID:    g.cognitoPool(),
			CallerContext: events.CognitoEventUserPoolsCallerContext{
				AWSSDKVersion: "aws-sdk-unknown-unknown",
				ClientID:      g.lower(26),
			},
			UserName: in.text("jane.doe", cognitoNameMax),
		},
		Request: req,
		Response: events.CognitoEventUserPoolsPreSignupResponse{
			AutoConfirmUser: false,
			AutoVerifyEmail: false,
			AutoVerifyPhone: false,
		},
	}, nil
}

// registry holds every source, sorted by name.
var registry = []generator{
	{
		name:        "alb",
		aliases:     []string{"elb", "application-load-balancer"},
		description: "Application Load Balancer request to a Lambda target group (single-value headers)",
		build:       buildALB,
	},
	{
		name:        "apigw-v1",
		aliases:     []string{"apigw", "api", "rest-api", "apigateway"},
		description: "API Gateway REST API proxy request (payload format 1.0), edge-optimized, Cognito authorizer",
		build:       buildAPIGWv1,
	},
	{
		name:        "apigw-v2",
		aliases:     []string{"http-api", "httpapi", "apigw-http"},
		description: "API Gateway HTTP API request (payload format 2.0) with a JWT authorizer",
		build:       buildAPIGWv2,
		// Only present with mutual TLS; the typed struct always emits it.
		strip: [][]string{{"requestContext", "authentication"}},
	},
	{
		name:        "cognito-pre-signup",
		aliases:     []string{"cognito", "presignup", "cognito-presignup"},
		description: "Cognito user pool pre sign-up trigger (PreSignUp_SignUp)",
		build:       buildCognitoPreSignup,
	},
	{
		name:        "dynamodb",
		aliases:     []string{"dynamodb-stream", "ddb"},
		description: "DynamoDB stream batch: INSERT, MODIFY and a TTL REMOVE (NEW_AND_OLD_IMAGES)",
		build:       buildDynamoDB,
	},
	{
		name:        "eventbridge",
		aliases:     []string{"cloudwatch-event", "events", "eventbridge-rule"},
		description: "EventBridge custom application event on the default bus",
		build:       buildEventBridge,
	},
	{
		name:        "function-url",
		aliases:     []string{"lambda-url", "url", "furl"},
		description: "Lambda function URL request (payload format 2.0, auth type NONE)",
		build:       buildFunctionURL,
	},
	{
		name:        "kinesis",
		aliases:     []string{"kinesis-stream"},
		description: "Kinesis data stream batch of two clickstream records",
		build:       buildKinesis,
	},
	{
		name:        "s3",
		aliases:     []string{"s3-put"},
		description: "S3 event notification for an object put (ObjectCreated:Put)",
		build:       buildS3,
		// aws-lambda-go's own decoded copy of the key; S3 never sends it.
		strip: [][]string{{"Records", "*", "s3", "object", "urlDecodedKey"}},
	},
	{
		name:        "schedule",
		aliases:     []string{"scheduled", "cron", "rate"},
		description: "EventBridge schedule rule firing (Scheduled Event); no injection variants",
		build:       buildSchedule,
		noInjection: true,
	},
	{
		name:        "sns",
		aliases:     []string{"sns-notification"},
		description: "SNS notification with message attributes",
		build:       buildSNS,
	},
	{
		name:        "sqs",
		aliases:     []string{"sqs-message"},
		description: "SQS batch of two messages with message attributes (standard queue)",
		build:       buildSQS,
	},
}
