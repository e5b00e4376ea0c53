#!/usr/bin/env bash
# Measures what docs/benchmarks.md records for the foundation: a cold build (no bin/obj, NuGet cache
# warm), ./test.sh, and ./run.sh (already built) until every resource is healthy, then its stop.
# Prints one line per figure. Takes a few minutes; run it on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."

now() { date +%s.%N; }
secs() { printf '%.1f' "$(echo "$2 - $1" | bc)"; }
leftovers() { pgrep -fa 'polarflow/.*/postgres|redis-server|PolarFlow\.(ApiService|SyncWorker|AppHost)|dcp (start-apiserver|run-controllers)' || true; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr), $(dotnet --version)"

rm -rf ./*/bin ./*/obj
t0=$(now); dotnet build PolarFlow.sln -nologo -v quiet >/dev/null; t1=$(now)
echo "cold build (no bin/obj, warm NuGet cache): $(secs "$t0" "$t1") s"

t0=$(now); ./test.sh >/tmp/polarflow-bench-test.log 2>&1; t1=$(now)
echo "./test.sh (built): $(secs "$t0" "$t1") s  ($(grep -E 'Passed!|Failed!' /tmp/polarflow-bench-test.log | tail -n 1 | sed 's/ *- .*//'))"

log=/tmp/polarflow-bench-run.log
t0=$(now)
./run.sh >"$log" 2>&1 &
runner=$!
until grep -q 'PolarFlow is ready' "$log"; do
  kill -0 "$runner" 2>/dev/null || { echo "run.sh exited early:"; tail -n 30 "$log"; exit 1; }
  sleep 0.2
done
t1=$(now)
echo "./run.sh (built) to all resources healthy: $(secs "$t0" "$t1") s  ($(grep -o 'ready after [0-9.]* s' "$log") inside the AppHost)"
curl -sf http://localhost:8000/health >/dev/null && echo "curl http://localhost:8000/health: $(curl -s http://localhost:8000/health)"

t0=$(now); kill -TERM "$runner"; wait "$runner" || true; t1=$(now)
left=$(leftovers)
echo "SIGTERM to ./run.sh until it returned: $(secs "$t0" "$t1") s; processes left: ${left:-none}"
