#!/usr/bin/env bash
# Past broadcasts served by the real server (Kestrel, /vod endpoints with their visibility check and the
# in-memory VOD catalog), measured with curl and wrk on 127.0.0.1:
#  1. a 4-hour media playlist: a real recording of channel bench1 (20 s of an OBS-like 720p30 stream) whose
#     journal is then extended, server stopped, to 4 hours of 2 s segments (7,200 entries in chunks of 100, as a
#     recorder writes them); first request after a restart (cold: load the journals, write the playlists), then
#     sequential curl requests and wrk (cached);
#  2. a VOD segment of that recording against a live segment of channel bench2 (live at the same time, so both
#     are measured under the same ingest load), alternating ROUNDS times.
#
#   bench/live/vod-serving.sh [DURATION=10s] [CONNECTIONS=16] [ROUNDS=2]
set -euo pipefail
duration="${1:-10s}"
connections="${2:-16}"
rounds="${3:-2}"
. "$(dirname "$0")/lib.sh"

echo "Preparing the 720p30 source (H.264 2.5 Mbit/s, keyframe every 2 s, AAC)..."
ffmpeg -hide_banner -loglevel error -f lavfi -i testsrc2=size=1280x720:rate=30 -f lavfi -i sine=frequency=440 -t 20 \
  -c:v libx264 -preset veryfast -b:v 2500k -maxrate 2500k -bufsize 5000k -g 60 -keyint_min 60 -sc_threshold 0 \
  -pix_fmt yuv420p -c:a aac -b:a 160k -f flv "$work/source.flv"
publish() { # URL -> pid in $publisher
  ffmpeg -hide_banner -loglevel error -nostdin -re -stream_loop -1 -i "$work/source.flv" -c copy -f flv "$1" &
  publisher=$!; pids+=("$publisher")
}
dll="$root/src/Spectra.Server/bin/Release/net10.0/Spectra.Server.dll"
restart_spectra() {
  kill "$spectra" 2>/dev/null || true; wait "$spectra" 2>/dev/null || true
  (cd "$root/src/Spectra.Server" && exec dotnet "$dll" 2>/dev/null) &
  spectra=$!; pids+=("$spectra")
  for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$http_port/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
}
base() { echo "http://127.0.0.1:$http_port"; }
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"

start_spectra bench1 bench2
sleep 5
echo "Recording 20 s of bench1..."
publish "rtmp://127.0.0.1:$rtmp_port/live/${keys[0]}"
sleep 20
kill "$publisher"; wait "$publisher" 2>/dev/null || true
video=""
for _ in $(seq 1 60); do
  video="$(curl -fs "$(base)/api/v1/channels/bench1/videos" | python3 -c 'import json,sys; v=[x for x in json.load(sys.stdin) if x["status"]=="ready"]; print(v[0]["id"] if v else "")' || true)"
  [ -n "$video" ] && break; sleep 1
done
[ -n "$video" ] || { echo "bench1's recording never became ready" >&2; exit 1; }
dir="$work/data/recordings/${video//-/}"
rendition="$(cd "$dir" && ls -d */ | head -1 | tr -d /)"
first_segment="$(curl -fs "$(base)/vod/$video/$rendition/index.m3u8" | grep -m1 '\.m4s$')"
echo "video $video, rendition $rendition, $(ls "$dir/$rendition" | grep -c '\.m4s$') segments recorded"

# Extend the journal to 4 hours (server stopped): the recorded entries repeated with following sequence numbers.
kill "$spectra"; wait "$spectra" 2>/dev/null || true
python3 - "$dir/$rendition" <<'PY'
import glob, json, os, sys
d = sys.argv[1]
chunks = sorted(glob.glob(os.path.join(d, "journal-*.json")))
recorded = [e for c in chunks for e in json.load(open(c))]
for c in chunks: os.remove(c)
entries, seq, t = [], recorded[0]["s"], recorded[0]["t"]
while sum(e["d"] for e in entries) < 4 * 3600:
    e = dict(recorded[len(entries) % len(recorded)]); e["s"] = seq; e["t"] = t; e["x"] = False
    entries.append(e); seq += 1; t += int(e["d"] * 1000)
for i in range(0, len(entries), 100):
    with open(os.path.join(d, "journal-%06d.json" % (i // 100)), "w") as f: json.dump(entries[i:i + 100], f, separators=(",", ":"))
print("journal: %d entries, %.0f s, %d chunks" % (len(entries), sum(e["d"] for e in entries), (len(entries) + 99) // 100))
PY
restart_spectra
playlist="$(base)/vod/$video/$rendition/index.m3u8"
cold="$(curl -fs -o "$work/index.m3u8" -w '%{time_total}' "$playlist")"
echo "4-hour playlist: $(wc -c < "$work/index.m3u8") bytes, $(grep -c '\.m4s$' "$work/index.m3u8") segments; first request (cold) ${cold} s"
for _ in $(seq 1 200); do curl -fs -o /dev/null -w '%{time_total}\n' "$playlist"; done | sort -n > "$work/warm.txt"
echo "cached, 200 sequential curl requests: median $(sed -n 100p "$work/warm.txt") s, p95 $(sed -n 190p "$work/warm.txt") s, max $(tail -1 "$work/warm.txt") s"
echo "wrk, cached 4-hour playlist, $connections connections, $duration:"
wrk -t2 -c"$connections" -d"$duration" --latency "$playlist" | grep -E 'Latency|Requests/sec|Transfer/sec|50%|99%|Non-2xx'

# VOD segment versus live segment, with bench2 live throughout.
publish "rtmp://127.0.0.1:$rtmp_port/live/${keys[1]}"
sleep 15
vod_segment="$(base)/vod/$video/$rendition/$first_segment"
for r in $(seq 1 "$rounds"); do
  live_playlist="$(curl -fs "$(base)/hls/bench2/master.m3u8" | grep -m1 'm3u8')"
  live_rendition="${live_playlist%%/*}"
  live_segment="$(base)/hls/bench2/$live_rendition/$(curl -fs "$(base)/hls/bench2/$live_playlist" | grep '\.m4s$' | tail -3 | head -1)"
  for url in "$vod_segment" "$live_segment"; do
    echo "round $r: $url ($(curl -fs "$url" | wc -c) bytes)"
    wrk -t2 -c"$connections" -d"$duration" --latency "$url" | grep -E 'Latency|Requests/sec|Transfer/sec|50%|99%|Non-2xx'
    echo "  status after the run: $(curl -s -o /dev/null -w '%{http_code}' "$url")"
  done
done
echo "load at start $load_start, at end $(cut -d' ' -f1-3 /proc/loadavg)"
