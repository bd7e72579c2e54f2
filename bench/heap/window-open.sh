#!/usr/bin/env bash
# Issue 18 benchmark: a dump's first open in the window against the command line's on the same
# generated dump and the same JVM options. The window's open runs headless through the code path a
# user's open takes (bench/heap/WindowOpen.java: MainWindow.open, the opening tab, the document)
# and counts until the views are ready; the command line's is `inquest heap summary DUMP`, process
# start to end. Each run starts without the dump's index (a first open) and with the dump in the
# page cache (read once before). Writes target/bench/window-open-results.md.
#
#   bench/heap/window-open.sh [--scale N]        (default 1: the ~1.1 GB dump, 15M objects)
#
# Environment: JAVA_HOME (default temurin 25), INQUEST_JAVA_OPTS (default -Xmx(N+1)g, both sides).
set -euo pipefail

SCALE=1
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) SCALE="$2"; shift 2 ;;
    *) echo "usage: $0 [--scale N]" >&2; exit 2 ;;
  esac
done

source "$(dirname "$0")/env.sh"
RESULTS="$OUT/window-open-results.md"
JAVA_OPTS="${INQUEST_JAVA_OPTS:--Xmx$(( SCALE + 1 ))g}"
[ -x /usr/bin/time ] || apt-get install -y -q time >/dev/null

DUMP="$(heap_dump "$SCALE")"
./mvnw -q -B -ntp -o compile >&2
./mvnw -q -B -ntp -o dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$OUT/window-open.cp" >&2
CP="$ROOT/target/classes:$(cat "$OUT/window-open.cp")"
# Compiled ahead, not run as a source file: the source launcher's compiler would run, and be
# compiled by the JIT, in the measured process.
"$JAVA_HOME/bin/javac" -d "$OUT/window-open-classes" -cp "$CP" "$ROOT/bench/heap/WindowOpen.java"

wall() { # /usr/bin/time -v's log -> seconds
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.1f", s }' "$1"
}
cpu() {
  awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.1f", s }' "$1"
}
fresh() { # a first open: no index beside the dump (nor in the cache folder), the dump's pages cached
  rm -f "$DUMP".inquest-index* "$HOME"/.cache/inquest/*"$(basename "$DUMP")"*.inquest-index* 2>/dev/null || true
  cat "$DUMP" > /dev/null
}

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

fresh
echo "bench: command line: heap summary $DUMP" >&2
/usr/bin/time -v -o "$LOGS/window-open-cli.time" "$JAVA" $JAVA_OPTS -cp "$CP" dev.inquest.Main heap summary "$DUMP" \
  > "$LOGS/window-open-cli.log" 2>&1
CLI_WALL="$(wall "$LOGS/window-open-cli.time")"; CLI_CPU="$(cpu "$LOGS/window-open-cli.time")"

fresh
echo "bench: window: open $DUMP (headless)" >&2
/usr/bin/time -v -o "$LOGS/window-open-ui.time" "$JAVA" $JAVA_OPTS -Dglass.platform=Headless -Dprism.order=sw \
  -Djava.awt.headless=true --enable-native-access=ALL-UNNAMED -cp "$OUT/window-open-classes:$CP" WindowOpen "$DUMP" \
  > "$LOGS/window-open-ui.log" 2>&1
UI_WALL="$(wall "$LOGS/window-open-ui.time")"; UI_CPU="$(cpu "$LOGS/window-open-ui.time")"
UI_READY="$(awk '/^views-ready-ms/ { printf "%.1f", $2 / 1000 }' "$LOGS/window-open-ui.log")"
UI_TAB="$(awk '/^tab-appeared-ms/ { print $2 }' "$LOGS/window-open-ui.log")"
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
RATIO="$(awk "BEGIN { printf \"%.2f\", $UI_READY / $CLI_WALL }")"

{
  echo "## First open: window against command line (issue 18), scale $SCALE"
  echo
  echo "- Machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(free -g | awk '/Mem:/ { print $2 }') GB RAM; load average $LOAD_BEFORE at the start, $LOAD_AFTER at the end (shared with other jobs: times are upper bounds)."
  echo "- Dump: \`${DUMP#$ROOT/}\`, $(stat -L -c %s "$DUMP" | numfmt --grouping) bytes (\`bench/heap/HeapWorkload.java\`, scale $SCALE); no index before either run; the dump in the page cache."
  echo "- Both: \`java $JAVA_OPTS\`, the same classes. Command line: \`inquest heap summary DUMP\`, process start to exit. Window: \`bench/heap/WindowOpen.java\` (headless), from \`MainWindow.open\` to the views' tab; the opening tab appeared after ${UI_TAB} ms."
  echo
  echo "| open | wall (s) | CPU of the process (s) |"
  echo "|---|---:|---:|"
  echo "| command line, \`heap summary\` (whole process) | $CLI_WALL | $CLI_CPU |"
  echo "| window, open to views ready | $UI_READY | - |"
  echo "| window, whole process (JavaFX start-up included) | $UI_WALL | $UI_CPU |"
  echo
  echo "Window / command line: **${RATIO}x** (open to views ready, against the command line's whole process)."
  echo
  echo "Phases as the opening page showed them (the last one's time is when it was last seen):"
  echo
  echo '```'
  grep '^phase ' "$LOGS/window-open-ui.log" | sed 's/^phase //'
  echo '```'
} > "$RESULTS"
cat "$RESULTS"
