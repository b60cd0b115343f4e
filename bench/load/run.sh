#!/usr/bin/env bash
# Load bench of issue 8: wrk against GET /menu/specials and GET /menu/{product_name} of the real Api (Release build) on an
# in-memory DynamoDB Local, at rising concurrency, beside the ceiling: the same DynamoDB calls issued directly by
# bench/load/Ceiling at the same concurrency. Prints one markdown table; exits 1 when the Api answered any error.
#   bench/load/run.sh            30 s per step, concurrency 1 4 16 64
#   bench/load/run.sh --quick    5 s per step
set -euo pipefail
cd "$(dirname "$0")/../.."

duration=30
levels=(1 4 16 64)
if [[ "${1:-}" == "--quick" ]]; then duration=5; fi
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 2; }

echo "building Api and the ceiling client (Release)..." >&2
dotnet build -c Release Api -v q -nologo >/dev/null
dotnet build -c Release bench/load/Ceiling -v q -nologo >/dev/null

source bench/lib/dynamodb-local.sh
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

start_dynamodb_local
ceiling=(dotnet bench/load/Ceiling/bin/Release/net10.0/CafeMenu.LoadCeiling.dll)
table=FoodProducts
"${ceiling[@]}" seed "$endpoint" "$table" # waits for DynamoDB Local to answer

api_port=$(free_port)
AWS_ENDPOINT_URL_DYNAMODB=$endpoint AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local \
  ASPNETCORE_URLS="http://127.0.0.1:$api_port" ASPNETCORE_ENVIRONMENT=Production Menu__TableName=$table \
  Logging__LogLevel__Default=Warning \
  dotnet Api/bin/Release/net10.0/CafeMenu.Api.dll >/dev/null 2>&1 &
pids+=($!)
api="http://127.0.0.1:$api_port"
for _ in $(seq 1 300); do curl -fs "$api/health" >/dev/null && break; sleep 0.2; done
curl -fs "$api/menu/Latte" >/dev/null || { echo "the Api did not come up at $api" >&2; exit 2; }

# wrk prints latencies as 812.00us, 1.20ms or 1.01s: in milliseconds.
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n *= 1; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }

# Warm-up (JIT, connection pools, DynamoDB Local's JVM): not measured.
for path in /menu/specials /menu/Latte; do wrk -t 2 -c 16 -d 5s "$api$path" >/dev/null; done
for operation in specials get; do "${ceiling[@]}" run "$endpoint" "$table" "$operation" 16 5 >/dev/null; done

failed=0
echo "| endpoint | concurrency | Api req/s | Api p50 ms | Api p99 ms | Api errors | ceiling req/s | ceiling p50 ms | ceiling p99 ms | Api/ceiling req/s | p50 added ms |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for target in "specials /menu/specials" "get /menu/Latte"; do
  read -r operation path <<<"$target"
  for c in "${levels[@]}"; do
    threads=$(( c < 2 ? 1 : 2 ))
    # wrk's default 2 s timeout would count a slow answer on a busy machine as a socket error; 30 s keeps errors real.
    out=$(wrk -t "$threads" -c "$c" -d "${duration}s" --timeout 30s --latency "$api$path")
    rps=$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")
    p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
    p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
    non2xx=$(awk '/Non-2xx/ { print $NF }' <<<"$out"); non2xx=${non2xx:-0}
    socket=$(awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' <<<"$out"); socket=${socket:-0}
    errors=$(( non2xx + socket ))
    (( errors == 0 )) || failed=1
    read -r c_rps c_p50 c_p99 _ c_errors < <("${ceiling[@]}" run "$endpoint" "$table" "$operation" "$c" "$duration")
    ratio=$(awk -v a="$rps" -v b="$c_rps" 'BEGIN { printf "%.0f%%", 100 * a / b }')
    added=$(awk -v a="$p50" -v b="$c_p50" 'BEGIN { printf "%+.2f", a - b }')
    echo "| GET $path | $c | $rps | $p50 | $p99 | $errors | $c_rps | $c_p50 | $c_p99 | $ratio | $added |"
    (( c_errors == 0 )) || echo "ceiling errors at concurrency $c: $c_errors" >&2
  done
done

echo >&2
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(uname -sr), ${duration} s per step" >&2
exit $failed
