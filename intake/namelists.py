"""The name lists redaction reads (``intake/data/redaction.json`` and the US Census's English
given names), kept apart from the redaction package so a reader that only needs to know
whether a word is a listed name does not load the redaction rules (about a second): coding
asks it before reading a typing slip as a word ("choua" is a name, not "chota").
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "redaction.json"

# The English given names of the US Census (the file's header says what was left out): the
# hand-written lists know the names people wrote in development quotes, and a common name
# nobody happened to write ("Jane hit me", "i called Leslie") stayed.
CENSUS_GIVEN_NAMES_FILE = Path(__file__).resolve().parent / "data" / "given-names-en-census.txt"

# Languages whose names are written in other scripts.
_NOT_LATIN = ("ar", "zh")


def load() -> dict[str, dict[str, list[str]]]:
    """The lists of every language, the census's names among the English given names."""
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    english = data.setdefault("en", {})
    english["given_names"] = english.get("given_names", []) + census_given_names()
    return data


def census_given_names() -> list[str]:
    lines = CENSUS_GIVEN_NAMES_FILE.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def latin_names() -> tuple[frozenset[str], frozenset[str]]:
    """Every listed given name and family name written in Latin letters, in lower case."""
    data = load()
    latin = [lang for lang in data if lang not in _NOT_LATIN]

    def every(key: str) -> frozenset[str]:
        return frozenset(w.lower() for lang in latin for w in data[lang].get(key, []))

    return every("given_names"), every("family_names")
