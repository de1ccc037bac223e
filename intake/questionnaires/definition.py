"""Questionnaire definitions: versioned, declarative data, validated once at load time.

Question text is carried inside the definition, one entry per language (``{"en": …,
"es": …}``), so a questionnaire version is complete and self-contained: a response always
knows exactly which words its respondent saw. The app's own interface strings go through
gettext instead (see docs/translating.md).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..crypto import sha256_hex
from .conditions import (
    NUMBER_KINDS,
    Calculation,
    ConditionError,
    Values,
    parse_calculation,
    parse_condition,
)
from .types import (
    QUESTION_TYPES,
    ChoiceQuestion,
    DefinitionError,
    LocalText,
    Question,
    localise,
)

AUDIENCES = ("survivor", "advocate", "community_leader", "listening_session")
# Types whose answers skip logic may compare with limits ("at_least", "at_most").
NUMBER_TYPES = frozenset({"number", "decimal", "scale"})
KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,62}$")
# Keys that start with an underscore are reserved for metadata stored beside the answers,
# sealed like them: the answering language, and for assisted entries the advocate's program
# and how the entry was assisted (read aloud, interpreted).
META_LANGUAGE = "_language"
META_PROGRAM = "_program"
META_ASSISTANCE = "_assistance"
META_FIELDS = (META_LANGUAGE, META_PROGRAM, META_ASSISTANCE)


# ``${key}`` in a question's label or help shows the respondent's answer to an earlier
# question (XLSForm's "piping"), filled in when the page is shown.
PIPE = re.compile(r"\$\{([a-z][a-z0-9_]{0,62})\}")
# What a piped answer that was skipped shows: a neutral blank, not "None" or "${name}".
EMPTY_PIPE = "…"


def pipes_in(question: Question) -> list[str]:
    """The keys whose answers ``question``'s label and help show, in order, once each."""
    return pipes_in_texts(question.label, question.help)


def pipes_in_texts(*texts: LocalText | None) -> list[str]:
    found: list[str] = []
    for text in texts:
        for words in (text or {}).values():
            for key in PIPE.findall(words):
                if key not in found:
                    found.append(key)
    return found


@dataclass
class Section:
    key: str
    title: LocalText
    intro: LocalText | None
    content_warning: LocalText | None
    questions: list[Question] = field(default_factory=list)
    # Every question of the questionnaire by key, for the answers piped into labels.
    lookup: Mapping[str, Question] = field(default_factory=dict, repr=False, compare=False)
    piping: frozenset[str] = field(default_factory=frozenset, repr=False, compare=False)
    filtering: frozenset[str] = field(default_factory=frozenset, repr=False, compare=False)
    notes_piped: bool = field(default=False, repr=False, compare=False)
    calculations: Mapping[str, Calculation] = field(default_factory=dict, repr=False, compare=False)

    def values(self, answers: Mapping[str, Any]) -> Mapping[str, Any]:
        """The answers, with the questionnaire's calculations worked out when used."""
        return Values(answers, self.calculations) if self.calculations else answers

    def visible_questions(self, answers: Mapping[str, Any]) -> list[Question]:
        """The questions to show given the answers so far, with earlier answers piped into
        their labels and help (copies: the stored definition keeps its ``${…}``)."""
        answers = self.values(answers)
        shown = []
        for q in self.questions:
            if q.show_if is not None and not q.show_if.evaluate(answers):
                continue
            if q.key in self.filtering:
                options = q.offered(answers)  # type: ignore[attr-defined]
                if not options:
                    continue  # every choice filtered out: nothing to ask
                q = replace(q, options=options)
            shown.append(self.piped(q, answers) if q.key in self.piping else q)
        return shown

    def piped(self, question: Question, answers: Mapping[str, Any]) -> Question:
        def fill(text: LocalText | None) -> LocalText | None:
            if not text:
                return text
            return {code: self.fill(words, answers, code) for code, words in text.items()}

        return replace(question, label=fill(question.label), help=fill(question.help))

    def with_piped_notes(self, answers: Mapping[str, Any]) -> Section:
        values = self.values(answers)

        def fill(text: LocalText | None) -> LocalText | None:
            if not text:
                return text
            return {code: self.fill(words, values, code) for code, words in text.items()}

        return replace(self, intro=fill(self.intro), content_warning=fill(self.content_warning))

    def fill(self, words: str, answers: Mapping[str, Any], locale: str) -> str:
        return PIPE.sub(lambda m: self.shown(m.group(1), answers, locale), words)

    def shown(self, key: str, answers: Mapping[str, Any], locale: str) -> str:
        """An earlier answer as the respondent would read it: a choice's label in her
        language, a number as written; the page escapes it like any text."""
        value = answers.get(key)
        source: Any = self.lookup.get(key) or self.calculations.get(key)
        if value in (None, "", []) or source is None:
            return EMPTY_PIPE
        return source.display(value, locale) or EMPTY_PIPE


@dataclass
class Definition:
    key: str
    version: int
    audience: str
    title: LocalText
    description: LocalText
    estimated_minutes: int
    sections: list[Section]
    calculations: list[Calculation] = field(default_factory=list)

    # -- lookups -----------------------------------------------------------------------
    @property
    def questions(self) -> list[Question]:
        return [q for section in self.sections for q in section.questions]

    def question(self, key: str) -> Question:
        for q in self.questions:
            if q.key == key:
                return q
        raise KeyError(key)

    def field_keys(self) -> list[str]:
        """Every field a stored response has: all questions (skipped ones too) and metadata."""
        return [q.key for q in self.questions] + list(META_FIELDS)

    def visible_sections(self, answers: Mapping[str, Any]) -> list[Section]:
        """Sections with at least one question to show, given the answers so far; earlier
        answers piped into their introductions and content warnings (copies)."""
        return [
            s.with_piped_notes(answers) if s.notes_piped else s
            for s in self.sections
            if s.visible_questions(answers)
        ]

    def prune(self, answers: Mapping[str, Any]) -> dict[str, Any]:
        """Drop answers to questions that skip logic now hides (e.g. after going Back)."""
        kept: dict[str, Any] = {}
        calculations = {c.key: c for c in self.calculations}
        for q in self.questions:
            if q.key not in answers:
                continue
            values = Values(kept, calculations) if calculations else kept
            if q.show_if is None or q.show_if.evaluate(values):
                value = answers[q.key]
                if isinstance(q, ChoiceQuestion) and q.filtered:
                    value = q.keep_offered(value, values)  # a choice no longer offered
                if value is not None:
                    kept[q.key] = value
        return kept

    def texts(self) -> Iterator[tuple[str, LocalText]]:
        yield "title", self.title
        yield "description", self.description
        for section in self.sections:
            yield f"{section.key}.title", section.title
            if section.intro:
                yield f"{section.key}.intro", section.intro
            if section.content_warning:
                yield f"{section.key}.content_warning", section.content_warning
            for q in section.questions:
                yield from q.texts()

    def title_in(self, locale: str) -> str:
        return localise(self.title, locale)

    # -- serialisation -----------------------------------------------------------------
    def to_data(self) -> dict[str, Any]:
        sections = []
        for s in self.sections:
            out: dict[str, Any] = {"key": s.key, "title": dict(s.title)}
            if s.intro:
                out["intro"] = dict(s.intro)
            if s.content_warning:
                out["content_warning"] = dict(s.content_warning)
            out["questions"] = [_question_to_data(q) for q in s.questions]
            sections.append(out)
        data = {
            "key": self.key,
            "version": self.version,
            "audience": self.audience,
            "title": dict(self.title),
            "description": dict(self.description),
            "estimated_minutes": self.estimated_minutes,
            "sections": sections,
        }
        if self.calculations:  # only then: other definitions keep their checksums
            data["calculations"] = [c.to_data() for c in self.calculations]
        return data

    def canonical_json(self) -> str:
        return json.dumps(self.to_data(), ensure_ascii=False, sort_keys=True, indent=1)

    def checksum(self) -> str:
        return sha256_hex(self.canonical_json().encode("utf-8"))


def _question_to_data(q: Question) -> dict[str, Any]:
    data: dict[str, Any] = {"key": q.key, "type": q.type_name, "label": dict(q.label)}
    if q.help:
        data["help"] = dict(q.help)
    data["required"] = q.required
    if q.show_if is not None:
        data["show_if"] = q.show_if.to_data()
    for name in ("constraint_message", "required_message"):
        text = getattr(q, name)
        if text:
            data[name] = dict(text)
    data.update(q.extra_to_data())
    return data


def _text(data: Mapping[str, Any], name: str, where: str, *, optional: bool = False) -> Any:
    value = data.get(name)
    if value is None and optional:
        return None
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise DefinitionError(f"{where}: '{name}' must map language codes to text")
    return value


def _key(data: Mapping[str, Any], where: str) -> str:
    key = data.get("key")
    if not isinstance(key, str) or not KEY_PATTERN.match(key):
        raise DefinitionError(f"{where}: key {key!r} must be lower_snake_case")
    return key


def parse_definition(data: Any, languages: Sequence[str] = ()) -> Definition:
    """Build and check a definition. ``languages``: every text must exist in each of them."""
    if not isinstance(data, dict):
        raise DefinitionError("a questionnaire definition must be an object")
    key = _key(data, "questionnaire")
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise DefinitionError("version must be a positive whole number")
    audience = data.get("audience")
    if audience not in AUDIENCES:
        raise DefinitionError(f"audience must be one of {', '.join(AUDIENCES)}")
    minutes = data.get("estimated_minutes", 10)
    if not isinstance(minutes, int) or minutes < 1:
        raise DefinitionError("estimated_minutes must be a positive whole number")
    raw_sections = data.get("sections")
    if not isinstance(raw_sections, list) or not raw_sections:
        raise DefinitionError("a questionnaire needs at least one section")

    calculations = _parse_calculations(data.get("calculations", []))
    sections: list[Section] = []
    seen: dict[str, Question] = {}
    section_keys: set[str] = set()
    for raw_section in raw_sections:
        if not isinstance(raw_section, dict):
            raise DefinitionError("each section must be an object")
        skey = _key(raw_section, "section")
        if skey in section_keys:
            raise DefinitionError(f"section key {skey!r} is used twice")
        section_keys.add(skey)
        where = f"section {skey!r}"
        section = Section(
            key=skey,
            title=_text(raw_section, "title", where),
            intro=_text(raw_section, "intro", where, optional=True),
            content_warning=_text(raw_section, "content_warning", where, optional=True),
        )
        raw_questions = raw_section.get("questions")
        if not isinstance(raw_questions, list) or not raw_questions:
            raise DefinitionError(f"{where} needs at least one question")
        for raw_q in raw_questions:
            question = _parse_question(raw_q, skey, seen, calculations)
            if audience == "survivor" and question.required:
                raise DefinitionError(
                    f"question {question.key!r}: no survivor question may be required"
                )
            seen[question.key] = question
            section.questions.append(question)
        sections.append(section)

    _check_calculations(calculations, seen)
    _check_pipes(sections, calculations)
    _check_option_filters(sections, calculations)
    lookup = {q.key: q for section in sections for q in section.questions}
    for section in sections:
        section.lookup = lookup
        section.calculations = calculations
        section.piping = frozenset(q.key for q in section.questions if pipes_in(q))
        section.notes_piped = bool(pipes_in_texts(section.intro, section.content_warning))
        section.filtering = frozenset(
            q.key for q in section.questions if isinstance(q, ChoiceQuestion) and q.filtered
        )
    definition = Definition(
        key=key,
        version=version,
        audience=audience,
        title=_text(data, "title", "questionnaire"),
        description=_text(data, "description", "questionnaire"),
        estimated_minutes=minutes,
        sections=sections,
        calculations=list(calculations.values()),
    )
    if languages:
        missing = list(_missing_translations(definition.texts(), languages))
        if missing:
            raise DefinitionError("missing translations: " + "; ".join(missing[:10]))
    return definition


def _parse_calculations(raw: Any) -> dict[str, Calculation]:
    if not isinstance(raw, list):
        raise DefinitionError("'calculations' must be a list")
    calculations: dict[str, Calculation] = {}
    for item in raw:
        try:
            calculation = parse_calculation(item)
        except ConditionError as exc:
            raise DefinitionError(str(exc)) from exc
        if not KEY_PATTERN.match(calculation.key) or calculation.key in calculations:
            raise DefinitionError(f"calculation key {calculation.key!r} is not a new key")
        calculations[calculation.key] = calculation
    return calculations


def _check_calculations(
    calculations: Mapping[str, Calculation], questions: Mapping[str, Question]
) -> None:
    """A calculation uses questions, or calculations listed before it (so none loops)."""
    earlier: set[str] = set()
    for key, calculation in calculations.items():
        if key in questions:
            raise DefinitionError(f"calculation {key!r}: a question has that key")
        for name in calculation.references():
            if name not in questions and name not in earlier:
                raise DefinitionError(
                    f"calculation {key!r} uses {name!r}, which is neither a question nor an "
                    "earlier calculation"
                )
        if calculation.kind == "count_selected" and (
            questions[calculation.question or ""].type_name != "multiple_choice"
        ):
            raise DefinitionError(f"calculation {key!r}: count_selected needs a multiple choice")
        earlier.add(key)


def questions_behind(key: str, calculations: Mapping[str, Calculation]) -> set[str]:
    """The questions a key's value comes from: itself, or those its calculation uses."""
    calculation = calculations.get(key)
    if calculation is None:
        return {key}
    found: set[str] = set()
    for name in calculation.references():
        found |= questions_behind(name, calculations)
    return found


def _check_pipes(sections: Sequence[Section], calculations: Mapping[str, Calculation]) -> None:
    """An answer shown in a label must be given on an earlier part: the page is made before
    anything on it is answered (no script fills it in)."""
    earlier: set[str] = set()
    for section in sections:
        for key in pipes_in_texts(section.intro, section.content_warning):
            if not questions_behind(key, calculations) <= earlier:
                raise DefinitionError(
                    f"section {section.key!r}: its introduction shows the answer to {key!r}, "
                    "which is not a question on an earlier part"
                )
        for question in section.questions:
            for key in pipes_in(question):
                if not questions_behind(key, calculations) <= earlier:
                    raise DefinitionError(
                        f"question {question.key!r}: its text shows the answer to {key!r}, "
                        "which is not a question on an earlier part"
                    )
        earlier.update(q.key for q in section.questions)


def _check_option_filters(
    sections: Sequence[Section], calculations: Mapping[str, Calculation]
) -> None:
    """A choice's filter is read when the page is made, so it may use answers from earlier
    parts only, and compare them with values they can have."""
    earlier: dict[str, Question] = {}
    for section in sections:
        for question in section.questions:
            if not isinstance(question, ChoiceQuestion):
                continue
            for option in question.options:
                if option.show_if is not None:
                    _check_leaves(
                        f"question {question.key!r} option {option.value!r}",
                        option.show_if, earlier, calculations,
                    )  # fmt: skip
        earlier.update((q.key, q) for q in section.questions)


def _parse_question(
    raw: Any,
    section_key: str,
    earlier: Mapping[str, Question],
    calculations: Mapping[str, Calculation],
) -> Question:
    if not isinstance(raw, dict):
        raise DefinitionError(f"section {section_key!r}: each question must be an object")
    qkey = _key(raw, f"section {section_key!r} question")
    where = f"question {qkey!r}"
    if qkey in earlier:
        raise DefinitionError(f"{where}: the key is used twice")
    cls = QUESTION_TYPES.get(raw.get("type", ""))
    if cls is None:
        raise DefinitionError(f"{where}: unknown type {raw.get('type')!r}")
    required = raw.get("required", False)
    if not isinstance(required, bool):
        raise DefinitionError(f"{where}: 'required' must be true or false")
    show_if = None
    if "show_if" in raw:
        try:
            show_if = parse_condition(raw["show_if"])
        except ConditionError as exc:
            raise DefinitionError(f"{where}: {exc}") from exc
        _check_leaves(where, show_if, earlier, calculations)
    return cls(
        key=qkey,
        label=_text(raw, "label", where),
        help=_text(raw, "help", where, optional=True),
        required=required,
        show_if=show_if,
        section_key=section_key,
        constraint_message=_text(raw, "constraint_message", where, optional=True),
        required_message=_text(raw, "required_message", where, optional=True),
        **cls.extra_from_data(raw),
    )


def _check_leaves(
    where: str,
    condition: Any,
    earlier: Mapping[str, Question],
    calculations: Mapping[str, Calculation],
) -> None:
    """Each leaf names an earlier question (or a calculation on earlier questions) and a
    value it can have."""
    for leaf in condition.leaves():
        target: Any = earlier.get(leaf.question or "") or calculations.get(leaf.question or "")
        if target is not None and not questions_behind(target.key, calculations) <= set(earlier):
            target = None  # a calculation on a question not yet asked
        if target is None:
            raise DefinitionError(
                f"{where}: show_if refers to {leaf.question!r}, which is not an earlier question"
            )
        allowed = target.allowed_values()
        compared = leaf.value if leaf.kind == "in" else (leaf.value,)
        if leaf.kind in NUMBER_KINDS:
            if target.type_name not in NUMBER_TYPES:
                raise DefinitionError(f"{where}: {leaf.kind!r} needs a number or scale question")
        elif leaf.kind != "answered":
            if allowed is None or any(v not in allowed for v in compared):
                raise DefinitionError(
                    f"{where}: show_if compares {leaf.question!r} with a value it cannot have"
                )
            if leaf.kind == "includes" and target.type_name != "multiple_choice":
                raise DefinitionError(f"{where}: 'includes' needs a multiple-choice question")
            if leaf.kind in {"equals", "in"} and target.type_name == "multiple_choice":
                raise DefinitionError(f"{where}: use 'includes' for a multiple-choice question")


def _missing_translations(
    texts: Iterable[tuple[str, LocalText]], languages: Sequence[str]
) -> Iterator[str]:
    for name, text in texts:
        for language in languages:
            if not (text.get(language) or "").strip():
                yield f"{name} has no {language!r} text"


def load_definition_text(text: str, languages: Sequence[str] = ()) -> Definition:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise DefinitionError(f"not valid JSON: {exc}") from exc
    return parse_definition(data, languages)
