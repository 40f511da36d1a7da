#!/usr/bin/env bash
# Measures the live preview: the time from saving an edit to the reload event of `./assess watch --format html
# --serve` (the page reloads on it), for a wording edit (rules/wording/trend.yaml) and a rule edit
# (a comment line added to the first rule of rules/narrate/trend.drl, which compiles that rule again), the first edit
# after start-up included.
# Works on a temporary copy of measures.yaml, fixtures/ and rules/; prints one line per edit and the medians.
# Usage: bench/watch-serve-latency.sh [edits per kind, default 5]; PCP_BENCH_SETTLE=S waits S seconds (default 0.5)
# after the first draft before the first edit, as a person reads the page before editing; PCP_BENCH_FIRST=rule makes
# a rule edit the first (default: a wording edit, then a rule edit, a second apart); PCP_BENCH_RULE=FILE edits
# another rule file (default rules/narrate/trend.drl; a classify file's edit also finds the page's near misses again
# for that file's rules; docs/performance.md).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-5}"
ws="$(mktemp -d)"
watch_pid=""; curl_pid=""
trap 'kill $watch_pid $curl_pid 2>/dev/null || true; cat "$ws/watch.log" >&2; rm -rf "$ws"' EXIT
cp -r "$here/measures.yaml" "$here/fixtures" "$here/rules" "$ws/"
[ -d "$here/notes" ] && cp -r "$here/notes" "$ws/"
# outside the timing: the jar built if needed, and the JVM's start-up archive that the first report after a build
# makes (without it, a watch started after a build runs as a cold JVM: the state of an installation, not its first run)
"$here/assess" report >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$here/assess" watch --catalogue "$ws/measures.yaml" --rules "$ws/rules" --format html --serve --port "$port" \
  2>"$ws/watch.log" >/dev/null &
watch_pid=$!
until grep -q "ran\|failed" "$ws/watch.log" 2>/dev/null; do sleep 0.05; done
now_ms() { date +%s%3N; }
# every reload event, stamped with the time it arrived
curl -sN "http://127.0.0.1:$port/events" | while IFS= read -r line; do
  case "$line" in data:*) echo "$(now_ms)" >>"$ws/reloads" ;; esac
done &
curl_pid=$!
sleep "${PCP_BENCH_SETTLE:-0.5}"
events() { [ -f "$ws/reloads" ] && wc -l <"$ws/reloads" || echo 0; }
wait_reload() { # wait for the next reload event after $2 events; print ms since $1
  local start=$1 before=$2
  until [ "$(events)" -gt "$before" ]; do sleep 0.005; done
  echo $(( $(tail -1 "$ws/reloads") - start ))
}
wording=(); rule=()
edit_wording() { # $1: the edit's number
  local before start t; before=$(events); start=$(now_ms)
  sed -i "s/is now flat[^.\"]*\./is now flat (edit $1)./" "$ws/rules/wording/trend.yaml"
  t=$(wait_reload "$start" "$before"); wording+=("$t"); echo "wording edit $1: $t ms"
}
edit_rule() { # $1: the edit's number
  local before start t; before=$(events); start=$(now_ms)
  # a comment line added to the first rule's consequence: that rule's text changes, so it is compiled again (the
  # file's other rules are taken from its last compile: RulePatch); a text never seen before, so that the
  # compiled-rules cache (target/rule-cache, kept between runs) cannot serve it
  sed -i "0,/^then/s//then\n    \/\/ edit $1 $(date +%s%N)/" "$ws/${PCP_BENCH_RULE:-rules/narrate/trend.drl}"
  t=$(wait_reload "$start" "$before"); rule+=("$t"); echo "rule edit $1: $t ms"
}
first="${PCP_BENCH_FIRST:-wording}"
case "$first" in wording|rule) ;; *) echo "PCP_BENCH_FIRST is wording or rule, not '$first'" >&2; exit 2 ;; esac
second=$([ "$first" = wording ] && echo rule || echo wording)
for i in $(seq 1 "$n"); do
  "edit_$first" "$i"
  sleep 1
  "edit_$second" "$i"
  sleep 1
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "median edit-to-reload: wording edit $(median "${wording[@]}") ms, rule edit $(median "${rule[@]}") ms"
grep -F "is now flat (edit $n)." "$ws/rules/wording/trend.yaml" >/dev/null
grep "^watch:" "$ws/watch.log" | sed 's/^/  /'
