"""In-progress answers, kept on the server only and unreadable without the respondent's cookie.

The cookie holds a bearer token and a random key. The database holds only the token's hash
and the answers encrypted under that key, with an idle expiry. Submit and quick exit erase
the row; expired rows are purged whenever a draft is written.

A draft kept under a resume phrase ("Finish later", see intake/resume.py) lives in its own
table, ``saved_draft``, under a lookup id and a key both derived from the phrase; its
handle says ``phrased``. It outlives the idle expiry (it has its own, longer lifetime) and
quick exit leaves it alone: only sending it, or deleting it with the phrase, erases it.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from . import clock, crypto
from .models import Draft, SavedDraft


@dataclass(frozen=True)
class DraftHandle:
    """What lives in the respondent's session cookie."""

    token: str
    key: bytes
    phrased: bool = False  # kept under a resume phrase (the token is the phrase's lookup id)

    def to_cookie(self) -> dict[str, str]:
        cookie = {"t": self.token, "k": base64.urlsafe_b64encode(self.key).decode("ascii")}
        if self.phrased:
            cookie["p"] = "1"
        return cookie

    @classmethod
    def from_cookie(cls, data: Any) -> DraftHandle | None:
        if not isinstance(data, dict):
            return None
        try:
            key = base64.urlsafe_b64decode(str(data["k"]).encode("ascii"))
            token = str(data["t"])
        except (KeyError, ValueError):
            return None
        if len(key) != 32 or not token:
            return None
        return cls(token=token, key=key, phrased=data.get("p") == "1")


def _context(handle: DraftHandle, draft_id: str) -> bytes:
    # A sealed draft cannot be moved between the two tables, nor between rows.
    return crypto.associated_data("saved-draft" if handle.phrased else "draft", draft_id)


# Starting a draft is bounded twice: per client by the app's draft limiter (see
# intake.app), and overall by this cap on live drafts, so no one can fill the disk with
# drafts from many addresses. Expired drafts are purged before counting. Drafts kept under
# a phrase are capped the same way, separately.
MAX_LIVE = 20_000
MAX_SAVED = 20_000


class TooManyDrafts(RuntimeError):
    pass


_COUNT = select(func.count()).select_from(Draft.__table__)
_COUNT_SAVED = select(func.count()).select_from(SavedDraft.__table__)


def create(session: Session, payload: dict[str, Any], idle: dt.timedelta) -> DraftHandle:
    purge_expired(session)
    if (session.connection().execute(_COUNT).scalar() or 0) >= MAX_LIVE:
        raise TooManyDrafts()
    handle = DraftHandle(token=crypto.random_id(), key=crypto.random_key())
    save(session, handle, payload, idle)
    return handle


# Plain statements on the tables, built once and run on the session's connection (in its
# transaction), not ORM objects: these run on every step of every respondent's journey.
@dataclass(frozen=True)
class _Statements:
    select: Any
    update: Any
    insert: Any
    touch: Any
    delete: Any
    purge: Any


def _statements(table: Any) -> _Statements:
    return _Statements(
        select=select(table.c.ciphertext, table.c.expires_at).where(table.c.id == bindparam("i")),
        update=update(table)
        .where(table.c.id == bindparam("i"))
        .values(ciphertext=bindparam("c"), expires_at=bindparam("e")),
        insert=insert(table).values(
            id=bindparam("i"), ciphertext=bindparam("c"), expires_at=bindparam("e")
        ),
        touch=update(table).where(table.c.id == bindparam("i")).values(expires_at=bindparam("e")),
        delete=delete(table).where(table.c.id == bindparam("i")),
        purge=delete(table).where(table.c.expires_at <= bindparam("now")),
    )


_PLAIN = _statements(Draft.__table__)
_SAVED = _statements(SavedDraft.__table__)


def _sql(handle: DraftHandle) -> _Statements:
    return _SAVED if handle.phrased else _PLAIN


def save(
    session: Session, handle: DraftHandle, payload: dict[str, Any], lifetime: dt.timedelta
) -> None:
    """Write the draft; it expires ``lifetime`` from now (the idle time, or for a phrased
    draft the resume lifetime)."""
    now = clock.utcnow()
    purge_expired(session, now)
    draft_id = crypto.token_digest(handle.token)
    blob = crypto.wrap_with_key(
        handle.key,
        json.dumps(payload, ensure_ascii=False).encode("utf-8"),
        _context(handle, draft_id),
    )
    values = {"i": draft_id, "c": blob, "e": now + lifetime}
    connection = session.connection()
    sql = _sql(handle)
    if not connection.execute(sql.update, values).rowcount:
        if handle.phrased and (connection.execute(_COUNT_SAVED).scalar() or 0) >= MAX_SAVED:
            raise TooManyDrafts()
        connection.execute(sql.insert, values)


def load(session: Session, handle: DraftHandle) -> dict[str, Any] | None:
    """The draft's content, or None when it expired, was erased or cannot be opened."""
    draft_id = crypto.token_digest(handle.token)
    connection = session.connection()
    sql = _sql(handle)
    row = connection.execute(sql.select, {"i": draft_id}).first()
    if row is None:
        return None
    ciphertext, expires_at = row
    if expires_at <= clock.utcnow():
        connection.execute(sql.delete, {"i": draft_id})
        return None
    try:
        data = json.loads(
            crypto.unwrap_with_key(handle.key, ciphertext, _context(handle, draft_id))
        )
    except (crypto.DecryptionError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def erase(session: Session, handle: DraftHandle) -> int:
    """Delete the draft; returns how many rows went (0 when it was already gone)."""
    result = session.connection().execute(
        _sql(handle).delete, {"i": crypto.token_digest(handle.token)}
    )
    return int(result.rowcount or 0)


def touch(session: Session, handle: DraftHandle, lifetime: dt.timedelta) -> None:
    """Looking at a page is activity too: push the expiry back."""
    session.connection().execute(
        _sql(handle).touch, {"i": crypto.token_digest(handle.token), "e": clock.utcnow() + lifetime}
    )


def purge_expired(session: Session, now: dt.datetime | None = None) -> int:
    """Delete expired drafts of both kinds. A phrased draft's expiry is its resume lifetime,
    so the idle sweep never takes one that is still within it."""
    moment = now or clock.utcnow()
    connection = session.connection()
    gone = connection.execute(_PLAIN.purge, {"now": moment}).rowcount or 0
    gone += connection.execute(_SAVED.purge, {"now": moment}).rowcount or 0
    return int(gone)
