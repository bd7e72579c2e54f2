# Shared by the heap benchmarks (sourced): the JDK, the output folders, and the generated dumps.
# Environment: JAVA_HOME (default temurin 25).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
OUT="$ROOT/target/bench"
LOGS="$OUT/heap-logs"
NB_JAR="$OUT/lib/org-netbeans-lib-profiler-RELEASE220.jar"
mkdir -p "$OUT" "$LOGS"

# heap_dump SCALE [regenerate] -> prints the path of bench/heap/HeapWorkload.java's dump at that
# scale, generating it once (cached under target/bench/; never commit it).
heap_dump() {
  local scale="$1" dump="$OUT/heap-scale$1.hprof"
  if [ "${2:-}" = regenerate ] || [ ! -s "$dump" ]; then
    echo "bench: generating $dump (scale $scale, -Xmx$(( scale * 2 + 4 ))g)" >&2
    "$JAVA" "-Xmx$(( scale * 2 + 4 ))g" bench/heap/HeapWorkload.java "$dump" "$scale" > "$LOGS/generate-scale$scale.log" 2>&1
    rm -rf "$dump.nbcache"
  fi
  echo "$dump"
}
