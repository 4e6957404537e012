#!/usr/bin/env bash
# Installs what the test suite needs on Debian 12: a PostgreSQL server (started by the tests on
# 127.0.0.1), ffmpeg/ffprobe, Chromium for browser tests, GStreamer as a second RTMP client,
# nginx with its RTMP and stream (TLS) modules as the peer in benchmarks and restream tests, and s3rver (npm, in tests/tools/s3) as the
# S3-compatible server the storage tests start on 127.0.0.1. The fonts are named one by one because
# the visual baselines of the browser tests are drawn with them: a machine that lacks one (they
# otherwise arrive as recommendations of other packages) renders text differently.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/lib.sh"
apt_install_missing \
  postgresql \
  ffmpeg \
  chromium \
  fonts-dejavu-core fonts-dejavu-extra fonts-liberation fonts-droid-fallback fonts-noto-mono fonts-urw-base35 \
  gstreamer1.0-tools gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad gstreamer1.0-plugins-ugly gstreamer1.0-libav \
  nginx libnginx-mod-rtmp libnginx-mod-stream \
  wrk \
  curl \
  util-linux procps \
  libsrt1.5-openssl srt-tools iproute2
command -v npm >/dev/null 2>&1 || apt_install_missing nodejs npm
(cd "$root/tests/tools/s3" && npm ci --no-audit --no-fund --loglevel=error)
# The Debian package starts a cluster on port 5432; tests start their own server on a free port instead.
require_dotnet
