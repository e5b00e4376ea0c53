#!/usr/bin/env bash
# Measures the API under load and prints it for docs/benchmarks.md: requests per second and p50/p99 latency of
# sleep?days=30 and sleep?days=365 for a user with two years of nights, beside /alive as the same server's
# ceiling, in one run with wrk against the ApiService (Release) as its own process on real PostgreSQL and Redis.
# `scripts/bench-api.sh analytics` (what scripts/bench-analytics.sh runs) measures the analytics the same way.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/bench.sh
bench_prepare
if ! command -v wrk >/dev/null 2>&1; then
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null || { echo "Install wrk: sudo apt-get install -y wrk" >&2; exit 1; }
fi
bench_run "${1:-api}" "$API_DLL"
