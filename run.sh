#!/usr/bin/env bash
# Runs PolarFlow through its Aspire AppHost: dashboard, PostgreSQL, Redis, ApiService and SyncWorker.
# Arguments go to the AppHost (e.g. ./run.sh --PolarFlow:Infra=local). Stop with Ctrl+C or SIGTERM.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/lib/prerequisites.sh

require_dotnet
mode="${PolarFlow__Infra:-auto}"
if [ "$mode" = local ] || { [ "$mode" = auto ] && ! container_runtime_answers; }; then
  ensure_local_servers
fi
restore_tools

echo "==> dotnet build"
dotnet build PolarFlow.AppHost/PolarFlow.AppHost.csproj -nologo -v quiet
dotnet run --project PolarFlow.AppHost --launch-profile http --no-build -- "$@" &
runner=$!

# DCP (the orchestrator) watches the AppHost process and stops every server and service after it exits.
# Waiting for DCP's sessions to empty means nothing is left behind when this script returns.
wait_for_orchestrator() {
  local apphost=$1 apiserver sessions i
  apiserver=$(pgrep -f "dcp start-apiserver --monitor $apphost( |$)" | head -n 1 || true)
  [ -n "$apiserver" ] || return 0
  sessions="$apiserver,$(pgrep -f "dcp run-controllers .*--monitor $apiserver( |$)" | paste -sd, - || true)"
  for i in $(seq 1 60); do
    pgrep -s "${sessions%,}" >/dev/null 2>&1 || return 0
    sleep 1
  done
  echo "Some PolarFlow processes were still stopping after 60 s:" >&2
  pgrep -a -s "${sessions%,}" >&2 || true
}

stop() {
  trap - INT TERM
  echo "==> Stopping PolarFlow"
  local apphost
  apphost=$(pgrep -P "$runner" -f PolarFlow.AppHost | head -n 1 || true)
  kill -TERM "$runner" 2>/dev/null || true
  wait "$runner" 2>/dev/null || true
  [ -z "$apphost" ] || wait_for_orchestrator "$apphost"
  echo "==> Stopped"
}
trap stop INT TERM

status=0
wait "$runner" || status=$?
exit "$status"
