#!/usr/bin/env bash
# Issue 16: where a capped first open's reads go, phase by phase and file by file. Runs
# bench/heap/Phases.java on DUMP in a fresh cgroup (v1 memory controller) limited to LIMIT bytes
# (0: none), page cache dropped first, while perf traces every page added to the page cache;
# prints Phases' table, then per phase the MB each file (the dump, each spill file) brought in.
#   bench/heap/phase-io.sh DUMP LIMIT_BYTES        (root; perf; after ./mvnw package)
# Deletes the index files beside DUMP first (a first open). Writes into target/bench/phase-io/.
set -euo pipefail
DUMP="$1"; LIMIT="$2"
source "$(dirname "$0")/env.sh"
JAR="${INQUEST_JAR:-$ROOT/target/inquest.jar}"
W="$OUT/phase-io"; mkdir -p "$W/classes"
"$JAVA_HOME/bin/javac" -nowarn -cp "$JAR" -d "$W/classes" bench/heap/Phases.java bench/heap/PageCacheByFile.java
rm -f "$DUMP".inquest-index* "$W/phases.log"
cg=/sys/fs/cgroup/memory/inquest-phase-io-$$
sync; echo 3 > /proc/sys/vm/drop_caches
mkdir "$cg"; [ "$LIMIT" != 0 ] && echo "$LIMIT" > "$cg/memory.limit_in_bytes"
perf record -k CLOCK_MONOTONIC -q -a -e filemap:mm_filemap_add_to_page_cache -o "$W/perf.data" 2>/dev/null &
perf_pid=$!
sleep 1
status=0
sh -c 'echo $$ > "$1/cgroup.procs"; shift; exec "$@"' sh "$cg" "$JAVA" -Dphases.log="$W/phases.log" \
  -cp "$JAR:$W/classes" Phases "$DUMP" 2> "$W/phases.txt" || status=$?
kill -INT "$perf_pid"; wait "$perf_pid" || true
echo "cgroup peak $(( $(cat "$cg/memory.max_usage_in_bytes") / 1048576 )) MB" >> "$W/phases.txt"
rmdir "$cg" 2>/dev/null || { sleep 1; rmdir "$cg" 2>/dev/null || true; }
rm -f "$DUMP".inquest-index*
grep -v '^WARNING' "$W/phases.txt"
perf script -i "$W/perf.data" -F time,trace 2>/dev/null | "$JAVA" -cp "$W/classes" PageCacheByFile "$W/phases.log" "$(stat -L -c %i "$DUMP")"
exit "$status"
