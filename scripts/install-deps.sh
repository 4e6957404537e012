#!/usr/bin/env bash
# Installs what running Spectra needs on Debian 12: ffmpeg (transcoding), libsrt (SRT ingest),
# Node.js/npm (front-end build).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/lib.sh"
apt_install_missing ffmpeg ca-certificates libsrt1.5-openssl
command -v npm >/dev/null 2>&1 || apt_install_missing nodejs npm
require_dotnet
