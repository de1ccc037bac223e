"""Settings an admin can change while the app runs, over the start-up configuration.

Stored in the ``setting`` table so every worker sees the same value; read once per request.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from flask import current_app, g, has_request_context
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from .config import Config
from .models import Setting

# What a survivor's tab and history list say when an admin has set nothing: it must not name
# violence, safety or help, since whoever checks the phone reads it.
DEFAULT_NEUTRAL_TITLE = _l("Community listening")

EDITABLE = ("quick_exit_url", "neutral_title", "suppression_threshold", "resources")


@dataclass(frozen=True)
class Settings:
    quick_exit_url: str
    neutral_title: str
    suppression_threshold: int
    # Hotlines per language set by an admin; empty: the configured resources file.
    resources: dict[str, list[dict[str, str]]]

    def page_title(self) -> str:
        """The title of every survivor page: the admin's neutral title, else the shipped one
        in the page's language."""
        return self.neutral_title or str(DEFAULT_NEUTRAL_TITLE)


def _from(config: Config, stored: dict[str, Any]) -> Settings:
    return Settings(
        quick_exit_url=str(stored.get("quick_exit_url") or config.quick_exit_url),
        neutral_title=str(stored.get("neutral_title", config.neutral_title) or ""),
        suppression_threshold=int(
            stored.get("suppression_threshold") or config.suppression_threshold
        ),
        resources=stored.get("resources") or {},
    )


_EDITABLE_ROWS = select(Setting.key, Setting.value).where(Setting.key.in_(EDITABLE))


def load(session: Session, config: Config) -> Settings:
    # Plain rows, not ORM objects: this runs on every page a respondent sees.
    stored = {}
    for key, value in session.connection().execute(_EDITABLE_ROWS):
        try:
            stored[key] = json.loads(value)
        except ValueError:
            continue
    return _from(config, stored)


def current() -> Settings:
    """This request's settings (the database is read once per request)."""
    from .db import db_session

    config: Config = current_app.extensions["intake.config"]
    if not has_request_context():
        return load(db_session(), config)
    if "intake_settings" not in g:
        try:
            g.intake_settings = load(db_session(), config)
        except SQLAlchemyError:  # an unreachable database must not hide quick exit
            db_session().rollback()
            g.intake_settings = _from(config, {})
    return g.intake_settings


def save(session: Session, values: dict[str, Any]) -> None:
    for key, value in values.items():
        if key not in EDITABLE:
            raise KeyError(key)
        row = session.get(Setting, key)
        if row is None:
            session.add(Setting(key=key, value=json.dumps(value)))
        else:
            row.value = json.dumps(value)
    session.flush()


def parse_resource_lines(text: str) -> list[dict[str, str]]:
    """``name | contact | detail`` per line (detail optional); blank lines ignored.

    Raises ValueError naming the first line that lacks a name or a contact.
    """
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [part.strip() for part in line.split("|")]
        if len(parts) < 2 or not parts[0] or not parts[1] or len(parts) > 3:
            raise ValueError(number)
        entries.append(
            {
                "name": parts[0][:120],
                "contact": parts[1][:60],
                "detail": (parts[2] if len(parts) == 3 else "")[:300],
            }
        )
    return entries


def resource_lines(entries: list[dict[str, str]]) -> str:
    return "\n".join(
        f"{e['name']} | {e['contact']} | {e.get('detail', '')}".rstrip(" |") for e in entries
    )
