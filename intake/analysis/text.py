"""Text normalisation shared by coding, emerging themes and redaction.

Matching is done on a normalised copy of the text — lower case, accents and Arabic
short vowels removed, Arabic letter variants unified — with a map back to the original, so
a match can be highlighted (or removed) in the words the respondent actually wrote.
Traditional Chinese characters fold to simplified ones ("劉律師" reads as "刘律师"), one
character for one, from ``intake/data/zh-traditional.txt`` (built from OpenCC's tables by
``scripts/build-zh-traditional.py``).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_ARABIC = str.maketrans(
    {"đ": "d", "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ـ": None}
)


def _load_traditional() -> dict[str, str]:
    """Traditional character → simplified character, from the data file (one pair a line)."""
    path = Path(__file__).resolve().parent.parent / "data" / "zh-traditional.txt"
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            traditional, simple = line.split()
            table[traditional] = simple
    return table


_TRADITIONAL = _load_traditional()


def _compatibility_ideographs() -> dict[str, str]:
    """CJK compatibility ideographs (a second code point for 李, 樂…, from old encodings)
    as the one character they stand for, simplified: coding folds them so (NFKD), and a
    name written with one must be read by redaction too."""
    table = {}
    for first, last in ((0xF900, 0xFAFF), (0x2F800, 0x2FA1F)):
        for code in range(first, last + 1):
            char = chr(code)
            plain = unicodedata.normalize("NFKC", char)
            if len(plain) == 1 and plain != char:
                table[char] = _TRADITIONAL.get(plain, plain)
    return table


_TO_SIMPLIFIED = str.maketrans({**_TRADITIONAL, **_compatibility_ideographs()})


def simplified(text: str) -> str:
    """``text`` with traditional Chinese characters written as simplified ones, nothing else
    changed (one character for one: every position stays where it was). Redaction reads
    Chinese names in this copy and cuts them out of the text as written."""
    if text.isascii():
        return text
    return text.translate(_TO_SIMPLIFIED)


# Sentence ends in the shipped scripts (Latin, Chinese full-width, Arabic question mark): a
# stop or semicolon (full-width too) with white space after it, a full-width stop or ؟, or
# a new line, with any white space after them. Written to start with one class of
# characters, so the engine skips along the text in C (an alternation, or a look-behind,
# tried at every character was four times slower); ``sentences`` reads the rest.
_SENTENCE_END = re.compile(r"[.!?;；。！？؟\n](?:\s+|(?<=[。！？؟\n]))")
_FULL_STOPS = frozenset("。！？؟")

# Languages whose words are not separated by spaces: patterns match anywhere.
UNSPACED = frozenset({"zh"})


@dataclass(frozen=True)
class Normalised:
    text: str
    origin: Sequence[int]  # origin[i]: index in the original of normalised character i

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of normalised [start, end)."""
        if start >= len(self.origin):
            return (len(self.origin), len(self.origin))
        last = self.origin[end - 1] if end > start else self.origin[start]
        return (self.origin[start], last + 1)

    def replaced(self, fixes: Iterable[tuple[int, int, str]]) -> Normalised:
        """This text with each (start, end) replaced by its word, in order (the readers of
        answers as typed: ``typos``, ``spelling``, ``VietnameseTyping``). A replacing word's
        letters lead back into the word it replaces, its first to the first and its last to
        the last, so a match on it highlights what was written."""
        pieces: list[str] = []
        origin: list[int] = []
        old = self.origin
        text = self.text
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


def fold(text: str) -> str:
    """Normalise a pattern or a word (no position map needed)."""
    return normalise(text).text


def _fold_char(char: str) -> str:
    out = []
    for piece in unicodedata.normalize("NFKD", char.casefold()):
        if not unicodedata.combining(piece):  # accents, tone marks, Arabic harakat
            # Arabic letter variants unified; a traditional Chinese character simplified.
            out.append(_TRADITIONAL.get(piece) or piece.translate(_ARABIC))
    return "".join(out)


_FOLDED: dict[str, str] = {}
# Characters that do not fold to exactly one character (Arabic short vowels and tatweel
# vanish, a ligature becomes two letters): only text containing one needs a position map.
_UNEVEN: set[str] = set()


class _FoldTable(dict[int, str]):
    """``str.translate`` table folding each character, filled as characters are met."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = _fold_char(char)
        if len(folded) != 1:
            _UNEVEN.add(char)  # before the table knows it: a reader never misses it
        self[code] = folded
        return folded


_TABLE = _FoldTable()


def normalise(text: str) -> Normalised:
    if text.isascii():
        # Case folding an ASCII letter is lower-casing it; nothing else changes.
        return Normalised(text.lower(), range(len(text)))
    joined = text.translate(_TABLE)
    if _UNEVEN.isdisjoint(text):
        return Normalised(joined, range(len(text)))  # one for one: positions are unchanged
    folded = _FOLDED
    pieces = []
    for char in text:
        piece = folded.get(char)
        if piece is None:
            piece = folded[char] = _fold_char(char)
        pieces.append(piece)
    joined = "".join(pieces)
    if len(joined) == len(text) and all(len(p) == 1 for p in pieces):
        return Normalised(joined, range(len(text)))  # one for one: positions are unchanged
    origin = [index for index, piece in enumerate(pieces) for _ in piece]
    return Normalised(joined, origin)


# A full stop after these (or after a single letter, an initial) does not end a sentence:
# "Det. Garcia", "J. Smith" must stay in one excerpt, or a name would be cut from its title.
_ABBREVIATION = re.compile(
    r"(?:^|[\s(])(?:[^\W\d_]|dr|mr|mrs|ms|mx|det|sgt|lt|capt|ofc|st|jr|sr|no|nr|vs|rev|"
    r"prof|gen|col|cpl|dept|sra|srta|lic|ing|dra)\.$",
    re.IGNORECASE,
)


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences (excerpts) in ``text``, blank ones skipped.

    A sentence ends after a full-width stop or ؟ (which belongs to it), at white space
    after . ! ? and semicolons (full-width too), and at new lines. Run for every answer at
    submission, so written flat."""
    spans = []
    start = 0
    abbreviation = _ABBREVIATION.search
    for match in _SENTENCE_END.finditer(text):
        first, after = match.span()
        stop = text[first]
        if stop in _FULL_STOPS:
            end = first + 1  # the stop belongs to the sentence
        elif stop == "\n":
            # New lines end the sentence; white space between them makes none, and white
            # space after the last one begins the next sentence.
            end = first
            after = text.rfind("\n", first, after) + 1
        else:
            end = first + 1
            # After a full stop the stop may end an abbreviation or an initial: only after a
            # letter (``[^\W\d_]``: a letter or a non-decimal numeral), so the look-back is
            # skipped after "5." and after ! ? and the rest.
            if (
                stop == "."
                and first - 1 >= start
                and (before := text[first - 1]).isalnum()
                and not before.isdecimal()
                and text.find("\n", end, after) < 0
                and abbreviation(text[max(start, end - 8) : end])
            ):
                continue
        if end > start and not text[start:end].isspace():
            spans.append((start, end))
        start = after
    if start < len(text) and not text[start:].isspace():
        spans.append((start, len(text)))
    return spans


# Vietnamese as it is typed when the keyboard's Vietnamese input is off or skipped
# (``VietnameseTyping``). Matching folds tone and vowel marks away, so a word typed with
# Telex or VNI keys left in it ("canhr sats", "ca3nh sa1t": cảnh sát) is read as the same
# letters without them, a common shorthand as its words ("bv": bệnh viện), and two or three
# syllables of a pattern typed as one word ("canhsat", "toaan") as those syllables.
_VI_INITIALS = (
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
    "b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
)  # fmt: skip
# Rhymes with their marks folded away (â, ă → a; ê → e; ô, ơ → o; ư → u).
_VI_OPEN = frozenset((
    "a", "ai", "ao", "au", "ay", "e", "eo", "eu", "i", "ia", "iu", "ieu", "o", "oa", "oai",
    "oao", "oay", "oe", "oeo", "oi", "u", "ua", "uay", "ue", "ui", "uo", "uoi", "uou", "uu",
    "uy", "uya", "uyu", "y", "yeu",
))  # fmt: skip
_VI_CLOSED = {
    "a": "c ch m n ng nh p t",
    "e": "c ch m n ng nh p t",
    "i": "ch m n nh p t",
    "o": "c m n ng p t",
    "oo": "c ng",
    "u": "c m n ng p t",
    "ie": "c m n ng p t",
    "ye": "m n t",
    "oa": "c ch m n ng nh p t",
    "oe": "n t",
    "ua": "n ng t",
    "ue": "ch n nh t",
    "uo": "c m n ng p t",
    "uy": "ch n nh t",
    "uye": "n t",
}
_VI_RHYMES = _VI_OPEN | {v + f for v, finals in _VI_CLOSED.items() for f in finals.split()}
_VI_FRONT = ("e", "i", "y")


def vietnamese_syllable(word: str) -> bool:
    """Whether ``word`` (folded: lower case, no marks) is spelt as a Vietnamese syllable
    ("canh", "nguoi", "khong"; not "canhr", "sats", "police", "kid")."""
    for initial in _VI_INITIALS:
        if word.startswith(initial):
            rhyme = word[len(initial) :]
            if rhyme not in _VI_RHYMES:
                continue
            if initial in ("gi", "qu"):
                return True
            front = rhyme.startswith(_VI_FRONT)
            # k, gh and ngh before e, i, y only; c, g and ng never before them.
            if initial in ("k", "gh", "ngh") and not front:
                continue
            if (initial in ("c", "ng") and front) or (initial == "g" and rhyme[:1] in ("e", "y")):
                continue  # "gi", "gì", "gìn": g before i is gi
            return True
    return False


# VNI keys: 1 to 5 a tone, 6 a circumflex, 7 a horn, 8 a breve, 9 the bar of đ; a tone and a
# vowel mark may stand together ("he61t": hết, "quye62n": quyền).
_VNI_WORD = re.compile(r"[a-z]+(?:[1-9]{1,2}[a-z]*)+")
_VNI_PAIR = re.compile(r"[6-9][1-5]|[1-5][6-9]|[1-9]")
# Telex keys: s f r x j a tone (typed after the syllable or its vowel), aa ee oo a
# circumflex, aw ow uw (or w alone) a breve or a horn, dd the bar of đ.
_TELEX_TONES = "sfrxj"
_TELEX_MARKS = (("uow", "uo"), ("aw", "a"), ("ow", "o"), ("uw", "u"), ("aa", "a"),
                ("ee", "e"), ("oo", "o"), ("w", "u"))  # fmt: skip
_VI_WORD = re.compile(r"[a-z0-9]+")
# Shorthand typed for whole words (folded: "đc" is "dc").
VI_SHORTHAND = {
    "dc": "duoc", "dk": "duoc", "duoc": "duoc",
    "ko": "khong", "k": "khong", "kh": "khong", "hk": "khong", "hok": "khong", "khg": "khong",
    "ck": "chong", "vk": "vo", "ng": "nguoi", "ns": "noi", "vs": "voi", "bv": "benh vien",
    "bvien": "benh vien", "bs": "bac si", "csat": "canh sat", "gd": "gia dinh",
    "j": "gi", "z": "vay", "r": "roi",
}  # fmt: skip

# English abbreviations whose letters in lower case spell a Vietnamese word ("ông DA" and
# "ông đã", "cái TRO" and "cái trò" fold alike): written in capitals in an answer that is
# not, they are read as what they stand for.
VI_CAPITALS = {"DA": "district attorney", "TRO": "restraining order"}
_VI_CAPITALS_FOLDED = frozenset(c.lower() for c in VI_CAPITALS)


# Abbreviations whose letters in lower case are an everyday word, read as what they stand
# for where they are written in capitals, as a word of their own, in an answer not written
# all in capitals: "DA" folds to "da", a Spanish verb ("me da miedo"), a Somali ending and
# English slang for "the" ("da cops"), so the patterns can hold it only after words that
# settle it ("the da said"); "GAL" (the guardian ad litem) folds to "gal", a woman. A
# Somali ending may follow ("DA-da"). Not inside a code ("62-DA-FA-23", "DA/23") nor
# after a number ("5 GAL", gallons).
# Vietnamese has its own table (``VI_CAPITALS``), Chinese its own patterns ("个DA").
CAPITALS = {"DA": "district attorney", "GAL": "guardian ad litem"}
_IN_CAPITALS = re.compile(
    r"(?<![\w/.-])(?<!\d )(?:DA|GAL)(?=['\u2019]s\b|-(?:da|ga|ha|ka)\b|(?![\w/-]))"
)


# (ninth session review) Where "DA" is something else: the danger assessment an advocate
# does with a survivor ("we did the DA together, she scored 18"), domestic abuse in British
# usage ("the DA service"); "GAL" a gallon or a girl ("a GAL of milk", "his GAL"). In Spanish
# only after an article or a preposition ("el DA"): elsewhere it is the verb in capitals for
# emphasis ("NO ME DA dinero", "me DA miedo").
_NOT_THE_OFFICE_AFTER = frozenset(
    {"service", "services", "survivor", "survivors", "victim", "victims", "score", "scores",
     "screening", "screen", "tool", "form", "training", "awareness", "program", "programme",
     "refuge", "support", "worker", "workers", "perpetrator", "team", "champion", "case",
     "cases", "of"}
)  # fmt: skip
_NOT_THE_OFFICE_BEFORE = frozenset(
    {"did", "do", "does", "done", "doing", "completed", "complete", "completing",
     "administered", "filled", "scored", "conducted", "a", "his", "my", "her", "your"}
)  # fmt: skip
_ES_BEFORE_THE_OFFICE = frozenset({"el", "del", "al", "un", "con", "por", "para", "y", "que"})
_WORD = re.compile(r"[^\W\d_]+")


def _the_office(text: str, begin: int, end: int, language: str) -> bool:
    """Whether the abbreviation at ``text[begin:end]`` stands for the office, by its
    neighbours (``_NOT_THE_OFFICE_BEFORE``, ``_NOT_THE_OFFICE_AFTER``)."""
    before = [w.lower() for w in _WORD.findall(text[max(0, begin - 40) : begin])]
    previous = before[-1] if before else ""
    if previous in {"the", "a", "an"} and len(before) > 1:
        previous = before[-2]  # "did the DA", "completed a DA"
    if previous in _NOT_THE_OFFICE_BEFORE:
        return False
    rest = text[end:]
    if rest[:2] not in ("'s", "’s"):
        after = _WORD.match(rest.lstrip(" \t"))
        if after is not None and after.group().lower() in _NOT_THE_OFFICE_AFTER:
            return False
    if language == "es":
        return (before[-1] if before else "") in _ES_BEFORE_THE_OFFICE
    return True


def read_capitals(normal: Normalised, text: str, language: str = "en") -> Normalised:
    """``normal`` with each abbreviation of ``CAPITALS`` written in capitals read as what it
    stands for; the highlight still falls on the letters as written."""
    if ("DA" not in text and "GAL" not in text) or text.isupper():
        return normal
    origin = normal.origin
    fixes = []
    for match in _IN_CAPITALS.finditer(text):
        begin, end = match.span()
        if not _the_office(text, begin, end, language):
            continue
        start = bisect_left(origin, begin)
        stop = start + end - begin
        # Only where the letters are still letters of their own, one for one, after folding.
        if (
            list(origin[start:stop]) == list(range(begin, end))
            and normal.text[start:stop] == match.group().lower()
        ):
            fixes.append((start, stop, CAPITALS[match.group()]))
    return normal.replaced(fixes) if fixes else normal


def _telex(word: str) -> str | None:
    """The syllable ``word`` spells with Telex keys left in it ("canhr" → "canh", "bawts" →
    "bat", "leenhj" → "lenh", "ddanhs" → "danh"), or None."""
    tones = [len(word) - 1] if word[-1] in _TELEX_TONES else []
    first_vowel = next((i for i, c in enumerate(word) if c in "aeiouy"), len(word))
    tones += [i for i in range(first_vowel + 1, len(word) - 1) if word[i] in _TELEX_TONES]
    for cut in [*tones, None]:
        plain = word if cut is None else word[:cut] + word[cut + 1 :]
        if plain.startswith("dd"):
            plain = plain[1:]
        for typed, letter in _TELEX_MARKS:
            plain = plain.replace(typed, letter)
        if plain != word and vietnamese_syllable(plain):
            return plain
    return None


def _vni(word: str) -> str | None:
    """The syllable ``word`` spells with VNI digits in it ("ca3nh" → "canh", "d9uo63i" →
    "duoi"), or None."""
    if not _VNI_WORD.fullmatch(word):
        return None
    runs = re.findall(r"[1-9]+", word)
    if not all(_VNI_PAIR.fullmatch(run) for run in runs):
        return None
    plain = re.sub(r"[1-9]", "", word)
    return plain if vietnamese_syllable(plain) else None


# A join shorter than this ("nico": ni cô, a nun; "Nico", a name) is left as written.
JOIN_SHORTEST = 5


def keyed_syllable(word: str) -> str | None:
    """The syllable a (folded) word typed with Telex keys or VNI digits spells ("traanf" →
    tran, "nguye64n" → nguyen), or None for a word spelt as a syllable or as nothing: for
    redaction, which reads a Vietnamese name typed so ("Traanf Vawn Hungf")."""
    if vietnamese_syllable(word):
        return None
    return _telex(word) if word.isalpha() else _vni(word)


def syllable_joins(patterns: Iterable[str]) -> dict[str, str]:
    """Two to four consecutive syllables of the (Vietnamese) ``patterns``, typed as one
    word, and the syllables: {"canhsat": "canh sat", "toaan": "toa an"}. A join that is
    itself a syllable, or that two different runs of syllables spell, is left out."""
    joins: dict[str, str] = {}
    clashes: set[str] = set()
    for pattern in patterns:
        words = fold(pattern).split()
        for size in (2, 3, 4):
            for at in range(len(words) - size + 1):
                run = words[at : at + size]
                if not all(len(w) >= 2 and w.isalpha() and w.isascii() for w in run):
                    continue  # "otu" (ở tù), a number: too short, or no syllable
                joined = "".join(run)
                if joins.get(joined, " ".join(run)) != " ".join(run):
                    clashes.add(joined)
                joins[joined] = " ".join(run)
    for joined in clashes:
        del joins[joined]
    return {
        j: s for j, s in joins.items() if len(j) >= JOIN_SHORTEST and not vietnamese_syllable(j)
    }


class VietnameseTyping:
    """Reads Vietnamese typed without its keyboard, before the patterns are matched (as
    ``typos.Corrector`` reads slips in English and Spanish; ``correct`` has its shape):
    a word with Telex or VNI keys left in it as its letters ("canhr sats", "ca3nh sa1t"),
    a shorthand as its words ("bv", "dc", "ko"), and syllables of a pattern typed as one
    word as those syllables ("canhsat", "toaan": ``joins``).

    Only words that are not Vietnamese syllables as written and that no pattern looks for
    as written ("visa", "er") are read; an English word ("cops", "visa", "his", "teen") only
    in an answer that shows Telex or VNI keys in some other word ("coo giaos": cô giáo), and
    a very common one ("his", "bus", "box") never."""

    def __init__(
        self,
        joins: dict[str, str],
        english: frozenset[str] = frozenset(),
        common_english: frozenset[str] = frozenset(),
        pattern_words: frozenset[str] = frozenset(),
    ) -> None:
        self.joins = joins
        self._english = english
        self._common = common_english
        self._patterns = pattern_words
        self._cache: dict[str, tuple[str | None, bool, str | None]] = {}
        self._plain: set[str] = set()  # words read as written, whatever the answer

    def word_for(self, word: str, keyed: bool = True) -> str | None:
        """What the folded ``word`` is read as, or None to leave it as written; an English
        dictionary word only when ``keyed`` (the answer shows Telex or VNI keys)."""
        read = VI_SHORTHAND.get(word)
        if read is not None:
            return read if read != word else None
        if vietnamese_syllable(word) or word in self._patterns or word in self._common:
            return None
        if not word.isalpha():
            return _vni(word)
        if word in self._english:
            return _telex(word) if keyed else None
        # A join first: "toaan" is "tòa án", not Telex "toân".
        return self.joins.get(word) or _telex(word)

    def _entry(self, word: str) -> tuple[str | None, bool, str | None]:
        """How ``word`` is read in an answer without and with Telex or VNI keys elsewhere,
        and whether it shows such keys itself (remembered: answers repeat their words)."""
        entry = self._cache.get(word)
        if entry is None:
            if len(self._cache) > 100_000:
                self._cache.clear()
            read = self.word_for(word, False)
            keys = read is not None and word not in VI_SHORTHAND and word not in self.joins
            entry = (read, keys, self.word_for(word, True) if word in self._english else read)
            self._cache[word] = entry
            if read is None and entry[2] is None:
                if len(self._plain) > 100_000:
                    self._plain.clear()
                self._plain.add(word)
        return entry

    def correct(self, normal: Normalised, text: str = "") -> Normalised:
        """``normal`` with each word read as ``word_for`` reads it; the map back to the
        original still points at the words as written."""
        source = normal.text
        capitals = text and not text.isupper() and any(c in text for c in VI_CAPITALS)
        if not capitals:
            # The common case: every word already known to be read as written.
            words = set(_VI_WORD.findall(source))
            words.difference_update(self._plain)
            if not words or not any(self._entry(w)[2] or self._entry(w)[0] for w in words):
                return normal
        found = []
        keyed = False
        old = normal.origin
        entry = self._entry
        for match in _VI_WORD.finditer(source):
            word = match.group(0)
            if capitals and word in _VI_CAPITALS_FOLDED:
                begin, end = old[match.start()], old[match.end() - 1] + 1
                # Not inside a number or a code ("62-DA-FA-23", "DA-ga"): a word alone.
                if text[begin:end] in VI_CAPITALS and not (
                    text[begin - 1 : begin] in ("-", "/") or text[end : end + 1] in ("-", "/")
                ):
                    found.append((match.start(), match.end(), VI_CAPITALS[text[begin:end]]))
                    continue
            read, keys, english = entry(word)
            if read is not None or english is not None:
                found.append((match.start(), match.end(), word))
                keyed = keyed or keys
        if not found:
            return normal
        fixes = []
        for start, end, word in found:
            if word in VI_CAPITALS.values():
                read = word
            else:
                read, _keys, english = entry(word)
                if keyed:  # Telex or VNI in the answer: its English-looking words are read too
                    read = english
                if read is None:
                    continue
            fixes.append((start, end, read))
        return normal.replaced(fixes) if fixes else normal


def vietnamese_typing(*parts: Iterable[Any]) -> VietnameseTyping:
    """The reader for Vietnamese answers matched with these parts (a codebook's points,
    dimensions and own codes, and the senses): their Vietnamese patterns give the joins,
    their Vietnamese and English pattern words stay as written; so do pyspellchecker's
    English words (but in an answer typed with Telex or VNI keys: ``VietnameseTyping``)."""
    from .. import dictionaries

    patterns = [p for group in parts for part in group for p in part.patterns.get("vi", ())]
    words = {
        w
        for group in parts
        for part in group
        for language in ("vi", "en")
        for p in part.patterns.get(language, ())
        for w in fold(p).split()
    }
    english = dictionaries.english_words()
    joins = syllable_joins(patterns)
    every = english.get(0, frozenset())
    return VietnameseTyping(
        {j: s for j, s in joins.items() if j not in every},
        every,
        english.get(20000, frozenset()),
        frozenset(words),
    )
