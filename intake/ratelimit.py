"""Limits a shelter full of honest respondents never meets, and a script does.

Nothing here counts submissions per connection: a shelter, a community centre, a listening
session on one wifi, or everyone behind a proxy share one address, and each of them must be
able to answer. What is limited instead:

- **starting drafts**, per connection, with a token bucket: a burst large enough for a room
  of people starting together, then a steady rate a person never reaches but a script does;
- **a cost per new draft**, a short server-side pause that grows only as a connection's
  bucket empties: a person does not notice it, a script creating drafts as fast as it can is
  slowed before it is refused;
- **time per draft** (see ``too_fast``): a response sent sooner after its draft began than any
  person could read the pages is held, not lost;
- **resume-phrase attempts**, per connection and overall, so that guessing phrases (and the
  Argon2id work each guess costs the server) stays bounded.

A connection is known only as HMAC(salt, address), where the salt is random, held only in
this process's memory and replaced every hour: no address, hashed or not, is written
anywhere, and a bucket cannot be linked to an address once its salt is gone. With several
worker processes each keeps its own buckets, so the effective limits are looser (workers x),
never a wrong refusal.
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass

from . import crypto

SALT_LIFETIME = 3600.0


def minutes_to_wait(seconds: float) -> int:
    """What a person is told: whole minutes, at least one."""
    return max(1, math.ceil(seconds / 60))


class TokenBucket:
    """Per-client token buckets under a rotating in-memory salt.

    ``capacity`` tokens at most, refilled at ``per_minute`` tokens a minute. Times are
    monotonic seconds; tests pass their own ``now``.
    """

    def __init__(self, capacity: float, per_minute: float) -> None:
        if capacity < 1 or per_minute <= 0:
            raise ValueError("a bucket needs a capacity of at least 1 and a positive rate")
        self.capacity = float(capacity)
        self.rate = per_minute / 60.0  # tokens per second
        self._lock = threading.Lock()
        self._salt = b""
        self._salt_born = 0.0
        # client -> (tokens, when they were counted)
        self._buckets: dict[bytes, tuple[float, float]] = {}

    def _client(self, address: str | None, now: float) -> bytes:
        if not self._salt or now - self._salt_born >= SALT_LIFETIME:
            # A new salt forgets every bucket: the worst case is one fresh burst an hour.
            self._salt = crypto.random_key()
            self._salt_born = now
            self._buckets.clear()
        return crypto.keyed_digest(self._salt, (address or "-").encode("utf-8"))

    def _level(self, client: bytes, now: float) -> float:
        tokens, then = self._buckets.get(client, (self.capacity, now))
        return min(self.capacity, tokens + max(0.0, now - then) * self.rate)

    def take(self, address: str | None, now: float | None = None) -> tuple[float, float]:
        """Take one token. Returns (seconds to wait, fill after taking).

        Seconds to wait is 0.0 when the token was taken; otherwise nothing was taken and it
        says when one will be there. Fill is between 0 (empty) and 1 (full).
        """
        moment = time.monotonic() if now is None else now
        with self._lock:
            client = self._client(address, moment)
            level = self._level(client, moment)
            if level < 1.0:
                self._buckets[client] = (level, moment)
                return (1.0 - level) / self.rate, level / self.capacity
            self._buckets[client] = (level - 1.0, moment)
            return 0.0, (level - 1.0) / self.capacity

    def give_back(self, address: str | None, now: float | None = None) -> None:
        """Return a token taken for something that turned out honest (a right phrase)."""
        moment = time.monotonic() if now is None else now
        with self._lock:
            client = self._client(address, moment)
            level = self._level(client, moment)
            self._buckets[client] = (min(self.capacity, level + 1.0), moment)


@dataclass(frozen=True)
class Admission:
    """The answer to "may this client start a draft now?"."""

    wait_seconds: float  # 0.0: yes
    pause_seconds: float  # the cost to pay first (a server-side pause)

    @property
    def allowed(self) -> bool:
        return self.wait_seconds == 0.0

    @property
    def wait_minutes(self) -> int:
        return minutes_to_wait(self.wait_seconds)


class DraftStartLimiter:
    """How many drafts a connection may start, and what each one costs.

    The pause is ``base_pause`` while the bucket is at least a quarter full (forty people
    starting together leave it fuller than that), then grows to ``max_pause`` as it empties
    (a script draining it).
    """

    def __init__(
        self,
        burst: int,
        per_minute: float,
        base_pause: float = 0.05,
        max_pause: float = 1.0,
    ) -> None:
        self.bucket = TokenBucket(burst, per_minute)
        self.max_pause = max_pause
        self.base_pause = min(base_pause, max_pause)

    def admit(self, address: str | None, now: float | None = None) -> Admission:
        wait, fill = self.bucket.take(address, now)
        if wait:
            return Admission(wait_seconds=wait, pause_seconds=0.0)
        drained = max(0.0, 0.25 - fill) * 4  # 0 while a quarter full or more, 1 when empty
        return Admission(
            wait_seconds=0.0,
            pause_seconds=self.base_pause + drained * (self.max_pause - self.base_pause),
        )


class PhraseAttemptLimiter:
    """Resume-phrase attempts: per connection and, so that many addresses together cannot
    make the server run Argon2id without end, overall. A right phrase gives its tokens
    back, so only wrong phrases use them up."""

    def __init__(
        self, per_client_burst: int, per_client_per_minute: float, overall_per_minute: float
    ) -> None:
        self.client = TokenBucket(per_client_burst, per_client_per_minute)
        # One shared bucket: every client is the same "client" here.
        self.overall = TokenBucket(max(1.0, overall_per_minute), overall_per_minute)

    def attempt(self, address: str | None, now: float | None = None) -> float:
        """Seconds to wait before this attempt may be tried; 0.0 means try it now."""
        wait, _fill = self.client.take(address, now)
        if wait:
            return wait
        wait, _fill = self.overall.take(None, now)
        if wait:
            self.client.give_back(address, now)  # not this client's doing
            return wait
        return 0.0

    def new_phrase(self, now: float | None = None) -> float:
        """Seconds to wait before a new phrase may be made (0.0: now). Making one costs an
        Argon2id too, so it shares the overall bound; not the per-client one, which only
        wrong guesses should use up."""
        wait, _fill = self.overall.take(None, now)
        return wait

    def succeeded(self, address: str | None, now: float | None = None) -> None:
        self.client.give_back(address, now)
        self.overall.give_back(None, now)


def too_fast(elapsed_seconds: float | None, minimum_seconds: float) -> float:
    """Seconds still to wait before a draft begun ``elapsed_seconds`` ago may be sent (0.0:
    it may). A draft without a start time (begun before this rule) is never held."""
    if elapsed_seconds is None:
        return 0.0
    return max(0.0, minimum_seconds - elapsed_seconds)
