#!/bin/sh
# Forms the DevStack Redis cluster once (three masters, slots split evenly), as `devstack redis-cluster-init` does.
# Runs through the redis-1 init wrapper, which logged in to Vault with redis-1's AppRole and exported
# REDIS_PASSWORD. Nodes meet on their Service addresses, which stay stable across pod restarts.
# Arguments: the nodes as host:port, the first one first.
set -eu
# the nodes arrive as one argument ("redis-1:6379 redis-2:6380 ..."): split it
# shellcheck disable=SC2048,SC2086
set -- $*
log() { printf 'devstack-redis-cluster: %s\n' "$*" >&2; }
cli() { host=${1%:*}; port=${1##*:}; shift; REDISCLI_AUTH="$REDIS_PASSWORD" redis-cli -h "$host" -p "$port" "$@"; }
address() { nslookup "$1" 2>/dev/null | awk '/^Address/ { a = $NF } END { print a }'; }

for node in "$@"; do
  waited=0
  until cli "$node" ping 2>/dev/null | grep -q PONG; do
    [ "$waited" -ge 600 ] && { log "$node did not answer PING with the Vault password within 600s"; exit 1; }
    [ $((waited % 20)) -eq 0 ] && log "waiting for $node ($waited s)"
    sleep 2
    waited=$((waited + 2))
  done
done

if cli "$1" cluster info | grep -q '^cluster_state:ok'; then
  log "cluster already formed: $(cli "$1" cluster info | grep '^cluster_known_nodes' | tr -d '\r')"
  exit 0
fi

count=$#
slot=0
index=0
for node in "$@"; do
  index=$((index + 1))
  last=$(( index == count ? 16383 : slot + 16384 / count - 1 ))
  if [ -z "$(cli "$node" cluster nodes | awk '/myself/ && NF > 8')" ]; then
    cli "$node" cluster addslotsrange "$slot" "$last" >/dev/null
    log "$node serves slots $slot-$last"
  fi
  slot=$((last + 1))
  if [ "$node" != "$1" ]; then
    ip=$(address "${node%:*}")
    [ -n "$ip" ] || { log "cannot resolve ${node%:*}"; exit 1; }
    cli "$1" cluster meet "$ip" "${node##*:}" >/dev/null
  fi
done

waited=0
until cli "$1" cluster info | grep -q '^cluster_state:ok'; do
  [ "$waited" -ge 120 ] && { log "the cluster did not reach state ok within 120s"; exit 1; }
  sleep 2
  waited=$((waited + 2))
done
log "cluster formed: $count masters, 16384 slots"
