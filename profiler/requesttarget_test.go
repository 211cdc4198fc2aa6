package profiler

import (
	"slices"
	"testing"

	"github.com/depbox/depbox/internal/hook"
	"github.com/depbox/depbox/profile"
)

func TestFoldRequestTarget(t *testing.T) {
	const pkg = "ctx-0.2.6.dist-info"
	tests := []struct {
		name string
		rec  hook.Record
		want []Outgoing
	}{
		{"a Python urllib request: path and query to the host", hook.Record{Kind: "http", Op: "request", Pkg: pkg, Seq: 1,
			Detail: map[string]any{"api": "urllib.Request", "host": "anti-theft-web.invalid", "port": float64(443), "path": "/hacked/QUtJQQ==?k=v", "proto": "https"}},
			[]Outgoing{{pkg, profile.PhaseInvoke, "network", "anti-theft-web.invalid:443", []byte("/hacked/QUtJQQ==?k=v")}}},
		{"a Node fetch", hook.Record{Kind: "http", Op: "fetch", Pkg: pkg, Seq: 1,
			Detail: map[string]any{"host": "x.invalid", "port": float64(80), "path": "/u?t=secret"}},
			[]Outgoing{{pkg, profile.PhaseInvoke, "network", "x.invalid:80", []byte("/u?t=secret")}}},
		{"the root path carries nothing", hook.Record{Kind: "http", Op: "request", Pkg: pkg, Seq: 1,
			Detail: map[string]any{"host": "x.invalid", "port": float64(80), "path": "/"}}, nil},
		{"a body record is data, not a target", hook.Record{Kind: "http", Op: "body", Pkg: pkg, Seq: 1,
			Detail: map[string]any{"host": "x.invalid", "port": float64(80), "path": "/u"}}, nil},
		{"a TCP connect has no path", hook.Record{Kind: "net", Op: "connect", Pkg: pkg, Seq: 1,
			Detail: map[string]any{"host": "192.0.2.1", "port": float64(80), "path": "/sock"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Fold([]hook.Record{tt.rec}, profile.PhaseInvoke, "/var/task")
			if !slices.EqualFunc(f.Outgoing, tt.want, func(a, b Outgoing) bool {
				return a.Pkg == b.Pkg && a.Phase == b.Phase && a.Channel == b.Channel && a.Destination == b.Destination && string(a.Data) == string(b.Data)
			}) {
				t.Errorf("outgoing = %+v, want %+v", f.Outgoing, tt.want)
			}
		})
	}
}
