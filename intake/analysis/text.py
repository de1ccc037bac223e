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
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

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


# Sentence ends in the shipped scripts: Latin, Chinese full-width, Arabic question mark.
_SENTENCE_END = re.compile(r"(?<=[.!?。！？؟;；])\s+|[。！？؟]|\n+")
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

    Run for every answer at submission, so written flat: the gap a match found is told
    apart by its first character (a full-width stop or ؟, or white space) rather than by
    copying it."""
    spans = []
    start = 0
    abbreviation = _ABBREVIATION.search
    for match in _SENTENCE_END.finditer(text):
        cut, after = match.span()
        if text[cut] in _FULL_STOPS:
            end = after  # a full-width stop or ؟ ends the sentence and belongs to it
        else:
            # White space after a stop (or new lines). After a full stop the stop may end
            # an abbreviation or an initial: only after a letter (``[^\W\d_]``: a letter
            # or a non-decimal numeral), so the look-back is skipped after "5." and after
            # ! ? and the rest.
            if (
                cut - 2 >= start
                and text[cut - 1] == "."
                and (before := text[cut - 2]).isalnum()
                and not before.isdecimal()
                and text.find("\n", cut, after) < 0
                and abbreviation(text[max(start, cut - 8) : cut])
            ):
                continue
            end = cut
        if not text[start:end].isspace() and end > start:
            spans.append((start, end))
        start = after
    if start < len(text) and not text[start:].isspace():
        spans.append((start, len(text)))
    return spans
