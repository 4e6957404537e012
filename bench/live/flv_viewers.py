#!/usr/bin/env python3
"""N live viewers that read and discard a stream: HTTP-FLV (plain GET) or RTMP play (simple handshake,
connect, createStream, play). Reports bytes received and, for HTTP-FLV, the join time: from connect until
the first complete video keyframe tag has arrived. Loopback only; stops after --seconds.

    flv_viewers.py --url http://127.0.0.1:PORT/live/NAME.flv --viewers 200 --seconds 30
    flv_viewers.py --url rtmp://127.0.0.1:PORT/live/NAME --viewers 200 --seconds 30
"""
import argparse, asyncio, os, statistics, struct, time, urllib.parse


def amf_string(s):
    b = s.encode()
    return b'\x02' + struct.pack('>H', len(b)) + b


def amf_number(n):
    return b'\x00' + struct.pack('>d', n)


def amf_object(d):
    out = b'\x03'
    for k, v in d.items():
        kb = k.encode()
        out += struct.pack('>H', len(kb)) + kb + (amf_string(v) if isinstance(v, str) else amf_number(v))
    return out + b'\x00\x00\x09'


def chunk(csid, type_id, msid, payload, size=128):
    """RTMP 1.0 §5.3: one fmt 0 chunk, then fmt 3 chunks of at most `size` bytes."""
    out = bytes([csid]) + b'\x00\x00\x00' + len(payload).to_bytes(3, 'big') + bytes([type_id]) + struct.pack('<I', msid)
    out += payload[:size]
    for i in range(size, len(payload), size):
        out += bytes([0xC0 | csid]) + payload[i:i + size]
    return out


async def rtmp_viewer(url, deadline, stats):
    u = urllib.parse.urlparse(url)
    app, name = u.path.strip('/').split('/', 1)
    reader, writer = await asyncio.open_connection(u.hostname, u.port or 1935)
    writer.write(b'\x03' + bytes(8) + os.urandom(1528))
    s = await reader.readexactly(1 + 1536 + 1536)
    writer.write(s[1:1537])
    tc = f'rtmp://{u.hostname}:{u.port}/{app}'
    writer.write(chunk(3, 20, 0, amf_string('connect') + amf_number(1) + amf_object({'app': app, 'flashVer': 'LNX 9,0,124,2', 'tcUrl': tc, 'fpad': 0, 'capabilities': 15, 'audioCodecs': 3191, 'videoCodecs': 252, 'videoFunction': 1})))
    writer.write(chunk(3, 20, 0, amf_string('createStream') + amf_number(2) + b'\x05'))
    writer.write(chunk(8, 20, 1, amf_string('play') + amf_number(0) + b'\x05' + amf_string(name) + amf_number(-1000)))
    await writer.drain()
    await drain(reader, writer, deadline, stats, None)


async def http_viewer(url, deadline, stats):
    u = urllib.parse.urlparse(url)
    started = time.monotonic()
    reader, writer = await asyncio.open_connection(u.hostname, u.port)
    writer.write(f'GET {u.path} HTTP/1.1\r\nHost: {u.netloc}\r\nConnection: close\r\n\r\n'.encode())
    await writer.drain()
    await drain(reader, writer, deadline, stats, started)


async def drain(reader, writer, deadline, stats, started):
    buf = bytearray()
    joined = started is None
    try:
        while time.monotonic() < deadline:
            data = await asyncio.wait_for(reader.read(256 * 1024), timeout=max(0.1, deadline - time.monotonic()))
            if not data:
                break
            stats['bytes'] += len(data)
            if not joined:
                buf += data
                joined = find_keyframe(buf)
                if joined:
                    stats['join'].append(time.monotonic() - started)
                    buf = None
    except (asyncio.TimeoutError, ConnectionError):
        pass
    finally:
        writer.close()


def find_keyframe(buf):
    """True once the HTTP body holds a complete FLV video tag with frame type 1 that is not a sequence header."""
    head = buf.find(b'\r\n\r\n')
    if head < 0:
        return False
    body = buf[head + 4:]
    # Chunked transfer coding: strip chunk-size lines (good enough for the first few hundred KiB).
    flat, i = bytearray(), 0
    while True:
        eol = body.find(b'\r\n', i)
        if eol < 0:
            break
        size = int(body[i:eol].split(b';')[0] or b'0', 16)
        if eol + 2 + size > len(body):
            flat += body[eol + 2:]
            break
        flat += body[eol + 2:eol + 2 + size]
        i = eol + 2 + size + 2
    pos = 13
    while pos + 11 <= len(flat):
        size = int.from_bytes(flat[pos + 1:pos + 4], 'big')
        if pos + 11 + size > len(flat):
            return False
        if flat[pos] == 9 and size > 1 and flat[pos + 11] >> 4 == 1 and flat[pos + 12] == 1:
            return True
        pos += 11 + size + 4
    return False


async def main():
    p = argparse.ArgumentParser()
    p.add_argument('--url', required=True)
    p.add_argument('--viewers', type=int, default=200)
    p.add_argument('--seconds', type=float, default=30)
    a = p.parse_args()
    deadline = time.monotonic() + a.seconds
    stats = {'bytes': 0, 'join': []}
    viewer = rtmp_viewer if a.url.startswith('rtmp://') else http_viewer
    results = await asyncio.gather(*(viewer(a.url, deadline, stats) for _ in range(a.viewers)), return_exceptions=True)
    failed = sum(1 for r in results if isinstance(r, Exception))
    line = f'viewers={a.viewers} failed={failed} MiB/s={stats["bytes"] / a.seconds / 1048576:.1f}'
    if stats['join']:
        j = sorted(stats['join'])
        line += f' join_p50={statistics.median(j) * 1000:.0f}ms join_max={j[-1] * 1000:.0f}ms joined={len(j)}'
    print(line, flush=True)


if __name__ == "__main__":
    asyncio.run(main())
