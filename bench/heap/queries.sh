#!/usr/bin/env bash
# Times every heap query (suspects, strings, collections, threads, loaders, why-alive, inspector,
# and compare when a baseline is given) on one dump. Usage: bench/heap/queries.sh DUMP [BASELINE]
# Build first: ./mvnw -q -o test-compile. Prints one line per query, two rounds (cold, warm).
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
cp_file=target/bench-classpath.txt
if [ ! -s "$cp_file" ]; then
  ./mvnw -q -B -ntp -o dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
fi
# Run from a snapshot of the build: a rebuild during a long run would pull classes from under it.
snap=$(mktemp -d)
trap 'rm -rf "$snap"' EXIT
cp -r target/classes target/test-classes "$snap"/
"$JAVA_HOME/bin/java" -Xmx${BENCH_XMX:-4g} --enable-native-access=ALL-UNNAMED \
  -cp "$snap/classes:$snap/test-classes:$(cat "$cp_file")" dev.inquest.heap.query.QueriesBench "$@"
