"""Storing and reading responses: every field sealed, every read authenticated.

``store_response`` needs only public keys. ``read_response`` needs the opened team key and
reports tampering as ``UnreadableResponse`` instead of ever returning wrong plaintext.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, insert, select
from sqlalchemy.orm import Session, selectinload

from . import clock, crypto
from .keyring import KeyringError, TeamPrivateKey, epoch_bounds, epoch_for
from .keystore import Keystore
from .models import PROVENANCES, Epoch, Response, ResponseField
from .questionnaires.definition import META_ASSISTANCE, META_LANGUAGE, META_PROGRAM, Definition


class UnreadableResponse(Exception):
    """A stored response failed authentication or could not be opened."""

    def __init__(self, response_id: str, reason: str) -> None:
        super().__init__(f"response {response_id}: {reason}")
        self.response_id = response_id
        self.reason = reason


class InvalidAnswers(ValueError):
    """Answers that do not fit the definition (a programming error or a forged request)."""


def _data_key_info(
    response_id: str, epoch_label: str, version_id: int, provenance: str, month: dt.date
) -> bytes:
    # Everything stored in clear beside the response is bound here, so changing any of it
    # (moving a response to another version, epoch, provenance or month) is detected.
    return crypto.associated_data(
        "data-key", response_id, epoch_label, version_id, provenance, month.isoformat()
    )


def _field_aad(response_id: str, field_key: str, version_id: int, epoch_label: str) -> bytes:
    return crypto.associated_data("field", response_id, field_key, version_id, epoch_label)


def check_answers(definition: Definition, answers: Mapping[str, Any]) -> None:
    unknown = set(answers) - {q.key for q in definition.questions}
    if unknown:
        raise InvalidAnswers(f"unknown questions: {sorted(unknown)}")
    for q in definition.questions:
        if not q.is_valid_value(answers.get(q.key)):
            raise InvalidAnswers(f"invalid answer for {q.key}")


# Built once: constructing a statement costs more than SQLite takes to run it.
_OPEN_EPOCH = select(Epoch.id, Epoch.public_key).where(
    Epoch.label == bindparam("label"), Epoch.destroyed_at.is_(None)
)
_INSERT_RESPONSE = insert(Response.__table__)
_INSERT_FIELDS = insert(ResponseField.__table__)


def _epoch_for_new(
    session: Session, keystore: Keystore, day: dt.date, months: int
) -> tuple[int, str, bytes]:
    """(id, label, public key) of the epoch a response submitted on ``day`` is sealed to.

    Read in the caller's transaction on every submission, never cached: a rotation gives
    unused epochs new key pairs, and sealing to a stale public key would lose the response.
    The rare cases (the epoch does not exist yet, or was destroyed) go through the keyring.
    """
    label = epoch_bounds(day, months)[2]
    row = session.connection().execute(_OPEN_EPOCH, {"label": label}).first()
    if row is not None:
        return row[0], label, row[1]
    epoch = epoch_for(session, keystore, day, months)
    return epoch.id, epoch.label, epoch.public_key


def store_response(
    session: Session,
    keystore: Keystore,
    definition: Definition,
    version_id: int,
    answers: Mapping[str, Any],
    language: str,
    provenance: str,
    epoch_months: int = 3,
    program: str | None = None,
    assistance: list[str] | None = None,
) -> str:
    """Seal and add one response in the caller's transaction. Returns its id.

    Every question of the version gets a field — skipped ones hold an encrypted null — so
    which questions someone skipped is as hidden as what they answered.
    """
    if provenance not in PROVENANCES:
        raise InvalidAnswers(f"unknown provenance {provenance!r}")
    check_answers(definition, answers)
    answers = definition.prune(answers)
    today = clock.today()
    epoch_id, epoch_label, epoch_public = _epoch_for_new(session, keystore, today, epoch_months)
    response_id = crypto.random_id()
    data_key = crypto.new_data_key()
    month = today.replace(day=1)
    values: dict[str, Any] = {q.key: answers.get(q.key) for q in definition.questions}
    values[META_LANGUAGE] = language
    values[META_PROGRAM] = program
    values[META_ASSISTANCE] = sorted(assistance) if assistance else None
    # One AES-GCM context for the response, and plain inserts on the tables (no ORM unit
    # of work): sealing a response costs microseconds, and so should storing it.
    blobs = crypto.encrypt_fields(
        data_key,
        [
            (
                json.dumps(value, ensure_ascii=False).encode("utf-8"),
                _field_aad(response_id, key, version_id, epoch_label),
            )
            for key, value in values.items()
        ],
    )
    connection = session.connection()
    connection.execute(
        _INSERT_RESPONSE,
        {
            "id": response_id,
            "questionnaire_version_id": version_id,
            "epoch_id": epoch_id,
            "provenance": provenance,
            "submitted_month": month,
            "sealed_data_key": crypto.seal(
                epoch_public,
                data_key,
                _data_key_info(response_id, epoch_label, version_id, provenance, month),
            ),
        },
    )
    connection.execute(
        _INSERT_FIELDS,
        [
            {"response_id": response_id, "field_key": key, "ciphertext": blob}
            for key, blob in zip(values, blobs, strict=True)
        ],
    )
    return response_id


@dataclass(frozen=True)
class OpenedResponse:
    id: str
    questionnaire_version_id: int
    provenance: str
    submitted_month: dt.date
    language: str
    answers: dict[str, Any]
    program: str | None = None
    assistance: tuple[str, ...] = ()


def read_response(
    response: Response, team: TeamPrivateKey, keystore: Keystore, definition: Definition
) -> OpenedResponse:
    return open_response(response, team, keystore, definition)[0]


def open_response(
    response: Response, team: TeamPrivateKey, keystore: Keystore, definition: Definition
) -> tuple[OpenedResponse, bytes]:
    """The opened response and its data key (which also seals the response's coding)."""
    stored = StoredResponse(
        id=response.id,
        questionnaire_version_id=response.questionnaire_version_id,
        epoch=response.epoch,
        provenance=response.provenance,
        submitted_month=response.submitted_month,
        sealed_data_key=response.sealed_data_key,
        fields={f.field_key: f.ciphertext for f in response.fields},
    )
    return open_stored(stored, team, keystore, definition)


@dataclass(frozen=True)
class StoredResponse:
    """A response row and its field ciphertexts as plain values (no ORM objects)."""

    id: str
    questionnaire_version_id: int
    epoch: Epoch
    provenance: str
    submitted_month: dt.date
    sealed_data_key: bytes
    fields: dict[str, bytes]


def open_stored(
    stored: StoredResponse, team: TeamPrivateKey, keystore: Keystore, definition: Definition
) -> tuple[OpenedResponse, bytes]:
    """Open one response: HPKE for its data key, then every field, each authenticated."""
    rid = stored.id
    try:
        epoch_private = team.epoch_recipient(stored.epoch, keystore)
    except KeyringError as exc:
        raise UnreadableResponse(rid, str(exc)) from exc
    version_id = stored.questionnaire_version_id
    label = stored.epoch.label
    try:
        data_key = crypto.open_sealed(
            epoch_private,  # type: ignore[arg-type]
            stored.sealed_data_key,
            _data_key_info(rid, label, version_id, stored.provenance, stored.submitted_month),
        )
    except crypto.DecryptionError as exc:
        raise UnreadableResponse(rid, "its data key failed authentication") from exc

    expected = definition.field_keys()
    if len(stored.fields) != len(expected) or set(stored.fields) != set(expected):
        raise UnreadableResponse(rid, "fields are missing or were added")
    cipher = crypto.field_cipher(data_key)
    values: dict[str, Any] = {}
    for key in expected:
        try:
            plaintext = crypto.decrypt_field(
                cipher, stored.fields[key], _field_aad(rid, key, version_id, label)
            )
            values[key] = json.loads(plaintext.decode("utf-8"))
        except (crypto.DecryptionError, ValueError) as exc:
            raise UnreadableResponse(rid, f"field {key!r} failed authentication") from exc
    language = values.pop(META_LANGUAGE)
    program = values.pop(META_PROGRAM)
    assistance = values.pop(META_ASSISTANCE) or []
    for q in definition.questions:
        if not q.is_valid_value(values.get(q.key)):
            raise UnreadableResponse(rid, f"field {q.key!r} holds an impossible value")
    opened = OpenedResponse(
        id=rid,
        questionnaire_version_id=version_id,
        provenance=stored.provenance,
        submitted_month=stored.submitted_month,
        language=str(language),
        answers=values,
        program=program if isinstance(program, str) else None,
        assistance=tuple(str(a) for a in assistance),
    )
    return opened, data_key


def stored_responses(session: Session, only: Collection[str]) -> Iterator[StoredResponse]:
    """The responses in ``only`` as plain values, read in bounded batches.

    Plain rows rather than ORM objects: reading tens of thousands of responses (each with
    ~30 fields) must cost about what the decryption itself costs.
    """
    epochs = {e.id: e for e in session.scalars(select(Epoch))}
    wanted = sorted(only)
    for i in range(0, len(wanted), 900):  # below SQLite's bound-parameter limit
        batch = wanted[i : i + 900]
        fields: dict[str, dict[str, bytes]] = {rid: {} for rid in batch}
        for rid, key, blob in session.execute(
            select(
                ResponseField.response_id, ResponseField.field_key, ResponseField.ciphertext
            ).where(ResponseField.response_id.in_(batch))
        ):
            fields[rid][key] = blob
        rows = session.execute(
            select(
                Response.id,
                Response.questionnaire_version_id,
                Response.epoch_id,
                Response.provenance,
                Response.submitted_month,
                Response.sealed_data_key,
            )
            .where(Response.id.in_(batch))
            .order_by(Response.submitted_month, Response.id)
        )
        for rid, version_id, epoch_id, provenance, month, sealed in rows:
            yield StoredResponse(
                rid, version_id, epochs[epoch_id], provenance, month, sealed, fields.pop(rid)
            )


def all_responses(session: Session, only: Collection[str] | None = None) -> Iterator[Response]:
    """Stored responses with their fields, all of them or only the ids in ``only``."""
    query = (
        select(Response)
        .options(
            selectinload(Response.fields),
            selectinload(Response.epoch),
            selectinload(Response.questionnaire_version),
        )
        .order_by(Response.submitted_month, Response.id)
    )
    if only is None:
        yield from session.scalars(query)
        return
    wanted = sorted(only)
    for i in range(0, len(wanted), 500):  # bounded IN lists, bounded memory
        yield from session.scalars(query.where(Response.id.in_(wanted[i : i + 500])))


def annotation_aad(response_id: str) -> bytes:
    return crypto.associated_data("annotation", response_id)


def seal_annotation(data_key: bytes, response_id: str, content: Mapping[str, Any]) -> bytes:
    plaintext = json.dumps(content, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return crypto.encrypt_field(data_key, plaintext, annotation_aad(response_id))


def open_annotation(data_key: bytes, response_id: str, blob: bytes) -> dict[str, Any]:
    """A response's coding; tampering raises ``UnreadableResponse``."""
    try:
        value = json.loads(crypto.decrypt_field(data_key, blob, annotation_aad(response_id)))
    except (crypto.DecryptionError, ValueError) as exc:
        raise UnreadableResponse(response_id, "its coding failed authentication") from exc
    if not isinstance(value, dict):
        raise UnreadableResponse(response_id, "its coding is malformed")
    return value
