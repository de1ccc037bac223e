"""The codebook: themes to look for in free text, and the words that suggest them.

The shipped codebook (``intake/data/codebook.json``) lists the points of intervention and
the dimensions the assessment asks about (made safer, made less safe, accountability, …).
Each point gives one code per dimension (``police.made_less_safe``) and one for a mention
with no dimension (``police.unspecified``, "Police — not said how"): people name the place
and tell what happened without a "made me less safe" word, and such a sentence must still
count under its point. The dimension is a second layer on top. Facilitators can edit any
part's labels and patterns, switch codes off, switch word senses off (``senses_off``: the
phrases of ``intake/data/word_senses.json`` in which a point's word does not name it) and
add codes of their own (a single list of patterns); every edit is saved as a new version,
so the history stays.

Patterns: see docs/themes.md, "Coding free text". In short, each is one or more word stems
("deport", "orden de protec"); a stem matches a word that starts with it; Chinese patterns match
anywhere. Matching ignores case, accents and Arabic letter variants.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from .. import clock, crypto
from ..i18n import catalog_text
from ..models import CodebookVersion
from ..questionnaires.types import localise

SHIPPED_FILE = Path(__file__).resolve().parent.parent / "data" / "codebook.json"
KINDS = ("intervention", "dimension", "custom")
CUSTOM_PREFIX = "custom."
# Per language of one code. The shipped codebook's longest list is about 200 (English
# sentencing); the limit leaves a facilitator room to add as many again, and still bounds
# what one form can post.
MAX_PATTERNS = 400
MAX_PATTERN_LENGTH = 80
_FORBIDDEN = re.compile(r"[\\*?()\[\]{}|+^$]")
# The second part of a point-only code's key (``police.unspecified``); no dimension may
# take this key. Format 2 of the stored codebook has point-only codes (format 1 is read
# with ``point_only_disabled``; migration 0004 moves stored versions to format 2).
UNSPECIFIED = "unspecified"
FORMAT = 2


def N_(message: str) -> str:
    """Marks a message for the catalogs; it is translated per language when used."""
    return message


NOT_SAID_HOW = N_("%(point)s — not said how")

# What each word sense (``intake/data/word_senses.json``, keyed by its name) means, for the
# codebook page, where a facilitator switches senses off. A sense without a title here is
# shown by its name; tests/test_codebook_senses.py asks for one per sense.
SENSE_TITLES: dict[str, str] = {
    "school_in_passing": N_("A school named only as a place or a time (dropping the children at school, after school)"),
    "witness_for_the_prosecution": N_("Being asked to be a witness, in a sentence about the prosecution"),
    "court_of_another_kind": N_("A court of another kind (traffic, small claims, eviction)"),
    "a_meeting_held": N_("A meeting being held (Somali uses the word for an arrest)"),
    "a_group_session": N_("A group or support session (Arabic uses the word for a court hearing)"),
    "bail_before_the_sentence": N_("Bail, told in the same sentence as the later prison sentence"),
    "a_social_worker_of_another_service": N_("A social worker of a hospital, clinic, shelter, school or community agency"),
    "a_home_like_a_jail": N_("A home described as a jail or a prison, not jail before a trial"),
    "a_home_like_a_prison": N_("A home described as a jail or a prison, not a sentence"),
    "a_job_s_probation": N_("The probation period of a new job"),
    "wanting_to_be_the_police": N_("A child who wants to be a police officer"),
    "a_court_on_screen": N_("A court on television or in a film"),
    "the_dash": N_("The dash between words (in Arabic, the same word as police)"),
    "a_school_in_a_saying": N_("A school in a saying (the school of life)"),
    "a_social_worker_beside_health_care": N_("A social worker, in a sentence about health care"),
    "a_trial_or_court_of_everyday_life": N_("A trial or court of everyday life (a free trial, a food court)"),
    "a_sentence_in_grammar": N_("A sentence that is written or spoken, not a prison sentence"),
    "an_officer_of_another_kind": N_("An officer who is not the police (a loan officer, a human resources officer)"),
    "a_place_of_worship_as_a_venue": N_("A place of worship only as a place (a wedding, its parking lot)"),
    "a_job_at_a_hospital": N_("A job at a hospital"),
    "a_fine_of_another_kind": N_("A traffic or parking fine"),
    "the_police_on_screen": N_("The police on television or in a film"),
    "a_job_at_a_jail": N_("A job at a jail or a prison, not jail before a trial"),
    "a_job_at_a_prison": N_("A job at a jail or a prison, not a sentence"),
    "a_case_of_another_kind": N_("A case of another kind in the sentence (an eviction, small claims, a traffic ticket)"),
    "a_judge_giving_custody": N_("A judge giving a parent the children or visits, in a sentence about custody"),
    "a_school_not_involved": N_("A school said to have had no part (it did not know, it was not involved)"),
    "everyday_words_not_the_prosecution": N_("Everyday words that are not the prosecution (pleading with someone, a pledge, something dropped off)"),
    "taking_the_children_somewhere": N_("Taking the children somewhere (to school, to a relative, away when leaving)"),
    "a_court_word_after_another_court": N_("A court in plain words, after a sentence about custody, a protection order or immigration"),
    "house_arrest": N_("House arrest (a sentence or a release condition served at home, not an arrest)"),
    "a_hearing_of_the_criminal_case": N_("A hearing of the criminal case (an arraignment, a first appearance), also beside a protection order or custody"),
    "a_hearing_before_trial": N_("A hearing before the trial (a pretrial hearing), not jail before a trial"),
    "a_police_station_as_a_landmark": N_("A police station named only as a landmark (across from the police station)"),
    "a_courthouse_as_a_landmark": N_("A courthouse named only as a place (across from it, its parking lot, a wedding there)"),
    "a_hospital_as_a_landmark": N_("A hospital named only as a landmark (its parking lot, near the hospital)"),
    "near_spellings_not_the_faith_community": N_("Everyday Hmong words a tone letter away from a faith word (txiv neej, a man, is not txiv neeb, a shaman; tuaj tsev, coming home)"),
    "everyday_hmong_words_not_an_arrest": N_("Everyday Hmong words that are not an arrest (ua ntej nws, before he, is not ntes nws, arrested him; ntes ntses, catching fish)"),
    "near_spellings_not_jail_before_trial": N_("Words spelled almost like bail or jail (the bailiff; Hmong kawm hauv, studying in, is not kaw hauv, locked in)"),
    "near_spellings_not_the_prosecution": N_("Everyday Hmong words a tone letter away from a prosecution word (kev foom koob hmoov, a blessing, is not kev foob, a charge)"),
    "near_spellings_not_the_sentence": N_("Everyday Hmong words a tone letter away from a sentence word (muaj txiv, having a husband, is not muaj txim, guilty)"),
    "the_county_s_other_offices": N_("Someone from the county's other offices (its attorney, jail, court or hospital), not child protection"),
    "ice_the_frozen_kind": N_("Ice that is frozen water (an ice pack, ice cream), not immigration enforcement (ICE)"),
}  # fmt: skip


def sense_title(name: str) -> str:
    """The English title of a word sense (translate it with the catalog); a sense added
    without a title is shown by its name."""
    return SENSE_TITLES.get(name) or name.replace("_", " ")


def point_only_key(intervention: str) -> str:
    return f"{intervention}.{UNSPECIFIED}"


def point_of(code_key: str) -> str | None:
    """The point of intervention of a point-only code's key, else None (a facilitator's own
    code is never one, whatever its name)."""
    if code_key.startswith(CUSTOM_PREFIX):
        return None
    point, dot, rest = code_key.rpartition(".")
    return point if dot and rest == UNSPECIFIED else None


class CodebookError(ValueError):
    """A codebook edit that cannot be saved; the message is for the facilitator."""


@dataclass(frozen=True)
class Part:
    """A point of intervention, a dimension, or a facilitator's own code."""

    key: str
    kind: str
    label: Mapping[str, str]
    patterns: Mapping[str, tuple[str, ...]]

    def to_data(self) -> dict[str, Any]:
        return {
            "label": dict(self.label),
            "patterns": {lang: list(p) for lang, p in self.patterns.items()},
        }


@dataclass(frozen=True)
class Code:
    key: str
    # (point, dimension) for a pair; (point,) for a point named without a dimension; one
    # custom part for a facilitator's own code.
    parts: tuple[Part, ...]

    @property
    def intervention(self) -> str | None:
        return self.parts[0].key if self.parts[0].kind == "intervention" else None

    @property
    def dimension(self) -> str | None:
        return self.parts[1].key if len(self.parts) > 1 else None

    def label(self, locale: str) -> str:
        # A Babel locale ("zh_Hans") names the language its first part does.
        locale = locale.split("_")[0]
        if self.intervention is not None and self.dimension is None:
            point = localise(self.parts[0].label, locale)
            return catalog_text(locale, NOT_SAID_HOW) % {"point": point}
        return " — ".join(localise(part.label, locale) for part in self.parts)

    def labels(self, languages: Sequence[str]) -> dict[str, str]:
        return {lang: self.label(lang) for lang in languages}


@dataclass
class Codebook:
    interventions: dict[str, Part]
    dimensions: dict[str, Part]
    custom: dict[str, Part] = field(default_factory=dict)
    disabled: set[str] = field(default_factory=set)
    version: int = 0  # 0: as shipped
    # Word senses (``coding.SENSES``, by name) a facilitator switched off: the matcher
    # skips them. Saved only when there are some, so that a codebook saved before senses
    # could be switched (all on) keeps its content and so its fingerprint.
    senses_off: frozenset[str] = frozenset()

    @cached_property
    def fingerprint(self) -> str:
        """Names the content (not the version number, which restarts at 0 when the shipped
        codebook changes in a release): coding sealed under one fingerprint is reused only
        while the codebook is exactly the same. Codebooks are never changed in place (every
        edit makes a new one), so computing this once is safe."""
        canonical = json.dumps(self.to_data(), ensure_ascii=False, sort_keys=True)
        return crypto.sha256_hex(canonical.encode("utf-8"))[:32]

    def parts(self) -> list[Part]:
        return [*self.interventions.values(), *self.dimensions.values(), *self.custom.values()]

    def part(self, key: str) -> Part:
        for part in self.parts():
            if part.key == key:
                return part
        raise KeyError(key)

    def all_codes(self) -> list[Code]:
        """Per point: one code per dimension, then the point with no dimension; then the
        facilitators' own codes."""
        codes: list[Code] = []
        for i in self.interventions.values():
            codes += [Code(f"{i.key}.{d.key}", (i, d)) for d in self.dimensions.values()]
            codes.append(Code(point_only_key(i.key), (i,)))
        codes += [Code(p.key, (p,)) for p in self.custom.values()]
        return codes

    def codes(self) -> list[Code]:
        """The codes in use (switched-off ones left out)."""
        return [c for c in self.all_codes() if c.key not in self.disabled]

    def code(self, key: str) -> Code | None:
        for c in self.all_codes():
            if c.key == key:
                return c
        return None

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "version": FORMAT,
            "interventions": {k: p.to_data() for k, p in self.interventions.items()},
            "dimensions": {k: p.to_data() for k, p in self.dimensions.items()},
            "custom": {k: p.to_data() for k, p in self.custom.items()},
            "disabled": sorted(self.disabled),
        }
        if self.senses_off:
            data["senses_off"] = sorted(self.senses_off)
        return data

    # -- edits (each returns a new codebook; ``save`` stores it) --------------------------
    def with_part(self, part: Part) -> Codebook:
        data = self.to_data()
        section = {"intervention": "interventions", "dimension": "dimensions"}.get(
            part.kind, "custom"
        )
        data[section][part.key] = part.to_data()
        return parse(data)

    def with_disabled(self, code_key: str, disabled: bool) -> Codebook:
        data = self.to_data()
        keys = set(data["disabled"])
        (keys.add if disabled else keys.discard)(code_key)
        data["disabled"] = sorted(keys)
        return parse(data)

    def with_sense_off(self, name: str, off: bool) -> Codebook:
        """The codebook with word sense ``name`` switched off (or on again)."""
        data = self.to_data()
        names = set(data.get("senses_off", ()))
        (names.add if off else names.discard)(name)
        data["senses_off"] = sorted(names)
        return parse(data)


class TooManyPatterns(CodebookError):
    """More patterns for one language than ``MAX_PATTERNS``."""


def clean_patterns(lines: Sequence[str]) -> tuple[str, ...]:
    """Patterns typed by a facilitator, one per line; refused with a reason if unusable."""
    patterns: list[str] = []
    for raw in lines:
        pattern = " ".join(raw.split())
        if not pattern or pattern in patterns:
            continue
        if len(pattern) > MAX_PATTERN_LENGTH:
            raise CodebookError(pattern[:20] + "…")
        if _FORBIDDEN.search(pattern):
            raise CodebookError(pattern)
        patterns.append(pattern)
    if len(patterns) > MAX_PATTERNS:
        raise TooManyPatterns(patterns[MAX_PATTERNS])  # the first one over the limit
    return tuple(patterns)


def _part(key: str, kind: str, raw: Any) -> Part:
    if not isinstance(raw, dict):
        raise CodebookError(key)
    label = {str(k): str(v) for k, v in (raw.get("label") or {}).items()}
    patterns = {
        str(lang): clean_patterns([str(p) for p in items])
        for lang, items in (raw.get("patterns") or {}).items()
    }
    return Part(key, kind, label, patterns)


def parse(data: Mapping[str, Any], version: int = 0) -> Codebook:
    dimensions = {k: _part(k, "dimension", v) for k, v in (data.get("dimensions") or {}).items()}
    if UNSPECIFIED in dimensions:
        raise CodebookError(UNSPECIFIED)  # would clash with the point-only codes
    interventions = {
        k: _part(k, "intervention", v) for k, v in (data.get("interventions") or {}).items()
    }
    disabled = set(data.get("disabled") or [])
    if _format_of(data) < FORMAT:
        disabled |= point_only_disabled(interventions, dimensions, disabled)
    return Codebook(
        interventions=interventions,
        dimensions=dimensions,
        custom={k: _part(k, "custom", v) for k, v in (data.get("custom") or {}).items()},
        disabled=disabled,
        version=version,
        senses_off=_names(data.get("senses_off")),
    )


def _names(raw: Any) -> frozenset[str]:
    """Sense names as saved; none (all senses on) for a codebook saved before senses could
    be switched off. A name no sense has any more is kept, and does nothing."""
    if raw is None:
        return frozenset()
    if not isinstance(raw, list) or not all(isinstance(n, str) for n in raw):
        raise CodebookError("senses_off")
    return frozenset(raw)


def _format_of(data: Mapping[str, Any]) -> int:
    raw = data.get("version")
    return raw if isinstance(raw, int) else 1


def point_only_disabled(
    interventions: Mapping[str, Any], dimensions: Mapping[str, Any], disabled: set[str]
) -> set[str]:
    """Point-only codes to switch off when reading a codebook saved before they existed
    (format 1): a point whose every code a facilitator switched off stays off. The same
    rule as migration 0004, for codebooks that arrive without it (an old backup)."""
    if not dimensions:
        return set()
    return {
        point_only_key(point)
        for point in interventions
        if all(f"{point}.{dimension}" in disabled for dimension in dimensions)
    }


@lru_cache(maxsize=1)
def shipped() -> Codebook:
    return parse(json.loads(SHIPPED_FILE.read_text(encoding="utf-8")))


# Run on the driver's own cursor: every submission reads the codebook in use, and coding at
# submission has a budget of 1 ms (an ORM query took half of it; a Core statement still
# costs three times the driver's call). Plain SQL that SQLite and PostgreSQL both read.
_LATEST = f"SELECT id, content FROM {CodebookVersion.__tablename__} ORDER BY id DESC LIMIT 1"  # noqa: S608 -- a constant table name, no input
# Parsed versions by id, with the text they were parsed from: a version is never edited,
# but tests (and a restored backup) may show another database's version under the same id,
# so the text is compared (a memory compare, where hashing it for a cache key reads it
# more slowly).
_PARSED: dict[int, tuple[str, Codebook]] = {}


def current(session: Session) -> Codebook:
    """The codebook in use: the newest saved version, else the shipped one. Read in the
    caller's transaction every time (another worker may have saved one); parsed once."""
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(_LATEST)
        latest = cursor.fetchone()
    finally:
        cursor.close()
    if latest is None:
        return shipped()
    version, content = latest
    known = _PARSED.get(version)
    if known is not None and known[0] == content:
        return known[1]
    codebook = parse(json.loads(content), version)
    if len(_PARSED) >= 8:
        _PARSED.pop(next(iter(_PARSED)), None)
    _PARSED[version] = (content, codebook)
    return codebook


def save(session: Session, codebook: Codebook, author: str | None) -> int:
    """Store ``codebook`` as the newest version (in the caller's transaction)."""
    row = CodebookVersion(
        created_at=clock.utcnow().replace(microsecond=0),
        created_by=author,
        content=json.dumps(codebook.to_data(), ensure_ascii=False, sort_keys=True),
    )
    session.add(row)
    session.flush()
    return row.id


def slug(text: str) -> str:
    from .text import fold

    words = re.findall(r"[a-z0-9]+", fold(text))
    return CUSTOM_PREFIX + ("_".join(words)[:40] or "code")
