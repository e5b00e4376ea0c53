#!/usr/bin/env bash
# Measures the sync (issue 4's figures) on this machine and prints them for docs/benchmarks.md: AccessLink
# calls per user per day (hourly polling; webhooks with one safety sync a day), first-sync time and rows per
# second for 1 and N users (default 100), and the time spent waiting on Polar vs in PostgreSQL.
# Uses real PostgreSQL and Redis (started like the tests do) and the AccessLink emulator in memory.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/bench.sh
require_dotnet
ensure_local_servers
bench_build build bench/PolarFlow.Bench
bench_run sync "${1:-100}"
