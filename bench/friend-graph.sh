#!/bin/sh
# Friends-of-friends benchmark on PostgreSQL (see FriendGraphBench.java; numbers in docs/performance.md).
# Needs PostgreSQL on 127.0.0.1:5432 with trust auth for user postgres. Builds the database keitai_sns_bench_friend
# once (about a minute); -Dbench.fresh=true rebuilds it.
set -e
cd "$(dirname "$0")/.."
mvn -B -q -ntp -DskipTests compile dependency:build-classpath -Dmdep.outputFile=bench/out.classpath
exec java -Xmx1g "$@" -cp "target/classes:$(cat bench/out.classpath)" bench/FriendGraphBench.java
