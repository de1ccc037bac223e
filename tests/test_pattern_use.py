"""The codebook page shows how many answers each pattern matched (dead and greedy patterns
visible), counted from the unlocked answers only and never stored."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from flask import Flask
from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.analysis import codebook as codebook_module
from intake.analysis.codebook import Part
from intake.analysis.pattern_use import PatternCounter, PatternUse
from intake.analysis.state import ThemeState
from intake.models import AuditEntry, CodebookVersion
from intake.questionnaires.catalog import SHIPPED_DIR
from intake.questionnaires.definition import load_definition_text
from intake.responses import OpenedResponse
from tests.conftest import FACILITATOR_PASSPHRASE
from tests.test_staff_side import people, signed_in, token  # noqa: F401 - fixture
from tests.test_themes import add_responses, keystore_of


def _codebook() -> codebook_module.Codebook:
    cb = codebook_module.shipped()
    own = Part(
        "custom.transport",
        "custom",
        {"en": "Transport"},
        {"es": ("autob", "zzqx nunca"), "en": ("bus",)},
    )
    return cb.with_part(own)


def _state(texts: list[tuple[str, str]]) -> ThemeState:
    survivor = load_definition_text((SHIPPED_DIR / "survivor.json").read_text(encoding="utf-8"))
    state = ThemeState()
    for number, (language, text) in enumerate(texts):
        state.aggregate.add(
            OpenedResponse(
                id=f"r{number}",
                questionnaire_version_id=1,
                provenance="self",
                submitted_month=dt.date(2026, 11, 1),
                language=language,
                answers={"help_story": text},
            ),
            survivor,
        )
    return state


def test_each_pattern_counts_the_answers_it_matched_once() -> None:
    cb = _codebook()
    state = _state(
        [
            ("es", "El autobús no llega. El autobús tarda horas."),  # twice in one answer
            ("es", "No hay autobuses."),
            ("es", "Mi hermana me ayudó."),
            ("en", "The bus was late."),
        ]
    )
    use = state.patterns(cb)
    own = cb.part("custom.transport")
    assert use.texts_done == 4
    assert dict(use.of(own, "es")) == {"autob": 2, "zzqx nunca": 0}
    assert dict(use.of(own, "en")) == {"bus": 1}
    assert use.by_part["custom.transport"] == 3
    assert use.dead(own) == 1  # the pattern nobody wrote
    assert use.tried("es") == 3
    assert use.tried("en") == 4  # English patterns are tried on every answer


def test_counts_grow_with_new_answers_only() -> None:
    cb = _codebook()
    state = _state([("es", "No hay autobuses.")])
    first = state.patterns(cb)
    state.aggregate.add(
        OpenedResponse(
            id="later",
            questionnaire_version_id=1,
            provenance="self",
            submitted_month=dt.date(2026, 11, 1),
            language="es",
            answers={"help_story": "El autobús otra vez."},
        ),
        load_definition_text((SHIPPED_DIR / "survivor.json").read_text(encoding="utf-8")),
    )
    again = state.patterns(cb)
    assert again is first
    assert again.texts_done == 2
    assert again.by_pattern[("custom.transport", "es", "autob")] == 2


def test_counter_names_the_pattern_in_every_script() -> None:
    counter = PatternCounter(codebook_module.shipped())
    for language, text, part in [
        ("zh", "警察来了。", "police"),
        ("ar", "والشرطة جاءت", "police"),
        ("vi", "Cảnh sát đến nhà tôi.", "police"),
    ]:
        found = counter.matched(text, language)
        assert any(key == part and lang == language for key, lang, _p in found), found


def test_a_pattern_in_a_language_nobody_wrote_in_is_not_called_dead() -> None:
    use = PatternUse()
    counter = PatternCounter(_codebook())
    counter.count(use, _state([("en", "The bus again.")]).aggregate.texts)
    own = _codebook().part("custom.transport")
    assert use.dead(own) == 0  # "autob" and "zzqx nunca" were never tried: no es answers


def test_codebook_page_shows_counts_only_when_unlocked(
    app: Flask,
    session: Session,
    people: dict[str, Any],  # noqa: F811
) -> None:
    keystore = keystore_of(app)
    add_responses(session, keystore, "survivor", 3, {"help_story": "La policía vino."}, "es")
    add_responses(session, keystore, "survivor", 1, {"help_story": "Mi hermana me ayudó."}, "es")
    fran = signed_in(app, people, "facilitator")
    page = fran.get("/staff/codebook").get_data(as_text=True)
    assert "Unlock the responses to see how many answers each word matched." in page
    assert "Answers matched" not in page

    unlock = fran.post(
        "/staff/unlock",
        data={"csrf_token": token(fran, "/staff/unlock"), "passphrase": FACILITATOR_PASSPHRASE},
    )
    assert unlock.status_code == 303
    page = fran.get("/staff/codebook").get_data(as_text=True)
    assert "from the 4 free-text answers now unlocked" in page
    police_row = re.search(
        r'>Police<span class="visually-hidden"> \(Edit\)</span></a></td>\s*'
        r'<td>\d+(?:<br><span class="muted">[^<]*</span>)?</td>\s*<td>(\d+)</td>',
        page,
    )
    assert police_row is not None
    assert police_row.group(1) == "3"

    part_page = fran.get("/staff/codebook/part?key=police").get_data(as_text=True)
    assert "How many answers each word matched (of 4 tried)" in part_page
    assert re.search(r'<td dir="auto">polic[^<]*</td><td>3 \(75%\)</td>', part_page), part_page
    assert "<strong>none</strong>" in part_page  # most police words matched nothing here
    # Nothing about the counts was written anywhere: no new codebook version, no audit line.
    assert session.scalar(select(CodebookVersion)) is None
    entries = session.scalars(select(AuditEntry.detail)).all()
    assert not any("polic" in detail for detail in entries)


def test_counting_stops_at_its_deadline_and_goes_on_later() -> None:
    cb = _codebook()
    state = _state([("es", "No hay autobuses."), ("es", "El autobús otra vez.")])
    assert state.patterns(cb, seconds=-1.0).texts_done == 0  # out of time before starting
    use = state.patterns(cb)
    assert use.texts_done == 2
    assert use.by_pattern[("custom.transport", "es", "autob")] == 2


def test_codebook_page_says_when_counting_is_not_finished(
    app: Flask,
    session: Session,
    people: dict[str, Any],  # noqa: F811
    monkeypatch: Any,
) -> None:
    from intake.staff import theme_views

    add_responses(
        session, keystore_of(app), "survivor", 2, {"help_story": "La policía vino."}, "es"
    )
    fran = signed_in(app, people, "facilitator")
    unlock = fran.post(
        "/staff/unlock",
        data={"csrf_token": token(fran, "/staff/unlock"), "passphrase": FACILITATOR_PASSPHRASE},
    )
    assert unlock.status_code == 303
    monkeypatch.setattr(theme_views, "PATTERN_COUNT_SECONDS", -1.0)
    page = fran.get("/staff/codebook").get_data(as_text=True)
    assert "from 0 of the 2 free-text answers now unlocked: open this page again" in page
    monkeypatch.setattr(theme_views, "PATTERN_COUNT_SECONDS", 30.0)
    page = fran.get("/staff/codebook").get_data(as_text=True)
    assert "from the 2 free-text answers now unlocked" in page


def test_a_pattern_counts_the_answers_whose_slip_it_names() -> None:
    # Suggestions read "polcie" as "police" (intake.analysis.typos): so does the count, or a
    # pattern would look dead where it names the point.
    counter = PatternCounter(codebook_module.shipped())
    found = {(part, pattern) for part, _lang, pattern in counter.matched("the polcie came", "en")}
    assert ("police", "police") in found
    assert not counter.matched("he was polite", "en")
