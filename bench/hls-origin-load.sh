#!/usr/bin/env bash
# HLS origin load test: Spectra serving a window of real CMAF segments from memory (MapHlsOrigin,
# Kestrel) against nginx serving the very same segment files from disk, both on 127.0.0.1 and both
# hit by wrk in the same run. Prints a Markdown table for docs/benchmarks.md ("## HLS origin").
#
#   bench/hls-origin-load.sh                 # 10 s per run, 64 connections, 2 rounds
#   DURATION=30s CONNECTIONS=128 ROUNDS=3 bench/hls-origin-load.sh
#
# Needs: dotnet, ffmpeg, nginx, wrk. Starts nginx with its own config and pid file in a temp dir
# and stops both servers by their pids on exit.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
ROUNDS=${ROUNDS:-2}
SPECTRA_PORT=${SPECTRA_PORT:-18781}
NGINX_PORT=${NGINX_PORT:-18782}
WORK=$(mktemp -d /tmp/spectra-hls-load.XXXXXX)
ORIGIN_PID=""

cleanup() {
  if [[ -n "$ORIGIN_PID" ]] && kill -0 "$ORIGIN_PID" 2>/dev/null; then kill "$ORIGIN_PID"; wait "$ORIGIN_PID" 2>/dev/null || true; fi
  if [[ -f "$WORK/nginx.pid" ]]; then kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true; fi
  sleep 0.5
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== input: 12 s 1280x720 30 fps H.264 ~3 Mbit/s + AAC, GOP 1 s, fragmented MP4" >&2
ffmpeg -hide_banner -loglevel error -y \
  -f lavfi -i testsrc2=size=1280x720:rate=30 -f lavfi -i sine=sample_rate=48000 -t 12 \
  -c:v libx264 -preset veryfast -b:v 3M -maxrate 3M -bufsize 3M -g 30 -keyint_min 30 -sc_threshold 0 -pix_fmt yuv420p \
  -c:a aac -b:a 128k -f mp4 -movflags +frag_keyframe+empty_moov+default_base_moof "$WORK/input.mp4"

echo "== building bench/Spectra.Bench.Media (Release)" >&2
dotnet build -c Release "$ROOT/bench/Spectra.Bench.Media/Spectra.Bench.Media.csproj" -v q -nologo >&2

echo "== starting Spectra origin on 127.0.0.1:$SPECTRA_PORT" >&2
DOTNET_gcServer=1 dotnet "$ROOT/bench/Spectra.Bench.Media/bin/Release/net10.0/Spectra.Bench.Media.dll" \
  origin "$WORK/input.mp4" "$SPECTRA_PORT" "$WORK/www" > "$WORK/origin.log" 2>&1 &
ORIGIN_PID=$!
for _ in $(seq 1 120); do
  grep -q '^ready' "$WORK/origin.log" && break
  kill -0 "$ORIGIN_PID" 2>/dev/null || { cat "$WORK/origin.log" >&2; exit 1; }
  sleep 0.5
done
READY=$(grep '^ready' "$WORK/origin.log") || { echo "origin did not start" >&2; exit 1; }
FIRST=$(sed -E 's/.*first=([0-9]+).*/\1/' <<<"$READY")
COUNT=$(sed -E 's/.*count=([0-9]+).*/\1/' <<<"$READY")
SIZES=$(sed -E 's/.*sizes=([0-9,]+).*/\1/' <<<"$READY")
echo "== $READY" >&2

echo "== starting nginx on 127.0.0.1:$NGINX_PORT (pid file $WORK/nginx.pid)" >&2
mkdir -p "$WORK/nginx-tmp"
# nginx workers run as an unprivileged user when started as root: let them read the files.
chmod 755 "$WORK"
chmod -R a+rX "$WORK/www"
cat > "$WORK/nginx.conf" <<EOF
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  open_file_cache max=1000 inactive=60s;
  client_body_temp_path $WORK/nginx-tmp/body;
  proxy_temp_path $WORK/nginx-tmp/proxy;
  fastcgi_temp_path $WORK/nginx-tmp/fastcgi;
  uwsgi_temp_path $WORK/nginx-tmp/uwsgi;
  scgi_temp_path $WORK/nginx-tmp/scgi;
  types { video/iso.segment m4s; video/mp4 mp4; application/vnd.apple.mpegurl m3u8; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
    location ~ \.m4s\$ {
      add_header Cache-Control "public, max-age=31536000, immutable";
      add_header Access-Control-Allow-Origin "*";
      add_header Access-Control-Expose-Headers "Content-Length, Content-Range";
    }
  }
}
EOF
nginx -p "$WORK" -c "$WORK/nginx.conf"
for _ in $(seq 1 40); do [[ -s "$WORK/nginx.pid" ]] && break; sleep 0.25; done

# Every request picks the next of the window's segments, like players walking the live edge.
cat > "$WORK/rotate.lua" <<EOF
local first, count, n = $FIRST, $COUNT, 0
request = function()
  n = n + 1
  return wrk.format("GET", "/hls/bench/720p/" .. (first + (n % count)) .. ".m4s")
end
EOF

# Both servers must return identical bytes for the same URL.
for seq in "$FIRST" $((FIRST + COUNT - 1)); do
  cmp <(curl -sf "http://127.0.0.1:$SPECTRA_PORT/hls/bench/720p/$seq.m4s") \
      <(curl -sf "http://127.0.0.1:$NGINX_PORT/hls/bench/720p/$seq.m4s") \
    || { echo "segment $seq differs between servers" >&2; exit 1; }
done

to_mib() { # wrk prints e.g. 812.34MB, 1.02GB, 900.00KB
  awk -v v="$1" 'BEGIN { n = v + 0; u = v; gsub(/[0-9.]/, "", u);
    if (u == "GB") n *= 1024; else if (u == "KB") n /= 1024; else if (u == "B") n /= 1048576; printf "%.1f", n }'
}

declare -A RPS MIB
RPS[spectra]=0; RPS[nginx]=0; MIB[spectra]=0; MIB[nginx]=0
run() { # name port
  wrk -t"$THREADS" -c"$CONNECTIONS" -d2s -s "$WORK/rotate.lua" "http://127.0.0.1:$2" > /dev/null # warm-up
  local out rps mib
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$WORK/rotate.lua" "http://127.0.0.1:$2")
  grep -qE 'Non-2xx|Socket errors' <<<"$out" && { echo "$out" >&2; echo "errors while loading $1" >&2; exit 1; }
  rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
  mib=$(to_mib "$(awk '/^Transfer\/sec:/ { print $2 }' <<<"$out")")
  echo "   $1: $rps req/s, $mib MiB/s" >&2
  RPS[$1]=$(awk -v a="${RPS[$1]}" -v b="$rps" 'BEGIN { print a + b }')
  MIB[$1]=$(awk -v a="${MIB[$1]}" -v b="$mib" 'BEGIN { print a + b }')
}
for round in $(seq 1 "$ROUNDS"); do
  echo "== round $round: wrk -t$THREADS -c$CONNECTIONS -d$DURATION" >&2
  run spectra "$SPECTRA_PORT"
  run nginx "$NGINX_PORT"
done

avg() { awk -v s="$1" -v r="$ROUNDS" 'BEGIN { printf "%.0f", s / r }'; }
avg1() { awk -v s="$1" -v r="$ROUNDS" 'BEGIN { printf "%.1f", s / r }'; }
S_RPS=$(avg "${RPS[spectra]}"); N_RPS=$(avg "${RPS[nginx]}")
S_MIB=$(avg1 "${MIB[spectra]}"); N_MIB=$(avg1 "${MIB[nginx]}")
AVG_SIZE=$(awk -v s="$SIZES" 'BEGIN { n = split(s, a, ","); t = 0; for (i = 1; i <= n; i++) t += a[i]; printf "%.0f", t / n / 1024 }')
echo
echo "$COUNT segments of 1 s, 1280x720 ~3 Mbit/s, mean $AVG_SIZE KiB; wrk -t$THREADS -c$CONNECTIONS -d$DURATION, mean of $ROUNDS rounds; $(nproc) cores shared by wrk and the server."
echo
echo "| server | requests/s | MiB/s | ratio Spectra/nginx |"
echo "| --- | ---: | ---: | ---: |"
echo "| Spectra origin (memory, Kestrel) | $S_RPS | $S_MIB | $(awk -v a="$S_RPS" -v b="$N_RPS" 'BEGIN { printf "%.2f", a / b }') |"
echo "| nginx $(nginx -v 2>&1 | sed -E 's/.*nginx\///') (disk, sendfile, 2 workers) | $N_RPS | $N_MIB | 1.00 |"
