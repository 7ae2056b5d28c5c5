#!/usr/bin/env bash
# PostgreSQL for packages/db's tests: install Debian's server if missing, start it on loopback,
# create the role and database, and record the URL in .ci/env (which .ci/run sources).
# Idempotent: run it as often as you like. Prints the line to export.
set -euo pipefail
cd "$(dirname "$0")/.."

ROLE=interleave
PASSWORD=interleave
DB=interleave

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

# The newest installed major version, and its default cluster (created by the Debian package).
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
  pg_createcluster "$version" main >/dev/null
fi
# Debian's default listen_addresses is 'localhost': the server is reachable on loopback only.
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -q online; then
  pg_ctlcluster "$version" main start
fi

port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')
psql_admin() { su postgres -c "psql -p $port -v ON_ERROR_STOP=1 -qtA $*"; }
for _ in $(seq 1 30); do psql_admin "-c 'select 1'" >/dev/null 2>&1 && break; sleep 0.5; done

if [ "$(psql_admin "-c \"select 1 from pg_roles where rolname='$ROLE'\"")" != "1" ]; then
  psql_admin "-c \"create role $ROLE login createdb password '$PASSWORD'\""
fi
if [ "$(psql_admin "-c \"select 1 from pg_database where datname='$DB'\"")" != "1" ]; then
  psql_admin "-c \"create database $DB owner $ROLE\""
fi

url="postgresql://$ROLE:$PASSWORD@127.0.0.1:$port/$DB"
line="export DATABASE_URL_POSTGRES=$url"
touch .ci/env
grep -qxF "$line" .ci/env || echo "$line" >>.ci/env
echo "$line"
