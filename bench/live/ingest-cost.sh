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
root="$(cd "$(dirname "$0")/../.." && pwd)"
streams="${1:-2}"
window="${2:-30}"
mode="${3:-passthrough}"
work="$(mktemp -d /tmp/spectra-ingest-bench.XXXXXX)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
tck="$(getconf CLK_TCK)"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# Process ids of $1 and all its descendants.
tree() {
  local all="$1" frontier="$1" next
  while [ -n "$frontier" ]; do
    next=""
    for p in $frontier; do
      next="$next $(ps -o pid= --ppid "$p" 2>/dev/null | tr '\n' ' ')"
    done
    frontier="$(echo $next)"
    all="$all $frontier"
  done
  echo $all
}
cpu_ticks() { local sum=0; for p in $(tree "$1"); do [ -r "/proc/$p/stat" ] && sum=$((sum + $(awk '{print $14+$15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done; echo "$sum"; }
rss_kib() { local sum=0; for p in $(tree "$1"); do sum=$((sum + $(awk '/VmRSS/{print $2}' "/proc/$p/status" 2>/dev/null || echo 0))); done; echo "$sum"; }

# measure PID SECONDS -> "cpu_percent rss_mib"
measure() {
  local pid="$1" seconds="$2" t0 t1
  t0="$(cpu_ticks "$pid")"; sleep "$seconds"; t1="$(cpu_ticks "$pid")"
  awk -v d="$((t1 - t0))" -v s="$seconds" -v tck="$tck" -v rss="$(rss_kib "$pid")" 'BEGIN { printf "%.2f %.1f\n", 100*d/tck/s, rss/1024 }'
}

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
echo "Building Spectra (Release)..."
dotnet build "$root/src/Spectra.Server/Spectra.Server.csproj" -c Release -v quiet -nologo >/dev/null
http_port="$(free_port)"; rtmp_port="$(free_port)"
export Http__Address=127.0.0.1 Http__Port="$http_port" Ingest__RtmpPort="$rtmp_port" Storage__DataDirectory="$work/data" \
  Logging__LogLevel__Default=Warning Transcoding__ThumbnailIntervalSeconds=0 Transcoding__Mode="$mode" \
  Transcoding__Renditions__0__Name=2160p Transcoding__Renditions__0__Height=2160 Transcoding__Renditions__0__VideoBitrateKbps=20000
# A 2160p rung is never above a 720p source's size, so the ladder is the source passthrough alone.
server_dll="$root/src/Spectra.Server/bin/Release/net10.0/Spectra.Server.dll"
keys=()
for i in $(seq 1 "$streams"); do
  (cd "$root/src/Spectra.Server" && echo "bench password $i long enough" | dotnet "$server_dll" user create "bench$i" --password-stdin >/dev/null)
  keys+=("$(cd "$root/src/Spectra.Server" && dotnet "$server_dll" user stream-key "bench$i" | grep -o 'live_[A-Za-z0-9]*' | head -1)")
done
(cd "$root/src/Spectra.Server" && exec dotnet "$server_dll") &
spectra=$!; pids+=("$spectra")
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$http_port/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
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
mkdir -p "$work/nginx/hls" "$work/nginx/logs"
cat > "$work/nginx/nginx.conf" <<CONF
load_module /usr/lib/nginx/modules/ngx_rtmp_module.so;
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 256; }
rtmp {
  server {
    listen 127.0.0.1:$nginx_port;
    chunk_size 4096;
    application live {
      live on;
      record off;
      hls on;
      hls_path $work/nginx/hls;
      hls_fragment 1s;
      hls_playlist_length 12s;
    }
  }
}
CONF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
nginx_pid=$!; pids+=("$nginx_pid")
sleep 1
read -r nginx_idle_cpu nginx_idle_rss < <(measure "$nginx_pid" 10)
publishers=()
for i in $(seq 1 "$streams"); do publish "rtmp://127.0.0.1:$nginx_port/live/bench$i"; publishers+=("${pids[-1]}"); done
sleep 20 # warm-up: tiered JIT of the ingest path settles
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
