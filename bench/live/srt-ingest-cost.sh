#!/usr/bin/env bash
# SRT ingest cost against RTMP ingest, same server, same source, same run: one pre-encoded 720p30 H.264/AAC file
# (looped, real time, stream copy) is published to one Spectra channel first over RTMP (FLV), then over SRT (MPEG-TS,
# listener mode, 200 ms latency, no encryption; with PASSPHRASE set, AES-128). Each phase warms up 20 s, then the
# server's CPU (utime+stime of its process tree, the publishers are not in it) is measured over the window. Idle is
# sampled before and after the two phases (same length as the window) and their mean subtracted; on a busy machine the
# per-stream cost is close to the idle noise, so the absolute figures are printed too. Everything listens on 127.0.0.1
# and is stopped by pid.
#
# ORDER srt-first runs the SRT phase first, to see how much the order (JIT, heap growth) weighs.
#
#   bench/live/srt-ingest-cost.sh [SECONDS=30] [MODE=passthrough] [PASSPHRASE=] [ORDER=rtmp-first|srt-first]
set -euo pipefail
window="${1:-30}"
mode="${2:-passthrough}"
passphrase="${3:-}"
order="${4:-rtmp-first}"
. "$(dirname "$0")/lib.sh"

echo "Preparing the 720p30 source (H.264 3 Mbit/s, GOP 1 s, AAC)..."
ffmpeg -hide_banner -loglevel error -f lavfi -i testsrc2=size=1280x720:rate=30 -f lavfi -i sine=frequency=440 -t 20 \
  -c:v libx264 -preset veryfast -b:v 3000k -maxrate 3000k -bufsize 6000k -g 30 -pix_fmt yuv420p -c:a aac -b:a 128k \
  -f flv "$work/source.flv"

srt_port="$(python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
export Transcoding__Mode="$mode" Ingest__SrtPort="$srt_port" Ingest__SrtPassphrase="$passphrase" Live__OfflineGrace=00:00:01
start_spectra bench1
key="${keys[0]}"
sleep 10 # start-up work settles before the idle sample
read -r idle_cpu idle_rss < <(measure "$spectra" "$window")

phase() { # URL FORMAT -> "cpu rss"
  ffmpeg -hide_banner -loglevel error -nostdin -re -stream_loop -1 -i "$work/source.flv" -c copy -f "$2" "$1" &
  local publisher=$!; pids+=("$publisher")
  sleep 20 # warm-up: tiered JIT of the ingest path settles
  curl -fs "http://127.0.0.1:$http_port/hls/bench1/master.m3u8" >/dev/null || echo "warning: no playlist over $2" >&2
  measure "$spectra" "$window"
  kill "$publisher" 2>/dev/null || true; wait "$publisher" 2>/dev/null || true
  sleep 8 # the channel goes offline (1 s grace) and its stream stops before the next phase
}

srt_url="srt://127.0.0.1:$srt_port?mode=caller&latency=200000&streamid=#!::r=live/$key,m=publish"
[ -n "$passphrase" ] && srt_url="$srt_url&passphrase=$passphrase&pbkeylen=16"
if [ "$order" = srt-first ]; then
  read -r srt_cpu srt_rss < <(phase "$srt_url" mpegts)
  read -r rtmp_cpu rtmp_rss < <(phase "rtmp://127.0.0.1:$rtmp_port/live/$key" flv)
else
  read -r rtmp_cpu rtmp_rss < <(phase "rtmp://127.0.0.1:$rtmp_port/live/$key" flv)
  read -r srt_cpu srt_rss < <(phase "$srt_url" mpegts)
fi
read -r idle2_cpu _ < <(measure "$spectra" "$window")
kill "$spectra"; wait "$spectra" 2>/dev/null || true

awk -v order="$order" -v w="$window" -v mode="$mode" -v enc="${passphrase:+AES-128}" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" \
  -v ic0="$idle_cpu" -v ic2="$idle2_cpu" -v ir="$idle_rss" -v rc="$rtmp_cpu" -v rr="$rtmp_rss" -v sc="$srt_cpu" -v sr="$srt_rss" 'BEGIN {
  ic = (ic0 + ic2) / 2
  printf "order=%s window=%ds mode=%s encryption=%s load=%s (CPU %% of one core; RSS MiB)\n", order, w, mode, (enc == "" ? "none" : enc), load
  printf "| ingest | CPU | CPU above idle | RSS |\n| --- | ---: | ---: | ---: |\n"
  printf "| idle (before / after: %.2f / %.2f) | %.2f | | %.1f |\n", ic0, ic2, ic, ir
  printf "| RTMP (FLV) | %.2f | %.2f | %.1f |\n", rc, rc - ic, rr
  printf "| SRT (MPEG-TS) | %.2f | %.2f | %.1f |\n", sc, sc - ic, sr
  printf "ratio SRT/RTMP: CPU %.2fx absolute", sc / rc
  if (rc - ic > 0) printf ", %.2fx above idle", (sc - ic) / (rc - ic)
  printf "\n"
}'
