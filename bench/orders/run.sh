#!/usr/bin/env bash
# Orders bench of issue 13 ("Figures"): the real Api (Release build) on an in-memory DynamoDB Local, driven by wrk, beside
# the raw side: the same DynamoDB calls issued directly by bench/orders/Ceiling at the same concurrency, in the same run.
#   GET /kitchen/queue  (one Query on queue_GSI, page of 25)   against the raw Query
#   POST /orders        (BatchGetItem of the 3 products + one TransactWriteItems of 1 Put + 3 ConditionCheck)
#                       against raw BatchGetItem + TransactWriteItems (the same calls) and raw TransactWriteItems alone
# The raw calls ask for no consumed capacity (the stricter comparison, as in bench/load); the Api's telemetry asks for
# TOTAL on every call, so each route also runs against the raw calls with ReturnConsumedCapacity TOTAL: the Api's bodies.
# Prints two markdown tables (figures; CPU per request); exits 1 when the Api or the raw side answered any error.
#   bench/orders/run.sh            25 s per side and step (in 5 slices of 5 s), concurrency 1 4 16
#   bench/orders/run.sh --quick    5 s per step (in 5 slices of 1 s)
set -euo pipefail
cd "$(dirname "$0")/../.."

duration=25
warmup=10
levels=(1 4 16)
open_orders=200
if [[ "${1:-}" == "--quick" ]]; then duration=5; warmup=3; fi
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 2; }

echo "building Api and the raw client (Release)..." >&2
dotnet build -c Release Api -v q -nologo -clp:ErrorsOnly >/dev/null
dotnet build -c Release bench/orders/Ceiling -v q -nologo -clp:ErrorsOnly >/dev/null

source bench/lib/dynamodb-local.sh
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

start_dynamodb_local
raw=(dotnet bench/orders/Ceiling/bin/Release/net10.0/CafeMenu.OrdersCeiling.dll)
menu_table=FoodProducts
orders_table=Orders
# Waits for DynamoDB Local to answer; 40 menu items without a stock counter, $open_orders open orders for the queue.
"${raw[@]}" seed "$endpoint" "$menu_table" "$orders_table" "$open_orders"

api_port=$(free_port)
AWS_ENDPOINT_URL_DYNAMODB=$endpoint AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local \
  ASPNETCORE_URLS="http://127.0.0.1:$api_port" ASPNETCORE_ENVIRONMENT=Production \
  Menu__TableName=$menu_table Orders__TableName=$orders_table Logging__LogLevel__Default=Warning \
  dotnet Api/bin/Release/net10.0/CafeMenu.Api.dll >/dev/null 2>&1 &
pids+=($!)
api="http://127.0.0.1:$api_port"
for _ in $(seq 1 300); do curl -fs "$api/health" >/dev/null && break; sleep 0.2; done

# The Api answers both routes as the bench expects: a page of 25 open orders, and a placed order (201) for the bench's body.
queued=$(curl -fs "$api/kitchen/queue" | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["items"]))') \
  || { echo "GET /kitchen/queue failed at $api" >&2; exit 2; }
[[ "$queued" == 25 ]] || { echo "GET /kitchen/queue returned $queued orders, expected 25" >&2; exit 2; }
placed=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' "$api/orders" \
  -d '{"guest_id":"guest-0001","pickup_name":"Guest 0001","lines":[{"product_name":"Item 00","quantity":1,"unit_price":2.50},{"product_name":"Item 01","quantity":2,"unit_price":3.50},{"product_name":"Item 02","quantity":3,"unit_price":4.50}]}')
[[ "$placed" == 201 ]] || { echo "POST /orders answered $placed, expected 201" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'cleanup; rm -rf "$tmp"' EXIT
java_pid=${pids[0]}
api_pid=${pids[1]}
# The raw side as one warm process for the whole run (no slice pays .NET start-up or JIT); it takes slices on stdin.
coproc RAW { exec "${raw[@]}" serve "$endpoint" "$menu_table" "$orders_table"; }
pids+=("$RAW_PID")

# CPU time (user + system, clock ticks) a process has used so far.
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# One Api slice with wrk: its histogram in <prefix>-<n>.wrk, the Api's and DynamoDB Local's CPU in <prefix>-<n>.cpu.
api_slice() {
  local prefix=$1 n=$2 c=$3 path=$4 mode=$5 seconds=$6 a0 j0
  a0=$(ticks "$api_pid"); j0=$(ticks "$java_pid")
  # wrk's default 2 s timeout would count a slow answer on a busy machine as a socket error; 30 s keeps errors real.
  ORDERS_BENCH_MODE=$mode ORDERS_BENCH_OUT="$tmp/$prefix-$n.wrk" \
    wrk -t $(( c < 2 ? 1 : 2 )) -c "$c" -d "${seconds}s" --timeout 30s -s bench/orders/wrk.lua "$api$path" >/dev/null
  echo "$(( $(ticks "$api_pid") - a0 )) $(( $(ticks "$java_pid") - j0 ))" >"$tmp/$prefix-$n.cpu"
}

# One raw slice: latencies in <prefix>-<n>.lat, the client's answer and DynamoDB Local's CPU in <prefix>-<n>.res.
raw_slice() {
  local prefix=$1 n=$2 c=$3 op=$4 seconds=$5 j0 reply
  j0=$(ticks "$java_pid")
  echo "$op $c $seconds $tmp/$prefix-$n.lat" >&"${RAW[1]}"
  read -r reply <&"${RAW[0]}"
  printf '%s\n%s\n' "$reply" "$(( $(ticks "$java_pid") - j0 ))" >"$tmp/$prefix-$n.res"
}

failed=0
rows=()
cpu_rows=()
add_row() { # label raw-label c load api-prefix raw-prefix
  local label=$1 raw_label=$2 c=$3 load=$4
  read -r a_rps a_p50 a_p99 a_err r_rps r_p50 r_p99 r_err r_conf a_cpu a_java r_cpu r_java < <(python3 bench/orders/summarize.py "$tmp" "$5" "$6")
  (( a_err == 0 && r_err == 0 )) || failed=1
  local ratio added
  ratio=$(awk -v a="$a_rps" -v b="$r_rps" 'BEGIN { printf "%.0f%%", 100 * a / b }')
  added=$(awk -v a="$a_p50" -v b="$r_p50" 'BEGIN { printf "%+.2f", a - b }')
  rows+=("| $label | $raw_label | $c | $a_rps | $r_rps | **$ratio** | $a_p50 | $r_p50 | **$added** | $a_p99 | $r_p99 | $a_err / $r_err | $r_conf | $load |")
  cpu_rows+=("| $label | $raw_label | $c | $a_cpu | $a_java | $r_cpu | $r_java |")
}

# Each step interleaves its sides in slices (Api, raw, raw, [raw], Api, raw, ...), so that the noise of a shared machine falls
# on both alike; the slices' histograms are merged for the percentiles, their requests and seconds summed for req/s.
slices=5
slice=$(( duration / slices ))
loadavg() { cut -d' ' -f1 /proc/loadavg; }

# The queue first, while it holds exactly the seeded orders (placing adds to it). Warm-up (JIT, pools, the JVM): not measured.
api_slice warm-queue 1 16 /kitchen/queue get "$warmup"
raw_slice warm-queue 1 16 queue "$warmup"
raw_slice warm-queue-cc 1 16 queue-cc "$warmup"
for c in "${levels[@]}"; do
  load=$(loadavg)
  for n in $(seq 1 $slices); do
    api_slice "queue-$c-api" "$n" "$c" /kitchen/queue get "$slice"
    raw_slice "queue-$c-raw" "$n" "$c" queue "$slice"
    raw_slice "queue-$c-cc" "$n" "$c" queue-cc "$slice"
  done
  add_row "GET /kitchen/queue" "Query on queue_GSI, Limit 25" "$c" "$load" "queue-$c-api" "queue-$c-raw"
  add_row "GET /kitchen/queue" "the same Query with ReturnConsumedCapacity TOTAL" "$c" "$load" "queue-$c-api" "queue-$c-cc"
done

api_slice warm-place 1 16 /orders place "$warmup"
raw_slice warm-place 1 16 place "$warmup"
raw_slice warm-place-cc 1 16 place-cc "$warmup"
raw_slice warm-tx 1 16 tx "$warmup"
for c in "${levels[@]}"; do
  load=$(loadavg)
  for n in $(seq 1 $slices); do
    api_slice "place-$c-api" "$n" "$c" /orders place "$slice"
    raw_slice "place-$c-raw" "$n" "$c" place "$slice"
    raw_slice "place-$c-cc" "$n" "$c" place-cc "$slice"
    raw_slice "place-$c-tx" "$n" "$c" tx "$slice"
  done
  add_row "POST /orders" "BatchGetItem + TransactWriteItems (the Api's calls)" "$c" "$load" "place-$c-api" "place-$c-raw"
  add_row "POST /orders" "the same with ReturnConsumedCapacity TOTAL" "$c" "$load" "place-$c-api" "place-$c-cc"
  add_row "POST /orders" "TransactWriteItems alone" "$c" "$load" "place-$c-api" "place-$c-tx"
done

echo "| Api route | raw side (same run) | concurrency | rps Api | rps raw | Api/raw rps | p50 Api ms | p50 raw ms | added p50 ms | p99 Api ms | p99 raw ms | errors Api / raw | raw conflicts retried | load avg (1 min) at start |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
printf '%s\n' "${rows[@]}"
echo
echo "CPU per request, ms (user + system; the Api's figures are shared by both raw sides of POST /orders):"
echo
echo "| Api route | raw side | concurrency | Api process | DynamoDB Local, Api side | raw client | DynamoDB Local, raw side |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
printf '%s\n' "${cpu_rows[@]}"

echo >&2
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores, $(uname -sr), ${duration} s per step and side in $slices slices, load avg now $(cut -d' ' -f1-3 /proc/loadavg)" >&2
exit $failed
