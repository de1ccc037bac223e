"""The sealed analysis record: what themes read instead of every field.

Each response is stored with its fields (the response of record) and one more ciphertext
under the same data key: all its answers and the coding suggested at submission. These
tests hold the record to one promise: themes built from records are exactly the themes
built field by field, and anything wrong with a record is caught, never trusted.
"""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bench import synthetic
from intake import crypto, keyring
from intake.analysis import aggregate as aggregate_module
from intake.analysis import codebook as codebook_module
from intake.analysis import record as analysis_record
from intake.analysis import report
from intake.analysis import state as analysis_state
from intake.analysis.aggregate import (
    _BANDED,
    _MULTIPLE,
    Aggregate,
    _band,
)
from intake.analysis.codebook import Part
from intake.analysis.coding import Excerpt, Matcher, excerpts_from_data, excerpts_to_data
from intake.keystore import Keystore
from intake.models import Response
from intake.questionnaires.catalog import definition_of, published_versions
from intake.responses import (
    OpenedResponse,
    RecordReading,
    UnreadableResponse,
    open_record,
    open_stored,
    store_response,
    stored_responses,
)

CODED_TEXT = "La policía no me creyó y tuve más miedo."


def _survivor(session: Session):  # type: ignore[no-untyped-def]
    version = next(v for v in published_versions(session) if v.questionnaire.audience == "survivor")
    return version, definition_of(version)


def _store(
    session: Session, keystore: Keystore, answers: dict[str, Any], language: str = "es"
) -> str:
    version, definition = _survivor(session)
    rid = store_response(
        session, keystore, definition, version.id, answers, language, "self",
        coder=analysis_record.code_at_submission,
    )  # fmt: skip
    session.commit()
    return rid


def _stored(session: Session, rid: str, with_fields: bool):  # type: ignore[no-untyped-def]
    (found,) = stored_responses(session, {rid}, with_fields=with_fields)
    return found


def _build(
    session: Session, team: keyring.TeamPrivateKey, keystore: Keystore
) -> analysis_state.ThemeState:
    state = analysis_state.ThemeState()
    ids = set(session.scalars(select(Response.id)))
    analysis_state.read_responses(session, state, ids, team, keystore)
    return state


def _counters(aggregate: Aggregate) -> dict[str, Any]:
    return {
        "by_group": aggregate.by_group,
        "by_language": aggregate.by_language,
        "by_month": aggregate.by_month,
        "answers": aggregate.answers,
        "answered": aggregate.answered,
        "contacted_answers": aggregate.contacted_answers,
        "contacted_answered": aggregate.contacted_answered,
        "asked_answers": aggregate.asked_answers,
        "asked_answered": aggregate.asked_answered,
        "unsaid_answers": aggregate.unsaid_answers,
        "contact": aggregate.contact,
    }


def _excerpts_by_answer(state: analysis_state.ThemeState, cb: Any, matcher: Matcher) -> dict:  # type: ignore[type-arg]
    coded = state.excerpts(cb, matcher)
    return {(t.response_id, t.question_key): coded[i] for i, t in enumerate(state.aggregate.texts)}


def test_every_response_is_stored_with_a_padded_record_that_opens_to_its_fields(
    session: Session, keystore: Keystore, open_team: keyring.TeamPrivateKey
) -> None:
    rid = _store(
        session,
        keystore,
        {"interventions_contacted": ["police"], "help_story": CODED_TEXT, "help_sought": "yes"},
    )
    _version, definition = _survivor(session)
    with_record = _stored(session, rid, with_fields=False)
    assert with_record.analysis is not None
    assert with_record.fields == {}
    # format byte + nonce + tag around a plaintext padded to whole KiB
    assert (len(with_record.analysis) - 1 - 12 - 16) % 1024 == 0
    opened, key, suggested = open_record(with_record, open_team, keystore, definition)
    by_fields, key_again = open_stored(_stored(session, rid, True), open_team, keystore, definition)
    assert opened == by_fields
    assert key == key_again
    assert opened.answers["help_story"] == CODED_TEXT
    # The suggestion sealed at submission is what the codebook suggests now.
    cb = codebook_module.shipped()
    assert suggested is not None
    fingerprint, texts = suggested
    assert fingerprint.endswith(cb.fingerprint)
    expected = Matcher(cb).excerpts(CODED_TEXT, "es", "help_story")
    assert excerpts_from_data(texts["help_story"]) == expected
    assert any(e.codes for e in expected), "the sentence is one the codebook codes"


def test_record_length_does_not_tell_short_answers_from_skipped_ones(
    session: Session, keystore: Keystore
) -> None:
    skipped = _store(session, keystore, {})
    short = _store(session, keystore, {"help_sought": "yes", "help_story": "No."})
    sizes = {len(_stored(session, rid, False).analysis) for rid in (skipped, short)}
    assert len(sizes) == 1


def test_themes_from_records_are_exactly_themes_from_fields(
    app: Flask, session: Session, keystore: Keystore, open_team: keyring.TeamPrivateKey
) -> None:
    synthetic.seal(session, keystore, 160, seed=11)  # every group, six languages, free text
    cb = codebook_module.current(session)
    matcher = Matcher(cb)
    from_records = _build(session, open_team, keystore)
    assert from_records.unreadable == set()
    assert len(from_records.precoded) == len(from_records.aggregate.texts) > 50
    # The same responses as if stored before records existed: read field by field, and
    # their free text coded at unlock.
    session.execute(update(Response).values(analysis=None))
    session.commit()
    from_fields = _build(session, open_team, keystore)
    assert from_fields.precoded == {}
    assert _counters(from_records.aggregate) == _counters(from_fields.aggregate)
    assert _excerpts_by_answer(from_records, cb, matcher) == _excerpts_by_answer(
        from_fields, cb, matcher
    )
    with app.test_request_context():
        a = report.build(from_records, cb, matcher, 5, ["en", "es"])
        b = report.build(from_fields, cb, matcher, 5, ["en", "es"])
    assert a["tables"] == b["tables"]


def test_a_tampered_or_moved_record_makes_the_response_unreadable(
    session: Session, keystore: Keystore, open_team: keyring.TeamPrivateKey
) -> None:
    first = _store(session, keystore, {"help_sought": "yes"})
    second = _store(session, keystore, {"help_sought": "no"})
    blob = bytearray(_stored(session, first, False).analysis)
    blob[40] ^= 1
    session.execute(update(Response).where(Response.id == first).values(analysis=bytes(blob)))
    # the second response's record pasted onto a third: its own key cannot open it
    third = _store(session, keystore, {"help_sought": "no"})
    moved = _stored(session, second, False).analysis
    session.execute(update(Response).where(Response.id == third).values(analysis=moved))
    session.commit()
    _version, definition = _survivor(session)
    with pytest.raises(UnreadableResponse, match="analysis record failed authentication"):
        open_record(_stored(session, first, False), open_team, keystore, definition)
    state = _build(session, open_team, keystore)
    assert state.unreadable == {first, third}
    assert state.aggregate.answers["help_sought"][("survivor", "no")] == 1


def _reseal(
    session: Session,
    team: keyring.TeamPrivateKey,
    keystore: Keystore,
    rid: str,
    change: Any,
) -> None:
    """Rewrite a record's plaintext under its own key (what only a key holder could do)."""
    _version, definition = _survivor(session)
    stored = _stored(session, rid, False)
    _opened, key, _suggested = open_record(stored, team, keystore, definition)
    label = stored.epoch.label
    aad = crypto.associated_data("analysis", rid, stored.questionnaire_version_id, label)
    content = analysis_record.parse(crypto.decrypt_field(key, stored.analysis, aad))
    plaintext = change(content)
    blob = crypto.encrypt_record(key, plaintext, aad)
    session.execute(update(Response).where(Response.id == rid).values(analysis=blob))
    session.commit()


def test_a_record_with_impossible_or_missing_answers_is_refused(
    session: Session, keystore: Keystore, open_team: keyring.TeamPrivateKey
) -> None:
    impossible = _store(session, keystore, {"help_sought": "yes"})
    missing = _store(session, keystore, {"help_sought": "yes"})
    _reseal(
        session,
        open_team,
        keystore,
        impossible,
        lambda c: analysis_record.build({**c[0], "help_sought": "maybe"}, c[1]),
    )
    _reseal(
        session,
        open_team,
        keystore,
        missing,
        lambda c: analysis_record.build(
            {k: v for k, v in c[0].items() if k != "help_sought"}, c[1]
        ),
    )
    _version, definition = _survivor(session)
    reading = RecordReading()
    with pytest.raises(UnreadableResponse, match="impossible value"):
        open_record(_stored(session, impossible, False), open_team, keystore, definition, reading)
    with pytest.raises(UnreadableResponse, match="missing or added"):
        open_record(_stored(session, missing, False), open_team, keystore, definition, reading)
    assert _build(session, open_team, keystore).unreadable == {impossible, missing}


def test_an_answer_equal_to_a_checked_one_but_of_another_type_is_refused(
    session: Session, keystore: Keystore, open_team: keyring.TeamPrivateKey
) -> None:
    # True == 1 == 1.0 in Python: remembering that 1 was a valid count must not let the
    # other two through (a number question takes whole numbers only).
    good = _store(session, keystore, {"help_places_count": 1, "help_sought": "yes"})
    forged = {}
    for name, value in (("bool", True), ("float", 1.0)):
        forged[name] = _store(session, keystore, {"help_places_count": 1})
        _reseal(
            session,
            open_team,
            keystore,
            forged[name],
            lambda c, v=value: analysis_record.build({**c[0], "help_places_count": v}, c[1]),
        )
    _version, definition = _survivor(session)
    reading = RecordReading()
    opened = open_record(_stored(session, good, False), open_team, keystore, definition, reading)
    assert opened[0].answers["help_places_count"] == 1
    for rid in forged.values():
        with pytest.raises(UnreadableResponse, match="help_places_count"):
            open_record(_stored(session, rid, False), open_team, keystore, definition, reading)
    # and the valid answer is still accepted from memory afterwards
    again = open_record(_stored(session, good, False), open_team, keystore, definition, reading)
    assert again[0].answers["help_sought"] == "yes"


def test_malformed_sealed_coding_is_worked_out_again_not_trusted(
    session: Session, keystore: Keystore, open_team: keyring.TeamPrivateKey
) -> None:
    rid = _store(session, keystore, {"help_story": CODED_TEXT})
    fingerprint = analysis_record.suggest(
        _survivor(session)[1], {"help_story": CODED_TEXT}, "es", codebook_module.shipped()
    )[0]  # type: ignore[index]
    bad = (fingerprint, {"help_story": [["zero", 4]]})
    _reseal(session, open_team, keystore, rid, lambda c: analysis_record.build(c[0], bad))
    state = _build(session, open_team, keystore)
    assert state.precoded == {}  # dropped when read, not kept to fail later
    cb = codebook_module.current(session)
    matcher = Matcher(cb)
    assert state.excerpts(cb, matcher)[0] == matcher.excerpts(CODED_TEXT, "es", "help_story")


@pytest.mark.parametrize(
    "data",
    [
        "not a list",
        [["0", 4]],
        [[0, 4, ["a"]]],
        [[0, 4, [1], []]],
        [[0, 4, ["a"], [[0, "1"]]]],
        [[0, 4, ["a"], [[0]]]],
        [(0, 4)],
        [[0, 4, "ab", []]],
        [[0, 4, ["a"], [(0, 1)]]],
        [[0, 4, ["a"], [[0, 1, 2]]]],
        [[True, 4]],
    ],
)
def test_excerpts_from_data_refuses_every_other_shape(data: Any) -> None:
    with pytest.raises(ValueError, match=r"malformed|must be a list"):
        excerpts_from_data(data)


def test_excerpts_survive_their_compact_form() -> None:
    excerpts = [
        Excerpt(0, 0, 10, (), ()),
        Excerpt(1, 11, 40, ("police.made_less_safe",), ((11, 17), (30, 36))),
    ]
    assert excerpts_from_data(excerpts_to_data(excerpts)) == excerpts


def test_coding_sealed_with_another_codebook_is_not_reused(
    session: Session, keystore: Keystore, open_team: keyring.TeamPrivateKey
) -> None:
    text = "The interpreter never came to the hearing."
    _store(session, keystore, {"help_story": text}, language="en")
    old = codebook_module.current(session)
    part = Part(
        key="custom_interpreters",
        kind="custom",
        label={"en": "Interpreters"},
        patterns={"en": ("interpret",)},
    )
    codebook_module.save(session, old.with_part(part), "fran")
    session.commit()
    new = codebook_module.current(session)
    assert new.fingerprint != old.fingerprint
    state = _build(session, open_team, keystore)
    (excerpt,) = state.excerpts(new, Matcher(new))[0]
    assert "custom_interpreters" in excerpt.codes
    # and with the codebook it was sealed under, the sealed coding is used as it is
    (before,) = state.excerpts(old, Matcher(old))[0]
    assert "custom_interpreters" not in before.codes


def test_a_response_is_kept_when_coding_fails_at_submission(
    session: Session,
    keystore: Keystore,
    open_team: keyring.TeamPrivateKey,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken(_codebook: Any) -> Any:
        raise RuntimeError("the matcher broke")

    monkeypatch.setattr(analysis_record, "matcher_for", broken)
    rid = _store(session, keystore, {"help_story": CODED_TEXT})
    _opened, _key, suggested = open_record(
        _stored(session, rid, False), open_team, keystore, _survivor(session)[1]
    )
    assert suggested is None
    assert "suggested coding failed at submission" in caplog.text
    assert CODED_TEXT not in caplog.text
    assert "la policía" not in caplog.text.lower()
    monkeypatch.undo()
    state = _build(session, open_team, keystore)
    cb = codebook_module.current(session)
    matcher = Matcher(cb)
    assert state.excerpts(cb, matcher)[0] == matcher.excerpts(CODED_TEXT, "es", "help_story")


# -- counting: column by column must equal counting one response at a time ---------------


def _reference(responses: list[tuple[OpenedResponse, Any]], plan_of: Any) -> dict[str, Any]:
    """The counters as the plain per-response loop computes them."""
    answers: dict[str, Counter] = {}  # type: ignore[type-arg]
    answered: dict[str, Counter] = {}  # type: ignore[type-arg]
    contacted_answers: Counter = Counter()  # type: ignore[type-arg]
    contacted_answered: Counter = Counter()  # type: ignore[type-arg]
    asked_answers: Counter = Counter()  # type: ignore[type-arg]
    asked_answered: Counter = Counter()  # type: ignore[type-arg]
    unsaid: Counter = Counter()  # type: ignore[type-arg]
    for opened, definition in responses:
        plan = plan_of(definition, opened.questionnaire_version_id)
        contacts = opened.answers.get("interventions_contacted")
        said = bool(contacts) if plan.asks_contacts else False
        points = {v for v in contacts or [] if v != "none"} if plan.asks_contacts else set()
        for question_key, key, kind, split in plan.counted:
            answers.setdefault(key, Counter())
            answered.setdefault(key, Counter())
            value = opened.answers.get(question_key)
            if value is None or (kind is _MULTIPLE and not value):
                continue
            if kind is _MULTIPLE:
                values = [str(v) for v in value]
            elif kind is _BANDED:
                values = [_band(int(value))]
            else:
                values = [str(value)]
            answered[key][plan.group] += 1
            for v in values:
                answers[key][(plan.group, v)] += 1
            if split:
                asked_answered[key] += 1
                for v in values:
                    asked_answers[(key, v)] += 1
                    if not said:
                        unsaid[(key, v)] += 1
                # Each point, and each family of points once (a split by family).
                for point in points | {aggregate_module.family_key(p) for p in points}:
                    contacted_answered[(point, key)] += 1
                    for v in values:
                        contacted_answers[(point, key, v)] += 1
    return {
        "answers": answers,
        "answered": answered,
        "contacted_answers": contacted_answers,
        "contacted_answered": contacted_answered,
        "asked_answers": asked_answers,
        "asked_answered": asked_answered,
        "unsaid_answers": unsaid,
    }


@pytest.mark.parametrize("settle_every", [4096, 16])
def test_counting_by_column_equals_counting_each_response(
    session: Session,
    keystore: Keystore,
    open_team: keyring.TeamPrivateKey,
    monkeypatch: pytest.MonkeyPatch,
    settle_every: int,
) -> None:
    # 16: counted in many small batches while reading, as over 100,000 responses
    monkeypatch.setattr(aggregate_module, "_SETTLE_EVERY", settle_every)
    synthetic.seal(session, keystore, 120, seed=5)
    versions = {v.id: definition_of(v) for v in published_versions(session)}
    ids = set(session.scalars(select(Response.id)))
    opened = []
    for stored in stored_responses(session, ids, with_fields=False):
        definition = versions[stored.questionnaire_version_id]
        opened.append((open_record(stored, open_team, keystore, definition)[0], definition))
    random.Random(1).shuffle(opened)
    aggregate = Aggregate()
    aggregate.plan(list(versions.values()))
    # in two readings, as a refresh after new responses would
    for response, definition in opened[:70]:
        aggregate.add(response, definition)
    first_answered = sum(sum(c.values()) for c in aggregate.answered.values())
    for response, definition in opened[70:]:
        aggregate.add(response, definition)
    expected = _reference(opened, aggregate._plan_of)
    counted = {k: v for k, v in _counters(aggregate).items() if k in expected}
    # Counter equality ignores zero entries, so compare without them.
    assert {k: _nonzero(v) for k, v in counted.items()} == {
        k: _nonzero(v) for k, v in expected.items()
    }
    assert 0 < first_answered < sum(sum(c.values()) for c in aggregate.answered.values())


def _nonzero(value: Any) -> Any:
    if isinstance(value, dict) and all(isinstance(v, Counter) for v in value.values()):
        return {k: {kk: n for kk, n in c.items() if n} for k, c in value.items()}
    return {k: n for k, n in value.items() if n}


def test_a_record_json_alone_would_read_is_read_the_same() -> None:
    # orjson refuses NaN and integers beyond 64 bits; the standard library reads them.
    plaintext = b'{"format": 1, "answers": {"age": 18446744073709551616, "x": NaN}}'
    answers, suggested = analysis_record.parse(plaintext)
    assert answers["age"] == 18446744073709551616
    assert answers["x"] != answers["x"]  # NaN
    assert suggested is None
    with pytest.raises(analysis_record.MalformedRecord, match="not JSON"):
        analysis_record.parse(b'{"format": 1, "answers": {')
    with pytest.raises(analysis_record.MalformedRecord, match="not JSON"):
        analysis_record.parse(b"\xff\xfe")


def _same(a: Any, b: Any) -> bool:
    """Equal and of the same type at every depth, NaN equal to NaN."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float) and a != a:
        return b != b
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return bool(a == b)


@pytest.mark.parametrize(
    "values",
    [
        {"story": "La policía no me creyó 😔 — 警察 — الشرطة", "age": 34, "ok": True, "x": None},
        {"services": ["shelter", "court"], "rating": 2.5, "_language": "vi"},
        # No answer check lets these through; if one did, each is kept exactly as it was,
        # at any depth (orjson would write NaN as null and read 2**64 as a float).
        {"x": float("nan")},
        {"x": float("inf"), "y": -float("inf")},
        {"big": 2**64},
        {"x": [float("nan"), 1.5]},
        {"x": {"a": float("inf")}},
        {"x": [-(2**63) - 5, "a"]},
    ],
)
def test_a_record_is_written_so_that_it_reads_back_exactly(values: dict[str, Any]) -> None:
    coding = ("fp", {"story": [[0, 12, ["police-less_safe"], [[3, 10]]], [13, 20]]})
    for suggested in (None, coding):
        answers, read = analysis_record.parse(analysis_record.build(values, suggested))
        assert read == suggested
        assert _same(answers, values), answers


def test_the_collector_pause_ends_even_on_error_and_keeps_others_frozen() -> None:
    import gc

    assert gc.isenabled()
    seen_during: list[bool] = []

    def failing_reading() -> None:
        with analysis_state.collecting_later():
            seen_during.append(gc.isenabled())
            raise RuntimeError("reading failed")

    with pytest.raises(RuntimeError):
        failing_reading()
    assert seen_during == [False]
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0  # what was built is promoted, not left frozen
    # A freeze made by someone else (a server before forking) is not undone by the pause.
    kept = [object()]
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with analysis_state.collecting_later():
            kept.append(object())
        assert gc.isenabled()
        # Still frozen: an unfreeze would have dropped the count to 0. (Not "== frozen":
        # a frozen object that reference counting frees meanwhile leaves the permanent
        # generation, so the count may fall by a few.)
        assert gc.get_freeze_count() > frozen // 2
    finally:
        gc.unfreeze()
