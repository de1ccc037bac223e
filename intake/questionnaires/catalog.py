"""Questionnaires in the database: loading the shipped ones, finding a published version.

A published version is never changed: a changed definition must carry a new version number,
so every response keeps pointing at exactly the words its respondent saw.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from .. import clock
from ..crypto import sha256_hex
from ..models import Questionnaire, QuestionnaireVersion
from .definition import Definition, load_definition_text, parse_definition
from .types import DefinitionError
from .xlsform.problems import Problem

SHIPPED_DIR = Path(__file__).resolve().parent / "data"
SHIPPED = ("survivor", "advocate", "community_leader", "listening_session")
# Only these are answered through a public link; a listening-session record is staff-only.
PUBLIC_AUDIENCES = ("survivor", "advocate", "community_leader")
# Session key of an admin's preview grant (see staff.questionnaire_views.preview_questionnaire).
PREVIEW = "preview"


@dataclass(frozen=True)
class LoadResult:
    key: str
    version: int
    created: bool
    # "published", "draft" (a new shipped version of a questionnaire already in use),
    # "present" (already stored) or "skipped" (an admin's draft is in the way)
    outcome: str = "published"


def load_definition(
    session: Session, definition: Definition, *, publish: bool = True
) -> LoadResult:
    """Add a definition as a new version (idempotent for an identical one)."""
    questionnaire = session.scalar(select(Questionnaire).where(Questionnaire.key == definition.key))
    if questionnaire is None:
        questionnaire = Questionnaire(
            key=definition.key,
            audience=definition.audience,
            # Neutral and unguessable: nothing in the link names the topic.
            public_code=secrets.token_urlsafe(6),
            created_at=clock.utcnow(),
        )
        session.add(questionnaire)
        session.flush()
    existing = session.scalar(
        select(QuestionnaireVersion).where(
            QuestionnaireVersion.questionnaire_id == questionnaire.id,
            QuestionnaireVersion.version == definition.version,
        )
    )
    checksum = definition.checksum()
    if existing is not None:
        if existing.checksum != checksum:
            raise DefinitionError(
                f"{definition.key} version {definition.version} is already stored with different "
                "content; give the changed questionnaire a new version number"
            )
        return LoadResult(definition.key, definition.version, created=False, outcome="present")
    now = clock.utcnow()
    # Older published versions stay published, so drafts begun on them can finish there;
    # new respondents get the newest. Retiring a version is a separate, explicit step.
    session.add(
        QuestionnaireVersion(
            questionnaire_id=questionnaire.id,
            version=definition.version,
            definition=definition.canonical_json(),
            checksum=checksum,
            status="published" if publish else "draft",
            published_at=now if publish else None,
        )
    )
    session.flush()
    outcome = "published" if publish else "draft"
    return LoadResult(definition.key, definition.version, created=True, outcome=outcome)


def load_shipped(session: Session, languages: Sequence[str]) -> list[LoadResult]:
    """Load the questionnaires this release ships.

    A questionnaire not yet here is added and published. One already in use is the team's:
    its versions may have been adapted in the app, so a new shipped version never replaces
    what is published and never takes a number the team used. It arrives as a draft (numbered
    by the app) for an admin to preview and publish, or discard; if the admin already has a
    draft of it, the shipped one waits (``skipped``) rather than overwrite their work.
    """
    results = []
    for key in SHIPPED:
        text = (SHIPPED_DIR / f"{key}.json").read_text(encoding="utf-8")
        definition = load_definition_text(text, languages)
        questionnaire = session.scalar(select(Questionnaire).where(Questionnaire.key == key))
        if questionnaire is None:
            results.append(load_definition(session, definition))
            continue
        same = _same_content(questionnaire.versions, definition.to_data())
        if same is not None:
            results.append(LoadResult(key, same.version, created=False, outcome="present"))
        elif draft := next((v for v in questionnaire.versions if v.status == "draft"), None):
            results.append(LoadResult(key, draft.version, created=False, outcome="skipped"))
        else:
            upload = add_draft(session, definition.to_data(), languages)
            if upload.version is None:  # the release changed who answers it: refuse loudly
                raise DefinitionError(
                    f"shipped {key}: {'; '.join(str(p) for p in upload.problems)}"
                )
            results.append(LoadResult(key, upload.version.version, created=True, outcome="draft"))
    return results


@lru_cache(maxsize=256)
def _parse_cached(checksum: str, text: str) -> Definition:
    # Keyed by checksum: a stored version is immutable, so caching it in any worker is safe.
    return load_definition_text(text)


def definition_of(version: QuestionnaireVersion) -> Definition:
    return _parse_cached(version.checksum, version.definition)


def published_by_code(session: Session, code: str) -> QuestionnaireVersion | None:
    return session.scalar(
        select(QuestionnaireVersion)
        .join(Questionnaire)
        .where(
            Questionnaire.public_code == code,
            Questionnaire.audience.in_(PUBLIC_AUDIENCES),
            QuestionnaireVersion.status == "published",
        )
        .order_by(QuestionnaireVersion.version.desc())
    )


@dataclass(frozen=True)
class PublishedVersion:
    """The newest published version behind a public link, as plain values (no ORM object):
    what the respondent's path needs on every request."""

    id: int
    questionnaire_id: int
    version: int
    status: str
    checksum: str
    definition: Definition


_BY_CHECKSUM: dict[str, Definition] = {}
# Built once: constructing a statement costs more than SQLite takes to run it.
_PUBLISHED = (
    select(
        QuestionnaireVersion.id,
        QuestionnaireVersion.questionnaire_id,
        QuestionnaireVersion.version,
        QuestionnaireVersion.status,
        QuestionnaireVersion.checksum,
    )
    .join(Questionnaire)
    .where(
        Questionnaire.public_code == bindparam("code"),
        Questionnaire.audience.in_(PUBLIC_AUDIENCES),
        QuestionnaireVersion.status == "published",
    )
    .order_by(QuestionnaireVersion.version.desc())
    .limit(1)
)


def published_version(session: Session, code: str) -> PublishedVersion | None:
    """``published_by_code`` for the respondent's path: one small query on every request
    (so a version published or retired by any worker counts at once, with no cache to go
    stale), and the parsed definition cached by checksum (a stored text never changes under
    its checksum), so the definition text is read from the database only once per process."""
    row = session.connection().execute(_PUBLISHED, {"code": code}).first()
    if row is None:
        return None
    version_id, questionnaire_id, number, status, checksum = row
    definition = _BY_CHECKSUM.get(checksum)
    if definition is None:
        text = session.scalar(
            select(QuestionnaireVersion.definition).where(QuestionnaireVersion.id == version_id)
        )
        definition = _parse_cached(checksum, text or "")
        if len(_BY_CHECKSUM) >= 256:
            _BY_CHECKSUM.clear()
        _BY_CHECKSUM[checksum] = definition
    return PublishedVersion(version_id, questionnaire_id, number, status, checksum, definition)


# -- authoring: drafts from uploaded workbooks, publishing, retiring -------------------------


@dataclass(frozen=True)
class Upload:
    """What adding an uploaded definition did. ``problems``: why nothing was stored."""

    version: QuestionnaireVersion | None = None
    same_as: int | None = None  # identical to this stored version: nothing was stored
    replaced_draft: bool = False
    problems: tuple[Problem, ...] = ()


def _content_digest(data: dict[str, Any]) -> str:
    """A definition's content, whatever version number it carries."""
    return sha256_hex(
        json.dumps({**data, "version": 0}, ensure_ascii=False, sort_keys=True).encode()
    )


def _same_content(
    versions: Sequence[QuestionnaireVersion], data: dict[str, Any]
) -> QuestionnaireVersion | None:
    """The stored version with exactly this content, whatever its number."""
    digest = _content_digest(data)
    return next((v for v in versions if _content_digest(json.loads(v.definition)) == digest), None)


def add_draft(session: Session, data: dict[str, Any], languages: Sequence[str]) -> Upload:
    """Store ``data`` (a checked definition) as the questionnaire's draft version.

    A new questionnaire starts at version 1. A questionnaire has at most one draft: a new
    upload replaces it (a draft has no responses). The app numbers versions itself, one past
    the highest stored, so a published version's number is never reused.
    """
    questionnaire = session.scalar(select(Questionnaire).where(Questionnaire.key == data["key"]))
    stored: list[QuestionnaireVersion] = []
    if questionnaire is not None:
        if questionnaire.audience != data["audience"]:
            from ..analysis.labels import APP_LABELS  # the analysis imports this module

            return Upload(
                problems=(
                    Problem(
                        "settings", 2, "audience", None,
                        _l(
                            "“%(key)s” is a questionnaire for %(audience)s; a new version cannot "
                            "change who answers it. Use a new form_id for a new questionnaire.",
                            key=data["key"],
                            audience=APP_LABELS[f"group.{questionnaire.audience}"],
                        ),
                    ),
                )
            )  # fmt: skip
        stored = list(
            session.scalars(
                select(QuestionnaireVersion)
                .where(QuestionnaireVersion.questionnaire_id == questionnaire.id)
                .order_by(QuestionnaireVersion.version)
            )
        )
    # A retired version's words can come back: as a new draft, since retiring is final.
    existing = _same_content([v for v in stored if v.status != "retired"], data)
    if existing is not None:
        return Upload(version=existing, same_as=existing.version)
    if questionnaire is None:
        questionnaire = Questionnaire(
            key=data["key"],
            audience=data["audience"],
            public_code=secrets.token_urlsafe(6),
            created_at=clock.utcnow(),
        )
        session.add(questionnaire)
        session.flush()
    draft = next((v for v in stored if v.status == "draft"), None)
    number = draft.version if draft else max((v.version for v in stored), default=0) + 1
    definition = parse_definition({**data, "version": number}, languages)
    if draft is None:
        draft = QuestionnaireVersion(
            questionnaire_id=questionnaire.id, version=number, status="draft"
        )
        session.add(draft)
    draft.definition = definition.canonical_json()
    draft.checksum = definition.checksum()
    session.flush()
    return Upload(version=draft, replaced_draft=bool(stored) and draft in stored)


def publish(session: Session, version: QuestionnaireVersion) -> None:
    """A draft goes live: new respondents get it (the newest published version)."""
    if version.status != "draft":
        raise DefinitionError("only a draft can be published")
    version.status = "published"
    version.published_at = clock.utcnow()
    session.flush()


def discard_draft(session: Session, version: QuestionnaireVersion) -> None:
    """Delete a draft. Drafts are never answered, so nothing refers to one. A questionnaire
    left with no version at all goes too (it was never published: its name is free again)."""
    if version.status != "draft":
        raise DefinitionError("only a draft can be discarded")
    questionnaire = version.questionnaire
    session.delete(version)
    session.flush()
    if not session.scalar(
        select(QuestionnaireVersion.id).where(
            QuestionnaireVersion.questionnaire_id == questionnaire.id
        )
    ):
        session.delete(questionnaire)
        session.flush()


def find_version(session: Session, key: str, number: int) -> QuestionnaireVersion | None:
    return session.scalar(
        select(QuestionnaireVersion)
        .join(Questionnaire)
        .where(Questionnaire.key == key, QuestionnaireVersion.version == number)
    )


def retire(session: Session, key: str, version: int) -> None:
    found = session.scalar(
        select(QuestionnaireVersion)
        .join(Questionnaire)
        .where(Questionnaire.key == key, QuestionnaireVersion.version == version)
    )
    if found is None:
        raise DefinitionError(f"there is no {key} version {version}")
    found.status = "retired"
    session.flush()


def published_versions(session: Session) -> list[QuestionnaireVersion]:
    return list(
        session.scalars(
            select(QuestionnaireVersion)
            .join(Questionnaire)
            .where(QuestionnaireVersion.status == "published")
            .order_by(Questionnaire.id)
        )
    )


def definition_json(version: QuestionnaireVersion) -> dict[str, object]:
    return json.loads(version.definition)
