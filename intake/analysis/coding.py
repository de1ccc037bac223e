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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

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
    """Chinese: all parts of one kind as one alternation, matched anywhere."""

    def __init__(self, parts: Iterable[Part], language: str) -> None:
        self.keys: list[tuple[str, str]] = []
        groups: list[str] = []
        for part in parts:
            alternatives = [
                r for r in (_pattern_regex(p, language) for p in part.patterns.get(language, ()))
            ]
            alternatives = [a for a in alternatives if a]
            if alternatives:
                # Longer patterns first, so "protection order" wins over "protect".
                alternatives.sort(key=len, reverse=True)
                self.keys.append((part.kind, part.key))
                groups.append("(" + "|".join(f"(?:{a})" for a in alternatives) + ")")
        self.regex = re.compile("|".join(groups)) if groups else None

    def find(self, text: str, _words: list[tuple[str, int, int]]) -> list[Hit]:
        if self.regex is None:
            return []
        return [
            (*self.keys[m.lastindex - 1], m.start(), m.end()) for m in self.regex.finditer(text)
        ]  # type: ignore[operator]


class _StemIndex:
    """Spaced languages: patterns indexed by their first stem, looked up word by word.

    Each word is looked up by its prefixes (a stem matches a word that starts with it), so
    matching costs a few dictionary lookups per word however large the codebook grows —
    much cheaper than one regular expression with hundreds of alternatives.
    """

    def __init__(self, parts: Iterable[Part], languages: Iterable[str]) -> None:
        languages = list(languages)
        self.arabic = "ar" in languages
        self.index: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        for part in parts:
            for language in languages:
                for pattern in part.patterns.get(language, ()):
                    stems = tuple(fold(pattern).split())
                    entry = (stems, part.kind, part.key)
                    if stems and entry not in self.index.get(stems[0], []):
                        self.index.setdefault(stems[0], []).append(entry)
        self.lengths = sorted({len(k) for k in self.index})

    def _forms(self, word: str) -> Iterator[tuple[str, int]]:
        """The word, and for Arabic the word without each possible proclitic."""
        yield word, 0
        if self.arabic:
            for prefix in _ARABIC_PROCLITICS:
                if word.startswith(prefix) and len(word) - len(prefix) >= 2:
                    yield word[len(prefix) :], len(prefix)

    def find(self, _text: str, words: list[tuple[str, int, int]]) -> list[Hit]:
        found: list[Hit] = []
        for i, (word, start, _end) in enumerate(words):
            for form, _offset in self._forms(word):
                for length in self.lengths:
                    if length > len(form):
                        break
                    for stems, kind, key in self.index.get(form[:length], ()):
                        last = i + len(stems) - 1
                        if last < len(words) and all(
                            words[i + j][0].startswith(stems[j]) for j in range(1, len(stems))
                        ):
                            found.append((kind, key, start, words[last][2]))
        return found


Hit = tuple[str, str, int, int]  # kind of part, part key, start, end (normalised text)
_WORDS = re.compile(r"\w+")
# Longest first: وال before و. The article and prepositions attach to the next word.
_ARABIC_PROCLITICS = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ك", "ل")


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
        self._finders: dict[str, list[_Expression | _StemIndex]] = {}

    def _for(self, language: str) -> list[_Expression | _StemIndex]:
        """One pass per sentence: the language's patterns and English ones, indexed together."""
        if language not in self._finders:
            parts = self.codebook.parts()
            if language in UNSPACED:
                self._finders[language] = [
                    _Expression(parts, language),
                    _StemIndex(parts, [FALLBACK_LANGUAGE]),
                ]
            else:
                self._finders[language] = [_StemIndex(parts, {language, FALLBACK_LANGUAGE})]
        return self._finders[language]

    def excerpts(self, text: str, language: str, question_key: str = "") -> list[Excerpt]:
        """Every sentence of ``text`` with its suggested codes (possibly none)."""
        implied = _implied_intervention(question_key, self.codebook)
        finders = self._for(language)
        found = []
        for index, (start, end) in enumerate(sentences(text)):
            sentence = normalise(text[start:end])
            words = [(m.group(0), m.start(), m.end()) for m in _WORDS.finditer(sentence.text)]
            seen: dict[str, set[str]] = {"intervention": set(), "dimension": set(), "custom": set()}
            if implied:
                seen["intervention"].add(implied)
            spans: list[tuple[int, int]] = []
            for finder in finders:
                for kind, key, a, b in finder.find(sentence.text, words):
                    seen[kind].add(key)
                    s, e = sentence.span(a, b)
                    spans.append((start + s, start + e))
            points, dims, custom = seen["intervention"], seen["dimension"], seen["custom"]
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
