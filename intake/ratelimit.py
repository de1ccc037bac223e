"""Rate limiting of anonymous submissions without storing addresses.

A client is counted under HMAC(salt, address), where the salt is random, held only in this
process's memory and replaced every window: no address, hashed or not, is written anywhere,
and a bucket cannot be linked to an address once its window has passed. With several worker
processes each keeps its own counts, so the effective limit is at most workers x limit — a
looser limit, never a wrong rejection.
"""

from __future__ import annotations

import threading
import time
from collections import Counter

from . import crypto


class SubmitLimiter:
    def __init__(self, limit: int, window_seconds: int = 3600) -> None:
        self.limit = limit
        self.window = window_seconds
        self._lock = threading.Lock()
        self._window_start = 0.0
        self._salt = b""
        self._counts: Counter[bytes] = Counter()

    def _rotate_if_due(self, now: float) -> None:
        if now - self._window_start >= self.window or not self._salt:
            self._window_start = now
            self._salt = crypto.random_key()
            self._counts.clear()

    def hit(self, address: str | None, now: float | None = None) -> bool:
        """Count one submission; False when this client is over the limit."""
        moment = time.monotonic() if now is None else now
        with self._lock:
            self._rotate_if_due(moment)
            bucket = crypto.keyed_digest(self._salt, (address or "-").encode("utf-8"))
            if self._counts[bucket] >= self.limit:
                return False
            self._counts[bucket] += 1
            return True
