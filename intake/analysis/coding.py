"""Suggesting codes for free text: split into sentences, match the codebook's patterns.

One compiled expression per language and kind of part (points of intervention,
dimensions, facilitators' own codes) keeps matching to a few passes over each sentence.
A sentence is matched with the patterns of the language it was written in and, because
people mix in English words ("ICE", "CPS", "911"), the English ones too.

A question that is itself about one point of intervention (a listening-session summary
``police_summary`` or a follow-up ``police_effect``) counts as mentioning it, so "they made
it worse" under the police summary suggests police — made less safe.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .codebook import Code, Codebook, Part
from .text import UNSPACED, fold, normalise, sentences

FALLBACK_LANGUAGE = "en"
_QUESTION_SUFFIXES = ("_summary", "_effect")
# Arabic attaches conjunctions, prepositions and the article to the word: و ف ب ك ل ال لل.
_ARABIC_PREFIX = r"(?:[وف]?(?:لل|[بكل]?(?:ال)?))?"


@dataclass(frozen=True)
class Excerpt:
    """One sentence of an answer, with the codes suggested for it."""

    index: int  # position of the sentence in the answer: stable for the same text
    start: int
    end: int
    codes: tuple[str, ...]
    highlights: tuple[tuple[int, int], ...]  # spans in the answer that matched


def _pattern_regex(pattern: str, language: str) -> str:
    stems = fold(pattern).split()
    if not stems:
        return ""
    if language in UNSPACED:
        return "".join(re.escape(s) for s in stems)
    body = r"\w*\s+".join(re.escape(s) for s in stems) + r"\w*"
    prefix = _ARABIC_PREFIX if language == "ar" else ""
    return rf"(?<!\w){prefix}{body}"


class _Expression:
    """All parts of one kind in one language, as a single alternation of groups."""

    def __init__(self, parts: Iterable[Part], language: str) -> None:
        self.keys: list[str] = []
        groups: list[str] = []
        for part in parts:
            alternatives = [
                r for r in (_pattern_regex(p, language) for p in part.patterns.get(language, ()))
            ]
            alternatives = [a for a in alternatives if a]
            if alternatives:
                # Longer patterns first, so "protection order" wins over "protect".
                alternatives.sort(key=len, reverse=True)
                self.keys.append(part.key)
                groups.append("(" + "|".join(f"(?:{a})" for a in alternatives) + ")")
        self.regex = re.compile("|".join(groups)) if groups else None

    def find(self, text: str) -> list[tuple[str, int, int]]:
        if self.regex is None:
            return []
        return [(self.keys[m.lastindex - 1], m.start(), m.end()) for m in self.regex.finditer(text)]  # type: ignore[operator]


class Matcher:
    def __init__(self, codebook: Codebook) -> None:
        self.codebook = codebook
        self.codes: list[Code] = codebook.codes()
        self._by_pair: dict[tuple[str, str], str] = {}
        self._custom: dict[str, str] = {}
        for code in self.codes:
            if code.dimension is not None and code.intervention is not None:
                self._by_pair[(code.intervention, code.dimension)] = code.key
            else:
                self._custom[code.parts[0].key] = code.key
        self._expressions: dict[str, list[_Expression]] = {}

    def _for(self, language: str) -> list[_Expression]:
        if language not in self._expressions:
            cb = self.codebook
            self._expressions[language] = [
                _Expression(cb.interventions.values(), language),
                _Expression(cb.dimensions.values(), language),
                _Expression(cb.custom.values(), language),
            ]
        return self._expressions[language]

    def excerpts(self, text: str, language: str, question_key: str = "") -> list[Excerpt]:
        """Every sentence of ``text`` with its suggested codes (possibly none)."""
        implied = _implied_intervention(question_key, self.codebook)
        languages = [language] if language == FALLBACK_LANGUAGE else [language, FALLBACK_LANGUAGE]
        found = []
        for index, (start, end) in enumerate(sentences(text)):
            sentence = normalise(text[start:end])
            points: set[str] = {implied} if implied else set()
            dims: set[str] = set()
            custom: set[str] = set()
            spans: list[tuple[int, int]] = []
            for lang in languages:
                interventions, dimensions, own = self._for(lang)
                for kind, hits in ((points, interventions), (dims, dimensions), (custom, own)):
                    for key, a, b in hits.find(sentence.text):
                        kind.add(key)
                        s, e = sentence.span(a, b)
                        spans.append((start + s, start + e))
            codes = {self._by_pair[(p, d)] for p in points for d in dims if (p, d) in self._by_pair}
            codes |= {self._custom[c] for c in custom if c in self._custom}
            found.append(
                Excerpt(index, start, end, tuple(sorted(codes)), tuple(sorted(set(spans))))
            )
        return found


def _implied_intervention(question_key: str, codebook: Codebook) -> str | None:
    for suffix in _QUESTION_SUFFIXES:
        if question_key.endswith(suffix):
            point = question_key[: -len(suffix)]
            if point in codebook.interventions:
                return point
    return None


@lru_cache(maxsize=4)
def matcher_for(codebook_version: int, codebook: Codebook) -> Matcher:
    return Matcher(codebook)
