#!/usr/bin/env bash
# Server-added latency and join time of HTTP-FLV and RTMP play: bench/live/flv_latency.py publishes a pre-encoded
# 720p30 file (1.5 Mbit/s, GOP 1 s) over RTMP in real time and plays it back through the server in the same
# process (one clock), per video frame: received by the player - sent by the publisher. Spectra (HTTP-FLV, RTMP
# play) and nginx-rtmp (RTMP play) in the same run. A direct encoder→player connection on loopback adds only the
# TCP transit (tens of µs), so these figures are what the server adds. Everything on 127.0.0.1, stopped by pid.
#
#   bench/live/flv-latency.sh [SECONDS=20]
set -euo pipefail
window="${1:-20}"
. "$(dirname "$0")/lib.sh"
play_latency() { (cd "$root/bench/live" && python3 flv_latency.py --source "$work/source.flv" --publish "$1" --play "$2" --seconds "$window"); }

ffmpeg -hide_banner -loglevel error -f lavfi -i testsrc2=size=1280x720:rate=30 -f lavfi -i sine=frequency=440 -t 30 \
  -c:v libx264 -preset veryfast -tune zerolatency -b:v 1500k -maxrate 1500k -bufsize 3000k -g 30 -pix_fmt yuv420p -c:a aac -b:a 128k \
  -f flv "$work/source.flv"

# ---------- Spectra ----------
start_spectra bench
key="${keys[0]}"
echo "Spectra HTTP-FLV: $(play_latency "rtmp://127.0.0.1:$rtmp_port/live/$key" "http://127.0.0.1:$http_port/live/bench.flv")"
sleep 2
echo "Spectra RTMP play: $(play_latency "rtmp://127.0.0.1:$rtmp_port/live/$key" "rtmp://127.0.0.1:$rtmp_port/live/bench")"
kill "$spectra"; wait "$spectra" 2>/dev/null || true

# ---------- nginx-rtmp ----------
nginx_port="$(free_port)"
start_nginx_live "$nginx_port"
echo "nginx-rtmp RTMP play: $(play_latency "rtmp://127.0.0.1:$nginx_port/live/bench" "rtmp://127.0.0.1:$nginx_port/live/bench")"
