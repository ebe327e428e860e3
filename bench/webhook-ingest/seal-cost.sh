#!/usr/bin/env bash
# The in-process cost of sealing one webhook payload (SealCost.java), with the billing module's
# own Tink and its dependencies on the classpath. Run from the repository's root.
set -euo pipefail
classpath=$(mktemp)
trap 'rm -f "$classpath"' EXIT
./mvnw -q -pl billing-ejb dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile="$classpath" >/dev/null
java -cp "$(cat "$classpath")" bench/webhook-ingest/SealCost.java
