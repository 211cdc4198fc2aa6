package fakenet

import (
	"encoding/json"
	"net/netip"
	"strings"
	"testing"
)

func testCloud() *Cloud {
	return &Cloud{
		Region: "us-east-1", AccountID: "000011112222", InstanceID: "i-0123456789abcdef0", Role: "app-role",
		Instance:      Credentials{AccessKeyID: "ASIAIMDS", SecretAccessKey: "imds-secret", Token: "imds-token"},
		Container:     Credentials{AccessKeyID: "ASIAECS", SecretAccessKey: "ecs-secret", Token: "ecs-token"},
		ContainerPath: "/v2/credentials/abc", IMDSToken: "AQAEAtoken",
	}
}

// TestCloudAnswers: the metadata service's IMDSv1 and IMDSv2 flows and the
// container credentials endpoint answer as AWS's do, with the canaries.
func TestCloudAnswers(t *testing.T) {
	c := testCloud()
	tests := []struct {
		name           string
		local          netip.Addr
		method, target string
		header         map[string]string
		status         int
		body           string // a substring
	}{
		{"IMDSv2 token", IMDSAddr, "PUT", "/latest/api/token", map[string]string{"x-aws-ec2-metadata-token-ttl-seconds": "21600"}, 200, "AQAEAtoken"},
		{"IMDSv2 token without a TTL", IMDSAddr, "PUT", "/latest/api/token", nil, 400, "Bad Request"},
		{"IMDSv2 role", IMDSAddr, "GET", "/latest/meta-data/iam/security-credentials/", map[string]string{"x-aws-ec2-metadata-token": "AQAEAtoken"}, 200, "app-role"},
		{"IMDSv2 wrong token", IMDSAddr, "GET", "/latest/meta-data/iam/security-credentials/", map[string]string{"x-aws-ec2-metadata-token": "forged"}, 401, "Unauthorized"},
		{"IMDSv1 role without slash", IMDSAddr, "GET", "/latest/meta-data/iam/security-credentials", nil, 200, "app-role"},
		{"IMDSv1 credentials", IMDSAddr, "GET", "/latest/meta-data/iam/security-credentials/app-role", nil, 200, `"SecretAccessKey": "imds-secret"`},
		{"instance identity", IMDSAddr, "GET", "/latest/dynamic/instance-identity/document", nil, 200, `"accountId": "000011112222"`},
		{"region", IMDSAddr, "GET", "/latest/meta-data/placement/region", nil, 200, "us-east-1"},
		{"user data", IMDSAddr, "GET", "/latest/user-data", nil, 404, "Not Found"},
		{"container credentials", ContainerAddr, "GET", "/v2/credentials/abc", nil, 200, `"Token": "ecs-token"`},
		{"container, other path", ContainerAddr, "GET", "/latest/meta-data/", nil, 404, "NotFound"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, ok := c.serve(tc.local, tc.method, tc.target, tc.header)
			if !ok || r.status != tc.status || !strings.Contains(r.body, tc.body) {
				t.Errorf("%s %s: %d %q, want %d with %q", tc.method, tc.target, r.status, r.body, tc.status, tc.body)
			}
		})
	}
	if _, ok := c.serve(netip.MustParseAddr("127.77.1.2"), "GET", "/", nil); ok {
		t.Error("a sinkhole address was answered as a cloud endpoint")
	}
	r, _ := c.serve(IMDSAddr, "GET", "/latest/meta-data/iam/security-credentials/app-role", nil)
	var creds map[string]string
	if err := json.Unmarshal([]byte(r.body), &creds); err != nil || creds["AccessKeyId"] != "ASIAIMDS" || creds["Code"] != "Success" || creds["Expiration"] == "" {
		t.Errorf("credentials %q (%v)", r.body, err)
	}
}
