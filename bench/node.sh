# Sourced by bench/heap.sh and bench/profile-page.sh: starts one node on the benchmark database as bench/run.sh does
# (the README's JVM options unless BENCH_JAVA_OPTS, MALLOC_ARENA_MAX=2, 6 request threads, the ceiling page on), with
# the generated URL sessions made fresh again, and waits until it has primed its caches (NO_PRIME=1: 20 s after
# /health instead, for a node started with -Dsns.cache.prime-hours=0).
# Reads: BENCH_DB, BENCH_PORT, BENCH_JAVA_OPTS, NO_PRIME. Sets: DB, PORT, URL, OUT, JAVA_OPTS, SERVER (its pid, killed
# when the script exits).
DB="${BENCH_DB-jdbc:postgresql://127.0.0.1:5432/keitai_bench}"
PORT="${BENCH_PORT:-8180}"
URL="http://127.0.0.1:$PORT"
OUT=bench/out
JAVA_OPTS="${BENCH_JAVA_OPTS:-@src/main/payara/jvm.options}"
mkdir -p "$OUT"

start_node() { # server log file
  local log=$1
  if [[ "$DB" == jdbc:postgresql:* ]]; then
    psql -h 127.0.0.1 -U postgres -d "${DB##*/}" -qc \
      "update member_session set last_seen_at = now(), created_at = now(), bound_to = 'docomo:gw'"
  fi
  # shellcheck disable=SC2086
  MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" java $JAVA_OPTS -Dsns.db.url="$DB" -Dsns.db.user=postgres -Dsns.data.dir="$OUT/data" -Dsns.smtp.port=0 \
    -Dsns.http.port="$PORT" -Dsns.trusted-proxies=127.0.0.0/8 -Dsns.bench.ceiling=true \
    -jar target/payara-micro.jar --deploy target/keitai-sns.war --contextroot / --port "$PORT" --nohazelcast --maxhttpthreads 6 \
    --prebootcommandfile src/main/payara/pre-boot-commands.asadmin > "$log" 2>&1 &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null || true' EXIT
  until curl -sf "$URL/health" > /dev/null; do sleep 1; done
  if [[ -n "${NO_PRIME:-}" ]]; then
    sleep 20
  else
    until grep -q "primed the home caches" "$log"; do sleep 1; done
  fi
  grep -o 'primed the home caches.*' "$log" || true
}
