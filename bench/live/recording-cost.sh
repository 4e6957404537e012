#!/usr/bin/env bash
# Recording cost per live stream: the CPU and RSS that recording (each rendition's CMAF segments and journal
# written to the local object store as they are published) adds to a passthrough live stream. One Spectra
# build and data directory; the server is restarted for each round with Recording:Enabled off, then on
# (ROUNDS times, alternating, to average out the noise of a shared machine), each round receiving the same
# N publishers (stream copy of one pre-encoded OBS-like 720p30 H.264 2.5 Mbit/s file, keyframe every 2 s,
# AAC, looped). CPU = utime+stime of the server process and its descendants over the window; RSS = their sum
# at the end of the window. Everything listens on 127.0.0.1 and is stopped by pid.
#
#   bench/live/recording-cost.sh [STREAMS=4] [SECONDS=60] [ROUNDS=2]
set -euo pipefail
streams="${1:-4}"
window="${2:-60}"
rounds="${3:-2}"
. "$(dirname "$0")/lib.sh"

echo "Preparing the 720p30 source (H.264 2.5 Mbit/s, keyframe every 2 s, AAC)..."
ffmpeg -hide_banner -loglevel error -f lavfi -i testsrc2=size=1280x720:rate=30 -f lavfi -i sine=frequency=440 -t 20 \
  -c:v libx264 -preset veryfast -b:v 2500k -maxrate 2500k -bufsize 5000k -g 60 -keyint_min 60 -sc_threshold 0 \
  -pix_fmt yuv420p -c:a aac -b:a 160k -f flv "$work/source.flv"

publish() { # URL -> pid
  ffmpeg -hide_banner -loglevel error -nostdin -re -stream_loop -1 -i "$work/source.flv" -c copy -f flv "$1" &
  pids+=("$!")
}
stop_publishers() { for pid in "${publishers[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; }
dll="$root/src/Spectra.Server/bin/Release/net10.0/Spectra.Server.dll"
restart_spectra() {
  kill "$spectra" 2>/dev/null || true; wait "$spectra" 2>/dev/null || true
  (cd "$root/src/Spectra.Server" && exec dotnet "$dll" 2>/dev/null) &
  spectra=$!; pids+=("$spectra")
  for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$http_port/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
}
segments_stored() { { find "$work/data/recordings" -name '*.m4s' 2>/dev/null || true; } | wc -l; }

# round RECORDING: sets cpu and rss (% of one core, MiB) of the server with $streams publishers
round() {
  export Recording__Enabled="$1"
  restart_spectra
  sleep 10 # start-up work (migrations, JIT, background services) settles
  local before; before="$(segments_stored)"
  publishers=()
  for key in "${keys[@]}"; do publish "rtmp://127.0.0.1:$rtmp_port/live/$key"; publishers+=("${pids[-1]}"); done
  sleep 20 # warm-up: tiered JIT of the ingest (and recording) path settles
  read -r cpu rss < <(measure "$spectra" "$window")
  for i in $(seq 1 "$streams"); do curl -fs "http://127.0.0.1:$http_port/hls/bench$i/master.m3u8" >/dev/null || echo "warning: bench$i has no playlist" >&2; done
  stop_publishers
  echo "round recording=$1: CPU $cpu %, RSS $rss MiB; segments stored this round: $(( $(segments_stored) - before ))"
}

load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
export Recording__Enabled=false
start_spectra $(seq -f "bench%g" 1 "$streams")
off_cpu=0; off_rss=0; on_cpu=0; on_rss=0
for r in $(seq 1 "$rounds"); do
  round false; off_cpu="$(awk -v a="$off_cpu" -v b="$cpu" 'BEGIN{print a+b}')"; off_rss="$(awk -v a="$off_rss" -v b="$rss" 'BEGIN{print a+b}')"
  round true; on_cpu="$(awk -v a="$on_cpu" -v b="$cpu" 'BEGIN{print a+b}')"; on_rss="$(awk -v a="$on_rss" -v b="$rss" 'BEGIN{print a+b}')"
done
kill "$spectra"; wait "$spectra" 2>/dev/null || true
recorded_mib="$(du -sm "$work/data/recordings" 2>/dev/null | cut -f1 || echo 0)"

awk -v n="$streams" -v w="$window" -v r="$rounds" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" -v mib="$recorded_mib" -v ls="$load_start" \
  -v oc="$off_cpu" -v orss="$off_rss" -v nc="$on_cpu" -v nrss="$on_rss" 'BEGIN {
  oc /= r; orss /= r; nc /= r; nrss /= r
  printf "streams=%d window=%ds rounds=%d load at start %s, at end %s, recorded=%d MiB (CPU %% of one core; RSS MiB; means over the rounds)\n", n, w, r, ls, load, mib
  printf "| recording | server CPU with %d streams | server RSS with %d streams |\n", n, n
  printf "| --- | ---: | ---: |\n"
  printf "| off | %.2f | %.1f |\n", oc, orss
  printf "| on | %.2f | %.1f |\n", nc, nrss
  printf "added by recording per stream: CPU %+.2f %% of a core, RSS %+.1f MiB", (nc - oc) / n, (nrss - orss) / n
  if (oc > 0) printf " (CPU on/off %.2fx)", nc / oc
  printf "\n"
}'
