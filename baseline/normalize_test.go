package baseline

import "testing"

func TestNormalizePath(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"/proc/1234/status", "/proc/{pid}/status"},
		{"/proc/self/environ", "/proc/self/environ"},
		{"/proc/self/fd/17", "/proc/self/fd/{n}"},
		{"/proc/42/task/43/stat", "/proc/{pid}/task/{n}/stat"},
		{"/dev/pts/3", "/dev/pts/{n}"},
		{"/tmp/foo-Ab3xYz/data.json", "/tmp/foo-{random}/data.json"},
		{"/tmp/npm-12345-0a1b2c3d", "/tmp/npm-{n}-{random}"},
		{"/tmp/cache/x.json", "/tmp/cache/x.json"},
		{"/tmp/.aws/credentials", "/tmp/.aws/credentials"},
		{"/tmp/abcdefgh", "/tmp/abcdefgh"},
		{"/tmp/AbcXyz", "/tmp/{random}"},
		{"/tmp/3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60", "/tmp/{random}"},
		{"/var/tmp/x/1700000000123.log", "/var/tmp/x/{n}.log"},
		{"/tmp//a/../b", "/tmp/b"},
		{"/home/sbx_user/.cache/node-gyp/20.11.1/include", "/home/sbx_user/.cache/node-gyp/{version}/include"},
		{"/opt/node-v20.11.1-linux-x64/bin/node", "/opt/node-{version}-linux-x64/bin/node"},
		{"/home/sbx_user/.cache/prisma/5.0.0-beta.2/engine", "/home/sbx_user/.cache/prisma/{version}/engine"},
		{"/var/task/node_modules/foo/lib/index.js", "/var/task/node_modules/foo/lib/index.js"},
		{"/var/task/node_modules/@scope/pkg-name/dist/index.min.js", "/var/task/node_modules/@scope/pkg-name/dist/index.min.js"},
		{"/home/sbx_user/.npm/_cacache/content-v2/sha512/ab/0123456789abcdef0123", "/home/sbx_user/.npm/_cacache/content-v2/sha512/ab/{random}"},
		{"/home/sbx_user/.ssh/id_rsa", "/home/sbx_user/.ssh/id_rsa"},
		{"relative/path.txt", "relative/path.txt"},
	}
	for _, tt := range tests {
		if got := NormalizePath(tt.in); got != tt.want {
			t.Errorf("NormalizePath(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizeText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"AKIAIOSFODNN7EXAMPLE", "{random}"},
		{"--data=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "--data={random}"},
		{"/tmp/x-Ab3xYz.sh", "/tmp/x-{random}.sh"},
		{"node_modules/.bin/tsc", "node_modules/.bin/tsc"},
		{"require('child_process')", "require('child_process')"},
		{"cat /proc/77/environ | base64", "cat /proc/{pid}/environ | base64"},
		{"https://example.invalid/c?t=0123456789abcdef0123", "https://example.invalid/c?t={random}"},
		{"-e", "-e"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := NormalizeText(tt.in); got != tt.want {
			t.Errorf("NormalizeText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizeHost(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Registry.NPMJS.org.", "registry.npmjs.org"},
		{"aGVsbG8gd29ybGQ1234567.exfil.invalid", "{random}.exfil.invalid"},
		{"sts.us-east-1.amazonaws.com", "sts.us-east-1.amazonaws.com"},
		{"verylonglabelwithoutdigits.example.com", "verylonglabelwithoutdigits.example.com"},
	}
	for _, tt := range tests {
		if got := NormalizeHost(tt.in); got != tt.want {
			t.Errorf("NormalizeHost(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
