#!/usr/bin/env bash
# Flag evaluation in process (JMH), beside an empty benchmark. Builds the flags module first.
#   bench/flag-eval/run.sh [JMH options, e.g. -f 1 -wi 3 -i 3]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
(cd "$ROOT" && ./mvnw -q install -pl flags-ejb -am -DskipTests -Dliberty.skip)
"$ROOT/mvnw" -q -f "$ROOT/bench/flag-eval/pom.xml" package
java -jar "$ROOT/bench/flag-eval/target/benchmarks.jar" FlagEvaluationBenchmark "$@"
