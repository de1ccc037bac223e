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

from sqlalchemy import delete
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


def create(session: Session, payload: dict[str, Any], idle: dt.timedelta) -> DraftHandle:
    handle = DraftHandle(token=crypto.random_id(), key=crypto.random_key())
    save(session, handle, payload, idle)
    return handle


def save(
    session: Session, handle: DraftHandle, payload: dict[str, Any], idle: dt.timedelta
) -> None:
    now = clock.utcnow()
    purge_expired(session, now)
    draft_id = crypto.token_digest(handle.token)
    blob = crypto.wrap_with_key(
        handle.key, json.dumps(payload, ensure_ascii=False).encode("utf-8"), _context(draft_id)
    )
    row = session.get(Draft, draft_id)
    if row is None:
        session.add(Draft(id=draft_id, ciphertext=blob, expires_at=now + idle))
    else:
        row.ciphertext = blob
        row.expires_at = now + idle
    session.flush()


def load(session: Session, handle: DraftHandle) -> dict[str, Any] | None:
    """The draft's content, or None when it expired, was erased or cannot be opened."""
    draft_id = crypto.token_digest(handle.token)
    row = session.get(Draft, draft_id)
    if row is None:
        return None
    if row.expires_at <= clock.utcnow():
        session.delete(row)
        session.flush()
        return None
    try:
        data = json.loads(crypto.unwrap_with_key(handle.key, row.ciphertext, _context(draft_id)))
    except (crypto.DecryptionError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def erase(session: Session, handle: DraftHandle) -> int:
    """Delete the draft; returns how many rows went (0 when it was already gone)."""
    result = session.execute(delete(Draft).where(Draft.id == crypto.token_digest(handle.token)))
    session.flush()
    return int(result.rowcount or 0)


def touch(session: Session, handle: DraftHandle, idle: dt.timedelta) -> None:
    """Looking at a page is activity too: push the idle expiry back."""
    row = session.get(Draft, crypto.token_digest(handle.token))
    if row is not None:
        row.expires_at = clock.utcnow() + idle
        session.flush()


def purge_expired(session: Session, now: dt.datetime | None = None) -> int:
    result = session.execute(delete(Draft).where(Draft.expires_at <= (now or clock.utcnow())))
    return int(result.rowcount or 0)
