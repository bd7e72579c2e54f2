#!/usr/bin/env bash
# How long the window's FX thread is busy, and how long it keeps the user waiting, on the 1 GB
# benchmark dump and on a view's first show in a fresh JVM, under two display set-ups:
#   headless  JavaFX's Headless glass platform, the one the test suite uses (software frames
#             copied into a buffer on the FX thread);
#   x11       a real X11 window (GTK glass) on a virtual X server (Xvfb), software rendering;
#   x11-gl    the same with the OpenGL pipeline on Mesa's llvmpipe (BENCH_GL=1 to add it; a
#             CPU rasterizer sharing the 2 cores, so its waits say nothing about a real GPU).
# Writes target/bench/ui-responsiveness.md (BENCH_OUT to change it); copy the table into
# docs/benchmarks.md.
#
#   bench/ui/responsiveness.sh [ROUNDS]      (default 3 rounds per set-up)
#
# Needs target/bench/heap-scale1.hprof (bench/heap/run.sh makes it) and, for x11, xvfb-run.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
rounds="${1:-3}"
dump=target/bench/heap-scale1.hprof
out="${BENCH_OUT:-target/bench/ui-responsiveness.md}"
[ -s "$dump" ] || { echo "responsiveness: $dump missing; make it with bench/heap/run.sh" >&2; exit 2; }
setups=(headless)
if command -v xvfb-run >/dev/null; then setups+=(x11); else echo "responsiveness: no xvfb-run, x11 skipped" >&2; fi
[ "${BENCH_GL:-0}" = 1 ] && setups+=(x11-gl)
./mvnw -q -B -ntp -o test-compile >&2

run() { # setup, maven arguments...
  local setup=$1; shift
  case $setup in
    headless) ./mvnw -q -B -ntp -o test -Dsurefire.failIfNoSpecifiedTests=false "$@" ;;
    x11) xvfb-run -a -s "-screen 0 1920x1080x24" ./mvnw -q -B -ntp -o test -Dsurefire.failIfNoSpecifiedTests=false \
           "-Dinquest.jvm.flags=-Dglass.platform=gtk -Dprism.order=sw" "$@" ;;
    x11-gl) xvfb-run -a -s "-screen 0 1920x1080x24 +extension GLX" ./mvnw -q -B -ntp -o test -Dsurefire.failIfNoSpecifiedTests=false \
           "-Dinquest.jvm.flags=-Dglass.platform=gtk -Dprism.order=es2 -Dprism.forceGPU=true" "$@" ;;
  esac
}

{
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "Command: bench/ui/responsiveness.sh $rounds"
  echo
  echo "| set-up | round | dominator tree, first show in a fresh JVM (FX CPU / wall) | slowest other first show | expand 535,420 children (FX CPU / wall) | worst filter keystroke | worst view switch | longest wait for the FX thread: expand / filter / switch |"
  echo "|---|---|---|---|---|---|---|---|"
} > "$out"
for setup in "${setups[@]}"; do
  for ((r = 1; r <= rounds; r++)); do
    cold=$(run "$setup" -Dtest=ColdViewsBench -Dinquest.coldProbe=true -Dinquest.coldProbe.idle=2000 2>&1 | grep 'cold first shows' || true)
    dom=$(grep -oP 'DOMINATORS \K[0-9]+/[0-9]+' <<<"$cold" || echo "?")
    other=$(grep -oP '(?<= )[A-Z]+ [0-9]+/[0-9]+' <<<"$cold" | grep -v -e '^DOMINATORS' -e '^OVERVIEW' | sort -t' ' -k2 -n -r | head -1 || true)
    rm -f target/heap-views-bench.txt
    run "$setup" -Dtest='HeapViewsSpeedTest#benchmarkDumpStaysResponsive' -Dinquest.benchDump="$dump" -Dinquest.stallBudget=100000 >/dev/null 2>&1 || true
    rep=$(cat target/heap-views-bench.txt 2>/dev/null || echo "")
    expand=$(grep -oP 'children \K[0-9]+/[0-9]+' <<<"$rep" || echo "?")
    filter=$(grep -oP 'worst filter \K[0-9]+/[0-9]+' <<<"$rep" || echo "?")
    switch=$(grep -oP 'worst view switch \K[0-9]+/[0-9]+' <<<"$rep" || echo "?")
    waits=$(grep -oP 'expand \K[0-9]+, filter [0-9]+, switch [0-9]+' <<<"$rep" | sed 's/, filter / \/ /; s/, switch / \/ /' || echo "?")
    echo "| $setup | $r | $dom ms | ${other:-?} ms | $expand ms | $filter ms | $switch ms | $waits ms |" | tee -a "$out"
  done
done
echo "responsiveness: wrote $out" >&2
