#!/usr/bin/env bash
# Measures the time from saving an edit to the new report being written by `./assess watch`: a wording edit
# (rules/wording/trend.yaml) and a catalogue edit. bench/watch-serve-latency.sh measures the live page, rule edits
# included.
# Works on a temporary copy of measures.yaml, fixtures/ and rules/; prints one line per edit and a summary.
# Usage: bench/watch-latency.sh [edits per kind, default 5]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-5}"
ws="$(mktemp -d)"
trap 'kill "$watch_pid" 2>/dev/null || true; rm -rf "$ws"' EXIT
cp -r "$here/measures.yaml" "$here/fixtures" "$here/rules" "$ws/"
# outside the timing: the jar built if needed, and the JVM's start-up archive that the first report after a build
# makes (without it, a watch started after a build runs as a cold JVM: the state of an installation, not its first run)
"$here/assess" report >/dev/null
"$here/assess" watch --catalogue "$ws/measures.yaml" --rules "$ws/rules" --out "$ws/report.md" 2>"$ws/watch.log" &
watch_pid=$!
until [ -s "$ws/report.md" ]; do sleep 0.05; done

now_ms() { date +%s%3N; }
wait_for() { # wait until the report contains the text; print elapsed ms since $1
  local start=$1 text=$2
  until grep -qF "$text" "$ws/report.md" 2>/dev/null; do sleep 0.005; done
  echo $(( $(now_ms) - start ))
}

wording_times=(); catalogue_times=()
for i in $(seq 1 "$n"); do
  sleep 0.5
  start=$(now_ms)
  sed -i "s/is now flat[^.\"]*\./is now flat (edit $i)./" "$ws/rules/wording/trend.yaml"
  t=$(wait_for "$start" "is now flat (edit $i)."); wording_times+=("$t")
  echo "wording edit $i: ${t} ms"
  sleep 0.5
  start=$(now_ms)
  sed -i "s/^  title: .*/  title: Police and Crime Plan performance (edit $i)/" "$ws/measures.yaml"
  t=$(wait_for "$start" "performance (edit $i):"); catalogue_times+=("$t")
  echo "catalogue edit $i: ${t} ms"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "median save-to-output: wording edit $(median "${wording_times[@]}") ms (rules folder read again), catalogue edit $(median "${catalogue_times[@]}") ms (rules reused)"
grep -c "rules read)" "$ws/watch.log" | sed 's/^/runs that read the rules folder again: /'
grep -c "rules reused" "$ws/watch.log" | sed 's/^/runs that reused the rules: /'
