package fakenet

import (
	"encoding/json"
	"fmt"
	"net/netip"
	"strings"
	"time"
)

// The cloud's link-local endpoints, answered inside the sandbox.
var (
	// IMDSAddr is the EC2 instance metadata service (IMDSv1 and the IMDSv2
	// token flow).
	IMDSAddr = netip.MustParseAddr("169.254.169.254")
	// ContainerAddr is the ECS/EKS container credentials endpoint that
	// AWS_CONTAINER_CREDENTIALS_FULL_URI points to.
	ContainerAddr = netip.MustParseAddr("169.254.170.2")
)

// Credentials are temporary AWS credentials (fake: canaries).
type Credentials struct {
	AccessKeyID     string `json:"access_key_id"`
	SecretAccessKey string `json:"secret_access_key"`
	Token           string `json:"token"`
}

// Cloud is the fake AWS world behind the link-local endpoints: the
// instance metadata service hands out the instance role's credentials,
// the container endpoint the task role's.
type Cloud struct {
	Region     string      `json:"region"`
	AccountID  string      `json:"account_id"`
	InstanceID string      `json:"instance_id"`
	Role       string      `json:"role"`
	Instance   Credentials `json:"instance"`
	Container  Credentials `json:"container"`
	// ContainerPath is the path of AWS_CONTAINER_CREDENTIALS_FULL_URI.
	ContainerPath string `json:"container_path"`
	// IMDSToken is what PUT /latest/api/token returns.
	IMDSToken string `json:"imds_token"`
}

// response is an HTTP answer of the fake cloud.
type response struct {
	status int
	ctype  string
	body   string
}

// serve answers one request to the cloud endpoint at local, or reports
// false when local is not one.
func (c *Cloud) serve(local netip.Addr, method, target string, header map[string]string) (response, bool) {
	switch local {
	case IMDSAddr:
		return c.imds(method, target, header), true
	case ContainerAddr:
		return c.container(target), true
	}
	return response{}, false
}

func (c *Cloud) credentialsJSON(cr Credentials, extra map[string]string) string {
	now := time.Now().UTC()
	m := map[string]string{
		"AccessKeyId": cr.AccessKeyID, "SecretAccessKey": cr.SecretAccessKey, "Token": cr.Token,
		"Expiration": now.Add(6 * time.Hour).Format(time.RFC3339),
	}
	for k, v := range extra {
		m[k] = v
	}
	b, _ := json.MarshalIndent(m, "", "  ")
	return string(b)
}

// imds answers like the instance metadata service: IMDSv1 GETs and the
// IMDSv2 token flow (a PUT for a token, then GETs carrying it; a token that
// is not the one handed out is refused as on EC2).
func (c *Cloud) imds(method, target string, header map[string]string) response {
	path, _, _ := strings.Cut(target, "?")
	if method == "PUT" {
		if path == "/latest/api/token" && header["x-aws-ec2-metadata-token-ttl-seconds"] != "" {
			return response{200, "text/plain", c.IMDSToken}
		}
		return response{400, "text/plain", "Bad Request"}
	}
	if tok, ok := header["x-aws-ec2-metadata-token"]; ok && tok != c.IMDSToken {
		return response{401, "text/plain", "Unauthorized"}
	}
	az := c.Region + "a"
	text := map[string]string{
		"/latest/meta-data/":                                   "ami-id\nhostname\niam/\ninstance-id\ninstance-type\nlocal-hostname\nlocal-ipv4\nplacement/\nservices/\n",
		"/latest/meta-data/ami-id":                             "ami-0c02fb55956c7d316",
		"/latest/meta-data/instance-id":                        c.InstanceID,
		"/latest/meta-data/instance-type":                      "t3.medium",
		"/latest/meta-data/hostname":                           "ip-10-0-12-34.ec2.internal",
		"/latest/meta-data/local-hostname":                     "ip-10-0-12-34.ec2.internal",
		"/latest/meta-data/local-ipv4":                         "10.0.12.34",
		"/latest/meta-data/placement/":                         "availability-zone\nregion\n",
		"/latest/meta-data/placement/region":                   c.Region,
		"/latest/meta-data/placement/availability-zone":        az,
		"/latest/meta-data/iam/":                               "info\nsecurity-credentials/\n",
		"/latest/meta-data/iam/security-credentials/":          c.Role,
		"/latest/meta-data/services/domain":                    "amazonaws.com",
		"/latest/meta-data/iam/security-credentials/" + c.Role: c.credentialsJSON(c.Instance, map[string]string{"Code": "Success", "Type": "AWS-HMAC", "LastUpdated": time.Now().UTC().Format(time.RFC3339)}),
	}
	for _, p := range []string{path, path + "/", strings.TrimSuffix(path, "/")} {
		if body, ok := text[p]; ok {
			return response{200, "text/plain", body}
		}
	}
	switch path {
	case "/latest/meta-data/iam/info":
		b, _ := json.Marshal(map[string]string{"Code": "Success", "InstanceProfileArn": fmt.Sprintf("arn:aws:iam::%s:instance-profile/%s", c.AccountID, c.Role), "InstanceProfileId": "AIPA" + strings.ToUpper(c.InstanceID[2:])})
		return response{200, "application/json", string(b)}
	case "/latest/dynamic/instance-identity/document":
		b, _ := json.MarshalIndent(map[string]string{"accountId": c.AccountID, "availabilityZone": az, "region": c.Region,
			"instanceId": c.InstanceID, "instanceType": "t3.medium", "imageId": "ami-0c02fb55956c7d316", "privateIp": "10.0.12.34", "architecture": "x86_64"}, "", "  ")
		return response{200, "application/json", string(b)}
	}
	return response{404, "text/html", "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>\n<title>404 - Not Found</title>\n"}
}

// container answers like the ECS/EKS container credentials endpoint.
func (c *Cloud) container(target string) response {
	path, _, _ := strings.Cut(target, "?")
	if path != c.ContainerPath && !strings.HasPrefix(path, "/v2/credentials/") {
		return response{404, "application/json", `{"code":"NotFound","message":"Unable to find credentials"}`}
	}
	return response{200, "application/json", c.credentialsJSON(c.Container, map[string]string{
		"RoleArn": fmt.Sprintf("arn:aws:iam::%s:role/%s", c.AccountID, c.Role)})}
}
