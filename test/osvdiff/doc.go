// Package osvdiff compares depbox's OSV matching with osv-scanner's offline
// matching on the same all.zip and lockfiles. It is a separate module so that
// osv-scanner's large dependency tree stays out of depbox's own build.
package osvdiff
