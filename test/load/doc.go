// Package load holds the concurrent-scan benchmark: N depbox scans at once
// on one machine, checked for interference (each profile identical to a
// lone scan's) and measured for time and memory. It has no code of its
// own; see load_test.go and docs/testing.md.
package load
