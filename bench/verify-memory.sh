#!/usr/bin/env bash
# The test suite's wall time and peak memory: runs `mvn -B verify` (extra arguments are passed to Maven, e.g. -o)
# and samples every 0.5 s the resident memory of Maven and everything it started (the test JVM, the launcher tests'
# JVMs, Chromium, LibreOffice), summed over the process tree. Prints the wall time, the peak sum and the process
# that was largest then. Usage: bench/verify-memory.sh [maven arguments]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
start=$(date +%s%3N)
mvn -B verify "$@" >"$log" 2>&1 &
mvn_pid=$!
peak=0; peak_top=""
tree_rss() { # "sum_kb largest_kb largest_command" for the tree under $1
  ps -eo pid=,ppid=,rss=,comm= | awk -v root="$1" '
    { pid[NR]=$1; ppid[NR]=$2; rss[NR]=$3; comm[NR]=$4; n=NR }
    END { inside[root]=1; changed=1
          while (changed) { changed=0; for (i=1;i<=n;i++) if (!(pid[i] in inside) && (ppid[i] in inside)) { inside[pid[i]]=1; changed=1 } }
          for (i=1;i<=n;i++) if (pid[i] in inside) { s+=rss[i]; if (rss[i]>m) { m=rss[i]; c=comm[i] } }
          print s+0, m+0, c }'
}
while kill -0 "$mvn_pid" 2>/dev/null; do
  read -r sum top comm < <(tree_rss "$mvn_pid")
  if [ "$sum" -gt "$peak" ]; then peak=$sum; peak_top="$comm $((top / 1024)) MB"; fi
  sleep 0.5
done
set +e; wait "$mvn_pid"; status=$?; set -e
end=$(date +%s%3N)
grep -E "Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$|BUILD|Total time" "$log" | tail -3
echo "mvn -B verify $*: exit $status, wall $(( (end - start) / 1000 )).$(( (end - start) % 1000 / 100 )) s, peak memory of the process tree $((peak / 1024)) MB (largest then: $peak_top)"
exit "$status"
