#!/usr/bin/env python3
"""Server-added latency and join time of live FLV delivery, measured with one clock: this process publishes an FLV
file over RTMP in real time (tags paced by their timestamps) and, in the same event loop, plays it back through the
server (HTTP-FLV or RTMP play). For every video frame sent after the player connected: latency = time received by the player - time sent by the
publisher (frames matched by size and last bytes). Join = connect until the first complete keyframe.

    flv_latency.py --source in.flv --publish rtmp://127.0.0.1:P/live/KEY --play http://127.0.0.1:H/live/NAME.flv --seconds 20
"""
import argparse, asyncio, os, statistics, struct, time, urllib.parse
from flv_viewers import amf_string, amf_number, amf_object, chunk

sent = {}  # frame key -> send time


def read_flv(path):
    data = open(path, 'rb').read()
    pos, tags = 13, []
    while pos + 11 <= len(data):
        t, size = data[pos], int.from_bytes(data[pos + 1:pos + 4], 'big')
        ts = int.from_bytes(data[pos + 4:pos + 7], 'big') | (data[pos + 7] << 24)
        tags.append((t, ts, data[pos + 11:pos + 11 + size]))
        pos += 11 + size + 4
    return tags


def key(body):
    return (len(body), bytes(body[-16:]))


async def handshake(reader, writer):
    writer.write(b'\x03' + bytes(8) + os.urandom(1528))
    s = await reader.readexactly(1 + 1536 + 1536)
    writer.write(s[1:1537])


async def rtmp_connect(url, reader, writer):
    u = urllib.parse.urlparse(url)
    app, name = u.path.strip('/').split('/', 1)
    await handshake(reader, writer)
    writer.write(chunk(3, 20, 0, amf_string('connect') + amf_number(1) + amf_object({'app': app, 'type': 'nonprivate', 'flashVer': 'FMLE/3.0', 'tcUrl': f'rtmp://{u.hostname}:{u.port}/{app}'})))
    writer.write(chunk(3, 20, 0, amf_string('createStream') + amf_number(2) + b'\x05'))
    return name


async def publisher(url, tags, loops_until):
    u = urllib.parse.urlparse(url)
    reader, writer = await asyncio.open_connection(u.hostname, u.port)
    name = await rtmp_connect(url, reader, writer)
    writer.write(chunk(4, 20, 1, amf_string('publish') + amf_number(3) + b'\x05' + amf_string(name) + amf_string('live')))
    await writer.drain()
    seen = b''
    while b'NetStream.Publish.Start' not in seen:
        seen = seen[-64:] + await reader.read(4096)
    asyncio.get_running_loop().create_task(discard(reader))
    # Set Chunk Size 65536 (§5.4.1) so each tag is one chunk.
    writer.write(b'\x02' + bytes(3) + (4).to_bytes(3, 'big') + b'\x01' + bytes(4) + struct.pack('>I', 65536))
    start, offset, loop = time.monotonic(), 0, 0
    while time.monotonic() < loops_until:
        for t, ts, body in tags:
            if t not in (8, 9, 18):
                continue
            due = start + (offset + ts) / 1000
            delay = due - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            if t == 9 and body[1] == 1:
                sent[key(body)] = time.monotonic()
            writer.write(rtmp_message(6 if t == 8 else 7, t, offset + ts, body))
            await writer.drain()
        offset += tags[-1][1] + 33
        loop += 1
    writer.close()


def rtmp_message(csid, t, ts, body, size=65536):
    """One message on message stream 1: fmt 0 chunk, fmt 3 continuations of `size` bytes (RTMP 1.0 §5.3)."""
    ext = struct.pack('>I', ts) if ts >= 0xFFFFFF else b''
    out = bytes([csid]) + min(ts, 0xFFFFFF).to_bytes(3, 'big') + len(body).to_bytes(3, 'big') + bytes([t]) + struct.pack('<I', 1) + ext
    out += body[:size]
    for i in range(size, len(body), size):
        out += bytes([0xC0 | csid]) + ext + body[i:i + size]
    return out


async def discard(reader):
    while await reader.read(65536):
        pass


class Frames:
    def __init__(self):
        self.latencies, self.join, self.started = [], None, time.monotonic()

    def on_tag(self, t, body):
        now = time.monotonic()
        if t != 9 or len(body) < 2 or body[1] != 1:
            return
        if self.join is None and body[0] >> 4 == 1:
            self.join = now - self.started
        k = key(body)
        # Frames sent before the player connected (the cached GOP) arrive in a burst by design; they count for the
        # join time, not for the latency.
        if k in sent and sent[k] >= self.started:
            self.latencies.append(now - sent[k])


async def http_player(url, until, frames):
    u = urllib.parse.urlparse(url)
    reader, writer = await asyncio.open_connection(u.hostname, u.port)
    writer.write(f'GET {u.path} HTTP/1.1\r\nHost: {u.netloc}\r\n\r\n'.encode())
    await reader.readuntil(b'\r\n\r\n')
    flv = bytearray()
    pos = 13
    while time.monotonic() < until:
        size_line = await reader.readuntil(b'\r\n')
        size = int(size_line.split(b';')[0], 16)
        if size == 0:
            break
        flv += await reader.readexactly(size)
        await reader.readexactly(2)
        while pos + 11 <= len(flv):
            n = int.from_bytes(flv[pos + 1:pos + 4], 'big')
            if pos + 15 + n > len(flv):
                break
            frames.on_tag(flv[pos], flv[pos + 11:pos + 11 + n])
            pos += 15 + n
        if pos > 1 << 20:
            del flv[:pos]
            pos = 0
    writer.close()


async def rtmp_player(url, until, frames):
    """Minimal chunk reader (RTMP 1.0 §5.3): fmt 0–3 headers, extended timestamps, Set Chunk Size."""
    u = urllib.parse.urlparse(url)
    reader, writer = await asyncio.open_connection(u.hostname, u.port)
    name = await rtmp_connect(url, reader, writer)
    writer.write(chunk(8, 20, 1, amf_string('play') + amf_number(0) + b'\x05' + amf_string(name) + amf_number(-1000)))
    await writer.drain()
    chunk_size, streams = 128, {}
    while time.monotonic() < until:
        b0 = (await reader.readexactly(1))[0]
        fmt, csid = b0 >> 6, b0 & 0x3F
        if csid == 0:
            csid = 64 + (await reader.readexactly(1))[0]
        elif csid == 1:
            b = await reader.readexactly(2)
            csid = 64 + b[0] + b[1] * 256
        st = streams.setdefault(csid, {'len': 0, 'type': 0, 'ts': 0, 'buf': bytearray()})
        if fmt < 3:
            h = await reader.readexactly([11, 7, 3][fmt])
            ts = int.from_bytes(h[0:3], 'big')
            if fmt <= 1:
                st['len'], st['type'] = int.from_bytes(h[3:6], 'big'), h[6]
            st['ext'] = ts == 0xFFFFFF
            if st['ext']:
                await reader.readexactly(4)
        elif st.get('ext'):
            await reader.readexactly(4)
        n = min(chunk_size, st['len'] - len(st['buf']))
        st['buf'] += await reader.readexactly(n)
        if len(st['buf']) >= st['len']:
            body, st['buf'] = bytes(st['buf']), bytearray()
            if st['type'] == 1:
                chunk_size = struct.unpack('>I', body[:4])[0] & 0x7FFFFFFF
            else:
                frames.on_tag(st['type'], body)
    writer.close()


async def main():
    p = argparse.ArgumentParser()
    p.add_argument('--source', required=True)
    p.add_argument('--publish', required=True)
    p.add_argument('--play', required=True)
    p.add_argument('--seconds', type=float, default=20)
    p.add_argument('--warmup', type=float, default=4)
    a = p.parse_args()
    tags = read_flv(a.source)
    end = time.monotonic() + a.warmup + a.seconds + 1
    pub = asyncio.create_task(publisher(a.publish, tags, end))
    await asyncio.sleep(a.warmup)
    frames = Frames()
    play = http_player if a.play.startswith('http') else rtmp_player
    try:
        await play(a.play, time.monotonic() + a.seconds, frames)
    finally:
        pub.cancel()
    lat = sorted(frames.latencies)
    if not lat:
        print(f'play={a.play.split(":")[0]} no frames matched')
        return
    pct = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] * 1000
    print(f'play={a.play.split(":")[0]} frames={len(lat)} latency_ms p50={pct(0.5):.1f} p95={pct(0.95):.1f} max={lat[-1] * 1000:.1f} join_ms={frames.join * 1000 if frames.join is not None else -1:.0f}')


asyncio.run(main())
