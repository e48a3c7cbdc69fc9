#!/usr/bin/env bash
# A PostgreSQL primary and a synchronous standby on this machine, managed by pg_auto_failover (Debian package
# postgresql-15-auto-failover): a monitor and two nodes on their own ports, data under one folder (docs/failover.md).
#
#   scripts/failover-pair.sh start   creates the pair the first time, starts it again later; waits for primary + standby
#   scripts/failover-pair.sh status  the nodes' states as the monitor sees them
#   scripts/failover-pair.sh uri     the connection string for DATABASE_URL (both nodes, target_session_attrs=read-write)
#   scripts/failover-pair.sh crash   SIGKILL the primary's node (its pg_autoctl, postgres and backends), as a crash would
#   scripts/failover-pair.sh stop    stops every node that still runs, then the monitor
#
# FAILOVER_DIR (default /tmp/sikoe-failover) holds the data folders, logs and pg_autoctl's own files; FAILOVER_PORT
# (default 6001) is the monitor's port, the nodes take the next two; PG_BINDIR (default /usr/lib/postgresql/15/bin).
# Run as root, the processes run as the postgres user (PostgreSQL refuses root); else as the user running this.
set -euo pipefail

dir=${FAILOVER_DIR:-/tmp/sikoe-failover}
base_port=${FAILOVER_PORT:-6001}
bindir=${PG_BINDIR:-/usr/lib/postgresql/15/bin}
database=sikoe
nodes=(node1 node2)
monitor_port=$base_port
port_of() { echo $((base_port + 1 + $1)); }
monitor_uri="postgres://autoctl_node@127.0.0.1:$monitor_port/pg_auto_failover?sslmode=disable"

# pg_autoctl keeps its configuration, state and pid files under the XDG folders: inside $dir, so nothing is left
# elsewhere and two pairs in two folders never meet.
run_env=(env "PATH=$bindir:/usr/bin:/bin" "XDG_CONFIG_HOME=$dir/config" "XDG_DATA_HOME=$dir/share"
  "XDG_RUNTIME_DIR=$dir/run")
if [ "$(id -u)" = 0 ]; then as_owner=(runuser -u postgres -- "${run_env[@]}"); else as_owner=("${run_env[@]}"); fi

autoctl() { "${as_owner[@]}" pg_autoctl "$@"; }
monitor_sql() { "$bindir/psql" -X -q -At -d "postgres://postgres@127.0.0.1:$monitor_port/pg_auto_failover?sslmode=disable" -c "$1"; }
node_sql() { "$bindir/psql" -X -q -At -d "postgres://postgres@127.0.0.1:$1/$database?sslmode=disable" -c "$2"; }

# Whether the pg_autoctl of a node (or the monitor) started here still runs.
running() { [ -f "$dir/$1.session" ] && ps -o pid= -s "$(cat "$dir/$1.session")" >/dev/null 2>&1; }

# Starts a long-running pg_autoctl in a session of its own (so `crash` can kill it as a whole), logging to $dir;
# nothing when it runs already.
launch() {
  local name=$1
  shift
  if running "$name"; then return; fi
  setsid "${as_owner[@]}" pg_autoctl "$@" >>"$dir/$name.log" 2>&1 </dev/null &
  echo $! >"$dir/$name.session"
}

# Waits, up to $1 seconds, until the monitor's node list (name:reported:assigned, by node id) matches $2.
wait_for() {
  local deadline=$((SECONDS + $1)) states=''
  while [ $SECONDS -lt $deadline ]; do
    states=$(monitor_sql "select string_agg(nodename || ':' || reportedstate || ':' || goalstate, ' ' order by nodeid)
      from pgautofailover.node" 2>/dev/null || true)
    if [[ $states =~ $2 ]]; then return 0; fi
    sleep 0.5
  done
  echo "the pair did not reach \"$2\" within $1 s (last seen: ${states:-no answer}); logs in $dir" >&2
  return 1
}

start() {
  mkdir -p "$dir/run"
  [ "$(id -u)" = 0 ] && chown postgres: "$dir" "$dir/run"
  chmod 700 "$dir/run"
  local fresh=false
  if [ ! -d "$dir/monitor" ]; then
    fresh=true
    autoctl create monitor --pgdata "$dir/monitor" --pgport "$monitor_port" --hostname 127.0.0.1 --auth trust \
      --no-ssl >>"$dir/monitor.log" 2>&1
    autoctl config set --pgdata "$dir/monitor" postgresql.listen_addresses 127.0.0.1 >/dev/null
  fi
  launch monitor run --pgdata "$dir/monitor"
  local deadline=$((SECONDS + 30))
  until monitor_sql 'select 1' >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || { echo "the monitor did not start; see $dir/monitor.log" >&2; exit 1; }
    sleep 0.2
  done
  # Failover within seconds, not the defaults' minute: health checks every second, a node unhealthy after 3 s
  # without a report, the old primary given 5 s to step down (above the nodes' network_partition_timeout of 3 s, so
  # a primary cut off from monitor and standby has stopped taking writes before the standby is promoted).
  local setting
  for setting in health_check_period=1000 health_check_timeout=1000 health_check_max_retries=1 \
    health_check_retry_delay=500 node_considered_unhealthy_timeout=3000 primary_demote_timeout=5000; do
    monitor_sql "alter system set pgautofailover.${setting%%=*} = ${setting#*=}"
  done
  monitor_sql 'select pg_reload_conf()' >/dev/null
  for i in 0 1; do
    local name=${nodes[$i]}
    if [ -d "$dir/$name" ]; then
      launch "$name" run --pgdata "$dir/$name"
    else
      # --replication-quorum: a commit returns once this node has it too (synchronous_standby_names on the primary).
      launch "$name" create postgres --pgdata "$dir/$name" --pgport "$(port_of $i)" --hostname 127.0.0.1 \
        --listen 127.0.0.1 --name "$name" --dbname "$database" --auth trust --no-ssl --replication-quorum true \
        --monitor "$monitor_uri" --run
      if [ "$i" = 0 ]; then wait_for 60 '^node1:single:single$'; fi
    fi
  done
  if $fresh; then
    # The standby's pg_basebackup starts with a spread checkpoint, minutes on an idle primary: ask for it at once.
    local deadline=$((SECONDS + 120))
    until wait_for 2 ' node2:secondary:secondary$' 2>/dev/null; do
      [ $SECONDS -lt $deadline ] || { echo "the standby did not join; see $dir/node2.log" >&2; exit 1; }
      node_sql "$(port_of 0)" checkpoint 2>/dev/null || true
    done
  fi
  wait_for 120 '(^| )node[12]:primary:primary( |$)' && wait_for 120 '(^| )node[12]:secondary:secondary( |$)'
  for name in "${nodes[@]}"; do
    autoctl config set --pgdata "$dir/$name" timeout.network_partition_timeout 3 >/dev/null
  done
  status
  echo "DATABASE_URL=$(uri)"
}

status() { autoctl show state --pgdata "$dir/monitor"; }

# As the database's owner, postgres; "disable" since node-postgres would try TLS for "prefer", which --no-ssl refuses.
uri() { autoctl show uri --pgdata "$dir/monitor" --formation default | sed 's|^postgres://|postgres://postgres@|; s/sslmode=prefer/sslmode=disable/'; }

crash() {
  local name
  name=$(monitor_sql "select nodename from pgautofailover.node where reportedstate in ('primary', 'wait_primary', 'single')
    order by nodeid limit 1")
  [ -n "$name" ] || { echo "no primary to crash" >&2; exit 1; }
  local session postmaster
  session=$(cat "$dir/$name.session")
  postmaster=$(head -1 "$dir/$name/postmaster.pid")
  # PostgreSQL's children run in sessions of their own: named here, killed in the same instant as the rest.
  # shellcheck disable=SC2046
  kill -KILL -- "-$session" "$postmaster" $(ps -o pid= --ppid "$postmaster") 2>/dev/null || true
  echo "$name"
}

stop() {
  for name in "${nodes[@]}" monitor; do
    if running "$name"; then
      autoctl stop --pgdata "$dir/$name" >/dev/null 2>&1 || true
      local deadline=$((SECONDS + 60))
      while running "$name"; do
        [ $SECONDS -lt $deadline ] || { echo "$name did not stop; see $dir/$name.log" >&2; exit 1; }
        sleep 0.2
      done
    fi
    rm -f "$dir/$name.session"
  done
}

case ${1:-} in
  start | status | uri | crash | stop) "$1" ;;
  *)
    echo "usage: $0 start|status|uri|crash|stop   (FAILOVER_DIR=$dir, ports $base_port-$((base_port + 2)))" >&2
    exit 2
    ;;
esac
