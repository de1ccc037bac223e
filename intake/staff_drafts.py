"""An advocate's unsubmitted entries: encrypted under that advocate's own drafts key.

The key is wrapped under the advocate's password (Argon2id) and, once signed in, lives only
in their session cookie. Every read checks the owner first: an advocate can open their own
drafts and nobody else's, whatever id they send.

An unfinished entry is not kept for ever: it expires ``LIFETIME`` after it was last saved
(``purge_expired``, run at every draft write and by ``flask intake sweep``), goes when its
advocate is deactivated (``remove_all_of``) and when the epoch it was written in is
destroyed. Its content is padded to whole KiB, so its size says little about its answers.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from . import clock, crypto
from .models import StaffDraft


class DraftNotFound(LookupError):
    pass


LIFETIME = dt.timedelta(days=14)
# At most this many unfinished entries per advocate: creating drafts is bounded too.
MAX_PER_OWNER = 20
_PAD_BUCKET = 1024


class TooManyDrafts(RuntimeError):
    pass


def _context(draft_id: str, owner_id: int) -> bytes:
    return crypto.associated_data("staff-draft", draft_id, owner_id)


def _padded_context(draft_id: str, owner_id: int) -> bytes:
    return crypto.associated_data("staff-draft-padded", draft_id, owner_id)


def _seal(key: bytes, draft_id: str, owner_id: int, content: dict[str, Any]) -> bytes:
    plaintext = crypto.pad(json.dumps(content, ensure_ascii=False).encode(), _PAD_BUCKET)
    return crypto.wrap_with_key(key, plaintext, _padded_context(draft_id, owner_id))


def _open(key: bytes, draft_id: str, owner_id: int, blob: bytes) -> bytes:
    try:
        return crypto.unpad(crypto.unwrap_with_key(key, blob, _padded_context(draft_id, owner_id)))
    except crypto.DecryptionError:
        # Saved before drafts were padded (they are padded from their next save on).
        return crypto.unwrap_with_key(key, blob, _context(draft_id, owner_id))


def create(
    session: Session, owner_id: int, version_id: int, key: bytes, content: dict[str, Any]
) -> str:
    purge_expired(session)
    held = session.scalar(
        select(func.count()).select_from(StaffDraft).where(StaffDraft.owner_id == owner_id)
    )
    if (held or 0) >= MAX_PER_OWNER:
        raise TooManyDrafts(owner_id)
    draft_id = crypto.random_id()
    session.add(
        StaffDraft(
            id=draft_id,
            owner_id=owner_id,
            questionnaire_version_id=version_id,
            ciphertext=_seal(key, draft_id, owner_id, content),
            updated_at=clock.utcnow(),
        )
    )
    session.flush()
    return draft_id


def _owned(session: Session, owner_id: int, draft_id: str) -> StaffDraft:
    draft = session.get(StaffDraft, draft_id[:32])
    if draft is None or draft.owner_id != owner_id:
        raise DraftNotFound(draft_id)
    return draft


def load(
    session: Session, owner_id: int, draft_id: str, key: bytes
) -> tuple[StaffDraft, dict[str, Any]]:
    draft = _owned(session, owner_id, draft_id)
    if draft.updated_at <= clock.utcnow() - LIFETIME:
        raise DraftNotFound(draft_id)
    try:
        content = json.loads(_open(key, draft.id, owner_id, draft.ciphertext))
    except (crypto.DecryptionError, ValueError) as exc:
        raise DraftNotFound(draft_id) from exc
    return draft, content


def save(
    session: Session, owner_id: int, draft_id: str, key: bytes, content: dict[str, Any]
) -> None:
    draft = _owned(session, owner_id, draft_id)
    draft.ciphertext = _seal(key, draft.id, owner_id, content)
    draft.updated_at = clock.utcnow()
    session.flush()


def remove(session: Session, owner_id: int, draft_id: str) -> int:
    result = session.execute(
        delete(StaffDraft).where(StaffDraft.id == draft_id[:32], StaffDraft.owner_id == owner_id)
    )
    session.flush()
    return int(result.rowcount or 0)


def of_owner(session: Session, owner_id: int) -> list[StaffDraft]:
    return list(
        session.scalars(
            select(StaffDraft)
            .where(
                StaffDraft.owner_id == owner_id,
                StaffDraft.updated_at > clock.utcnow() - LIFETIME,
            )
            .order_by(StaffDraft.updated_at.desc())
        )
    )


def purge_expired(session: Session) -> int:
    """Remove every advocate's entries left unsaved for longer than ``LIFETIME``."""
    result = session.execute(
        delete(StaffDraft).where(StaffDraft.updated_at <= clock.utcnow() - LIFETIME)
    )
    return int(result.rowcount or 0)


def remove_all_of(session: Session, owner_id: int) -> int:
    """A deactivated advocate's unfinished entries go with their access."""
    result = session.execute(delete(StaffDraft).where(StaffDraft.owner_id == owner_id))
    return int(result.rowcount or 0)


def remove_saved_until(session: Session, day: dt.date) -> int:
    """Entries last saved on or before ``day`` (an epoch being destroyed ended then)."""
    cutoff = dt.datetime.combine(day + dt.timedelta(days=1), dt.time())
    result = session.execute(delete(StaffDraft).where(StaffDraft.updated_at < cutoff))
    return int(result.rowcount or 0)
