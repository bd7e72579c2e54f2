#!/usr/bin/env bash
# Allocation flame tree: Inquest against async-profiler's converter (the peer) on the same
# ~250 MB recording. Writes target/bench/jfr-results.md. See docs/notes/jfr-engine.md.
#
#   bench/jfr/run.sh            # generate the recording once (cached), build, run 3 rounds
#   ROUNDS=5 bench/jfr/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
B=target/bench
REC=$B/alloc-250m.jfr
CONVERTER=$B/lib/jfr-converter-4.1.jar
ROUNDS=${ROUNDS:-3}
mkdir -p "$B/lib" "$B/out"

if [ ! -x /usr/bin/time ]; then
  echo "needs GNU time (/usr/bin/time): apt-get install time" >&2
  exit 1
fi

if [ ! -f "$REC" ]; then
  # Profile settings with allocation-profiling=high and gc=high (which turns on the TLAB
  # events); small fixed TLABs make the TLAB events dense, so the file reaches ~250 MB in a
  # couple of minutes. The generator stops when the recording's reported size reaches the target
  # (the dumped file ends up 1.05-1.4x larger: the last chunk is not counted).
  echo "generating $REC (once) ..." >&2
  start=$(date +%s)
  "$JAVA" -Xmx512m -XX:TLABSize=2k -XX:-ResizeTLAB \
    "-XX:StartFlightRecording:settings=profile,allocation-profiling=high,gc=high,maxsize=2g,filename=$REC.tmp" \
    bench/jfr/AllocGenerator.java 230 900 >&2
  mv "$REC.tmp" "$REC"
  echo "generated in $(( $(date +%s) - start )) s" > "$B/generate.txt"
fi

if [ ! -f target/inquest.jar ]; then
  ./mvnw -q -B -ntp -o package -DskipTests
fi
if [ ! -f "$CONVERTER" ]; then
  ./mvnw -q -B -ntp dependency:copy -Dartifact=tools.profiler:jfr-converter:4.1 -DoutputDirectory="$B/lib"
fi

PEER_CMD=("$JAVA" -jar "$CONVERTER" --alloc --total -o collapsed "$REC" "$B/out/peer.collapsed")
OURS_CMD=("$JAVA" -jar target/inquest.jar jfr flame "$REC" --event alloc --collapsed "$B/out/ours.collapsed")
# Informational: the same with C2 left on (-Dinquest.c2=true). By default the CLI keeps runs over
# inputs under 1 GB on C1 (see ShortRunJit): C2 costs more CPU than it saves in a run of seconds.
OURS_C1_CMD=("$JAVA" -Dinquest.c2=true -jar target/inquest.jar jfr flame "$REC" --event alloc --collapsed "$B/out/ours-c1.collapsed")

# "seconds kilobytes" from GNU time -v output
measure() {
  local log=$1; shift
  /usr/bin/time -v -o "$log" "$@" > /dev/null 2>&1
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  echo "$wall $rss"
}

peer_t=(); peer_m=(); ours_t=(); ours_m=(); c1_t=(); c1_m=()
for i in $(seq 1 "$ROUNDS"); do
  read -r t m < <(measure "$B/out/peer-$i.time" "${PEER_CMD[@]}"); peer_t+=("$t"); peer_m+=("$m")
  read -r t m < <(measure "$B/out/ours-$i.time" "${OURS_CMD[@]}"); ours_t+=("$t"); ours_m+=("$m")
  read -r t m < <(measure "$B/out/ours-c1-$i.time" "${OURS_C1_CMD[@]}"); c1_t+=("$t"); c1_m+=("$m")
  echo "round $i: peer ${peer_t[-1]} s ${peer_m[-1]} KB, ours ${ours_t[-1]} s ${ours_m[-1]} KB, ours C2 on ${c1_t[-1]} s" >&2
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
total() { awk '{s+=$NF} END {printf "%.0f", s}' "$1"; }

pt=$(median "${peer_t[@]}"); pm=$(median "${peer_m[@]}")
ot=$(median "${ours_t[@]}"); om=$(median "${ours_m[@]}")
ratio=$(awk -v o="$ot" -v p="$pt" 'BEGIN {printf "%.2f", o/p}')
ct=$(median "${c1_t[@]}"); cm=$(median "${c1_m[@]}")
c1ratio=$(awk -v o="$ct" -v p="$pt" 'BEGIN {printf "%.2f", o/p}')
# user CPU seconds, median, from the time logs
cpu() { for f in "$@"; do awk -F': ' '/User time/ {print $2}' "$f"; done | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
pu=$(cpu "$B"/out/peer-*.time); ou=$(cpu "$B"/out/ours-[0-9]*.time); cu=$(cpu "$B"/out/ours-c1-*.time)

# Totals: the converter adds jdk.ObjectAllocationSample and the TLAB events (every byte counted
# twice on JDK 16+); Inquest uses the samples alone. --alloc-events all reproduces the peer's sum.
"$JAVA" -jar target/inquest.jar jfr flame "$REC" --event alloc --alloc-events all --collapsed "$B/out/ours-all.collapsed"
peer_total=$(total "$B/out/peer.collapsed")
ours_total=$(total "$B/out/ours.collapsed")
ours_all_total=$(total "$B/out/ours-all.collapsed")
"$JAVA" -jar target/inquest.jar jfr summary "$REC" > "$B/out/summary.txt"

size_mb=$(( $(stat -L -c %s "$REC") / 1048576 ))
cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
mem=$(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo)
jdk=$("$JAVA" -version 2>&1 | head -1)
load=$(cut -d' ' -f1-3 /proc/loadavg)

cat > "$B/jfr-results.md" <<MD
## JFR: allocation flame tree, Inquest vs async-profiler's converter

Recording: \`$REC\`, $size_mb MB, $(grep -E '^chunks' "$B/out/summary.txt" | awk '{print $2}') chunks,
$(grep -E '^events' "$B/out/summary.txt" | awk '{print $2}') events (profile settings, allocation-profiling=high, gc=high;
$(cat "$B/generate.txt" 2>/dev/null || echo "generated earlier")).

Machine: $(nproc) cores, $cpu, $mem, $jdk. Load average at the end: $load
(the machine is shared with other jobs: peer and ours run back to back, $ROUNDS rounds, medians).

| | command | wall (median) | user CPU (median) | peak RSS (median) |
|---|---|---|---|---|
| peer | \`java -jar jfr-converter-4.1.jar --alloc --total -o collapsed REC OUT\` | $pt s | $pu s | $((pm / 1024)) MB |
| Inquest | \`java -jar target/inquest.jar jfr flame REC --event alloc --collapsed OUT\` | $ot s | $ou s | $((om / 1024)) MB |
| Inquest, C2 on (info) | same with \`-Dinquest.c2=true\` | $ct s | $cu s | $((cm / 1024)) MB |

**Ratio Inquest / peer: $ratio** (target <= 1.0; peak RSS target < 1024 MB). With C2 on: $c1ratio.

Rounds (wall s / RSS KB): peer ${peer_t[*]} / ${peer_m[*]}; Inquest ${ours_t[*]} / ${ours_m[*]};
C2 on ${c1_t[*]} / ${c1_m[*]}.

Totals: peer $peer_total bytes (samples + TLAB events); Inquest $ours_total bytes (jdk.ObjectAllocationSample
only, the default: the TLAB events describe the same allocations); Inquest with \`--alloc-events all\`
$ours_all_total bytes ($(awk -v a="$ours_all_total" -v p="$peer_total" 'BEGIN {printf "%+.5f", 100*(a-p)/p}') % from the peer's sum).
MD
cat "$B/jfr-results.md"
