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

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import clock
from ..models import Questionnaire, QuestionnaireVersion
from .definition import Definition, load_definition_text
from .types import DefinitionError

SHIPPED_DIR = Path(__file__).resolve().parent / "data"
SHIPPED = ("survivor", "advocate", "community_leader", "listening_session")
# Only these are answered through a public link; a listening-session record is staff-only.
PUBLIC_AUDIENCES = ("survivor", "advocate", "community_leader")


@dataclass(frozen=True)
class LoadResult:
    key: str
    version: int
    created: bool


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
        return LoadResult(definition.key, definition.version, created=False)
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
    return LoadResult(definition.key, definition.version, created=True)


def load_shipped(session: Session, languages: Sequence[str]) -> list[LoadResult]:
    results = []
    for key in SHIPPED:
        text = (SHIPPED_DIR / f"{key}.json").read_text(encoding="utf-8")
        results.append(load_definition(session, load_definition_text(text, languages)))
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
