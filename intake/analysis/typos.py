"""Typing slips in the words that name a point: "i called the polcie", "he got arested", "the
sherrif came", "restraning order", "llamé a la polisia".

Answers are typed fast on phones, and a pattern matches only the letters it holds, so one
slip hides a point. Before the patterns are matched, a word that no dictionary of the
language knows and that is one slip away from a word a pattern finds is read as that word:
one letter missing, one too many, one wrong, or two neighbours swapped (the optimal string
alignment distance of 1). Only such words are touched: a word the dictionary knows stays
what it is ("he was polite" is not the police, "a policy", "the count"), and so does a word
written with a capital inside a sentence (most likely a name: "Polcie" is left alone).

Which words a pattern finds is worked out once per codebook and language, from the
dictionary itself (every dictionary word the language's patterns match), so a pattern a
facilitator adds is forgiven its slips as the shipped ones are. The dictionaries are
pyspellchecker's English and Spanish lists (``intake.dictionaries``); the other shipped
languages have none, and their answers are matched as written.

The common case costs one set difference: the answer's words less the dictionary's, nearly
always a few names and nothing to look up.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from .. import dictionaries
from .text import Normalised

# Text words shorter than this are never read as another word: "cop"/"cup", "da"/"dad" are
# too close to everything. A four-letter word is read only as a longer one ("cort" as
# "court", "jial" needs a four-letter word and stays).
SHORTEST = 4
# Languages with a dictionary (Spanish answers are also checked against English words, so
# an English word in a Spanish answer, "el shelter", is never read as a Spanish one).
LANGUAGES = frozenset({"en", "es"})
_WORD = re.compile(r"\w+")
# What may stand between a sentence's end and its first word: a capital after these is the
# sentence's, not a name's.
_SENTENCE_ENDS = ".!?\n:;"
_OPENERS = " \t\"'“‘(*-"


@lru_cache(maxsize=2)
def _known(language: str) -> tuple[frozenset[str], ...]:
    """The words of ``language`` (and English, for Spanish), folded as the matcher folds
    text; empty without pyspellchecker."""
    english = dictionaries.english_words().get(0, frozenset())
    if language == "en":
        return (english,) if english else ()
    spanish = dictionaries.spanish_words().get("all", frozenset())
    if not spanish:
        return ()
    # The matcher's folding also takes the tilde off ñ ("niño" is read as "nino").
    return (frozenset(w.replace("ñ", "n") for w in spanish), english)


@lru_cache(maxsize=2)
def _common(language: str) -> frozenset[str]:
    """Words seen often, to choose between two words one slip away ("shelter", not "shelters")."""
    if language == "en":
        return dictionaries.english_words().get(200, frozenset())
    return frozenset(
        w.replace("ñ", "n") for w in dictionaries.spanish_words().get("common", frozenset())
    )


def _deletes(word: str) -> list[str]:
    return [word[:i] + word[i + 1 :] for i in range(len(word))]


def one_slip(typed: str, word: str) -> bool:
    """Whether ``typed`` is ``word`` with one letter missing, added or wrong, or two
    neighbouring letters swapped (and not ``word`` itself)."""
    if typed == word:
        return False
    n, m = len(typed), len(word)
    if n == m:
        diffs = [i for i in range(n) if typed[i] != word[i]]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and typed[diffs[0]] == word[diffs[1]]
            and typed[diffs[1]] == word[diffs[0]]
        )
    if abs(n - m) != 1:
        return False
    longer, shorter = (typed, word) if n > m else (word, typed)
    i = 0
    while i < len(shorter) and longer[i] == shorter[i]:
        i += 1
    return longer[i + 1 :] == shorter[i:]


class Corrector:
    """Reads the slips of one language's answers as the words a pattern finds."""

    def __init__(
        self,
        known: tuple[frozenset[str], ...],
        common: frozenset[str],
        found: Callable[[str], bool],
    ) -> None:
        """``known``: the dictionaries a word may be in; ``found``: whether the patterns find
        a (folded) word. The words to read slips as are the dictionaries' words ``found``
        accepts."""
        self._first, *self._others = known
        self._found = found
        targets = {w for words in known for w in words if len(w) >= SHORTEST and found(w)}
        # Each word under itself and under each of its one-letter deletions: a slip shares
        # one of these keys with its word (the lookup then checks it is one slip).
        index: dict[str, list[str]] = {}
        for word in targets:
            for key in (word, *_deletes(word)):
                index.setdefault(key, []).append(word)
        self._index = index
        self._common = common
        self.targets = len(targets)

    def word_for(self, typed: str) -> str | None:
        """The one word ``typed`` (folded, unknown to the dictionaries) is a slip of, if
        there is one."""
        index = self._index
        candidates = set(index.get(typed, ()))
        for key in _deletes(typed):
            candidates.update(index.get(key, ()))
        near = [word for word in candidates if one_slip(typed, word)]
        if len(near) > 1:
            # Two words one slip away ("cort": "court" or "cost"): the common one, if only
            # one is; otherwise the slip is not read at all.
            near = [word for word in near if word in self._common]
        return near[0] if len(near) == 1 else None

    def correct(self, normal: Normalised, original: str) -> Normalised:
        """``normal`` (the normalised ``original``) with every slip read as its word, and
        positions still leading back to the words the respondent wrote."""
        text = normal.text
        unknown = set(_WORD.findall(text)).difference(self._first)
        for words in self._others:
            if unknown:
                unknown.difference_update(words)
        unknown = {
            w for w in unknown if len(w) >= SHORTEST and w.isalpha() and not self._found(w)
        }
        if not unknown:
            return normal
        fixes: list[tuple[int, int, str]] = []
        origin = normal.origin
        for match in _WORD.finditer(text):
            typed = match.group(0)
            if typed not in unknown:
                continue
            start, end = match.span()
            if _capital_inside_a_sentence(original, origin[start], origin[end - 1] + 1):
                continue
            word = self.word_for(typed)
            if word is not None:
                fixes.append((start, end, word))
        if not fixes:
            return normal
        return _replaced(normal, fixes)


def _capital_inside_a_sentence(original: str, start: int, end: int) -> bool:
    """Whether the word at ``original[start:end]`` opens with a capital (and is not written
    all in capitals) where no sentence begins: most likely a name."""
    written = original[start:end]
    if not written[:1].isupper() or written.isupper():
        return False
    i = start - 1
    while i >= 0 and original[i] in _OPENERS:
        i -= 1
    return i >= 0 and original[i] not in _SENTENCE_ENDS


def _replaced(normal: Normalised, fixes: list[tuple[int, int, str]]) -> Normalised:
    """``normal`` with each (start, end) replaced by its word. A replacing word's letters
    lead back into the word it replaces (its first to the first, its last to the last), so a
    match on it highlights what was written."""
    pieces: list[str] = []
    origin: list[int] = []
    old = normal.origin
    text = normal.text
    at = 0
    for start, end, word in fixes:
        pieces.append(text[at:start])
        origin.extend(old[at:start])
        pieces.append(word)
        last = end - 1
        origin.extend(old[min(start + i, last)] for i in range(len(word) - 1))
        origin.append(old[last])
        at = end
    pieces.append(text[at:])
    origin.extend(old[at:])
    return Normalised("".join(pieces), origin)


def corrector_for(language: str, found: Callable[[str], bool]) -> Corrector | None:
    """The corrector for ``language``'s answers, whose patterns find a word when ``found``
    says so; ``None`` for a language without a dictionary (or without pyspellchecker)."""
    if language not in LANGUAGES:
        return None
    known = _known(language)
    if not known:
        return None
    return Corrector(known, _common(language), found)
