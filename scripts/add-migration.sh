#!/usr/bin/env bash
# Adds a migration named NAME for both database providers, from the current model:
#   scripts/add-migration.sh AddChannelLanguage
# writes src/Spectra.Data/Migrations/Sqlite/<timestamp>_NAME.cs and Migrations/Postgres/<timestamp>_NAME.cs
# and updates each provider's model snapshot. Review both, then commit them together.
# Uses the dotnet-ef tool pinned in .config/dotnet-tools.json (restored here; the tests do not need it).
set -euo pipefail
if [ "$#" -ne 1 ] || [[ ! "$1" =~ ^[A-Z][A-Za-z0-9]*$ ]]; then
  echo "usage: $0 NAME   (PascalCase, e.g. AddChannelLanguage)" >&2
  exit 2
fi
name="$1"
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/lib.sh"
require_dotnet
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore
project=src/Spectra.Data/Spectra.Data.csproj
dotnet build "$project" -c Debug -v quiet -nologo
for provider in Sqlite Postgres; do
  echo "=== $provider"
  dotnet tool run dotnet-ef migrations add "$name" --no-build --project "$project" --startup-project "$project" \
    --context "${provider}SpectraDbContext" --output-dir "Migrations/$provider"
done
