#!/usr/bin/env bash
# A real Kubernetes API server on loopback, to check the generated Helm chart with `kubectl apply --dry-run=server`.
#
#   scripts/kube-apiserver.sh build   # kube-apiserver v1.37.2 from the Go module proxy (~7 min on one core, once)
#   scripts/kube-apiserver.sh start   # etcd (Debian's etcd-server) + kube-apiserver on 127.0.0.1, writes a kubeconfig
#   scripts/kube-apiserver.sh verify  # build + start + the chart's server-side dry run (mvn -Pkube-apiserver) + stop
#   scripts/kube-apiserver.sh stop
#
# There is no kubelet, scheduler or controller manager: objects are admitted and validated, no pod ever runs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

K8S_VERSION=v1.37.2                       # k8s.io/kubernetes; its staging modules are published as v0.37.2
STAGING_VERSION=v0.${K8S_VERSION#v1.}
WORK="${KUBE_APISERVER_HOME:-$HOME/.devstack-kube-apiserver}"
BIN="$WORK/bin/kube-apiserver-$K8S_VERSION"
ETCD_PORT="${ETCD_PORT:-23790}"
API_PORT="${API_PORT:-26443}"
export KUBECONFIG="$WORK/kubeconfig"

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'kube-apiserver.sh: %s\n' "$*" >&2; exit 1; }

build() {
  [[ -x "$BIN" ]] && { log "kube-apiserver $K8S_VERSION already built: $BIN"; return; }
  command -v go >/dev/null || die "Go is not installed; install Go 1.25+ (https://go.dev/dl) and retry"
  local mod="$WORK/build"
  mkdir -p "$mod" "$WORK/bin"
  log "building kube-apiserver $K8S_VERSION from the Go module proxy (about 7 min on one core)"
  cd "$mod"
  [[ -f go.mod ]] || go mod init devstack.local/kube-apiserver >/dev/null 2>&1
  # k8s.io/kubernetes points its k8s.io/* staging modules at ./staging; a consumer must replace them with the
  # published versions. The list comes from the release's own go.mod, so it stays right when the version moves.
  local gomod
  gomod=$(go mod download -json "k8s.io/kubernetes@$K8S_VERSION" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')
  [[ -f "$gomod" ]] || die "could not download k8s.io/kubernetes@$K8S_VERSION from the Go module proxy"
  local staging
  staging=$(sed -n 's#^[[:space:]]*\(k8s.io/[a-z0-9-]*\) => ./staging/.*#\1#p' "$gomod")
  for m in $staging; do go mod edit -replace "$m=$m@$STAGING_VERSION"; done
  go mod edit -require "k8s.io/kubernetes@$K8S_VERSION"
  printf 'package tools\n\nimport _ "k8s.io/kubernetes/cmd/kube-apiserver"\n' > tools.go
  go mod tidy >/dev/null
  nice -n 19 go build -o "$BIN.tmp" k8s.io/kubernetes/cmd/kube-apiserver
  mv "$BIN.tmp" "$BIN"
  log "built $BIN"
}

case "${1:-}" in
  build) build ;;
  *) die "usage: $0 build|start|verify|stop" ;;
esac
