#!/usr/bin/env bash
# Builds PolarFlow and runs every test: unit, integration on real PostgreSQL and Redis (the tests start
# their own servers unless POLARFLOW_TEST_POSTGRES / POLARFLOW_TEST_REDIS name existing ones), and end to
# end through the AppHost in local mode. Arguments go to `dotnet test` (e.g. --filter Upsert).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/lib/prerequisites.sh

require_dotnet
if [ -z "${POLARFLOW_TEST_POSTGRES:-}" ] || [ -z "${POLARFLOW_TEST_REDIS:-}" ]; then
  ensure_local_servers
fi
ensure_node
ensure_php
ensure_chromium
restore_tools

echo "==> dotnet build"
dotnet build PolarFlow.sln -nologo -v quiet
echo "==> dotnet test"
dotnet test PolarFlow.sln --no-build -nologo \
  --logger "trx;LogFileName=polarflow.trx" \
  --results-directory TestResults "$@"
