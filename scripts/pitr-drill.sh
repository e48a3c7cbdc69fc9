#!/usr/bin/env bash
# Runs docs/backup.md's PostgreSQL procedure end to end on this machine and checks it: a throw-away primary with WAL
# archiving, Sikoe's schema and reference data, a base backup (pg_basebackup), an officer created before a moment T
# and one after it, then point-in-time recovery of the base backup and the archive into a new cluster up to T. The
# recovered database must hold the first officer, not the second, and an audit trail that verifies.
# Its own clusters, ports (PITR_PORT and the next one) and folders; never the PostgreSQL on 5432. Needs PostgreSQL's
# server programs (initdb, pg_ctl, pg_basebackup); as root, they run as the postgres user.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
port=${PITR_PORT:-5491}
restored_port=$((port + 1))
work=$(mktemp -d /tmp/sikoe-pitr-XXXXXX)
as_pg=()
if [ "$(id -u)" = 0 ]; then
  as_pg=(runuser -u postgres --)
  chown postgres "$work"
fi
pg() { "${as_pg[@]}" "$bin/$1" "${@:2}"; }
# The drill's own data folder: the audit log's signing key and checkpoint file.
sikoe() { DATA_DIR="$work/data" DATABASE_URL="postgres://postgres@127.0.0.1:$1/sikoe" LOG_LEVEL=warn node bin/sikoe.js "${@:2}"; }
officer() {
  sikoe "$port" users create --email "$1" --role auditor --unit KANWIL-NTT --password-stdin <<<"a long enough password" >/dev/null
}
psql_at() { "$bin/psql" -h 127.0.0.1 -p "$1" -U postgres -d sikoe -Atc "$2"; }
# Polls a query until it answers t, for at most a minute.
wait_for() {
  local deadline=$((SECONDS + 60))
  until [ "$(psql_at "$1" "$2")" = t ]; do
    [ "$SECONDS" -lt "$deadline" ] || { echo "FAILED: waited a minute for: $2" >&2; exit 1; }
    sleep 0.2
  done
}
cleanup() {
  pg pg_ctl -D "$work/primary" -m immediate stop >/dev/null 2>&1 || true
  pg pg_ctl -D "$work/restored" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "1. a primary on port $port that archives every WAL segment to $work/archive"
pg initdb -D "$work/primary" -U postgres --auth=trust >/dev/null
"${as_pg[@]}" mkdir "$work/archive"
cat >>"$work/primary/postgresql.conf" <<EOF
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$work'
wal_level = replica
archive_mode = on
archive_command = 'test ! -f $work/archive/%f && cp %p $work/archive/%f'
archive_timeout = 60
EOF
pg pg_ctl -D "$work/primary" -l "$work/primary.log" -w start >/dev/null
pg createdb -h 127.0.0.1 -p "$port" -U postgres sikoe
sikoe "$port" seed >/dev/null

echo "2. a base backup"
pg pg_basebackup -h 127.0.0.1 -p "$port" -U postgres -D "$work/base" --checkpoint=fast --wal-method=stream

echo "3. an officer before the moment to recover to, another after it"
officer before@pitr.sikoe.id
# The checkpoint an Ombudsman keeps: the recovered log must still hold everything it covers.
sikoe "$port" audit seal >"$work/kept-checkpoint.txt"
target=$(psql_at "$port" "select now()")
officer after@pitr.sikoe.id
# The segment in use goes to the archive now rather than after archive_timeout.
last=$(psql_at "$port" "select pg_walfile_name(pg_switch_wal())")
wait_for "$port" "select coalesce(last_archived_wal >= '$last', false) from pg_stat_archiver"
pg pg_ctl -D "$work/primary" -m fast stop >/dev/null

echo "4. point-in-time recovery of the base backup to $target"
"${as_pg[@]}" cp -a "$work/base" "$work/restored"
cat >>"$work/restored/postgresql.conf" <<EOF
port = $restored_port
archive_mode = off
restore_command = 'cp $work/archive/%f %p'
recovery_target_time = '$target'
recovery_target_action = 'promote'
EOF
"${as_pg[@]}" touch "$work/restored/recovery.signal"
pg pg_ctl -D "$work/restored" -l "$work/restored.log" -w -t 120 start >/dev/null
wait_for "$restored_port" "select not pg_is_in_recovery()"

echo "5. checks"
before=$(psql_at "$restored_port" "select count(*) from accounts where email = 'before@pitr.sikoe.id'")
after=$(psql_at "$restored_port" "select count(*) from accounts where email = 'after@pitr.sikoe.id'")
echo "   officer created before the target: $before, after it: $after"
[ "$before" = 1 ] && [ "$after" = 0 ] || { echo "FAILED: recovery did not stop at $target" >&2; exit 1; }
sikoe "$restored_port" audit verify --checkpoint "$work/kept-checkpoint.txt"
echo "point-in-time recovery drill passed"
