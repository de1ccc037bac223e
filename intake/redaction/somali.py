"""Somali words with their endings: a role, agency, day or place word with any Somali ending
or possessive, typed with or without its doubled letters ("Qareenkii", "Boolisku",
"Maxkamada", "Hooyadeed", "Garsoorihii", "Jimcaha", "Muqdishada"), is no part of a name
(``_somali_inflected_role``, read by ``words._role_word``); "3 mar" is three times; "me" and
"us" after the focus marker. The stems are built once with the other lists (``rules``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .rules import _Rules

# Any Somali ending on a noun: the article (k, g, t, d, h, sh) with its case or time ("-ka",
# subject "-ku", remote "-kii") or a possessive ("-kiisa", "-deed", "-hay", "-kaygii"):
# "Qareenkii", "Boolisku", "Hooyadeed", "Aabihiis", "Garsoorihii", "Odayaasha".
_SOMALI_INFLECTED = re.compile(
    r"(?:k|g|t|d|dd|h|sh)"
    r"(?:a|u|ii|uhu|ihii|ay|ey|ayda|eyda|ayga|eyga|aygii|eygii|aygu|eygu|iis|iisa|iisii|eed"
    r"|eeda|eedii|ood|ooda|oodii|eenna|eena|eenu|ayaga|ayagii|aa)(?:na)?"
)
_DOUBLED = re.compile(r"(.)\1+")

# "Hodan ma ihi" (I am not rich), "Nabad ma nihin": a word before "I/we am not" is what the
# speaker is not, an adjective or noun, not a person.
_SOMALI_AM_NOT = re.compile(r"\s+(?i:ma)\s+(?i:ihi|ahi|ihin|nihin|ahin|ahayn)(?!\w)")

# Before a place that is also a name (Hodan, a district of Mogadishu and a given name): living,
# settling, coming from, a district or a neighbourhood ("waxaan ku noolaa Hodan", "degmada
# Hodan"); not "u tagay" (went to), which leads to a person as often.
_SOMALI_BEFORE_A_PLACE = frozenset(
    {"ku noolaa", "ku nool", "ku noolayn", "ku noolahay", "ku noolnayn", "ku noolaayeen",
     "ku dhashay", "ku dhalatay", "ku koray", "ku barbaaray", "degganaa", "deggan",
     "degnaa", "degtay", "degay", "degnay", "degmada", "degmadda", "xaafadda", "xaafada",
     "ka imid", "ka imaaday", "ka yimid", "ka timid", "ka timaaday", "ka soo jeeda",
     "ka soo jeedaa", "u guuray", "u guurtay", "u guurnay", "u qaxay", "u qaxnay"}
)  # fmt: skip

# "3 mar" is three times in Somali ("booliska 3 mar ayaan wacay"), not the 3rd of March.
_SOMALI_TIMES = re.compile(r"\d{1,2}\s+(?i:mar)")
# After the focus marker, "me" or "us" as the object ("ayaa i garaacay", it hit me; "ayaa
# nagu qeyliyay"): what stands before the marker did something to the speaker.
_SOMALI_ME_AFTER_SUBJECT = frozenset(
    {"i", "igu", "iga", "ila", "na", "nagu", "naga", "nala", "ina", "inagu", "inaga", "inala"}
)


def _somali_skeletons(word: str) -> set[str]:
    """A Somali stem as typed on a phone, without its final vowel, with its doubled letters
    and with them single ("booliis", "bolis" → "bolis"; "garsoore", "garsor" → "garsor";
    "aabo", "aabi-" → "aab")."""
    return {re.sub(r"[aeiou]$", "", w) for w in (word, _DOUBLED.sub(r"\1", word))}


def _somali_stems(
    somali_lists: dict[str, list[str]],
    institutions: Iterable[str],
    roles: Iterable[str],
    places: Iterable[str],
    names: frozenset[str],
) -> frozenset[str]:
    """Skeletons of the one-word role, agency and day words and of the places that are no
    name: what is left of "Garsoorihii", "Maxkamada", "Isniinta", "Muqdishada" once the
    ending is off. Three letters are enough for the Somali words ("hooyo", "aabo"); another
    language's word needs four, so no short English word ("mom", "his") makes a name with a
    Somali-looking ending ("Misha", "Emeka") a role. ``somali_lists`` is the "so" section of
    redaction.json, ``roles`` every role word, ``places`` the shared places of places.json."""
    own = ("titles_before", "days", "agencies", "peoples", "role_words", "months")
    titles = {w.lower() for key in own for t in somali_lists.get(key, []) for w in t.split()}
    somali = (
        titles
        | {w.lower() for key in ("street_words", "places") for w in somali_lists.get(key, [])}
        | set(institutions)
    )
    others = set(roles) | {p.lower() for p in places if " " not in p}
    # A word listed with its ending gives its stem too: "walaashay" → "walaasheed",
    # "ninkayga" → "ninkiisa", "saraakiisha" → "saraakiishii".
    somali |= {
        w[:k] for w in titles for k in range(3, len(w) - 1) if _SOMALI_INFLECTED.fullmatch(w, k)
    }
    return frozenset(
        stem
        for words, shortest in ((somali, 3), (others, 4))
        for w in words
        if w.isascii() and w.isalpha() and w not in names
        for stem in _somali_skeletons(w)
        if len(stem) >= shortest
    )


def _somali_inflected_role(lower: str, rules: _Rules) -> bool:
    """A role, agency, day or place word with a Somali ending, spelled with or without the
    doubled letters ("Qareenkii", "Bolisku", "Maxkamada", "Garsoraha", "Jimcaha"); never a
    listed name, whatever it ends with. Any word with a Somali ending after a hyphen is a
    noun, never a name ("Hearing-ka", "Custody-ga", "Asylum-ka")."""
    return _inflected_role(lower, rules.names, rules.somali_stems)


@lru_cache(maxsize=4096)
def _inflected_role(lower: str, names: frozenset[str], stems: frozenset[str]) -> bool:
    head, _, tail = lower.rpartition("-")
    if (
        len(head) >= 2
        and head[-1].isalpha()
        and _SOMALI_INFLECTED.fullmatch(tail)
        and head not in names
    ):
        return True
    lower = re.sub(r"[-'’]", "", lower)
    if len(lower) < 4 or lower in names:
        return False
    # Every place the ending may start ("odaygii": oday + gii, not o + daygii); in
    # "maxkamada" the article's d is the noun's own (maxkamad + a), typed single.
    return any(
        _SOMALI_INFLECTED.fullmatch(lower, k)
        and not stems.isdisjoint(_somali_skeletons(lower[:k]) | _somali_skeletons(lower[: k + 1]))
        # an ending is ten letters at most ("ddayagiina")
        for k in range(max(2, len(lower) - 10), len(lower) - 1)
    )
