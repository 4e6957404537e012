# Helpers shared by the bench/live scripts (sourced, not run): a work directory and the processes started, both
# removed on exit (stopped by pid), free loopback ports, CPU and RSS of a process tree, nginx-rtmp on 127.0.0.1.
# Sets: root, work, pids, tck.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d /tmp/spectra-bench.XXXXXX)"
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

# start_spectra NAME...: builds Spectra (Release), creates one user per NAME (their stream keys in keys[]) and starts
# the server on free loopback ports, the source passthrough as its only rendition (a 2160p rung is never below a
# 720p source), thumbnails off, RTMP connection limits raised for many local players; sets http_port, rtmp_port,
# spectra (its pid).
start_spectra() {
  echo "Building Spectra (Release)..." >&2
  dotnet build "$root/src/Spectra.Server/Spectra.Server.csproj" -c Release -v quiet -nologo >/dev/null
  http_port="$(free_port)"; rtmp_port="$(free_port)"
  export Http__Address=127.0.0.1 Http__Port="$http_port" Ingest__RtmpPort="$rtmp_port" Storage__DataDirectory="$work/data" \
    Logging__LogLevel__Default=Warning Transcoding__ThumbnailIntervalSeconds=0 Rtmp__MaxConnectionsPerAddress=1000 \
    Transcoding__Renditions__0__Name=2160p Transcoding__Renditions__0__Height=2160 Transcoding__Renditions__0__VideoBitrateKbps=20000
  local dll="$root/src/Spectra.Server/bin/Release/net10.0/Spectra.Server.dll" name
  keys=()
  for name in "$@"; do
    (cd "$root/src/Spectra.Server" && echo "bench password for $name" | dotnet "$dll" user create "$name" --password-stdin >/dev/null)
    keys+=("$(cd "$root/src/Spectra.Server" && dotnet "$dll" user stream-key "$name" | grep -o 'live_[A-Za-z0-9]*' | head -1)")
  done
  (cd "$root/src/Spectra.Server" && exec dotnet "$dll" 2>/dev/null) &
  spectra=$!; pids+=("$spectra")
  for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$http_port/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
}

# start_nginx_live PORT [DIRECTIVES]: nginx + libnginx-mod-rtmp, one worker, application "live" with DIRECTIVES
# (default: relay live streams, players start at a keyframe), its own config and pid file under $work; sets nginx_pid.
start_nginx_live() {
  local directives="${2:-live on; record off; wait_key on;}"
  mkdir -p "$work/nginx/logs"
  cat > "$work/nginx/nginx.conf" <<CONF
load_module /usr/lib/nginx/modules/ngx_rtmp_module.so;
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 1024; }
rtmp { server { listen 127.0.0.1:$1; chunk_size 4096; application live { $directives } } }
CONF
  nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
  nginx_pid=$!; pids+=("$nginx_pid")
  sleep 1
}
