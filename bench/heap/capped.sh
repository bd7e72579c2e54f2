#!/usr/bin/env bash
# Issue 16 benchmark: Inquest's first open of a heap dump, uncapped and under a real memory limit
# (a cgroup, counting the whole process as the kernel does, page cache included), at scales 1, 2
# and 4 of bench/heap/HeapWorkload.java. NetBeans' library (VisualVM) runs the same dumps where it
# can run at all. Writes target/bench/heap-capped-results.md.
#
#   bench/heap/capped.sh [--scales "1 2 4"] [--divisor 3] [--peer] [--only capped|uncapped|none]
#
# --only reruns one mode of Inquest (none: no run at all) and rewrites the report from the logs
# of earlier runs; with --peer, NetBeans' runs are redone too.
# Needs root and cgroup v1's memory controller at /sys/fs/cgroup/memory (or v2 at /sys/fs/cgroup).
# Each run starts with the page cache dropped (a cached dump would be charged to whoever read it
# first, not to the capped run). Dumps are generated once and cached under target/bench/.
# Environment: JAVA_HOME (default temurin 25), INQUEST_JAR (default target/inquest.jar).
set -euo pipefail

SCALES="1 2 4"
DIVISOR=3
PEER=0
ONLY=""
while [ $# -gt 0 ]; do
  case "$1" in
    --scales) SCALES="$2"; shift 2 ;;
    --divisor) DIVISOR="$2"; shift 2 ;;
    --peer) PEER=1; shift ;;
    --only) ONLY="$2"; shift 2 ;;
    *) echo "usage: $0 [--scales \"1 2 4\"] [--divisor 3] [--peer] [--only capped|uncapped]" >&2; exit 2 ;;
  esac
done

source "$(dirname "$0")/env.sh"
RESULTS="$OUT/heap-capped-results.md"
INQUEST_JAR="${INQUEST_JAR:-$ROOT/target/inquest.jar}"
[ -x /usr/bin/time ] || apt-get install -y -q time >/dev/null
[ -s "$INQUEST_JAR" ] || ./mvnw -q -B -ntp package -DskipTests >&2

if [ -d /sys/fs/cgroup/memory ]; then CG_V=1; CG_ROOT=/sys/fs/cgroup/memory; else CG_V=2; CG_ROOT=/sys/fs/cgroup; fi

# run LABEL LIMIT_BYTES(0 = none) CMD... -> a log with /usr/bin/time -v and the cgroup's counters
run() {
  local label="$1" limit="$2"; shift 2
  local log="$LOGS/capped-$label.log" cg="$CG_ROOT/inquest-bench-$$"
  sync; echo 3 > /proc/sys/vm/drop_caches
  mkdir "$cg"
  if [ "$CG_V" = 1 ]; then
    [ "$limit" != 0 ] && echo "$limit" > "$cg/memory.limit_in_bytes"
  else
    [ "$limit" != 0 ] && echo "$limit" > "$cg/memory.max"
  fi
  echo "bench: $label (limit $limit): $*" >&2
  local status=0
  # A run that thrashes is stopped after RUN_TIMEOUT seconds (default 20 minutes) and reported so.
  sh -c 'echo $$ > "$1/cgroup.procs"; shift; exec "$@"' sh "$cg" /usr/bin/time -v -o "$log.time" \
    timeout -s KILL "${RUN_TIMEOUT:-1200}" "$@" > "$log" 2> "$log.err" || status=$?
  {
    echo "exit $status"
    if [ "$CG_V" = 1 ]; then
      echo "cgroup_peak $(cat "$cg/memory.max_usage_in_bytes")"
      echo "cgroup_failcnt $(cat "$cg/memory.failcnt")"
      grep -E '^(oom_kill) ' "$cg/memory.oom_control" | sed 's/^/cgroup_/' || true
      grep -E '^total_(pgmajfault|pgpgin|pgpgout) ' "$cg/memory.stat" | sed 's/^total_/cgroup_/'
    else
      echo "cgroup_peak $(cat "$cg/memory.peak" 2>/dev/null || echo -)"
      grep -E '^oom_kill ' "$cg/memory.events" | sed 's/^/cgroup_/' || true
      grep -E '^pgmajfault ' "$cg/memory.stat" | sed 's/^/cgroup_/' || true
    fi
  } > "$log.cg"
  rmdir "$cg" 2>/dev/null || { sleep 1; rmdir "$cg" 2>/dev/null || true; }
}

field() { awk -F': ' -v k="$2" 'index($0, k) { print $2; exit }' "$1"; }
cg() { awk -v k="$2" '$1 == k { print $2 }' "$1"; }

row() { # LABEL SCALE LIMIT -> a table row from the logs
  local label="$1" log="$LOGS/capped-$1.log"
  [ -s "$log.time" ] || { echo "| $2 | $3 | (not run) | | | | | | | |"; return; }
  local wall cpu rss maj fin fout peak status files
  wall="$(field "$log.time" 'Elapsed (wall clock)' | awk '{ n = split($1, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.1f", s }')"
  cpu="$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.1f", s }' "$log.time")"
  rss="$(( $(field "$log.time" 'Maximum resident set size') / 1024 ))"
  maj="$(field "$log.time" 'Major (requiring I/O) page faults')"
  fin="$(( $(field "$log.time" 'File system inputs') / 2048 ))"
  fout="$(( $(field "$log.time" 'File system outputs') / 2048 ))"
  peak="$(cg "$log.cg" cgroup_peak)"; peak="$(( ${peak:-0} / 1048576 ))"
  status="$(cg "$log.cg" exit)"
  files="$(cat "$log.files" 2>/dev/null || echo -)"
  if [ "$status" != 0 ]; then
    local why="exit $status"
    [ "$(cg "$log.cg" cgroup_oom_kill)" != "" ] && [ "$(cg "$log.cg" cgroup_oom_kill)" != 0 ] && why="killed by the kernel: out of memory"
    [ "$status" = 137 ] && [ "$why" = "exit 137" ] && why="stopped after ${RUN_TIMEOUT:-1200} s"
    grep -q 'OutOfMemoryError' "$log" "$log.err" && why="$why: OutOfMemoryError"
    grep -q '^inquest: ' "$log.err" && why="$why: $(grep -m1 '^inquest: ' "$log.err" | cut -c1-160)"
    echo "| $2 | $3 | failed ($why) | $cpu | $rss | $peak | $maj | $fin | $fout | - |"
  else
    echo "| $2 | $3 | $wall | $cpu | $rss | $peak | $maj | $fin | $fout | $files |"
  fi
}

mb() { echo "$(( $1 / 1048576 ))"; }

for s in $SCALES; do
  DUMP="$(heap_dump "$s")"
  SIZE="$(stat -L -c %s "$DUMP")"
  LIMIT="$(( SIZE / DIVISOR ))"
  # The trace flag adds the dominator steps' times and the spill files' peak to stderr (the log's end).
  CMD=("$JAVA" -Dinquest.graph.trace=true -jar "$INQUEST_JAR" heap dominators "$DUMP" --top 10 --json)
  for mode in uncapped capped; do
    [ -n "$ONLY" ] && [ "$ONLY" != "$mode" ] && continue
    rm -f "$DUMP".inquest-index*
    lim=0; [ "$mode" = capped ] && lim="$LIMIT"
    run "inquest-$mode-scale$s" "$lim" "${CMD[@]}"
    du -cb "$DUMP".inquest-index* 2>/dev/null | awk '/total/ { printf "%d MB", $1 / 1048576 }' > "$LOGS/capped-inquest-$mode-scale$s.log.files" || true
  done
  if [ "$PEER" = 1 ] && [ "$ONLY" != none ]; then
    rm -rf "$DUMP.nbcache"
    run "netbeans-uncapped-scale$s" 0 "$JAVA" "-Xmx$(( s * 2 + 1 ))g" -cp "$NB_JAR" bench/heap/NetBeansPeer.java "$DUMP"
    rm -rf "$DUMP.nbcache"
    run "netbeans-capped-scale$s" "$LIMIT" "$JAVA" -cp "$NB_JAR" bench/heap/NetBeansPeer.java "$DUMP"
    rm -rf "$DUMP.nbcache"
  fi
done

{
  echo "## Heap dump bigger than memory: first open uncapped and under a cgroup memory limit (issue 16)"
  echo
  echo "- Machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(free -g | awk '/Mem:/ { print $2 }') GB RAM, no swap; cgroup v$CG_V memory controller; kernel $(uname -r)."
  echo "- JDK: $("$JAVA" -version 2>&1 | head -1)"
  echo "- Command: \`bench/heap/capped.sh --scales \"$SCALES\" --divisor $DIVISOR$([ "$PEER" = 1 ] && echo ' --peer')\`. Each run: page cache dropped, then \`java -jar target/inquest.jar heap dominators DUMP --top 10 --json\` (no -Xmx: the JVM sizes its heap from the limit it sees) in a fresh cgroup, limited to 1/$DIVISOR of the dump's size for \"capped\"."
  echo "- Spill files (the capped runs' scratch files, from the trace on stderr): $(for s in $SCALES; do e="$LOGS/capped-inquest-capped-scale$s.log.err"; [ -s "$e" ] && printf 'scale %s: %s; ' "$s" "$(grep -m1 'spill files' "$e" | sed 's/^ *spill files: //')"; done)"
  echo "- Wall and CPU (user + system) and max RSS from \`/usr/bin/time -v\`; cgroup peak is the kernel's \`memory.max_usage_in_bytes\` (process plus the page cache it caused); major faults; MB read from and written to disk (the file system's block counts); files: what the open left beside the dump."
  echo
  echo "| Run | Scale | Limit MB | Wall s | CPU s | Max RSS MB | cgroup peak MB | Major faults | Read MB | Written MB | Files beside |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  for s in $SCALES; do
    DUMP="$OUT/heap-scale$s.hprof"
    [ -s "$DUMP" ] || continue
    LIMIT_MB="$(mb "$(( $(stat -L -c %s "$DUMP") / DIVISOR ))")"
    for who in inquest netbeans; do
      for mode in uncapped capped; do
        l=-; [ "$mode" = capped ] && l="$LIMIT_MB"
        [ -s "$LOGS/capped-$who-$mode-scale$s.log.time" ] || continue
        printf '| %s %s ' "$who" "$mode"
        row "$who-$mode-scale$s" "$s ($(( $(stat -L -c %s "$DUMP") / 1048576 )) MB)" "$l"
      done
    done
  done
  echo
  for s in $SCALES; do
    a="$LOGS/capped-inquest-uncapped-scale$s.log"; b="$LOGS/capped-inquest-capped-scale$s.log"
    if [ -s "$a" ] && [ -s "$b" ]; then
      if cmp -s "$a" "$b"; then echo "- Scale $s: the capped run's output (top 10 dominators, used heap, counts) is byte-identical to the uncapped run's."
      else echo "- Scale $s: the capped run's output DIFFERS from the uncapped run's."; fi
    fi
  done
} > "$RESULTS"
cat "$RESULTS"
