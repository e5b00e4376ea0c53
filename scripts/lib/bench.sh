# Shared by the bench-*.sh scripts: PostgreSQL and Redis present, the benchmark and the ApiService built in Release
# (a failed build prints its errors and stops), and a runner that prints what a benchmark prints without the
# services' log lines.
. "$(dirname "${BASH_SOURCE[0]}")/prerequisites.sh"

API_DLL="$PWD/PolarFlow.ApiService/bin/Release/net10.0/PolarFlow.ApiService.dll"

# Builds quietly; on failure shows the build's output and exits.
bench_build() {
  local log
  log=$(mktemp)
  dotnet "$@" -c Release -nologo -v quiet >"$log" 2>&1 || { cat "$log" >&2; rm -f "$log"; exit 1; }
  rm -f "$log"
}

bench_prepare() {
  require_dotnet
  ensure_local_servers
  bench_build build bench/PolarFlow.Bench
  bench_build build PolarFlow.ApiService
}

bench_run() {
  dotnet run --project bench/PolarFlow.Bench -c Release --no-build -- "$@" 2>&1 | grep -v '^\(info\|warn\|      \)'
}
