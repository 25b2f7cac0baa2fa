#!/usr/bin/env bash
# Start-up and footprint of each reference API on its own, as `devstack up` runs it (java @api-jvm.options, its
# AOT cache when a current one exists): wall-clock and CPU time (user+sys of the JVM, /proc/<pid>/stat) from launch
# to the first /health/all reporting every backend healthy, then RSS after 1,000 keep-alive requests.
# CPU time and RSS vary less than wall-clock time on a busy machine; the load average is printed with the table.
#
# Needs: the native stack running (./devstack up --detach), the API jars built
# (mvn -B -DskipTests package -pl api-spring,api-micronaut,api-helidon,api-vertx,api-javalin -am) and their AOT
# caches trained (./devstack up --profile reference trains any that is missing or older than its jar; an API without
# a current cache is measured without one and flagged "no cache").
# Usage: scripts/measure-apis.sh [rounds] [module...]   — prints a Markdown table (median over the rounds).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${1:-3}"
shift || true
MODULES=("$@")
((${#MODULES[@]})) || MODULES=(api-spring api-micronaut api-helidon api-vertx api-javalin)
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
OPTIONS="$ROOT/infra/src/main/resources/io/devstack/infra/local/api-jvm.options"
HOME_DIR="${DEVSTACK_HOME:-$HOME/.devstack}"
PORT=18080
TICK_MS=$((1000 / $(getconf CLK_TCK)))
now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
cpu_ms() { awk -v t="$TICK_MS" '{sub(/^.*\) /, ""); print ($12 + $13) * t}' "/proc/$1/stat"; }

# the newest <module>-<key>.aot beside the jar, if no jar on the class path is newer (AotCache.usable)
aot_cache() {
  local dir="$ROOT/$1/target" cache
  cache="$(ls -t "$dir/$1"-*.aot 2>/dev/null | head -1)" || true
  [[ -n "$cache" && -z "$(find "$dir/$1.jar" "$dir/lib" -newer "$cache" -name '*.jar' 2>/dev/null | head -1)" ]] \
    && echo "$cache"
}

# 250 rounds of four endpoints over one curl: keep-alive connections, 1,000 requests
requests="$(mktemp)"
trap 'rm -f "$requests"' EXIT
for _ in $(seq 250); do
  for p in /health/ /health/all /examples/cache/measure-key /redis/cluster/info; do
    printf 'url = "http://127.0.0.1:%s%s"\noutput = "/dev/null"\n' "$PORT" "$p" >>"$requests"
  done
done

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| API | start to healthy (ms) | CPU to healthy (ms) | RSS after 1,000 requests (MB) | AOT cache |\n'
printf '|---|---|---|---|---|\n'
for m in "${MODULES[@]}"; do
  cache="$(aot_cache "$m" || true)"
  starts=() cpus=() rss=()
  for ((r = 0; r < ROUNDS; r++)); do
    t0=$(now_ms)
    VAULT_APPROLE_DIR="$HOME_DIR/approle/$m" HTTP_PORT=$PORT HTTPS_PORT=$((PORT + 1)) \
      "$JAVA" @"$OPTIONS" ${cache:+"-XX:AOTCache=$cache"} -jar "$ROOT/$m/target/$m.jar" >/dev/null 2>&1 &
    pid=$!
    until curl -s -H 'Cache-Control: no-cache' "http://127.0.0.1:$PORT/health/all" 2>/dev/null \
        | grep -q '^{"status":"healthy"'; do
      kill -0 "$pid" 2>/dev/null || { echo "$m exited during start-up" >&2; exit 1; }
      sleep 0.05
    done
    starts+=($(($(now_ms) - t0)))
    cpus+=("$(cpu_ms "$pid")")
    curl -s -K "$requests" >/dev/null
    rss+=($(($(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024)))
    kill "$pid"
    wait "$pid" 2>/dev/null || true
  done
  printf '| %s | %s | %s | %s | %s |\n' "$m" "$(printf '%s\n' "${starts[@]}" | median)" \
    "$(printf '%s\n' "${cpus[@]}" | median)" "$(printf '%s\n' "${rss[@]}" | median)" "$([[ -n "$cache" ]] && echo yes || echo "no cache")"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
