"""The shortcuts that make a cold unlock fast give exactly what the long way gives.

Themes read records in batches, build each response's associated data from cached parts,
and count a response nobody annotated without the annotation machinery. Each is checked
here against the plain way, including across a refresh, an annotation and a codebook
change (none of the caches outlives the reading or the response it was made for).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bench import synthetic
from intake import crypto, keyring
from intake.analysis import codebook as codebook_module
from intake.analysis import state as analysis_state
from intake.analysis.annotations import Annotation, excerpt_key
from intake.analysis.coding import Matcher
from intake.keystore import Keystore
from intake.models import Response
from intake.questionnaires.types import MultipleChoice, Option
from intake.responses import AssociatedParts, _data_key_info, _record_aad


def _build(
    session: Session, team: keyring.TeamPrivateKey, keystore: Keystore
) -> analysis_state.ThemeState:
    state = analysis_state.ThemeState()
    ids = set(session.scalars(select(Response.id)))
    analysis_state.read_responses(session, state, ids, team, keystore)
    return state


def _everything(state: analysis_state.ThemeState, cb: Any, matcher: Matcher) -> dict[str, Any]:
    agg = state.aggregate
    agg.settle()
    coded = state.excerpts(cb, matcher)
    return {
        "counts": {k: getattr(agg, k) for k in agg.__dataclass_fields__ if k != "_version_plans"},
        "texts": sorted(
            (t, tuple(coded[i])) for i, t in enumerate(agg.texts)
        ),  # reading order may differ
        "unreadable": state.unreadable,
        "keys": state.data_keys,
    }


def test_associated_data_from_cached_parts_is_byte_for_byte_the_same() -> None:
    parts = AssociatedParts()
    months = [dt.date(2026, m, 1) for m in (1, 2, 12)]
    for n in range(60):  # tails repeat (cached) and change (new epoch, version, month)
        rid = crypto.random_id() if n % 3 else f"r{n}é"
        label = ["2026-q1", "2026-q2", "época"][n % 3]
        version, provenance, month = n % 4 + 1, ["self", "staff"][n % 2], months[n % 3]
        expected = _data_key_info(rid, label, version, provenance, month)
        assert parts.data_key_info(rid, label, version, provenance, month) == expected
        assert parts.both(rid, label, version, provenance, month) == (
            expected,
            _record_aad(rid, version, label),
        )
    # the parts are not ambiguous: a longer id does not read as a shorter id plus a label
    assert parts.data_key_info("ab", "c", 1, "self", months[0]) != parts.data_key_info(
        "a", "bc", 1, "self", months[0]
    )


@pytest.mark.parametrize("batch", [1, 7])
def test_records_read_in_batches_give_the_same_themes_as_one_by_one(
    session: Session,
    keystore: Keystore,
    open_team: keyring.TeamPrivateKey,
    monkeypatch: pytest.MonkeyPatch,
    batch: int,
) -> None:
    synthetic.seal(session, keystore, 40, seed=3)
    ids = sorted(session.scalars(select(Response.id)))
    # one record tampered with, one response stored before records existed
    blob = bytearray(session.get(Response, ids[5]).analysis)  # type: ignore[union-attr]
    blob[30] ^= 1
    session.execute(update(Response).where(Response.id == ids[5]).values(analysis=bytes(blob)))
    session.execute(update(Response).where(Response.id == ids[9]).values(analysis=None))
    session.commit()
    cb = codebook_module.current(session)
    matcher = Matcher(cb)
    monkeypatch.setattr(analysis_state, "_READ_BATCH", 4096)
    whole = _build(session, open_team, keystore)
    monkeypatch.setattr(analysis_state, "_READ_BATCH", batch)
    batched = _build(session, open_team, keystore)
    assert batched.unreadable == {ids[5]}
    assert ids[9] in batched.data_keys  # read field by field
    assert len(batched.aggregate.seen) == 39
    assert _everything(batched, cb, matcher) == _everything(whole, cb, matcher)
    # A refresh reads only the new responses, with parts worked out for them, not reused.
    synthetic.seal(session, keystore, 5, seed=4)
    analysis_state.read_responses(
        session, batched, set(session.scalars(select(Response.id))), open_team, keystore
    )
    assert len(batched.aggregate.seen) == 44
    assert batched.unreadable == {ids[5]}


def test_a_response_nobody_annotated_is_indexed_as_the_annotation_path_would(
    session: Session, keystore: Keystore, open_team: keyring.TeamPrivateKey
) -> None:
    synthetic.seal(session, keystore, 60, seed=8)
    cb = codebook_module.current(session)
    matcher = Matcher(cb)
    quick = _build(session, open_team, keystore)
    index = quick.themes(cb, matcher)
    # The long way: every response annotated, with nothing confirmed or rejected.
    slow = _build(session, open_team, keystore)
    slow.annotations = {rid: Annotation() for rid in slow.data_keys}
    slow_index = slow.themes(cb, matcher)
    assert index.pending
    assert not index.confirmed
    assert index.pending == slow_index.pending
    assert index.confirmed == {code: who for code, who in slow_index.confirmed.items() if who}
    assert index._given == slow_index._given
    # Annotated later: the response is counted again the long way, not kept as suggested.
    coded = quick.excerpts(cb, matcher)
    position, excerpt = next(
        (i, e) for i, ex in enumerate(coded) for e in ex if e.codes and len(e.codes) == 1
    )
    answer = quick.aggregate.texts[position]
    (code,) = excerpt.codes
    ekey = excerpt_key(answer.question_key, excerpt.index)
    quick.annotations[answer.response_id] = Annotation(confirmed={ekey: {code}})
    quick.annotation_revisions[answer.response_id] = 1
    index = quick.themes(cb, matcher)
    assert index.confirmed[code][answer.response_id] == answer.group
    assert answer.response_id not in index.pending.get(code, set())
    # Another codebook version: another index, built from its own excerpts.
    other = codebook_module.parse(cb.to_data(), cb.version + 1)
    assert quick.themes(other, Matcher(other)) is not index


def test_a_multiple_choice_answer_is_checked_the_same_way() -> None:
    question = MultipleChoice(
        key="q",
        label={"en": "Q"},
        options=[Option("a", {"en": "A"}), Option("b", {"en": "B"}), Option("c", {"en": "C"})],
        max_selected=2,
    )
    assert question.is_valid_value(None)
    assert question.is_valid_value(["a"])
    assert question.is_valid_value(["a", "c"])
    for wrong in ([], "a", ("a",), ["d"], ["a", 1], ["a", ["b"]], ["a", "b", "c"], {"a": 1}):
        assert not question.is_valid_value(wrong), wrong
