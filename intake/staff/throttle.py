"""Slowing down guesses at staff secrets without letting a stranger lock anyone out.

Sign-in failures are counted per *name tried*, whether or not an account has that name, so an
unknown name answers exactly as a known one does (same words, same status, same work). The
bucket is a keyed digest of the folded name: a password typed into the username field is never
stored. Past a few free failures each further attempt waits, the wait doubling up to a cap,
and failures are forgotten after a quiet hour.

A browser that has signed in to an account before carries a *known device* cookie for it (a
MAC over the folded name, under a key from the server secret). Its attempts are not held back
by anyone else's failures — neither by guesses at that name nor by a spray across many names
(the global bucket) — and its own failures count in a bucket of its own. A stranger can
therefore slow strangers down, never the account's owner on their usual device (the remedy
OWASP calls "device cookies").

The checks a signed-in person makes (data unlock, current password, one-time code) have
buckets per account and purpose, outside the global bucket: only that person fills them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete
from sqlalchemy.orm import Session

from .. import clock, crypto
from ..models import LoginThrottle

DEVICE_COOKIE_SECURE = "__Host-known-device"
DEVICE_COOKIE_PLAIN = "intake_known_device"
DEVICE_COOKIE_DAYS = 365


@dataclass(frozen=True)
class Rule:
    """``free`` failures, then a hold of ``first_hold`` doubling up to ``longest_hold``;
    failures are forgotten ``forget_after`` the last one."""

    free: int
    first_hold: dt.timedelta
    longest_hold: dt.timedelta
    forget_after: dt.timedelta

    def hold_after(self, failures: int) -> dt.timedelta | None:
        if failures < self.free:
            return None
        doublings = min(failures - self.free, 20)
        return min(self.first_hold * (2**doublings), self.longest_hold)


# One name (and one known device): five free tries, then 30 s, 1 min, 2 min ... up to 15 min.
PER_NAME = Rule(5, dt.timedelta(seconds=30), dt.timedelta(minutes=15), dt.timedelta(hours=1))
# A spray across many names holds back browsers without a known-device cookie only.
GLOBAL = Rule(100, dt.timedelta(minutes=5), dt.timedelta(minutes=5), dt.timedelta(minutes=10))
# What a signed-in person checks: data passphrase, current password, one-time code.
OWN_CHECK = PER_NAME


def _keyed(secret: str, kind: str, value: str) -> str:
    digest = crypto.keyed_digest(crypto.derive_key(secret, "sign-in throttle"), value.encode())
    return f"{kind}:{digest.hex()[:64]}"


def name_bucket(secret: str, folded_name: str) -> str:
    return _keyed(secret, "name", folded_name)


def device_bucket(secret: str, device_cookie: str) -> str:
    return _keyed(secret, "device", device_cookie)


def own_bucket(purpose: str, user_id: int) -> str:
    return f"{purpose}:user:{user_id}"


GLOBAL_BUCKET = "all"


def is_held(session: Session, key: str) -> bool:
    row = session.get(LoginThrottle, key)
    return row is not None and row.locked_until is not None and row.locked_until > clock.utcnow()


def record(session: Session, key: str, rule: Rule) -> bool:
    """Count one failure under ``key``. True when it started (or lengthened) a hold."""
    now = clock.utcnow()
    row = session.get(LoginThrottle, key)
    if row is None:
        row = LoginThrottle(key=key, failures=0, window_start=now, locked_until=None)
        session.add(row)
    if now - row.window_start > rule.forget_after:  # window_start: the last failure
        row.failures = 0
    row.failures += 1
    row.window_start = now
    hold = rule.hold_after(row.failures)
    if hold is not None:
        row.locked_until = now + hold
    session.flush()
    return hold is not None


def clear(session: Session, *keys: str) -> None:
    session.execute(delete(LoginThrottle).where(LoginThrottle.key.in_(keys)))
    session.flush()


# -- known devices -----------------------------------------------------------------------------
def _device_mac(secret: str, folded_name: str, nonce: str) -> str:
    key = crypto.derive_key(secret, "known device")
    return crypto.keyed_digest(key, f"{folded_name}\n{nonce}".encode()).hex()


def new_device_cookie(secret: str, folded_name: str) -> str:
    nonce = crypto.random_id()
    return f"{nonce}.{_device_mac(secret, folded_name, nonce)}"


def device_knows(secret: str, cookie: str | None, folded_name: str) -> bool:
    """True when ``cookie`` was issued by this server to a browser that signed in as this name."""
    if not cookie or cookie.count(".") != 1 or len(cookie) > 200:
        return False
    nonce, mac = cookie.split(".")
    expected = _device_mac(secret, folded_name, nonce)
    return crypto.constant_time_equal(expected.encode(), mac.encode())
