#!/usr/bin/env bash
# Inquest's rules (`inquest jfr rules --json`) against JDK Mission Control's rules
# (org.openjdk.jmc:flightrecorder.rules.jdk:9.1.0, the peer, never a product dependency) on the
# same recordings: the corpus's and any given on the command line. Prints one table per recording:
# each Inquest rule, its verdict and score, the JMC rule that judges the same thing, its verdict
# and score, same or different; and each side's time (a whole process each: load and every rule).
#
#   bench/jfr/rules-vs-jmc.sh [MORE.jfr ...]     # results also in target/bench/rules/results.md
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
OUT=target/bench/rules
mkdir -p "$OUT/peer" "$OUT/classes"

# JMC's class path, resolved by the wrapper from a throwaway pom (offline: the jars are in ~/.m2).
if [ ! -s "$OUT/peer/cp.txt" ]; then
  cat > "$OUT/peer/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>jmc-peer</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>org.openjdk.jmc</groupId><artifactId>flightrecorder.rules.jdk</artifactId><version>9.1.0</version></dependency>
  </dependencies>
</project>
POM
  ./mvnw -B -ntp -o -q -f "$OUT/peer/pom.xml" dependency:build-classpath -Dmdep.outputFile=cp.txt >&2
fi
JMC_CP=$(cat "$OUT/peer/cp.txt")
if [ ! -f target/inquest.jar ]; then
  ./mvnw -B -ntp -o -q package -DskipTests >&2
fi
"$JAVA_HOME/bin/javac" -cp target/inquest.jar -d "$OUT/classes" bench/jfr/RulesVsJmc.java

RECS=()
for f in ../shared/corpus/jfr/*.jfr ../shared/corpus/jfr/*.jfr.gz "$@"; do
  [ -f "$f" ] && RECS+=("$f")
done
ms() { date +%s%N | cut -c1-13; }
: > "$OUT/results.md"
for rec in "${RECS[@]}"; do
  name=$(basename "$rec")
  t0=$(ms)
  if ! "$JAVA" -cp "$OUT/classes:$JMC_CP" RulesVsJmc jmc "$rec" > "$OUT/$name.jmc.tsv" 2> "$OUT/$name.jmc.err"; then
    echo "JMC could not read $name: $(tail -1 "$OUT/$name.jmc.err")" | tee -a "$OUT/results.md"
    continue
  fi
  t1=$(ms)
  if ! "$JAVA" -jar target/inquest.jar jfr rules "$rec" --json > "$OUT/$name.inquest.json" 2> "$OUT/$name.inquest.err"; then
    echo "Inquest could not read $name: $(cat "$OUT/$name.inquest.err")" | tee -a "$OUT/results.md"
    continue
  fi
  t2=$(ms)
  "$JAVA" -cp "target/inquest.jar:$OUT/classes" RulesVsJmc compare "$name" "$OUT/$name.jmc.tsv" \
    "$OUT/$name.inquest.json" $((t1 - t0)) $((t2 - t1)) | tee -a "$OUT/results.md"
done
