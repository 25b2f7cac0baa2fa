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
  # the version the release build stamps in (otherwise the server reports v0.0.0-master)
  local version=k8s.io/component-base/version minor=${K8S_VERSION#v1.}
  nice -n 19 go build -ldflags "-X $version.gitVersion=$K8S_VERSION -X $version.gitMajor=1 \
    -X $version.gitMinor=${minor%%.*} -X $version.gitTreeState=clean" -o "$BIN.tmp" k8s.io/kubernetes/cmd/kube-apiserver
  mv "$BIN.tmp" "$BIN"
  log "built $BIN"
}

running() { [[ -f "$WORK/$1.pid" ]] && kill -0 "$(cat "$WORK/$1.pid")" 2>/dev/null; }

start() {
  [[ -x "$BIN" ]] || die "kube-apiserver is not built yet: run \`$0 build\` first"
  command -v etcd >/dev/null || die "etcd is not installed: \`apt-get install etcd-server\` (Debian/Ubuntu)"
  command -v kubectl >/dev/null || die "kubectl is not installed: \`apt-get install kubectl\` or see https://kubernetes.io/docs/tasks/tools/"
  mkdir -p "$WORK/pki" "$WORK/logs"
  if ! running etcd; then
    log "starting etcd on 127.0.0.1:$ETCD_PORT"
    etcd --name devstack --data-dir "$WORK/etcd" \
      --listen-client-urls "http://127.0.0.1:$ETCD_PORT" --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
      --listen-peer-urls "http://127.0.0.1:$((ETCD_PORT + 10))" \
      --initial-advertise-peer-urls "http://127.0.0.1:$((ETCD_PORT + 10))" \
      --initial-cluster "devstack=http://127.0.0.1:$((ETCD_PORT + 10))" >"$WORK/logs/etcd.log" 2>&1 &
    echo $! >"$WORK/etcd.pid"
  fi
  # service-account signing key and an admin token (system:masters) for kubectl; never printed
  [[ -f "$WORK/pki/sa.key" ]] || openssl genrsa -out "$WORK/pki/sa.key" 2048 2>/dev/null
  [[ -f "$WORK/pki/sa.pub" ]] || openssl rsa -in "$WORK/pki/sa.key" -pubout -out "$WORK/pki/sa.pub" 2>/dev/null
  if [[ ! -f "$WORK/pki/tokens.csv" ]]; then
    (umask 077; printf '%s,admin,admin,system:masters\n' "$(openssl rand -hex 24)" >"$WORK/pki/tokens.csv")
  fi
  if ! running kube-apiserver; then
    log "starting kube-apiserver $K8S_VERSION on https://127.0.0.1:$API_PORT"
    "$BIN" --etcd-servers="http://127.0.0.1:$ETCD_PORT" \
      --bind-address=127.0.0.1 --advertise-address=127.0.0.1 --secure-port="$API_PORT" \
      --cert-dir="$WORK/pki" --token-auth-file="$WORK/pki/tokens.csv" --authorization-mode=RBAC \
      --service-account-issuer=https://kubernetes.default.svc --service-account-key-file="$WORK/pki/sa.pub" \
      --service-account-signing-key-file="$WORK/pki/sa.key" --service-cluster-ip-range=10.96.0.0/16 \
      --endpoint-reconciler-type=none >"$WORK/logs/kube-apiserver.log" 2>&1 &
    echo $! >"$WORK/kube-apiserver.pid"
  fi
  (umask 077; cat >"$KUBECONFIG" <<KUBECONFIG_FILE
apiVersion: v1
kind: Config
clusters:
  - name: devstack-local
    cluster: {server: "https://127.0.0.1:$API_PORT", insecure-skip-tls-verify: true}
users:
  - name: admin
    user: {token: "$(cut -d, -f1 "$WORK/pki/tokens.csv")"}
contexts:
  - name: devstack-local
    context: {cluster: devstack-local, user: admin}
current-context: devstack-local
KUBECONFIG_FILE
  )
  local waited=0
  until kubectl get --raw /readyz >/dev/null 2>&1; do
    ((waited >= 120)) && die "kube-apiserver not ready after 120 s; see $WORK/logs/kube-apiserver.log"
    running kube-apiserver || die "kube-apiserver exited; see $WORK/logs/kube-apiserver.log"
    sleep 2; waited=$((waited + 2))
  done
  log "ready: $(kubectl version -o json 2>/dev/null | sed -n 's/.*"gitVersion": "\(v[^"]*\)".*/\1/p' | tail -1) (KUBECONFIG=$KUBECONFIG)"
}

stop() {
  for name in kube-apiserver etcd; do
    if running "$name"; then
      kill "$(cat "$WORK/$name.pid")" && log "stopped $name"
    fi
    rm -f "$WORK/$name.pid"
  done
}

# the chart rendered for every profile selection, then `kubectl apply --dry-run=server` (mvn profile kube-apiserver)
dry_run() {
  local mvn_args=(-B -pl infra -Pkube-apiserver verify)
  [[ "${MVN_OFFLINE:-}" == 1 ]] && mvn_args=(-o "${mvn_args[@]}")
  log "server-side dry run of the Helm chart (mvn ${mvn_args[*]})"
  KUBECONFIG="$KUBECONFIG" mvn "${mvn_args[@]}"
}

case "${1:-}" in
  build) build ;;
  start) start ;;
  stop) stop ;;
  verify) build; start; trap stop EXIT; dry_run ;;
  *) die "usage: $0 build|start|verify|stop" ;;
esac
