#!/usr/bin/env bash
# Rewrites the visual regression baselines (tests/Spectra.BrowserTests/Baselines/*.png) from the current
# pages. Run it after a deliberate change of the design, look at every changed image (git diff shows
# which), and commit them with the change. Runs only the visual regression tests.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/lib.sh"
prepare_tests "$root"
dotnet build tests/Spectra.BrowserTests -c Debug -v quiet -nologo
SPECTRA_UPDATE_BASELINES=1 dotnet test tests/Spectra.BrowserTests --no-build -c Debug \
  --filter "FullyQualifiedName~VisualRegressionBrowserTests.Page_Screen_MatchesBaseline" --logger "console;verbosity=normal"
git -C "$root" status --short -- tests/Spectra.BrowserTests/Baselines
