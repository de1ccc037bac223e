"""How many free-text answers each codebook pattern matched, so a facilitator sees a pattern
that never matches (dead) or matches a large share of answers (greedy) before trusting it.

Counted from the unlocked answers, in this worker's memory only (kept with the unlock's
``ThemeState``, gone with it); never stored. An answer counts once per pattern however
often the pattern occurs in it. A pattern is tried on answers in its own language and, as
in coding, English patterns on every answer. Counting 100,000 responses' answers takes tens
of seconds, so a page counts for a few seconds at most and the next one goes on from there.

Word senses (``coding.SENSES``) are counted in the same pass: the answers in which one of
a sense's phrases occurs, whether the sense is switched on or off (so a facilitator sees
how much switching it matters). That is where the sense can apply; whether it changed a
suggestion there (the point's word inside the phrase, its 'with' points in the sentence)
would take a second coding pass over every answer, so it is not counted.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from .aggregate import TextAnswer
from .codebook import Codebook, Part
from .coding import FALLBACK_LANGUAGE, SENSES, Matcher, fingerprint_of, matcher_for
from .matching import Expression, WordIndex
from .text import UNSPACED

PatternId = tuple[str, str, str]  # part key, language, pattern
SENSE_KIND = "sense"  # a sense's phrases, keyed "s" + the sense's name


@dataclass
class PatternUse:
    """Counts for one codebook over the first ``texts_done`` answers of an unlock."""

    texts_done: int = 0
    by_pattern: Counter[PatternId] = field(default_factory=Counter)
    by_part: Counter[str] = field(default_factory=Counter)
    by_language: Counter[str] = field(default_factory=Counter)  # answers read, per language
    by_sense: Counter[str] = field(default_factory=Counter)  # answers with a sense's phrase

    def of(self, part: Part, language: str) -> list[tuple[str, int]]:
        """(pattern, answers matched) for one part's patterns in one language."""
        return [
            (p, self.by_pattern[(part.key, language, p)]) for p in part.patterns.get(language, ())
        ]

    def tried(self, language: str) -> int:
        """Answers the patterns of ``language`` were tried on (English ones: all)."""
        return self.texts_done if language == "en" else self.by_language[language]

    def dead(self, part: Part) -> int:
        """Patterns of ``part`` that matched no answer, in languages that had answers (a
        pattern in a language nobody wrote in has not been tried yet)."""
        return sum(
            1
            for language, patterns in part.patterns.items()
            if self.tried(language)
            for p in patterns
            if not self.by_pattern[(part.key, language, p)]
        )


class PatternCounter:
    """Finds which patterns an answer matched: the coding engine's own finders, over a
    codebook in which every pattern is a code of its own (so a hit names the pattern), and
    every word sense's phrases as a code per sense, passed over as the matcher does."""

    def __init__(self, codebook: Codebook) -> None:
        self.ids: list[PatternId] = []
        pseudo: dict[str, Part] = {}
        for part in codebook.parts():
            for language, patterns in part.patterns.items():
                for pattern in patterns:
                    key = str(len(self.ids))
                    self.ids.append((part.key, language, pattern))
                    pseudo[key] = Part(key, "custom", {}, {language: (pattern,)})
        self._matcher = Matcher(Codebook({}, {}, pseudo))
        self._parts = list(pseudo.values())
        self._senses = [
            Part(f"s{name}", SENSE_KIND, {}, sense.part.patterns)
            for name, sense in SENSES.items()
            if sense.point in codebook.interventions
        ]
        self._finders: dict[str, list[Expression | WordIndex]] = {}
        # Typing slips are read as the real codebook's matcher reads them (``typos``), so a
        # pattern counts the answers it names a point in; that matcher is the one coding
        # uses (one per codebook per process), so its reader of slips is built once.
        self._slips = matcher_for(codebook)

    def _for(self, language: str) -> list[Expression | WordIndex]:
        """The finders of ``Matcher._for``, with the senses' phrases (Chinese: a pass of
        their own, so that they do not hide the patterns' hits)."""
        if language not in self._finders:
            if not self._senses:
                self._finders[language] = self._matcher._for(language)
            elif language in UNSPACED:
                self._finders[language] = [
                    Expression(self._parts, language),
                    Expression(self._senses, language),
                    WordIndex([*self._parts, *self._senses], [FALLBACK_LANGUAGE]),
                ]
            else:
                self._finders[language] = [
                    WordIndex([*self._parts, *self._senses], {language, FALLBACK_LANGUAGE})
                ]
        return self._finders[language]

    def found(self, text: str, language: str) -> tuple[set[PatternId], set[str]]:
        """The patterns ``text`` matched, and the senses one of whose phrases it holds."""
        normal = self._slips.read(text, language).text
        patterns: set[PatternId] = set()
        senses: set[str] = set()
        for finder in self._for(language):
            for kind, key, _a, _b in finder.find(normal):
                if kind == SENSE_KIND:
                    senses.add(key[1:])
                else:
                    patterns.add(self.ids[int(key)])
        return patterns, senses

    def matched(self, text: str, language: str) -> set[PatternId]:
        return self.found(text, language)[0]

    def count(
        self, use: PatternUse, texts: Iterable[TextAnswer], deadline: float | None = None
    ) -> None:
        """Adds ``texts`` (the answers after ``use.texts_done``) to ``use``; stops early at
        ``deadline`` (``time.monotonic``), to go on from there next time."""
        for number, answer in enumerate(texts):
            if deadline is not None and number % 64 == 0 and time.monotonic() > deadline:
                return
            use.texts_done += 1
            use.by_language[answer.language] += 1
            found, senses = self.found(answer.text, answer.language)
            use.by_pattern.update(found)
            use.by_part.update({part for part, _lang, _p in found})
            use.by_sense.update(senses)


_COUNTERS: dict[str, PatternCounter] = {}


def counter_for(codebook: Codebook) -> PatternCounter:
    """One counter per codebook per process (the current one and perhaps the one before)."""
    key = fingerprint_of(codebook)
    counter = _COUNTERS.get(key)
    if counter is None:
        counter = PatternCounter(codebook)
        if len(_COUNTERS) >= 2:
            _COUNTERS.pop(next(iter(_COUNTERS)), None)
        _COUNTERS[key] = counter
    return counter
