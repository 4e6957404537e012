#!/usr/bin/env python3
"""N LL-HLS viewers of one media playlist, each doing what hls.js does at the live edge: a blocking playlist reload
for the next part (_HLS_msn/_HLS_part from the playlist's EXT-X-PRELOAD-HINT, with _HLS_skip=YES for a delta
update), then a GET of every part the update lists that it has not fetched yet. One keep-alive HTTP/1.1
connection per viewer. Reports requests, parts and bytes per viewer per second, and how long blocking reloads
were held. Loopback only; stops after --seconds.

    hls_viewers.py --url http://127.0.0.1:PORT/hls/NAME/source/index.m3u8 --viewers 200 --seconds 30
"""
import argparse, asyncio, re, statistics, time, urllib.parse

PART = re.compile(r'^#EXT-X-PART:.*URI="([^"]+)"', re.M)
HINT = re.compile(r'^#EXT-X-PRELOAD-HINT:TYPE=PART,URI="([^"]+)"', re.M)
# Spectra names parts "{msn}.{part}.m4s" (docs/media-packaging.md).
PART_NAME = re.compile(r'(\d+)\.(\d+)\.m4s$')


async def request(reader, writer, host, path):
    """GET path on the open connection; returns (status, body)."""
    writer.write(f'GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n'.encode())
    await writer.drain()
    head = await reader.readuntil(b'\r\n\r\n')
    lines = head.decode('latin-1').split('\r\n')
    status = int(lines[0].split(' ')[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (l.partition(':') for l in lines[1:] if l)}
    if 'content-length' in headers:
        body = await reader.readexactly(int(headers['content-length']))
    elif headers.get('transfer-encoding', '').lower() == 'chunked':
        body = b''
        while True:
            size = int((await reader.readuntil(b'\r\n')).split(b';')[0], 16)
            chunk = await reader.readexactly(size + 2)
            if size == 0:
                break
            body += chunk[:-2]
    else:
        body = b''
    return status, body


async def viewer(url, deadline, stats):
    u = urllib.parse.urlparse(url)
    base = u.path.rsplit('/', 1)[0] + '/'
    reader, writer = await asyncio.open_connection(u.hostname, u.port)
    fetched = set()
    try:
        status, body = await request(reader, writer, u.netloc, u.path)
        stats['requests'] += 1
        playlist = body.decode()
        # Join at the newest part, as a player at the live edge does.
        parts = PART.findall(playlist)
        fetched.update(parts[:-1])
        while time.monotonic() < deadline:
            for part in PART.findall(playlist):
                if part in fetched:
                    continue
                fetched.add(part)
                status, body = await request(reader, writer, u.netloc, base + part)
                stats['requests'] += 1
                if status == 200:
                    stats['parts'] += 1
                    stats['bytes'] += len(body)
                else:
                    stats['errors'] += 1
            if len(fetched) > 200:
                fetched = set(sorted(fetched, key=lambda p: tuple(map(int, PART_NAME.search(p).groups())))[-100:])
            hint = HINT.search(playlist)
            if not hint:
                stats['errors'] += 1
                await asyncio.sleep(0.3)
                status, body = await request(reader, writer, u.netloc, u.path)
            else:
                msn, part = PART_NAME.search(hint.group(1)).groups()
                started = time.monotonic()
                status, body = await request(reader, writer, u.netloc, f'{u.path}?_HLS_msn={msn}&_HLS_part={part}&_HLS_skip=YES')
                stats['held'].append(time.monotonic() - started)
            stats['requests'] += 1
            if status != 200:
                stats['errors'] += 1
                await asyncio.sleep(0.3)
                status, body = await request(reader, writer, u.netloc, u.path)
                stats['requests'] += 1
            playlist = body.decode()
    finally:
        writer.close()


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--url', required=True)
    parser.add_argument('--viewers', type=int, default=200)
    parser.add_argument('--seconds', type=float, default=30)
    args = parser.parse_args()
    stats = {'requests': 0, 'parts': 0, 'bytes': 0, 'errors': 0, 'held': []}
    started = time.monotonic()
    deadline = started + args.seconds
    results = await asyncio.gather(*(viewer(args.url, deadline, stats) for _ in range(args.viewers)), return_exceptions=True)
    failed = [r for r in results if isinstance(r, Exception)]
    elapsed = time.monotonic() - started
    n = args.viewers
    held = sorted(stats['held']) or [0]
    print(f'viewers={n} seconds={elapsed:.1f} requests/s={stats["requests"] / elapsed:.0f} '
          f'per viewer: requests/s={stats["requests"] / elapsed / n:.2f} parts/s={stats["parts"] / elapsed / n:.2f} '
          f'kbit/s={stats["bytes"] * 8 / 1000 / elapsed / n:.0f}; blocking reload held median={statistics.median(held) * 1000:.0f} ms '
          f'p95={held[int(len(held) * 0.95) - 1] * 1000:.0f} ms; errors={stats["errors"]} failed viewers={len(failed)}'
          + (f' ({failed[0]!r})' if failed else ''))


if __name__ == '__main__':
    asyncio.run(main())
