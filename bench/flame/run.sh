#!/usr/bin/env bash
# Flame graph canvas frame times on a 100,000-frame tree sampled from a random call graph, rendered headless.
# Usage: bench/flame/run.sh [frames] [repetitions]      (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -q -B -ntp -o test-compile
./mvnw -q -B -ntp -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), java $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
exec "$JAVA_HOME/bin/java" -Dglass.platform=Headless -Dprism.order=sw -Xmx2g \
    --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
    -cp "target/classes:target/test-classes:$(cat target/cp.txt)" dev.inquest.ui.flame.FlameBench "$@"
