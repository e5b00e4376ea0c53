# Sourced by run.sh and test.sh: checks for what PolarFlow needs and, on Debian/Ubuntu, installs what is
# missing when it can (root or passwordless sudo); otherwise says exactly what to install.

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo "$@"
  else return 1
  fi
}

require_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "PolarFlow needs the .NET 10 SDK (global.json pins 10.0.401 or a later feature band): https://dot.net/download" >&2
    exit 1
  fi
}

container_runtime_answers() {
  local runtime
  for runtime in docker podman; do
    if command -v "$runtime" >/dev/null 2>&1 && timeout 10 "$runtime" info --format '{{.ServerVersion}}' >/dev/null 2>&1; then
      return 0
    fi
  done
  return 1
}

local_servers_present() {
  { ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1; } &&
    command -v redis-server >/dev/null 2>&1
}

# The machine's own PostgreSQL and Redis servers (the AppHost's local mode and the tests start them).
ensure_local_servers() {
  local_servers_present && return 0
  local install="apt-get install -y postgresql redis-server"
  if command -v apt-get >/dev/null 2>&1 && as_root true; then
    echo "==> Installing the PostgreSQL and Redis server packages ($install)"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive $install -q
  else
    echo "PolarFlow needs PostgreSQL and Redis. Install the servers with:  sudo $install" >&2
    echo "(or on another system: the postgresql server with initdb, and redis-server; or run Docker/Podman)" >&2
    exit 1
  fi
}

# Node.js and npm: the tests decode the emulator's FIT files with Garmin's own SDK (tools/fit-check).
ensure_node() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 && return 0
  if command -v apt-get >/dev/null 2>&1 && as_root true; then
    echo "==> Installing Node.js and npm (apt-get install nodejs npm)"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs npm
  else
    echo "The tests need Node.js and npm. Install them with:  sudo apt-get install -y nodejs npm" >&2
    exit 1
  fi
}

restore_tools() {
  echo "==> dotnet tool restore"
  dotnet tool restore >/dev/null
}
