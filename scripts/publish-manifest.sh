#!/usr/bin/env bash
# Writes the deployment manifest (for azd) from the AppHost. Publish mode always describes containers,
# whatever PolarFlow:Infra says on this machine, so the file is the same everywhere.
#   scripts/publish-manifest.sh [output-file]     (default: aspire-manifest.json at the repository root)
#   CONFIGURATION=Release NO_BUILD=1 scripts/publish-manifest.sh   (reuse an existing build)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
output="$(realpath -m "${1:-$root/aspire-manifest.json}")"
args=(--project "$root/PolarFlow.AppHost" -c "${CONFIGURATION:-Debug}" --no-launch-profile)
[ "${NO_BUILD:-0}" = 1 ] && args+=(--no-build)
dotnet run "${args[@]}" -- --publisher manifest --output-path "$output" >/dev/null
echo "Wrote $output"
