#!/usr/bin/env bash
# Scale benchmark: for each size COPIESxAREAS (copies of measures.yaml's 37 measures, over AREAS areas), generates a
# seeded synthetic catalogue with 60 months of series (org.pcpassessor.bench.Scale, test scope) under
# target/scale/, runs the default report on it (the product, rules and all) and the plain-Java reference (the same
# figures and tests by the tool's own statistics code, no rules), and prints series, wall time, series per second,
# peak RSS and the ratio tool / reference. Not a test: figures for docs/performance.md. The report runs with
# --rule-timeout 3600, for sizes whose priorities (one rule session each) outlast the default 5 s limit.
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
jvm=(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -Dpcp.home=.)   # the JIT and GC flags of ./assess
printf '%-8s %8s %10s %10s %9s %12s %7s\n' size series wall series/s RSS reference ratio
for size in "${sizes[@]}"; do
  copies="${size%x*}"; areas="${size#*x}"
  dir="target/scale/$size"
  rm -rf "$dir"
  "${jvm[@]}" -cp "$cp" org.pcpassessor.bench.Scale generate "$dir" "$copies" "$areas" 20261123
  series=$(( copies * 37 * areas ))
  /usr/bin/time -f "%e %M" -o "$dir/time.txt" ./assess report \
      --catalogue "$dir/measures.yaml" --rule-timeout 3600 --out "$dir/report.md" 2> "$dir/stderr.txt" || { cat "$dir/stderr.txt"; exit 1; }
  read -r wall rss < "$dir/time.txt"
  ref=$( /usr/bin/time -f "%e" -o "$dir/ref-time.txt" "${jvm[@]}" -cp "$cp" org.pcpassessor.bench.Scale reference \
      "$dir/measures.yaml" )
  refwall=$(cat "$dir/ref-time.txt")
  printf '%-8s %8d %9ss %10.0f %7dMB %11ss %6.1fx\n' "$size" "$series" "$wall" \
      "$(echo "$series / $wall" | bc -l)" "$(( rss / 1024 ))" "$refwall" "$(echo "$wall / $refwall" | bc -l)"
  echo "         $ref"
done
