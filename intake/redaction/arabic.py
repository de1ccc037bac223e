"""Arabic: spellings of listed names as typed on a phone, street and naming words, kunyas
(أبو، أم، آل), kinship words, the parts of compound names, English family names in Arabic
script; an Arabic word after a found name (``_arabic_after_name``, ``_arabic_middle``) and
names marked by the words before them (``_arabic_marked_names``). Whether the word after an
Arabic title is a name also asks the shared name test, so ``_arabic_titled_name`` lives in
``names``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from ..dictionaries import english_words
from .words import PLACEHOLDER, _role_word

if TYPE_CHECKING:
    from .rules import _Rules

# How a name is typed on a phone: hamza dropped (اسامة), taa marbuta as haa (فاطمه), alif
# maqsura as yaa (مصطفي).
_ARABIC_SPELLINGS = (
    str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا"}),
    str.maketrans({"ة": "ه"}),
    str.maketrans({"ى": "ي"}),
)

# Names that, typed so, are everyday words: "إيه" (what), "منى" → "مني" (from me), "هدى" →
# "هدي" (calm down), "جنى" → "جني" (a jinn), "لمى" → "لمي" (pack up), "أريك" (I show you),
# "أروى" → "اروي" (I tell).
_ARABIC_NOT_SPELLED = frozenset({"ايه", "مني", "هدي", "جني", "لمي", "اريك", "اروي"})


def _arabic_spellings(names: Iterable[str], ordinary: frozenset[str]) -> frozenset[str]:
    """The names as listed and as typed without hamza, taa marbuta or alif maqsura, less the
    spellings that are an everyday word."""
    listed = set(names)
    variants = set(listed)
    for table in _ARABIC_SPELLINGS:
        variants |= {name.translate(table) for name in variants}
    return frozenset(
        listed
        | {v for v in variants - listed if v not in ordinary and v not in _ARABIC_NOT_SPELLED}
    )


_ARABIC_STREET = "شارع|الشارع|طريق|الطريق|جادة|الجادة|زقاق|الزقاق|حارة|الحارة"

_ARABIC_STOP = "في|فى|من|إلى|الى|على|عند|قرب|جنب|بجانب|و|مع|رقم|بس|لكن|عشان|لأن"

# Arabic letters, marks and digits, but not its punctuation: "محمد؟" and "حميد،" are a name
# and a question mark or comma (، ؛ ؟ and the percent, decimal, thousands and star signs).
_ARABIC_CHARS = r"[\u0600-\u060b\u060e-\u061a\u061c-\u061e\u0620-\u0669\u066e-\u06d3\u06d5-\u06ff]"
_ARABIC_WORD = re.compile(rf"(?<!\w){_ARABIC_CHARS}+")

_ARABIC_CONJUNCTION = re.compile(r"^[وفبل](?!ل)")

_ARABIC_PREFIX = re.compile(r"^(?:[وفبكل]|ال|وال|بال|لل|فال)")

# After أبو these make "the father of my children" (the ex), not a kunya.
_ARABIC_KIN_AFTER_ABU = frozenset(
    {"أولاد", "الأولاد", "الاولاد", "اولاد", "أولادي", "اولادي", "ولادي", "الولاد", "عيالي",
     "العيال", "ابني", "بنتي", "بناتي", "البنات", "الولد", "ولدي", "البيت", "زوجي"}
)  # fmt: skip

_ARABIC_NAMING = frozenset(
    {"اسمه", "اسمها", "يدعى", "تدعى", "يسمى", "تسمى", "إسمه", "إسمها", "اسمو", "إسمو", "اسمهم",
     "يسموه", "يسموها", "يسمونه", "يسمونها", "سموه", "سموها", "ينادوه", "ينادوها", "ينادونه",
     "ينادونها", "يلقبوه", "يلقبونه", "لقبه", "لقبها", "يقولوله", "يقولولها", "بيقولوله",
     "بيقولولها", "بتقوله", "بتقولها", "بيسموه", "بيسموها", "بينادوه", "بينادوها", "بيدلعوه",
     "بيدلعوها", "بدلعوه", "بدلعوها", "يدلعونه", "يدلعونها"}
)  # fmt: skip

# "ناصر وأخوه [name]": a name-word, then "and his brother" and a found name; a word with the
# article is no given name ("المركز الاسلامي والشيخ [name]", the Islamic centre).
_ARABIC_KIN_JOINED = re.compile(
    rf"(?<![\w\[])(?!ال)(?P<word>{_ARABIC_CHARS}+)(?P<joined>\s+(?P<kin>و{_ARABIC_CHARS}+)\s+\[name\])"
)

_ARABIC_SERVANT = re.compile(rf"(?<![\w\[])[وفبل]?عبد\s*ال{_ARABIC_CHARS}+")

# "يسموه جاكو", "ينادونها لولو", "واحد اسمو سمعان": the word after a naming verb is a name,
# unless it is an ordinary word, a title ("اسمها الدكتورة …") or has the article ("اسمه
# الحقيقي"). "أم" + a listed name is a kunya too ("أم جورج"), but "ام العيال" is the wife.
_ARABIC_NAMED = re.compile(
    r"(?<![\w\[])(?P<named>(?:[وف]?(?:ا|إ)سم(?:و|ه|ها|هم)|يسمو(?:ه|ها)|يسمون(?:ه|ها)|سمو(?:ه|ها)"
    r"|ينادو(?:ه|ها)|ينادون(?:ه|ها)|ينادوا\s+عليه|ينادوا\s+عليها|يلقبو(?:ه|ها)|يلقبون(?:ه|ها)"
    rf"|لقب(?:ه|ها)|يقولوله|يقولولها|يقولون\s+له|يقولون\s+لها"
    # Egyptian and Levantine: "بيقولوله", "الناس بتقوله", "بيسموه", "بيدلعوه" (a pet name)
    r"|بيقولول(?:ه|ها)|بيقولوا\s+(?:له|لها)|الناس\s+بتقول(?:ه|ها)|بيسمو(?:ه|ها)|بينادو(?:ه|ها)"
    rf"|بي?دلعو(?:ه|ها)|يدلعون(?:ه|ها))\s+)(?P<word>{_ARABIC_CHARS}+)"
)

# A school, mosque or church named for a person by his father's name ("مدرسة ابن سينا",
# "جامع ابن تيمية", "بمسجد أبو بكر"): the name goes, the institution and ابن stay.
_ARABIC_INSTITUTION_OF = re.compile(
    r"(?<![\w\[])(?P<lead>[وبل]?(?:ال)?(?:مدرسة|مدرسه|مسجد|جامع|كنيسة|كنيسه|مركز|معهد|أكاديمية)"
    rf"\s+(?:ابن|إبن|بن|أبو|ابو|أبي|ابي)\s+)(?P<word>{_ARABIC_CHARS}+)"
)

_ARABIC_NAME_NOUN = re.compile(r"[وف]?(?:ا|إ)سم")

_ARABIC_UMM = re.compile(rf"(?<![\w\[])(?P<pre>[وف]?)(?:أم|ام)\s+(?P<word>{_ARABIC_CHARS}+)")

# "آل الزين", "آل سعود": the family of; what follows is a family name.
_ARABIC_FAMILY_OF = re.compile(rf"(?<![\w\[])آل\s+(?P<word>{_ARABIC_CHARS}+)")

# Wife or husband of: after these any word that is no kin, role or ordinary word is a name
# ("مرت نزيه", "زوجة نزار"); after "جوز" (also a pair) and the other kin words before a
# name ("ولد", "بنت") only a listed name is.
_ARABIC_SPOUSE_OF = frozenset({"مرت", "زوجة", "زوج", "طليقة", "طليق"})

# Kin words with any possessive ending ("عمه", "خالتها", "أخوي"): not a name after "بنت".
_ARABIC_KIN_STEM = re.compile(
    r"^[وفبل]?(?:عم|عمت|خال|خالت|أخ|اخ|أخو|اخو|أخت|اخت|ابن|بنت|ولد|أولاد|اولاد|جار|جارت|جيران"
    r"|صاحب|صاحبت|صديق|صديقت|زوج|زوجت|مرت|جوز|حما|حمات|سلف|أب|اب|أبو|ابو|أم|ام|جد|جدت|ست|سيد"
    r"|أهل|اهل|عيلت|قريب|قريبت|مدير|مديرت|حبيب|حبيبت)(?:ي|ه|ها|ك|كي|نا|هم|كم|و|ها)?$"
)

# The second part of a compound name with a divine name or "the faith": "عوض الكريم",
# "نور الدين", "عز الدين" — part of the name after a found name or after a title.
_ARABIC_THEOPHORIC = frozenset(
    {"الدين", "الله", "الرحمن", "الرحيم", "الكريم", "السر", "الهدى", "الخير", "الحق", "النبي",
     "الرسول", "العابدين", "الإسلام", "الاسلام", "الدائم", "الباري", "المولى"}
)  # fmt: skip

# English family names in Arabic script end this way ("هاملتون", "ستيفنز", "مورغان",
# "ويلكنسون", "بتروفيتش", "رودريغز", "هيرنانديز"); a name after a title or beside a name,
# never a verb ("يدرسون", they study, starts with ي; "تمييز" is too short).
_ARABIC_FOREIGN_NAME = re.compile(
    r"^(?![يت][\u0600-\u06ff]*ون$)(?!ال)(?:[\u0600-\u06ff]{3,}(?:تون|سون|نز|رز|لز|دز|تز|مز|غز|غان|فيتش|فتش|سكي"
    r"|ستون|فيلد|بيرغ|بيرج)|[\u0600-\u06ff]{4,}يز)$"
)


def _arabic_after_name(word: str, rules: _Rules) -> bool:
    """An Arabic word that is more of the name it follows, though alone it may be a title or a
    word: a listed family name that is also a title ("الخوري"), the second part of a compound
    name ("نور الدين", "عوض الكريم") or an English family name ("سارة هاملتون")."""
    return (
        (word in rules.arabic_names and word.startswith("ال"))
        or word in _ARABIC_THEOPHORIC
        or (word not in rules.arabic_ordinary and bool(_ARABIC_FOREIGN_NAME.match(word)))
    )


def _arabic_middle(tokens: list[str], k: int, rules: _Rules) -> bool:
    """Whether tokens[k], after a found name, is a father's name between it and a family
    name ("عبده [قائد] الحميري"): an unlisted word without the article, not a role or a verb
    with an object ending, then a listed family name or one of origin ("الحميري")."""
    word = tokens[k]
    if not (
        _ARABIC_WORD.fullmatch(word)
        and not word.startswith(("ال", "و"))
        and word not in rules.arabic_ordinary
        and word not in _ARABIC_NAMING
        and not _role_word(word, rules)
        and not re.search(r"(?:ني|نا|ها|هم|وا|وه|تني|ته)$", word)
        and k + 2 < len(tokens)
        and tokens[k + 1] == " "
    ):
        return False
    family = tokens[k + 2]
    return family not in rules.arabic_ordinary and (
        (family in rules.arabic_names and family.startswith("ال"))
        or (family.startswith("ال") and family.endswith("ي") and len(family) >= 6)
    )


def _arabic_marked_names(text: str, rules: _Rules) -> str:
    """Arabic names marked by the words before them: a naming verb ("يسموه جاكو"), a school
    or mosque named "ابن …" ("مدرسة ابن سينا"), a kunya with أم ("أم جورج", not "ام العيال")
    and a family after آل ("آل الزين")."""

    def plain(word: str) -> bool:
        return (
            word in rules.arabic_ordinary
            or _role_word(word, rules)
            or _role_word(_ARABIC_PREFIX.sub("", word), rules)
            or word in _ARABIC_KIN_AFTER_ABU
            or bool(_ARABIC_KIN_STEM.match(word))
        )

    def named(m: re.Match[str]) -> str:
        word = m.group("word")
        listed = word in rules.arabic_names or word in rules.arabic_beside_name
        # After a verb that gives a nickname an epithet with the article is the nickname
        # ("يسموه الأعور", "يلقبونه الأسد"); after "اسمه" it says which name ("اسمه الحقيقي").
        name_word = _ARABIC_NAME_NOUN.match(m.group("named")) is not None
        if plain(word) or (word.startswith("ال") and not listed and name_word):
            return m.group(0)
        return m.group("named") + PLACEHOLDER

    def umm(m: re.Match[str]) -> str:
        word = m.group("word")
        if plain(word) or not (word in rules.arabic_names or word in rules.arabic_beside_name):
            return m.group(0)
        return m.group("pre") + PLACEHOLDER

    def family_of(m: re.Match[str]) -> str:
        word = m.group("word")
        # "آل البيت" is the Prophet's family, no one's name.
        return m.group(0) if plain(word) or word in {"البيت", "بيت"} else PLACEHOLDER

    text = _ARABIC_NAMED.sub(named, text)
    text = _ARABIC_INSTITUTION_OF.sub(
        lambda m: m.group(0) if plain(m.group("word")) else m.group("lead") + PLACEHOLDER, text
    )
    text = _ARABIC_UMM.sub(umm, text)
    return _ARABIC_FAMILY_OF.sub(family_of, text)


# A family name of origin that is also what it says, a people or a city's adjective ("the
# Iraqi officer", "my Egyptian husband"): after a given name it is the family name ("خالد
# الصومالي"), alone or right after a title it is a description and stays ("الضابط العراقي").
_ARABIC_NISBA_OF_PLACE = frozenset(
    f"{article}{stem}"
    for article in ("ال",)
    for stem in (
        "عراقي",
        "مصري",
        "سوري",
        "لبناني",
        "صومالي",
        "أردني",
        "اردني",
        "فلسطيني",
        "يمني",
        "سوداني",
        "مغربي",
        "جزائري",
        "تونسي",
        "ليبي",
        "سعودي",
        "كويتي",
        "إماراتي",
        "اماراتي",
        "قطري",
        "بحريني",
        "عماني",
        "أمريكي",
        "امريكي",
        "أميركي",
        "عربي",
        "كردي",
        "تركي",
        "إيراني",
        "ايراني",
        "أفغاني",
        "افغاني",
        "إثيوبي",
        "اثيوبي",
        "إريتري",
        "ارتيري",
        "موريتاني",
        "حلبي",
        "بغدادي",
        "شامي",
        "دمشقي",
        "حمصي",
        "موصلي",
        "بصري",
        "بيروتي",
        "قاهري",
        "إسكندراني",
        "اسكندراني",
        "صنعاني",
        "عدني",
        "خرطومي",
        "نجدي",
        "حجازي",
    )
)


def _arabic_after_title(before: str, rules: _Rules) -> bool:
    """Whether the text ``before`` a word ends with an Arabic title, role or kin word ("الضابط",
    "جوزي", "زوجها"): the word after it describes that person."""
    words = before.split()
    if not words:
        return False
    last = words[-1]
    return bool(
        _ARABIC_WORD.fullmatch(last)
        and (
            last in rules.roles
            or _ARABIC_PREFIX.sub("", last) in rules.roles
            or _ARABIC_KIN_STEM.match(last)
        )
    )


# Arabic typed in Latin letters and digits (Arabizi: "jozi mahmoud", "a5ooh 3adel", "7amati
# om 5aled"): after a kin or role word, a capitalised word or an Arabizi spelling of a given
# name (``arabizi_given_names`` of "ar": "3adel", "5aled", "mahmoud") is a name. Only in Arabic
# quotes; "ibni ra7na" (my son and I went) keeps its verb.
_ARABIZI_KIN = (
    r"jozi|jouzi|joozi|zoji|zawji|zouji|gozi|goozi|gooz|tli2i|tali2i|tlee2i|mart|ibni|ebni|"
    r"binti|benti|bnti|a5ooh|a5oo|a5ooya|akhooh|akhoo|a5oy|a5oya|akhoy|akhoya|a5i|akhi|a5ti|"
    r"okhti|o5ti|ukhti|ekhti|a5to|ukhto|okhto|7amati|hamati|7ami|hami|7amay|3ammi|ammi|3ami|"
    r"5ali|khali|5alti|khalti|3amti|ammti|abooh|abuh|abou|abu|abo|omo|ummo|om|umm|"
    r"el\s?sheikh|sheikh|shei5|el\s?mo7ami|mo7ami|mohami|el\s?mo7amiye|mo7amiye|"
    r"el\s?shorti|shorti|el\s?dabet|dabet|ostaz|ostaaz|ustaz|"
    # her / your husband, the Darija, Gulf and Iraqi words for husband, wife, brother, sister,
    # son; cousins, neighbours, friends; a judge, an officer, a doctor, a teacher (batch z)
    r"jozha|jozik|jozek|jozo|joozha|gozha|gozik|gozek|zawjha|zawjik|zawjek|zoujha|tli2ha|tli2ik|"
    r"rajli|rajel|rajlha|rajelha|rayli|rayelha|raili|mrati|marti|zawjti|zawjati|"
    r"khouya|khoya|5ouya|5oya|5ay|khay|khti|5ti|weldi|wldi|wlidi|bnti|binto|ibno|ebno|"
    r"3ammo|3amto|5alo|5alto|khalto|3ammto|ibn\s3ammi|bent\s3ammi|ibn\s5ali|bent\s5alti|"
    r"jarti|jari|jarna|jaretna|jaritna|sa7bti|sa7beti|sa7bi|sa7ebti|"
    r"el\s?2adi|el\s?qadi|el\s?zabet|el\s?zabit|el\s?doktor|el\s?doktora|el\s?daktor|"
    r"el\s?mo3alme|el\s?mo3allme|el\s?mo3allem|el\s?mudira|el\s?imam|hajj|7ajj|7ajje|hajje"
)
_ARABIZI_NAMED = re.compile(
    rf"(?<![\w\[])(?P<kin>(?i:{_ARABIZI_KIN}))\s+(?=(?P<word>[A-Za-z0-9']*[A-Za-z][A-Za-z0-9']*)(?![\w\]]))"
)


@lru_cache(maxsize=1)
def _arabizi_given() -> frozenset[str]:
    from .rules import _load  # rules builds its patterns from this module

    return frozenset(w.lower() for w in _load().get("ar", {}).get("arabizi_given_names", []))


# A family name after the article ("el Masri", "al-Tamimi": a capitalised nisba), the parts
# after a found name ("[name] Benali", "[name] Abdel Aziz"; "[name] el masri", a nisba in -i
# typed small), and a listed name standing alone: typed with a digit ("3ali kan…", "w
# 7amza 2al") or capitalised ("tele3 3alay Tarek"). A listed spelling that is also an
# everyday word (``arabizi_everyday_names``: "3ali" loud, "amal" hope, "rana" we are) is a
# name alone only where a clause starts, and capitalised only past the first word.
_ARABIZI_ARTICLE_NAME = re.compile(
    r"(?<![\w\[])(?i:el|al|il)(?:\s+|-)(?P<word>[A-Z][a-z0-9']*[a-z][a-z0-9']*[iy])(?![\w\]])"
)
_ARABIZI_AFTER_NAME = re.compile(
    r"\[name\](?:\s+|-)(?:(?P<art>(?i:el|al|il))(?:\s+|-)(?=[a-z])"
    r"(?P<nisba>[a-z0-9']{2,}[iy])|(?P<word>[A-Z][a-z0-9']*[a-z][a-z0-9']*))(?![\w\]])"
)
_ARABIZI_TOKEN = re.compile(r"(?<![\w\[])[A-Za-z0-9']*[A-Za-z][A-Za-z0-9']*(?![\w\]])")
_CLAUSE_START = re.compile(r"(?:^|[.,;:!?()]|(?<![\w])(?i:w|wa|o|ou|bas|la2in|lakin))\s*$")


@lru_cache(maxsize=1)
def _arabizi_everyday() -> frozenset[str]:
    from .rules import _load

    return frozenset(w.lower() for w in _load().get("ar", {}).get("arabizi_everyday_names", []))


@lru_cache(maxsize=1)
def _arabizi_not_family() -> frozenset[str]:
    """Role, agency and street words of every list ("Police", "Ave") and common English words
    ("Family", "Library"): never a family name."""
    from .english import _english_dictionary
    from .rules import _rules

    return _rules().roles | _english_dictionary().get(200, frozenset()) | _ARABIZI_NOT_NISBA


def _arabizi_names(text: str) -> str:
    """A name after an Arabizi kin or role word in an Arabic quote ("jozi mahmoud" →
    "jozi [name]", "a5ooh 3adel" → "a5ooh [name]", "7amati om 5aled" → "7amati om [name]"),
    a family name after the article or after a found name ("el Masri", "[name] Benali"), and
    a listed name alone ("3ali kan yhadedni", "tele3 3alay Tarek")."""
    given = _arabizi_given()
    parts: list[str] = []
    done = 0
    for m in _ARABIZI_NAMED.finditer(text):
        word = m.group("word")
        if m.start("word") < done:
            continue
        if word.lower() not in given and not (word[0].isupper() and not word.isupper()):
            continue
        if word.lower() in {"el", "il", "al", "the"}:
            continue
        parts += [text[done : m.start("word")], PLACEHOLDER]
        done = m.end("word")
    text = "".join(parts) + text[done:] if parts else text
    return _arabizi_family_names(_arabizi_alone(text, given))


def _arabizi_alone(text: str, given: frozenset[str]) -> str:
    """A listed Arabizi given name with no kin word before it."""
    everyday = _arabizi_everyday()
    parts: list[str] = []
    done = 0
    for m in _ARABIZI_TOKEN.finditer(text):
        word = m.group(0)
        lower = word.lower()
        if lower not in given:
            continue
        capitalised = word[0].isupper() and not word.isupper()
        # A listed name typed in lower case is a name ("ahmad kan ydrobni"), unless it is
        # also an everyday word, Arabic or English ("3ali" loud, "rehab", "fares").
        if not (capitalised or any(c.isdigit() for c in word)) and (
            lower in everyday or lower in english_words().get(200, frozenset())
        ):
            continue
        if lower in everyday:
            before = text[: m.start()]
            first = not before.strip()
            if capitalised and first:
                continue
            if not capitalised and not _CLAUSE_START.search(before[-12:]):
                continue
        parts += [text[done : m.start()], PLACEHOLDER]
        done = m.end()
    return "".join(parts) + text[done:] if parts else text


def _arabizi_family_names(text: str) -> str:
    """ "el Masri", "al-Tamimi"; after a found name, a capitalised word or "el" and a nisba."""

    def article(m: re.Match[str]) -> str:
        if m.group("word").lower() in _arabizi_not_family():
            return m.group(0)
        return text_of(m, "word")

    def text_of(m: re.Match[str], group: str) -> str:
        whole, start = m.group(0), m.start()
        return whole[: m.start(group) - start] + PLACEHOLDER + whole[m.end(group) - start :]

    if any(c.isupper() for c in text):
        text = _ARABIZI_ARTICLE_NAME.sub(article, text)
    pos = 0
    while "[name]" in text[pos:] and (m := _ARABIZI_AFTER_NAME.search(text, pos)):
        group = "word" if m.group("word") else "nisba"
        word = m.group(group).lower()
        if group == "word" and not _arabizi_family_shape(word):
            pos = m.start() + 1
            continue
        if word in _arabizi_not_family() and word not in _arabizi_given():
            pos = m.start() + 1
            continue
        text = text[: m.start(group)] + PLACEHOLDER + text[m.end(group) :]
        pos = m.start(group)
    return text


# The shapes of an Arab family name after a given name: "Abdel", "Benali", "Bouzid", "Ibn",
# a nisba in -i ("Tamimi", "Masri").
_ARABIZI_FAMILY_SHAPE = re.compile(
    r"(?:abd|ben|bin|bou|ibn|abu|abou|aal)[a-z0-9']*|[a-z0-9']{3,}[iy]"
)


def _arabizi_family_shape(word: str) -> bool:
    """A capitalised word after a found name in an Arabic quote is a family name when a list
    holds it as a name or it has an Arab family name's shape, and it is no role, day or
    agency word in any language ("[name] Booliska", "[name] Isniinta", "[name] Marzo")."""
    from .rules import _rules

    rules = _rules()
    if _role_word(word, rules):
        return False
    return (
        word in rules.names
        or word in _arabizi_given()
        or bool(_ARABIZI_FAMILY_SHAPE.fullmatch(word))
    )


# Words in -i after "el" that are no family name: roles and everyday adjectives ("el shorti",
# "el mo7ami", "el 2adi", "el tani" the other one).
_ARABIZI_NOT_NISBA = frozenset(
    {"shorti", "shurti", "mo7ami", "mohami", "muhami", "2adi", "qadi", "kadi", "7akim", "tani",
     "tany", "tanyi", "awwali", "2awwali", "sabi2i", "jdidi", "zawji", "jozi", "ebni", "ibni",
     "a5i", "akhi", "3ammi", "5ali", "khali", "dabet", "zabet", "doktori", "baladi", "amriki",
     "amrikani", "3arabi", "englizi", "inglizi", "el", "al", "il"}
)  # fmt: skip
