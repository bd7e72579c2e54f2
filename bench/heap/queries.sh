#!/usr/bin/env bash
# Times every heap query (suspects, strings, duplicate objects, collections, threads, loaders, why-alive, inspector,
# and compare when a baseline is given) on one dump: cold, then warm (best of the next runs), wall and CPU
# time, and writes the table to target/bench/heap-queries-results.md (BENCH_OUT to change it).
#
#   bench/heap/queries.sh [DUMP [BASELINE]]
#
# Without arguments: the issue-3 benchmark dump target/bench/heap-scale1.hprof (made by
# bench/heap/run.sh) against a baseline of the same workload stopped at 80 % of its session
# leak, target/bench/heap-scale1-base80.hprof, generated here once and cached (never commit either).
# A dump without an index file gets one on its first open (12-40 s, not counted in the queries).
# Environment: JAVA_HOME, BENCH_ROUNDS (runs per query, default 3: cold + best of 2 warm),
# BENCH_XMX (default 4g), BENCH_JAVA_OPTS (extra JVM options, e.g. -XX:StartFlightRecording=...
# to profile), BENCH_OUT.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
command_line="bench/heap/queries.sh${*:+ $*}"
if [ $# -eq 0 ]; then
  dump=target/bench/heap-scale1.hprof
  base=target/bench/heap-scale1-base80.hprof
  if [ ! -s "$dump" ]; then
    echo "queries: $dump missing; make it with bench/heap/run.sh (or pass DUMP)" >&2
    exit 2
  fi
  if [ ! -s "$base" ]; then
    echo "queries: generating the baseline $base (HeapWorkload scale 1, 80 % of the session leak)" >&2
    "$JAVA_HOME/bin/java" -Xmx6g bench/heap/HeapWorkload.java "$base" 1 80 >&2
  fi
  set -- "$dump" "$base"
fi
if [ ! -d target/classes ] || [ ! -f target/test-classes/dev/inquest/heap/query/QueriesBench.class ]; then
  ./mvnw -q -B -ntp -o test-compile >&2
fi
cp_file=target/bench-classpath.txt
if [ ! -s "$cp_file" ]; then
  ./mvnw -q -B -ntp -o dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
fi
out="${BENCH_OUT:-target/bench/heap-queries-results.md}"
# Run from a snapshot of the build: a rebuild during a long run would pull classes from under it.
snap=$(mktemp -d)
trap 'rm -rf "$snap"' EXIT
cp -r target/classes target/test-classes "$snap"/
# shellcheck disable=SC2086
"$JAVA_HOME/bin/java" -Xmx${BENCH_XMX:-4g} ${BENCH_JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED \
  -Dbench.out="$out" -Dbench.command="$command_line" -Dbench.rounds="${BENCH_ROUNDS:-3}" \
  -cp "$snap/classes:$snap/test-classes:$(cat "$cp_file")" dev.inquest.heap.query.QueriesBench "$@"
