# depbox build, test and benchmark entry points. Everything is built from
# this module: runsc comes from the gVisor version pinned in go.mod, and Go's
# build cache plus make's timestamps mean it is compiled once per machine.
GO      ?= go
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X github.com/depbox/depbox/internal/cli.Version=$(VERSION)
GOFILES := $(shell find cmd internal sandbox profiler baseline profile -name '*.go' -not -name '*_test.go') $(shell find internal sandbox profiler -name '*.js' -o -name '*.py' -o -name '*.tmpl' | grep -v testdata)

.PHONY: all build node-runtime runsc shim containerd depbox-containerd deps test test-containerd unit example example-python bench bench-load eval vet clean

all: build

## build: bin/depbox (static: it also runs as the sandbox's init) and bin/runsc
build: bin/depbox bin/runsc

bin/depbox: $(GOFILES) go.mod go.sum
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $@ ./cmd/depbox

## runsc: build gVisor's runsc from the module version pinned in go.mod
runsc: bin/runsc
bin/runsc: go.mod go.sum
	CGO_ENABLED=0 $(GO) build -trimpath -o $@ gvisor.dev/gvisor/runsc

## depbox-containerd: bin/depbox-containerd, depbox with the containerd
## backend (--backend containerd; the containerd build tag: containerd's
## client adds about 10 MB, so bin/depbox leaves it out)
depbox-containerd: bin/depbox-containerd
bin/depbox-containerd: $(GOFILES) go.mod go.sum
	CGO_ENABLED=0 $(GO) build -trimpath -tags containerd -ldflags '$(LDFLAGS)' -o $@ ./cmd/depbox

## shim: gVisor's containerd shim from the gVisor version pinned in go.mod
## (install it on containerd's PATH as containerd-shim-runsc-v1; docs/containerd.md)
shim: bin/containerd-shim-runsc-v1
bin/containerd-shim-runsc-v1: go.mod go.sum
	CGO_ENABLED=0 $(GO) build -trimpath -o $@ gvisor.dev/gvisor/shim

## containerd: a containerd daemon at the version of the client in go.mod,
## for the containerd backend's tests (a module of its own: test/containerd)
containerd: bin/containerd
bin/containerd: test/containerd/go.mod test/containerd/go.sum
	cd test/containerd && CGO_ENABLED=0 $(GO) build -trimpath -o $(CURDIR)/bin/containerd github.com/containerd/containerd/v2/cmd/containerd

## deps: install what a fresh machine lacks (Debian packages for the sandbox's
## root file system and the tests, npm 11.10+); idempotent, see scripts/install-deps
deps:
	scripts/install-deps

## node-runtime: a node newer than the host's for the sandbox (Debian's nodejs
## of a newer suite with its libraries, extracted into depbox's cache, never
## installed on the host): audits run packages whose native addons need
## Node-API 10 on it (--addon-node), scans with --node-runtime; see
## scripts/node-runtime and docs/runtime.md
node-runtime:
	scripts/node-runtime

## test: the whole suite, integration tests with real runsc included (as root),
## and the differential test against osv-scanner (a module of its own)
test: deps build node-runtime
	$(GO) vet ./...
	DEPBOX_BIN=$(CURDIR)/bin/depbox DEPBOX_RUNSC=$(CURDIR)/bin/runsc $(GO) test -count=1 -timeout 40m ./...
	cd test/osvdiff && $(GO) test -count=1 ./...

## test-containerd: the containerd backend's tests (build tag containerd):
## a private containerd daemon with gVisor's shim runs sandboxes and the
## same fixture scan as runsc, whose profile must be identical (as root)
CTRD_PKGS := ./sandbox/containerd ./internal/scan ./internal/cli ./internal/sandboxtest
test-containerd: deps build shim containerd
	$(GO) vet -tags containerd $(CTRD_PKGS)
	DEPBOX_BIN=$(CURDIR)/bin/depbox DEPBOX_RUNSC=$(CURDIR)/bin/runsc DEPBOX_SHIM=$(CURDIR)/bin/containerd-shim-runsc-v1 \
	  DEPBOX_CONTAINERD=$(CURDIR)/bin/containerd $(GO) test -tags containerd -count=1 -run 'Containerd|DaemonMatchesClient' $(CTRD_PKGS)

## unit: only the fast tests that need no sandbox
unit:
	$(GO) test -short ./...

## example: scan the bundled example function (its dependencies are installed
## from the committed lockfile with --ignore-scripts: nothing runs on the host)
example: deps build examples/hello-lambda/node_modules/.package-lock.json
	bin/depbox scan examples/hello-lambda

## example-python: scan the Python example with Debian's python3-requests and
## its dependencies vendored beside it (pip install -t layout; copied from
## /usr/lib/python3/dist-packages, nothing of theirs runs on the host)
PY_SITE  := /usr/lib/python3/dist-packages
PY_DISTS := requests urllib3 idna certifi chardet charset_normalizer six
example-python: build
	rm -rf examples/hello-python/build && mkdir -p examples/hello-python/build
	cp examples/hello-python/lambda_function.py examples/hello-python/template.yaml examples/hello-python/build/
	for d in $(PY_DISTS); do cp -r $(PY_SITE)/$$d $(PY_SITE)/$$d-*-info examples/hello-python/build/ 2>/dev/null || cp -r $(PY_SITE)/$$d.py $(PY_SITE)/$$d-*-info examples/hello-python/build/; done
	bin/depbox scan examples/hello-python/build

examples/hello-lambda/node_modules/.package-lock.json: examples/hello-lambda/package-lock.json
	cd examples/hello-lambda && npm ci --ignore-scripts --no-audit --no-fund

## bench: scan and invoke benchmarks against native node on the 234-package
## bundle, and the profiler's capacity (docs/performance.md); one package at a
## time, so that they do not compete
bench: build
	DEPBOX_BIN=$(CURDIR)/bin/depbox DEPBOX_RUNSC=$(CURDIR)/bin/runsc $(GO) test -p 1 -run '^$$' -bench . -benchtime 1x -count 1 -timeout 60m ./internal/scan/ ./profiler/

## bench-load: N scans at once (N = 1, 2, 4, 8): interference, time, memory
bench-load: build
	DEPBOX_BIN=$(CURDIR)/bin/depbox DEPBOX_RUNSC=$(CURDIR)/bin/runsc $(GO) test -run '^$$' -bench ConcurrentScans -benchtime 1x -count 1 -timeout 60m ./test/load/

## eval: measure depbox's verdicts on the evaluation corpus (eval/README.md):
## real npm packages and functions that must pass, malicious fixtures that
## must fail naming the right package; not part of make test
## The binary measured is built with a fixed version string, so that it (and
## the audit cache, keyed by its digest) changes only when the code does.
EVAL_OSV   ?= $(wildcard ../shared/osv)
EVAL_JOBS  ?= 2
EVAL_FLAGS ?=
bin/depbox-eval: $(GOFILES) go.mod go.sum
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '-X github.com/depbox/depbox/internal/cli.Version=eval' -o $@ ./cmd/depbox
# EVAL_FLAGS is split into words by the shell but never parsed as shell
# syntax, so EVAL_FLAGS='-match axios|pino' passes one pattern with a bar.
export EVAL_FLAGS
eval: bin/depbox-eval bin/runsc node-runtime
	set -f; set -- $$EVAL_FLAGS; $(GO) run ./cmd/depbox-eval -depbox bin/depbox-eval -runsc bin/runsc -jobs $(EVAL_JOBS) $(if $(EVAL_OSV),-osv $(EVAL_OSV)) "$$@"

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l cmd internal sandbox profiler baseline profile)" || (gofmt -l cmd internal sandbox profiler baseline profile; exit 1)

clean:
	rm -rf bin
