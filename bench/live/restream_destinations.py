"""Signs in to Spectra, adds restream destinations through the creator's restreaming page, and waits (up to 30 s)
until every push is live; prints each destination's state.

    python3 restream_destinations.py BASE_URL USER PASSWORD SERVER_URL KEY [SERVER_URL KEY]...
"""
import http.cookiejar
import json
import re
import sys
import time
import urllib.parse
import urllib.request


def token(html):
    match = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', html)
    if not match:
        raise SystemExit("no antiforgery token on the page")
    return match.group(1)


def main():
    base, user, password, *pairs = sys.argv[1:]
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    page = opener.open(base + "/signin").read().decode()
    data = urllib.parse.urlencode({"UserName": user, "Password": password, "__RequestVerificationToken": token(page)}).encode()
    opener.open(urllib.request.Request(base + "/signin", data)).read()
    for server, key in zip(pairs[0::2], pairs[1::2]):
        page = opener.open(base + "/dashboard/restream").read().decode()
        data = urllib.parse.urlencode({
            "Input.Preset": "custom", "Input.ServerUrl": server, "Input.StreamKey": key,
            "__RequestVerificationToken": token(page),
        }).encode()
        result = opener.open(urllib.request.Request(base + "/dashboard/restream?handler=Add", data)).read().decode()
        if "added" not in result:
            raise SystemExit(f"adding {server} failed")

    deadline = time.monotonic() + 30
    while True:
        states = [d["state"] for d in json.load(opener.open(f"{base}/api/v1/channels/{user}/restream-destinations"))]
        if all(state == "live" for state in states) or time.monotonic() > deadline:
            print("destinations:", ", ".join(states))
            return
        time.sleep(0.5)


if __name__ == "__main__":
    main()
