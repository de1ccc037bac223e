"""Word senses on the codebook page: listed with a title, their point and phrases, switched
off and on by a facilitator, each switch a new codebook version that the matcher, the
sealed coding and the themes pages follow."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest
from babel.messages.pofile import read_po
from flask import Flask
from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.analysis import codebook as codebook_module
from intake.analysis.codebook import SENSE_TITLES, CodebookError, parse
from intake.analysis.coding import SENSES, SENSES_FILE, Matcher, fingerprint_of, matcher_for
from intake.analysis.pattern_use import PatternCounter, PatternUse
from intake.models import AuditEntry, CodebookVersion
from tests.conftest import FACILITATOR_PASSPHRASE
from tests.test_staff_side import people, signed_in, token  # noqa: F401 - fixture
from tests.test_themes import add_responses, keystore_of
from tests.test_translations import CATALOGS, SHIPPED

SCHOOL_RUN = "I dropped the kids at school and he was waiting"
SHOWN = re.compile(r'name="shown" value="([^"]*)"')


def old_time() -> dt.datetime:
    return dt.datetime(2026, 11, 1, 9, 0)


def _points(matcher: Matcher, text: str, language: str = "en") -> set[str]:
    return {code.split(".")[0] for e in matcher.excerpts(text, language) for code in e.codes}


# -- the codebook's data: parse, migration, fingerprint ----------------------------------
def test_a_codebook_saved_before_senses_could_be_switched_has_them_all_on() -> None:
    saved = codebook_module.shipped().with_disabled("police.made_safer", True).to_data()
    assert "senses_off" not in saved  # what every version saved so far looks like
    loaded = parse(json.loads(json.dumps(saved)), version=3)
    assert loaded.senses_off == frozenset()
    # Loaded unchanged: the same content, so the same fingerprint, and sealed coding made
    # under it is still reused.
    assert loaded.to_data() == saved
    assert loaded.fingerprint == parse(saved).fingerprint
    assert _points(Matcher(loaded), SCHOOL_RUN) == set()


def test_a_stored_version_without_senses_off_is_read_with_all_senses_on(session: Session) -> None:
    # A row as the app stored it before this change (the same JSON ``save`` writes).
    old = codebook_module.shipped().with_disabled("schools.made_safer", True)
    content = json.dumps(old.to_data(), ensure_ascii=False, sort_keys=True)
    session.add(CodebookVersion(created_at=old_time(), created_by="fran", content=content))
    session.commit()
    current = codebook_module.current(session)
    assert current.senses_off == frozenset()
    assert json.dumps(current.to_data(), ensure_ascii=False, sort_keys=True) == content
    assert current.fingerprint == old.fingerprint  # sealed coding under it is still reused
    assert _points(matcher_for(current), SCHOOL_RUN) == set()


def test_switching_a_sense_is_saved_in_the_codebook_and_changes_its_fingerprint() -> None:
    shipped = codebook_module.shipped()
    off = shipped.with_sense_off("school_in_passing", True)
    assert off.to_data()["senses_off"] == ["school_in_passing"]
    assert parse(off.to_data()).senses_off == {"school_in_passing"}
    assert fingerprint_of(off) != fingerprint_of(shipped)
    assert matcher_for(off) is not matcher_for(shipped)
    # Back on: the content, so the fingerprint, is the shipped codebook's again.
    on = off.with_sense_off("school_in_passing", False)
    assert "senses_off" not in on.to_data()
    assert on.fingerprint == shipped.fingerprint
    # A name no sense has any more is kept and does nothing; a malformed list is refused.
    assert parse({**shipped.to_data(), "senses_off": ["gone"]}).senses_off == {"gone"}
    with pytest.raises(CodebookError):
        parse({**shipped.to_data(), "senses_off": "school_in_passing"})


# -- the matcher ------------------------------------------------------------------------
def test_the_matcher_skips_a_sense_the_codebook_switched_off() -> None:
    shipped = codebook_module.shipped()
    off = shipped.with_sense_off("school_in_passing", True)
    assert _points(Matcher(shipped), SCHOOL_RUN) == set()
    assert _points(Matcher(off), SCHOOL_RUN) == {"schools"}
    # Only that sense: the others still apply.
    court = "the landlord took us to court to evict us"
    assert _points(Matcher(shipped), court) == _points(Matcher(off), court) == {"housing"}
    both_off = off.with_sense_off("court_of_another_kind", True)
    assert _points(Matcher(both_off), court) == {"housing", "criminal_court"}


def test_a_keeping_sense_switched_off_lets_its_point_yield_again() -> None:
    text = "He was out on bail and then got sentenced to two years in jail"
    shipped = codebook_module.shipped()
    off = shipped.with_sense_off("bail_before_the_sentence", True)
    assert "jail_pretrial" in _points(Matcher(shipped), text)
    assert "jail_pretrial" not in _points(Matcher(off), text)


# -- titles -----------------------------------------------------------------------------
def test_every_sense_has_a_title_and_every_title_a_sense() -> None:
    names = [n for n in json.loads(SENSES_FILE.read_text(encoding="utf-8")) if n[0] != "_"]
    assert sorted(names) == sorted(SENSES)
    assert [n for n in names if not SENSE_TITLES.get(n, "").strip()] == []
    assert set(SENSE_TITLES) - set(names) == set()


@pytest.mark.parametrize("language", SHIPPED)
def test_every_sense_title_is_translated(language: str) -> None:
    with (CATALOGS / language / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalog = read_po(handle)
    missing = [t for t in SENSE_TITLES.values() if not (catalog.get(t) and catalog.get(t).string)]
    assert missing == []


# -- counts -----------------------------------------------------------------------------
def test_the_counter_counts_answers_with_a_senses_phrases_once_without_changing_patterns() -> None:
    cb = codebook_module.shipped()
    counter = PatternCounter(cb)
    plain = PatternCounter(codebook_module.Codebook(cb.interventions, cb.dimensions))
    texts = [
        (SCHOOL_RUN + ". Then at school again.", "en"),
        ("我在学校门口等孩子，警察来了", "zh"),
        ("The teacher called the police", "en"),
    ]
    for text, language in texts:
        assert counter.matched(text, language) == plain.matched(text, language)
    assert counter.found(texts[0][0], "en")[1] == {"school_in_passing"}
    assert counter.found(texts[1][0], "zh")[1] == {"school_in_passing"}
    assert counter.found(texts[2][0], "en")[1] == set()
    # Switched off, a sense is still counted: the count says how much switching it matters.
    off = PatternCounter(cb.with_sense_off("school_in_passing", True))
    assert off.found(texts[0][0], "en")[1] == {"school_in_passing"}
    assert isinstance(PatternUse().by_sense["school_in_passing"], int)


# -- the page ---------------------------------------------------------------------------
def _page(client: Any) -> str:
    return client.get("/staff/codebook").get_data(as_text=True)


def _post(client: Any, on: list[str], shown: str | None = None, csrf: bool = True) -> Any:
    page = _page(client)
    data: dict[str, Any] = {"sense_on": on}
    found = SHOWN.search(page)
    assert found is not None
    data["shown"] = found.group(1) if shown is None else shown
    if csrf:
        data["csrf_token"] = token(client, "/staff/codebook")
    return client.post("/staff/codebook/senses", data=data)


def test_the_codebook_page_lists_the_senses_with_a_labelled_switch(
    app: Flask,
    session: Session,
    people: dict[str, Any],  # noqa: F811
) -> None:
    fran = signed_in(app, people, "facilitator")
    page = _page(fran)
    assert '<h2 id="senses">Word senses</h2>' in page
    for name in SENSES:
        assert f'id="sense-{name}" name="sense_on" value="{name}" checked' in page
        assert f'<label class="choice__label" for="sense-{name}">' in page
    assert SENSE_TITLES["school_in_passing"] in page
    assert "Point: Schools." in page
    assert "Its phrases keep this point suggested." in page  # bail
    assert "Its phrases stop this point being suggested." in page
    # a following sense says what it does, not that its phrases stop the point
    about = page.split('id="sense-a_court_word_after_another_court-about">', 1)[1].split("</p>")[0]
    assert "the sentence before decides" in about
    assert "stop this point" not in about
    assert '<dd lang="zh" dir="auto">在学校' in page
    assert "Answers with these phrases" not in page  # counted only while unlocked


def test_switching_a_sense_off_saves_a_version_and_changes_the_suggestions(
    app: Flask,
    session: Session,
    people: dict[str, Any],  # noqa: F811
) -> None:
    add_responses(session, keystore_of(app), "survivor", 2, {"help_story": SCHOOL_RUN})
    fran = signed_in(app, people, "facilitator")
    fran.post(
        "/staff/unlock",
        data={"csrf_token": token(fran, "/staff/unlock"), "passphrase": FACILITATOR_PASSPHRASE},
    )
    assert "Answers with these phrases: 2." in _page(fran)
    queue = fran.get("/staff/themes/review").get_data(as_text=True)
    assert "<mark>school</mark>" not in queue  # the sense applies: no schools

    every = list(SENSES)
    result = _post(fran, [n for n in every if n != "school_in_passing"])
    assert result.status_code == 303
    saved = session.scalars(select(CodebookVersion).order_by(CodebookVersion.id)).all()
    assert len(saved) == 1
    assert saved[0].created_by == people["facilitator"][0]
    assert json.loads(saved[0].content)["senses_off"] == ["school_in_passing"]
    assert session.scalars(select(AuditEntry.detail)).all()[-1] == "senses: school_in_passing off"
    page = _page(fran)
    assert 'value="school_in_passing" aria' in page  # no longer ticked
    assert "Switched off." in page
    # The coding sealed at submission was made with the sense on: worked out again.
    queue = fran.get("/staff/themes/review").get_data(as_text=True)
    assert "<mark>school</mark>" in queue
    points = fran.get("/staff/data/points").get_data(as_text=True)
    assert "Schools" in points

    # Saving with nothing changed saves no version; switching it on again saves one.
    assert _post(fran, [n for n in every if n != "school_in_passing"]).status_code == 303
    session.expire_all()
    assert len(session.scalars(select(CodebookVersion)).all()) == 1
    assert _post(fran, every).status_code == 303
    session.expire_all()
    latest = codebook_module.current(session)
    assert latest.senses_off == frozenset()
    assert latest.fingerprint == codebook_module.shipped().fingerprint
    assert "<mark>school</mark>" not in fran.get("/staff/themes/review").get_data(as_text=True)


def test_a_sense_the_page_did_not_show_is_left_as_it_was(
    app: Flask,
    session: Session,
    people: dict[str, Any],  # noqa: F811
) -> None:
    fran = signed_in(app, people, "facilitator")
    # A page opened before two senses existed: its boxes say nothing about them.
    assert _post(fran, [], shown="school_in_passing").status_code == 303
    assert codebook_module.current(session).senses_off == {"school_in_passing"}


def test_switching_senses_needs_the_csrf_token_and_a_facilitator(
    app: Flask,
    session: Session,
    people: dict[str, Any],  # noqa: F811
) -> None:
    fran = signed_in(app, people, "facilitator")
    refused = _post(fran, [], csrf=False)
    assert refused.status_code == 400
    for role in ("admin", "advocate", "viewer"):
        other = signed_in(app, people, role)
        result = other.post(
            "/staff/codebook/senses",
            data={"csrf_token": token(other, "/staff/"), "shown": "school_in_passing"},
        )
        assert result.status_code == 403, role
    assert session.scalars(select(CodebookVersion)).all() == []


def test_every_sense_has_a_title_of_its_own() -> None:
    # Two switches with one label cannot be told apart by a screen reader or in the audit.
    titles = list(SENSE_TITLES.values())
    assert len(set(titles)) == len(titles)
