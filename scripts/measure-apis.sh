#!/usr/bin/env bash
# Measures each reference API on its own: start (java -jar, the JVM options and AOT cache `devstack up` uses) to the first
# /health/all that reports every backend healthy, then RSS after 1,000 requests over keep-alive connections.
# Needs the native stack running (./devstack up --detach) and the API jars built (mvn -B -DskipTests package).
# Usage: scripts/measure-apis.sh [rounds]   — prints a Markdown table (median over the rounds).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${1:-3}"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
HOME_DIR="${DEVSTACK_HOME:-$HOME/.devstack}"
MODULES=(api-spring api-micronaut api-helidon api-vertx api-javalin)
PORT=18080
OPTIONS="$ROOT/infra/src/main/resources/io/devstack/infra/local/api-jvm.options"
# the API's AOT cache when `devstack up` (or the tests) trained one for the current jar
aot_option() { local cache; cache="$(ls -t "$ROOT/$1/target/$1"-*.aot 2>/dev/null | head -n1)"; [[ -z "$cache" ]] || printf -- '-XX:AOTCache=%s' "$cache"; }
now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf '| API | start to healthy /health/all (ms) | RSS after 1,000 requests (MB) |\n|---|---|---|\n'
for m in "${MODULES[@]}"; do
  starts=(); rss=()
  for ((r = 0; r < ROUNDS; r++)); do
    t0=$(now_ms)
    VAULT_APPROLE_DIR="$HOME_DIR/approle/$m" HTTP_PORT=$PORT \
      "$JAVA" "@$OPTIONS" $(aot_option "$m") -jar "$ROOT/$m/target/$m.jar" >/dev/null 2>&1 &
    pid=$!
    until curl -s -H 'Cache-Control: no-cache' "http://127.0.0.1:$PORT/health/all" 2>/dev/null \
        | grep -q '^{"status":"healthy"'; do
      kill -0 "$pid" 2>/dev/null || { echo "$m exited during startup" >&2; exit 1; }
      sleep 0.05
    done
    starts+=($(( $(now_ms) - t0 )))
    cfg="$(mktemp)"
    for i in $(seq 250); do
      for p in /health/ /health/all /examples/cache/measure-key /redis/cluster/info; do
        printf 'url = "http://127.0.0.1:%s%s"\noutput = "/dev/null"\n' "$PORT" "$p" >> "$cfg"
      done
    done
    curl -s -K "$cfg" >/dev/null; rm -f "$cfg"
    rss+=($(( $(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024 )))
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
  printf '| %s | %s | %s |\n' "$m" "$(printf '%s\n' "${starts[@]}" | median)" "$(printf '%s\n' "${rss[@]}" | median)"
done
