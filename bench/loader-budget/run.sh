#!/usr/bin/env bash
# --max-wcu bench (on demand, never in CI). One in-memory DynamoDB Local, the Release Api on it, the published Loader.
#   1. an unbudgeted load (UNBUDGETED_ITEMS items of about 314 bytes: 1 WCU each) measures the WCU/s the Loader reaches;
#   2. a load with --max-wcu at BUDGET_PERCENT of that, long enough for a WINDOW-second window after its first 5 s, prints
#      a progress line each second; the capacity consumed per second comes from those lines (DynamoDB's own figures);
#   3. an Api read loop (GET /menu/{name}, READ_RATE a second on one connection) measures p50 with no load running, and
#      again during that window of the budgeted load.
# Prints a markdown table: the budget's mean and worst 1-second deviation (target within +-10%), and the loaded p50
# against the unloaded (target: loaded p50 no worse than unloaded / 0.8).
#   bench/loader-budget/run.sh
# Needs: a JDK 17 (javac for tools/dynamodb-local's launcher), npm (tools/dynamodb-local), .NET 10 SDK, gcc (Native AOT links with it), python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

UNBUDGETED_ITEMS=${UNBUDGETED_ITEMS:-60000}
BUDGET_PERCENT=${BUDGET_PERCENT:-50}
WINDOW=${WINDOW:-60}      # seconds measured, after the first 5 s of the budgeted load
READ_RATE=${READ_RATE:-20} # Api reads a second
WORK=$(mktemp -d /tmp/cafemenu-budget-bench.XXXXXX)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

echo "== building: the Loader published (Native AOT, as bench/run.sh), the Api and the bench clients (Release)" >&2
# npm ci and the launcher that binds DynamoDB Local to 127.0.0.1 (javac), through the project that imports both targets; free when up to date.
dotnet msbuild Hosting.DynamoDBLocal -t:CompileDynamoDbLocalLauncher -nologo -v:q >&2
dotnet publish Loader -c Release -o "$WORK/loader" -nologo -v:q -clp:ErrorsOnly >/dev/null
dotnet build -c Release Api -v q -nologo -clp:ErrorsOnly >/dev/null
dotnet build -c Release bench/load/Ceiling -v q -nologo -clp:ErrorsOnly >/dev/null
dotnet build -c Release bench/loader-budget/ReadLoop -v q -nologo -clp:ErrorsOnly >/dev/null
LOADER="$WORK/loader/CafeMenu.Loader"
READ_LOOP=(dotnet bench/loader-budget/ReadLoop/bin/Release/net10.0/CafeMenu.ReadLoop.dll)
CEILING=(dotnet bench/load/Ceiling/bin/Release/net10.0/CafeMenu.LoadCeiling.dll)

source bench/lib/dynamodb-local.sh
start_dynamodb_local "$WORK/ddb.log"
export AWS_ENDPOINT_URL_DYNAMODB=$endpoint AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local
"${CEILING[@]}" seed "$endpoint" FoodProducts # the Api's table, 40 items; waits for DynamoDB Local to answer

api_port=$(free_port)
ASPNETCORE_URLS="http://127.0.0.1:$api_port" ASPNETCORE_ENVIRONMENT=Production Menu__TableName=FoodProducts Logging__LogLevel__Default=Warning \
  dotnet Api/bin/Release/net10.0/CafeMenu.Api.dll >"$WORK/api.log" 2>&1 &
pids+=($!)
api="http://127.0.0.1:$api_port"
for _ in $(seq 1 300); do curl -fs "$api/health" >/dev/null && break; sleep 0.2; done
curl -fs "$api/menu/Latte" >/dev/null || { echo "the Api did not come up at $api" >&2; exit 2; }

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
report() { python3 -c "import json, sys; r = json.load(open(sys.argv[1])); print(r[sys.argv[2]])" "$@"; }

# Warm-up, not measured: the Api's JIT and connections, and DynamoDB Local's JVM (a small load of its own).
python3 bench/generate.py 20000 "$WORK/warm.ndjson" "$WORK/warm.json" >/dev/null
"$LOADER" load "$WORK/warm.ndjson" --table warm --create-table --progress none >/dev/null
"${READ_LOOP[@]}" "$api" 10 "$READ_RATE" >/dev/null

echo "== 1. unbudgeted load: $UNBUDGETED_ITEMS items" >&2
python3 bench/generate.py "$UNBUDGETED_ITEMS" "$WORK/unbudgeted.ndjson" "$WORK/unbudgeted.json" >&2
"$LOADER" load "$WORK/unbudgeted.ndjson" --table unbudgeted --create-table --progress none --report "$WORK/unbudgeted.report.json" >&2
[[ "$(report "$WORK/unbudgeted.report.json" written)" == "$UNBUDGETED_ITEMS" ]] || { echo "the unbudgeted load did not write every item" >&2; exit 1; }
# Every generated item is under 1 KB: 1 WCU each (checked below from the budgeted load's own figures).
unbudgeted_wcu=$(python3 -c "import json; r = json.load(open('$WORK/unbudgeted.report.json')); print(round(r['written'] / r['write_seconds']))")
budget=$(( unbudgeted_wcu * BUDGET_PERCENT / 100 ))
echo "unbudgeted: $unbudgeted_wcu WCU/s; budget $budget WCU/s" >&2

echo "== 3a. Api p50 with no load running: $WINDOW s" >&2
read -r idle_n idle_p50 idle_p90 idle_p99 idle_errors < <("${READ_LOOP[@]}" "$api" "$WINDOW" "$READ_RATE")

echo "== 2. budgeted load: --max-wcu $budget, with 3b. the read loop during its window" >&2
budgeted_items=$(( budget * (WINDOW + 20) ))
python3 bench/generate.py "$budgeted_items" "$WORK/budgeted.ndjson" "$WORK/budgeted.json" >&2
rm -f "$WORK/budgeted.json" "$WORK/unbudgeted.json" "$WORK/warm.json"
# Each progress line is stamped when it arrives; the Loader prints one a second.
("$LOADER" load "$WORK/budgeted.ndjson" --table budgeted --create-table --max-wcu "$budget" --progress plain --progress-interval 1 \
    --report "$WORK/budgeted.report.json" \
  | while IFS= read -r line; do printf '%s %s\n' "$(date +%s.%N)" "$line"; done) >"$WORK/budgeted.lines" &
loader_pid=$!
for _ in $(seq 1 600); do grep -q ' progress: ' "$WORK/budgeted.lines" 2>/dev/null && break; sleep 0.05; done
first_line=$(awk '/ progress: / { print $1; exit }' "$WORK/budgeted.lines")
write_start=$(python3 -c "print($first_line - 1)") # the first line comes one interval after writing began
sleep "$(python3 -c "import time; print(max(0, $write_start + 5 - time.time()))")"
read -r load_n load_p50 load_p90 load_p99 load_errors < <("${READ_LOOP[@]}" "$api" "$WINDOW" "$READ_RATE")
wait "$loader_pid"
tail -1 "$WORK/budgeted.lines" >&2

python3 - "$WORK/budgeted.lines" "$WORK/budgeted.report.json" "$write_start" "$WINDOW" "$budget" "$unbudgeted_wcu" \
  "$idle_n $idle_p50 $idle_p90 $idle_p99 $idle_errors" "$load_n $load_p50 $load_p90 $load_p99 $load_errors" "$UNBUDGETED_ITEMS" "$READ_RATE" <<'EOF'
import json, re, sys
lines_file, report_file, write_start, window, budget, unbudgeted, idle, loaded, unbudgeted_items, read_rate = sys.argv[1:]
write_start, window, budget = float(write_start), float(window), int(budget)
idle, loaded = idle.split(), loaded.split()
samples = []  # (time, WCU consumed so far, requests allowed in flight)
for line in open(lines_file):
    m = re.match(r"(\S+) progress: .*?, concurrency (\d+), ([\d,]+) WCU at", line)
    if m: samples.append((float(m.group(1)), float(m.group(3).replace(",", "")), int(m.group(2))))
inside = [s for s in samples if write_start + 5 <= s[0] <= write_start + 5 + window]
rates = [(b[1] - a[1]) / (b[0] - a[0]) for a, b in zip(inside, inside[1:])]
mean = (inside[-1][1] - inside[0][1]) / (inside[-1][0] - inside[0][0])
worst = max(rates, key=lambda r: abs(r - budget))
r = json.load(open(report_file))
per_item = r["consumed_wcu"] / r["written"]
dev = lambda x: f"{100 * (x - budget) / budget:+.1f}%"
ratio = float(idle[1]) / float(loaded[1])
ok = lambda b: "met" if b else "**missed**"
print(f"| figure | value | target | |")
print(f"| --- | ---: | --- | --- |")
print(f"| unbudgeted load ({int(unbudgeted_items):,} items, 1 WCU each) | {int(unbudgeted):,} WCU/s | | |")
print(f"| budget `--max-wcu` | {budget:,} WCU/s | {100 * budget / int(unbudgeted):.0f}% of unbudgeted | |")
print(f"| budgeted load, mean over {inside[-1][0] - inside[0][0]:.0f} s after its first 5 s ({len(rates)} samples of ~1 s) | {mean:,.0f} WCU/s ({dev(mean)}) | within +-10% | {ok(abs(mean - budget) <= 0.1 * budget)} |")
print(f"| budgeted load, worst 1-s sample | {worst:,.0f} WCU/s ({dev(worst)}) | within +-10% | {ok(abs(worst - budget) <= 0.1 * budget)} |")
print(f"| budgeted load, whole write phase (report) | {r['consumed_wcu_per_second']:,.0f} WCU/s, {r['consumed_wcu']:,.0f} WCU for {r['written']:,} items ({per_item:.2f} WCU/item; DynamoDB reported {r['reported_wcu']:,.0f}) | | |")
print(f"| Api p50 / p90 / p99, no load ({idle[0]} GETs at {read_rate}/s) | {idle[1]} / {idle[2]} / {idle[3]} ms, {idle[4]} errors | | |")
print(f"| Api p50 / p90 / p99 during the budgeted load ({loaded[0]} GETs) | {loaded[1]} / {loaded[2]} / {loaded[3]} ms, {loaded[4]} errors | | |")
print(f"| no-load p50 / loaded p50 | {ratio:.2f} | >= 0.80 | {ok(ratio >= 0.8)} |")
print()
print("1-s samples in the window (WCU/s): " + ", ".join(f"{x:.0f}" for x in rates))
print(f"requests allowed in flight in the window: {min(s[2] for s in inside)} to {max(s[2] for s in inside)}; "
      f"retries {r['retries']}, throttles {r['throttles']}")
EOF
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(uname -sr), load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
