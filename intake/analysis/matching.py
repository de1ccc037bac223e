"""Finding a codebook's patterns in normalised text: the finders ``coding.Matcher`` uses.

A pattern is one or more words; each pattern word matches any text word that *starts*
with it (a whole text word only, for the languages in ``WHOLE_WORDS`` and for English pattern
words of one or two letters, ``whole_word``), and the words of a
phrase must be consecutive words of the text (whatever non-word characters stand between
them). Chinese patterns match anywhere.

Spaced languages (``WordIndex``): the regular-expression engine, in C, finds each text word
that starts a pattern *and* the longest pattern word it starts with. Every pattern word
that is a prefix of that one is worked out when the index is built, so one dictionary
lookup gives all the single-word patterns a text word matches, and the phrases it may
begin. A phrase's next word is matched the same way, against the words that may follow.
Python therefore does work only for the words that start a pattern, never letter by
letter (the letter-by-letter trie walk this replaced took about two thirds of the time of
coding a long answer; ``tests/test_coding_speed.py`` holds it as the reference the finder
must agree with).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from .codebook import Part
from .text import UNSPACED, fold

# A pattern hit: kind of part, part key, start, end (positions in the normalised text).
Hit = tuple[str, str, int, int]
# Arabic attaches conjunctions, prepositions and the article to the word: و ف ب ك ل ال لل.
ARABIC_PREFIX = r"(?:[وف]?(?:لل|[بكل]?(?:ال)?))?"
# Longest first: وال before و. One of these is taken off a phrase's first word.
ARABIC_PROCLITICS = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ك", "ل")
# Arabic typed in Latin letters (Arabizi) writes the article and the prepositions onto the
# word too ("elshorta", "belma7kama", "lal7abs", "wel2adi"). Taken off only before a pattern
# word of four letters or more, and never a single letter: English and Spanish words start
# with these letters as well ("alone", "brent" is no "rent", "frente" no "rente").
ARABIZI_PROCLITICS = (
    "wel", "wil", "wal", "bel", "bil", "fel", "fil", "lel", "lil", "lal", "3al", "el", "il", "al",
)  # fmt: skip
ARABIZI_SHORTEST = 4
# The kinds of part whose words a typing slip may be read as (``WordIndex.names_a_point``).
POINT_KINDS = frozenset({"intervention", "custom"})
WORDS = re.compile(r"\w+")
_LATIN_START = re.compile(r"[a-z0-9]")
_LATIN_END = re.compile(r"[a-z0-9]+$")
# Vietnamese words are syllables that never take an ending, and many share their first
# letters once tone marks are folded away ("lên tòa" in "lệnh tòa", "tòa" in "toàn"): its
# pattern words match whole syllables. Elsewhere a pattern word matches any word it starts
# ("deport" finds "deported").
WHOLE_WORDS = frozenset({"vi"})
# In English a pattern word of one or two letters (not a number) matches a whole word only:
# "the da said" must not find "the dad said", "the er" not "the error", "his po" not "his
# point" (numbers still start longer ones: "he got 1 year" finds "he got 18 years").
# So in Hmong (batch k), whose syllables end in a tone letter that makes another word: "tus
# da" (the DA) must not find "tus dab" (the spirit), "tus po" (the PO) not "tus poj niam".
SHORT_WORDS_WHOLE = frozenset({"en", "hmn"})


def whole_word(stem: str, language: str) -> bool:
    """Whether the pattern word ``stem`` of ``language`` matches only a text word equal to it."""
    return language in WHOLE_WORDS or (
        language in SHORT_WORDS_WHOLE and len(stem) <= 2 and not stem.isdigit()
    )


def pattern_regex(pattern: str, language: str) -> str:
    """One pattern as a regular expression (Chinese: the characters, anywhere)."""
    stems = fold(pattern).split()
    if not stems:
        return ""
    if language in UNSPACED:
        literal, alone_before, alone_after = unspaced_pattern(pattern)
        body = re.escape(literal)
        if alone_before:
            body = r"(?<![a-z0-9])" + body
        if alone_after:
            body += r"(?![a-z0-9])"
        return body
    body = r"\w*\s+".join(re.escape(s) for s in stems) + r"\w*"
    prefix = ARABIC_PREFIX if language == "ar" else ""
    return rf"(?<!\w){prefix}{body}"


def unspaced_pattern(pattern: str) -> tuple[str, bool, bool]:
    """A Chinese pattern as (its characters, folded and unspaced; whether no Latin letter or
    digit may stand right before it; whether none may stand right after it).

    Latin letters in a Chinese pattern ("da说", "个da", "ice来") are a word of their own: not
    the end of an English name ("Linda说") nor part of a longer word ("个dad", "police来"). A
    short one must also end where the text's word ends."""
    literal = "".join(fold(pattern).split())
    tail = _LATIN_END.search(literal)
    return (
        literal,
        _LATIN_START.match(literal) is not None,
        tail is not None and len(tail.group(0)) <= 3,
    )


_LATIN_LETTERS_AND_DIGITS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


class Expression:
    """Chinese: all parts' patterns matched anywhere, without overlap (so "叫了警察", 911,
    hides the police in "警察"). Where several patterns start at the leftmost place, the
    first in codebook order wins (parts in codebook order, each part's longer patterns
    first): the rule of one alternation of every pattern, which this is measured against
    (``tests/test_coding_speed.py``).

    That alternation made the engine try each of several hundred patterns at every
    character. Here one expression (a trie of the patterns' characters, ``
    longest_prefix_regex``) finds, in C, the next place a pattern starts and the longest
    pattern there; the patterns that could win at that place are the ones that are a prefix
    of it, worked out when the expression is built, so Python only picks the first of them
    whose Latin letters stand alone. About three times faster on a long Chinese answer."""

    def __init__(self, parts: Iterable[Part], language: str) -> None:
        self.keys: list[tuple[str, str]] = []
        # literal -> (rank, alone before, alone after, part's index): how it may match
        ways: dict[str, list[tuple[int, bool, bool, int]]] = {}
        rank = 0
        for part in parts:
            patterns = part.patterns.get(language, ())
            alternatives = [
                (pattern_regex(p, language), unspaced_pattern(p))
                for p in patterns
                if fold(p).split()
            ]
            if alternatives:
                # The alternation's order: longer expressions first, so "protection order"
                # wins over "protect" (a stable sort: equal lengths keep codebook order).
                alternatives.sort(key=lambda a: len(a[0]), reverse=True)
                group = len(self.keys)
                self.keys.append((part.kind, part.key))
                for _regex, (literal, before, after) in alternatives:
                    ways.setdefault(literal, []).append((rank, before, after, group))
                    rank += 1
        # For each pattern the trie may find, every pattern it starts with (itself too), in
        # the alternation's order: (length, alone before, alone after, part's index).
        self._choices: dict[str, tuple[tuple[int, bool, bool, int], ...]] = {}
        for literal in ways:
            found = [
                (rank, len(literal[:n]), before, after, group)
                for n in range(1, len(literal) + 1)
                for rank, before, after, group in ways.get(literal[:n], ())
            ]
            self._choices[literal] = tuple(way[1:] for way in sorted(found))
        self._search = re.compile(longest_prefix_regex(ways)).search if ways else None

    def spans(self, text: str) -> list[Found]:
        """(start, end, the part matched) for every match."""
        search = self._search
        if search is None:
            return []
        keys = self.keys
        choices = self._choices
        latin = _LATIN_LETTERS_AND_DIGITS
        found: list[Found] = []
        position = 0
        while (match := search(text, position)) is not None:
            start = match.start()
            position = start + 1  # no pattern may match here: try the next character
            for length, before, after, group in choices[match.group()]:
                end = start + length
                if (before and start and text[start - 1] in latin) or (
                    after and end < len(text) and text[end] in latin
                ):
                    continue
                found.append((start, end, (keys[group],)))
                position = end
                break
        return found

    def find(self, text: str) -> list[Hit]:
        """Every pattern hit."""
        return [(kind, key, a, b) for a, b, hits in self.spans(text) for kind, key in hits]


def longest_prefix_regex(stems: Iterable[str], conditions: dict[str, str] | None = None) -> str:
    """An expression matching the longest of ``stems`` that starts where it is tried (a
    trie: one pass in the regular-expression engine, no backtracking through hundreds of
    choices). Where a stem ends and longer ones go on, the rest is optional and greedy, so
    the engine goes as deep as a stem allows and falls back to the last stem passed.

    A stem in ``conditions`` ends a match only where its condition (an expression, usually
    a look-ahead) holds there; otherwise the engine falls back as if it were no stem."""
    trie: dict[str, Any] = {}
    for stem in stems:
        node = trie
        for char in stem:
            node = node.setdefault(char, {})
        node[""] = {}
    conditions = conditions or {}

    def render(node: dict[str, Any], path: str) -> str:
        chars = sorted(c for c in node if c)
        condition = conditions.get(path) if "" in node else None
        if not chars:
            return condition or ""
        branches = [re.escape(c) + render(node[c], path + c) for c in chars]
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" not in node:
            return body
        return f"(?:{body})?" if condition is None else f"(?:{body}|{condition})"

    return render(trie, "") if trie else r"(?!x)x"


# pattern words, kind, key, and for each pattern word whether it matches a whole word only
Entry = tuple[tuple[str, ...], str, str, tuple[bool, ...]]
Hits = tuple[tuple[str, str], ...]


class _Level:
    """The pattern words that may stand at one position of a phrase: the first word of
    every pattern, or the next word of the phrases that have begun. ``table`` maps each of
    them to what a text word starting with it matches: the parts whose pattern ends there
    (this word's and those of every shorter pattern word it starts with) and the level of
    the next word, for the phrases that go on (``None`` if none does); and, when some
    pattern wants this word whole, the same for a text word that is exactly this word."""

    __slots__ = ("_stems", "after", "match", "table")

    def __init__(self, entries: list[Entry]) -> None:
        ends: dict[tuple[str, bool], list[tuple[str, str]]] = {}
        rests: dict[tuple[str, bool], list[Entry]] = {}
        stems_here: set[str] = set()
        for stems, kind, key, wholes in entries:
            stems_here.add(stems[0])
            if len(stems) == 1:
                found = ends.setdefault((stems[0], wholes[0]), [])
                if (kind, key) not in found:
                    found.append((kind, key))
            else:
                rests.setdefault((stems[0], wholes[0]), []).append(
                    (stems[1:], kind, key, wholes[1:])
                )
        following: dict[tuple[tuple[str, bool], ...], _Level] = {}

        def level(begun: tuple[tuple[str, bool], ...]) -> _Level | None:
            # The phrases begun by any of those words go on as one level: a phrase matches
            # on its own words whatever other phrases began with.
            if not begun:
                return None
            if begun not in following:
                following[begun] = _Level([rest for b in begun for rest in rests[b]])
            return following[begun]

        self.table: dict[str, tuple[Hits, _Level | None, tuple[Hits, _Level | None] | None]] = {}
        for stem in stems_here:
            shorter = [(stem[:n], False) for n in range(1, len(stem) + 1)]
            hits = tuple(dict.fromkeys(pair for s in shorter for pair in ends.get(s, ())))
            begun = tuple(s for s in shorter if s in rests)
            exact = None
            if (stem, True) in ends or (stem, True) in rests:
                exact = (
                    tuple(dict.fromkeys([*hits, *ends.get((stem, True), ())])),
                    level(begun + (((stem, True),) if (stem, True) in rests else ())),
                )
            self.table[stem] = (hits, level(begun), exact)
        # ``match`` and ``after`` are compiled the first time a text reaches this level
        # (``__getattr__``): most levels of a large codebook's phrases are never reached in a
        # process, and compiling them all made building a matcher take most of a second.
        self._stems = stems_here

    def __getattr__(self, name: str) -> Any:
        # Called only while a slot is still unset: compile both, then plain slot reads.
        if name not in ("after", "match"):
            raise AttributeError(name)
        body = longest_prefix_regex(self._stems)
        # A word by itself (an Arabic word without its proclitic): the longest pattern word
        # it starts with.
        self.match = re.compile(body).match
        # The next word of the text, past any punctuation, from the end of a word.
        self.after = re.compile(rf"\W+({body})\w*").match
        return getattr(self, name)


def _worth_a_look(table: dict[str, Any]) -> dict[str, str]:
    """For each first pattern word that finds nothing by itself in a text word it starts
    (it only begins phrases, or it must be the whole word), where the text word is worth
    handing to Python: where the word ends there (when the whole word finds something), or
    where the next word starts a word of one of its phrases. Most such words are everyday
    words ("the", "to", "de", "mi") that begin a phrase or two; looked at in the engine,
    they cost Python nothing where no phrase goes on. A word passing this may still find
    nothing; one failing it would have found nothing (``spans`` decides as before)."""
    conditions = {}
    for stem, (hits, after, exact) in table.items():
        if hits:
            continue  # found in any word it starts
        ways = []
        if exact is not None and exact[0]:
            ways.append(r"(?!\w)")
        following = set(after._stems) if after is not None else set()
        if exact is not None and exact[1] is not None:
            following |= exact[1]._stems
        if following:
            ways.append(rf"(?=\w*\W+{longest_prefix_regex(following)})")
        conditions[stem] = "(?:" + "|".join(ways) + ")" if ways else r"(?!x)x"
    return conditions


class WordIndex:
    """Spaced languages: every pattern of ``parts`` in ``languages``, found word by word.
    Patterns of a language in ``WHOLE_WORDS`` match whole words only, and so do the short
    pattern words of a language in ``SHORT_WORDS_WHOLE`` (``whole_word``)."""

    def __init__(self, parts: Iterable[Part], languages: Iterable[str]) -> None:
        languages = list(languages)
        self.arabic = "ar" in languages
        entries: list[Entry] = []
        for part in parts:
            for language in languages:
                for pattern in part.patterns.get(language, ()):
                    stems = tuple(fold(pattern).split())
                    # A pattern word holding a non-word character never equals the start of
                    # a text word (words are runs of \w), so it can never match.
                    if stems and all(WORDS.fullmatch(s) for s in stems):
                        wholes = tuple(whole_word(s, language) for s in stems)
                        entries.append((stems, part.kind, part.key, wholes))
        self.first = _Level(entries)
        # Every word of every pattern, wherever it stands in its phrase (``finds``); and the
        # words of the patterns of points and of facilitators' own codes (``typos``).
        self.pattern_words = frozenset(stem for stems, *_ in entries for stem in stems)
        self.point_words = frozenset(
            stem for stems, kind, *_ in entries if kind in POINT_KINDS for stem in stems
        )
        self.point_stems = frozenset(
            stems[0] for stems, kind, *_ in entries if len(stems) == 1 and kind in POINT_KINDS
        )
        if self.arabic:
            # Any word a proclitic may hide a pattern in; its forms are then tried one by one.
            body = longest_prefix_regex(self.first.table)
            arabizi = "|".join(ARABIZI_PROCLITICS)
            self.starts = re.compile(rf"(?<!\w)(?:{ARABIC_PREFIX}|(?:{arabizi})(?=\w{{4}})){body}")
        else:
            # The longest pattern word the text word starts with, and the rest of the word;
            # only where something may be found there (``_worth_a_look``).
            body = longest_prefix_regex(self.first.table, _worth_a_look(self.first.table))
            self.starts = re.compile(rf"(?<!\w)({body})\w*")

    def find(self, text: str) -> list[Hit]:
        """Every pattern hit, with the whole words it covers."""
        return [(kind, key, a, b) for a, b, hits in self.spans(text) for kind, key in hits]

    def _alone(self, word: str) -> Hits:
        """The parts whose single-word patterns find the (folded) ``word`` standing alone (an
        Arabic word: in any of its forms without a proclitic)."""
        table = self.first.table
        found: Hits = ()
        for form, shortest in _forms(word) if self.arabic else ((word, 1),):
            stem = self.first.match(form)
            if stem is not None and stem.end() >= shortest:
                hits, _after, exact = table[stem.group(0)]
                if exact is not None and stem.end() == len(form):
                    hits = exact[0]
                found += hits
        return found

    def finds(self, word: str) -> bool:
        """Whether the patterns look for the (folded) ``word`` (``typos``: the words a slip
        may be read as): a pattern finds it standing alone, or it is a word of a phrase, or
        it starts with a phrase's word of five letters or more ("restrain" in
        "restraining"). Shorter phrase words count only whole: phrases also hold everyday
        words ("she", "are"), and the words that start with those are not what the codebook
        looks for."""
        if self._alone(word):
            return True
        words = self.pattern_words
        return word in words or any(word[:n] in words for n in range(5, len(word)))

    def reading(self, word: str) -> str | None:
        """The pattern word the (folded) ``word`` is found by (the longest it starts with),
        or ``None``: two words with the same reading match the same patterns ("arrested",
        "arrests")."""
        stem = self.first.match(word)
        if stem is not None:
            return stem.group(0)
        words = self.point_words
        return next((word[:n] for n in range(len(word), 6, -1) if word[:n] in words), None)

    def names_a_point(self, word: str) -> bool:
        """Whether the (folded) ``word`` is one a typing slip may be read as (``typos``): a
        single-word pattern of a point or of a facilitator's own code finds it, or it starts
        with a word of seven letters or more of such a phrase ("restraining"). Not the words
        of the dimensions or of the senses, nor the short words of phrases: those are
        everyday words ("said", "away", "blame", "humiliated", "because"), and a name or a
        word of another language one slip from them is no slip at all."""
        if any(kind in POINT_KINDS for kind, _key in self._alone(word)):
            return True
        words = self.point_words
        return any(word[:n] in words for n in range(7, len(word) + 1))

    def spans(self, text: str) -> list[Found]:
        """(start, end, parts) for every run of words that patterns matched."""
        found: list[Found] = []
        table = self.first.table
        if self.arabic:
            match_first = self.first.match
            word_at = WORDS.match
            for match in self.starts.finditer(text):
                begin = match.start()
                word = word_at(text, begin)
                if word is None:
                    continue
                end = word.end()
                for form, shortest in _forms(word.group(0)):
                    stem = match_first(form)
                    if stem is not None and stem.end() >= shortest:
                        hits, after, exact = table[stem.group(0)]
                        if exact is not None and stem.end() == len(form):
                            hits, after = exact
                        if hits:
                            found.append((begin, end, hits))
                        if after is not None and (going := after.after(text, end)) is not None:
                            _went_on(after, going, text, begin, found)
            return found
        for match in self.starts.finditer(text):
            begin, end = match.span()
            hits, after, exact = table[match.group(1)]
            if exact is not None and match.end(1) == end:
                hits, after = exact
            if hits:
                found.append((begin, end, hits))
            if after is not None and (going := after.after(text, end)) is not None:
                _went_on(after, going, text, begin, found)
        return found


# (start, end, the parts whose patterns matched there as (kind, key) pairs)
Found = tuple[int, int, tuple[tuple[str, str], ...]]


def _by_first_letter(prefixes: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Prefixes grouped by their first letter, in their order (longest first)."""
    grouped: dict[str, tuple[str, ...]] = {}
    for prefix in prefixes:
        grouped[prefix[0]] = (*grouped.get(prefix[0], ()), prefix)
    return grouped


# ``_forms`` runs for every Arabic word that may hold a pattern: only the proclitics that
# start with the word's letter are tried.
_ARABIC_BY_FIRST = _by_first_letter(ARABIC_PROCLITICS)
_ARABIZI_BY_FIRST = _by_first_letter(ARABIZI_PROCLITICS)


def _forms(word: str) -> Iterator[tuple[str, int]]:
    """The word, and the word without each Arabic proclitic it starts with (two letters left
    at least), or in Latin letters without each Arabizi one (four letters left); each with
    the fewest letters a pattern word must have to be found in it there."""
    yield word, 1
    first = word[:1]
    for prefix in _ARABIC_BY_FIRST.get(first, ()):
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            yield word[len(prefix) :], 1
    arabizi = _ARABIZI_BY_FIRST.get(first)
    if arabizi is not None and word.isascii():
        for prefix in arabizi:
            if word.startswith(prefix) and len(word) - len(prefix) >= ARABIZI_SHORTEST:
                yield word[len(prefix) :], ARABIZI_SHORTEST


def _follow(level: _Level, text: str, begin: int, end: int, found: list[Found]) -> None:
    """Phrases going on after the word ending at ``end``: the next word of the text."""
    match = level.after(text, end)
    if match is not None:
        _went_on(level, match, text, begin, found)


def _went_on(
    level: _Level, match: re.Match[str], text: str, begin: int, found: list[Found]
) -> None:
    """The phrases of ``level`` whose next word ``match`` found (``_follow``; ``spans`` asks
    ``level.after`` itself, so that a phrase going no further costs no call)."""
    hits, after, exact = level.table[match.group(1)]
    end = match.end()
    if exact is not None and match.end(1) == end:
        hits, after = exact
    if hits:
        found.append((begin, end, hits))
    if after is not None:
        _follow(after, text, begin, end, found)
