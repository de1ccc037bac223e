"""Rebuild intake/data/given-names-en-census.txt (its header says what it holds and why).

Not run by the app or the tests; kept so the list can be rebuilt and checked. It needs two
downloads that are not dependencies of the app:

    pip download names==0.3.0 --no-deps -d /tmp/names && tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    apt-get download wamerican && dpkg-deb -x wamerican_*.deb /tmp/wamerican

    .venv/bin/python scripts/build-census-given-names.py /tmp/names/names-0.3.0/names /tmp/wamerican

The US Census files (dist.female.first, dist.male.first) are public domain; SCOWL's
american-english list is only read to tell a name from a lower-case English word.
"""

import json
import re
import sys
import unicodedata
from pathlib import Path

from babel import Locale
from spellchecker import SpellChecker

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "intake" / "data"
OUT = DATA / "given-names-en-census.txt"
OTHER = ("es", "so", "vi", "zh", "ar", "hmn")

# One Vietnamese syllable typed without tones ("toi", "dang", "tien"), and one Hmong RPA
# syllable ("tou", "pao"): the lower-case name list is shared by every Latin-script language.
_VI_VOWELS = (
    "a|e|i|o|u|y|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uy|ieu|oai|oay|uoi|uya|uye"
    "|uou|ye|yeu|uu"
)
VIETNAMESE_SYLLABLE = re.compile(
    rf"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?(?:{_VI_VOWELS})"
    r"(?:c|ch|m|n|ng|nh|p|t)?$"
)
HMONG_SYLLABLE = re.compile(
    r"^(?:nplh|ntxh|nkh|nph|nqh|nrh|nth|ntsh|ntx|nts|npl|ndl|ml|hml|hm|hn|hny|ny|nk|np|nq|nr"
    r"|nt|pl|plh|kh|ph|qh|rh|th|ts|tsh|tx|txh|xy|dh|ch|[bcdfghjklmnpqrstvxyz])?"
    r"(?:aa|ee|oo|ai|au|aw|ia|ua|a|e|i|o|u|w)(?:ng)?[bsjvmgd]?$"
)
# The lists that already make a capitalised word a name (or a name only in context, as the
# word-names are meant to be): a census name there is left to them. Other keys that hold
# names ("arabizi_given_names", Arabic "names_beside_a_name") are read only in their own
# script or context, so the census still lists those names for English.
LISTED_KEYS = (
    "given_names",
    "family_names",
    "middle_names",
    "given_names_that_are_words",
    "given_names_that_are_virtues",
    "family_names_that_are_words",
)
SPANISH_WORD_SEEN = 1000  # times in pyspellchecker's Spanish list: "del", "esta", "buena"
# Holidays stay like months ("at Christmas and Easter he drinks"); redaction.json lists
# holidays only with their day ("4th of july"), so the names of the holidays are here.
HOLIDAYS = {"easter", "christmas", "thanksgiving", "halloween", "kwanzaa", "hanukkah", "ramadan"}
# The English days are no list of redaction.json (intake/redaction/words.py holds them), so
# they are named here too: the census lists "sunday" as a first name ("on Sunday" lost it).
DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def fold(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    ).lower()


def words_of(value, into: set[str]) -> None:
    if isinstance(value, dict):
        for item in value.values():
            words_of(item, into)
    elif isinstance(value, list):
        for item in value:
            words_of(item, into)
    elif isinstance(value, str):
        into.update(fold(w) for w in re.findall(r"[A-Za-zÀ-ỹ']+", value))


def other_languages_words(redaction: dict) -> set[str]:
    """Every word of the other languages' patterns, senses and non-name lists."""
    found: set[str] = set()

    def walk(node, language=None):
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, key if key in OTHER else language)
        elif isinstance(node, list):
            for value in node:
                walk(value, language)
        elif isinstance(node, str) and language:
            words_of(node, found)

    walk(json.loads((DATA / "codebook.json").read_text(encoding="utf-8")))
    walk(json.loads((DATA / "word_senses.json").read_text(encoding="utf-8")))
    for language in OTHER:
        for key, value in redaction.get(language, {}).items():
            if "name" not in key or key == "never_names":
                walk({language: value})
    return found


def main(census_dir: Path, wamerican_dir: Path) -> None:
    redaction = json.loads((DATA / "redaction.json").read_text(encoding="utf-8"))
    places = json.loads((DATA / "places.json").read_text(encoding="utf-8"))
    dictionary = wamerican_dir / "usr" / "share" / "dict" / "american-english"
    lower_words = {
        w.strip() for w in dictionary.read_text(encoding="utf-8").splitlines() if w[:1].islower()
    }
    listed: set[str] = set()
    avoid: set[str] = set()
    for lists in redaction.values():
        if not isinstance(lists, dict):
            continue
        for key, value in lists.items():
            lowered = {w.lower() for w in value} if isinstance(value, list) else set()
            if key in ("never_names", "months", "days", "places", "agencies", "peoples",
                       "role_words", "street_words", "titles_before", "titles_after"):  # fmt: skip
                avoid |= lowered
            elif key in LISTED_KEYS:
                listed |= lowered
    every_place = (
        places["places"]
        + places["counties"]
        + [
            p
            for lists in redaction.values()
            if isinstance(lists, dict)
            for p in lists.get("places", [])
        ]
    )
    avoid |= {p.lower() for p in every_place} | {n.lower() for n in places["also_names"]}
    avoid |= {w for p in every_place if len(p.split()) > 1 for w in p.lower().split()}
    for locale in ("en", "es", "so", "vi", "ar", "zh"):
        data = Locale.parse(locale)
        for name in [*data.territories.values(), *data.languages.values()]:
            if len(name.split()) == 1:
                avoid.add(fold(name))
    spanish = SpellChecker(language="es").word_frequency.dictionary
    others = other_languages_words(redaction)

    names = set()
    for source in ("dist.female.first", "dist.male.first"):
        for line in (census_dir / source).read_text(encoding="utf-8").splitlines():
            name = line.split()[0].lower()
            if (
                len(name) < 3
                or name in listed
                or name in lower_words
                or name in avoid
                or name in HOLIDAYS
                or name in DAYS
                or spanish.get(name, 0) >= SPANISH_WORD_SEEN
                or VIETNAMESE_SYLLABLE.match(name)
                or HMONG_SYLLABLE.match(name)
                or name in others
            ):
                continue
            names.add(name)
    header = [line for line in OUT.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    OUT.write_text("\n".join(header + sorted(names)) + "\n", encoding="utf-8")
    print(f"{len(names)} names written to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
