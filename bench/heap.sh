#!/usr/bin/env bash
# The live heap after priming, by class: starts the server as bench/run.sh does (same JVM options, the benchmark
# database), waits until the node has primed its caches, optionally loads it, and prints the live class histogram
# (a full collection first) and the heap summary. Usage: bench/heap.sh [top classes, default 40] [seconds of load, default 0:
# that long each of the home, diary, profile and community scenarios before the histogram]
# Env: BENCH_JAVA_OPTS (add -XX:NativeMemoryTracking=summary for the native summary), BENCH_PORT (8180), BENCH_DB (see
#      generate.sh), NO_PRIME=1 (with -Dsns.cache.prime-hours=0: the heap without the members' caches), PMAP=1,
#      DUMP=file (a live heap dump after the histogram; bench/hprof-arrays.py file sums its arrays by length).
set -euo pipefail
cd "$(dirname "$0")/.."
TOP="${1:-40}"
LOAD="${2:-0}"
# shellcheck source=bench/node.sh
source bench/node.sh
start_node "$OUT/heap-server.log"
if [[ "$LOAD" -gt 0 ]]; then
  for s in home:/home diary:/diary profile:/members community:/communities; do
    wrk -t2 -c50 -d"${LOAD}s" -s "bench/${s%%:*}.lua" "$URL${s#*:}" | grep -E 'Requests/sec|Non-2xx' | sed "s|^|${s%%:*} |"
  done
fi
jcmd "$SERVER" GC.class_histogram | head -n $((TOP + 3))
# DUMP=file: a heap dump too (live objects), for bench/hprof-arrays.py
[[ -n "${DUMP:-}" ]] && jcmd "$SERVER" GC.heap_dump "$(realpath "$DUMP")"
jcmd "$SERVER" GC.heap_info
# with -XX:NativeMemoryTracking=summary among the options: where the rest of the RSS goes
jcmd "$SERVER" VM.native_memory summary 2>/dev/null | grep -E "^Total|^-.*committed=" || true
awk '/VmRSS/ {print "RSS " $2 / 1024 " MB"}' "/proc/$SERVER/status"
# PMAP=1: the largest mappings by resident size (what the RSS is made of)
if [[ -n "${PMAP:-}" ]]; then
  pmap -x "$SERVER" | sort -k3 -n -r | head -25
  grep -E 'AnonHugePages|Rss|Anonymous' "/proc/$SERVER/smaps_rollup"
fi
