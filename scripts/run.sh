#!/usr/bin/env bash
# Sets up and starts Spectra: http://localhost:8080 (web), rtmp://localhost:1935/live (ingest),
# data under ./data (SQLite database, keys, avatars). Extra arguments go to the server,
# e.g. scripts/run.sh user create alice --password-stdin
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/lib.sh"
"$root/scripts/install-deps.sh"
require_dotnet
cd "$root"
build_client "$root"
dotnet build src/Spectra.Server/Spectra.Server.csproj -c Release -v quiet -nologo
export Storage__DataDirectory="${Storage__DataDirectory:-$root/data}"
cd "$root/src/Spectra.Server"
exec dotnet bin/Release/net10.0/Spectra.Server.dll "$@"
