"""The unlocked analysis, held in this worker's memory for one unlock and nowhere else.

Opening a response costs an HPKE open and ~30 AES-GCM decryptions; doing that for every
response on every page would not scale. So each unlock keeps its ``ThemeState``: the counts
so far, the free text, the data keys (to read and write coding) and the set of responses
already folded in. A page load reads only responses added since; a response that
disappeared (its epoch was destroyed) throws the state away and rebuilds it.

The state dies with the unlock (lock, sign-out, idle timeout) or after the same idle time
here; it is never written anywhere. See docs/threat-model.md.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain, islice
from operator import attrgetter

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..keyring import TeamPrivateKey
from ..keystore import Keystore
from ..models import QuestionnaireVersion, Response, ResponseAnnotation, UnlockSession
from ..questionnaires.catalog import definition_of
from ..questionnaires.definition import Definition
from ..responses import (
    AnswerMemo,
    OpenedResponse,
    RecordReading,
    UnreadableResponse,
    open_annotation,
    open_record,
    open_stored,
    stored_responses,
)
from .aggregate import Aggregate
from .annotations import Annotation, excerpt_key
from .codebook import Codebook
from .coding import Excerpt, Matcher, excerpts_from_data, fingerprint_of
from .pattern_use import PatternUse, counter_for
from .record import SuggestedCoding

IDLE_SECONDS = 30 * 60


@dataclass
class ThemeState:
    aggregate: Aggregate = field(default_factory=Aggregate)
    data_keys: dict[str, bytes] = field(default_factory=dict)
    unreadable: set[str] = field(default_factory=set)
    # Responses whose sealed coding failed verification: counted, but their coding ignored.
    bad_coding: set[str] = field(default_factory=set)
    annotations: dict[str, Annotation] = field(default_factory=dict)
    annotation_revisions: dict[str, int] = field(default_factory=dict)
    # Excerpts per free-text answer (parallel to aggregate.texts), per codebook version.
    coded: dict[int, list[list[Excerpt]]] = field(default_factory=dict)
    # Coding sealed at submission, by position in aggregate.texts: (fingerprint, excerpts),
    # used (once) instead of coding the text again when the codebook is still the same.
    precoded: dict[int, tuple[str, list[Excerpt]]] = field(default_factory=dict)
    theme_indexes: dict[int, ThemeIndex] = field(default_factory=dict)
    # How many answers each pattern matched, per codebook (the codebook page shows it).
    pattern_use: dict[str, PatternUse] = field(default_factory=dict)
    last_used: float = field(default_factory=time.monotonic)
    lock: threading.RLock = field(default_factory=threading.RLock)

    @property
    def revision(self) -> tuple[int, int, int]:
        """Changes whenever anything a report shows could change."""
        return (
            len(self.aggregate.seen),
            sum(self.annotation_revisions.values()),
            len(self.annotation_revisions),
        )

    def excerpts(self, codebook: Codebook, matcher: Matcher) -> list[list[Excerpt]]:
        """Suggested codes for every free-text answer, extended for new answers only."""
        with self.lock:
            done = self.coded.setdefault(codebook.version, [])
            texts = self.aggregate.texts
            wanted = fingerprint_of(codebook)
            for position in range(len(done), len(texts)):
                sealed = self.precoded.pop(position, None)  # kept in ``done`` instead
                if sealed is not None and sealed[0] == wanted:
                    done.append(sealed[1])
                    continue
                answer = texts[position]
                done.append(matcher.excerpts(answer.text, answer.language, answer.question_key))
            return done

    def themes(self, codebook: Codebook, matcher: Matcher) -> ThemeIndex:
        """Who has which theme, updated for new answers and changed coding only."""
        with self.lock:
            excerpts = self.excerpts(codebook, matcher)
            index = self.theme_indexes.setdefault(codebook.version, ThemeIndex())
            dirty: set[str] = set()
            texts = self.aggregate.texts
            for position in range(index.texts_done, len(texts)):
                index.texts_of.setdefault(texts[position].response_id, []).append(position)
                dirty.add(texts[position].response_id)
            index.texts_done = len(texts)
            for rid, revision in self.annotation_revisions.items():
                if index.revisions.get(rid) != revision:
                    index.revisions[rid] = revision
                    dirty.add(rid)
            for rid in dirty:
                index.recount(rid, self, excerpts)
            return index

    def patterns(self, codebook: Codebook, seconds: float | None = None) -> PatternUse:
        """Answers matched per pattern of ``codebook``, extended for new answers only (for
        at most ``seconds``; ``use.texts_done`` says how far it got)."""
        with self.lock:
            use = self.pattern_use.setdefault(codebook.fingerprint, PatternUse())
            texts = self.aggregate.texts
            deadline = None if seconds is None else time.monotonic() + seconds
            counter_for(codebook).count(use, texts[use.texts_done :], deadline)
            return use

    def annotation(self, response_id: str) -> Annotation:
        return self.annotations.get(response_id) or Annotation()


_NOTHING: frozenset[str] = frozenset()
_CODES = attrgetter("codes")  # of an excerpt


@dataclass
class ThemeIndex:
    """Per code: people with it confirmed (and their group), people with it only suggested,
    and approved quotes — kept per response so a change recounts that response alone."""

    texts_done: int = 0
    texts_of: dict[str, list[int]] = field(default_factory=dict)
    revisions: dict[str, int] = field(default_factory=dict)
    confirmed: dict[str, dict[str, str]] = field(default_factory=dict)
    pending: dict[str, set[str]] = field(default_factory=dict)
    quotes: dict[str, dict[tuple[int, str], None]] = field(default_factory=dict)
    _given: dict[str, tuple[frozenset[str], frozenset[str], tuple[tuple[str, int, str], ...]]] = (
        field(default_factory=dict)
    )

    def recount(self, rid: str, state: ThemeState, excerpts: list[list[Excerpt]]) -> None:
        if rid not in self._given and rid not in state.annotations:
            self._suggested_only(rid, excerpts)
            return
        old_sure, old_maybe, old_quotes = self._given.pop(rid, (_NOTHING, _NOTHING, ()))
        for code in old_sure:
            self.confirmed[code].pop(rid, None)
        for code in old_maybe:
            self.pending[code].discard(rid)
        for code, position, ekey in old_quotes:
            self.quotes[code].pop((position, ekey), None)
        note = state.annotations.get(rid)
        sure: set[str] = set()
        maybe: set[str] = set()
        quoted: list[tuple[str, int, str]] = []
        group = ""
        for position in self.texts_of.get(rid, []):
            answer = state.aggregate.texts[position]
            group = answer.group
            for excerpt in excerpts[position]:
                if note is None:
                    maybe.update(excerpt.codes)
                    continue
                ekey = excerpt_key(answer.question_key, excerpt.index)
                yes, perhaps = note.codes_for(ekey, excerpt.codes)
                sure |= yes
                maybe |= perhaps
                quoted += [(code, position, ekey) for code in note.quotes.get(ekey, set()) & yes]
        maybe -= sure
        for code in sure:
            self.confirmed.setdefault(code, {})[rid] = group
        for code in maybe:
            self.pending.setdefault(code, set()).add(rid)
        for code, position, ekey in quoted:
            self.quotes.setdefault(code, {})[(position, ekey)] = None
        # Most responses give nothing: share one empty value rather than three new ones each.
        self._given[rid] = (
            frozenset(sure) if sure else _NOTHING,
            frozenset(maybe) if maybe else _NOTHING,
            tuple(quoted),
        )

    def _suggested_only(self, rid: str, excerpts: list[list[Excerpt]]) -> None:
        """``recount`` of a response counted for the first time and never annotated (most
        of them at an unlock): every code suggested for it is pending, none confirmed,
        nothing quoted."""
        maybe: set[str] = set()
        for position in self.texts_of.get(rid, []):
            maybe.update(chain.from_iterable(map(_CODES, excerpts[position])))
        for code in maybe:
            self.pending.setdefault(code, set()).add(rid)
        self._given[rid] = (_NOTHING, frozenset(maybe) if maybe else _NOTHING, ())


_STATES: dict[str, ThemeState] = {}
_STATES_LOCK = threading.Lock()


def discard(unlock_id: str) -> None:
    with _STATES_LOCK:
        _STATES.pop(unlock_id, None)


def discard_all() -> None:
    with _STATES_LOCK:
        _STATES.clear()


_last_sweep = 0.0
SWEEP_SECONDS = 60


def sweep(session: Session, force: bool = False) -> int:
    """Forget every analysis whose unlock ended (on any worker) or sat idle.

    Called on every staff request at most once a minute (and at sign-out), so decrypted
    text does not wait for the same facilitator to come back before it is dropped.
    """
    global _last_sweep
    now = time.monotonic()
    if not force and now - _last_sweep < SWEEP_SECONDS:
        return 0
    _last_sweep = now
    with _STATES_LOCK:
        if not _STATES:
            return 0
    live = set(session.scalars(select(UnlockSession.id)))
    with _STATES_LOCK:
        gone = [k for k, s in _STATES.items() if k not in live or now - s.last_used > IDLE_SECONDS]
        for key in gone:
            del _STATES[key]
    return len(gone)


def state_for(
    session: Session, unlock_id: str, team: TeamPrivateKey, keystore: Keystore
) -> ThemeState:
    """The analysis for this unlock, brought up to date with the database."""
    now = time.monotonic()
    live = set(session.scalars(select(UnlockSession.id)))
    with _STATES_LOCK:
        # Forget analyses whose unlock ended anywhere (lock or sign-out on another worker)
        # or that sat idle.
        for key in [
            k for k, s in _STATES.items() if k not in live or now - s.last_used > IDLE_SECONDS
        ]:
            del _STATES[key]
        state = _STATES.setdefault(unlock_id, ThemeState())
    with state.lock:
        stored = set(session.scalars(select(Response.id)))
        if not state.aggregate.seen <= stored:
            state = ThemeState()  # responses were shredded: start again from what is left
            with _STATES_LOCK:
                _STATES[unlock_id] = state
        read_responses(session, state, stored, team, keystore)
        read_annotations(session, state)
        state.last_used = now
    return state


def planning_order(versions: Iterable[QuestionnaireVersion]) -> list[Definition]:
    """Versions that can have responses, in publication order (a new publication always
    comes last, so keys already counted never move). Drafts have no responses."""
    answered = [v for v in versions if v.status != "draft" and v.published_at is not None]
    answered.sort(key=lambda v: (v.published_at, v.id))
    return [definition_of(v) for v in answered]


def read_responses(
    session: Session,
    state: ThemeState,
    stored: set[str],
    team: TeamPrivateKey,
    keystore: Keystore,
) -> None:
    new = stored - state.aggregate.seen - state.unreadable
    if not new:
        return
    versions = {v.id: v for v in session.scalars(select(QuestionnaireVersion))}
    # Which version owns a reused question key must not depend on reading order.
    state.aggregate.plan(planning_order(versions.values()))
    # Each response through its analysis record (one decryption); responses stored before
    # records existed, field by field.
    reading = RecordReading()
    without_record: list[str] = []
    with collecting_later():
        _read_records(session, state, new, team, keystore, versions, reading, without_record)
        memo: AnswerMemo = {}
        for response in stored_responses(session, without_record):
            definition = definition_of(versions[response.questionnaire_version_id])
            try:
                opened, data_key = open_stored(response, team, keystore, definition, memo)
            except UnreadableResponse:
                state.unreadable.add(response.id)
                continue
            _fold_in(state, opened, data_key, definition, None)
        state.aggregate.settle()


@contextmanager
def collecting_later() -> Iterator[None]:
    """Pause the cyclic garbage collector while a reading builds many objects.

    Opening thousands of responses allocates millions of small dicts and tuples, all kept;
    the collector would walk the growing heap again and again to find no cycles (about a
    tenth of the reading, and two thirds of building a report over 100,000 responses).
    Reference counting still frees everything as usual, and the pause ends with the work,
    even on error. The pause is process-wide, so it is kept to these bounded steps.

    At the end, what was built is moved to the oldest generation unexamined (``freeze``
    then ``unfreeze`` does exactly that), as if it had survived the young collections it
    skipped: otherwise the first young collection after the pause walks every object built
    during it (about a second at 100,000 responses), only to keep them all. Full
    collections still examine them like any long-lived object, so nothing leaks. Skipped
    when something is already frozen (a server may freeze its preloaded app before forking
    workers, to share memory): ``unfreeze`` would release that too.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()


# Responses are read from the database this many at a time, then opened, then counted:
# alternating between SQLite, the cryptography and the counting response by response costs
# about a tenth more CPU than each in a run (caches), and a batch holds a few MB.
_READ_BATCH = 4096


def _read_records(
    session: Session,
    state: ThemeState,
    new: set[str],
    team: TeamPrivateKey,
    keystore: Keystore,
    versions: dict[int, QuestionnaireVersion],
    reading: RecordReading,
    without_record: list[str],
) -> None:
    definitions: dict[int, Definition] = {}  # by version id, looked up once per reading
    rows = stored_responses(session, new, with_fields=False)
    while batch := list(islice(rows, _READ_BATCH)):
        opened = []
        for response in batch:
            if response.analysis is None:
                without_record.append(response.id)
                continue
            version_id = response.questionnaire_version_id
            definition = definitions.get(version_id)
            if definition is None:
                definition = definitions[version_id] = definition_of(versions[version_id])
            try:
                opened.append(
                    (open_record(response, team, keystore, definition, reading), definition)
                )
            except UnreadableResponse:
                state.unreadable.add(response.id)
        del batch
        for (response_opened, data_key, suggested), definition in opened:
            _fold_in(state, response_opened, data_key, definition, suggested)


def _fold_in(
    state: ThemeState,
    opened: OpenedResponse,
    data_key: bytes,
    definition: Definition,
    suggested: SuggestedCoding | None,
) -> None:
    state.data_keys[opened.id] = data_key
    texts = state.aggregate.texts
    first = len(texts)
    state.aggregate.add(opened, definition)
    if suggested is not None:
        # Turned into excerpts now, so the record's parsed form is freed with the record.
        fingerprint, by_question = suggested
        precoded = state.precoded
        for position in range(first, len(texts)):
            data = by_question.get(texts[position].question_key)
            if data is None:
                continue
            try:
                excerpts = excerpts_from_data(data)
            except ValueError:  # malformed: coded again when wanted
                continue
            precoded[position] = (fingerprint, excerpts)


def read_annotations(session: Session, state: ThemeState) -> None:
    rows = session.execute(select(ResponseAnnotation.response_id, ResponseAnnotation.revision))
    changed = [
        rid
        for rid, revision in rows
        if rid in state.data_keys and state.annotation_revisions.get(rid) != revision
    ]
    for i in range(0, len(changed), 500):
        for row in session.scalars(
            select(ResponseAnnotation).where(
                ResponseAnnotation.response_id.in_(changed[i : i + 500])
            )
        ):
            try:
                data = open_annotation(
                    state.data_keys[row.response_id],
                    row.response_id,
                    row.ciphertext,
                    revision=row.revision,
                )
            except UnreadableResponse:
                state.bad_coding.add(row.response_id)
                state.annotations.pop(row.response_id, None)
                state.annotation_revisions[row.response_id] = row.revision
                continue
            state.bad_coding.discard(row.response_id)
            state.annotations[row.response_id] = Annotation.from_data(data)
            state.annotation_revisions[row.response_id] = row.revision
