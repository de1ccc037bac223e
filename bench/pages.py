"""Bytes a respondent's phone downloads for each public page, and third-party requests."""

from __future__ import annotations

import gzip
import re
import urllib.request

from .load import Journey, _opener

ASSET = re.compile(r'(?:src|href)="([^"]+\.(?:css|js))"')
EXTERNAL = re.compile(r'(?:src|href|action)="(?:https?:)?//(?!127\.0\.0\.1)([^"/]+)')


def _assets(base: str, html: str) -> tuple[int, int]:
    raw = packed = 0
    for path in sorted(set(ASSET.findall(html))):
        body = urllib.request.urlopen(base + path, timeout=30).read()
        raw += len(body)
        packed += len(gzip.compress(body))
    return raw, packed


def measure(base: str, code: str) -> list[dict[str, object]]:
    """Every page of the survivor journey: HTML and its CSS + JS, raw and gzip-compressed."""
    journey = Journey(f"{base}/s/{code}", _opener())
    pages: list[tuple[str, str]] = []
    journey.get()
    pages.append(("welcome (language)", journey.page))
    journey.post("start", answer=False)
    pages.append(("consent", journey.page))
    journey.post("consent", answer=False)
    part = 1
    while 'value="submit"' not in journey.page and part < 15:
        pages.append((f"part {part}", journey.page))
        journey.post("next")
        part += 1
    pages.append(("review", journey.page))
    journey.submit()
    pages.append(("thank you", journey.page))
    help_page = urllib.request.urlopen(f"{base}/help", timeout=30).read().decode()
    pages.append(("help", help_page))
    rows = []
    for name, html in pages:
        assets_raw, assets_packed = _assets(base, html)
        body = html.encode()
        rows.append(
            {
                "page": name,
                "html": len(body),
                "total": len(body) + assets_raw,
                "total_gzip": len(gzip.compress(body)) + assets_packed,
                "third_party": len(EXTERNAL.findall(html)),
            }
        )
    return rows
