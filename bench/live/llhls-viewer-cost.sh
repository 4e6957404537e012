#!/usr/bin/env bash
# LL-HLS cost per viewer: Spectra serving N LL-HLS viewers (bench/live/hls_viewers.py: blocking playlist reloads for
# every part, delta updates, every part fetched, like hls.js at the live edge) of one live stream. One publisher
# (stream copy of a pre-encoded 720p30 H.264 1.5 Mbit/s + AAC file with 2 s keyframes, OBS's default, looped in real
# time); the source passthrough is the only rendition. CPU = utime+stime of the server process tree over the window;
# per viewer = (CPU with N viewers - CPU with the publisher alone) / N. Everything listens on 127.0.0.1 and is
# stopped by pid.
#
#   bench/live/llhls-viewer-cost.sh [VIEWERS=200] [SECONDS=20]
set -euo pipefail
viewers="${1:-200}"
window="${2:-20}"
. "$(dirname "$0")/lib.sh"

echo "Preparing the 720p30 source (H.264 1.5 Mbit/s, GOP 2 s, AAC 128 kbit/s)..." >&2
ffmpeg -hide_banner -loglevel error -f lavfi -i testsrc2=size=1280x720:rate=30 -f lavfi -i sine=frequency=440 -t 20 \
  -c:v libx264 -preset veryfast -b:v 1500k -maxrate 1500k -bufsize 3000k -g 60 -pix_fmt yuv420p -c:a aac -b:a 128k \
  -f flv "$work/source.flv"

start_spectra bench
ffmpeg -hide_banner -loglevel error -nostdin -re -stream_loop -1 -i "$work/source.flv" -c copy -f flv \
  "rtmp://127.0.0.1:$rtmp_port/live/${keys[0]}" &
publisher=$!; pids+=("$publisher")
playlist="http://127.0.0.1:$http_port/hls/bench/source/index.m3u8"
for _ in $(seq 1 60); do curl -fs "$playlist" >/dev/null 2>&1 && break; sleep 0.5; done
sleep 6
read -r base_cpu base_rss < <(measure "$spectra" "$window")
echo "Spectra, $viewers LL-HLS viewers:" >&2
python3 "$root/bench/live/hls_viewers.py" --url "$playlist" --viewers "$viewers" --seconds "$((window + 8))" >"$work/viewers.out" &
load=$!; pids+=("$load")
sleep 5
read -r cpu rss < <(measure "$spectra" "$window")
wait "$load" || true
cat "$work/viewers.out" >&2
kill "$publisher"; wait "$publisher" 2>/dev/null || true
kill "$spectra"; wait "$spectra" 2>/dev/null || true

awk -v n="$viewers" -v w="$window" -v b="$base_cpu" -v br="$base_rss" -v c="$cpu" -v r="$rss" 'BEGIN {
  printf "viewers=%d window=%ds (CPU %% of one core; RSS MiB)\n", n, w
  printf "| server, viewers | CPU publisher only | CPU with %d viewers | CPU per viewer | RSS publisher only | RSS with viewers | RSS per viewer |\n", n
  printf "| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n"
  printf "| Spectra, LL-HLS | %.2f | %.2f | %.3f | %.1f | %.1f | %.3f |\n", b, c, (c - b) / n, br, r, (r - br) / n
}'
