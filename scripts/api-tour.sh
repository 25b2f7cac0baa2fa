#!/usr/bin/env bash
# A walk through every endpoint of docs/api-contract.md on the five reference APIs, side by side.
# Needs the stack with the APIs: ./devstack up --profile reference --detach
# Usage: scripts/api-tour.sh [host]   (prints one line per call: API, status, method, path, body head)
set -euo pipefail
HOST="${1:-127.0.0.1}"
declare -A PORTS=([api-spring]=8000 [api-micronaut]=8001 [api-helidon]=8002 [api-vertx]=8003 [api-javalin]=8004)
MODULES=(api-spring api-micronaut api-helidon api-vertx api-javalin)
fails=0

call() { # module method path [curl args...]
  local module="$1" method="$2" path="$3"; shift 3
  local out status body
  out="$(curl -s -o - -w '\n%{http_code}' -X "$method" "$@" "http://$HOST:${PORTS[$module]}$path")" || out=$'\n000'
  status="${out##*$'\n'}"; body="${out%$'\n'*}"
  printf '%-14s %s %-6s %-45s %s\n' "$module" "$status" "$method" "$path" \
    "$(printf '%s' "$body" | tr -d '\n' | cut -c1-70)" >&2
  echo "$status"
}

expect() { # expected-status module method path [curl args...]
  local want="$1"; shift
  local got
  got="$(call "$@")"
  [[ "$got" == "$want" ]] || { echo "  ^ expected $want" >&2; fails=$((fails + 1)); }
}

for m in "${MODULES[@]}"; do
  q=tour-queue-$m
  expect 200 "$m" GET /
  expect 200 "$m" GET /openapi.json
  expect 200 "$m" GET /docs
  expect 200 "$m" GET /metrics
  expect 307 "$m" GET /health
  expect 200 "$m" GET /health/
  for b in vault postgres mysql mongodb redis rabbitmq all; do expect 200 "$m" GET "/health/$b"; done
  for r in nodes slots info; do expect 200 "$m" GET "/redis/cluster/$r"; done
  expect 200 "$m" GET /redis/nodes/redis-1/info
  expect 404 "$m" GET /redis/nodes/redis-9/info
  expect 200 "$m" GET /examples/vault/secret/postgres
  expect 200 "$m" GET /examples/vault/secret/postgres/user
  expect 403 "$m" GET /examples/vault/secret/forgejo
  for d in postgres mysql mongodb; do expect 200 "$m" GET "/examples/database/$d/query"; done
  expect 200 "$m" POST "/examples/cache/tour:$m?value=hello&ttl=60"
  expect 200 "$m" POST "/examples/cache/tour-json:$m" -H 'Content-Type: application/json' -d '{"value":"hi","ttl":30}'
  expect 200 "$m" GET "/examples/cache/tour:$m"
  expect 200 "$m" DELETE "/examples/cache/tour:$m"
  expect 422 "$m" GET "/examples/cache/bad%20key"
  expect 200 "$m" POST "/examples/messaging/publish?queue_name=$q" -H 'Content-Type: application/json' -d '{"hello":"world"}'
  expect 200 "$m" GET "/examples/messaging/queue/$q/info"
  expect 400 "$m" POST "/examples/messaging/publish?queue_name=$q" -H 'Content-Type: application/json' -d '{}'
  expect 415 "$m" POST "/examples/messaging/publish?queue_name=$q" -H 'Content-Type: text/plain' -d 'x'
  expect 404 "$m" GET /no/such/route
  expect 405 "$m" PUT /health/
done

if ((fails)); then echo "$fails call(s) did not answer as docs/api-contract.md says" >&2; exit 1; fi
echo "every endpoint answered as expected on all five APIs"
