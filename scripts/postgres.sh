#!/usr/bin/env bash
# Start or stop a throw-away PostgreSQL cluster on 127.0.0.1 for the test suite.
#   scripts/postgres.sh start DIR PORT   -> prints the DATABASE_URL
#   scripts/postgres.sh stop DIR
# As root the cluster runs as the `postgres` system user (initdb refuses root).
set -euo pipefail
action=$1 dir=$2 port=${3:-54329}
bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}
case "$action" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    as_owner "'$bin/initdb' -D '$dir/data' -U kinerja --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null"
    as_owner "'$bin/pg_ctl' -D '$dir/data' -l '$dir/log' -w -o \"-c listen_addresses=127.0.0.1 -p $port -k '$dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start >/dev/null"
    as_owner "'$bin/createdb' -h 127.0.0.1 -p $port -U kinerja kinerja"
    echo "postgres://kinerja@127.0.0.1:$port/kinerja"
    ;;
  stop)
    as_owner "'$bin/pg_ctl' -D '$dir/data' -m fast stop >/dev/null" || true
    ;;
  *) echo "usage: $0 start DIR [PORT] | stop DIR" >&2; exit 2 ;;
esac
