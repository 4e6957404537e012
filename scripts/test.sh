#!/usr/bin/env bash
# Installs everything the tests need, builds, and runs the whole test suite (unit, integration on
# SQLite and PostgreSQL, media with real ffmpeg, browser tests in headless Chromium).
# Test projects run one after another: several of them drive real ffmpeg in real time and the
# reference machine has two cores. Exit status is non-zero if any project fails.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/lib.sh"
prepare_tests "$root"
dotnet build Spectra.slnx -c Debug -v quiet -nologo
failed=()
logs="$root/TestResults/logs"
rm -rf "$logs" && mkdir -p "$logs"
for project in tests/*/*.csproj; do
  if ! grep -q "<IsTestProject>true</IsTestProject>" "$project"; then
    continue
  fi
  echo "=== $(basename "$project" .csproj)"
  name="$(basename "$project" .csproj)"
  if ! dotnet test "$project" --no-build -c Debug --logger "console;verbosity=normal" -- RunConfiguration.TestSessionTimeout=1800000 \
      2>&1 | tee "$logs/$name.log"; then
    failed+=("$name")
  fi
done
if [ "${#failed[@]}" -gt 0 ]; then
  # The failures again at the end, where a log's tail shows them: each failed test's name and the
  # first lines of its message (the whole logs are in TestResults/logs).
  for name in "${failed[@]}"; do
    echo "--- failures in $name"
    awk '/^  Failed [A-Za-z]/ { shown = 0; keep = 1 }
         /^  Passed |^  Skipped / { keep = 0 }
         /^  Stack Trace:/ { keep = 0 }
         keep && shown < 8 && total < 70 { print substr($0, 1, 300); shown++; total++ }' "$logs/$name.log"
  done
  echo "Failed test projects: ${failed[*]}" >&2
  exit 1
fi
echo "All test projects passed."
