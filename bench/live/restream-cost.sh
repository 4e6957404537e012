#!/usr/bin/env bash
# What restreaming costs: Spectra's CPU (process and descendants) receiving one 2.65 Mbit/s stream (stream copy of a
# pre-encoded 720p30 H.264 at 2.5 Mbit/s + AAC 128 kbit/s, looped), first with no restream destination, then, in
# the same run and the same server, with the stream pushed to DESTINATIONS local nginx-rtmp servers (each its own
# process, one worker, relaying to nobody). Passthrough mode: no transcoder, so the difference is the push alone.
# Everything listens on 127.0.0.1 and is stopped by pid.
#
#   bench/live/restream-cost.sh [DESTINATIONS=3] [SECONDS=30]
set -euo pipefail
destinations="${1:-3}"
window="${2:-30}"
. "$(dirname "$0")/lib.sh"

echo "Preparing the 720p30 source (H.264 2.5 Mbit/s CBR, GOP 2 s, AAC 128 kbit/s: 2.65 Mbit/s with FLV overhead)..."
ffmpeg -hide_banner -loglevel error -f lavfi -i testsrc2=size=1280x720:rate=30 -f lavfi -i sine=frequency=440 -t 20 \
  -c:v libx264 -preset veryfast -b:v 2500k -minrate 2500k -maxrate 2500k -bufsize 2500k -x264-params nal-hrd=cbr -g 60 -pix_fmt yuv420p \
  -c:a aac -b:a 128k -f flv "$work/source.flv"

# The destinations: nginx-rtmp servers with application "app" (live relay), each in its own directory.
servers=()
for i in $(seq 1 "$destinations"); do
  port="$(free_port)"; dir="$work/nginx$i"; mkdir -p "$dir/logs"
  cat > "$dir/nginx.conf" <<CONF
load_module /usr/lib/nginx/modules/ngx_rtmp_module.so;
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 64; }
rtmp { server { listen 127.0.0.1:$port; chunk_size 4096; application app { live on; record off; } } }
CONF
  nginx -p "$dir" -c "$dir/nginx.conf" -g 'daemon off;' &
  pids+=("$!")
  servers+=("rtmp://127.0.0.1:$port/app" "bench_restream_key_$i")
done

export Transcoding__Mode=passthrough
start_spectra bench1
sleep 10
ffmpeg -hide_banner -loglevel error -nostdin -re -stream_loop -1 -i "$work/source.flv" -c copy -f flv "rtmp://127.0.0.1:$rtmp_port/live/${keys[0]}" &
publisher=$!; pids+=("$publisher")
sleep 20 # warm-up: tiered JIT of the ingest path settles
read -r base_cpu base_rss < <(measure "$spectra" "$window")

python3 "$(dirname "$0")/restream_destinations.py" "http://127.0.0.1:$http_port" bench1 "bench password for bench1" "${servers[@]}"
sleep 15 # the pushes' JIT settles
read -r push_cpu push_rss < <(measure "$spectra" "$window")
kill "$publisher"; wait "$publisher" 2>/dev/null || true
kill "$spectra"; wait "$spectra" 2>/dev/null || true

awk -v n="$destinations" -v w="$window" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" \
  -v bc="$base_cpu" -v br="$base_rss" -v pc="$push_cpu" -v pr="$push_rss" 'BEGIN {
  printf "destinations=%d window=%ds load=%s (CPU %% of one core; RSS MiB)\n", n, w, load
  printf "| Spectra, one 2.65 Mbit/s stream | CPU | RSS |\n| --- | ---: | ---: |\n"
  printf "| ingest only | %.2f | %.1f |\n", bc, br
  printf "| ingest + push to %d destinations | %.2f | %.1f |\n", n, pc, pr
  printf "restreaming adds %.2f %% of a core (%.2f per destination), %.1f MiB\n", pc - bc, (pc - bc) / n, pr - br
}'
