#!/usr/bin/env bash
# Measures the MCP summary tool (`today_summary`) beside `GET …/analytics/summary` for an athlete with five years
# stored, cold (data version just moved) and warm (cached), alternating in one run against the ApiService in Release
# as its own process, and prints it for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/prerequisites.sh
require_dotnet
ensure_local_servers
dotnet build bench/PolarFlow.Bench -c Release -nologo -v quiet >/dev/null
dotnet build PolarFlow.ApiService -c Release -nologo -v quiet >/dev/null
dotnet run --project bench/PolarFlow.Bench -c Release --no-build -- mcp \
  "$PWD/PolarFlow.ApiService/bin/Release/net10.0/PolarFlow.ApiService.dll" 2>&1 \
  | grep -v '^\(info\|warn\|      \)'
