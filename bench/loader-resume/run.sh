#!/usr/bin/env bash
# Resume bench (on demand, never in CI): the published Loader loads N items (default 200,000) into an in-memory DynamoDB
# Local once whole, and once killed with SIGKILL when its journal confirms 80% of them, then resumed with --resume.
# Prints, side by side from one run, the share of the items the resume wrote and its time against the whole load.
#   bench/loader-resume/run.sh [ITEMS]
set -euo pipefail
cd "$(dirname "$0")/../.."
ITEMS=${1:-200000}
WORK=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

echo "== publishing the Loader (Release, Native AOT)" >&2
dotnet publish Loader -c Release -o "$WORK/loader" -nologo -v:q -clp:ErrorsOnly >/dev/null
LOADER="$WORK/loader/CafeMenu.Loader"
source bench/lib/dynamodb-local.sh
start_dynamodb_local
export AWS_ENDPOINT_URL_DYNAMODB="$endpoint" AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local
unset OTEL_EXPORTER_OTLP_ENDPOINT
for _ in $(seq 1 100); do curl -s -o /dev/null "$AWS_ENDPOINT_URL_DYNAMODB" && break; sleep 0.2; done

python3 bench/generate.py "$ITEMS" "$WORK/items.ndjson" "$WORK/items.json" >&2
load() { "$LOADER" load "$WORK/items.ndjson" --create-table --progress none "$@"; }
now() { date +%s.%N; }
calc() { python3 -c "print($1)"; }
field() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$1" "$2"; }
# Records a journal confirms: the lengths of its runs ("0-24 50-74"), first line (the run's description) left out.
confirmed() { tail -n +2 "$1" 2>/dev/null | awk '{ for (i = 2; i <= NF; i++) { n = split($i, b, "-"); c += (n == 2 ? b[2] - b[1] + 1 : 1) } } END { print c + 0 }'; }

echo "== warm-up load (not measured)" >&2
load --table Warm >/dev/null

echo "== whole load" >&2
start=$(now); load --table Whole --report "$WORK/whole.json" >/dev/null; whole=$(calc "$(now) - $start")

echo "== load killed at 80%, then resumed" >&2
target=$((ITEMS * 8 / 10))
# Started directly, not through the function: $! must be the Loader itself, not a subshell that SIGKILL would leave it behind.
"$LOADER" load "$WORK/items.ndjson" --create-table --progress none --table Resumed --report "$WORK/resumed.json" >/dev/null &
loader=$!
while kill -0 "$loader" 2>/dev/null && [ "$(confirmed "$WORK/resumed.json.journal")" -lt "$target" ]; do sleep 0.05; done
kill -9 "$loader"; wait "$loader" 2>/dev/null || true
at_kill=$(confirmed "$WORK/resumed.json.journal")
start=$(now); load --table Resumed --resume "$WORK/resumed.json" >/dev/null; resumed=$(calc "$(now) - $start")

written=$(field "$WORK/resumed.json" written); skipped=$(field "$WORK/resumed.json" skipped)
already=$(field "$WORK/resumed.json" already_confirmed)
# A Scan page of a large in-memory table can take DynamoDB Local longer than the default 10 s timeout.
DynamoDb__Timeout=00:02:00 "$LOADER" export --table Resumed --out "$WORK/export.ndjson" >/dev/null
stored=$(wc -l < "$WORK/export.ndjson")
echo
echo "| $ITEMS items, upsert | whole load | resume after a kill at $(calc "round(100 * $at_kill / $ITEMS, 1)")% |"
echo "| --- | ---: | ---: |"
printf '| time | %.1f s | %.1f s (%.0f%% of the whole load) |\n' "$whole" "$resumed" "$(calc "100 * $resumed / $whole")"
printf '| items written | %d | %d (%.1f%% of the input; %d confirmed by the killed run, %d skipped) |\n' \
  "$(field "$WORK/whole.json" written)" "$written" "$(calc "100 * $written / $ITEMS")" "$already" "$skipped"
echo "| items in the table after | $ITEMS | $stored |"
[ "$stored" -eq "$ITEMS" ] && [ $((already + written + skipped)) -eq "$ITEMS" ]
