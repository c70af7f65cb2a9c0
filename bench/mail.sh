#!/usr/bin/env bash
# SMTP load: starts the server on the benchmark database with its SMTP listener and sends diary (d) or voice (v)
# mails from the generated members. Usage: bench/mail.sh [mails, default 20000] [kind d|v, default d] [connections, 8]
set -euo pipefail
cd "$(dirname "$0")/.."
MAILS="${1:-20000}"
KIND="${2:-d}"
CONNS="${3:-8}"
DB="${BENCH_DB-jdbc:postgresql://127.0.0.1:5432/keitai_bench}"
PORT="${BENCH_PORT:-8180}"
SMTP="${BENCH_SMTP:-2626}"
OUT=bench/out
# The data directory (the outbox's reply files; no H2, no photos in this load) is on tmpfs: on this machine's ext4,
# once a run's 30,000 replies had filled the outbox directory's inode group, creating each file cost up to 0.5 ms of
# kernel CPU, a tenth of the node's CPU, which a node relaying its replies (sns.outbound.mode=smtp) never pays. On H2
# (BENCH_DB empty) the database is in bench/out/data, so that stays the data directory.
if [[ -z "$DB" ]]; then DATA="${BENCH_DATA:-$OUT/data}"; else DATA="${BENCH_DATA:-/dev/shm/keitai-mail-bench}"; fi
rm -rf "$DATA/outbox"
# BENCH_JAVA_OPTS: extra JVM options for the server (e.g. -XX:StartFlightRecording=filename=bench/out/mail.jfr);
# BENCH_DOC: where the result is appended (default docs/performance.md; /dev/null for a trial run)
DOC="${BENCH_DOC:-docs/performance.md}"
# shellcheck disable=SC2086
# The JVM options are the README run command's (src/main/payara/jvm.options: heap, collector) and glibc's arenas as
# there (MALLOC_ARENA_MAX=2); BENCH_JAVA_OPTS adds to them. The home-page priming (a start-up job of about 80 s for
# the web pages) is off: it would share the cores with the first 80 s of the mail load
MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" java @src/main/payara/jvm.options ${BENCH_JAVA_OPTS:-} -Dsns.cache.prime-hours=0 -Dsns.db.url="$DB" -Dsns.db.user=postgres -Dsns.data.dir="$DATA" -Dsns.smtp.port="$SMTP" \
  -Dsns.mail.domain=bench.example.jp -Dsns.http.port="$PORT" \
  -jar target/payara-micro.jar --deploy target/keitai-sns.war --contextroot / --port "$PORT" --nohazelcast \
  --prebootcommandfile src/main/payara/pre-boot-commands.asadmin > "$OUT/server-mail.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2> /dev/null && wait $SERVER 2> /dev/null || true' EXIT
cpu() { awk '{ print $14 + $15 }' "/proc/$SERVER/stat"; }
# CPU ticks of the PostgreSQL backends connected to this database ("postgres: 15/main: postgres keitai_bench ...")
DBNAME="${DB##*/}"
pgcpu() {
  for p in $(pgrep -f "postgres: .* $DBNAME "); do awk '{ print $14 + $15 }' "/proc/$p/stat" 2> /dev/null; done |
    awk '{ s += $1 } END { print s + 0 }'
}
# CPU ticks per live thread: "tid<TAB>name<TAB>ticks" (the name may hold spaces: it is read between the parentheses)
threads() {
  awk '{ o = index($0, "("); c = match($0, /\) [A-Z] /); name = substr($0, o + 1, c - o - 1);
         split(substr($0, c + 2), f, " "); split(FILENAME, p, "/"); print p[5] "\t" name "\t" f[12] + f[13] }' \
    /proc/"$SERVER"/task/*/stat 2> /dev/null || true
}
until curl -sf "http://127.0.0.1:$PORT/health" > /dev/null; do sleep 1; done
# The two queue tables start vacuumed, as autovacuum keeps them in production. This machine's PostgreSQL runs with
# autovacuum off (its CI settings), so without this every run's dead rows stayed, and each claim read more of them:
# PostgreSQL's CPU per mail grew run after run (0.38 to 0.50 ms over one session's runs)
if [[ "$DB" == jdbc:postgresql:* ]]; then
  psql -h 127.0.0.1 -U postgres -d "${DB##*/}" -qc "vacuum (analyze) mail_spool" -c "vacuum (analyze) mail_outbox"
fi
# the node is up but still finishing its start (about 4 s of CPU in the next 10 s, half of it the JIT compiling the
# boot's code): let it settle, so that the measured mail does not pay for the start
sleep "${BENCH_SETTLE:-15}"
# BENCH_WARMUP=n: first n mails (handled, not measured) so that the measured ones find the code compiled, as the page
# scenarios do after their warm-up; 0 (the default) measures from a cold start, JIT compilation included
if [[ "${BENCH_WARMUP:-0}" -gt 0 ]]; then
  java -cp "target/classes:$(cat bench/out/classpath)" bench/MailLoad.java --port "$SMTP" --connections "$CONNS" \
    --mails "$BENCH_WARMUP" --kind "$KIND" --db "$DB" --domain bench.example.jp > "$OUT/mail-warmup.log"
fi
{
  echo
  echo "### Mail run $(date -u +%Y-%m-%dT%H:%MZ) — $MAILS '$KIND.' mails over $CONNS connections"
  echo
  echo '```'
  C0=$(cpu)
  P0=$(pgcpu)
  threads > "$OUT/threads-before.tsv"
  java -cp "target/classes:$(cat bench/out/classpath)" bench/MailLoad.java --port "$SMTP" --connections "$CONNS" \
    --mails "$MAILS" --kind "$KIND" --db "$DB" --domain bench.example.jp
  # CPU the server used (its own process only, not PostgreSQL's): steadier than mails/s on a shared machine
  C1=$(cpu)
  P1=$(pgcpu)
  threads > "$OUT/threads-after.tsv"
  awk -v a="$C0" -v b="$C1" -v hz="$(getconf CLK_TCK)" -v n="$MAILS" \
    'BEGIN { printf "server CPU %.1f s: %.2f ms per mail\n", (b - a) / hz, (b - a) / hz * 1000 / n }'
  # the same split by thread: the mail threads themselves, GC, and the rest (mostly the JIT compiler threads, which
  # come and go: whatever exited is counted here), so that a short run's JIT warm-up does not hide the mail's own cost
  awk -F '\t' -v total="$((C1 - C0))" -v hz="$(getconf CLK_TCK)" -v n="$MAILS" '
    NR == FNR { before[$1] = $3; next }
    { d = $3 - ($1 in before ? before[$1] : 0)
      if ($2 ~ /^(sns-|org\.subethamail)/) mail += d; else if ($2 ~ /^(GC Thread|G1 )/) gc += d }
    END { k = 1000 / hz / n
          printf "  of which mail threads %.2f, GC %.2f, JIT and the rest %.2f ms per mail\n", mail * k, gc * k, (total - mail - gc) * k }' \
    "$OUT/threads-before.tsv" "$OUT/threads-after.tsv"
  # backends that ended during the run are not counted: the pool keeps its connections, so this is close
  awk -v a="$P0" -v b="$P1" -v hz="$(getconf CLK_TCK)" -v n="$MAILS" \
    'BEGIN { printf "PostgreSQL backends of this database: %.2f ms per mail\n", (b - a) / hz * 1000 / n }'
  echo '```'
  echo "Command: \`${BENCH_WARMUP:+BENCH_WARMUP=$BENCH_WARMUP }bench/mail.sh $MAILS $KIND $CONNS\`"
} | tee -a "$DOC"
