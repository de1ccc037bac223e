"""Somali and Hmong as people type them: the spellings a pattern's letters miss.

Somali and Hmong have no dictionary here (``typos`` reads slips only in English and
Spanish), but both are written with habits that a rule can fold away, on the text and on the
patterns alike, before the patterns are matched:

- **Somali** writes vowel length and doubled consonants as the typist hears them:
  "bolliska", "boliiska", "maxkamaada", "isbitalka", "socdalka", "hooyga", "xirray" for
  "booliska", "maxkamadda", "isbitaalka", "socdaalka", "hoyga", "xiray". A text word is
  compared with the language's pattern words with every run of one letter written once
  ("maxkamadda" and "maxkamaada" are both "maxkamada"); where that finds a longer pattern
  word at the start of the text word than its letters as written do, the word is read in the
  pattern's spelling (the ending as written). Pattern words of fewer than four letters once
  folded are left out: short stems would find too much.
- **Hmong** (RPA) ends each syllable with its tone letter (b s j v m g d), and a phone
  drops it, swaps it, or doubles or drops the vowel before it: "tub cev xwm", "tub ceeb
  xwm", "tsev loj cug", "tsev hais plaug", "kws foo", "tsev kho moob". A syllable alone
  cannot be read that way — without its tone letter "ntes" (arrest) is "ntej" (before) and
  "ntev" (long) — so only a pattern of two syllables or more is read so: its syllables
  compared with the text's with the tone letter taken off and "ee", "oo" written once, and
  at least one syllable standing exactly as the pattern writes it ("rau ntej", to the front,
  is not "raug ntes"). Syllables run together ("tub ceevxwm", "tsevlojcuj") are taken apart
  where they are exactly a run of a pattern's syllables.

The text is rewritten as ``typos`` rewrites a slip (``text.Normalised.replaced``): positions still
lead back to what the respondent wrote, so a match highlights the words as typed. Other
languages are matched as written (``speller_for`` gives ``None``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import groupby
from typing import Any

from .. import dictionaries
from .codebook import Part
from .text import Normalised, fold
from .typos import _a_name, _capital_inside_a_sentence

LANGUAGES = frozenset({"so", "hmn"})
# A Somali pattern word must keep this many letters once folded to be looked for ("amar",
# an order, would read "Ammar", a name; "diime" the Spanish "dime").
SOMALI_SHORTEST = 5
# Folded pattern words that an everyday Somali word folds to as well: read only as written.
# "wadaad" (a man of religion) and "waddada" / "wadada" (the road) both fold to "wadad".
SOMALI_EVERYDAY = frozenset({"wadad"})
# A Somali text word shorter than this is read as written.
_SOMALI_WORD = 4
_WORD = re.compile(r"\w+")
_RUNS = re.compile(r"(.)\1+")
# A Hmong syllable in RPA: letters, a vowel, and perhaps one tone letter (English words
# such as "court" or "cps" do not end so and are left as they are).
_HMONG_SYLLABLE = re.compile(r"[a-z]*[aeiouw]([bsjvmgd])?")
_TONE_LETTERS = frozenset("bsjvmgd")
_UNSEEN = object()
# Syllables run together shorter than this are not taken apart.
_JOINED = 6


def somali_fold(word: str) -> str:
    """``word`` with every run of one letter written once ("booliiska" → "boliska")."""
    if _RUNS.search(word) is None:
        return word  # most words: no letter twice in a row
    return "".join(letter for letter, _run in groupby(word))


def _runs_regex(heads: Iterable[str]) -> str:
    """An expression for the whole text words whose letters, each run of one letter written
    once (``somali_fold``), start with one of ``heads``: a trie of the heads, each letter
    repeatable."""
    trie: dict[str, Any] = {}
    for head in heads:
        node = trie
        for letter in head:
            node = node.setdefault(letter, {})

    def render(node: dict[str, Any]) -> str:
        branches = [re.escape(c) + "+" + render(node[c]) for c in sorted(node)]
        if len(branches) <= 1:
            return "".join(branches)
        return "(?:" + "|".join(branches) + ")"

    return rf"(?<!\w){render(trie)}\w*" if trie else r"(?!x)x"


def _somali_end(word: str, folded_length: int) -> int:
    """Where in ``word`` the letters folding to its folded form's first ``folded_length``
    letters end (a run of one letter counts whole)."""
    i = 0
    n = len(word)
    for _ in range(folded_length):
        if i >= n:
            break
        letter = word[i]
        while i < n and word[i] == letter:
            i += 1
    return i


def hmong_fold(syllable: str) -> str:
    """A Hmong syllable without its tone letter and with "ee", "oo" written once ("ceev" →
    "ce", "moob" → "mo"); a word that is no RPA syllable stays as it is."""
    if not _HMONG_SYLLABLE.fullmatch(syllable):
        return syllable
    if syllable[-1] in _TONE_LETTERS and len(syllable) > 1:
        syllable = syllable[:-1]
    return syllable.replace("ee", "e").replace("oo", "o")


class Speller:
    """Reads one language's words in its patterns' spelling (see the module's docstring)."""

    def __init__(self, language: str, patterns: Iterable[str]) -> None:
        self.language = language
        words = [tuple(fold(p).split()) for p in patterns]
        words = [w for w in words if w and all(_WORD.fullmatch(s) for s in w)]
        # Somali: folded pattern word → the pattern word (the longest, if several fold alike).
        self._stems: dict[str, str] = {}
        self._heads: frozenset[str] = frozenset()
        # Hmong: the first two folded syllables → phrases (folded syllables, syllables),
        # longest first; and the first folded syllable and the second's letters in order (a
        # second syllable typed with two neighbours swapped) → the same.
        self._phrases: dict[tuple[str, str], list[tuple[list[str], tuple[str, ...]]]] = {}
        self._swaps: dict[tuple[str, str], list[tuple[list[str], tuple[str, ...]]]] = {}
        # Hmong: syllables run together → the syllables.
        self._joined: dict[str, tuple[str, ...]] = {}
        if language == "so":
            for stem in sorted({s for w in words for s in w}):
                key = somali_fold(stem)
                if (
                    len(key) >= SOMALI_SHORTEST
                    and stem.isalpha()
                    and key not in SOMALI_EVERYDAY
                    and len(stem) > len(self._stems.get(key, ""))
                ):
                    self._stems[key] = stem
            self._literal = frozenset(s for w in words for s in w if s.isalpha())
            # The folded pattern words' first letters: a word that starts otherwise is read
            # as written after one lookup.
            self._heads = frozenset(key[:SOMALI_SHORTEST] for key in self._stems)
            # Every text word whose letters, each run of one letter written once, start with
            # one of ``_heads`` ("booliiska": b+o+l+i+s+).
            self._candidates = re.compile(_runs_regex(self._heads))
        elif language == "hmn":
            for phrase in sorted(set(words)):
                if len(phrase) < 2:
                    continue
                key = [hmong_fold(s) for s in phrase]
                self._phrases.setdefault((key[0], key[1]), []).append((key, phrase))
                if len(phrase[1]) >= 3:
                    letters = "".join(sorted(phrase[1]))
                    self._swaps.setdefault((key[0], letters), []).append((key, phrase))
                for i in range(len(phrase) - 1):
                    for j in range(i + 2, len(phrase) + 1):
                        joined = "".join(phrase[i:j])
                        if len(joined) >= _JOINED:
                            self._joined.setdefault(joined, phrase[i:j])
            self._firsts = frozenset(a for a, _b in self._phrases) | {a for a, _b in self._swaps}
            for index in (self._phrases, self._swaps):
                for found in index.values():
                    found.sort(key=lambda item: (-len(item[0]), item[1]))

    def correct(self, normal: Normalised, original: str) -> Normalised:
        """``normal`` (the normalised ``original``) with its words read in the patterns'
        spelling, positions still leading back to the words as written."""
        if self.language == "so":
            fixes = self._somali(normal, original)
        else:
            fixes = self._hmong(normal.text)
        return normal.replaced(fixes) if fixes else normal

    def _somali(self, normal: Normalised, original: str) -> list[tuple[int, int, str]]:
        text = normal.text
        # Each word is read once per answer; nothing of an answer is kept after it (no
        # respondent's word outlives the call that reads it).
        seen: dict[str, str | None] = {}
        fixes = []
        origin = normal.origin
        shouting = original.isupper()
        # Only the words whose folded start is a pattern word's (found in C): the others
        # would read as written.
        for match in self._candidates.finditer(text):
            word = match.group(0)
            reading = seen.get(word, _UNSEEN)
            if reading is _UNSEEN:
                reading = seen[word] = self._somali_reading(word)
            if reading is None:
                continue
            start, end = match.span()
            # A capital inside a sentence is a name ("Barre", "Ayanle"), as for ``typos``.
            if not shouting and _capital_inside_a_sentence(
                original, origin[start], origin[end - 1] + 1
            ):
                continue
            fixes.append((start, end, reading))
        return fixes

    def _somali_reading(self, word: str) -> str | None:
        if len(word) < _SOMALI_WORD or not word.isalpha():
            return None
        # The patterns first (a few lookups), the word lists only for a word they would read.
        reading = self.somali_word(word)
        return None if reading is None or _other_word(word) else reading

    def somali_word(self, word: str) -> str | None:
        """``word`` in a pattern's spelling, where folding finds a longer pattern word at
        its start than its letters as written do; else ``None``."""
        folded = somali_fold(word)
        if folded[:SOMALI_SHORTEST] not in self._heads:
            return None
        stems = self._stems
        for n in range(len(folded), SOMALI_SHORTEST - 1, -1):
            stem = stems.get(folded[:n])
            if stem is None:
                continue
            if word.startswith(stem):
                return None  # written as the pattern writes it
            # A pattern word that the letters as written already find, as long once folded,
            # is as good: nothing to read.
            literal = self._literal
            for m in range(len(word), 0, -1):
                if word[:m] in literal:
                    if len(somali_fold(word[:m])) >= n:
                        return None
                    break
            return stem + word[_somali_end(word, n) :]
        return None

    def _hmong(self, text: str) -> list[tuple[int, int, str]]:
        # The text's words: (start, end, syllables as written or taken apart); and each
        # syllable with the index of its word, and folded.
        joined = self._joined
        words = _WORD.findall(text)
        owner: Sequence[int]
        if joined.keys().isdisjoint(words):
            owner = range(len(words))  # nearly always: no syllables run together
            written = words
        else:
            owner = []
            written = []
            for t, word in enumerate(words):
                syllables = joined.get(word, (word,))
                owner.extend([t] * len(syllables))
                written.extend(syllables)
        # Each syllable folded once per answer, and its letters in order (nothing kept after).
        seen: dict[str, str] = {}
        letters: dict[str, str] = {}
        for syllable in set(written).difference(seen):
            seen[syllable] = hmong_fold(syllable)
            letters[syllable] = "".join(sorted(syllable))
        folded: list[str] = list(map(seen.__getitem__, written))  # type: ignore[arg-type]
        phrases = self._phrases
        swaps = self._swaps
        # Where a phrase may begin: its first two syllables folded alike, or the second with
        # two neighbours swapped.
        firsts = self._firsts
        starts = [
            i
            for i in [i for i, a in enumerate(folded[:-1]) if a in firsts]
            if (folded[i], folded[i + 1]) in phrases
            or (folded[i], letters[written[i + 1]]) in swaps
        ]
        if not starts:
            return []
        readings: dict[int, list[str]] = {}  # word index → its syllables as read
        n = len(written)
        free = 0  # the first syllable no phrase has read yet
        for i in starts:
            if i < free:
                continue
            candidates = [
                *phrases.get((folded[i], folded[i + 1]), ()),
                *swaps.get((folded[i], letters[written[i + 1]]), ()),
            ]
            candidates.sort(key=lambda item: -len(item[0]))
            read = None
            best = -1
            for key, phrase in candidates:
                size = len(key)
                if read is not None and size < len(read[1]):
                    break  # longest first: a shorter phrase only where no longer one reads
                if i + size > n:
                    continue
                typed = written[i : i + size]
                if folded[i : i + size] != key:
                    # One syllable (not the first) typed with two neighbours swapped.
                    diffs = [k for k in range(1, size) if folded[i + k] != key[k]]
                    if len(diffs) != 1 or not _swapped(typed[diffs[0]], phrase[diffs[0]]):
                        continue
                first, last = owner[i], owner[i + size - 1]
                # A word taken apart must lie wholly inside the phrase.
                if (i > 0 and owner[i - 1] == first) or (i + size < n and owner[i + size] == last):
                    continue
                # A pattern syllable of one or two letters is no RPA syllable with its tone
                # taken off but an abbreviation ("tus po", the PO): it must stand as written.
                if any(len(b) <= 2 and a != b for a, b in zip(typed, phrase, strict=True)):
                    continue
                same = sum(a == b for a, b in zip(typed, phrase, strict=True))
                if same > best:
                    best = same
                    read = (same, phrase, first, last)
            if read is None or read[0] == 0:
                continue
            same, phrase, first, last = read
            size = len(phrase)
            apart = last - first + 1 < size  # a word taken apart
            if same < size or apart:
                for k in range(size):
                    readings.setdefault(owner[i + k], []).append(phrase[k])
            free = i + size
        if not readings:
            return []
        fixes = []
        for t, match in enumerate(_WORD.finditer(text)):
            syllables = readings.get(t)
            if syllables is None:
                continue
            word = match.group(0)
            if len(syllables) == len(joined.get(word, (word,))):
                reading = " ".join(syllables)
                if reading != word:
                    fixes.append((match.start(), match.end(), reading))
        return fixes


def _swapped(typed: str, syllable: str) -> bool:
    """Whether ``typed`` is ``syllable`` (three letters or more) with two neighbouring
    letters swapped ("nets" for "ntes")."""
    if len(typed) != len(syllable) or len(typed) < 3:
        return False
    diffs = [k for k in range(len(typed)) if typed[k] != syllable[k]]
    return (
        len(diffs) == 2
        and diffs[1] == diffs[0] + 1
        and typed[diffs[0]] == syllable[diffs[1]]
        and typed[diffs[1]] == syllable[diffs[0]]
    )


def _other_word(word: str) -> bool:
    """Whether ``word`` is an English or Spanish word ("yelling", "llama": Somali answers mix
    them in) or a given or family name of redaction's lists typed in lower case ("barre"):
    read as written."""
    if _a_name(word):
        return True
    english = dictionaries.english_words().get(0, frozenset())
    if word in english:
        return True
    return word in dictionaries.spanish_words().get("all", frozenset())


def speller_for(language: str, parts: Iterable[Part]) -> Speller | None:
    """The speller for ``language``'s answers, from the patterns of ``parts`` in that
    language; ``None`` for the other languages."""
    if language not in LANGUAGES:
        return None
    # The words of points, senses and a facilitator's own codes, not the dimensions' everyday
    # words ("amaan", safe, is not to be read as another word).
    patterns = [
        p for part in parts if part.kind != "dimension" for p in part.patterns.get(language, ())
    ]
    return Speller(language, patterns) if patterns else None
