"""Typing slips in the words that name a point: "i called the polcie", "he got arested", "the
detectve never called", "restraning order", "me quedé en un refujio".

Answers are typed fast on phones, and a pattern matches only the letters it holds, so one
slip hides a point. Before the patterns are matched, a word that no dictionary knows and
that is one slip away from a word naming a point is read as that word: one letter missing,
one too many, one wrong, or two neighbours swapped (the optimal string alignment distance
of 1), never the first letter. Only such words are touched:

- a word of the English or the Spanish list stays what it is, in answers of either language
  ("he was polite" is not the police, "a policy", "the count"; "contable" in an English
  answer is Spanish, not "constable"), and so does a regular form of a listed Spanish verb
  ("llamaba" is not "llamada"; the Spanish list holds few conjugated forms);
- a word of four letters or fewer stays (names and words of other languages are too often
  one slip from "jail", "cops" or "said"), and so does a word longer than any slip could be
  (a run of letters, another script), which is not looked up at all;
- a word with a capital inside a sentence stays (most likely a name: "Jair" is not "jail"),
  unless the whole answer is written in capitals, and so does a name of redaction's lists
  typed in lower case ("choua" is not "chota");
- a word one slip from two words the patterns read differently stays, unless only one of
  them is common ("convition": conviction or condition); forms the patterns read alike are
  one reading ("arrestd": arrested or arrests);
- the words a slip is read as are common words of the patterns of points and of
  facilitators' own codes, never the everyday words of the dimensions or the senses
  ("afriad", "humilated" stay).

Which words those are is worked out once per codebook and language from the dictionary
itself (every common word a point's pattern finds), so a pattern a facilitator adds is
forgiven its slips as the shipped ones are; and, in Spanish, a point's own pattern word of
six letters or more is looked for at the start of a slip, for forms the list lacks
("arestaron": "arrest" + "aron"). The dictionaries are pyspellchecker's English and Spanish
lists (``intake.dictionaries``); Somali and Hmong have a reader of their spelling
(``spelling``), Vietnamese one of its keyboard (``text.VietnameseTyping``), and slips in
those and in Arabic and Chinese are not read.

The common case costs one set difference: the answer's words less the dictionaries', nearly
always a few names and nothing to look up. Nothing of an answer is kept after the call.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .. import dictionaries, namelists
from .matching import WordIndex
from .text import Normalised, fold

# Text words shorter than this are never read as another word.
SHORTEST = 5
# Languages with a dictionary (Spanish answers are also checked against English words, so
# an English word in a Spanish answer, "el shelter", is never read as a Spanish one).
LANGUAGES = frozenset({"en", "es"})
# A point's pattern word this long or longer is also looked for at the start of a slip.
_STEM = 6
# The most letters that may follow it there.
_ENDING = 4
_WORD = re.compile(r"\w+")
# What may stand between a sentence's end and its first word: a capital after these is the
# sentence's, not a name's.
_SENTENCE_ENDS = ".!?\n:;"
_OPENERS = " \t\"'“‘(*-"


@lru_cache(maxsize=2)
def _known(language: str) -> tuple[frozenset[str], ...]:
    """The words of English and Spanish, ``language``'s first, folded as the matcher folds
    text; empty without pyspellchecker."""
    english = dictionaries.english_words().get(0, frozenset())
    if not english:
        return ()
    # The matcher folds accents away: "fiancé" is read as "fiance".
    english_folded = frozenset(fold(w) for w in english if not w.isascii())
    # Spanish words are kept without accents but with ñ, which the matcher folds to n.
    # English answers are read against them too: Spanish is mixed into them ("he works as
    # a contable", "made me jurar"), and a Spanish word is no slip of an English one.
    spanish = frozenset(
        w.replace("ñ", "n") for w in dictionaries.spanish_words().get("all", frozenset())
    )
    if language == "en":
        return (english, english_folded, spanish)
    if not spanish:
        return ()
    return (spanish, english, english_folded)


# Spanish verb endings, without accents, by the infinitive's ending. pyspellchecker's
# Spanish list holds infinitives but few conjugated forms ("llamaba", "llegaron", "estaba"
# are not in it), so a word that is a regular form of a listed verb counts as known.
_SPANISH_ENDINGS = {
    "ar": ("o", "as", "a", "amos", "an", "aba", "abas", "abamos", "aban", "e", "es", "emos",
           "en", "aste", "aron", "ara", "aras", "aramos", "aran", "ase", "asen", "ando",
           "ado", "ada", "ados", "adas", "are", "aria", "arian", "aremos", "aran"),
    "er": ("o", "es", "e", "emos", "en", "ia", "ias", "iamos", "ian", "iste", "io", "ieron",
           "iera", "ieras", "ieran", "iese", "iendo", "ido", "ida", "idos", "idas", "a", "as",
           "amos", "an", "era", "eria", "erian"),
    "ir": ("o", "es", "e", "imos", "en", "ia", "ias", "iamos", "ian", "iste", "io", "ieron",
           "iera", "ieras", "ieran", "iese", "iendo", "ido", "ida", "idos", "idas", "a", "as",
           "amos", "an", "ira", "iria", "irian"),
}  # fmt: skip


def _spanish_verb_form(word: str, spanish: frozenset[str]) -> bool:
    """Whether ``word`` is a regular form of a verb whose infinitive ``spanish`` lists."""
    for infinitive, endings in _SPANISH_ENDINGS.items():
        for ending in endings:
            if word.endswith(ending) and word[: -len(ending)] + infinitive in spanish:
                return True
    return False


@lru_cache(maxsize=2)
def _common(language: str) -> frozenset[str]:
    """Words seen often, to choose between two words one slip away."""
    if language == "en":
        return dictionaries.english_words().get(200, frozenset())
    return frozenset(
        w.replace("ñ", "n") for w in dictionaries.spanish_words().get("common", frozenset())
    )


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


def _deletes(word: str) -> list[str]:
    return [word[:i] + word[i + 1 :] for i in range(len(word))]


def _slip_index(words: Iterable[str]) -> dict[str, list[str]]:
    """Each word under itself and under each of its one-letter deletions: a slip shares one
    of these keys with its word (``_near`` then checks that it is one slip)."""
    index: dict[str, list[str]] = {}
    for word in words:
        for key in (word, *_deletes(word)):
            index.setdefault(key, []).append(word)
    return index


def _near(typed: str, index: dict[str, list[str]]) -> list[str]:
    """The words of ``index`` that ``typed`` is one slip of, with the same first letter."""
    candidates = set(index.get(typed, ()))
    for key in _deletes(typed):
        candidates.update(index.get(key, ()))
    first = typed[0]
    return [word for word in candidates if word[0] == first and one_slip(typed, word)]


class Corrector:
    """Reads the slips in one language's answers as the words that name a point."""

    def __init__(
        self,
        known: tuple[frozenset[str], ...],
        common: frozenset[str],
        index: WordIndex,
        spanish_verbs: frozenset[str] | None = None,
    ) -> None:
        """``known``: the dictionaries a word may be in; ``common``: their common words;
        ``index``: the language's patterns (which words they find, which a slip may be read
        as, and by which pattern word); ``spanish_verbs``: the Spanish list, whose verbs'
        regular forms count as known (and only then are the points' single pattern words
        looked for at the start of a slip: the English list holds its forms)."""
        self._first, *self._others = known
        self._found = index.finds
        self._reading = index.reading
        self._common = common
        # Common words only: a rare word of the list is as often a slip or a name itself.
        targets = {w for w in common if len(w) >= SHORTEST and index.names_a_point(w)}
        self._index = _slip_index(targets)
        stems = [w for w in index.point_stems if len(w) >= _STEM and w.isalpha()]
        self._stem_index = _slip_index(stems)
        self._verbs = spanish_verbs
        self.targets = len(targets)
        # No slip is longer than this: a longer word (a run of letters, a pasted link) is
        # not looked up, so the work per word stays small whatever is typed.
        self._longest = max((len(w) for w in (*targets, *stems)), default=0) + 1 + _ENDING

    def word_for(self, typed: str) -> str | None:
        """The one word the (folded, unknown) ``typed`` is a slip of, if there is one."""
        near = _near(typed, self._index)
        if len(near) > 1 and len({self._reading(word) for word in near}) == 1:
            # Forms the patterns read alike ("arrestd": "arrested" or "arrests"): the one
            # closest in length.
            return min(near, key=lambda word: (abs(len(word) - len(typed)), word))
        if len(near) > 1:
            near = [word for word in near if word in self._common]
        if near:
            return near[0] if len(near) == 1 else None
        if self._verbs is None:
            return None
        # A point's pattern word with a slip, then a short ending: the longest such start.
        for length in range(len(typed), max(_STEM - 2, len(typed) - _ENDING - 1), -1):
            stems = _near(typed[:length], self._stem_index)
            if stems:
                return stems[0] + typed[length:] if len(stems) == 1 else None
        return None

    def correct(self, normal: Normalised, original: str) -> Normalised:
        """``normal`` (the normalised ``original``) with every slip read as its word, and
        positions still leading back to the words the respondent wrote."""
        text = normal.text
        unknown = set(_WORD.findall(text)).difference(self._first)
        for words in self._others:
            if unknown:
                unknown.difference_update(words)
        longest = self._longest
        unknown = {
            w
            for w in unknown
            if SHORTEST <= len(w) <= longest and w.isascii() and w.isalpha() and not self._found(w)
        }
        if unknown and self._verbs is not None:
            verbs = self._verbs
            unknown = {w for w in unknown if not _spanish_verb_form(w, verbs)}
        if not unknown:
            return normal
        shouting = original.isupper()
        fixes: list[tuple[int, int, str]] = []
        origin = normal.origin
        read: dict[str, str | None] = {}  # this answer's slips, each worked out once
        for match in _WORD.finditer(text):
            typed = match.group(0)
            if typed not in unknown:
                continue
            start, end = match.span()
            if not shouting and _capital_inside_a_sentence(
                original, origin[start], origin[end - 1] + 1
            ):
                continue
            if typed not in read:
                word = self.word_for(typed)
                read[typed] = None if word is None or _a_name(typed) else word
            word = read[typed]
            if word is not None:
                fixes.append((start, end, word))
        return normal.replaced(fixes) if fixes else normal


def _a_name(word: str) -> bool:
    """Whether ``word`` is a given or family name of redaction's lists: names are typed in
    lower case too ("choua" is no slip of "chota", the police)."""
    given, family = namelists.latin_names()
    return word in given or word in family


def _capital_inside_a_sentence(original: str, start: int, end: int) -> bool:
    """Whether the word at ``original[start:end]`` has a capital where no sentence begins:
    most likely a name."""
    if not original[start].isupper():
        return False
    i = start - 1
    while i >= 0 and original[i] in _OPENERS:
        i -= 1
    return i >= 0 and original[i] not in _SENTENCE_ENDS


def corrector_for(language: str, index: WordIndex) -> Corrector | None:
    """The corrector for ``language``'s answers, whose patterns ``index`` holds (see
    ``Corrector``); ``None`` for a language without a dictionary, or without
    pyspellchecker."""
    if language not in LANGUAGES:
        return None
    known = _known(language)
    if not known:
        return None
    return Corrector(known, _common(language), index, known[0] if language == "es" else None)
