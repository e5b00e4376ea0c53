#!/usr/bin/env bash
# Measures the dashboard for a user with five years of data and prints it for docs/benchmarks.md: each page's server
# time (first load, then median and p95 of 20) and the JavaScript it loads, with the ApiService and the web (Release)
# as their own processes on real PostgreSQL and Redis.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/bench.sh
bench_prepare
# Published, as a container runs it (static assets, compressed, from its own wwwroot).
bench_build publish PolarFlow.Web -o PolarFlow.Web/bin/Release/bench-publish
bench_run web "$API_DLL" "$PWD/PolarFlow.Web/bin/Release/bench-publish/PolarFlow.Web.dll"
