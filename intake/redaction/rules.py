"""The word lists (``intake/data/redaction.json``, ``intake/data/places.json``) and the patterns
compiled from them once per process (``_rules()``, a frozen ``_Rules``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..analysis.text import simplified
from ..namelists import latin_names
from ..namelists import load as _load
from .arabic import _ARABIC_STOP, _ARABIC_STREET, _arabic_spellings
from .chinese import _han_patterns
from .somali import _somali_stems
from .words import (
    _BEFORE_A_PLACE_WORDS,
    _COPULAS,
    _HAN,
    _HONORIFICS,
    _INSTITUTIONS,
    _LATIN_LETTER,
    _PLACE_AFTER,
    _PLACE_AFTER_COUNTY,
    _UNITS,
    _UPPER,
    _alternation,
)

# Cities, regions and counties where the people who answer live or came from: a theme, never
# a person (intake/data/places.json says how one that is also a name is read).
PLACES_FILE = Path(__file__).resolve().parent.parent / "data" / "places.json"


@dataclass(frozen=True)
class _Rules:
    titled: re.Pattern[str]  # Latin-script title + capitalised words
    titled_arabic: re.Pattern[str] | None
    arabic_names: frozenset[str]
    # Names that are also everyday words ("عادل" fair, "سلامة" safety): a name only beside a
    # title or another name.
    arabic_beside_name: frozenset[str]
    arabic_ordinary: frozenset[str]
    han_names: re.Pattern[str] | None
    given: frozenset[str]
    family: frozenset[str]
    case: re.Pattern[str]
    case_then_words: re.Pattern[str]
    # "he lives on Maple Avenue", "off Lake St": a named street is part of an address even
    # without the house number (English order: capitalised words, then the street word).
    named_streets: re.Pattern[str]
    dates: re.Pattern[str]
    addresses: re.Pattern[str]
    middle: frozenset[str]
    # Names matched in lower case: the quote's own language, English and Spanish only, so
    # "the dispatcher hung up" keeps its "hung" (a Vietnamese name).
    lowercase: dict[str, frozenset[str]]
    names: frozenset[str]  # every listed given, family and middle name, lower case
    ordinary: frozenset[str]  # stop words of every language: "When", "Cuando", "Markii"
    roles: frozenset[str]
    # Words that are a role only inside a longer title ("tswv" of "kws pab tswv yim"): before
    # a name, after a joiner, they are more of the name ("[name] thiab Tswv [name]").
    title_parts: frozenset[str]
    # Every title of every language, whole and in lower case ("txiv neeb", "kuv tus txiv").
    titles: frozenset[str]
    # Month names (one word each, every language): a month beside a name is a theme word
    # ("Jessica March 2020", "Axmed Cali Maarso ayuu…"), unless it is also a listed name.
    months: frozenset[str]
    places: re.Pattern[str]
    # A place that is also a listed name ("Austin", "Charlotte"), after a word that introduces
    # a place or before County/PD; and any "<Word> County".
    places_in_context: re.Pattern[str]
    han_places: re.Pattern[str] | None
    # "Jenny陈是社工": a Chinese surname written right after a Latin given name.
    han_after_name: re.Pattern[str] | None
    # What is left of a Somali role, agency, day or place word once its ending is off
    # ("Garsoorihii", "Maxkamada", "Isniinta"): ``somali._somali_inflected_role``.
    somali_stems: frozenset[str]


def _load_places() -> dict[str, list[str]]:
    data = json.loads(PLACES_FILE.read_text(encoding="utf-8"))
    return {
        "places": data["places"],
        "counties": data["counties"],
        "also_names": data.get("also_names", []),
    }


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = _load()

    def every(key: str, only: Iterable[str] | None = None) -> list[str]:
        langs = only if only is not None else data.keys()
        return [w for lang in langs for w in data.get(lang, {}).get(key, [])]

    latin = [lang for lang in data if lang not in ("ar", "zh")]
    titles_latin = _alternation(every("titles_before", latin))
    # A word, or an initial ("J.", or "j" before a word: a consonant, so that "a", "y",
    # "o" and the Vietnamese "ở" stay words); capitalisation is checked in redact().
    name_word = (
        rf"(?:{_LATIN_LETTER}(?:{_LATIN_LETTER}|['’-])+|{_LATIN_LETTER}\."
        rf"|(?i:[b-df-hj-np-tv-xz])(?=\s+{_LATIN_LETTER}{{2}}))"
    )
    titled = re.compile(
        # A Latin title may follow Chinese directly ("警察Officer Brown").
        rf"(?<!{_LATIN_LETTER})(?<![\d_])(?P<title>(?i:{titles_latin}))\.?(?P<comma>,)?\s+(?P<copula>(?i:{_alternation(_COPULAS)})\s+)?"
        # An honorific after a title starts a title of its own ("my ex, Mr. Bjornstad").
        rf"(?!(?i:{_alternation(_HONORIFICS | {'dr'})})\.?\s)"
        rf"(?P<name>{name_word}(?:\s+{name_word}){{0,3}})"
    )
    titled_arabic = None
    if "ar" in data:
        titled_arabic = re.compile(
            rf"(?<!\w)(?P<title>[وفبل]?(?:{_alternation(data['ar']['titles_before'])}))\s+(?P<name>\w+)(?:(?=\s+(?P<second>\w+)))?"
        )
    han, han_after_name = _han_patterns(data["zh"]) if "zh" in data else (None, None)
    try:
        import stopwordsiso

        arabic_ordinary = frozenset(stopwordsiso.stopwords("ar"))
        ordinary = frozenset(
            w.lower()
            for lang in data
            if stopwordsiso.has_lang(lang)
            for w in stopwordsiso.stopwords(lang)
        )
    except ImportError:  # pragma: no cover - installed with the app
        arabic_ordinary = ordinary = frozenset()
    # Hmong has no stop-word list there; each language adds the words that open a sentence.
    ordinary |= frozenset(w.lower() for w in every("ordinary_words"))
    case_words = _alternation(every("case_words"))
    # A court file number typed in groups with spaces ("27 FA 19 4412", "CV 2023 04 117",
    # "2023 JV 0412", "2023 04567") or with a spaced dash ("٢٠٢٣ - ٠٤٥٦٧"): every group goes,
    # where one run of characters left "FA 19 4412" beside the placeholder.
    grouped = (
        r"(?:\d{1,4}\s+)?[A-Z]{1,4}(?:(?:[\s-]+\d{2,}){2,4}|[\s-]+\d{3,})(?![\w-])"
        # the case type typed small after the county ("27 fa 19 4412")
        r"|\d{1,4}\s+[a-z]{2,4}(?:[\s-]+\d{2,}){2,4}(?![\w-])"
        # digit groups joined by a spaced dash or a space ("٢٠٢٣ - ٠٤٥٦٧", "2023 04567")
        r"|\d{2,}(?:\s*[-–]\s*\d{2,}){1,3}(?![\w-])"
        r"|\d{2,}(?:\s+\d{3,}){1,3}(?![\w-])"
    )
    case = re.compile(
        # Chinese and Arabic case words follow other letters directly ("我的案子编号是…").
        rf"(?P<words>(?i:(?<!{_LATIN_LETTER})(?<![\d_])(?:{case_words}))\s*(?:#|no\.?|nº|number|número|:)?\s*[:：#]?\s*"
        r"(?:(?:是|为|為)\s*)?)"
        # The number itself starts with a letter, a digit or a bracket, never a Chinese
        # character: "案件号码是CR-2023-5567" keeps its "码是".
        # Never 911 or an amount of time ("the 911 report", "kiiska 12 bilood": the case,
        # 12 months); a number in groups ("A# 214 556 778") goes whole; otherwise one run
        # of characters.
        rf"(?!(?:911|٩١١)(?![\w-]))(?![\d٠-٩]{{1,4}}\s*(?i:{_alternation(_UNITS)})(?!\w))"
        # nor an immigration form's name ("daim ntawv I-918": the form, not its number)
        r"(?![GIN]-\d{1,3}[A-Z]?(?![\w-]))"
        rf"(?:{grouped}|(?:A[-#]?\s?)?\d{{3}}[-\s]\d{{3}}[-\s]\d{{2,4}}(?![\w-])|"
        rf"(?:(?![{_HAN}])[\w(（])[\w()（）./\-]*\d[\w()（）./\-]*)"
        # A-numbers: A123456789, A-123-456-789, A# 123 456 789, also against Chinese
        # ("A号码是A205 118 907")
        r"|(?<![A-Za-z0-9])[Aa](?:[-#]\s?|\s)?\d{3}[-\s]?\d{3}[-\s]?\d{2,3}(?![\w-])"
        # Court file numbers such as 27-CR-23-00412, FC-2023-0042 or 30-2023-FL-0456 (every
        # group before the letters goes too, so no "30-" is left); an immigration form's
        # name ("I-360", the VAWA self-petition; "I-918", "N-400", "G-28") is no number.
        r"|(?<![A-Za-z0-9-])(?![GIN]-\d{1,3}[A-Z]?(?![\w-]))"
        r"(?:\d{1,4}-)*[A-Z]{1,4}-\d{2,}(?:[-/]\d+)*(?![\w-])"
    )
    # "mi expediente es el 12345", "so ho so cua toi la 45821", "case number yog 45821":
    # a few short words between the case word and the number; then the number needs four
    # digits or more and is no bare year ("my case in 2021 was dropped" keeps 2021).
    case_then_words = re.compile(
        rf"(?P<words>(?i:(?<!{_LATIN_LETTER})(?<![\d_])(?:{case_words}))(?:\s+(?![\d\[])[^\W\d_]{{1,6}}){{1,4}}?\s+)"
        # One quantifier over the number (the digit count is checked after): a nested one
        # backtracks exponentially on a long run of digits that does not end well.
        rf"(?P<number>{grouped}|(?!(?:19|20)\d\d(?![\w/-]))[A-Za-z]{{0,3}}[-#]?\d[\d./-]*(?<=\d)(?![\w-]))"
        # "open for 1200 days" is a duration, not a number of the case
        rf"(?!\s*(?i:{_alternation(_UNITS)})(?!\w))"
    )
    months = _alternation(every("months"))
    dates = re.compile(
        r"(?<!\d)\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}(?!\d)"
        r"|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]"
        r"|\d{1,2}\s*月\s*\d{1,2}\s*[日号]"
        # with and without tone marks: "ngày 14 tháng 2", "ngay 14 thang 2"
        # and a year of two digits ("ngày 3 tháng 3 năm 88")
        r"|(?i:ng[àa]y\s+\d{1,2}\s+th[áa]ng\s+\d{1,2}(?:\s+n[ăa]m\s+(?:\d{4}|\d{2}(?!\d)))?)"
        # Hmong with a month's number: "hnub tim 12 lub 3 hlis 1990" (the day, then "lub 3
        # hlis"); "lub 3 hlis" alone is a month and stays, "3 lub hlis" is three months.
        r"|(?<!\d)\d{1,2}\s+(?i:lub)\s+\d{1,2}\s+(?i:hlis?)(?!\w)(?:\s+(?:(?i:xyoo)\s+)?\d{4}(?!\d))?"
        # "3da Maarso 1990": a Somali ordinal ending on the day
        rf"|(?<!\d)(?:\d{{1,2}}(?:-?(?i:da|aad|ka)(?!{_LATIN_LETTER}))?\s+(?:(?i:de)\s+)?)(?i:{months})(?!{_LATIN_LETTER})(?:,?\s+(?:(?i:de|del|xyoo|năm)\s+)?\d{{4}}|\s+(?i:de|del)\s+\d{{2}}(?!\d))?"
        # "the 4th of July 1990"
        rf"|(?<!\w)(?i:the\s+)?\d{{1,2}}(?i:st|nd|rd|th)\s+(?i:of)\s+(?i:{months})(?!{_LATIN_LETTER})(?:,?\s+\d{{4}})?"
        # A month before its day or year; the look-ahead for a digit keeps the long list of
        # month names from being tried at every letter (redaction runs on every quote shown).
        rf"|(?=\D{{2,24}}\d)(?<!{_LATIN_LETTER})(?i:{months})(?!{_LATIN_LETTER})"
        # "May 3", "May 3rd, 1990"; a month with only a year ("March 2020") stays, as a
        # month without a day does (issue 18: months without a day are theme words).
        r"\s+\d{1,2}(?:st|nd|rd|th)?(?!\d)(?:,?\s+\d{4})?"
    )
    streets = _alternation(every("street_words"))
    latin_places = _alternation(w for w in every("places") if not re.match(rf"[{_HAN}]", w))
    # "1450 شارع ميشيغان ديربورن": the city after the street name stays.
    arabic_places = _alternation(every("places", ["ar"]))
    addresses = re.compile(
        # "calle 5 de Mayo", "Av. 16 de Septiembre": a Mexican street named for a date
        rf"(?<!\w)(?i:{_alternation(_STREETS_NAMED_FOR_A_DATE)})\.?\s+\d{{1,2}}\s+(?i:de)\s+(?i:{months})(?!\w)"
        # "12th Ave", "on 3rd Street": a numbered street
        r"|(?<!\w)\d{1,3}(?i:st|nd|rd|th)\s+(?i:street|st|avenue|ave|road|rd|boulevard|blvd)\.?(?!\w)"
        # 幸福小区3栋2单元501室: a housing estate, its building, entrance and flat
        rf"|(?:(?![住在到去来是的了我你他她])[{_HAN}]){{1,10}}(?:小区|社区|花园|新村|公寓|大厦|村)\s*\d{{1,4}}\s*(?:栋|号楼|幢|座|号)(?:\s*\d{{1,5}}\s*(?:单元|层|楼|室|号))*(?:\s*\d{{1,5}}(?!\d))?"
        # 4410 شارع وارن, 12 شارع الملك فهد, 12 بشارع الرشيد: Arabic has no capitals, so the
        # street name is the one or two words after the street word, up to a preposition or و.
        rf"|(?<!\w)\d{{1,6}}\s+[بف]?(?:{_ARABIC_STREET})(?:\s+(?!(?:{_ARABIC_STOP}|{arabic_places})(?!\w))[\u0600-\u06ff]+){{1,2}}"
        # 1702 W Broadway, 136-20 Main St: a direction before a capitalised street name
        rf"|(?<!\w)\d{{1,6}}(?:-\d{{1,4}})?\s+(?:[NSEW]|NE|NW|SE|SW|North|South|East|West)\.?"
        rf"\s+{_UPPER}[\w'’-]+(?:\s+(?i:{streets})(?!\w))?"
        # Main St 136-20号: an English street name written the Chinese way round
        rf"|{_UPPER}[\w'’-]*\s+(?i:{streets})\.?\s*\d{{1,6}}(?:-\d{{1,4}})?\s*号"
        # 45 đường Lê Lợi, 12 Waddada Maka: the capitalised street name after the street word
        rf"|(?<!\w)\d{{1,6}}[A-Za-z]?\s+(?:(?i:de\s+la|del|de)\s+)?(?P<lead>(?i:{streets}))(?P<named>(?:\s+{_UPPER}[\w'’-]*)+)"
        rf"|(?<!\w)\d{{1,6}}[A-Za-z]?\s+(?P<middle>(?:[\w'’.-]+\s+){{0,3}}?)(?P<street>(?i:{streets}))(?!\w)"
        # "la 3a avenida 1520": the house number after the street
        r"(?:\s+#?\d{3,6}[A-Za-z]?(?![\w-]))?"
        # "guriga … 2100 Riverside Ave", but not the "St" of "St Paul 3 zaug"
        rf"|(?<!\w)(?!(?:{latin_places})(?!\w))(?P<before>(?i:{streets}))"
        rf"(?P<between>\s+(?:[\w'’.-]+\s+){{0,3}}?)(?=\d)(?P<number>\d{{1,6}}[A-Za-z]?(?!\w)"
        rf"(?:(?:\s+{_UPPER}[\w'’-]*){{1,3}}\s+(?i:{streets})(?!\w))?)"
        # A place name before 路/街, but not the "住在" (live at) in front of it.
        rf"|(?:(?![住在到去来是的了我你他她])[{_HAN}]){{1,10}}(?:路|街|大道|巷|弄)\s*\d{{1,5}}(?:-\d{{1,5}})?\s*(?:号院?)?(?:\s*\d{{1,5}}\s*(?:单元|栋|号楼|楼|层|室|号)院?)*"
        # the flat after an entrance or a building ("3单元402")
        r"(?:(?:(?<=单元)|(?<=号楼)|(?<=栋))\s*\d{1,5}(?![\d年月日个天岁次周]))?"
    )
    roles = {
        word
        for lang in data
        for title in data[lang].get("titles_before", []) + data[lang].get("titles_after", [])
        for word in title.lower().split()
    }
    listed_names = {
        w.lower() for key in ("given_names", "family_names", "middle_names") for w in every(key)
    }
    shared = _load_places()
    every_place = every("places") + shared["places"]
    # "Charlotte", "Austin", "Jackson": a person as often as a city; a place only in context.
    also_names = {n.lower() for n in shared["also_names"]}
    name_like = {p for p in every_place if p.lower() in listed_names | also_names}
    kept = [p for p in every_place if p not in name_like] + every("never_names")
    han_kept = [simplified(w) for w in kept if re.match(rf"[{_HAN}]", w)]
    spaced_kept = _alternation(w for w in kept if not re.match(rf"[{_HAN}]", w))
    counties = _alternation(shared["counties"])
    places_in_context = re.compile(
        rf"(?P<lead>(?<!\w)(?i:{_alternation(_BEFORE_A_PLACE_WORDS)})\s+)(?P<place>{_alternation(name_like)})(?!\w)"
        rf"|(?<!\w)(?P<before>{_alternation(name_like)})(?=\s+(?:{_PLACE_AFTER})(?!\w))"
        # "Hennepin County", "Prince George's County": a listed county, or one capitalised word
        # that is not a listed name ("Tasha Hennepin County" keeps Tasha a person).
        rf"|(?<!\w)(?P<county>(?:{counties}|{_UPPER}[\w'’-]+)\s+(?:{_PLACE_AFTER_COUNTY}))(?!\w)"
    )
    lowercase = {
        lang: frozenset(
            w.lower()
            for src in {lang, "en", "es"}
            for key in ("given_names", "family_names")
            for w in data.get(src, {}).get(key, [])
        )
        for lang in latin
    }
    all_roles = frozenset(
        roles
        | _INSTITUTIONS
        | {w.lower() for w in every("street_words", latin) if " " not in w and len(w) > 3}
        # Days of the week, agencies, peoples and role words that come before no name
        # (plurals, groups) where a language lists them ("Isniinta", "Dowladda", "Soomaali",
        # "Saraakiisha", "Maamulaha" stay beside a name, as a month does).
        | {
            w.lower()
            for key in ("days", "agencies", "peoples", "role_words", "note_roles")
            for w in every(key)
        }
    )
    return _Rules(
        middle=frozenset(w.lower() for w in every("middle_names")),
        ordinary=ordinary,
        names=frozenset(listed_names),
        title_parts=frozenset(
            roles
            - {
                title.lower()
                for lang in data
                for title in data[lang].get("titles_before", [])
                + data[lang].get("titles_after", [])
            }
            - _INSTITUTIONS
            - {w.lower() for w in every("street_words", latin)}
        ),
        roles=all_roles,
        titles=frozenset(
            title.lower()
            for lang in data
            for title in data[lang].get("titles_before", []) + data[lang].get("titles_after", [])
        ),
        somali_stems=_somali_stems(
            data.get("so", {}), _INSTITUTIONS, all_roles, shared["places"], frozenset(listed_names)
        ),
        places=re.compile(rf"(?<!\w)(?:{spaced_kept})(?!\w)|{_alternation(han_kept)}"),
        places_in_context=places_in_context,
        months=frozenset(
            w.lower() for w in every("months") if " " not in w and w.lower() not in listed_names
        ),
        han_after_name=han_after_name,
        # matched in the simplified copy of the text (``chinese._han_sub``)
        han_places=re.compile(_alternation(simplified(p) for p in every("places", ["zh"])))
        if every("places", ["zh"])
        else None,
        lowercase=lowercase,
        titled=titled,
        titled_arabic=titled_arabic,
        arabic_names=_arabic_spellings(
            every("given_names", ["ar"]) + every("family_names", ["ar"]), arabic_ordinary
        ),
        arabic_beside_name=_arabic_spellings(every("names_beside_a_name", ["ar"]), arabic_ordinary),
        arabic_ordinary=arabic_ordinary,
        han_names=han,
        given=latin_names()[0],
        family=latin_names()[1],
        case=case,
        case_then_words=case_then_words,
        named_streets=re.compile(
            r"(?<!\w)(?P<lead>(?i:on|at|off|near|by|in)\s+(?:the\s+)?)"
            rf"(?P<street>(?:{_UPPER}[\w'’.-]*\s+){{1,3}}"
            rf"(?i:{_alternation(w for w in every('street_words', ['en']) if w.lower() not in _NOT_A_NAMED_STREET)}))(?!\w)"
        ),
        dates=dates,
        addresses=addresses,
    )


# Spanish street words before a street named for a date ("calle 5 de Mayo"); "casa" or
# "número" before a date is not one.
_STREETS_NAMED_FOR_A_DATE = frozenset(
    {"calle", "avenida", "av", "avda", "calzada", "boulevard", "bulevar", "blvd", "privada",
     "callejón", "callejon", "cerrada", "paseo", "carretera", "camino", "calle de"}
)  # fmt: skip

# English street words that do not end a street's name without a house number: "at the
# Family Court" is an institution, "Dr." a doctor, "Apt" a flat.
_NOT_A_NAMED_STREET = frozenset(
    {"court", "ct", "ct.", "way", "place", "pl", "pl.", "circle", "cir", "terrace", "trail",
     "dr", "dr.", "apt", "apt.", "apartment", "unit", "suite", "ste", "#"}
)  # fmt: skip
