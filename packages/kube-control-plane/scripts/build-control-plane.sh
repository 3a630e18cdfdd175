#!/usr/bin/env bash
# Copyright 2026 The Ray as a Service for Backstage Authors
# SPDX-License-Identifier: Apache-2.0
#
# Builds etcd, kube-apiserver, kube-controller-manager and kubectl from the Go
# module proxy into a per-version cache dir, and does nothing when they are
# already there. Prints the bin dir as its last line.
#
# Kubernetes' own go.mod requires its staging modules (k8s.io/api, ...) at
# v0.0.0 and replaces them with local folders, which a dependent module
# ignores. So we generate a small wrapper module that pins each of them to the
# matching published v0.x release; etcd's wrapper works the same way.
set -euo pipefail

K8S_VERSION="${K8S_VERSION:-v1.34.4}"
ETCD_VERSION="${ETCD_VERSION:-v3.6.4}"
STAGING_VERSION="v0.${K8S_VERSION#v1.}"
CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/ray-service/kube-control-plane/$K8S_VERSION"
BIN_DIR="$CACHE_DIR/bin"
BINARIES=(etcd kube-apiserver kube-controller-manager kubectl)

log() { printf '[kube-control-plane] %s\n' "$*" >&2; }

all_built() {
  for binary in "${BINARIES[@]}"; do [ -x "$BIN_DIR/$binary" ] || return 1; done
}

if all_built; then
  log "binaries for $K8S_VERSION already in $BIN_DIR"
  echo "$BIN_DIR"
  exit 0
fi
command -v go >/dev/null || { log "Go is not installed (need Go >= 1.24)"; exit 1; }
mkdir -p "$BIN_DIR"
export CGO_ENABLED=0 GOFLAGS="${GOFLAGS:-} -trimpath"

# $1: module dir, $2: module name, $3: binary path, rest: go build arguments.
build_in() {
  local dir="$1" binary="$2"
  shift 2
  if [ -x "$BIN_DIR/$binary" ]; then return; fi
  log "building $binary (the first build takes minutes)"
  local start=$SECONDS
  (cd "$dir" && go build -o "$BIN_DIR/$binary.partial" "$@")
  mv "$BIN_DIR/$binary.partial" "$BIN_DIR/$binary"
  log "built $binary in $((SECONDS - start)) s"
}

write_kubernetes_wrapper() {
  local dir="$CACHE_DIR/kubernetes-wrapper" kube_gomod staging
  mkdir -p "$dir"
  rm -f "$dir/go.mod" "$dir/go.sum"
  log "resolving k8s.io/kubernetes@$K8S_VERSION"
  kube_gomod="$(cd "$dir" && GOFLAGS= go mod download -json "k8s.io/kubernetes@$K8S_VERSION" |
    sed -n 's/^\s*"GoMod": "\(.*\)",$/\1/p')"
  # Staging modules are the k8s.io requirements at v0.0.0; the samples are not published.
  staging="$(awk '$1 ~ /^k8s\.io\// && $2 == "v0.0.0" && $1 !~ /sample-/ { print $1 }' "$kube_gomod")"
  {
    echo "module ray-service.local/kubernetes-wrapper"
    echo
    echo "go 1.24.0"
    echo
    echo "godebug default=go1.24"
    echo
    echo "tool ("
    printf '\tk8s.io/kubernetes/cmd/%s\n' kube-apiserver kube-controller-manager kubectl
    echo ")"
    echo
    echo "require k8s.io/kubernetes $K8S_VERSION"
    echo
    echo "require ("
    for module in $staging; do printf '\t%s %s\n' "$module" "$STAGING_VERSION"; done
    echo ")"
    echo
    echo "replace ("
    for module in $staging; do printf '\t%s => %s %s\n' "$module" "$module" "$STAGING_VERSION"; done
    echo ")"
  } >"$dir/go.mod"
  log "resolving the kubernetes wrapper's dependencies"
  (cd "$dir" && go mod tidy)
}

write_etcd_wrapper() {
  local dir="$CACHE_DIR/etcd-wrapper"
  mkdir -p "$dir"
  rm -f "$dir/go.sum"
  cat >"$dir/go.mod" <<EOF
module ray-service.local/etcd-wrapper

go 1.24.0

tool go.etcd.io/etcd/server/v3

require go.etcd.io/etcd/server/v3 $ETCD_VERSION
EOF
  log "resolving the etcd wrapper's dependencies"
  (cd "$dir" && go mod tidy)
}

version_flags="-s -w"
for part in "gitVersion=$K8S_VERSION" "gitMajor=1" "gitMinor=$(echo "$K8S_VERSION" | cut -d. -f2)"; do
  version_flags+=" -X k8s.io/component-base/version.$part"
done

build_start=$SECONDS
[ -f "$CACHE_DIR/etcd-wrapper/go.sum" ] || write_etcd_wrapper
build_in "$CACHE_DIR/etcd-wrapper" etcd -ldflags "-s -w" go.etcd.io/etcd/server/v3
[ -f "$CACHE_DIR/kubernetes-wrapper/go.sum" ] || write_kubernetes_wrapper
for command in kube-apiserver kube-controller-manager kubectl; do
  build_in "$CACHE_DIR/kubernetes-wrapper" "$command" -ldflags "$version_flags" "k8s.io/kubernetes/cmd/$command"
done
log "control plane $K8S_VERSION built in $((SECONDS - build_start)) s"
all_built
echo "$BIN_DIR"
