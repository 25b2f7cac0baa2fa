#!/bin/sh
# Started in the background by the postgres init wrapper: once PostgreSQL accepts the Vault user over TCP,
# creates the databases other services need (Forgejo's). Idempotent, so an existing volume gets them too.
set -u
DATABASES="forgejo"
sql() { PGPASSWORD="$POSTGRES_PASSWORD" psql -h 127.0.0.1 -U "$POSTGRES_USER" -d "$POSTGRES_DB" -tAc "$1"; }

waited=0
until sql 'SELECT 1' >/dev/null 2>&1; do
  if [ "$waited" -ge 600 ]; then
    echo "devstack-init[postgres]: PostgreSQL did not accept connections within 600s; databases not created" >&2
    exit 1
  fi
  sleep 2
  waited=$((waited + 2))
done
for db in $DATABASES; do
  if [ "$(sql "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]; then
    sql "CREATE DATABASE $db" >/dev/null && echo "devstack-init[postgres]: created database $db" >&2
  fi
done
