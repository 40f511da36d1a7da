#!/usr/bin/env bash
# Times the bundled December 2020 report read from each kind of data source (README: "Where the series come from"):
# the CSV files, one workbook in their columns, a workbook of wide sheets, and a SQLite table. The workbooks and the
# database are made from the bundled CSV files by DataSourcesTest (-Dsources.keep), which also checks that each
# gives the CSV's draft. Prints, per source: the wall time and peak memory of each run.
#   bench/sources.sh [RUNS]          (default 5; the jar is built by ./assess when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
out="$PWD/target/bench-sources"
rm -rf "$out"
mkdir -p "$out"
mvn -B -q test -Dtest='DataSourcesTest#aWorkbook*+aSqlite*' -Dsources.keep="$out" \
  -Dsurefire.failIfNoSpecifiedTests=false > "$out/mvn.log" 2>&1 || { cat "$out/mvn.log" >&2; exit 1; }
bundled="data: [fixtures/cambridgeshire/*.csv]"
declare -A data=(
  [csv]="data: [$PWD/fixtures/cambridgeshire/*.csv]"
  [long-xlsx]="data: [$out/long.xlsx]"
  [wide-xlsx]="data: [$out/wide.xlsx]"
  [sqlite]="data: [{jdbc: \"jdbc:sqlite:$out/series.db\", query: \"select * from series\"}]"
)
for source in csv long-xlsx wide-xlsx sqlite; do
  catalogue="$out/$source.yaml"
  BUNDLED="$bundled" LINE="${data[$source]}" awk '$0 == ENVIRON["BUNDLED"] {print ENVIRON["LINE"]; found = 1; next}
    {print} END {exit !found}' measures.yaml > "$catalogue" \
    || { echo "sources: measures.yaml no longer reads $bundled" >&2; exit 1; }
  ./assess report --catalogue "$catalogue" --month 2020-12 --out "$out/$source.md" 2> /dev/null   # warm the caches
  for i in $(seq "$runs"); do
    /usr/bin/time -f "$source %e s %M KB" ./assess report --catalogue "$catalogue" --month 2020-12 \
      --out "$out/$source.md" 2>&1 >/dev/null | grep -v 'warning: data check' | tail -n 1
  done
done
for source in long-xlsx wide-xlsx sqlite; do
  cmp -s "$out/csv.md" "$out/$source.md" || { echo "sources: $source gives another draft than the CSV files" >&2; exit 1; }
done
ls -l "$out"/*.xlsx "$out"/series.db | awk '{print $5, $9}'
