package event

import (
	"crypto/md5"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/aws/aws-lambda-go/events"
)

// Oversized sizes at each service's own limit, kept under MaxSynthetic.
const (
	s3KeyMax       = 1024       // S3 object key limit, in UTF-8 bytes
	s3ObjectMax    = 5 << 40    // 5 TiB, the largest object S3 stores
	messageMax     = 250 << 10  // SQS and SNS messages: 256 KiB with attributes
	attrTextSize   = 1 << 10    // message attributes, subjects, item strings
	ddbItemSize    = 380 << 10  // DynamoDB items: 400 KB with names
	kinesisDataMax = 700 << 10  // Kinesis allows 1 MiB; base64 grows it by a third
	cognitoAttrMax = 2048       // Cognito user pool attribute values
	cognitoNameMax = 128        // Cognito user names
	detailMax      = 250 << 10  // EventBridge entries: 256 KB
	partitionKey   = 256        // Kinesis partition keys
	s3KeyPrefix    = "uploads/" // where the default object lives
)

func md5hex(b []byte) string {
	s := md5.Sum(b)
	return hex.EncodeToString(s[:])
}

func buildS3(g *gen) (any, error) {
	bucket := "orders-uploads-" + g.lower(8)
	key := g.in.key(s3KeyPrefix+g.t.Format("2006/01/02")+"/", "invoice "+g.digits(6), ".pdf", s3KeyMax)
	size := int64(48213 + g.r.IntN(200_000))
	if g.in.variant == VariantOversized {
		size = s3ObjectMax
	}
	return events.S3Event{Records: []events.S3EventRecord{{
		EventVersion: "2.1",
		EventSource:  "aws:s3",
		AWSRegion:    Region,
		EventTime:    g.t,
		EventName:    "ObjectCreated:Put",
		PrincipalID:  events.S3UserIdentity{PrincipalID: "AWS:AROA" + g.upper(17) + ":uploader"},
		RequestParameters: events.S3RequestParameters{
			SourceIPAddress: g.ip(),
		},
		ResponseElements: map[string]string{
			"x-amz-request-id": g.upHex(16),
			"x-amz-id-2":       g.b64(57),
		},
		S3: events.S3Entity{
			SchemaVersion:   "1.0",
			ConfigurationID: "orders-uploads-created",
			Bucket: events.S3Bucket{
				Name:          bucket,
				OwnerIdentity: events.S3UserIdentity{PrincipalID: "A" + g.upper(13)},
				Arn:           "arn:aws:s3:::" + bucket,
			},
			Object: events.S3Object{
				Key:       s3KeyEscape(key),
				Size:      size,
				VersionID: g.alnum(32),
				ETag:      md5hex([]byte(key)),
				Sequencer: g.upHex(18),
			},
		},
	}}}, nil
}

// sqsAttribute is one message attribute before encoding.
type sqsAttribute struct {
	name, dataType, str string
	bin                 []byte
}

// sqsAttributesMD5 computes md5OfMessageAttributes the way SQS does: for
// each attribute in name order, the length-prefixed name, data type,
// transport type (1 string, 2 binary) and length-prefixed value.
func sqsAttributesMD5(attrs []sqsAttribute) string {
	sorted := slices.Clone(attrs)
	slices.SortFunc(sorted, func(a, b sqsAttribute) int { return strings.Compare(a.name, b.name) })
	h := md5.New()
	put := func(b []byte) {
		var n [4]byte
		binary.BigEndian.PutUint32(n[:], uint32(len(b)))
		h.Write(n[:])
		h.Write(b)
	}
	for _, a := range sorted {
		put([]byte(a.name))
		put([]byte(a.dataType))
		if a.bin != nil {
			h.Write([]byte{2})
			put(a.bin)
		} else {
			h.Write([]byte{1})
			put([]byte(a.str))
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// messageAttributes are the attributes a producer set on an order message.
// The prototype pollution variant adds one named __proto__.
func (g *gen) messageAttributes(in injection) []sqsAttribute {
	attrs := []sqsAttribute{
		{name: "eventType", dataType: "String", str: in.text("OrderPlaced", attrTextSize)},
		{name: "priority", dataType: "Number", str: "5"},
		{name: "checksum", dataType: "Binary", bin: g.bytes(8)},
	}
	if in.variant == VariantProtoPollution {
		attrs = append(attrs, sqsAttribute{name: "__proto__", dataType: "String", str: `{"polluted":true}`})
	}
	return attrs
}

// sqsMessage builds one message; the injection applies to body and
// attributes.
func (g *gen) sqsMessage(in injection, queueARN, sender string, sent time.Time) (events.SQSMessage, error) {
	body, err := marshal(in.doc(g.orderDoc(), "note", messageMax))
	if err != nil {
		return events.SQSMessage{}, err
	}
	attrs := g.messageAttributes(in)
	ma := map[string]events.SQSMessageAttribute{}
	for _, a := range attrs {
		v := events.SQSMessageAttribute{DataType: a.dataType, StringListValues: []string{}, BinaryListValues: [][]byte{}}
		if a.bin != nil {
			v.BinaryValue = a.bin
		} else {
			s := a.str
			v.StringValue = &s
		}
		ma[a.name] = v
	}
	return events.SQSMessage{
		MessageId:              g.uuid(),
		ReceiptHandle:          "AQEB" + base64.StdEncoding.EncodeToString(g.bytes(150)),
		Body:                   string(body),
		Md5OfBody:              md5hex(body),
		Md5OfMessageAttributes: sqsAttributesMD5(attrs),
		Attributes: map[string]string{
			"ApproximateReceiveCount":          "1",
			"SentTimestamp":                    fmt.Sprint(sent.UnixMilli()),
			"SenderId":                         sender,
			"ApproximateFirstReceiveTimestamp": fmt.Sprint(sent.Add(37 * time.Millisecond).UnixMilli()),
		},
		MessageAttributes: ma,
		EventSourceARN:    queueARN,
		EventSource:       "aws:sqs",
		AWSRegion:         Region,
	}, nil
}

// buildSQS is a batch of two messages: the first carries the injection, the
// second is an ordinary message, as a poison message arrives among others.
func buildSQS(g *gen) (any, error) {
	queue := fmt.Sprintf("arn:aws:sqs:%s:%s:orders-queue", Region, g.account)
	sender := "AROA" + g.upper(17) + ":orders-api" // the producer's role session
	first, err := g.sqsMessage(g.in, queue, sender, g.t)
	if err != nil {
		return nil, err
	}
	second, err := g.sqsMessage(injection{variant: VariantDefault}, queue, sender, g.at(180*time.Millisecond))
	if err != nil {
		return nil, err
	}
	return events.SQSEvent{Records: []events.SQSMessage{first, second}}, nil
}

func buildSNS(g *gen) (any, error) {
	topic := fmt.Sprintf("arn:aws:sns:%s:%s:order-events", Region, g.account)
	sub := topic + ":" + g.uuid()
	msg, err := marshal(g.in.doc(g.orderDoc(), "note", messageMax))
	if err != nil {
		return nil, err
	}
	attrs := map[string]any{}
	for _, a := range g.messageAttributes(g.in) {
		v := a.str
		if a.bin != nil {
			v = base64.StdEncoding.EncodeToString(a.bin)
		}
		attrs[a.name] = map[string]any{"Type": a.dataType, "Value": v}
	}
	return events.SNSEvent{Records: []events.SNSEventRecord{{
		EventVersion:         "1.0",
		EventSubscriptionArn: sub,
		EventSource:          "aws:sns",
		SNS: events.SNSEntity{
			Signature:         g.b64(256),
			MessageID:         g.uuid(),
			Type:              "Notification",
			TopicArn:          topic,
			MessageAttributes: attrs,
			SignatureVersion:  "1",
			Timestamp:         g.t,
			SigningCertURL:    "https://sns." + Region + ".amazonaws.com/SimpleNotificationService-" + g.hex(32) + ".pem",
			Message:           string(msg),
			UnsubscribeURL:    "https://sns." + Region + ".amazonaws.com/?Action=Unsubscribe&SubscriptionArn=" + sub,
			Subject:           g.in.text("Order placed", attrTextSize),
		},
	}}}, nil
}

// orderItem is an order as a DynamoDB item, with every attribute type.
// Strings a customer typed carry the injection.
func (g *gen) orderItem(in injection, id string) map[string]events.DynamoDBAttributeValue {
	s := events.NewStringAttribute
	n := events.NewNumberAttribute
	text := func(def string) events.DynamoDBAttributeValue { return s(in.text(def, attrTextSize)) }
	item := map[string]events.DynamoDBAttributeValue{
		"pk":            s("ORDER#" + id),
		"sk":            s("METADATA"),
		"customerName":  text("Jane Doe"),
		"customerEmail": s("jane.doe@example.com"),
		"note":          text("Leave at the front door"),
		"attachmentKey": s(in.key("attachments/", "invoice", ".pdf", s3KeyMax)),
		"total":         n("44.48"),
		"paid":          events.NewBooleanAttribute(true),
		"couponCode":    events.NewNullAttribute(),
		"items": events.NewListAttribute([]events.DynamoDBAttributeValue{
			events.NewMapAttribute(map[string]events.DynamoDBAttributeValue{"sku": s("WIDGET-BLUE-M"), "quantity": n("2")}),
			events.NewMapAttribute(map[string]events.DynamoDBAttributeValue{"sku": s("GIFT-WRAP"), "quantity": n("1")}),
		}),
		"shippingAddress": events.NewMapAttribute(map[string]events.DynamoDBAttributeValue{
			"line1": text("100 Example Street"),
			"city":  s("Springfield"),
		}),
		"tags":       events.NewStringSetAttribute([]string{in.text("gift", attrTextSize), "priority"}),
		"ratings":    events.NewNumberSetAttribute([]string{"4", "5"}),
		"thumbnail":  events.NewBinaryAttribute(g.bytes(12)),
		"signatures": events.NewBinarySetAttribute([][]byte{g.bytes(8), g.bytes(8)}),
		"createdAt":  n(fmt.Sprint(g.t.Unix())),
	}
	switch in.variant {
	case VariantProtoPollution:
		t := events.NewBooleanAttribute(true)
		item["metadata"] = events.NewMapAttribute(map[string]events.DynamoDBAttributeValue{
			"__proto__":   events.NewMapAttribute(map[string]events.DynamoDBAttributeValue{"polluted": t}),
			"constructor": events.NewMapAttribute(map[string]events.DynamoDBAttributeValue{"prototype": events.NewMapAttribute(map[string]events.DynamoDBAttributeValue{"polluted": t})}),
		})
	case VariantOversized:
		item["note"] = s(strings.Repeat("A", ddbItemSize))
	}
	return item
}

// buildDynamoDB is a stream batch: an order inserted (with the injection in
// what the customer typed), an order modified, and an expired order removed
// by TTL, so handlers branching on eventName meet every branch.
func buildDynamoDB(g *gen) (any, error) {
	table := "Orders"
	streamARN := fmt.Sprintf("arn:aws:dynamodb:%s:%s:table/%s/stream/%s", Region, g.account, table, g.t.Add(-30*24*time.Hour).Format("2006-01-02T15:04:05.000"))
	seq := g.digits(21)
	plain := injection{variant: VariantDefault}
	record := func(name string, keysOf map[string]events.DynamoDBAttributeValue, newImg, oldImg map[string]events.DynamoDBAttributeValue, delay time.Duration) events.DynamoDBEventRecord {
		seq = incDigits(seq)
		return events.DynamoDBEventRecord{
			AWSRegion: Region,
			Change: events.DynamoDBStreamRecord{
				ApproximateCreationDateTime: events.SecondsEpochTime{Time: g.at(delay).Truncate(time.Second)},
				Keys:                        map[string]events.DynamoDBAttributeValue{"pk": keysOf["pk"], "sk": keysOf["sk"]},
				NewImage:                    newImg,
				OldImage:                    oldImg,
				SequenceNumber:              seq,
				SizeBytes:                   int64(ddbSize(newImg) + ddbSize(oldImg)),
				StreamViewType:              string(events.DynamoDBStreamViewTypeNewAndOldImages),
			},
			EventID:        g.hex(32),
			EventName:      name,
			EventSource:    "aws:dynamodb",
			EventVersion:   "1.1",
			EventSourceArn: streamARN,
		}
	}
	inserted := g.orderItem(g.in, g.alnum(14))
	oldID := g.alnum(14)
	before := g.orderItem(plain, oldID)
	after := g.orderItem(plain, oldID)
	after["paid"] = events.NewBooleanAttribute(true)
	after["status"] = events.NewStringAttribute("SHIPPED")
	expired := g.orderItem(plain, g.alnum(14))
	ttl := record(string(events.DynamoDBOperationTypeRemove), expired, nil, expired, 2*time.Second)
	ttl.UserIdentity = &events.DynamoDBUserIdentity{Type: "Service", PrincipalID: "dynamodb.amazonaws.com"}
	return events.DynamoDBEvent{Records: []events.DynamoDBEventRecord{
		record(string(events.DynamoDBOperationTypeInsert), inserted, inserted, nil, 0),
		record(string(events.DynamoDBOperationTypeModify), after, after, before, time.Second),
		ttl,
	}}, nil
}

// ddbSize approximates an image's size in bytes by the length of its JSON.
func ddbSize(img map[string]events.DynamoDBAttributeValue) int {
	if img == nil {
		return 0
	}
	b, _ := marshal(img)
	return len(b)
}

// incDigits adds one to a decimal string.
func incDigits(s string) string {
	b := []byte(s)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < '9' {
			b[i]++
			return string(b)
		}
		b[i] = '0'
	}
	return "1" + string(b)
}

// buildKinesis is a batch of two clickstream records; the first carries
// the injection in its data and partition key.
func buildKinesis(g *gen) (any, error) {
	stream := fmt.Sprintf("arn:aws:kinesis:%s:%s:stream/clickstream", Region, g.account)
	role := fmt.Sprintf("arn:aws:iam::%s:role/clickstream-consumer", g.account)
	seq := "49" + g.digits(54)
	var recs []events.KinesisEventRecord
	for i, in := range []injection{g.in, {variant: VariantDefault}} {
		doc := map[string]any{
			"type":      "page_view",
			"sessionId": "s_" + g.alnum(16),
			"page":      "/products/widget-blue",
			"referrer":  "https://www.example.org/search?q=widgets",
			"userAgent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
			"at":        g.at(time.Duration(i) * time.Second).Format(time.RFC3339Nano),
		}
		data, err := marshal(in.doc(doc, "page", kinesisDataMax))
		if err != nil {
			return nil, err
		}
		seq = incDigits(seq)
		recs = append(recs, events.KinesisEventRecord{
			AwsRegion:         Region,
			EventID:           "shardId-000000000000:" + seq,
			EventName:         "aws:kinesis:record",
			EventSource:       "aws:kinesis",
			EventSourceArn:    stream,
			EventVersion:      "1.0",
			InvokeIdentityArn: role,
			Kinesis: events.KinesisRecord{
				ApproximateArrivalTimestamp: events.SecondsEpochTime{Time: g.at(time.Duration(i) * time.Second).Truncate(time.Millisecond)},
				Data:                        data,
				PartitionKey:                in.text("s_"+g.alnum(16), partitionKey),
				SequenceNumber:              seq,
				KinesisSchemaVersion:        "1.0",
			},
		})
	}
	return events.KinesisEvent{Records: recs}, nil
}
