# depbox in a container: the CI gate, audits, and the pods of
# deploy/kubernetes. docs/container.md says how to run it (it needs
# --privileged: runsc builds the sandbox from namespaces, mounts, cgroups and
# seccomp filters) and has CI examples.
#
#   docker build -t depbox --build-arg VERSION=$(git describe --tags --always) .
#
# Build stage: depbox and runsc exactly as the Makefile builds them (runsc
# from the gVisor version pinned in go.mod; nothing downloaded as a binary).
ARG GO_VERSION=1.26.8
ARG NODE_MAJOR=20

FROM golang:${GO_VERSION}-bookworm AS build
WORKDIR /src
# Modules first, so that a source change does not download them again.
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN --mount=type=cache,target=/root/.cache/go-build \
    make build VERSION=${VERSION}

# Runtime: the Lambda runtimes depbox analyses — their interpreters and
# shared libraries are copied into each sandbox's root file system — npm for
# depbox audit, and nothing else.
FROM node:${NODE_MAJOR}-bookworm-slim AS runtime
# Python functions: Debian's CPython (python3.11, the Lambda python3.11
# runtime's version), whose interpreter, standard library and libraries
# depbox copies into the sandbox (docs/python.md).
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3 \
 && rm -rf /var/lib/apt/lists/*
# npm 11.10 or newer (depbox audit's --allow-git/--allow-remote settings);
# the image's yarn and corepack are not needed.
RUN npm install -g --no-audit --no-fund npm@11 \
 && rm -rf /opt/yarn-* /usr/local/bin/yarn /usr/local/bin/yarnpkg \
      /usr/local/bin/corepack /usr/local/lib/node_modules/corepack /root/.npm
# depbox finds runsc beside itself.
COPY --from=build /src/bin/depbox /src/bin/runsc /usr/local/bin/
ENV DEPBOX_CACHE_DIR=/var/cache/depbox
WORKDIR /src
ENTRYPOINT ["depbox"]
CMD ["doctor"]
