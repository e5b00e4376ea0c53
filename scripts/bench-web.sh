#!/usr/bin/env bash
# Measures the dashboard for a user with five years of data and prints it for docs/benchmarks.md: each page's server
# time (first load, then median and p95 of 20) and the JavaScript it loads, with the ApiService and the web (Release)
# as their own processes on real PostgreSQL and Redis.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/prerequisites.sh
require_dotnet
ensure_local_servers
dotnet build bench/PolarFlow.Bench -c Release -nologo -v quiet >/dev/null
dotnet build PolarFlow.ApiService -c Release -nologo -v quiet >/dev/null
# Published, as a container runs it (static assets, compressed, from its own wwwroot).
dotnet publish PolarFlow.Web -c Release -nologo -v quiet -o PolarFlow.Web/bin/Release/bench-publish >/dev/null
dotnet run --project bench/PolarFlow.Bench -c Release --no-build -- web \
  "$PWD/PolarFlow.ApiService/bin/Release/net10.0/PolarFlow.ApiService.dll" "$PWD/PolarFlow.Web/bin/Release/bench-publish/PolarFlow.Web.dll" 2>&1 \
  | grep -v '^\(info\|warn\|      \)'
