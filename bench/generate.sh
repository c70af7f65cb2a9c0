#!/usr/bin/env bash
# Builds the app and loads a benchmark dataset. Usage: bench/generate.sh [members] (default 100000)
# Env: COMMUNITIES (default 10000; one of them with 100,000 members or all members if fewer)
# Env: BENCH_DB (default jdbc:postgresql://127.0.0.1:5432/keitai_bench; an empty value = embedded H2 under bench/out)
set -euo pipefail
cd "$(dirname "$0")/.."
MEMBERS="${1:-100000}"
DB="${BENCH_DB-jdbc:postgresql://127.0.0.1:5432/keitai_bench}"
mkdir -p bench/out
mvn -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=bench/out/classpath -Dmdep.includeScope=test
if [[ "$DB" == jdbc:postgresql:* ]]; then
  name="${DB##*/}"
  psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $name" -c "create database $name"
else
  rm -rf bench/out/data
fi
java -Xmx4g -cp "target/classes:$(cat bench/out/classpath)" bench/Generate.java \
  --db "$DB" --user postgres --members "$MEMBERS" --communities "${COMMUNITIES:-10000}" --out bench/out
