"""Sealed responses and key custody: round trips, tampering, slots, rotation, shredding."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from intake import crypto, keyring
from intake.keystore import Keystore
from intake.models import Epoch, KeySlot, QuestionnaireVersion, Response, ResponseField, TeamKey
from intake.questionnaires.catalog import definition_of
from intake.questionnaires.definition import Definition
from intake.responses import (
    InvalidAnswers,
    UnreadableResponse,
    all_responses,
    read_response,
    store_response,
)
from intake.staff.auth import create_user

from .conftest import FACILITATOR_PASSPHRASE, TEST_KDF, MovableClock, Team


def published(session: Session, key: str) -> tuple[QuestionnaireVersion, Definition]:
    from intake.models import Questionnaire

    version = session.scalar(
        select(QuestionnaireVersion)
        .join(Questionnaire)
        .where(Questionnaire.key == key, QuestionnaireVersion.status == "published")
    )
    assert version is not None
    return version, definition_of(version)


def full_answers(definition: Definition) -> dict[str, Any]:
    """One valid answer for every question, whatever its type."""
    answers: dict[str, Any] = {}
    for q in definition.questions:
        if q.type_name in ("single_choice", "yes_no"):
            answers[q.key] = sorted(q.allowed_values())[0]
        elif q.type_name == "multiple_choice":
            answers[q.key] = [o.value for o in q.options if o.value != "none"][:3]  # type: ignore[attr-defined]
        elif q.type_name in ("scale", "number"):
            answers[q.key] = q.maximum  # type: ignore[attr-defined]
        elif q.type_name == "date":
            answers[q.key] = "2026-11-20"
        else:
            answers[q.key] = f"text for {q.key}: ünïcödé and عربى"
    return definition.prune(answers)


def store(session: Session, keystore: Keystore, key: str = "survivor", **kw: Any) -> str:
    version, definition = published(session, key)
    answers = kw.pop("answers", None) or full_answers(definition)
    rid = store_response(
        session, keystore, definition, version.id, answers, kw.pop("language", "en"),
        kw.pop("provenance", "self"),
    )  # fmt: skip
    session.commit()
    return rid


def read(session: Session, rid: str, team: keyring.TeamPrivateKey, keystore: Keystore):  # type: ignore[no-untyped-def]
    session.expire_all()
    response = session.get(Response, rid)
    assert response is not None
    return read_response(response, team, keystore, definition_of(response.questionnaire_version))


@pytest.mark.parametrize("key", ["survivor", "advocate", "community_leader"])
@pytest.mark.parametrize("provenance", ["self", "assisted", "listening_session"])
def test_round_trip_every_question_type_and_entry_path(
    session: Session,
    keystore: Keystore,
    open_team: keyring.TeamPrivateKey,
    key: str,
    provenance: str,
) -> None:
    _version, definition = published(session, key)
    answers = full_answers(definition)
    rid = store(session, keystore, key, answers=answers, provenance=provenance, language="es")
    opened = read(session, rid, open_team, keystore)
    assert opened.answers == {q.key: answers.get(q.key) for q in definition.questions}
    assert opened.language == "es"
    assert opened.provenance == provenance
    assert opened.submitted_month.day == 1


def test_every_question_gets_a_field_even_when_skipped(
    session: Session, keystore: Keystore, open_team: keyring.TeamPrivateKey
) -> None:
    _version, definition = published(session, "survivor")
    rid = store(session, keystore, answers={"anything_else": "only this"})
    keys = set(
        session.scalars(select(ResponseField.field_key).where(ResponseField.response_id == rid))
    )
    assert keys == set(definition.field_keys())
    opened = read(session, rid, open_team, keystore)
    assert opened.answers["anything_else"] == "only this"
    assert sum(v is not None for v in opened.answers.values()) == 1


def test_impossible_answers_are_refused_before_anything_is_written(
    session: Session, keystore: Keystore
) -> None:
    version, definition = published(session, "survivor")
    before = session.scalar(select(Response.id).limit(1))
    for bad in ({"nonexistent": "x"}, {"interventions_contacted": ["moon"]}):
        with pytest.raises(InvalidAnswers):
            store_response(session, keystore, definition, version.id, bad, "en", "self")
        session.rollback()
    with pytest.raises(InvalidAnswers):
        store_response(session, keystore, definition, version.id, {}, "en", "telepathy")
    session.rollback()
    assert session.scalar(select(Response.id).limit(1)) == before


def _field(session: Session, rid: str, key: str) -> ResponseField:
    field = session.scalar(
        select(ResponseField).where(
            ResponseField.response_id == rid, ResponseField.field_key == key
        )
    )
    assert field is not None
    return field


def test_changed_byte_is_detected(
    session: Session, keystore: Keystore, open_team: keyring.TeamPrivateKey
) -> None:
    rid = store(session, keystore)
    field = _field(session, rid, "anything_else")
    flipped = bytearray(field.ciphertext)
    flipped[-3] ^= 0x40
    field.ciphertext = bytes(flipped)
    session.commit()
    with pytest.raises(UnreadableResponse, match="anything_else"):
        read(session, rid, open_team, keystore)


def test_fields_swapped_between_questions_are_detected(
    session: Session, keystore: Keystore, open_team: keyring.TeamPrivateKey
) -> None:
    rid = store(session, keystore)
    a, b = _field(session, rid, "anything_else"), _field(session, rid, "ideas_for_change")
    a.ciphertext, b.ciphertext = b.ciphertext, a.ciphertext
    session.commit()
    with pytest.raises(UnreadableResponse):
        read(session, rid, open_team, keystore)


def test_field_moved_to_another_response_is_detected(
    session: Session, keystore: Keystore, open_team: keyring.TeamPrivateKey
) -> None:
    first, second = store(session, keystore), store(session, keystore)
    _field(session, second, "anything_else").ciphertext = _field(
        session, first, "anything_else"
    ).ciphertext
    session.commit()
    with pytest.raises(UnreadableResponse):
        read(session, second, open_team, keystore)
    # The untouched response still reads.
    assert read(session, first, open_team, keystore).id == first


def test_truncated_missing_and_rekeyed_fields_are_detected(
    session: Session, keystore: Keystore, open_team: keyring.TeamPrivateKey
) -> None:
    rid = store(session, keystore)
    field = _field(session, rid, "anything_else")
    field.ciphertext = field.ciphertext[:20]
    session.commit()
    with pytest.raises(UnreadableResponse):
        read(session, rid, open_team, keystore)

    rid2 = store(session, keystore)
    session.delete(_field(session, rid2, "ideas_for_change"))
    session.commit()
    with pytest.raises(UnreadableResponse, match="missing"):
        read(session, rid2, open_team, keystore)


def test_wrong_key_version_is_detected(
    session: Session, keystore: Keystore, open_team: keyring.TeamPrivateKey
) -> None:
    rid = store(session, keystore)
    response = session.get(Response, rid)
    assert response is not None
    other = session.scalar(select(Epoch).where(Epoch.id != response.epoch_id))
    assert other is not None
    session.execute(update(Response).where(Response.id == rid).values(epoch_id=other.id))
    session.commit()
    with pytest.raises(UnreadableResponse, match="data key"):
        read(session, rid, open_team, keystore)


def test_wrong_passphrase_and_recovery_key(session: Session, facilitator: Any, team: Team) -> None:
    with pytest.raises(crypto.WrongSecret):
        keyring.open_with_passphrase(session, facilitator, "not the passphrase")
    opened = keyring.open_with_recovery_key(session, team.recovery_key)
    assert opened.version == 1
    with pytest.raises(crypto.WrongSecret):
        keyring.open_with_recovery_key(session, crypto.new_recovery_key())


def test_recovery_key_reads_responses(session: Session, keystore: Keystore, team: Team) -> None:
    rid = store(session, keystore)
    via_recovery = keyring.open_with_recovery_key(session, team.recovery_key)
    assert read(session, rid, via_recovery, keystore).id == rid


def test_slots_can_be_added_and_removed(
    session: Session, keystore: Keystore, open_team: keyring.TeamPrivateKey, facilitator: Any
) -> None:
    newcomer = create_user(session, "nia", "a-login-password", "facilitator")
    keyring.add_passphrase_slot(
        session,
        keystore,
        open_team.private,
        open_team.version,
        newcomer,
        "nia's passphrase",
        TEST_KDF,
    )
    session.commit()
    rid = store(session, keystore)
    via_nia = keyring.open_with_passphrase(session, newcomer, "nia's passphrase")
    assert read(session, rid, via_nia, keystore).id == rid
    advocate = create_user(session, "ada", "a-login-password", "advocate")
    with pytest.raises(keyring.KeyringError, match="Only facilitators"):
        keyring.add_passphrase_slot(
            session, keystore, open_team.private, open_team.version, advocate, "x" * 12, TEST_KDF
        )
    slot = session.scalar(select(KeySlot).where(KeySlot.user_id == newcomer.id))
    assert slot is not None
    keyring.remove_slot(session, slot.id)
    session.commit()
    with pytest.raises(keyring.KeyringError, match="do not hold a key slot"):
        keyring.open_with_passphrase(session, newcomer, "nia's passphrase")
    last = session.scalar(select(KeySlot).where(KeySlot.user_id == facilitator.id))
    assert last is not None
    with pytest.raises(keyring.KeyringError, match="last facilitator slot"):
        keyring.remove_slot(session, last.id)
    recovery = session.scalar(select(KeySlot).where(KeySlot.kind == "recovery"))
    assert recovery is not None
    with pytest.raises(keyring.KeyringError, match="recovery slot"):
        keyring.remove_slot(session, recovery.id)


def test_rotation_keeps_every_response_readable_and_destroys_the_old_key(
    session: Session,
    keystore: Keystore,
    open_team: keyring.TeamPrivateKey,
    facilitator: Any,
    team: Team,
) -> None:
    ids = [store(session, keystore, key) for key in ("survivor", "advocate", "community_leader")]
    sealed_before = {r.id: r.sealed_data_key for r in session.scalars(select(Response))}
    fields_before = {f.id: f.ciphertext for f in session.scalars(select(ResponseField))}
    in_use = {r.epoch_id for r in session.scalars(select(Response))}
    publics_before = {e.id: e.public_key for e in session.scalars(select(Epoch))}

    new_version = keyring.rotate(session, keystore, open_team)
    session.commit()
    keyring.prune_keystore(session, keystore)

    assert new_version == 2
    old = session.get(TeamKey, 1)
    assert old is not None
    assert old.destroyed_at is not None
    assert old.public_key == bytes(32)
    # Nothing was re-encrypted: fields and data keys are byte-for-byte the same.
    assert {r.id: r.sealed_data_key for r in session.scalars(select(Response))} == sealed_before
    assert {f.id: f.ciphertext for f in session.scalars(select(ResponseField))} == fields_before
    # Epochs with responses keep their key pair; the coming ones get new key pairs.
    for epoch in session.scalars(select(Epoch)):
        assert (epoch.public_key == publics_before[epoch.id]) == (epoch.id in in_use)
    # Only version-2 key files are left; the old private key opens nothing.
    assert {version for _label, _fp, version, _path in keystore.files()} == {2}
    stale = keyring.TeamPrivateKey(open_team.version, open_team.private)
    with pytest.raises(UnreadableResponse, match="not in the key store"):
        read(session, ids[0], stale, keystore)
    # …while the same passphrase and the same recovery key open the new one.
    rotated = keyring.open_with_passphrase(session, facilitator, FACILITATOR_PASSPHRASE)
    assert rotated.version == 2
    for rid in ids:
        assert read(session, rid, rotated, keystore).id == rid
    assert keyring.open_with_recovery_key(session, team.recovery_key).version == 2


@pytest.mark.sqlite_only
def test_destroyed_epoch_is_unreadable_everywhere_and_purged(
    app: Flask,
    session: Session,
    keystore: Keystore,
    open_team: keyring.TeamPrivateKey,
    moving_clock: MovableClock,
    tmp_path: Path,
) -> None:
    # Given a response in this quarter and one in the next
    old_id = store(session, keystore)
    old_epoch = session.get(Response, old_id).epoch.label  # type: ignore[union-attr]
    database_file = Path(app.extensions["intake.config"].database_url.removeprefix("sqlite:///"))
    backup = tmp_path / "backup.sqlite3"
    with sqlite3.connect(database_file) as src, sqlite3.connect(backup) as dst:
        src.backup(dst)
    moving_clock.advance(days=100)
    keyring.ensure_epochs(session, keystore, moving_clock.now().date())
    new_id = store(session, keystore)
    assert session.get(Response, new_id).epoch.label != old_epoch  # type: ignore[union-attr]

    # When the old epoch is destroyed
    purged, _reports = keyring.destroy_epoch(session, keystore, old_epoch)
    session.commit()

    # Then its responses are gone here, its key is gone from the key store…
    assert purged == 1
    assert session.get(Response, old_id) is None
    assert keystore.versions_of(old_epoch) == []
    # …a backup taken before cannot be read with the team key any more…
    backup_engine = __import__("sqlalchemy").create_engine(f"sqlite:///{backup}")
    with Session(backup_engine) as backup_session:
        restored = backup_session.get(Response, old_id)
        assert restored is not None
        with pytest.raises(UnreadableResponse, match="not in the key store"):
            read_response(
                restored, open_team, keystore, definition_of(restored.questionnaire_version)
            )
    backup_engine.dispose()
    # …and the other epoch is untouched.
    assert read(session, new_id, open_team, keystore).id == new_id
    with pytest.raises(keyring.KeyringError, match="has ended"):
        keyring.destroy_epoch(session, keystore, session.get(Response, new_id).epoch.label)  # type: ignore[union-attr]


def test_an_interrupted_rotation_loses_nothing(
    session: Session, keystore: Keystore, open_team: keyring.TeamPrivateKey, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    rid = store(session, keystore)
    calls = {"n": 0}
    real_put = keystore.put

    def failing_put(key):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError("disk full")
        real_put(key)

    monkeypatch.setattr(keystore, "put", failing_put)
    with pytest.raises(OSError, match="disk full"):
        keyring.rotate(session, keystore, open_team)
    session.rollback()
    monkeypatch.undo()
    keyring.prune_keystore(session, keystore)  # even a clean-up now keeps what is in use
    fresh = keyring.TeamPrivateKey(open_team.version, open_team.private)
    assert read(session, rid, fresh, keystore).id == rid


def test_two_workers_creating_an_epoch_at_once_keep_one_key(
    app: Flask, session: Session, keystore: Keystore, open_team: keyring.TeamPrivateKey
) -> None:
    """The loser of the race must not overwrite the winner's key file."""
    import threading

    from intake import db

    label = keyring.epoch_bounds(dt.date(2031, 5, 5))[2]
    other = db.get_database(app).session()
    keyring.ensure_epochs(session, keystore, dt.date(2031, 5, 5), ahead=0)  # worker A, open tx

    def worker_b() -> None:
        # B saw no row yet; its insert waits for A (PostgreSQL) or finds A's row (SQLite).
        keyring.ensure_epochs(other, keystore, dt.date(2031, 5, 5), ahead=0)
        other.commit()

    thread = threading.Thread(target=worker_b)
    thread.start()
    thread.join(timeout=1)  # let B get going (and block, where the database makes it wait)
    session.commit()  # A wins
    thread.join(timeout=30)
    assert not thread.is_alive()
    other.close()
    epochs = session.scalars(select(Epoch).where(Epoch.label == label)).all()
    assert len(epochs) == 1
    assert len(keystore.versions_of(label)) >= 1  # A's file is there, B's (if any) beside it
    fresh = keyring.TeamPrivateKey(open_team.version, open_team.private)
    assert fresh.epoch_private(epochs[0], keystore)


def test_only_ended_epochs_can_be_destroyed(session: Session, keystore: Keystore) -> None:
    future = session.scalars(select(Epoch).order_by(Epoch.starts_on.desc())).first()
    assert future is not None
    with pytest.raises(keyring.KeyringError, match="has ended"):
        keyring.destroy_epoch(session, keystore, future.label)


def test_epoch_bounds() -> None:
    assert keyring.epoch_bounds(dt.date(2026, 11, 25)) == (
        dt.date(2026, 10, 1), dt.date(2026, 12, 31), "2026-Q4",
    )  # fmt: skip
    assert keyring.epoch_bounds(dt.date(2026, 2, 1), months=1)[2] == "2026-02-1m"
    assert keyring.epoch_bounds(dt.date(2026, 7, 4), months=12)[:2] == (
        dt.date(2026, 1, 1), dt.date(2026, 12, 31),
    )  # fmt: skip
    with pytest.raises(keyring.KeyringError):
        keyring.epoch_bounds(dt.date(2026, 1, 1), months=5)


def test_accepting_responses_needs_no_secret(
    session: Session, keystore: Keystore, tmp_path: Path
) -> None:
    """The write path uses public keys only: it works with the key store moved away."""
    version, definition = published(session, "survivor")
    moved = tmp_path / "elsewhere"
    shutil.move(str(keystore.path), moved)
    rid = store_response(session, keystore, definition, version.id, {}, "en", "self")
    session.commit()
    assert session.get(Response, rid) is not None


def test_all_responses_iterates_in_a_stable_order(session: Session, keystore: Keystore) -> None:
    ids = {store(session, keystore) for _ in range(3)}
    assert {r.id for r in all_responses(session)} == ids
