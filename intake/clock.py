"""One place that reads the clock, so tests can move time (``monkeypatch`` ``utcnow``)."""

from __future__ import annotations

import datetime as dt


def utcnow() -> dt.datetime:
    """Naive UTC, to match the database columns."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def today() -> dt.date:
    return utcnow().date()
