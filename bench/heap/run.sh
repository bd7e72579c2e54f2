#!/usr/bin/env bash
# Issue 3 benchmark: Inquest's heap engine against VisualVM's (the NetBeans profiler library)
# on the same generated heap dump. Writes target/bench/heap-results.md.
#
#   bench/heap/run.sh [--scale N] [--regenerate] [--only inquest|netbeans]
#
# --only reruns one side and takes the other side's figures from its logs of an earlier run
# (--only none rewrites the report from the logs alone).
# --scale 1 (default) is a ~1.1 GB dump of ~15M objects; --scale 4 is ~4x that. The dump is
# generated once by bench/heap/HeapWorkload.java and cached under target/bench/ (never commit it).
# Environment: JAVA_HOME (default temurin 25), INQUEST_JAVA_OPTS, NB_JAVA_OPTS, INQUEST_JAR (default
# target/inquest.jar, built if missing), INQUEST_NOTE (a line added to the results, e.g. which build).
set -euo pipefail

SCALE=1
REGENERATE=0
ONLY=""
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) SCALE="$2"; shift 2 ;;
    --regenerate) REGENERATE=1; shift ;;
    --only) ONLY="$2"; shift 2 ;;
    *) echo "usage: $0 [--scale N] [--regenerate] [--only inquest|netbeans]" >&2; exit 2 ;;
  esac
done

source "$(dirname "$0")/env.sh"
LIB="$OUT/lib"
RESULTS="$OUT/heap-results.md"
INQUEST_JAVA_OPTS="${INQUEST_JAVA_OPTS:--Xmx$(( SCALE + 1 ))g}"
NB_JAVA_OPTS="${NB_JAVA_OPTS:--Xmx$(( SCALE * 2 + 1 ))g}"
mkdir -p "$OUT" "$LIB" "$LOGS"

if [ ! -x /usr/bin/time ]; then
  echo "bench: /usr/bin/time missing; installing it (apt-get install time)" >&2
  apt-get install -y -q time >/dev/null
fi

# 1. The dump (cached).
DUMP="$(heap_dump "$SCALE" "$([ "$REGENERATE" = 1 ] && echo regenerate)")"

# 2. The peer's library (one jar, no runtime dependencies: its pom declares none).
if [ ! -s "$NB_JAR" ]; then
  ./mvnw -q -B -ntp dependency:copy -Dartifact=org.netbeans.modules:org-netbeans-lib-profiler:RELEASE220 \
    -DoutputDirectory="$LIB" >&2
fi

# measure LABEL LOGFILE CMD... -> sets WALL (seconds) and RSS (MB) from /usr/bin/time -v
measure() {
  local label="$1" log="$2"; shift 2
  echo "bench: $label: $*" >&2
  local status=0
  echo "$(cut -d' ' -f1 /proc/loadavg) $(date -u +%H:%M)" > "$log.load"
  /usr/bin/time -v -o "$log.time" "$@" > "$log" 2>&1 || status=$?
  echo "$(cut -d' ' -f1 /proc/loadavg) $(date -u +%H:%M)" >> "$log.load"
  read_time "$log"
  if [ "$status" != 0 ]; then
    echo "bench: $label failed (exit $status), see $log" >&2
    WALL="failed"; RSS="-"; CPU="-"
  fi
}

# read_time LOGFILE -> WALL and RSS from an earlier measurement ("-" when there is none)
read_time() {
  local log="$1"
  WALL="-"; RSS="-"; CPU="-"
  [ -s "$log.time" ] || return 0
  CPU="$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.1f", s }' "$log.time")"
  WALL="$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.1f", s }' "$log.time")"
  RSS="$(awk -F': ' '/Maximum resident set size/ { printf "%d", $2 / 1024 }' "$log.time")"
  if grep -q 'Exit status: [1-9]' "$log.time"; then WALL="failed"; RSS="-"; CPU="-"; fi
}

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

# 3. Ours: first open (builds the index) and reopen (maps the index).
INQUEST_JAR="${INQUEST_JAR:-$ROOT/target/inquest.jar}"
if [ ! -s "$INQUEST_JAR" ]; then
  ./mvnw -q -B -ntp -o package -DskipTests >&2 || true
fi
OURS_NOTE=""
OURS_CMD=("$JAVA" $INQUEST_JAVA_OPTS -jar "$INQUEST_JAR" heap dominators "$DUMP" --top 10 --json)
if [ -n "$ONLY" ] && [ "$ONLY" != inquest ]; then
  read_time "$LOGS/inquest-cold-scale$SCALE.log"; OURS_COLD_WALL="$WALL"; OURS_COLD_RSS="$RSS"; OURS_COLD_CPU="$CPU"
  read_time "$LOGS/inquest-warm-scale$SCALE.log"; OURS_WARM_WALL="$WALL"; OURS_WARM_RSS="$RSS"; OURS_WARM_CPU="$CPU"
elif [ -s "$INQUEST_JAR" ] && "$JAVA" -jar "$INQUEST_JAR" heap dominators --help >/dev/null 2>&1; then
  for f in "$DUMP".inquest* "$OUT"/heap-scale"$SCALE".hprof.idx; do rm -rf "$f" 2>/dev/null || true; done
  measure "inquest first open" "$LOGS/inquest-cold-scale$SCALE.log" "${OURS_CMD[@]}"
  OURS_COLD_WALL="$WALL"; OURS_COLD_RSS="$RSS"; OURS_COLD_CPU="$CPU"
  measure "inquest reopen" "$LOGS/inquest-warm-scale$SCALE.log" "${OURS_CMD[@]}"
  OURS_WARM_WALL="$WALL"; OURS_WARM_RSS="$RSS"; OURS_WARM_CPU="$CPU"
else
  OURS_NOTE="Inquest skipped: \`inquest heap dominators\` is not in target/inquest.jar yet (the HPROF reader is not integrated)."
  echo "bench: $OURS_NOTE" >&2
  OURS_COLD_WALL="-"; OURS_COLD_RSS="-"; OURS_WARM_WALL="-"; OURS_WARM_RSS="-"; OURS_COLD_CPU="-"; OURS_WARM_CPU="-"
fi

# 4. The peer: cold (no .nbcache) and reopen (its .nbcache index from the first run).
NB_CMD=("$JAVA" $NB_JAVA_OPTS -cp "$NB_JAR" bench/heap/NetBeansPeer.java "$DUMP")
if [ -n "$ONLY" ] && [ "$ONLY" != netbeans ]; then
  read_time "$LOGS/nb-cold-scale$SCALE.log"; NB_COLD_WALL="$WALL"; NB_COLD_RSS="$RSS"; NB_COLD_CPU="$CPU"
  read_time "$LOGS/nb-warm-scale$SCALE.log"; NB_WARM_WALL="$WALL"; NB_WARM_RSS="$RSS"; NB_WARM_CPU="$CPU"
else
  rm -rf "$DUMP.nbcache"
  measure "netbeans first open" "$LOGS/nb-cold-scale$SCALE.log" "${NB_CMD[@]}"
  NB_COLD_WALL="$WALL"; NB_COLD_RSS="$RSS"; NB_COLD_CPU="$CPU"
  measure "netbeans reopen" "$LOGS/nb-warm-scale$SCALE.log" "${NB_CMD[@]}"
  NB_WARM_WALL="$WALL"; NB_WARM_RSS="$RSS"; NB_WARM_CPU="$CPU"
fi
OBJECTS="$(grep -o '[0-9,]* live instances, [0-9,]* live bytes' "$LOGS/nb-cold-scale$SCALE.log" | head -1 || true)"
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

ratio() {
  if [[ "$1" =~ ^[0-9.]+$ && "$2" =~ ^[0-9.]+$ ]] && awk "BEGIN { exit !($2 > 0) }"; then
    awk "BEGIN { printf \"%.1fx\", $1 / $2 }"
  else
    echo "-"
  fi
}

{
  echo "## Heap dump: dominator tree and biggest retained sizes (issue 3), scale $SCALE"
  echo
  echo "- Machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(free -g | awk '/Mem:/ { print $2 }') GB RAM; shared with other jobs (load average $LOAD_BEFORE when this script started, $LOAD_AFTER when it ended), so times are upper bounds."
  echo "- JDK: $("$JAVA" -version 2>&1 | head -1)"
  echo "- Dump: \`${DUMP#$ROOT/}\`, $(stat -L -c %s "$DUMP" | numfmt --grouping) bytes, written by \`bench/heap/HeapWorkload.java\` (scale $SCALE; NetBeans counts ${OBJECTS:-?})."
  echo "- Inquest: \`java ${INQUEST_JAVA_OPTS} -jar target/inquest.jar heap dominators DUMP --top 10 --json\`"
  echo "- Peer: NetBeans profiler library RELEASE220 (VisualVM's heap engine), \`java ${NB_JAVA_OPTS} -cp org-netbeans-lib-profiler-RELEASE220.jar bench/heap/NetBeansPeer.java DUMP\` (\`HeapFactory.createHeap\`, \`getSummary\`, \`getBiggestObjectsByRetainedSize(10)\`)."
  echo "- Measured with \`/usr/bin/time -v\`: wall clock, CPU (user + system, all threads; on a loaded machine the fairer figure) and maximum resident set size (which counts touched pages of mapped files)."
  [ -n "$OURS_NOTE" ] && { echo "- $OURS_NOTE"; }
  [ -n "${INQUEST_NOTE:-}" ] && { echo "- $INQUEST_NOTE"; }
  [ -n "$ONLY" ] && { echo "- Only ${ONLY/none/the report} was redone this time; the other figures come from the logs of earlier runs (\`target/bench/heap-logs/\`)."; }
  loads=""
  for run in inquest-cold inquest-warm nb-cold nb-warm; do
    f="$LOGS/$run-scale$SCALE.log.load"
    [ -s "$f" ] && loads="$loads $run $(head -1 "$f" | cut -d' ' -f1)→$(tail -1 "$f" | cut -d' ' -f1) (UTC $(head -1 "$f" | cut -d' ' -f2));"
  done
  [ -n "$loads" ] && echo "- 1-minute load average at start→end of each run:$loads"
  echo
  echo "| run | Inquest wall (s) | Inquest CPU (s) | Inquest peak RSS (MB) | NetBeans wall (s) | NetBeans CPU (s) | NetBeans peak RSS (MB) | NetBeans / Inquest wall | NetBeans / Inquest CPU |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  echo "| first open (builds index) | $OURS_COLD_WALL | $OURS_COLD_CPU | $OURS_COLD_RSS | $NB_COLD_WALL | $NB_COLD_CPU | $NB_COLD_RSS | $(ratio "$NB_COLD_WALL" "$OURS_COLD_WALL") | $(ratio "$NB_COLD_CPU" "$OURS_COLD_CPU") |"
  echo "| reopen (from index) | $OURS_WARM_WALL | $OURS_WARM_CPU | $OURS_WARM_RSS | $NB_WARM_WALL | $NB_WARM_CPU | $NB_WARM_RSS | $(ratio "$NB_WARM_WALL" "$OURS_WARM_WALL") | $(ratio "$NB_WARM_CPU" "$OURS_WARM_CPU") |"
  echo
  echo "Inquest's figures: \`target/bench/heap-logs/inquest-*\`; NetBeans' own step times (first open):"
  echo
  echo '```'
  grep -E '^(open|biggest|total|  )' "$LOGS/nb-cold-scale$SCALE.log" || true
  echo '```'
  if [ -z "$OURS_NOTE" ]; then
    echo
    echo "Inquest's top 10 (first open):"
    echo
    echo '```'
    head -c 4000 "$LOGS/inquest-cold-scale$SCALE.log"
    echo
    echo '```'
  fi
} > "$RESULTS"
echo "bench: wrote $RESULTS" >&2
cat "$RESULTS"
