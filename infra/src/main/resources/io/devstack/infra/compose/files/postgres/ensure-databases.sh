#!/bin/sh
# Started in the background by the postgres init wrapper: once PostgreSQL accepts its superuser over TCP, makes the
# app user (no SUPERUSER, CREATEROLE or CREATEDB) with Vault's password, gives it the app database, and creates the
# databases other services need (Forgejo's). Idempotent, so an existing volume gets them too. SQL that carries a
# password goes to psql on stdin, never as an argument.
set -u
DATABASES="forgejo"
admin() { PGPASSWORD="$POSTGRES_PASSWORD" psql -h 127.0.0.1 -U "$POSTGRES_USER" -d postgres -v ON_ERROR_STOP=1 -tA "$@"; }

waited=0
until admin -c 'SELECT 1' >/dev/null 2>&1; do
  if [ "$waited" -ge 600 ]; then
    echo "devstack-init[postgres]: PostgreSQL did not accept connections within 600s; databases not created" >&2
    exit 1
  fi
  sleep 2
  waited=$((waited + 2))
done
app=$(printf '%s' "$DEVSTACK_APP_USER" | sed 's/"/""/g')
admin >/dev/null <<SQL || { echo "devstack-init[postgres]: cannot set up the app user $DEVSTACK_APP_USER" >&2; exit 1; }
SET log_statement = 'none';
DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DEVSTACK_APP_USER') THEN CREATE ROLE "$app" LOGIN; END IF; END\$\$;
ALTER ROLE "$app" WITH LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB PASSWORD '$DEVSTACK_APP_PASSWORD';
ALTER DATABASE "$POSTGRES_DB" OWNER TO "$app";
SQL
for db in $DATABASES; do
  if [ "$(admin -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]; then
    admin -c "CREATE DATABASE $db OWNER \"$app\"" >/dev/null && echo "devstack-init[postgres]: created database $db" >&2
  fi
done
