#!/usr/bin/env bash
# Fuzzes the catalogue, CSV and scenario loaders with many more inputs than mvn verify does (LoaderFuzzTest, jqwik):
# TRIES inputs per loader (default 34000, so 102,000 in all). Prints the inputs run, the time and the slowest load;
# exits non-zero if any input makes a loader throw or take 2 s or more. Usage: bench/fuzz.sh [TRIES]
set -euo pipefail
cd "$(dirname "$0")/.."
tries="${1:-34000}"
rm -f target/fuzz-summary.txt
start=$(date +%s)
mvn -B -q test -Dtest=LoaderFuzzTest -Dsurefire.failIfNoSpecifiedTests=false -Djqwik.tries.default="$tries"
cat target/fuzz-summary.txt
echo "bench/fuzz.sh: $tries tries per loader, 3 loaders, $(( $(date +%s) - start )) s wall including the build"
