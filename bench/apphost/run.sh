#!/usr/bin/env bash
# Start-up and stop of the whole AppHost, as a person runs it: `dotnet run --project AppHost --no-build -- --in-memory`
# in a process group of its own, Ctrl+C (SIGINT to the group) once web is healthy. Prints, for each run, when each
# resource printed its ready line, and how long the app took to leave no process behind; then the medians.
# Usage: bench/apphost/run.sh [runs=5]   (build first: dotnet build AppHost)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
# Every live process whose environment carries the run's marker: the AppHost and all it started, re-parented or not.
marked() { grep -l "CAFEMENU_BENCH_MARKER=$1" /proc/[0-9]*/environ 2>/dev/null | grep -v "/proc/$$/" | while read -r f; do
  pid=${f#/proc/}; pid=${pid%/environ}; [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" = Z ] || echo "$pid"; done; }

for run in $(seq 1 "$runs"); do
  marker="bench-$run-$RANDOM$RANDOM"
  log="$results/run-$run.log"
  start=$(now)
  # perl restores SIGINT (a background job inherits it ignored); setsid makes the group a terminal's job would be.
  CAFEMENU_BENCH_MARKER=$marker setsid perl -e '$SIG{INT} = "DEFAULT"; exec @ARGV' \
    dotnet run --project AppHost --no-build -- --in-memory > >(while IFS= read -r line; do printf '%s %s\n' "$(now)" "$line"; done > "$log") 2>&1 &
  leader=$!
  until grep -q '\[apphost\] web: Running (Healthy)' "$log" 2>/dev/null; do
    sleep 0.05
    if grep -q '\[apphost\] [a-z-]*: \(FailedToStart\|Exited\)' "$log" 2>/dev/null; then echo "run $run: a resource failed"; cat "$log"; exit 1; fi
    [ "$(since "$start" "$(now)" | cut -d. -f1)" -lt 120 ] || { echo "run $run: not ready in 120 s"; cat "$log"; exit 1; }
  done
  ready=$(since "$start" "$(grep -m1 '\[apphost\] web: Running (Healthy)' "$log" | cut -d' ' -f1)")
  line="run $run: web healthy at ${ready} s ("
  for r in dynamodb loader api web; do
    ready_state="Running (Healthy)"; [ "$r" = loader ] && ready_state="Finished"
    t=$(grep -m1 "\[apphost\] $r: $ready_state" "$log" | cut -d' ' -f1)
    line+="$r $(since "$start" "$t") s, "
  done
  sleep 2
  stop=$(now)
  kill -INT -- "-$leader"
  until [ -z "$(marked "$marker")" ]; do
    sleep 0.1
    if [ "$(since "$stop" "$(now)" | cut -d. -f1)" -ge 60 ]; then echo "run $run: processes left after 60 s:"; marked "$marker" | xargs -r ps -o pid,args -p; marked "$marker" | xargs -r kill -9; break; fi
  done
  gone=$(since "$stop" "$(now)")
  echo "${line%, }); all processes gone ${gone} s after Ctrl+C"
  echo "$ready $gone" >> "$results/figures"
  wait "$leader" 2>/dev/null || true
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "median of $runs runs: web healthy at $(cut -d' ' -f1 "$results/figures" | median) s; all processes gone $(cut -d' ' -f2 "$results/figures" | median) s after Ctrl+C"
