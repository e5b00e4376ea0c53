#!/usr/bin/env bash
# Measures the analytics and prints them for docs/benchmarks.md: the time to load and compute the summary for one
# athlete with five years of data, then analytics/summary under wrk cold (computed: a new as_of every request) and
# warm (cached in Redis) beside /alive, in one run against the ApiService (Release) on real PostgreSQL and Redis.
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
dotnet run --project bench/PolarFlow.Bench -c Release --no-build -- analytics "$PWD/PolarFlow.ApiService/bin/Release/net10.0/PolarFlow.ApiService.dll" 2>&1 | grep -v '^\(info\|warn\|      \)'
