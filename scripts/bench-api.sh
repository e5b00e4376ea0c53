#!/usr/bin/env bash
# Measures the API under load and prints it for docs/benchmarks.md: requests per second and p50/p99 latency of
# sleep?days=30 and sleep?days=365 for a user with two years of nights, beside /alive as the same server's
# ceiling, in one run with wrk against the ApiService (Release) as its own process on real PostgreSQL and Redis.
# `scripts/bench-api.sh analytics` (what scripts/bench-analytics.sh runs) measures the analytics the same way.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/prerequisites.sh
require_dotnet
ensure_local_servers
if ! command -v wrk >/dev/null 2>&1; then
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null || { echo "Install wrk: sudo apt-get install -y wrk" >&2; exit 1; }
fi
dotnet build bench/PolarFlow.Bench -c Release -nologo -v quiet >/dev/null
dotnet build PolarFlow.ApiService -c Release -nologo -v quiet >/dev/null
dotnet run --project bench/PolarFlow.Bench -c Release --no-build -- "${1:-api}" "$PWD/PolarFlow.ApiService/bin/Release/net10.0/PolarFlow.ApiService.dll" 2>&1 | grep -v '^\(info\|warn\|      \)'
