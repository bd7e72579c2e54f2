#!/usr/bin/env bash
# Issue 18 benchmark: a dump's first open in the window against the command line's on the same
# generated dump and the same JVM options. The window's open runs headless through the code path a
# user's open takes (bench/heap/WindowOpen.java: MainWindow.open, the opening tab, the document)
# and counts until the views are ready; the command line's is `inquest heap summary DUMP`, process
# start to end. Each run starts without the dump's index (a first open) and with the dump in the
# page cache (read once before).
#
#   bench/heap/window-open.sh [--scale N]                        the plain jar's classes (default)
#   bench/heap/window-open.sh [--scale N] --shipped APP_IMAGE    both sides as the app image ships them
#
# --scale N: default 1, the ~1.1 GB dump, 15M objects. Writes target/bench/window-open-results.md
# (--shipped: window-open-shipped-results.md).
#
# The jar mode runs target/classes and the runtime dependencies on JAVA_HOME's java with
# INQUEST_JAVA_OPTS (default -Xmx(N+1)g) on both sides. The shipped mode takes an app image built by
# `./mvnw -Pinstaller package -Dinstaller.skipNative=true` (target/installer/Inquest): the command
# line is the image's launcher (`bin/Inquest heap summary DUMP`, as a user types it, the options of
# its Inquest.cfg, the trained AOT cache included); the window is the image's runtime
# (lib/runtime/bin/java) with the same Inquest.cfg options and class path, plus WindowOpen's class
# appended (JEP 483: a run's class path may extend the training's). Both sides run with
# -XX:AOTMode=on, so a cache the JVM rejects stops the benchmark instead of measuring a start
# without it, and log -Xlog:aot to a file, checked for "Using AOT-linked classes: true".
set -euo pipefail

SCALE=1
SHIPPED=""
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) SCALE="$2"; shift 2 ;;
    --shipped) SHIPPED="$(cd "$2" && pwd)"; shift 2 ;;
    *) echo "usage: $0 [--scale N] [--shipped APP_IMAGE_DIR]" >&2; exit 2 ;;
  esac
done

source "$(dirname "$0")/env.sh"
[ -x /usr/bin/time ] || apt-get install -y -q time >/dev/null
DUMP="$(heap_dump "$SCALE")"

if [ -z "$SHIPPED" ]; then
  RESULTS="$OUT/window-open-results.md"
  TAG=window-open
  JAVA_OPTS="${INQUEST_JAVA_OPTS:--Xmx$(( SCALE + 1 ))g}"
  ./mvnw -q -B -ntp -o compile >&2
  ./mvnw -q -B -ntp -o dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$OUT/window-open.cp" >&2
  CP="$ROOT/target/classes:$(cat "$OUT/window-open.cp")"
  CLASSES="$OUT/window-open-classes"
  # Compiled ahead, not run as a source file: the source launcher's compiler would run, and be
  # compiled by the JIT, in the measured process.
  "$JAVA_HOME/bin/javac" -d "$CLASSES" -cp "$CP" "$ROOT/bench/heap/WindowOpen.java"
  CLI_CMD=("$JAVA" $JAVA_OPTS -cp "$CP" dev.inquest.Main heap summary "$DUMP")
  UI_CMD=("$JAVA" $JAVA_OPTS -Dglass.platform=Headless -Dprism.order=sw -Djava.awt.headless=true
    --enable-native-access=ALL-UNNAMED -cp "$CLASSES:$CP" WindowOpen "$DUMP")
  BOTH="\`java $JAVA_OPTS\`, the same classes (target/classes and the runtime dependencies). Command line: \`inquest heap summary DUMP\`, process start to exit."
else
  RESULTS="$OUT/window-open-shipped-results.md"
  TAG=window-open-shipped
  LAUNCHER="$SHIPPED/bin/Inquest"
  CFG="$SHIPPED/lib/app/Inquest.cfg"
  RUNTIME_JAVA="$SHIPPED/lib/runtime/bin/java"
  for f in "$LAUNCHER" "$CFG" "$RUNTIME_JAVA"; do
    [ -e "$f" ] || { echo "bench: $SHIPPED is not a Linux app image: no $f" >&2; exit 2; }
  done
  APPDIR="$SHIPPED/lib/app"
  # The launcher's own reading of Inquest.cfg: $APPDIR is the folder of the .cfg.
  IMAGE_CP="$(sed -n 's/^app\.classpath=//p' "$CFG" | sed "s|\\\$APPDIR|$APPDIR|g" | paste -sd:)"
  MAIN_CLASS="$(sed -n 's/^app\.mainclass=//p' "$CFG")"
  mapfile -t IMAGE_OPTS < <(sed -n 's/^java-options=//p' "$CFG" | sed "s|\\\$APPDIR|$APPDIR|g")
  CACHE="$(printf '%s\n' "${IMAGE_OPTS[@]}" | sed -n 's/^-XX:AOTCache=//p')"
  if [ -z "$CACHE" ] || [ ! -s "$CACHE" ]; then
    echo "bench: $CFG names no AOT cache, or the cache is missing (the image's training failed?): nothing shipped to measure" >&2
    exit 1
  fi
  CLASSES="$OUT/window-open-shipped-classes"
  # Against the image's own jar: what the window side runs is exactly the shipped classes.
  "$JAVA_HOME/bin/javac" -d "$CLASSES" -cp "$IMAGE_CP" "$ROOT/bench/heap/WindowOpen.java"
  AOT_CHECK="-XX:AOTMode=on"
  # The launcher takes no JVM options of its own on its command line: JAVA_TOOL_OPTIONS reaches its JVM.
  CLI_CMD=(env "JAVA_TOOL_OPTIONS=$AOT_CHECK -Xlog:aot:file=$LOGS/$TAG-cli.aot.log" "$LAUNCHER" heap summary "$DUMP")
  # The training's own JavaFX settings (installer/AotTraining.java), so the same classes load.
  UI_CMD=("$RUNTIME_JAVA" "${IMAGE_OPTS[@]}" $AOT_CHECK "-Xlog:aot:file=$LOGS/$TAG-ui.aot.log"
    -Dglass.platform=Headless -Dprism.order=sw -Djava.awt.headless=true -cp "$IMAGE_CP:$CLASSES" WindowOpen "$DUMP")
  BOTH="as the app image \`${SHIPPED#$ROOT/}\` ships them: its runtime (\`$("$RUNTIME_JAVA" -version 2>&1 | sed -n 2p)\`), the options of its Inquest.cfg (\`$(printf '%s ' "${IMAGE_OPTS[@]}" | sed "s|$APPDIR|\$APPDIR|g; s/ $//")\`) and its trained cache (\`${CACHE#$SHIPPED/}\`, $(stat -c %s "$CACHE" | numfmt --grouping) bytes), checked mapped on both sides (\`-XX:AOTMode=on\`, \`-Xlog:aot\`: \"Using AOT-linked classes: true\"). Command line: the image's launcher, \`bin/Inquest heap summary DUMP\`, process start to exit. Window: \`lib/runtime/bin/java\` with the image's class path plus WindowOpen's class."
  [ "$MAIN_CLASS" = dev.inquest.Main ] || echo "bench: note: the image's main class is $MAIN_CLASS" >&2
fi

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
aot_used() { # the JVM's -Xlog:aot file -> fails unless the cache's classes were used
  [ -z "$SHIPPED" ] && return 0
  if ! grep -q 'Using AOT-linked classes: true' "$1"; then
    echo "bench: the AOT cache was not used ($1):" >&2
    grep -E 'error|warning|AOT-linked' "$1" >&2 || true
    exit 1
  fi
}

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

fresh
echo "bench: command line: heap summary $DUMP${SHIPPED:+ (${CLI_CMD[*]})}" >&2
if ! /usr/bin/time -v -o "$LOGS/$TAG-cli.time" "${CLI_CMD[@]}" > "$LOGS/$TAG-cli.log" 2>&1; then
  echo "bench: the command line failed:" >&2; tail -5 "$LOGS/$TAG-cli.log" >&2; exit 1
fi
aot_used "$LOGS/$TAG-cli.aot.log"
CLI_WALL="$(wall "$LOGS/$TAG-cli.time")"; CLI_CPU="$(cpu "$LOGS/$TAG-cli.time")"

fresh
echo "bench: window: open $DUMP (headless)${SHIPPED:+ (${UI_CMD[*]})}" >&2
if ! /usr/bin/time -v -o "$LOGS/$TAG-ui.time" "${UI_CMD[@]}" > "$LOGS/$TAG-ui.log" 2>&1; then
  echo "bench: the window's open failed:" >&2; tail -5 "$LOGS/$TAG-ui.log" >&2; exit 1
fi
aot_used "$LOGS/$TAG-ui.aot.log"
UI_WALL="$(wall "$LOGS/$TAG-ui.time")"; UI_CPU="$(cpu "$LOGS/$TAG-ui.time")"
UI_READY="$(awk '/^views-ready-ms/ { printf "%.1f", $2 / 1000 }' "$LOGS/$TAG-ui.log")"
UI_TAB="$(awk '/^tab-appeared-ms/ { print $2 }' "$LOGS/$TAG-ui.log")"
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
RATIO="$(awk "BEGIN { printf \"%.2f\", $UI_READY / $CLI_WALL }")"

{
  echo "## First open: window against command line (issue 18), scale $SCALE${SHIPPED:+, as shipped (app image)}"
  echo
  echo "- Machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(free -g | awk '/Mem:/ { print $2 }') GB RAM; load average $LOAD_BEFORE at the start, $LOAD_AFTER at the end (shared with other jobs: times are upper bounds)."
  echo "- Dump: \`${DUMP#$ROOT/}\`, $(stat -L -c %s "$DUMP" | numfmt --grouping) bytes (\`bench/heap/HeapWorkload.java\`, scale $SCALE); no index before either run; the dump in the page cache."
  echo "- Both: $BOTH Window: \`bench/heap/WindowOpen.java\` (headless), from \`MainWindow.open\` to the views' tab; the opening tab appeared after ${UI_TAB} ms."
  echo "- Command: \`bench/heap/window-open.sh --scale $SCALE${SHIPPED:+ --shipped ${SHIPPED#$ROOT/}}\`."
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
  grep '^phase ' "$LOGS/$TAG-ui.log" | sed 's/^phase //'
  echo '```'
} > "$RESULTS"
cat "$RESULTS"
