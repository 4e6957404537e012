#!/usr/bin/env bash
# FLV fan-out cost per viewer: Spectra serving N HTTP-FLV viewers and N RTMP players of one live stream, versus
# nginx + libnginx-mod-rtmp serving N RTMP players of the same stream, in the same run. One publisher (stream copy
# of a pre-encoded 720p30 H.264 1.5 Mbit/s + AAC file, looped in real time); viewers are bench/live/flv_viewers.py
# (read and discard). CPU = utime+stime of the server process tree over the window; per viewer =
# (CPU with N viewers - CPU with the publisher alone) / N. Also prints the HTTP-FLV join time (connect to the
# first complete keyframe). Everything listens on 127.0.0.1 and is stopped by pid.
#
#   bench/live/flv-fanout-cost.sh [VIEWERS=200] [SECONDS=20]
set -euo pipefail
viewers="${1:-200}"
window="${2:-20}"
. "$(dirname "$0")/lib.sh"
# with_viewers SERVER_PID URL -> "cpu rss" (and the load generator's line on stderr)
with_viewers() {
  python3 "$root/bench/live/flv_viewers.py" --url "$2" --viewers "$viewers" --seconds "$((window + 6))" >"$work/viewers.out" &
  local load=$!; pids+=("$load")
  sleep 4
  measure "$1" "$window"
  wait "$load" || true
  cat "$work/viewers.out" >&2
}

echo "Preparing the 720p30 source (H.264 1.5 Mbit/s, GOP 1 s, AAC 128 kbit/s)..." >&2
ffmpeg -hide_banner -loglevel error -f lavfi -i testsrc2=size=1280x720:rate=30 -f lavfi -i sine=frequency=440 -t 20 \
  -c:v libx264 -preset veryfast -b:v 1500k -maxrate 1500k -bufsize 3000k -g 30 -pix_fmt yuv420p -c:a aac -b:a 128k \
  -f flv "$work/source.flv"
publish() { ffmpeg -hide_banner -loglevel error -nostdin -re -stream_loop -1 -i "$work/source.flv" -c copy -f flv "$1" & pids+=("$!"); publisher=$!; }

# ---------- Spectra ----------
start_spectra bench
key="${keys[0]}"
publish "rtmp://127.0.0.1:$rtmp_port/live/$key"
sleep 8
read -r s_base_cpu s_base_rss < <(measure "$spectra" "$window")
echo "Spectra HTTP-FLV viewers:" >&2
read -r s_flv_cpu s_flv_rss < <(with_viewers "$spectra" "http://127.0.0.1:$http_port/live/bench.flv")
echo "Spectra RTMP players:" >&2
read -r s_rtmp_cpu s_rtmp_rss < <(with_viewers "$spectra" "rtmp://127.0.0.1:$rtmp_port/live/bench")
kill "$publisher"; wait "$publisher" 2>/dev/null || true
kill "$spectra"; wait "$spectra" 2>/dev/null || true

# ---------- nginx-rtmp ----------
nginx_port="$(free_port)"
start_nginx_live "$nginx_port"
publish "rtmp://127.0.0.1:$nginx_port/live/bench"
sleep 8
read -r n_base_cpu n_base_rss < <(measure "$nginx_pid" "$window")
echo "nginx-rtmp RTMP players:" >&2
read -r n_rtmp_cpu n_rtmp_rss < <(with_viewers "$nginx_pid" "rtmp://127.0.0.1:$nginx_port/live/bench")
kill "$publisher"; wait "$publisher" 2>/dev/null || true
kill "$nginx_pid"; wait "$nginx_pid" 2>/dev/null || true

awk -v n="$viewers" -v w="$window" \
  -v sb="$s_base_cpu" -v sbr="$s_base_rss" -v sf="$s_flv_cpu" -v sfr="$s_flv_rss" -v sr="$s_rtmp_cpu" -v srr="$s_rtmp_rss" \
  -v nb="$n_base_cpu" -v nbr="$n_base_rss" -v nr="$n_rtmp_cpu" -v nrr="$n_rtmp_rss" 'BEGIN {
  printf "viewers=%d window=%ds (CPU %% of one core; RSS MiB)\n", n, w
  printf "| server, viewers | CPU publisher only | CPU with %d viewers | CPU per viewer | RSS publisher only | RSS with viewers | RSS per viewer |\n", n
  printf "| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n"
  printf "| Spectra, HTTP-FLV | %.2f | %.2f | %.3f | %.1f | %.1f | %.3f |\n", sb, sf, (sf - sb) / n, sbr, sfr, (sfr - sbr) / n
  printf "| Spectra, RTMP play | %.2f | %.2f | %.3f | %.1f | %.1f | %.3f |\n", sb, sr, (sr - sb) / n, sbr, srr, (srr - sbr) / n
  printf "| nginx-rtmp, RTMP play | %.2f | %.2f | %.3f | %.1f | %.1f | %.3f |\n", nb, nr, (nr - nb) / n, nbr, nrr, (nrr - nbr) / n
  if (nr - nb > 0) printf "ratio per viewer vs nginx-rtmp: Spectra HTTP-FLV %.2fx, Spectra RTMP %.2fx\n", (sf - sb) / (nr - nb), (sr - sb) / (nr - nb)
}'
