#!/usr/bin/env bash
# Starts the server on the benchmark database and runs every wrk scenario; appends the results to
# docs/performance.md. Usage: bench/run.sh [seconds per scenario, default 60] [warm-up seconds, default 300]
# Needs: bench/generate.sh run first; wrk (apt-get install wrk).
# Env: SCENARIOS (default "ceiling docomo-home diary-fof profile voice-post community"; also "safety": 安否確認 answers at the
#      highest rate wrk reaches while the docomo home is read, both at once), BENCH_JAVA_OPTS (server JVM options),
#      BENCH_PORT (8180), BENCH_DB (see generate.sh), NO_REPORT=1 (print only; do not append to docs/performance.md).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-60}"
WARMUP="${2:-300}"
DB="${BENCH_DB-jdbc:postgresql://127.0.0.1:5432/keitai_bench}"
PORT="${BENCH_PORT:-8180}"
URL="http://127.0.0.1:$PORT"
OUT=bench/out
mkdir -p "$OUT"

# The heap for 100,000 members' caches (about 270-300 MB live after every scenario) in the 768 MB RSS target
# (docs/performance.md): Parallel GC (G1 at 512 MB marked all the time and doubled the home page's CPU); a young
# generation with fixed survivor spaces large enough for the requests in flight, so they are not promoted and the old
# generation fills only slowly; glibc's free native memory handed back every 5 s; the heap in transparent huge pages
# (the home and diary pages read their caches all over the heap: 4 KB pages cost a TLB miss on most of those reads).
JAVA_OPTS="${BENCH_JAVA_OPTS:-@src/main/payara/jvm.options}"
SCENARIOS="${SCENARIOS:-ceiling docomo-home diary-fof profile voice-post community}"
# 6 request threads (3 a core): the pages read memory, so more threads only share the two cores unfairly and lengthen
# the tail (docs/performance.md, eighth session: home p99 50-56 ms at 16 threads, 22-29 ms at 6, the same req/s)
THREADS="${BENCH_HTTP_THREADS:-6}"
REPORT=docs/performance.md
[[ -n "${NO_REPORT:-}" ]] && REPORT=/dev/null
if [[ "$DB" == jdbc:postgresql:* ]]; then
  # the generated sessions are cookieless (URL) sessions, which end after 3 idle hours and 30 days in all: make them
  # fresh again, bound to the docomo gateway the scripts send from (older generated data has no binding)
  if ! psql -h 127.0.0.1 -U postgres -d "${DB##*/}" -qc \
    "update member_session set last_seen_at = now(), created_at = now(), bound_to = 'docomo:gw'"; then
    echo "the dataset predates the current schema: run bench/generate.sh again (or start the server once on it so" \
      "that Flyway migrates it, then run this again)" >&2
    exit 2
  fi
fi
# shellcheck disable=SC2086
MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" java $JAVA_OPTS -Dsns.db.url="$DB" -Dsns.db.user=postgres -Dsns.data.dir="$OUT/data" -Dsns.smtp.port=0 \
  -Dsns.http.port="$PORT" -Dsns.trusted-proxies=127.0.0.0/8 -Dsns.bench.ceiling=true -Dsns.safety.trigger-token=bench-trigger \
  -jar target/payara-micro.jar --deploy target/keitai-sns.war --contextroot / --port "$PORT" --nohazelcast --maxhttpthreads "$THREADS" \
  --prebootcommandfile src/main/payara/pre-boot-commands.asadmin > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
until curl -sf "$URL/health" > /dev/null; do sleep 1; done
# the node primes its caches for recently seen members in the background (member/HomePrimer); measure after that
until grep -q 'primed the home caches' "$OUT/server.log"; do sleep 1; done
grep -o 'primed the home caches.*' "$OUT/server.log" >&2

# the options an @file holds, for the report
shown_opts() { local f="${JAVA_OPTS%% *}"; [[ "$f" == @* ]] && sed -e 's/#.*//' "${f#@}" | tr -s ' \n' ' ' | sed 's/^ //; s/ $//'; return 0; }
rss() { awk '/VmRSS/ {print $2 / 1024 " MB"}' "/proc/$SERVER/status"; }
# CPU time in clock ticks: of the server JVM, and of every PostgreSQL process (backends and background writers); the
# difference over a measured run divided by its requests is the CPU per page of the node and of the database, the
# basis of the scaling model in docs/performance.md (issue 27)
TICK=$(getconf CLK_TCK)
node_ticks() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; }
db_ticks() {
  local t=0 f
  for f in /proc/[0-9]*/stat; do
    read -r line < "$f" 2> /dev/null || continue
    [[ "$line" == *"(postgres)"* ]] || continue
    # shellcheck disable=SC2206
    local a=(${line##*) })
    t=$((t + a[11] + a[12]))
  done
  echo "$t"
}
per_page() { # ticks requests -> ms
  awk -v t="$1" -v n="$2" -v hz="$TICK" 'BEGIN { if (n > 0) printf "%.3f", t * 1000 / hz / n; else print "?" }'
}

run() { # name script path connections
  local name=$1 script=$2 path=$3 conns=$4
  echo "== $name: warm-up ${WARMUP}s" >&2
  wrk -t2 -c"$conns" -d"${WARMUP}s" -s "bench/$script" "$URL$path" > /dev/null
  echo "== $name: ${DURATION}s" >&2
  local n0 d0 n1 d1 requests
  n0=$(node_ticks)
  d0=$(db_ticks)
  wrk -t2 -c"$conns" -d"${DURATION}s" --latency -s "bench/$script" "$URL$path" | tee "$OUT/$name.txt" >&2
  n1=$(node_ticks)
  d1=$(db_ticks)
  requests=$(awk '/requests in/ {print $1}' "$OUT/$name.txt")
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/$name.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$OUT/$name.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$OUT/$name.txt")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' "$OUT/$name.txt" | tr '\n' ' ')
  echo "| $name | $rps | $p50 | $p99 | ${errors:-0} | $(per_page $((n1 - n0)) "$requests") | $(per_page $((d1 - d0)) "$requests") | wrk -t2 -c$conns -d${DURATION}s -s bench/$script $path |"
}

# 安否確認 under the spike: answers posted by one wrk (as fast as it goes) while another reads the docomo home page,
# which shows the 「無事です」 button from memory; a check is opened first through the configured trigger.
run_safety() {
  curl -sf -X POST -d "token=bench-trigger&title=bench&region=all&hours=24" "$URL/safety/trigger" > /dev/null
  echo "== safety: warm-up ${WARMUP}s" >&2
  wrk -t1 -c25 -d"${WARMUP}s" -s bench/home.lua "$URL/home" > /dev/null &
  wrk -t1 -c25 -d"${WARMUP}s" -s bench/safety.lua "$URL/safety" > /dev/null
  wait
  echo "== safety: ${DURATION}s" >&2
  wrk -t1 -c25 -d"${DURATION}s" --latency -s bench/home.lua "$URL/home" > "$OUT/safety-home.txt" &
  wrk -t1 -c25 -d"${DURATION}s" --latency -s bench/safety.lua "$URL/safety" > "$OUT/safety-answer.txt"
  wait
  local name
  for name in safety-answer safety-home; do
    cat "$OUT/$name.txt" >&2
    echo "| $name | $(awk '/Requests\/sec/ {print $2}' "$OUT/$name.txt") | $(awk '$1 == "50%" {print $2}' "$OUT/$name.txt") |" \
      "$(awk '$1 == "99%" {print $2}' "$OUT/$name.txt") | $(awk '/Non-2xx|Socket errors/ {print}' "$OUT/$name.txt" | tr '\n' ' ') |" \
      "| | wrk -t1 -c25 -d${DURATION}s (answers and home at once) |"
  done
}

{
  echo
  echo "### Run $(date -u +%Y-%m-%dT%H:%MZ) — $(nproc) cores, $(psql -h 127.0.0.1 -U postgres -d "${DB##*/}" -Atc 'select count(*) from member' 2>/dev/null || echo '?') members"
  echo
  echo "| scenario | req/s | p50 | p99 | errors | node CPU ms/page | PostgreSQL CPU ms/page | command |"
  echo "|---|---|---|---|---|---|---|---|"
  for s in $SCENARIOS; do
    case $s in
      ceiling) run ceiling static.lua /static/ceiling.jsp 50 ;;
      docomo-home) run docomo-home home.lua /home 50 ;;
      diary-fof) run diary-fof diary.lua /diary 50 ;;
      profile) run profile profile.lua /members 50 ;;
      voice-post) run voice-post voice.lua /voice 50 ;;
      community) run community community.lua /communities 50 ;;
      safety) run_safety ;;
      *) echo "unknown scenario $s" >&2; exit 2 ;;
    esac
  done
  echo
  echo "Server: \`java $JAVA_OPTS\` ($(shown_opts)), $THREADS HTTP threads; warm-up ${WARMUP} s per scenario; RSS after the scenarios: $(rss)"
} | tee -a "$REPORT"
