"""What one worker changes, every other worker serves at once.

gunicorn runs several worker processes, each with its own memory. The respondent's path
reads the published version and the admin's settings on every request (small queries; only
a version's parsed definition is kept, by its immutable checksum), so publishing, retiring
or changing a setting through one worker is what the next request to any other worker sees.
Two app instances on one database stand in for two workers here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from flask import Flask
from sqlalchemy import text

from intake import db, settings
from intake.app import create_app
from intake.config import Config
from intake.questionnaires.catalog import SHIPPED_DIR, load_definition, retire
from intake.questionnaires.definition import parse_definition

from .conftest import Respondent, public_code

# The questionnaire's title appears only after Start (the landing page is neutral).
TOPIC_RE = re.compile(r'class="lead topic-title"><strong>(.*?)</strong>', re.DOTALL)


@pytest.fixture
def other_worker(app: Flask, config: Config) -> Iterator[Flask]:
    second = create_app(config)
    yield second
    db.get_database(second).dispose()


def _welcome(app: Flask, code: str) -> tuple[int, str]:
    response = app.test_client().get(f"/s/{code}")
    return response.status_code, response.get_data(as_text=True)


def _title_after_start(app: Flask, code: str) -> str:
    respondent = Respondent(app.test_client(), code)
    respondent.open()
    match = TOPIC_RE.search(respondent.post("start"))
    assert match, "the page after Start names no questionnaire"
    return match.group(1).strip()


def _publish_survivor_version(app: Flask, number: int, title: str) -> None:
    data = json.loads((SHIPPED_DIR / "survivor.json").read_text(encoding="utf-8"))
    data["version"] = number
    data["title"] = {language: title for language in data["title"]}
    with app.app_context():
        session = db.get_database(app).session()
        load_definition(session, parse_definition(data))
        session.commit()
        session.close()


def test_a_version_published_by_one_worker_is_served_by_another_at_once(
    app: Flask, other_worker: Flask
) -> None:
    code = public_code(app)
    assert _welcome(app, code)[0] == 200
    assert "Your voice" in _title_after_start(app, code)

    _publish_survivor_version(other_worker, 2, "Second edition of the survivor questions")

    assert _welcome(app, code)[0] == 200
    assert _title_after_start(app, code) == "Second edition of the survivor questions"


def test_a_version_retired_by_one_worker_is_gone_from_another_at_once(
    app: Flask, other_worker: Flask
) -> None:
    code = public_code(app)
    _publish_survivor_version(other_worker, 2, "Second edition")
    assert "Second edition" in _title_after_start(app, code)

    with other_worker.app_context():
        session = db.get_database(other_worker).session()
        retire(session, "survivor", 2)
        session.commit()
        session.close()
    assert _welcome(app, code)[0] == 200
    assert "Your voice" in _title_after_start(app, code)

    with other_worker.app_context():
        session = db.get_database(other_worker).session()
        retire(session, "survivor", 1)
        session.commit()
        session.close()
    assert _welcome(app, code)[0] == 404


def test_a_setting_changed_by_one_worker_is_used_by_another_at_once(
    app: Flask, other_worker: Flask
) -> None:
    code = public_code(app)
    assert "<title>Community notes</title>" not in _welcome(app, code)[1]
    exit_before = app.test_client().get("/exit").headers["Location"]

    with other_worker.app_context():
        session = db.get_database(other_worker).session()
        settings.save(
            session,
            {"neutral_title": "Community notes", "quick_exit_url": "https://weather.example/"},
        )
        session.commit()
        session.close()

    assert "<title>Community notes</title>" in _welcome(app, code)[1]
    exit_after = app.test_client().get("/exit").headers["Location"]
    assert exit_after == "https://weather.example/" != exit_before


@pytest.mark.sqlite_only
def test_sqlite_commits_are_durable_and_readers_do_not_block_the_writer(app: Flask) -> None:
    """Write-ahead log with a sync at every commit: an accepted response survives a power
    cut (synchronous=FULL, 2), and page views never wait for a submission's commit."""
    assert db.get_database(app).engine.dialect.name == "sqlite"
    with db.get_database(app).engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2
        assert connection.execute(text("PRAGMA secure_delete")).scalar() == 1
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
