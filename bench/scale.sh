#!/usr/bin/env bash
# Scale benchmark: for each size COPIESxAREAS (copies of measures.yaml's 37 measures, over AREAS areas), generates a
# seeded synthetic catalogue with 60 months of series (org.pcpassessor.bench.Scale, test scope) under
# target/scale/, runs the default report on it (the product, rules and all) and the plain-Java reference
# (org.pcpassessor.bench.Reference: the same figures and significance tests by code that shares none of the tool's,
# no rules or prose), and prints series, wall time, series per second, peak RSS and the ratio tool / reference.
# Up to 2,000 series (or any size with CHECK=1) it also runs the JSON report and compares every test with the
# reference's (p-values, outcomes, runs of months). Not a test: figures for docs/performance.md. The report runs
# with --rule-timeout 3600, for sizes whose priorities (one rule session each) outlast the default 5 s limit.
# Usage: bench/scale.sh [SIZE ...]   e.g. bench/scale.sh 1x3 8x3 8x43     (default: 1x3 8x3)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1x3 8x3)
mvn -B -q package test-compile -DskipTests
cp="target/test-classes:target/pcp-assessor-all.jar"
# One report on the bundled data first: it writes the class-data archive and the compiled-rules cache that every
# later ./assess run uses (the generated catalogues run the bundled rules), so no measured run pays for them.
./assess report > /dev/null
java="$(PCP_PRINT_JAVA=1 ./assess)"
echo "Java: $java"
printf '%-8s %8s %10s %10s %9s %12s %7s\n' size series wall series/s RSS reference ratio
for size in "${sizes[@]}"; do
  copies="${size%x*}"; areas="${size#*x}"
  dir="target/scale/$size"
  rm -rf "$dir"
  java -cp "$cp" org.pcpassessor.bench.Scale generate "$dir" "$copies" "$areas" 20261123
  series=$(( copies * 37 * areas ))
  /usr/bin/time -f "%e %M" -o "$dir/time.txt" env PCP_JAVA_OPTS="-Dpcp.stages=true ${PCP_JAVA_OPTS:-}" ./assess report \
      --catalogue "$dir/measures.yaml" --rule-timeout 3600 --out "$dir/report.md" 2> "$dir/stderr.txt" \
      || { cat "$dir/stderr.txt"; exit 1; }
  read -r wall rss < "$dir/time.txt"
  # The reference as a plain Java program is run: the JVM's defaults, no flags of the tool's, on the Java the
  # launcher chose for the tool.
  ref=$( /usr/bin/time -f "%e" -o "$dir/ref-time.txt" "$java" -cp "$cp" org.pcpassessor.bench.Reference \
      "$dir/measures.yaml" )
  refwall=$(cat "$dir/ref-time.txt")
  printf '%-8s %8d %9ss %10.0f %7dMB %11ss %6.1fx\n' "$size" "$series" "$wall" \
      "$(echo "$series / $wall" | bc -l)" "$(( rss / 1024 ))" "$refwall" "$(echo "$wall / $refwall" | bc -l)"
  echo "         $ref"
  sed -n 's/^assess: stages/         tool stages/p' "$dir/stderr.txt"
  if [ "$series" -le 2000 ] || [ "${CHECK:-0}" = 1 ]; then
    ./assess report --catalogue "$dir/measures.yaml" --rule-timeout 3600 --format json --out "$dir/report.json"
    "$java" -cp "$cp" org.pcpassessor.bench.Reference "$dir/measures.yaml" "$dir/report.json" | sed -n 's/^/         /; 2,$p'
  fi
done
