#!/usr/bin/env bash
# Measures the MCP summary tool (`today_summary`) beside `GET …/analytics/summary` for an athlete with five years
# stored, cold (data version just moved) and warm (cached), alternating in one run against the ApiService in Release
# as its own process, and prints it for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/bench.sh
bench_prepare
bench_run mcp "$API_DLL"
