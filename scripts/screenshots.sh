#!/usr/bin/env bash
# Regenerates docs/screenshots/*.png (home, a live channel and the creator dashboard, at desktop and
# phone size) from a test server with fixed data and an ffmpeg test pattern as the live stream.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/lib.sh"
prepare_tests "$root"
dotnet build tests/Spectra.BrowserTests -c Debug -v quiet -nologo
SPECTRA_SCREENSHOTS_DIR="$root/docs/screenshots" dotnet test tests/Spectra.BrowserTests --no-build -c Debug \
  --filter "FullyQualifiedName~VisualRegressionBrowserTests.DocsScreenshot_Page_Written" --logger "console;verbosity=normal"
ls -l "$root/docs/screenshots"
