#!/usr/bin/env bash
# kill -9 during a burst of posting mails: every mail the server accepted (250 after DATA) must become exactly one
# diary after the restart; none lost, none doubled. Mails in flight at the kill (sent, not answered) may be posted or
# not, once at most; after the restart the client resends every mail not answered 250, as an MTA retries, and
# all of them must end as exactly one diary each (the spool recognises a resent mail by its Message-ID). Usage: bench/crash-mail.sh [mails, default 10000] [kill after n accepted, default 3000]
# Uses its own PostgreSQL database keitai_crash (2,000 generated members; made afresh each run). Appends the result to
# docs/reliability.md (CRASH_DOC=/dev/null for a trial). Needs bench/out/classpath (bench/generate.sh makes it).
set -euo pipefail
cd "$(dirname "$0")/.."
MAILS="${1:-10000}"
KILL_AFTER="${2:-3000}"
DB=jdbc:postgresql://127.0.0.1:5432/keitai_crash
PORT="${CRASH_PORT:-8190}"
SMTP="${CRASH_SMTP:-2627}"
OUT=bench/out/crash
DOC="${CRASH_DOC:-docs/reliability.md}"
CP="target/classes:$(cat bench/out/classpath)"
psqlc() { psql -h 127.0.0.1 -U postgres -d keitai_crash -Atc "$1"; }
rm -rf "$OUT" && mkdir -p "$OUT"
psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists keitai_crash" -c "create database keitai_crash"
java -cp "$CP" bench/Generate.java --db "$DB" --user postgres --members 2000 --out "$OUT" > "$OUT/generate.log" 2>&1

start() {
  java -Xmx512m -Dsns.cache.prime-hours=0 -Dsns.db.url="$DB" -Dsns.db.user=postgres -Dsns.data.dir="$OUT/data" \
    -Dsns.smtp.port="$SMTP" -Dsns.mail.domain=bench.example.jp -Dsns.http.port="$PORT" \
    -jar target/payara-micro.jar --deploy target/keitai-sns.war --contextroot / --port "$PORT" --nohazelcast \
    --prebootcommandfile src/main/payara/pre-boot-commands.asadmin >> "$OUT/server.log" 2>&1 &
  SERVER=$!
  until curl -sf "http://127.0.0.1:$PORT/health" > /dev/null; do sleep 1; done
}
start
trap 'kill $SERVER 2>/dev/null || true' EXIT
RUN=$(date +%s)
java -cp "$CP" bench/CrashMail.java --port "$SMTP" --connections 8 --mails "$MAILS" --run "$RUN" \
  --addresses "$OUT/addresses.txt" --domain bench.example.jp --accepted "$OUT/accepted.txt" > "$OUT/client.log" 2>&1 &
CLIENT=$!
until [[ -f "$OUT/accepted.txt" && $(wc -l < "$OUT/accepted.txt") -ge $KILL_AFTER ]]; do
  kill -0 "$CLIENT" 2> /dev/null || { cat "$OUT/client.log"; echo "the client ended before the kill" >&2; exit 1; }
  sleep 0.05
done
kill -9 "$SERVER"
KILLED_AT=$(wc -l < "$OUT/accepted.txt")
wait "$CLIENT" || true
start
# as a sending MTA would, resend every mail that was not answered 250 (the one in flight at the kill included: the
# spool knows it by its Message-ID if it was stored)
java -cp "$CP" bench/CrashMail.java --port "$SMTP" --connections 8 --mails "$MAILS" --run "$RUN" \
  --addresses "$OUT/addresses.txt" --domain bench.example.jp --accepted "$OUT/accepted-2.txt" \
  --skip "$OUT/accepted.txt" >> "$OUT/client.log" 2>&1
cat "$OUT/accepted-2.txt" >> "$OUT/accepted.txt"
# the rows the killed node had claimed come back when their lease ends; wait until nothing is left to handle
for _ in $(seq 1 600); do
  [[ $(psqlc "select count(*) from mail_spool where message_id like '<crash.$RUN.%' and state = 'new'") == 0 ]] && break
  sleep 1
done
sort -n "$OUT/accepted.txt" > "$OUT/accepted.sorted"
psqlc "select substring(title from '-([0-9]+)\$') from diary where title like 'クラッシュ$RUN-%'" | sort -n > "$OUT/posted.all"
uniq "$OUT/posted.all" > "$OUT/posted.sorted"
ACCEPTED=$(wc -l < "$OUT/accepted.sorted")
POSTED=$(wc -l < "$OUT/posted.all")
LOST=$(comm -23 "$OUT/accepted.sorted" "$OUT/posted.sorted" | wc -l)
DOUBLED=$(uniq -d "$OUT/posted.all" | wc -l)
EXTRA=$(comm -13 "$OUT/accepted.sorted" "$OUT/posted.sorted" | wc -l)
STATES=$(psqlc "select state || ' ' || count(*) from mail_spool where message_id like '<crash.$RUN.%' group by state order by 1" | tr '\n' ',' | sed 's/,$//; s/,/, /g')
VERDICT=$([[ $LOST == 0 && $DOUBLED == 0 && $ACCEPTED == "$MAILS" && $EXTRA == 0 ]] && echo PASS || echo FAIL)
{
  echo
  echo "### kill -9 during a mail burst — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, PostgreSQL"
  echo
  echo '```'
  cat "$OUT/client.log"
  echo "server killed (kill -9) when $KILLED_AT mails had been accepted; restarted on the same database"
  echo "accepted $ACCEPTED, diaries posted $POSTED for them: lost $LOST, doubled $DOUBLED"
  echo "after the restart the rest were resent (the first pass's unanswered mail included); all $MAILS accepted: $([[ $ACCEPTED == "$MAILS" ]] && echo yes || echo no)"
  echo "posted without ever being answered 250: $EXTRA"
  echo "spool rows of the run: $STATES"
  echo "$VERDICT"
  echo '```'
  echo "Command: \`bench/crash-mail.sh $MAILS $KILL_AFTER\`"
} | tee -a "$DOC"
[[ $VERDICT == PASS ]]
