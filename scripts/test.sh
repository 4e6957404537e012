#!/usr/bin/env bash
# Installs everything the tests need, builds, and runs the whole test suite (unit, integration on
# SQLite and PostgreSQL, media with real ffmpeg, browser tests in headless Chromium).
# Test projects run one after another: several of them drive real ffmpeg in real time and the
# reference machine has two cores. Exit status is non-zero if any project fails.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/lib.sh"
"$root/scripts/install-test-deps.sh"
require_dotnet
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
build_client "$root"
dotnet build Spectra.slnx -c Debug -v quiet -nologo
failed=()
for project in tests/*/*.csproj; do
  if ! grep -q "<IsTestProject>true</IsTestProject>" "$project"; then
    continue
  fi
  echo "=== $(basename "$project" .csproj)"
  if ! dotnet test "$project" --no-build -c Debug --logger "console;verbosity=normal" -- RunConfiguration.TestSessionTimeout=1800000; then
    failed+=("$(basename "$project" .csproj)")
  fi
done
if [ "${#failed[@]}" -gt 0 ]; then
  echo "Failed test projects: ${failed[*]}" >&2
  exit 1
fi
echo "All test projects passed."
