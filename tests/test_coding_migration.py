"""Migration 0004 (points coded without a dimension): saved codebooks and facilitators'
coding decisions made before it come through with nothing confirmed lost."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from intake import db
from intake.analysis import codebook as codebook_module
from intake.analysis.annotations import Annotation
from intake.analysis.coding import Matcher
from intake.analysis.state import ThemeState
from intake.questionnaires.catalog import SHIPPED_DIR
from intake.questionnaires.definition import load_definition_text
from intake.responses import OpenedResponse

OWN_CODE = "custom.transport"


def _old_codebook() -> dict[str, Any]:
    """A codebook as format 1 saved it after a facilitator's edits: words changed, a code of
    their own, police switched off entirely, one arrest code switched off."""
    data = codebook_module.shipped().to_data()
    data["version"] = 1
    data["interventions"]["housing"]["patterns"]["es"] = ["vivienda", "casero", "renta"]
    data["interventions"]["housing"]["label"]["en"] = "Housing and shelter"
    data["custom"] = {
        OWN_CODE: {"label": {"en": "Transport", "es": "Transporte"}, "patterns": {"es": ["autob"]}}
    }
    data["disabled"] = sorted([f"police.{d}" for d in data["dimensions"]] + ["arrest.made_safer"])
    return data


def _store_old(url: str, contents: list[str]) -> None:
    db.upgrade(url, "0003")
    engine = sa.create_engine(url)
    table = sa.table(
        "codebook_version",
        sa.column("id", sa.Integer),
        sa.column("created_at", sa.DateTime),
        sa.column("created_by", sa.String),
        sa.column("content", sa.Text),
    )
    with engine.begin() as connection:
        for number, content in enumerate(contents, start=1):
            connection.execute(
                table.insert().values(
                    id=number,
                    created_at=dt.datetime(2026, 11, number),
                    created_by="facilitator",
                    content=content,
                )
            )
    engine.dispose()


def _contents(url: str) -> list[str]:
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(sa.text("SELECT content FROM codebook_version ORDER BY id"))
        out = [row[0] for row in rows]
    engine.dispose()
    return out


def test_saved_codebooks_migrate_with_every_edit_kept(tmp_path: Path, database_url: str) -> None:
    # SQLite, or PostgreSQL when INTAKE_TEST_POSTGRES_URL is set (a fresh database).
    (tmp_path / "instance").mkdir(exist_ok=True)
    url = database_url
    shipped_as_saved = codebook_module.shipped().to_data()
    shipped_as_saved["version"] = 1
    old = _old_codebook()
    before = [json.dumps(shipped_as_saved, sort_keys=True), json.dumps(old, sort_keys=True)]
    _store_old(url, ["not json", *before])

    db.upgrade(url)

    broken, first, edited = _contents(url)
    assert broken == "not json"  # unreadable rows are left exactly as they were
    assert json.loads(first)["version"] == 2
    assert json.loads(first)["disabled"] == []
    data = json.loads(edited)
    assert data["version"] == 2
    # Every code switched off stays off; police, off entirely, stays off under its new code.
    assert set(data["disabled"]) == {*old["disabled"], "police.unspecified"}
    # Everything else is exactly what the facilitator saved.
    for section in ("interventions", "dimensions", "custom"):
        assert data[section] == old[section]

    engine = sa.create_engine(url)
    with Session(engine) as session:
        current = codebook_module.current(session)
        assert current.version == 3
        assert current.interventions["housing"].patterns["es"] == ("vivienda", "casero", "renta")
        assert current.code(OWN_CODE) is not None
        active = {c.key for c in current.codes()}
        assert not any(key.startswith("police.") for key in active)
        assert "arrest.made_safer" not in active
        assert {"arrest.unspecified", "arrest.made_less_safe", OWN_CODE} <= active
    engine.dispose()

    db.upgrade(url, "0004")  # idempotent at head
    assert _contents(url)[2] == edited
    from alembic import command

    command.downgrade(db.alembic_config(url), "0003")
    restored = json.loads(_contents(url)[2])
    assert restored == json.loads(before[1])


def test_decisions_made_before_the_migration_all_survive() -> None:
    """Decisions are sealed per response and untouched by the migration: they must mean the
    same under the new codebook (same code keys, same sentence keys)."""
    survivor = load_definition_text((SHIPPED_DIR / "survivor.json").read_text(encoding="utf-8"))
    text = (
        "La policía no me creyó y tuve más miedo. "
        "La policía vino a la casa. "
        "No hay autobús a la corte. "
        "Mi hermana me ayudó."
    )
    question = "ideas_for_change"
    # As format 1 sealed it: confirmed, rejected, added, quoted and hidden words.
    sealed = {
        "confirmed": {
            f"{question}#0": ["police.made_less_safe"],
            f"{question}#1": ["police.accountability"],  # added: nothing was suggested
            f"{question}#2": [OWN_CODE],
            f"{question}#3": ["housing.made_safer"],
        },
        "rejected": {f"{question}#0": ["police.respect_dignity"]},
        "quotes": {f"{question}#0": ["police.made_less_safe"]},
        "hidden": {f"{question}#0": ["policía"]},
    }
    note = Annotation.from_data(sealed)
    assert note.to_data() == sealed  # read and written back unchanged

    cb = codebook_module.parse(_old_codebook())
    cb = cb.with_disabled("police.unspecified", False)
    for dimension in cb.dimensions:
        cb = cb.with_disabled(f"police.{dimension}", False)
    state = ThemeState()
    state.aggregate.add(
        OpenedResponse(
            id="r1",
            questionnaire_version_id=1,
            provenance="self",
            submitted_month=dt.date(2026, 11, 1),
            language="es",
            answers={question: text},
        ),
        survivor,
    )
    state.annotations["r1"] = note
    state.annotation_revisions["r1"] = 1
    index = state.themes(cb, Matcher(cb))

    confirmed = {code for code, people in index.confirmed.items() if "r1" in people}
    assert confirmed == {
        "police.made_less_safe",
        "police.accountability",
        OWN_CODE,
        "housing.made_safer",
    }
    pending = {code for code, people in index.pending.items() if "r1" in people}
    assert "police.respect_dignity" not in pending  # still rejected
    # The new "not said how" suggestion for sentence 1 gave way to the added code.
    assert "police.unspecified" not in pending
    assert list(index.quotes["police.made_less_safe"]) == [(0, f"{question}#0")]
