#!/usr/bin/env bash
# Several identical Payara Micro nodes on one PostgreSQL behind HAProxy, on this machine (README "Several nodes").
#
#   cluster/cluster.sh start [N]    build if needed, start N nodes (default 3) and HAProxy; returns when all answer
#   cluster/cluster.sh stop         stop HAProxy and every node
#   cluster/cluster.sh status       which nodes run, and what HAProxy thinks of them
#   cluster/cluster.sh kill I       kill -9 node I (the fault test)
#   cluster/cluster.sh restart I    start node I again (it rejoins: HAProxy sends to it once /health answers)
#
# Env: CLUSTER_DB (jdbc:postgresql://127.0.0.1:5432/keitai_cluster; created when missing), CLUSTER_DB_USER (postgres),
#      CLUSTER_HTTP_PORT (8090) and CLUSTER_SMTP_PORT (2590): HAProxy's ports; node I listens on 18100+I (HTTP) and
#      12600+I (SMTP); CLUSTER_DIR (data/cluster): per-node data directories node<I>/, the shared photos/ directory,
#      logs, pid files and haproxy.cfg; CLUSTER_JAVA_OPTS (default: @src/main/payara/jvm.options, as every start); CLUSTER_FRESH=1 drops the database first.
set -euo pipefail
cd "$(dirname "$0")/.."

DB="${CLUSTER_DB:-jdbc:postgresql://127.0.0.1:5432/keitai_cluster}"
DB_USER="${CLUSTER_DB_USER:-postgres}"
HTTP_PORT="${CLUSTER_HTTP_PORT:-8090}"
SMTP_PORT="${CLUSTER_SMTP_PORT:-2590}"
DIR="${CLUSTER_DIR:-data/cluster}"
JAVA_OPTS="${CLUSTER_JAVA_OPTS:-@src/main/payara/jvm.options}"
DB_NAME="${DB##*/}"
DB_HOST_PORT="${DB#jdbc:postgresql://}"
DB_HOST_PORT="${DB_HOST_PORT%%/*}"
DB_HOST="${DB_HOST_PORT%%:*}"
DB_PORT="${DB_HOST_PORT##*:}"
[[ "$DB_PORT" == "$DB_HOST_PORT" ]] && DB_PORT=5432

http_port() { echo $((18100 + $1)); }
smtp_port() { echo $((12600 + $1)); }
node_pid() { cat "$DIR/node$1.pid" 2>/dev/null || true; }
running() { local pid; pid=$(node_pid "$1"); [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; }
nodes() { ls "$DIR"/node*.pid 2>/dev/null | sed 's/.*node\([0-9]*\)\.pid/\1/' | sort -n; }

need_build() {
  [[ -f target/keitai-sns.war && -f target/payara-micro.jar ]] && return 1
  return 0
}

ensure_tools() {
  local missing=()
  command -v haproxy > /dev/null || missing+=(haproxy)
  command -v psql > /dev/null || missing+=(postgresql-client)
  command -v curl > /dev/null || missing+=(curl)
  if ((${#missing[@]})); then
    echo "installing ${missing[*]} (Debian packages)" >&2
    if [[ $(id -u) == 0 ]]; then apt-get install -y -q "${missing[@]}" > /dev/null; else sudo apt-get install -y -q "${missing[@]}" > /dev/null; fi
  fi
}

ensure_database() {
  if ! pg_isready -h "$DB_HOST" -p "$DB_PORT" -q 2> /dev/null; then
    echo "PostgreSQL does not answer on $DB_HOST:$DB_PORT" >&2
    exit 1
  fi
  local psql=(psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -qAt)
  if [[ -n "${CLUSTER_FRESH:-}" ]]; then
    "${psql[@]}" -c "drop database if exists $DB_NAME with (force)"
  fi
  if [[ -z $("${psql[@]}" -c "select 1 from pg_database where datname = '$DB_NAME'") ]]; then
    "${psql[@]}" -c "create database $DB_NAME"
  fi
}

start_node() { # I
  local i=$1
  if running "$i"; then
    echo "node $i already runs (pid $(node_pid "$i"))" >&2
    return
  fi
  mkdir -p "$DIR/node$i" "$DIR/photos"
  # Every node: the same database and photo directory, its own data directory (embedded outbox, temporary files);
  # HAProxy on this machine is the one proxy whose X-Forwarded-For is believed; the listener's per-client cap would
  # count HAProxy as one client, so it is the node-wide cap here (the MTA in front keeps its own concurrency).
  # shellcheck disable=SC2086
  MALLOC_ARENA_MAX=2 nohup java $JAVA_OPTS \
    -Dsns.db.url="$DB" -Dsns.db.user="$DB_USER" -Dsns.data.dir="$DIR/node$i" -Dsns.photos.dir="$DIR/photos" \
    -Dsns.http.port="$HTTP_PORT" -Dsns.base-url="${CLUSTER_BASE_URL:-http://localhost:$HTTP_PORT}" \
    -Dsns.smtp.port="$(smtp_port "$i")" -Dsns.smtp.max-connections-per-client=64 \
    -Dsns.trusted-proxies=127.0.0.1/32 ${CLUSTER_NODE_OPTS:-} \
    -jar target/payara-micro.jar --deploy target/keitai-sns.war --contextroot / --port "$(http_port "$i")" \
    --nohazelcast --prebootcommandfile src/main/payara/pre-boot-commands.asadmin \
    > "$DIR/node$i.log" 2>&1 &
  echo $! > "$DIR/node$i.pid"
  echo "node $i: pid $!, http $(http_port "$i"), smtp $(smtp_port "$i"), log $DIR/node$i.log" >&2
}

wait_node() { # I
  local i=$1
  for _ in $(seq 1 240); do
    if curl -sf -o /dev/null "http://127.0.0.1:$(http_port "$i")/health"; then return 0; fi
    if ! running "$i"; then
      echo "node $i stopped while starting: see $DIR/node$i.log" >&2
      tail -20 "$DIR/node$i.log" >&2
      return 1
    fi
    sleep 1
  done
  echo "node $i did not answer /health within 240 s: see $DIR/node$i.log" >&2
  return 1
}

write_haproxy() { # N
  local n=$1 i
  {
    echo "# written by cluster/cluster.sh for $n nodes"
    echo "global"
    echo "  maxconn 4096"
    echo "defaults"
    echo "  timeout connect 2s"
    echo "  timeout client 60s"
    echo "  timeout server 60s"
    echo "  timeout check 2s"
    echo "  retries 2"
    echo "frontend http"
    echo "  mode http"
    echo "  bind 127.0.0.1:$HTTP_PORT"
    echo "  option forwardfor"
    echo "  default_backend nodes"
    echo "backend nodes"
    echo "  mode http"
    echo "  balance roundrobin"
    # a request that found its node dead is sent again to another only when nothing reached the node (retry-on
    # conn-failure, the default): a POST is never sent twice
    echo "  option redispatch"
    echo "  http-response set-header X-Served-By %s"
    echo "  option httpchk GET /health"
    echo "  http-check expect status 200"
    echo "  default-server inter 1s fall 2 rise 2"
    for i in $(seq 1 "$n"); do echo "  server node$i 127.0.0.1:$(http_port "$i") check"; done
    echo "frontend smtp"
    echo "  mode tcp"
    echo "  bind 127.0.0.1:$SMTP_PORT"
    echo "  default_backend smtp_nodes"
    echo "backend smtp_nodes"
    echo "  mode tcp"
    echo "  balance roundrobin"
    echo "  default-server inter 1s fall 2 rise 2"
    for i in $(seq 1 "$n"); do echo "  server node$i 127.0.0.1:$(smtp_port "$i") check"; done
  } > "$DIR/haproxy.cfg"
}

start() {
  local n="${1:-3}"
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 start [number of nodes]" >&2; exit 2; }
  ensure_tools
  if need_build; then
    echo "building (mvn -B -DskipTests package)" >&2
    mvn -B -ntp -q -DskipTests package
  fi
  mkdir -p "$DIR"
  ensure_database
  # the first node migrates the schema alone; the others start together once it answers
  start_node 1
  wait_node 1
  for i in $(seq 2 "$n"); do start_node "$i"; done
  for i in $(seq 2 "$n"); do wait_node "$i"; done
  write_haproxy "$n"
  haproxy -c -q -f "$DIR/haproxy.cfg"
  if [[ -f "$DIR/haproxy.pid" ]] && kill -0 "$(cat "$DIR/haproxy.pid")" 2> /dev/null; then
    haproxy -D -f "$DIR/haproxy.cfg" -p "$DIR/haproxy.pid" -sf "$(cat "$DIR/haproxy.pid")"
  else
    haproxy -D -f "$DIR/haproxy.cfg" -p "$DIR/haproxy.pid"
  fi
  for _ in $(seq 1 20); do curl -sf -o /dev/null "http://127.0.0.1:$HTTP_PORT/health" && break; sleep 0.5; done
  echo "cluster of $n nodes: http://127.0.0.1:$HTTP_PORT/ (HAProxy), SMTP 127.0.0.1:$SMTP_PORT, database $DB"
}

stop() {
  if [[ -f "$DIR/haproxy.pid" ]]; then
    kill "$(cat "$DIR/haproxy.pid")" 2> /dev/null || true
    rm -f "$DIR/haproxy.pid"
  fi
  local i pid
  for i in $(nodes); do
    pid=$(node_pid "$i")
    if [[ -n "$pid" ]] && kill -0 "$pid" 2> /dev/null; then
      kill "$pid"
      for _ in $(seq 1 30); do kill -0 "$pid" 2> /dev/null || break; sleep 1; done
      kill -9 "$pid" 2> /dev/null || true
      echo "node $i stopped" >&2
    fi
    rm -f "$DIR/node$i.pid"
  done
}

status() {
  local i
  for i in $(nodes); do
    if running "$i"; then
      printf 'node %s: pid %s, /health %s\n' "$i" "$(node_pid "$i")" \
        "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$(http_port "$i")/health" || true)"
    else
      echo "node $i: down"
    fi
  done
  if [[ -f "$DIR/haproxy.pid" ]] && kill -0 "$(cat "$DIR/haproxy.pid")" 2> /dev/null; then
    echo "haproxy: pid $(cat "$DIR/haproxy.pid"), http 127.0.0.1:$HTTP_PORT, smtp 127.0.0.1:$SMTP_PORT"
  else
    echo "haproxy: down"
  fi
}

case "${1:-}" in
  start) start "${2:-3}" ;;
  stop) stop ;;
  status) status ;;
  kill)
    [[ -n "${2:-}" ]] && running "$2" || { echo "node ${2:-?} does not run" >&2; exit 1; }
    kill -9 "$(node_pid "$2")"
    echo "node $2 killed (kill -9)" >&2
    ;;
  restart)
    [[ -n "${2:-}" ]] || { echo "usage: $0 restart I" >&2; exit 2; }
    start_node "$2"
    wait_node "$2"
    ;;
  *)
    sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
