"""The audit log: append-only and hash-chained, so a changed or deleted entry shows.

Each entry's hash covers its own fields and its predecessor's hash. ``previous_hash`` is
unique, so two workers appending at once cannot fork the chain: the second insert fails and
is retried on top of the first. Entries never hold response content or addresses — only who
(a staff username) did what, and when.

The chain alone cannot show entries cut off its *end*. So the head — how many entries there
are and the last one's hash — is kept in ``audit_head`` with a MAC under a key from the
instance secret (``Keystore.attest``), which a database writer does not hold. Appending
moves the head only while it is intact: once it fails, it stays failed (and ``verify`` says
so) until an operator looks. A freshly migrated database holds a placeholder head that the
first entry adopts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from flask import current_app, has_app_context
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from . import clock, crypto
from .keystore import Keystore
from .models import AuditEntry, AuditHead

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
    "password change refused": _l("Password change refused (wrong current password)"),
    "invitation created": _l("Invitation created"),
    "account created from invitation": _l("Account created from an invitation"),
    "invitation username refused": _l("Username refused on an invitation"),
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
    "keys attested": _l("Keys attested"),
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


HEAD_ID = 1
PLACEHOLDER_ENTRIES = -1  # what migration 0006 inserts: adopted by the first entry


def _keystore() -> Keystore:
    # The app's key store holds the instance-secret MAC key; every caller (requests, CLI
    # commands, the first-run set-up) runs inside the app's context.
    return current_app.extensions["intake.keystore"]


def _head_mac(keystore: Keystore, entries: int, entry_hash: str) -> bytes:
    return keystore.attest("audit-head", entries, entry_hash)


def head_intact(keystore: Keystore, head: AuditHead | None, entries: int, last: str) -> bool:
    """The stored head is authentic and names the chain's real end."""
    return (
        head is not None
        and head.entries == entries
        and head.entry_hash == last
        and keystore.authentic(head.mac, "audit-head", entries, last)
    )


def _move_head(session: Session, keystore: Keystore, previous: str, entry: AuditEntry) -> None:
    head = session.get(AuditHead, HEAD_ID, with_for_update=True)
    if head is None:
        return  # deleted: stays missing, and verify() reports it
    entries = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
    adopting = head.entries == PLACEHOLDER_ENTRIES and not head.mac
    if not adopting and not head_intact(keystore, head, entries - 1, previous):
        return  # tampered with: never laundered by a later entry
    head.entries = entries
    head.entry_hash = entry.entry_hash
    head.mac = _head_mac(keystore, entries, entry.entry_hash)
    session.flush()


def record(session: Session, actor: str | None, action: str, detail: str = "") -> AuditEntry:
    """Append an entry in the caller's transaction (and move the authenticated head)."""
    if action not in ACTION_LABELS:
        raise ValueError(f"unknown audit action {action!r}")
    keystore = _keystore()
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
            _move_head(session, keystore, previous, entry)
            return entry
        except IntegrityError:
            continue  # another worker appended first: chain onto theirs
    raise RuntimeError("could not append to the audit log")


@dataclass(frozen=True)
class ChainCheck:
    entries: int
    first_broken: int | None
    reason: str = ""


def verify(session: Session, keystore: Keystore | None = None) -> ChainCheck:
    """Check every link, then the authenticated head (with ``keystore``, or the app's when
    there is an app context; the head cannot be checked without the instance secret)."""
    if keystore is None and has_app_context():
        keystore = _keystore()
    previous = GENESIS
    count = last_id = 0
    for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.id)):
        count += 1
        if entry.previous_hash != previous:
            return ChainCheck(count, entry.id, str(_l("does not follow the entry before it")))
        expected = _hash(previous, entry.at.isoformat(), entry.actor, entry.action, entry.detail)
        if entry.entry_hash != expected:
            return ChainCheck(count, entry.id, str(_l("was changed after it was written")))
        previous = entry.entry_hash
        last_id = entry.id
    if keystore is not None:
        head = session.get(AuditHead, HEAD_ID)
        placeholder = head is not None and head.entries == PLACEHOLDER_ENTRIES and not head.mac
        if not (placeholder and count == 0) and not head_intact(keystore, head, count, previous):
            return ChainCheck(
                count,
                last_id,
                str(_l("is not the end the log last recorded: entries may have been removed")),
            )
    return ChainCheck(count, None)
