"""The audit log: append-only and hash-chained, so a changed or deleted entry shows.

Each entry's hash covers its own fields and its predecessor's hash. ``previous_hash`` is
unique, so two workers appending at once cannot fork the chain: the second insert fails and
is retried on top of the first. Entries never hold response content or addresses — only who
(a staff username) did what, and when.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from . import clock, crypto
from .models import AuditEntry

GENESIS = "0" * 64

# Stored actions are stable keys; admins read them in their own language.
ACTION_LABELS = {
    "login": _l("Signed in"),
    "login failed": _l("Sign-in failed"),
    "login throttled": _l("Sign-in refused while throttled"),
    "login throttling started": _l("Sign-in throttling started"),
    "one-time code refused": _l("One-time code refused"),
    "two-factor enrolled": _l("Two-step sign-in set up"),
    "logout": _l("Signed out"),
    "password changed": _l("Password changed"),
    "invitation created": _l("Invitation created"),
    "account created from invitation": _l("Account created from an invitation"),
    "account deactivated": _l("Account deactivated"),
    "program added": _l("Program added"),
    "settings changed": _l("Settings changed"),
    "questionnaire version retired": _l("Questionnaire version retired"),
    "questionnaire draft uploaded": _l("Questionnaire draft uploaded"),
    "questionnaire draft discarded": _l("Questionnaire draft discarded"),
    "questionnaire version published": _l("Questionnaire version published"),
    "questionnaires loaded": _l("Questionnaires loaded"),
    "unlock": _l("Responses unlocked"),
    "unlock refused": _l("Unlock refused"),
    "lock": _l("Responses locked"),
    "key slot requested": _l("Key slot requested"),
    "key slot granted": _l("Key slot granted"),
    "key slot added": _l("Key slot added"),
    "key slot removed": _l("Key slot removed"),
    "team key created": _l("Team key created"),
    "team key rotated": _l("Team key rotated"),
    "epoch destroyed": _l("Epoch destroyed"),
    "assisted entry submitted": _l("Assisted entry submitted"),
    "listening session entry submitted": _l("Listening-session record submitted"),
    "device handed to a participant": _l("Device handed to a participant"),
    "user created": _l("Account created"),
    "codebook changed": _l("Codebook changed"),
    "theme report published": _l("Theme report published"),
    "theme report withdrawn": _l("Theme report withdrawn"),
    "raw export": _l("Decrypted responses exported"),
}


def _hash(previous: str, at: str, actor: str | None, action: str, detail: str) -> str:
    payload = json.dumps([previous, at, actor, action, detail], ensure_ascii=False)
    return crypto.sha256_hex(payload.encode("utf-8"))


def record(session: Session, actor: str | None, action: str, detail: str = "") -> AuditEntry:
    """Append an entry in the caller's transaction."""
    if action not in ACTION_LABELS:
        raise ValueError(f"unknown audit action {action!r}")
    for _attempt in range(5):
        last = session.scalar(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1))
        previous = last.entry_hash if last else GENESIS
        at = clock.utcnow().replace(microsecond=0)
        entry = AuditEntry(
            at=at,
            actor=actor,
            action=action,
            detail=detail,
            previous_hash=previous,
            entry_hash=_hash(previous, at.isoformat(), actor, action, detail),
        )
        try:
            with session.begin_nested():
                session.add(entry)
            return entry
        except IntegrityError:
            continue  # another worker appended first: chain onto theirs
    raise RuntimeError("could not append to the audit log")


@dataclass(frozen=True)
class ChainCheck:
    entries: int
    first_broken: int | None
    reason: str = ""


def verify(session: Session) -> ChainCheck:
    previous = GENESIS
    count = 0
    for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.id)):
        count += 1
        if entry.previous_hash != previous:
            return ChainCheck(count, entry.id, str(_l("does not follow the entry before it")))
        expected = _hash(previous, entry.at.isoformat(), entry.actor, entry.action, entry.detail)
        if entry.entry_hash != expected:
            return ChainCheck(count, entry.id, str(_l("was changed after it was written")))
        previous = entry.entry_hash
    return ChainCheck(count, None)
