"""Counting closed answers, one opened response at a time.

``Aggregate.add`` folds a response in and keeps nothing but counts and the free-text answers
(which coding needs). It never looks at a response twice, so a refresh after new responses
arrive only reads those (``Aggregate.seen``). It lives in memory only, for one unlock.

Versions merge by question key: a question whose key, type and option values are unchanged
is counted together across versions. If a later version changes a question's type or its
options under the same key, that version's answers are counted as a separate question
("key@v2"), because adding them together would mix different questions.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain, compress
from operator import itemgetter, not_
from typing import Any, NamedTuple

from ..questionnaires.definition import AUDIENCES, Definition
from ..questionnaires.types import (
    ChoiceQuestion,
    MultipleChoice,
    NumberQuestion,
    Question,
    ScaleQuestion,
    TextQuestion,
    YesNo,
)
from ..responses import OpenedResponse
from .combining import family_of

GROUPS = AUDIENCES  # survivor, advocate, community_leader, listening_session
EFFECT_SUFFIX = "_effect"
CONTACT_QUESTION = "interventions_contacted"

# A label is either text per language (from a questionnaire) or the key of a label the app
# itself translates (see ``intake.analysis.labels``).
Label = Mapping[str, str] | str

# Numbers are counted in bands: a median or an exact value from a small group would
# identify someone; a band count goes through the same suppression as everything else.
NUMBER_BANDS = ((0, 0), (1, 2), (3, 5), (6, 10), (11, 20), (21, 50), (51, 100), (101, None))


Signature = tuple[str, tuple[str, ...]]  # a question's type and the values it is counted by


def signature_of(question: Question) -> Signature:
    """What must stay the same for answers to be counted together across versions."""
    return (question.type_name, tuple(value for value, _label in _options(question)))


def separate_key(key: str, definition: Definition) -> str:
    return f"{key}@{definition.key}.v{definition.version}"


def merge_plan(definitions: list[Definition]) -> dict[tuple[str, Signature], str]:
    """(question key, signature) -> the key its answers are counted under.

    ``definitions`` are the published (and retired) versions in publication order, oldest
    first. The first signature met for a key keeps the plain key. A different signature is
    counted separately, under the name of the first version that asked it that way, so later
    versions asking it the same way join those answers rather than starting again. Publication
    order never changes for versions already counted, so no key is ever renamed.
    """
    plan: dict[tuple[str, Signature], str] = {}
    owned: set[str] = set()
    for definition in definitions:
        for question in definition.questions:
            item = (question.key, signature_of(question))
            if item in plan:
                continue
            if question.key in owned:
                plan[item] = separate_key(question.key, definition)
            else:
                owned.add(question.key)
                plan[item] = question.key
    return plan


@dataclass
class QuestionInfo:
    key: str  # merged key ("key" or "key@v2")
    source_key: str
    type_name: str
    label: Label
    options: list[tuple[str, Label]]
    multiple: bool = False
    order: int = 0

    def signature(self) -> tuple[str, tuple[str, ...]]:
        return (self.type_name, tuple(value for value, _label in self.options))


class TextAnswer(NamedTuple):
    """One free-text answer. (A named tuple: one is made for every free-text answer at each
    unlock, about 260,000 at 100,000 responses; a frozen dataclass costs several times as
    much to make and to hold.)"""

    response_id: str
    question_key: str
    group: str
    language: str
    text: str


_new_tuple = tuple.__new__  # builds a named tuple without its Python-level __new__


def _band(value: int) -> str:
    for low, high in NUMBER_BANDS:
        if value >= low and (high is None or value <= high):
            return f"{low}+" if high is None else (f"{low}" if low == high else f"{low}-{high}")
    return str(value)


def _whole(value: int | float) -> int:
    """A decimal answer (2.5 kg) is counted in the whole numbers' bands after rounding to
    the nearest whole number, halves up: 2.5 counts under 3-5, never under a band whose
    label it lies outside."""
    return value if isinstance(value, int) else math.floor(value + 0.5)


def _band_of(value: int | float) -> str:
    """``_band``, looked up for the usual small numbers. The table is made from the bands
    alone, never from answers: a process-wide cache must hold nothing a respondent gave."""
    value = _whole(value)
    band = _BAND_TABLE.get(value)
    return band if band is not None else _band(value)


_BAND_TABLE = {value: _band(value) for value in range(0, 201)}


def _bands(question: NumberQuestion) -> list[str]:
    labels = []
    for low, high in NUMBER_BANDS:
        if (high is None or high >= question.minimum) and low <= question.maximum:
            labels.append(_band(low))
    return labels


def _options(question: Question) -> list[tuple[str, Label]]:
    if isinstance(question, YesNo):
        return [(value, f"answer.{value}") for value in question.VALUES]
    if isinstance(question, ChoiceQuestion):
        return [(o.value, dict(o.label)) for o in question.options]
    if isinstance(question, ScaleQuestion):
        return [(str(p), f"point:{p}") for p in question.points()]
    if isinstance(question, NumberQuestion):
        return [(band, f"band:{band}") for band in _bands(question)]
    return []


def _values(question: Question, value: Any) -> list[str]:
    """The option values one answer counts under (several for a multiple choice)."""
    if value is None:
        return []
    if isinstance(question, MultipleChoice):
        return [str(v) for v in value]
    if isinstance(question, ScaleQuestion):
        return [str(value)]
    if isinstance(question, NumberQuestion):
        return [_band_of(value)]
    return [str(value)]


# Pending responses are counted in batches of this many: large enough that most answers in
# a column repeat (so Counter does the work) and that the per-batch work (a count per point
# of intervention and question) is paid rarely, small enough that the answers waiting to be
# counted do not pile up in memory over a reading of 100,000 responses (~25 MB at most).
_SETTLE_EVERY = 16384

_CONTACTED, _SAID, _ANSWERS = itemgetter(0), itemgetter(1), itemgetter(2)  # of a pending row

# How one answer is counted: under each chosen option, under its own value, or in a band.
_MULTIPLE, _SINGLE, _BANDED = "multiple", "single", "banded"


@dataclass(frozen=True)
class _VersionPlan:
    group: str
    asks_contacts: bool
    texts: tuple[str, ...]  # free-text question keys
    # (question key, merged key, how it is counted, whether it is split by contact)
    counted: tuple[tuple[str, str, str, bool], ...]
    # answers -> the counted questions' answers, in that order (one call, in C)
    getter: Callable[[Mapping[str, Any]], tuple[Any, ...]]


def _getter(
    counted: list[tuple[str, str, str, bool]],
) -> Callable[[Mapping[str, Any]], tuple[Any, ...]]:
    keys = [question_key for question_key, _key, _kind, _split in counted]
    if len(keys) == 1:
        only = keys[0]
        return lambda answers: (answers[only],)
    if not keys:
        return lambda answers: ()
    return itemgetter(*keys)  # type: ignore[return-value]


def _pick(column: tuple[Any, ...], positions: list[int]) -> tuple[Any, ...]:
    if len(positions) == 1:
        return (column[positions[0]],)
    return itemgetter(*positions)(column)  # type: ignore[no-any-return]


def _tally(column: Sequence[Any], kind: str) -> tuple[Counter[str], int]:
    """(respondents per counted value, respondents answering) for one column of answers:
    each chosen option of a multiple choice, a number's band, or the value itself.

    A multiple choice's answers are lists (an empty one is no answer): its options are
    counted one by one, in C, rather than per distinct set of options chosen."""
    if kind is _MULTIPLE:
        present = tuple(filter(None, column))
        chosen: Counter[Any] = Counter(chain.from_iterable(present))
        if all(value.__class__ is str for value in chosen):
            return chosen, len(present)
        # Options that are not text (never in a stored response): each under its text, as
        # a value at a time would count them (1 and True are one key of a Counter).
        column = tuple(tuple(value) if value else None for value in column)
    counts: Counter[str] = Counter()
    get = counts.get  # a missing key through Counter's __missing__ costs a Python call
    answered = 0
    for raw, n in Counter(column).items():
        if raw is None:
            continue
        answered += n
        if kind is _MULTIPLE:
            for value in raw:
                value = str(value)
                counts[value] = get(value, 0) + n
        elif kind is _BANDED:
            value = _band_of(raw)
            counts[value] = get(value, 0) + n
        else:
            value = str(raw)
            counts[value] = get(value, 0) + n
    return counts, answered


@dataclass
class Aggregate:
    seen: set[str] = field(default_factory=set)
    by_group: Counter[str] = field(default_factory=Counter)
    by_provenance: Counter[str] = field(default_factory=Counter)
    by_language: Counter[str] = field(default_factory=Counter)
    by_month: Counter[str] = field(default_factory=Counter)
    questions: dict[str, QuestionInfo] = field(default_factory=dict)
    # The counts of closed answers live in the private counters below, read through the
    # properties of the same name without the underscore (which settle pending rows first).
    # question -> (group, option) -> respondents; question -> group -> respondents answering
    _answers: dict[str, Counter[tuple[str, str]]] = field(default_factory=dict)
    _answered: dict[str, Counter[str]] = field(default_factory=dict)
    # Multiple choice: question -> (group, the options one person chose together) -> people.
    # Lets the report count people who chose *any* of several options (combining).
    _choices: dict[str, Counter[tuple[str, tuple[str, ...]]]] = field(default_factory=dict)
    # Splits by point of intervention: (point, contacted?) -> question -> option -> count.
    contact: dict[str, set[str]] = field(default_factory=dict)  # response -> points contacted
    # Only the points a person had contact with are counted (a few, not all 16): "no
    # contact" is the asked-about-contacts population minus "had contact".
    _contacted_answers: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    _contacted_answered: Counter[tuple[str, str]] = field(default_factory=Counter)
    _asked_answers: Counter[tuple[str, str]] = field(default_factory=Counter)
    _asked_answered: Counter[str] = field(default_factory=Counter)
    # People asked about contacts who skipped that question: neither "had" nor "no contact".
    _unsaid_answers: Counter[tuple[str, str]] = field(default_factory=Counter)
    # Responses added but not yet counted, per version: (points contacted, said which,
    # the counted questions' answers in plan order). See ``add`` and ``settle``.
    _pending: dict[int, list[tuple[frozenset[str], bool, tuple[Any, ...]]]] = field(
        default_factory=dict
    )
    _pending_count: int = 0
    contact_points: dict[str, Label] = field(default_factory=dict)
    # Questions also answered by someone never asked about contacts: a split of those would
    # not add up to the overall counts, so they are not split (see report.split_tables).
    unsplittable: set[str] = field(default_factory=set)
    texts: list[TextAnswer] = field(default_factory=list)
    text_questions: dict[str, Label] = field(default_factory=dict)
    _merged_keys: dict[tuple[int, str], str] = field(default_factory=dict)
    _planned: dict[tuple[str, Signature], str] = field(default_factory=dict)  # see plan()
    _version_plans: dict[int, _VersionPlan] = field(default_factory=dict)
    _month_keys: dict[dt.date, str] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.by_group.values())

    @property
    def answers(self) -> dict[str, Counter[tuple[str, str]]]:
        self.settle()
        return self._answers

    @property
    def answered(self) -> dict[str, Counter[str]]:
        self.settle()
        return self._answered

    @property
    def contacted_answers(self) -> Counter[tuple[str, str, str]]:
        self.settle()
        return self._contacted_answers

    @property
    def contacted_answered(self) -> Counter[tuple[str, str]]:
        self.settle()
        return self._contacted_answered

    @property
    def asked_answers(self) -> Counter[tuple[str, str]]:
        self.settle()
        return self._asked_answers

    @property
    def asked_answered(self) -> Counter[str]:
        self.settle()
        return self._asked_answered

    @property
    def unsaid_answers(self) -> Counter[tuple[str, str]]:
        self.settle()
        return self._unsaid_answers

    def plan(self, definitions: list[Definition]) -> None:
        """Decide, before any response is read, the key each version's questions are counted
        under (see ``merge_plan``; ``definitions`` in publication order, oldest first).
        Without a plan, the first response read would decide."""
        for item, key in merge_plan(definitions).items():
            self._planned.setdefault(item, key)

    def _merged_key(self, definition: Definition, version_id: int, question: Question) -> str:
        cached = self._merged_keys.get((version_id, question.key))
        if cached is not None:
            return cached
        info = QuestionInfo(
            key=question.key,
            source_key=question.key,
            type_name=question.type_name,
            label=dict(question.label),
            options=_options(question),
            multiple=isinstance(question, MultipleChoice),
            order=len(self.questions),
        )
        key = self._planned.get((question.key, info.signature()))
        if key is None:  # a version the plan did not know (or no plan): first read decides
            key = question.key
            existing = self.questions.get(key)
            owned = any(k == key for k, _sig in self._planned)
            if owned or (existing is not None and existing.signature() != info.signature()):
                key = separate_key(question.key, definition)
        info.key = key
        existing = self.questions.get(key)
        if existing is not None and existing.signature() != info.signature():
            # Two different questions would be added together under one key: never.
            raise ValueError(f"question {key} changed within one version")
        if existing is None:
            self.questions[key] = info
        self._merged_keys[(version_id, question.key)] = key
        return key

    def _plan_of(self, definition: Definition, version_id: int) -> _VersionPlan:
        """What counting one response of this version does, worked out at its first
        response (so the keys, labels and order are exactly those of the first add)."""
        plan = self._version_plans.get(version_id)
        if plan is not None:
            return plan
        contact_question = _find(definition, CONTACT_QUESTION)
        asks_contacts = isinstance(contact_question, MultipleChoice)
        if asks_contacts:
            for option in contact_question.options:  # type: ignore[union-attr]
                if option.value != "none":
                    self.contact_points.setdefault(option.value, dict(option.label))
        texts: list[str] = []
        counted: list[tuple[str, str, int, bool]] = []
        for question in definition.questions:
            if isinstance(question, TextQuestion):
                self.text_questions.setdefault(question.key, dict(question.label))
                texts.append(question.key)
                continue
            if not question.counts_answers:
                continue
            key = self._merged_key(definition, version_id, question)
            if key not in self._answers:
                self._answers[key] = Counter()
                self._answered[key] = Counter()
            if contact_question is None:
                self.unsplittable.add(key)
            if isinstance(question, MultipleChoice):
                kind = _MULTIPLE
            elif isinstance(question, ScaleQuestion):
                kind = _SINGLE
            elif isinstance(question, NumberQuestion):
                kind = _BANDED
            else:
                kind = _SINGLE
            split = contact_question is not None and question.key != CONTACT_QUESTION
            counted.append((question.key, key, kind, split))
        plan = _VersionPlan(
            definition.audience, asks_contacts, tuple(texts), tuple(counted), _getter(counted)
        )
        self._version_plans[version_id] = plan
        return plan

    def add(self, opened: OpenedResponse, definition: Definition) -> None:
        if opened.id in self.seen:
            return
        self.seen.add(opened.id)
        plan = self._plan_of(definition, opened.questionnaire_version_id)
        group = plan.group
        answers = opened.answers
        self.by_group[group] += 1
        self.by_provenance[opened.provenance] += 1
        self.by_language[opened.language] += 1
        month = self._month_keys.get(opened.submitted_month)
        if month is None:
            month = self._month_keys[opened.submitted_month] = opened.submitted_month.strftime(
                "%Y-%m"
            )
        self.by_month[month] += 1

        contacted: set[str] = set()
        said_contacts = False
        if plan.asks_contacts:
            said_contacts = bool(answers.get(CONTACT_QUESTION))
            contacted = {v for v in answers.get(CONTACT_QUESTION) or [] if v != "none"}
            self.contact[opened.id] = contacted

        if plan.texts:
            append = self.texts.append
            rid, language = opened.id, opened.language
            for question_key in plan.texts:
                value = answers.get(question_key)
                if isinstance(value, str) and value.strip():
                    append(_new_tuple(TextAnswer, (rid, question_key, group, language, value)))
        try:
            row = plan.getter(answers)
        except KeyError:  # answers without every question (not from a stored response)
            row = tuple(answers.get(question_key) for question_key, *_rest in plan.counted)
        self._pending.setdefault(opened.questionnaire_version_id, []).append(
            (frozenset(contacted), said_contacts, row)
        )
        self._pending_count += 1
        if self._pending_count >= _SETTLE_EVERY:
            self.settle()

    def settle(self) -> None:
        """Count the responses added since the last call.

        Counting column by column over many responses lets ``Counter`` (in C) count
        identical answers together; the Python work is then per distinct answer, not per
        response and question (most answers repeat). Splits by point of intervention pick,
        per point, the rows of the people who had that contact (``itemgetter``, in C) and
        count those the same way. Called by every counter's property, so a reader never
        sees a response half counted.
        """
        if not self._pending:
            return
        pending, self._pending = self._pending, {}
        self._pending_count = 0
        for version_id, rows in pending.items():
            plan = self._version_plans[version_id]
            if not plan.counted:
                continue
            # Positions (in ``rows``) of the people asked about contacts who did not say,
            # and of the people who had each contact (in any order: they are counted), found
            # per distinct set of contacts (the same sets recur): each point, and each family
            # of points, a person once however many of it they met (a split by family when
            # its points' own splits would be mostly hidden).
            unsaid = list(compress(range(len(rows)), map(not_, map(_SAID, rows))))
            with_set: dict[frozenset[str], list[int]] = {}
            for position, contacted in enumerate(map(_CONTACTED, rows)):
                if contacted:
                    found = with_set.get(contacted)
                    if found is None:
                        with_set[contacted] = [position]
                    else:
                        found.append(position)
            had: dict[str, list[int]] = {}
            for contacted, positions in with_set.items():
                for point in (*contacted, *{family_key(point) for point in contacted}):
                    had.setdefault(point, []).extend(positions)
            columns = zip(*map(_ANSWERS, rows), strict=True)
            for (_question_key, key, kind, split), column in zip(
                plan.counted, columns, strict=True
            ):
                counts, answered = _tally(column, kind)
                if not answered:
                    continue
                if kind is _MULTIPLE:  # lists are not hashable; an empty list is no answer
                    choices = self._choices.setdefault(key, Counter())
                    for raw, n in Counter(map(tuple, filter(None, column))).items():
                        choices[(plan.group, tuple(str(v) for v in raw))] += n
                self._answered[key][plan.group] += answered
                group_counts = self._answers[key]
                for value, n in counts.items():
                    group_counts[(plan.group, value)] += n
                if not split:
                    continue
                # Everyone in a split version was asked about contacts.
                self._asked_answered[key] += answered
                for value, n in counts.items():
                    self._asked_answers[(key, value)] += n
                if unsaid:
                    for value, n in _tally(_pick(column, unsaid), kind)[0].items():
                        self._unsaid_answers[(key, value)] += n
                for point, positions in had.items():
                    point_counts, point_answered = _tally(_pick(column, positions), kind)
                    if point_answered:
                        self._contacted_answered[(point, key)] += point_answered
                        for value, n in point_counts.items():
                            self._contacted_answers[(point, key, value)] += n

    def chose_any(self, key: str, options: Iterable[str], groups: Iterable[str]) -> int:
        """People in ``groups`` who chose at least one of ``options`` (multiple choice)."""
        self.settle()
        wanted, among = set(options), set(groups)
        return sum(
            n
            for (group, chosen), n in self._choices.get(key, Counter()).items()
            if group in among and wanted.intersection(chosen)
        )

    def split(self, point: str, key: str, option: str) -> tuple[int, int, int]:
        """People asked about contacts who chose ``option``: (had contact, did not, did not
        say). The three add up to everyone asked, so the split links to the overall table."""
        self.settle()
        had = self._contacted_answers[(point, key, option)]
        unsaid = self._unsaid_answers[(key, option)]
        return had, self._asked_answers[(key, option)] - had - unsaid, unsaid

    @property
    def months(self) -> list[str]:
        return sorted(self.by_month)


FAMILY_PREFIX = "family:"


def family_key(point: str) -> str:
    """The key under which people who met any point of ``point``'s family are counted
    (``Aggregate.split`` takes it like a point)."""
    return FAMILY_PREFIX + family_of(point)


def _find(definition: Definition, key: str) -> Question | None:
    for question in definition.questions:
        if question.key == key:
            return question
    return None


def month_label(month: str) -> dt.date:
    return dt.date.fromisoformat(f"{month}-01")
