# Shared helpers for Spectra's scripts. Source it; do not run it.

# Runs a command as root: directly when root, through sudo otherwise.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs the given Debian packages that are not installed yet (one apt-get update, only if needed).
apt_install_missing() {
  local missing=()
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "Installing Debian packages: ${missing[*]}"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
  fi
}

# The .NET SDK is not a Debian package; it must be on PATH (https://dot.net).
require_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    if [ -x "$HOME/.dotnet/dotnet" ]; then
      export PATH="$HOME/.dotnet:$PATH"
    else
      echo "error: the .NET 10 SDK is required (dotnet not found on PATH). Install it from https://dot.net and rerun." >&2
      exit 1
    fi
  fi
}

# Installs the front-end packages (from package-lock.json) and bundles them into wwwroot/dist.
build_client() {
  local client="$1/src/Spectra.Server/ClientApp"
  if ! command -v npm >/dev/null 2>&1; then
    apt_install_missing nodejs npm
  fi
  (cd "$client" && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent)
}

# What every test-running script does first: installs the test dependencies, checks for dotnet, enters the
# repository and builds the browser client. Leaves the working directory at the repository root.
prepare_tests() {
  "$1/scripts/install-test-deps.sh"
  require_dotnet
  cd "$1"
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
  build_client "$1"
}
