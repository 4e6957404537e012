#!/usr/bin/env bash
# Ingest cost per passthrough stream: Spectra (RTMP ingest + in-process FLV-to-CMAF packaging in memory, no child process)
# versus nginx + libnginx-mod-rtmp (RTMP ingest + its own HLS packaging to disk), each receiving the same
# N publishers (stream copy of one pre-encoded 720p30 H.264/AAC file, looped) in the same run.
# CPU = utime+stime of the server process and all its descendants over the window; RSS = their sum at the end,
# minus the idle server measured before any publisher. Everything listens on 127.0.0.1 and is stopped by pid.
#
# MODE is Spectra's Transcoding:Mode: passthrough (default) or ladder (the source-only ladder: same path, the
# 2160p rung is never below a 720p source).
#
#   bench/live/ingest-cost.sh [STREAMS=2] [SECONDS=30] [MODE=passthrough]
set -euo pipefail
streams="${1:-2}"
window="${2:-30}"
mode="${3:-passthrough}"
. "$(dirname "$0")/lib.sh"

echo "Preparing the 720p30 source (H.264 3 Mbit/s, GOP 1 s, AAC)..."
ffmpeg -hide_banner -loglevel error -f lavfi -i testsrc2=size=1280x720:rate=30 -f lavfi -i sine=frequency=440 -t 20 \
  -c:v libx264 -preset veryfast -b:v 3000k -maxrate 3000k -bufsize 6000k -g 30 -pix_fmt yuv420p -c:a aac -b:a 128k \
  -f flv "$work/source.flv"

publish() { # URL -> pid
  ffmpeg -hide_banner -loglevel error -nostdin -re -stream_loop -1 -i "$work/source.flv" -c copy -f flv "$1" &
  pids+=("$!")
}
stop_publishers() { for pid in "${publishers[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; }

# ---------- Spectra ----------
export Transcoding__Mode="$mode"
start_spectra $(seq -f "bench%g" 1 "$streams")
sleep 10 # start-up work (migrations, JIT, background services) settles before the idle sample
read -r spectra_idle_cpu spectra_idle_rss < <(measure "$spectra" 10)
publishers=()
for key in "${keys[@]}"; do publish "rtmp://127.0.0.1:$rtmp_port/live/$key"; publishers+=("${pids[-1]}"); done
sleep 20 # warm-up: tiered JIT of the ingest path settles
read -r spectra_cpu spectra_rss < <(measure "$spectra" "$window")
for i in $(seq 1 "$streams"); do curl -fs "http://127.0.0.1:$http_port/hls/bench$i/master.m3u8" >/dev/null || echo "warning: bench$i has no playlist" >&2; done
stop_publishers
kill "$spectra"; wait "$spectra" 2>/dev/null || true

# ---------- nginx-rtmp ----------
nginx_port="$(free_port)"
mkdir -p "$work/nginx/hls"
start_nginx_live "$nginx_port" "live on; record off; hls on; hls_path $work/nginx/hls; hls_fragment 1s; hls_playlist_length 12s;"
read -r nginx_idle_cpu nginx_idle_rss < <(measure "$nginx_pid" 10)
publishers=()
for i in $(seq 1 "$streams"); do publish "rtmp://127.0.0.1:$nginx_port/live/bench$i"; publishers+=("${pids[-1]}"); done
sleep 20 # same warm-up as Spectra
read -r nginx_cpu nginx_rss < <(measure "$nginx_pid" "$window")
stop_publishers
kill "$nginx_pid"; wait "$nginx_pid" 2>/dev/null || true

awk -v n="$streams" -v w="$window" -v mode="$mode" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" \
  -v sc="$spectra_cpu" -v sr="$spectra_rss" -v sic="$spectra_idle_cpu" -v sir="$spectra_idle_rss" \
  -v nc="$nginx_cpu" -v nr="$nginx_rss" -v nic="$nginx_idle_cpu" -v nir="$nginx_idle_rss" 'BEGIN {
  scs = (sc - sic) / n; srs = (sr - sir) / n; ncs = (nc - nic) / n; nrs = (nr - nir) / n
  printf "streams=%d window=%ds mode=%s load=%s (CPU %% of one core; RSS MiB)\n", n, w, mode, load
  printf "| server | idle CPU | idle RSS | CPU with %d streams | RSS with %d streams | CPU per stream | RSS per stream |\n", n, n
  printf "| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n"
  printf "| Spectra (ingest + in-process CMAF in memory) | %.2f | %.1f | %.2f | %.1f | %.2f | %.1f |\n", sic, sir, sc, sr, scs, srs
  printf "| nginx-rtmp (ingest + HLS to disk) | %.2f | %.1f | %.2f | %.1f | %.2f | %.1f |\n", nic, nir, nc, nr, ncs, nrs
  if (ncs > 0 && nrs > 0) printf "ratio Spectra/nginx per stream: CPU %.1fx, RSS %.1fx\n", scs / ncs, srs / nrs
}'
