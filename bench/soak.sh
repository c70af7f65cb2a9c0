#!/usr/bin/env bash
# Soak: mixed load for a while (default 600 s) on the benchmark dataset: docomo home, diary as a friend of a friend,
# profile views (あしあと writes), voice posts and posting mails at once. Passes when no response was an error
# (wrk: "Non-2xx or 3xx responses", socket errors), every mail was accepted and posted, and the server's RSS stayed
# within 10% (samples every 30 s after the first 2 minutes). Appends the result to docs/reliability.md
# (SOAK_DOC=/dev/null for a trial). Usage: bench/soak.sh [seconds]. Needs bench/generate.sh first.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TOTAL="${1:-600}"
DB=jdbc:postgresql://127.0.0.1:5432/keitai_bench
PORT="${SOAK_PORT:-8180}"
SMTP="${SOAK_SMTP:-2626}"
OUT=bench/out/soak
DOC="${SOAK_DOC:-docs/reliability.md}"
URL="http://127.0.0.1:$PORT"
rm -rf "$OUT" && mkdir -p "$OUT"
psql -h 127.0.0.1 -U postgres -d keitai_bench -qc "update member_session set last_seen_at = now(), created_at = now(), bound_to = 'docomo:gw'"
JAVA_OPTS="@src/main/payara/jvm.options"
# shellcheck disable=SC2086
MALLOC_ARENA_MAX=2 java $JAVA_OPTS -Dsns.db.url="$DB" -Dsns.db.user=postgres -Dsns.data.dir=/dev/shm/keitai-soak \
  -Dsns.smtp.port="$SMTP" -Dsns.mail.domain=bench.example.jp -Dsns.http.port="$PORT" -Dsns.trusted-proxies=127.0.0.0/8 \
  -jar target/payara-micro.jar --deploy target/keitai-sns.war --contextroot / --port "$PORT" --nohazelcast --maxhttpthreads 6 \
  --prebootcommandfile src/main/payara/pre-boot-commands.asadmin > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; kill $(jobs -p) 2>/dev/null || true' EXIT
until curl -sf "$URL/health" > /dev/null; do sleep 1; done
until grep -q 'primed the home caches' "$OUT/server.log"; do sleep 1; done
rss() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$SERVER/status"; }
D="${SECONDS_TOTAL}s"
wrk -t1 -c12 -d"$D" -s bench/home.lua "$URL/home" > "$OUT/home.txt" 2>&1 &
wrk -t1 -c12 -d"$D" -s bench/diary.lua "$URL/diary" > "$OUT/diary.txt" 2>&1 &
wrk -t1 -c12 -d"$D" -s bench/profile.lua "$URL/members" > "$OUT/profile.txt" 2>&1 &
wrk -t1 -c4 -d"$D" -s bench/voice.lua "$URL/voice" > "$OUT/voice.txt" 2>&1 &
END=$((SECONDS + SECONDS_TOTAL))
(
  while ((SECONDS < END - 20)); do
    java -cp "target/classes:$(cat bench/out/classpath)" bench/MailLoad.java --port "$SMTP" --connections 1 \
      --mails 300 --kind d --db "$DB" --domain bench.example.jp
    sleep 5
  done
) > "$OUT/mail.txt" 2>&1 &
: > "$OUT/rss.txt"
while ((SECONDS < END)); do
  sleep 30
  echo "$(date -u +%H:%M:%S) $(rss)" >> "$OUT/rss.txt"
done
wait $(jobs -p | grep -v "^$SERVER\$") 2>/dev/null || true
sleep 2
errors() { awk '/Non-2xx|Socket errors/' "$1" | tr '\n' ' '; }
reqs() { awk '/requests in/ {print $1}' "$1"; }
ERR=$(for s in home diary profile voice; do errors "$OUT/$s.txt"; done)
HEALTH=$(curl -s -o /dev/null -w '%{http_code}' "$URL/health")
MAIL_ACC=$(awk '/^accepted/ {a += $2; r += $4} END {print a + 0}' "$OUT/mail.txt")
MAIL_REF=$(awk '/^accepted/ {gsub(/\)/, "", $4); r += $4} END {print r + 0}' "$OUT/mail.txt")
MAIL_POSTED=$(awk '/^diaries posted/ {gsub(/,/, "", $3); p += $3} END {print p + 0}' "$OUT/mail.txt")
RSS_LINE=$(awk 'NR > 3 {print $2}' "$OUT/rss.txt" | tr '\n' ' ')
RSS_OK=$(awk 'NR > 3 {v = $2; if (min == "" || v < min) min = v; if (v > max) max = v} END {print (max <= min * 1.10) ? "yes" : "no"; }' "$OUT/rss.txt")
VERDICT=$([[ -z "$ERR" && $HEALTH == 200 && $MAIL_REF == 0 && $MAIL_ACC == "$MAIL_POSTED" && $RSS_OK == yes ]] && echo PASS || echo FAIL)
{
  echo
  echo "### Soak — $(date -u +%Y-%m-%dT%H:%MZ), ${SECONDS_TOTAL} s, $(nproc) cores, PostgreSQL, 100,000 members"
  echo
  echo '```'
  for s in home diary profile voice; do
    echo "$s: $(reqs "$OUT/$s.txt") requests, $(awk '/Requests\/sec/ {print $2}' "$OUT/$s.txt") req/s, errors: $(errors "$OUT/$s.txt")"
  done
  echo "mail: accepted $MAIL_ACC, refused $MAIL_REF, diaries posted $MAIL_POSTED"
  echo "RSS (MB) every 30 s after the first 2 minutes: $RSS_LINE(within 10%: $RSS_OK)"
  echo "/health afterwards: $HEALTH"
  echo "$VERDICT"
  echo '```'
  echo "Command: \`bench/soak.sh $SECONDS_TOTAL\`"
} | tee -a "$DOC"
[[ $VERDICT == PASS ]]
