"""Word lists of English and Spanish, read from pyspellchecker's frequency lists (MIT).

Two readers share them: redaction (a word no dictionary knows, where a person stands, may be
a name) and coding (a word no dictionary knows, one typing slip from a word a pattern finds,
is that word: "polcie", "arested"). Read the first time one of them needs a list, never at
import; kept as sets, so the lists themselves are let go (a worker holds about 20 MB for
English and 8 MB for Spanish). Without the package every list is empty and the rules that
read them are off.
"""

from __future__ import annotations

from functools import lru_cache


def word_counts(language: str) -> dict[str, int]:
    """pyspellchecker's frequency list for ``language`` (word: times seen), read afresh; empty
    without the package. Callers keep sets of its words and let the list go."""
    try:
        from spellchecker import SpellChecker
    except ImportError:  # pragma: no cover - installed with the app
        return {}
    return dict(SpellChecker(language=language, distance=1).word_frequency.dictionary)


@lru_cache(maxsize=1)
def english_words() -> dict[int, frozenset[str]]:
    """English words: all of them (key 0), and those seen more than 100 and 200 times; and
    more than 20,000 times, for the Spanish check (Spanglish), so the list is read once for
    both."""
    counts = word_counts("en")
    if not counts:
        return {}
    return {
        0: frozenset(counts),
        **{rare: frozenset(w for w, n in counts.items() if n > rare) for rare in (100, 200, 20000)},
    }


_ES_UNACCENT = str.maketrans("áéíóúüàèìòù", "aeiouuaeiou")


def unaccented(word: str) -> str:
    """A Spanish word in lower case without its accents (ñ stays: it is another letter)."""
    return word.lower().translate(_ES_UNACCENT)


@lru_cache(maxsize=1)
def spanish_words() -> dict[str, frozenset[str]]:
    """Spanish words without accents: all of them ("all"), and those seen more than 100 times
    ("common"); and English words seen more than 20,000 times ("english": Spanglish, "el
    landlord", "me hizo bullying"), shared with the English list rather than read twice."""
    counts = word_counts("es")
    if not counts:
        return {}
    return {
        "all": frozenset(unaccented(w) for w in counts),
        "common": frozenset(unaccented(w) for w, n in counts.items() if n > 100),
        "english": english_words().get(20000, frozenset()),
    }
