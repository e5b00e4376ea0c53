# Sourced by run.sh and test.sh: checks for what PolarFlow needs and, on Debian/Ubuntu, installs what is
# missing when it can (root or passwordless sudo); otherwise says exactly what to install.

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo "$@"
  else return 1
  fi
}

apt_updated=""

# apt_install "what it is for" package...: installs the packages, or says how to and stops.
apt_install() {
  local purpose=$1; shift
  if command -v apt-get >/dev/null 2>&1 && as_root true; then
    echo "==> Installing $purpose (apt-get install $*)"
    if [ -z "$apt_updated" ]; then as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q; apt_updated=1; fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
  else
    echo "PolarFlow needs $purpose. Install it with:  sudo apt-get install -y $*" >&2
    exit 1
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
  local_servers_present || apt_install "the PostgreSQL and Redis servers" postgresql redis-server
}

# Node.js and npm: the tests decode the emulator's FIT files with Garmin's SDK and lint the OpenAPI document.
ensure_node() {
  { command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; } || apt_install "Node.js and npm" nodejs npm
}

# PHP and Debian's Laravel: the tests run samples/laravel (Laravel 8, Guzzle, PostgreSQL's PDO driver) through the AppHost.
ensure_php() {
  { command -v php >/dev/null 2>&1 && [ -f /usr/share/php/Illuminate/autoload.php ] && [ -f /usr/share/php/GuzzleHttp/autoload.php ] \
    && php -m | grep -qx pdo_pgsql; } \
    || apt_install "PHP and Laravel" php-cli php-laravel-framework php-guzzlehttp-guzzle php-pgsql
}

# Debian's Chromium: the dashboard's tests drive it with Playwright (never a browser Playwright downloads).
ensure_chromium() {
  command -v chromium >/dev/null 2>&1 || apt_install "Chromium" chromium
}

restore_tools() {
  echo "==> dotnet tool restore"
  dotnet tool restore >/dev/null
}
