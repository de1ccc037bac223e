"""In-progress answers, kept on the server only and unreadable without the respondent's cookie.

The cookie holds a bearer token and a random key. The database holds only the token's hash
and the answers encrypted under that key, with an idle expiry. Submit and quick exit erase
the row; expired rows are purged whenever a draft is written.
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
from .models import Draft


@dataclass(frozen=True)
class DraftHandle:
    """What lives in the respondent's session cookie."""

    token: str
    key: bytes

    def to_cookie(self) -> dict[str, str]:
        return {"t": self.token, "k": base64.urlsafe_b64encode(self.key).decode("ascii")}

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
        return cls(token=token, key=key)


def _context(draft_id: str) -> bytes:
    return crypto.associated_data("draft", draft_id)


# Starting a draft is bounded twice: per client by the app's draft limiter (see
# intake.app), and overall by this cap on live drafts, so no one can fill the disk with
# drafts from many addresses. Expired drafts are purged before counting.
MAX_LIVE = 20_000


class TooManyDrafts(RuntimeError):
    pass


_COUNT = select(func.count()).select_from(Draft.__table__)


def create(session: Session, payload: dict[str, Any], idle: dt.timedelta) -> DraftHandle:
    purge_expired(session)
    if (session.connection().execute(_COUNT).scalar() or 0) >= MAX_LIVE:
        raise TooManyDrafts()
    handle = DraftHandle(token=crypto.random_id(), key=crypto.random_key())
    save(session, handle, payload, idle)
    return handle


# Plain statements on the table, built once and run on the session's connection (in its
# transaction), not ORM objects: these run on every step of every respondent's journey.
_DRAFT = Draft.__table__
_SELECT = select(_DRAFT.c.ciphertext, _DRAFT.c.expires_at).where(_DRAFT.c.id == bindparam("i"))
_UPDATE = (
    update(_DRAFT)
    .where(_DRAFT.c.id == bindparam("i"))
    .values(ciphertext=bindparam("c"), expires_at=bindparam("e"))
)
_INSERT = insert(_DRAFT).values(
    id=bindparam("i"), ciphertext=bindparam("c"), expires_at=bindparam("e")
)
_TOUCH = update(_DRAFT).where(_DRAFT.c.id == bindparam("i")).values(expires_at=bindparam("e"))
_DELETE = delete(_DRAFT).where(_DRAFT.c.id == bindparam("i"))
_PURGE = delete(_DRAFT).where(_DRAFT.c.expires_at <= bindparam("now"))


def save(
    session: Session, handle: DraftHandle, payload: dict[str, Any], idle: dt.timedelta
) -> None:
    now = clock.utcnow()
    purge_expired(session, now)
    draft_id = crypto.token_digest(handle.token)
    blob = crypto.wrap_with_key(
        handle.key, json.dumps(payload, ensure_ascii=False).encode("utf-8"), _context(draft_id)
    )
    values = {"i": draft_id, "c": blob, "e": now + idle}
    connection = session.connection()
    if not connection.execute(_UPDATE, values).rowcount:
        connection.execute(_INSERT, values)


def load(session: Session, handle: DraftHandle) -> dict[str, Any] | None:
    """The draft's content, or None when it expired, was erased or cannot be opened."""
    draft_id = crypto.token_digest(handle.token)
    connection = session.connection()
    row = connection.execute(_SELECT, {"i": draft_id}).first()
    if row is None:
        return None
    ciphertext, expires_at = row
    if expires_at <= clock.utcnow():
        connection.execute(_DELETE, {"i": draft_id})
        return None
    try:
        data = json.loads(crypto.unwrap_with_key(handle.key, ciphertext, _context(draft_id)))
    except (crypto.DecryptionError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def erase(session: Session, handle: DraftHandle) -> int:
    """Delete the draft; returns how many rows went (0 when it was already gone)."""
    result = session.connection().execute(_DELETE, {"i": crypto.token_digest(handle.token)})
    return int(result.rowcount or 0)


def touch(session: Session, handle: DraftHandle, idle: dt.timedelta) -> None:
    """Looking at a page is activity too: push the idle expiry back."""
    session.connection().execute(
        _TOUCH, {"i": crypto.token_digest(handle.token), "e": clock.utcnow() + idle}
    )


def purge_expired(session: Session, now: dt.datetime | None = None) -> int:
    result = session.connection().execute(_PURGE, {"now": now or clock.utcnow()})
    return int(result.rowcount or 0)
