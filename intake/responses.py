"""Storing and reading responses: every field sealed, every read authenticated.

``store_response`` needs only public keys. ``read_response`` needs the opened team key and
reports tampering as ``UnreadableResponse`` instead of ever returning wrong plaintext.

This module is on the respondent's path, so it imports nothing from ``intake.analysis``:
the codes suggested for free text are worked out by a ``Coder`` the caller passes in (the
app's is ``intake.analysis.record.code_at_submission``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from typing import Any, NamedTuple

from sqlalchemy import Connection, bindparam, func, insert, select
from sqlalchemy.orm import Session, selectinload

from . import clock, crypto, record_format
from .keyring import KeyringError, TeamPrivateKey, check_epoch, epoch_bounds, epoch_for
from .keystore import Keystore
from .models import PROVENANCES, Epoch, Response, ResponseField
from .questionnaires.definition import META_ASSISTANCE, META_LANGUAGE, META_PROGRAM, Definition
from .questionnaires.types import Question
from .record_format import SuggestedCoding

# Works out the suggested coding sealed with a new response: (session, definition, values
# by field key, language) -> coding, or None (then it is worked out at unlock instead).
Coder = Callable[[Session, Definition, Mapping[str, Any], str], SuggestedCoding | None]


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


def _record_aad(response_id: str, version_id: int, epoch_label: str) -> bytes:
    return crypto.associated_data("analysis", response_id, version_id, epoch_label)


_ENCODED_KEYS: dict[str, bytes] = {}


def field_aads(
    response_id: str, field_keys: Collection[str], version_id: int, epoch_label: str
) -> list[bytes]:
    """``_field_aad`` for every field of one response, byte for byte the same: the parts
    shared by all its fields are encoded once (tens of thousands of responses are opened
    at an unlock, each with ~30 fields)."""
    head = crypto.associated_data("field", response_id)
    tail = crypto.associated_data(version_id, epoch_label)
    encoded = _ENCODED_KEYS
    out = []
    for key in field_keys:
        middle = encoded.get(key)
        if middle is None:
            middle = crypto.associated_data(key)
            if len(encoded) < 10_000:
                encoded[key] = middle
        out.append(head + middle + tail)
    return out


def check_answers(definition: Definition, answers: Mapping[str, Any]) -> None:
    unknown = set(answers) - {q.key for q in definition.questions}
    if unknown:
        raise InvalidAnswers(f"unknown questions: {sorted(unknown)}")
    for q in definition.questions:
        if not q.is_valid_value(answers.get(q.key)):
            raise InvalidAnswers(f"invalid answer for {q.key}")


# Built once: constructing a statement costs more than SQLite takes to run it.
# FOR SHARE (PostgreSQL): a rotation locks epoch rows before deciding which epochs are
# unused and get new key pairs, so a response sealed to the old public key commits first.
_OPEN_EPOCH = (
    select(Epoch.id, Epoch.public_key, Epoch.key_mac)
    .where(Epoch.label == bindparam("label"), Epoch.destroyed_at.is_(None))
    .with_for_update(read=True)
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
        # A database writer must not be able to choose the key answers are sealed to.
        check_epoch(keystore, label, row[1], row[2])
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
    coder: Coder | None = None,
) -> str:
    """Seal and add one response in the caller's transaction. Returns its id.

    Every question of the version gets a field — skipped ones hold an encrypted null — so
    which questions someone skipped is as hidden as what they answered. ``coder`` works out
    the suggested coding sealed in the analysis record; without one the record has none and
    the free text is coded at unlock.
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
            (json.dumps(value, ensure_ascii=False).encode("utf-8"), aad)
            for value, aad in zip(
                values.values(),
                field_aads(response_id, values, version_id, epoch_label),
                strict=True,
            )
        ],
    )
    # The analysis record (see intake.analysis.record): the same answers in one piece, with
    # the free text's suggested coding worked out now, while the plaintext is here anyway.
    suggested = coder(session, definition, values, language) if coder is not None else None
    analysis = crypto.encrypt_record(
        data_key,
        record_format.build(values, suggested),
        _record_aad(response_id, version_id, epoch_label),
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
            "analysis": analysis,
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


class StoredResponse(NamedTuple):
    """A response row and its ciphertexts as plain values (no ORM objects; a named tuple,
    because one is made per response when reading all of them)."""

    id: str
    questionnaire_version_id: int
    epoch: Epoch
    provenance: str
    submitted_month: dt.date
    sealed_data_key: bytes
    fields: dict[str, bytes]
    analysis: bytes | None = None  # the sealed analysis record, when read for themes


# Decoded and checked answers by (version, question, plaintext), for one reading of many
# responses: closed answers repeat ("yes", null, a few option lists), so each distinct one is
# parsed and validated once. Only short plaintexts are kept; the dictionary lives as long as
# the caller's reading (an unlock's analysis, in memory only) and is bounded.
AnswerMemo = dict[tuple[int, str, bytes], Any]
_MEMO_PLAINTEXT_BYTES = 64
_MEMO_ENTRIES = 50_000
_INVALID = object()


def open_stored(
    stored: StoredResponse,
    team: TeamPrivateKey,
    keystore: Keystore,
    definition: Definition,
    memo: AnswerMemo | None = None,
) -> tuple[OpenedResponse, bytes]:
    """Open one response: HPKE for its data key, then every field, each authenticated.

    ``memo``: pass the same dictionary when opening many responses (see ``AnswerMemo``).
    """
    rid = stored.id
    version_id = stored.questionnaire_version_id
    label = stored.epoch.label
    data_key = _open_data_key(stored, team, keystore)

    expected = definition.field_keys()
    fields = stored.fields
    if len(fields) != len(expected) or fields.keys() != set(expected):
        raise UnreadableResponse(rid, "fields are missing or were added")
    if memo is None:
        memo = {}
    questions = {q.key: q for q in definition.questions}
    cipher = crypto.field_cipher(data_key)
    decrypt = crypto.decrypt_field
    values: dict[str, Any] = {}
    for key, aad in zip(expected, field_aads(rid, expected, version_id, label), strict=True):
        try:
            plaintext = decrypt(cipher, fields[key], aad)
        except crypto.DecryptionError as exc:
            raise UnreadableResponse(rid, f"field {key!r} failed authentication") from exc
        remembered = (version_id, key, plaintext)
        value = (
            memo.get(remembered, _INVALID) if len(plaintext) <= _MEMO_PLAINTEXT_BYTES else _INVALID
        )
        if value is _INVALID:
            try:
                value = json.loads(plaintext.decode("utf-8"))
            except ValueError as exc:
                raise UnreadableResponse(rid, f"field {key!r} failed authentication") from exc
            question = questions.get(key)
            if question is not None and not question.is_valid_value(value):
                raise UnreadableResponse(rid, f"field {key!r} holds an impossible value")
            if len(plaintext) <= _MEMO_PLAINTEXT_BYTES and len(memo) < _MEMO_ENTRIES:
                memo[remembered] = value
        values[key] = value
    return _opened(stored, values), data_key


def _open_data_key(stored: StoredResponse, team: TeamPrivateKey, keystore: Keystore) -> bytes:
    rid = stored.id
    try:
        epoch_private = team.epoch_recipient(stored.epoch, keystore)
    except KeyringError as exc:
        raise UnreadableResponse(rid, str(exc)) from exc
    info = _data_key_info(
        rid,
        stored.epoch.label,
        stored.questionnaire_version_id,
        stored.provenance,
        stored.submitted_month,
    )
    try:
        return crypto.open_sealed(epoch_private, stored.sealed_data_key, info)  # type: ignore[arg-type]
    except crypto.DecryptionError as exc:
        raise UnreadableResponse(rid, "its data key failed authentication") from exc


def _opened(stored: StoredResponse, values: dict[str, Any]) -> OpenedResponse:
    """The response from its checked field values (metadata fields taken out)."""
    language = values.pop(META_LANGUAGE)
    program = values.pop(META_PROGRAM)
    assistance = values.pop(META_ASSISTANCE) or []
    return OpenedResponse(
        id=stored.id,
        questionnaire_version_id=stored.questionnaire_version_id,
        provenance=stored.provenance,
        submitted_month=stored.submitted_month,
        language=str(language),
        answers=values,
        program=program if isinstance(program, str) else None,
        assistance=tuple(map(str, assistance)),
    )


# In a reading's per-question memory: the value kinds (classes) already checked valid.
_Known = dict[Any, type]
_UNREMEMBERED = object()


_DATA_KEY_HEAD = crypto.associated_data("data-key")
_RECORD_HEAD = crypto.associated_data("analysis")
_PARTS_ENTRIES = 10_000


class AssociatedParts:
    """``_data_key_info`` and ``_record_aad`` for many responses, byte for byte the same,
    from cached parts: ``associated_data`` is its parts' encodings one after the other, and
    everything but the response id (epoch, version, provenance, month) repeats across a
    reading. Holds only those public values, bounded."""

    def __init__(self) -> None:
        self._info_tails: dict[tuple[str, int, str, dt.date], bytes] = {}
        self._record_tails: dict[tuple[int, str], bytes] = {}

    def _info_tail(
        self, epoch_label: str, version_id: int, provenance: str, month: dt.date
    ) -> bytes:
        item = (epoch_label, version_id, provenance, month)
        tail = self._info_tails.get(item)
        if tail is None:
            tail = crypto.associated_data(epoch_label, version_id, provenance, month.isoformat())
            if len(self._info_tails) < _PARTS_ENTRIES:
                self._info_tails[item] = tail
        return tail

    def _record_tail(self, version_id: int, epoch_label: str) -> bytes:
        item = (version_id, epoch_label)
        tail = self._record_tails.get(item)
        if tail is None:
            tail = crypto.associated_data(version_id, epoch_label)
            if len(self._record_tails) < _PARTS_ENTRIES:
                self._record_tails[item] = tail
        return tail

    def data_key_info(
        self, response_id: str, epoch_label: str, version_id: int, provenance: str, month: dt.date
    ) -> bytes:
        """``_data_key_info`` of these values."""
        return (
            _DATA_KEY_HEAD
            + crypto.associated_data(response_id)
            + self._info_tail(epoch_label, version_id, provenance, month)
        )

    def both(
        self, response_id: str, epoch_label: str, version_id: int, provenance: str, month: dt.date
    ) -> tuple[bytes, bytes]:
        """(``_data_key_info``, ``_record_aad``) of one response, its id encoded once (as
        ``associated_data`` encodes a part: its length, then its UTF-8)."""
        encoded = response_id.encode("utf-8")
        rid = len(encoded).to_bytes(4, "big") + encoded
        info_tail = self._info_tails.get(
            (epoch_label, version_id, provenance, month)
        ) or self._info_tail(epoch_label, version_id, provenance, month)
        record_tail = self._record_tails.get((version_id, epoch_label)) or self._record_tail(
            version_id, epoch_label
        )
        return _DATA_KEY_HEAD + rid + info_tail, _RECORD_HEAD + rid + record_tail


class RecordReading:
    """What one reading of many analysis records works out once rather than per response:
    each version's field keys and questions, the closed answers already checked (they
    repeat: a skipped question, "yes", a scale point) and the parts of the associated data
    that repeat (``AssociatedParts``). Lives as long as that reading.

    Checked answers are kept per version and question as value -> class, and an answer is
    taken as checked only if its class matches too: ``True == 1 == 1.0`` in Python, and a
    number question that accepted 1 must still refuse True and 1.0.
    """

    def __init__(self) -> None:
        self._layouts: dict[
            int, tuple[frozenset[str], tuple[tuple[str, Question, _Known], ...]]
        ] = {}
        self.remembered = 0
        self.parts = AssociatedParts()

    def layout(
        self, version_id: int, definition: Definition
    ) -> tuple[frozenset[str], tuple[tuple[str, Question, _Known], ...]]:
        found = self._layouts.get(version_id)
        if found is None:
            questions = tuple((q.key, q, {}) for q in definition.questions)
            found = (frozenset(definition.field_keys()), questions)
            self._layouts[version_id] = found
        return found


def open_record(
    stored: StoredResponse,
    team: TeamPrivateKey,
    keystore: Keystore,
    definition: Definition,
    reading: RecordReading | None = None,
) -> tuple[OpenedResponse, bytes, SuggestedCoding | None]:
    """Open a response through its analysis record: one HPKE open and one AES-GCM
    decryption instead of one per field, checked the way ``open_stored`` checks fields.

    Returns the response, its data key and the coding suggested at submission (None if
    there was none). Raises ``UnreadableResponse`` wherever ``open_stored`` would for
    tampering. ``reading``: pass the same one when opening many responses.
    """
    rid = stored.id
    if stored.analysis is None:
        raise ValueError("open_record needs a response with an analysis record")
    if reading is None:
        reading = RecordReading()
    epoch = stored.epoch
    label = epoch.label
    version_id = stored.questionnaire_version_id
    info, aad = reading.parts.both(
        rid, label, version_id, stored.provenance, stored.submitted_month
    )
    try:
        epoch_private = team.epoch_recipient(epoch, keystore)
    except KeyringError as exc:
        raise UnreadableResponse(rid, str(exc)) from exc
    try:
        data_key = crypto.open_sealed(epoch_private, stored.sealed_data_key, info)  # type: ignore[arg-type]
    except crypto.DecryptionError as exc:
        raise UnreadableResponse(rid, "its data key failed authentication") from exc
    try:
        plaintext = crypto.decrypt_field(data_key, stored.analysis, aad)
        values, suggested = record_format.parse(plaintext)
    except (crypto.DecryptionError, record_format.MalformedRecord) as exc:
        raise UnreadableResponse(rid, "its analysis record failed authentication") from exc
    field_keys, questions = reading.layout(version_id, definition)
    if len(values) != len(field_keys) or values.keys() != field_keys:
        raise UnreadableResponse(rid, "its analysis record has missing or added answers")
    for key, question, known in questions:
        value = values[key]
        kind = value.__class__
        # What the answer is remembered by: lists as tuples; free text and anything
        # unhashable not at all (checked every time). A long text is looked up but never
        # stored, so it is never found: only the short ones can be.
        memo: Any = tuple(value) if kind is list else value
        try:
            if known.get(memo) is kind:
                continue
        except TypeError:  # a dict, or a list holding lists: not remembered (nor valid)
            memo = _UNREMEMBERED
        if not question.is_valid_value(value):
            raise UnreadableResponse(rid, f"field {key!r} holds an impossible value")
        if (
            memo is not _UNREMEMBERED
            and (kind is not str or len(value) <= _MEMO_PLAINTEXT_BYTES)
            and reading.remembered < _MEMO_ENTRIES
        ):
            known[memo] = kind
            reading.remembered += 1
    return _opened(stored, values), data_key, suggested


_RESPONSE_COLUMNS = (
    Response.id,
    Response.questionnaire_version_id,
    Response.epoch_id,
    Response.provenance,
    Response.submitted_month,
    Response.sealed_data_key,
)
_FIELD_COLUMNS = (ResponseField.response_id, ResponseField.field_key, ResponseField.ciphertext)
# Reading every response: two scans in response order, merged as they stream (bounded
# memory, no IN lists). Reading a few: batches of ids.
_ALL_RESPONSES = select(*_RESPONSE_COLUMNS).order_by(Response.id)
_ALL_FIELDS = select(*_FIELD_COLUMNS).order_by(ResponseField.response_id)
_SOME_RESPONSES = (
    select(*_RESPONSE_COLUMNS)
    .where(Response.id.in_(bindparam("ids", expanding=True)))
    .order_by(Response.id)
)
_SOME_FIELDS = select(*_FIELD_COLUMNS).where(
    ResponseField.response_id.in_(bindparam("ids", expanding=True))
)
_BATCH = 900  # below SQLite's bound-parameter limit
_SCAN_FROM = 5_000  # from this many wanted responses on, one scan beats batches of ids


_RECORD_COLUMNS = (*_RESPONSE_COLUMNS, Response.analysis)
# In table order: nothing is merged with these rows, and the primary key's index would
# cost a lookup per row.
_ALL_RECORDS = select(*_RECORD_COLUMNS)
_COUNT = select(func.count()).select_from(Response)
_SOME_RECORDS = (
    select(*_RECORD_COLUMNS)
    .where(Response.id.in_(bindparam("ids", expanding=True)))
    .order_by(Response.id)
)


def stored_responses(
    session: Session, only: Collection[str], with_fields: bool = True
) -> Iterator[StoredResponse]:
    """The responses in ``only`` as plain values, with bounded memory (in id order, except
    when every analysis record is scanned).

    Plain rows on the session's connection rather than ORM objects: reading tens of
    thousands of responses (each with ~30 fields) must cost little beside the decryption.
    ``with_fields=False`` reads the analysis records instead of the field rows (a response
    without a record then comes with neither; read it again with its fields).
    """
    epochs = {e.id: e for e in session.scalars(select(Epoch))}
    connection = session.connection()
    wanted = only if isinstance(only, set | frozenset) else set(only)
    if not with_fields:
        yield from _records(connection, epochs, wanted)
        return
    if len(wanted) >= _SCAN_FROM:
        rows = connection.execute(_ALL_RESPONSES).all()
        if 2 * len(wanted) >= len(rows):  # most of them: one scan beats batches of ids
            with _all_fields(connection) as fields:
                yield from _merged(epochs, rows, fields, wanted)
            return
    ordered = sorted(wanted)
    for i in range(0, len(ordered), _BATCH):
        batch = ordered[i : i + _BATCH]
        by_response: dict[str, dict[str, bytes]] = {rid: {} for rid in batch}
        for rid, key, blob in connection.execute(_SOME_FIELDS, {"ids": batch}):
            by_response[rid][key] = blob
        for rid, version_id, epoch_id, provenance, month, sealed in connection.execute(
            _SOME_RESPONSES, {"ids": batch}
        ):
            yield StoredResponse(
                rid, version_id, epochs[epoch_id], provenance, month, sealed, by_response.pop(rid)
            )


def _records(
    connection: Connection, epochs: dict[int, Epoch], wanted: set[str]
) -> Iterator[StoredResponse]:
    if len(wanted) >= _SCAN_FROM and 2 * len(wanted) >= connection.execute(_COUNT).scalar_one():
        streaming = connection.dialect.name != "sqlite"  # SQLite's cursor streams anyway
        batches: Iterable[Any] = [
            connection.execution_options(stream_results=streaming).execute(_ALL_RECORDS)
        ]
    else:
        ordered = sorted(wanted)
        batches = (
            connection.execute(_SOME_RECORDS, {"ids": ordered[i : i + _BATCH]})
            for i in range(0, len(ordered), _BATCH)
        )
    for rows in batches:
        for rid, version_id, epoch_id, provenance, month, sealed, analysis in rows:
            if rid in wanted:
                yield StoredResponse(
                    rid, version_id, epochs[epoch_id], provenance, month, sealed, {}, analysis
                )


@contextmanager
def _all_fields(connection: Connection) -> Iterator[Iterable[Any]]:
    """Every field row in response order, streamed."""
    if connection.dialect.name != "sqlite":
        yield connection.execution_options(stream_results=True).execute(_ALL_FIELDS)
        return
    # Millions of rows: straight from the driver's cursor, which streams plain tuples
    # (SQLAlchemy's row wrapping would add a third to the reading).
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        yield cursor.execute(str(_ALL_FIELDS.compile(dialect=connection.dialect)))
    finally:
        cursor.close()


def _merged(
    epochs: dict[int, Epoch],
    responses: Iterable[Any],
    fields: Iterable[Any],
    wanted: Collection[str],
) -> Iterator[StoredResponse]:
    """Join response rows with the field rows that follow them in the same order (both
    sorted by the same column type, so the same collation). Rows are matched by equality
    only; a field row of no response (impossible with foreign keys on) is skipped."""
    rows = list(responses)  # ~100 bytes each: small beside the fields, which stream
    known = {row[0] for row in rows}  # a field row of a response not listed is skipped
    groups = groupby(fields, key=itemgetter(0))  # one group per response, formed in C
    group = next(groups, None)
    for rid, version_id, epoch_id, provenance, month, sealed in rows:
        while group is not None and group[0] != rid and group[0] not in known:
            group = next(groups, None)
        own: dict[str, bytes] = {}
        if group is not None and group[0] == rid:
            own = {key: blob for _rid, key, blob in group[1]}
            group = next(groups, None)
        if rid in wanted:
            yield StoredResponse(rid, version_id, epochs[epoch_id], provenance, month, sealed, own)


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


def annotation_aad(response_id: str, revision: int | None) -> bytes:
    # The revision is bound in: a database writer cannot put an older coding back under
    # a newer revision number (docs/threat-model.md). None: sealed before it was bound.
    if revision is None:
        return crypto.associated_data("annotation", response_id)
    return crypto.associated_data("annotation-r", response_id, revision)


def seal_annotation(
    data_key: bytes, response_id: str, content: Mapping[str, Any], *, revision: int
) -> bytes:
    plaintext = json.dumps(content, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return crypto.encrypt_field(data_key, plaintext, annotation_aad(response_id, revision))


def _open_annotation_blob(data_key: bytes, response_id: str, blob: bytes, revision: int) -> bytes:
    try:
        return crypto.decrypt_field(data_key, blob, annotation_aad(response_id, revision))
    except crypto.DecryptionError:
        # Coding saved before revisions were bound; re-sealed with its revision at the
        # next decision.
        return crypto.decrypt_field(data_key, blob, annotation_aad(response_id, None))


def open_annotation(
    data_key: bytes, response_id: str, blob: bytes, *, revision: int
) -> dict[str, Any]:
    """A response's coding; tampering raises ``UnreadableResponse``."""
    try:
        value = json.loads(_open_annotation_blob(data_key, response_id, blob, revision))
    except (crypto.DecryptionError, ValueError) as exc:
        raise UnreadableResponse(response_id, "its coding failed authentication") from exc
    if not isinstance(value, dict):
        raise UnreadableResponse(response_id, "its coding is malformed")
    return value
