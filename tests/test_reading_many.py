"""Reading many sealed responses at once (an unlock's analysis): the same answers, the same
checks, whichever way the rows are read and however often an answer repeats."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from intake import crypto, keyring, responses
from intake.keystore import Keystore
from intake.models import QuestionnaireVersion, Response, ResponseField
from intake.questionnaires.catalog import definition_of
from intake.responses import (
    UnreadableResponse,
    _field_aad,
    field_aads,
    open_stored,
    stored_responses,
)

from .test_sealing import full_answers, published, store


def _as_values(stored: list[responses.StoredResponse]) -> list[tuple[object, ...]]:
    return [
        (s.id, s.questionnaire_version_id, s.epoch.id, s.provenance, s.submitted_month,
         s.sealed_data_key, s.fields)
        for s in stored
    ]  # fmt: skip


def _stored(session: Session, keystore: Keystore, count: int) -> list[str]:
    kinds = ["survivor", "advocate", "community_leader"]
    return [store(session, keystore, kinds[i % 3]) for i in range(count)]


@pytest.mark.parametrize("share", [1.0, 0.6])
def test_one_scan_and_batches_of_ids_read_the_same_responses(
    session: Session, keystore: Keystore, monkeypatch: pytest.MonkeyPatch, share: float
) -> None:
    ids = _stored(session, keystore, 12)
    wanted = set(ids[: int(len(ids) * share)])
    monkeypatch.setattr(responses, "_SCAN_FROM", 10**9)
    batches = list(stored_responses(session, wanted))
    monkeypatch.setattr(responses, "_SCAN_FROM", 1)
    monkeypatch.setattr(responses, "_BATCH", 5)
    scanned = list(stored_responses(session, wanted))
    assert {s.id for s in scanned} == wanted
    assert _as_values(scanned) == _as_values(batches)
    assert all(len(s.fields) > 20 for s in scanned)


def test_a_response_without_fields_is_read_with_none_and_its_neighbours_whole(
    session: Session, keystore: Keystore, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = sorted(_stored(session, keystore, 5))
    session.execute(ResponseField.__table__.delete().where(ResponseField.response_id == ids[2]))
    session.commit()
    monkeypatch.setattr(responses, "_SCAN_FROM", 1)
    scanned = {s.id: s for s in stored_responses(session, set(ids))}
    assert scanned[ids[2]].fields == {}
    assert all(len(scanned[rid].fields) > 20 for rid in ids if rid != ids[2])


def test_associated_data_built_per_response_is_byte_for_byte_the_same() -> None:
    keys = ["first_contact", "interventions_contacted", "_language", "ünï", ""]
    assert field_aads("abc123", keys, 7, "2026-Q4") == [
        _field_aad("abc123", key, 7, "2026-Q4") for key in keys
    ]


def _open_all(
    session: Session, team: keyring.TeamPrivateKey, keystore: Keystore, memo: dict | None
) -> dict[str, object]:
    out: dict[str, object] = {}
    for stored in stored_responses(session, set(session.scalars(select(Response.id)))):
        version = session.get(QuestionnaireVersion, stored.questionnaire_version_id)
        try:
            out[stored.id] = open_stored(stored, team, keystore, definition_of(version), memo)[0]
        except UnreadableResponse as exc:
            out[stored.id] = exc.reason
    return out


def test_remembered_answers_give_the_same_opened_responses(
    session: Session, keystore: Keystore, open_team: keyring.TeamPrivateKey
) -> None:
    _stored(session, keystore, 9)  # the same answers again and again: the memo is used
    memo: dict = {}  # type: ignore[type-arg]
    assert _open_all(session, open_team, keystore, memo) == _open_all(
        session, open_team, keystore, None
    )
    assert memo  # closed answers were remembered


def test_an_impossible_value_is_caught_even_after_valid_ones_were_remembered(
    session: Session, keystore: Keystore, open_team: keyring.TeamPrivateKey
) -> None:
    ids = _stored(session, keystore, 3)
    memo: dict = {}  # type: ignore[type-arg]
    _open_all(session, open_team, keystore, memo)  # every valid answer is remembered
    version, definition = published(session, "survivor")
    question = next(q for q in definition.questions if q.type_name == "yes_no")
    assert full_answers(definition)[question.key] is not None
    # Re-seal one field of one survivor response with a value the question cannot hold,
    # under the right key and associated data (as someone holding the data key could).
    victim = session.get(Response, ids[0])
    assert victim is not None
    assert victim.questionnaire_version_id == version.id
    data_key = responses.open_response(victim, open_team, keystore, definition)[1]
    blob = crypto.encrypt_field(
        data_key,
        json.dumps("maybe").encode(),
        _field_aad(victim.id, question.key, version.id, victim.epoch.label),
    )
    session.execute(
        update(ResponseField)
        .where(ResponseField.response_id == victim.id, ResponseField.field_key == question.key)
        .values(ciphertext=blob)
    )
    session.commit()
    opened = _open_all(session, open_team, keystore, memo)
    assert opened[victim.id] == f"field {question.key!r} holds an impossible value"
    assert all(not isinstance(opened[rid], str) for rid in ids[1:])
