"""How many free-text answers each codebook pattern matched, so a facilitator sees a pattern
that never matches (dead) or matches a large share of answers (greedy) before trusting it.

Counted from the unlocked answers, in this worker's memory only (kept with the unlock's
``ThemeState``, gone with it); never stored. An answer counts once per pattern however
often the pattern occurs in it. A pattern is tried on answers in its own language and, as
in coding, English patterns on every answer. Counting 100,000 responses' answers takes tens
of seconds, so a page counts for a few seconds at most and the next one goes on from there.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from .aggregate import TextAnswer
from .codebook import Codebook, Part
from .coding import Matcher, fingerprint_of
from .text import normalise

PatternId = tuple[str, str, str]  # part key, language, pattern


@dataclass
class PatternUse:
    """Counts for one codebook over the first ``texts_done`` answers of an unlock."""

    texts_done: int = 0
    by_pattern: Counter[PatternId] = field(default_factory=Counter)
    by_part: Counter[str] = field(default_factory=Counter)
    by_language: Counter[str] = field(default_factory=Counter)  # answers read, per language

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
    codebook in which every pattern is a code of its own (so a hit names the pattern)."""

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

    def matched(self, text: str, language: str) -> set[PatternId]:
        normal = normalise(text).text
        return {
            self.ids[int(key)]
            for finder in self._matcher._for(language)
            for _kind, key, _a, _b in finder.find(normal)
        }

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
            found = self.matched(answer.text, answer.language)
            use.by_pattern.update(found)
            use.by_part.update({part for part, _lang, _p in found})


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
