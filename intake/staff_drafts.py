"""An advocate's unsubmitted entries: encrypted under that advocate's own drafts key.

The key is wrapped under the advocate's password (Argon2id) and, once signed in, lives only
in their session cookie. Every read checks the owner first: an advocate can open their own
drafts and nobody else's, whatever id they send.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from . import clock, crypto
from .models import StaffDraft


class DraftNotFound(LookupError):
    pass


def _context(draft_id: str, owner_id: int) -> bytes:
    return crypto.associated_data("staff-draft", draft_id, owner_id)


def create(
    session: Session, owner_id: int, version_id: int, key: bytes, content: dict[str, Any]
) -> str:
    draft_id = crypto.random_id()
    session.add(
        StaffDraft(
            id=draft_id,
            owner_id=owner_id,
            questionnaire_version_id=version_id,
            ciphertext=crypto.wrap_with_key(
                key, json.dumps(content, ensure_ascii=False).encode(), _context(draft_id, owner_id)
            ),
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
    try:
        content = json.loads(
            crypto.unwrap_with_key(key, draft.ciphertext, _context(draft.id, owner_id))
        )
    except (crypto.DecryptionError, ValueError) as exc:
        raise DraftNotFound(draft_id) from exc
    return draft, content


def save(
    session: Session, owner_id: int, draft_id: str, key: bytes, content: dict[str, Any]
) -> None:
    draft = _owned(session, owner_id, draft_id)
    draft.ciphertext = crypto.wrap_with_key(
        key, json.dumps(content, ensure_ascii=False).encode(), _context(draft.id, owner_id)
    )
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
            .where(StaffDraft.owner_id == owner_id)
            .order_by(StaffDraft.updated_at.desc())
        )
    )
