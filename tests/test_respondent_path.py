"""The respondent's path stays below the analysis: storing a response must not import
``intake.analysis`` (the suggested coding is passed in by the app, never fetched)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from flask import Flask
from sqlalchemy.orm import Session

from intake.analysis.record import code_at_submission
from intake.keystore import Keystore
from intake.models import Response

from .test_sealing import published

ROOT = Path(__file__).resolve().parent.parent

# Imports the public views and storage, stores one response with no coder, and reports
# which analysis modules got loaded (none may be).
SCRIPT = """
import json, os, sys
from pathlib import Path
import intake.public.views  # the respondent's pages
from intake import db
from intake.keystore import Keystore
from intake.questionnaires.catalog import definition_of
from intake.models import Questionnaire, QuestionnaireVersion
from intake.responses import store_response
from sqlalchemy import select

url, keystore_dir = sys.argv[1], sys.argv[2]
session = db.Database(url).session()
version = session.scalar(
    select(QuestionnaireVersion).join(Questionnaire)
    .where(Questionnaire.key == "survivor", QuestionnaireVersion.status == "published")
)
definition = definition_of(version)
rid = store_response(
    session, Keystore(Path(keystore_dir), bytes.fromhex(os.environ["TEST_KEYSTORE_MAC"])),
    definition, version.id,
    {"help_story": "La policía vino."}, "es", "self",
)
session.commit()
print(json.dumps({
    "id": rid,
    "analysis": sorted(m for m in sys.modules if m.startswith("intake.analysis")),
}))
"""


def test_storing_a_response_does_not_load_the_analysis(app: Flask, session: Session) -> None:
    config = app.extensions["intake.config"]
    keystore: Keystore = app.extensions["intake.keystore"]
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, config.database_url, str(keystore.path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        # The key store's MAC key, as the app derived it (through the environment, not argv).
        env={**os.environ, "TEST_KEYSTORE_MAC": keystore._mac_key.hex()},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["analysis"] == []
    assert session.get(Response, report["id"]) is not None  # it was stored


def test_the_app_passes_its_coder_to_storage(app: Flask, session: Session) -> None:
    # The views hand this to store_response, so new responses carry their coding.
    assert app.extensions["intake.coder"] is code_at_submission
    _version, definition = published(session, "survivor")
    coding = code_at_submission(session, definition, {"help_story": "La policía vino."}, "es")
    assert coding is not None
    _fingerprint, texts = coding
    assert texts["help_story"][0][2] == ["police.unspecified"]


def test_a_codebook_that_does_not_parse_never_costs_a_submission(
    app: Flask, session: Session
) -> None:
    import datetime as dt

    from intake.models import CodebookVersion
    from intake.responses import store_response

    # Given a database writer (or an old backup) left a stored codebook that cannot be read
    session.add(CodebookVersion(created_at=dt.datetime(2026, 12, 1), content="{not json"))
    session.commit()
    _version, definition = published(session, "survivor")
    # Then coding at submission steps aside (it is done at unlock instead) …
    assert code_at_submission(session, definition, {"help_story": "La policía vino."}, "es") is None
    # … and the response is still stored
    rid = store_response(
        session,
        app.extensions["intake.keystore"],
        definition,
        _version.id,
        {"help_story": "La policía vino."},
        "es",
        "self",
        coder=code_at_submission,
    )
    session.commit()
    assert session.get(Response, rid) is not None
