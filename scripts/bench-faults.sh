#!/usr/bin/env bash
# Measures what Redis and PostgreSQL faults cost a caller and prints it for docs/benchmarks.md: the latency added per
# request while Redis hangs, /health's answer time, a request's wait for its 503 while PostgreSQL hangs, and the time
# to answer again after PostgreSQL restarts (cleanly and after SIGKILL). The ApiService runs in Release as its own
# process; Redis and PostgreSQL are servers of the benchmark's own, paused and restarted for real.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/bench.sh
bench_prepare
bench_run faults "$API_DLL"
