"""Automatic redaction of names and identifying details, before anyone reads an excerpt.

The assessment examines how systems work, never one practitioner: "Officer Diaz", "Judge
Brown", "my caseworker Maria", "王警官" and "الضابط أحمد" all become "[name]". These are plain,
tested patterns and word lists for every shipped language (``intake/data/redaction.json``);
the named-entity models that ship in a wheel were measured and did not help (see
docs/themes.md, "Named-entity models considered"):

- e-mail addresses, phone numbers (local and international styles), case and file numbers
  (after words such as "case", "expediente", "案号", "قضية", which stay) and A-numbers;
- dates with a day ("3 de mayo de 1990"; "in March" and "March 2020" stay: a month without
  a day is a theme word), and a year of birth ("born in 1988", "sinh năm 1985", "مواليد
  ١٩٨٨", "1988年出生"; other years stay);
- social-media handles ("@big_mike_215") and lower-case A-numbers ("a212345678");
- street addresses (a number next to a street word, in each language's order);
- a title or role word followed by a name ("Officer Diaz", "bác sĩ Lan", "kuv tus txiv yog
  Tou"); in Arabic a listed name after a title; in Chinese a surname with one or two
  characters before or after a title, after 叫/姓, or before a verb ("张伟说");
- capitalised given names from the lists, and family names next to another name or inside a
  sentence (so "Her husband" keeps its "Her");
- names no capital marks: listed names in lower case after a title, a naming word ("her
  last name is"), a word that marks a person ("a lupita", "u sheegay xaliimo") or beside
  another name; a word joined by and/y/iyo to a found name ("Osmin y su hermano [name]");
  in English, Spanish and Somali a listed given name after a verb of speech or contact
  ("i called latrice") or before what a person does ("then marcus showed up").

Cities, regions and counties (``intake/data/places.json`` and each language's list) are set
aside first, so a city, a month or a role word right beside a name stays ("Marcus Brooklyn
Park cops came", "Axmed Cali Maarso ayuu…"); a place that is also a name ("Charlotte", "Jordan")
is a place only after "in", "moved to", "ở", "hauv"… or before County/PD, and in English and
Spanish a one-word city right after a name is taken as its family name ("Judge Anne Lowell").

Then every part of a found name goes: adjacent capitalised or listed words, and the joining
words between them ("de los", "bin", "Văn"), become one placeholder; so does a word caught
between two parts ("Trương Mỹ Lan", "Vaj Neeb Xyooj") and a kunya ("أبو خالد"). Cities that contain a
name ("Hồ Chí Minh", "San José") and words that start like one ("中文", "Bảo lãnh") are set
aside first. It errs towards removing too much: a quote is better short of a word than
naming someone. Placeholders are English in storage and translated when shown
(``localise_placeholders``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from flask_babel import gettext

DATA_FILE = Path(__file__).resolve().parent / "data" / "redaction.json"
# Cities, regions and counties where the people who answer live or came from: a theme, never
# a person (intake/data/places.json says how one that is also a name is read).
PLACES_FILE = Path(__file__).resolve().parent / "data" / "places.json"
PLACEHOLDER = "[name]"
PLACEHOLDERS = ("[name]", "[phone]", "[email]", "[address]", "[date]", "[case number]", "[…]")
_HAN = r"\u4e00-\u9fff"
# A letter of a spaced script: Latin names never run on into Han or Arabic ("Smith和周警官").
_LATIN_LETTER = r"(?:(?![\u0600-\u06ff\u3400-\u9fff])[^\W\d_])"
_UPPER = (
    "["
    + "".join(c for c in map(chr, [*range(0x41, 0x250), *range(0x1E00, 0x1F00)]) if c.isupper())
    + "]"
)
# Characters that end a Chinese name: verbs, particles and pronouns that follow a name.
_ZH_NOT_IN_NAME = "说讲了是在把被给对跟和与也都就还又不没很让叫打骂来去到的我你他她们总一经却才"
# After 阿 these make a relative (阿姨 auntie, 阿公 grandpa), not a nickname.
_ZH_KIN = "姨婆公伯叔哥姐妈爸妹弟嫂舅奶爷嬷"
# Where a subject starts, and what a person named as the subject goes on to do.
_ZH_CLAUSE_START = r"，。！？；：、“”‘’「」\s,.!?;:"
_ZH_BEFORE_OBJECT = "找|告诉了|告诉|和|跟|给|问|见|联系|通知|打给"
_ZH_AFTER_SUBJECT = "是我|说|讲|告诉|打|骂|威胁|跟踪|不让|不肯|不给|让我|对我|把我|叫我|逼|一直|经常|总是|又|还|也说|就|却|来了|走了|拿走"


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


def _alternation(words: Iterable[str]) -> str:
    """A pattern for any of ``words`` (longest first), written as a prefix tree.

    A flat alternation of hundreds of titles or month names is tried word by word at every
    position; the tree shares prefixes, so a position that starts no word fails at once.
    """
    trie: dict = {}
    for word in {w.strip() for w in words if w.strip()}:
        node = trie
        for char in re.sub(r"\s+", " ", word):
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie) or r"(?!x)x"


def _trie_pattern(node: dict) -> str:
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _trie_pattern(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # A word that ends here may also go on ("officer" and "officers"): the longer first.
    return f"(?:{body})?" if "" in node else body


def _load() -> dict[str, dict[str, list[str]]]:
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


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
    # A word, or an initial ("J."); capitalisation is checked in redact().
    name_word = rf"(?:{_LATIN_LETTER}(?:{_LATIN_LETTER}|['’-])+|{_LATIN_LETTER}\.)"
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
    han = han_after_name = None
    if "zh" in data:
        family = data["zh"].get("family_names", [])
        single = "".join(re.escape(s) for s in family if len(s) == 1)
        surname = rf"(?:{_alternation(s for s in family if len(s) > 1)}|[{single}])"
        after = _alternation(data["zh"].get("titles_after", []))
        given = _alternation(n for n in data["zh"].get("given_names", []) if len(n) >= 2)
        # Characters of listed given names, less those that make a kinship word after 阿.
        given_chars = "".join(
            sorted(set("".join(data["zh"].get("given_names", []))) - set(_ZH_KIN))
        )
        long_before = _alternation(t for t in data["zh"].get("titles_before", []) if len(t) >= 2)
        # A given name is one or two characters, but never a verb or particle that follows
        # the name ("警察陈志强来了" takes 陈志强, "警官王说" keeps 说).
        # nor the 阿 of a kinship word after a surname ("李阿姨" is auntie Li: 李 goes)
        name_char = rf"(?:(?![{_ZH_NOT_IN_NAME}])(?!阿[{_ZH_KIN}])[{_HAN}])"
        han_after_name = re.compile(
            rf"\[name\]{surname}(?=[{_ZH_NOT_IN_NAME}{_ZH_CLAUSE_START}]|$)"
        )
        han = re.compile(
            rf"(?:{given})"  # 芳芳, 建国 (a surname before it goes with it below)
            rf"|[小老阿]{surname}"  # 小王, 老李: the surname alone
            rf"|阿[{given_chars}]"  # 阿强, 阿明: a nickname from a given name, not 阿姨
            rf"|{surname}{name_char}{{0,2}}(?=(?:{after}))"  # 王警官, 李明医生
            rf"|(?P<zhtitle>(?:{long_before})是?|叫|姓){surname}{name_char}{{0,2}}"  # 警官王, 前夫刘建国, 叫张伟
            # A title is no given name: "给刘律师" takes 刘 (below), keeps 律师.
            rf"|(?:(?<=^)|(?<=[{_ZH_CLAUSE_START}])){surname}(?!{after}){name_char}{{1,2}}(?=(?:{_ZH_AFTER_SUBJECT}))"  # 张伟说
            rf"|{surname}(?=(?:{given}))"
            # 我去找刘强 / 告诉了王芳和赵磊: a name as the object, up to the next comma or 和
            rf"|(?P<zhverb>{_ZH_BEFORE_OBJECT}){surname}(?!{after}){name_char}{{1,2}}(?=[，。、！？,.!?\s和跟]|说|讲|一起|见面|吵|$)"
        )
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
        r"(?:(?:A[-#]?\s?)?\d{3}[-\s]\d{3}[-\s]\d{2,4}(?![\w-])|"
        rf"(?:(?![{_HAN}])[\w(（])[\w()（）./\-]*\d[\w()（）./\-]*)"
        # A-numbers: A123456789, A-123-456-789, A# 123 456 789, also against Chinese
        # ("A号码是A205 118 907")
        r"|(?<![A-Za-z0-9])[Aa](?:[-#]\s?|\s)?\d{3}[-\s]?\d{3}[-\s]?\d{2,3}(?![\w-])"
        # Court file numbers such as 27-CR-23-00412, FC-2023-0042 or 30-2023-FL-0456 (every
        # group before the letters goes too, so no "30-" is left)
        r"|(?<![A-Za-z0-9-])(?:\d{1,4}-)*[A-Z]{1,4}-\d{2,}(?:[-/]\d+)*(?![\w-])"
    )
    # "mi expediente es el 12345", "so ho so cua toi la 45821", "case number yog 45821":
    # a few short words between the case word and the number; then the number needs four
    # digits or more and is no bare year ("my case in 2021 was dropped" keeps 2021).
    case_then_words = re.compile(
        rf"(?P<words>(?i:(?<!{_LATIN_LETTER})(?<![\d_])(?:{case_words}))(?:\s+(?![\d\[])[^\W\d_]{{1,5}}){{1,4}}?\s+)"
        # One quantifier over the number (the digit count is checked after): a nested one
        # backtracks exponentially on a long run of digits that does not end well.
        r"(?P<number>(?!(?:19|20)\d\d(?![\w/-]))[A-Za-z]{0,3}[-#]?\d[\d./-]*(?<=\d)(?![\w-]))"
        # "open for 1200 days" is a duration, not a number of the case
        rf"(?!\s*(?i:{_alternation(_UNITS)})(?!\w))"
    )
    months = _alternation(every("months"))
    dates = re.compile(
        r"(?<!\d)\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}(?!\d)"
        r"|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]"
        r"|\d{1,2}\s*月\s*\d{1,2}\s*[日号]"
        # with and without tone marks: "ngày 14 tháng 2", "ngay 14 thang 2"
        r"|(?i:ng[àa]y\s+\d{1,2}\s+th[áa]ng\s+\d{1,2}(?:\s+n[ăa]m\s+\d{4})?)"
        rf"|(?:\d{{1,2}}\s+(?:(?i:de)\s+)?)(?i:{months})(?!{_LATIN_LETTER})(?:,?\s+(?:(?i:de|del|xyoo|năm)\s+)?\d{{4}})?"
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
        # 4410 شارع وارن, 12 شارع الملك فهد, 12 بشارع الرشيد: Arabic has no capitals, so the
        # street name is the one or two words after the street word, up to a preposition or و.
        rf"(?<!\w)\d{{1,6}}\s+[بف]?(?:{_ARABIC_STREET})(?:\s+(?!(?:{_ARABIC_STOP}|{arabic_places})(?!\w))[\u0600-\u06ff]+){{1,2}}"
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
        rf"|(?:(?![住在到去来是的了我你他她])[{_HAN}]){{1,10}}(?:路|街|大道|巷|弄)\s*\d{{1,5}}(?:-\d{{1,5}})?\s*号?(?:\s*\d{{1,5}}\s*(?:单元|栋|号楼|楼|层|室|号))*"
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
    han_kept = [w for w in kept if re.match(rf"[{_HAN}]", w)]
    spaced_kept = _alternation(w for w in kept if w not in han_kept)
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
        roles=frozenset(
            roles
            | _INSTITUTIONS
            | {w.lower() for w in every("street_words", latin) if " " not in w and len(w) > 3}
        ),
        places=re.compile(rf"(?<!\w)(?:{spaced_kept})(?!\w)|{_alternation(han_kept)}"),
        places_in_context=places_in_context,
        months=frozenset(
            w.lower() for w in every("months") if " " not in w and w.lower() not in listed_names
        ),
        han_after_name=han_after_name,
        han_places=re.compile(_alternation(every("places", ["zh"])))
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
        given=frozenset(w.lower() for w in every("given_names", latin)),
        family=frozenset(w.lower() for w in every("family_names", latin)),
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


# A year of birth identifies as a date of birth does ("born in 1988", "nací en el 89",
# "sinh năm 1985", "مواليد ١٩٨٨", "waxaan dhashay 1990", "kuv yug xyoo 1987", "1988年出生");
# any other year stays. Digits may be Arabic-Indic or Persian.
_D = "[0-9\u0660-\u0669\u06f0-\u06f9]"
_YEAR = f"(?:[1\u0661\u06f1][89\u0668\u0669\u06f8\u06f9]|[2\u0662\u06f2][0\u0660\u06f0]){_D}{{2}}"
_BIRTH_WORDS = (
    "born|b\\.|dob|d\\.o\\.b\\.?|date of birth|year of birth|birth year|birthyear|"
    "nac[ií]|naci[oó]|nacid[oa]|nacimiento|soy del|es del|"
    "sinh năm|sinh nam|năm sinh|nam sinh|sinh|sn|"
    "dhashay|dhalatay|dhalasho|dhalashada|dhalashadayda|dhalashadeyda|"
    "yug|"
    "مواليد|ولدت|ولد|مولود|مولودة|الميلاد|ميلادي|تولد|تولّد"
)
# Words after which two digits are a year ("born in 85", "soy del 92", "sinh năm 79").
_YEAR_WORDS = "in|en|el|del|năm|nam|xyoo|sanadkii|sannadkii|sanadka|sannadka|سنة|عام|في"
_BIRTH_YEAR = re.compile(
    rf"(?P<lead>(?<!\w)(?i:{_BIRTH_WORDS})(?!\w)(?:[\s,:：]+(?:(?!\d)[\w'’.]{{1,12}}[\s,:：]+){{0,3}}?|\s*))"
    rf"(?:(?P<year>['’]?{_YEAR}|['’]{_D}{{2}}|(?<=(?i:del)\s){_D}{{2}})|(?P<pre>(?i:{_YEAR_WORDS})\s+(?:(?i:el|the|'|’)\s*)?)(?P<short>{_D}{{2}}))"
    r"(?![\d/.\-:])"
    # The year first: "sanadkii 1990 ayaan dhashay", "xyoo 1987 kuv yug", "1985 sinh"
    rf"|(?<![\d\w])(?P<first>{_YEAR})(?P<rest>(?:\s+(?!\d)[\w'’]{{1,12}}){{0,3}}?\s+(?i:dhashay|dhalatay|yug|sinh|ولدت|ولد))(?!\w)"
    # Chinese: 1988年出生, 85年生的, 出生于1988年
    rf"|(?P<zhyear>(?:19|20)?\d{{2}}\s*年(?:\s*\d{{1,2}}\s*月)?(?:\s*\d{{1,2}}\s*[日号])?)(?P<zhafter>\s*(?:出生|出世|生的|生人|生))"
    rf"|(?P<zhbefore>(?:出生于|出生於|出生在|生于|出生年份是?|出生年是?)\s*)(?P<zhyear2>(?:19|20)?\d{{2}}\s*年?)"
)


def _birth_year(m: re.Match[str]) -> str:
    if m.group("year") is not None:
        return m.group("lead") + "[date]"
    if m.group("short") is not None:
        return m.group("lead") + m.group("pre") + "[date]"
    if m.group("first") is not None:
        return "[date]" + m.group("rest")
    if m.group("zhyear") is not None:
        return "[date]" + m.group("zhafter")
    return m.group("zhbefore") + "[date]"


# "his birthday is 4/12", "cumpleaños 12/4", "生日是4月12日": a birthday is a date of birth
# even without its year.
_BIRTHDAY = re.compile(
    r"(?P<lead>(?<!\w)(?i:birthday|bday|b-day|dob|cumpleaños|cumpleanos|cumple|sinh nhật|"
    r"sinh nhat|ngày sinh|ngay sinh|dhalashada|dhalashadiisa|dhalashadeeda|hnub yug|"
    r"عيد ميلاد|عيد ميلادي|عيد ميلاده|عيد ميلادها)(?!\w)"
    r"(?:\s+(?!\d)[\w'’]{1,8}){0,3}?[\s:：]*|生日\s*(?:是|在)?\s*)"
    r"(?P<day>\d{1,2}\s*[/.\-]\s*\d{1,2}|\d{1,2}\s*月\s*\d{1,2}\s*[日号]?)(?![\d/.\-])"
)
# "zip 55407", "código postal 77036": a postcode narrows an address to a few streets.
_POSTCODE = re.compile(
    r"(?P<lead>(?<!\w)(?i:zip(?:\s*code)?|zipcode|c[oó]digo postal|c\.p\.|postal code)"
    r"(?:\s+(?i:is|es|was|era))?\s*[:#]?\s*)\d{5}(?:-\d{4})?(?!\d)"
)
# English street words that do not end a street's name without a house number: "at the
# Family Court" is an institution, "Dr." a doctor, "Apt" a flat.
_NOT_A_NAMED_STREET = frozenset(
    {"court", "ct", "ct.", "way", "place", "pl", "pl.", "circle", "cir", "terrace", "trail",
     "dr", "dr.", "apt", "apt.", "apartment", "unit", "suite", "ste", "#"}
)  # fmt: skip


def _named_street_is_a_place(street: str, rules: _Rules) -> bool:
    """ "in Brooklyn Park Road"? A street named only by role or agency words ("at the Police
    Road"?) or whose name is itself a listed place stays: only a name makes it an address."""
    words = street.split()[:-1]
    return all(_role_word(w, rules) for w in words)


# "@big_mike_215": a handle names a person as surely as a name does.
_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?")
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


# ASCII only, so an address written against Chinese ("邮箱是wang@163.com") keeps the Chinese.
_EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# Letters and digits bound a phone number, but not Chinese characters ("电话13800138000打").
# "from 2019-2021": two years, not a phone number.
_YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s*[-‐‑–—]\s*(?:19|20)\d\d")
# Any dash a phone keyboard offers (hyphen, en dash, em dash).
_PHONE = re.compile(r"(?<![0-9A-Za-z])(?:\+|\()?\d[\d\s().\-‐‑–—]{6,}\d(?![0-9A-Za-z])")
# A Latin-script word, also when written against Chinese ("移民律师Jennifer Chu帮我").
_CAPITALISED = re.compile(
    rf"(?<![\[\d_'’-])(?<!{_LATIN_LETTER}){_LATIN_LETTER}(?:{_LATIN_LETTER}|['’-])+"
)
# Words after which a capitalised word is a language or a country, not a person.
_NOT_A_NAME_AFTER = frozenset(
    {"tiếng", "việt", "nước", "người", "lus", "st", "st.", "saint", "san", "santa", "santo",
     "são", "fort", "port", "mount", "mt", "mt.", "lake", "ciudad", "thành", "phố", "magaalada"}
)  # fmt: skip
# Words after which a capitalised place name is a place, not a person ("moved to Austin").
_PLACE_AFTER = "County|PD|P\\.D\\.|Police|police|Sheriff|City|city|Public Schools|Schools|Airport"
_PLACE_AFTER_COUNTY = "County|Parish|Township"
_PLACE_MAY_BE_SURNAME = frozenset({"en", "es"})
_PLACE_AFTER_NAME = re.compile(
    rf"\[name\] \x00(\d+)\x00(?!\s+(?:{_PLACE_AFTER}|{_PLACE_AFTER_COUNTY})(?!\w))"
)
_ARABIC_STREET = "شارع|الشارع|طريق|الطريق|جادة|الجادة|زقاق|الزقاق|حارة|الحارة"
_ARABIC_STOP = "في|فى|من|إلى|الى|على|عند|قرب|جنب|بجانب|و|مع|رقم|بس|لكن|عشان|لأن"
_ARABIC_WORD = re.compile(r"(?<!\w)[\u0600-\u06ff]+")
# Somali definite endings on a loan word ("shelter-ka", "isbitaalka" from isbitaal).
_SOMALI_ENDING = re.compile(r"(?:-?(?:ka|ga|ta|da|ha|dda|sha))$")
# Somali possessive endings on a kinship or role word: saaxiibkiis (his friend), walaalkeed.
_SOMALI_POSSESSIVE = re.compile(
    r"(?:kayga|keyga|kaaga|kiisa|keeda|kooda|kayaga|keenna|keena|kay|key|kiis|keed|tay|tayda|teyda|tiis|teed)$"
)
# What may follow an address already found: a direction ("872 Arcade St E"), a house or
# flat number ("calle 5 de Mayo #214", "Apt 4").
_ADDRESS_TAIL = re.compile(
    r"\[address\](?:(?:[\s,]+(?:N|S|E|W|NE|NW|SE|SW)\.?(?![\w.]))"
    r"|(?:[\s,]+[\w'’.-]+){0,3}?[\s,]*(?:#|(?i:apt|apto|depto|unit|suite|no|nº)\.?)\s?\d+[A-Za-z]?(?!\w))+"
)
_ARABIC_CONJUNCTION = re.compile(r"^[وفبل](?!ل)")
_ARABIC_PREFIX = re.compile(r"^(?:[وفبكل]|ال|وال|بال|لل|فال)")
_REPEATS = re.compile(r"\[name\](?:[\s,]*\[name\])+")
# Family names in the lists that are also ordinary words at the start of a sentence. Hmong
# clan names (Vang, Xiong, Moua…) are not English or Hmong words: at the start of a sentence
# they are still a person.
_EVERYDAY = frozenset(
    {"her", "long", "young", "white", "black", "brown", "green", "king", "may", "will", "rose", "grace",
     "hope", "hang", "lo", "ha", "le", "do", "so", "li", "ho", "hong", "her's", "don", "park",
     "hall", "wood", "hill", "lane", "street"}
)  # fmt: skip
# Vietnamese words that are also listed names: "Mai" (tomorrow), "Cha" (father), "Do" (because).
_EVERYDAY_BY_LANGUAGE = {
    "vi": _EVERYDAY | {"cha", "mai", "ly", "lý", "hà", "lo", "do", "vu"},
    # "Dolores de cabeza", "Esperanza es lo único que me queda"
    # "Ayaan u baahnaa" (I needed: ayaa + aan), nabad peace, farxad joy, amaan safety,
    # nasteexo advice, sahal easy ("ma ahayn sahal").
    "so": _EVERYDAY
    | {"ayaan", "nabad", "farxad", "amaan", "sabar", "barwaaqo", "nasteexo", "nastexo", "sahal"},
    "es": _EVERYDAY
    | {"dolores", "consuelo", "socorro", "amparo", "esperanza", "luz", "paz", "soledad",
       "remedios", "milagros", "gracia", "victoria", "rosario", "mercedes"},
}  # fmt: skip
# Capitalised words that are never part of a name: institutions, days.
_INSTITUTIONS = frozenset(
    {"police", "department", "county", "court", "courts", "sheriff", "sheriff's", "office",
     "hospital", "shelter", "school", "church", "mosque", "temple", "center", "centre",
     "services", "service", "program", "city", "state", "university", "clinic", "family", "jail",
     "prison", "house", "home", "housing", "protection", "order", "immigration", "child",
     "children", "human", "social", "health", "medical", "emergency", "legal", "aid", "law",
     "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "i", "ice",
     "cps", "da", "er", "dhs", "uscis", "policía", "policia", "corte", "tribunal", "juzgado",
     "iglesia", "escuela", "centro", "fiscalía", "fiscalia", "procuraduría", "advocacy",
     "authority", "agency", "dif",
     "booliska", "maxkamadda", "isbitaalka", "tòa", "bệnh",
     # Somali places and services, bare (a Somali ending comes off before the look-up):
     # hoyga (the shelter), booliiska, xabsiga (jail), cusbitaalka, dugsiga (school),
     # masjidka, xafiiska (office), socdaalka (immigration), haweenka (women's …)
     "hoy", "booli", "boolis", "booliis", "xabsi", "maxkamad", "isbitaal", "cusbitaal",
     "dugsi", "iskuul", "masjid", "masaajid", "xafiis", "socdaal", "haween", "garsoor",
     "viện", "cảnh", "sát", "công", "an", "sở", "tsev", "hais", "plaub", "kuv", "nws", "thiab"}
)  # fmt: skip
# Words that join the parts of one name: "María de los Ángeles", "محمد بن سلمان".
_PARTICLES = frozenset(
    {"de", "del", "la", "las", "los", "y", "van", "von", "der", "den", "da", "di", "du", "dos",
     "das", "bin", "ibn", "bint", "binti", "al", "el", "abu", "abou", "ben", "ould",
     "بن", "ابن", "بنت", "أبو", "ابو", "أم", "ام", "آل", "ود"}
)  # fmt: skip
# "My husband is Jorge", "kuv tus txiv yog Tou", "chồng tôi tên là Minh".
_COPULAS = (
    "is", "was", "named", "called", "es", "era", "se llama", "llamado", "llamada", "là",
    "tên", "tên là", "ten la", "yog", "hu ua", "npe hu ua", "waa", "la yiraahdo", "magaciisu waa",
)  # fmt: skip
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "doña", "dona", "sra", "sr", "srta"})
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
# Hmong given names that open with the word for a girl or a young man ("Nkauj Iab",
# "Nraug Tooj"); elsewhere these are titles.
_NAME_OPENERS = frozenset({"nkauj", "nraug"})
# A Latin-script Arabic family name with its particle joined: "al-Tamimi", "el-Sayed".
_PARTICLE_PREFIX = re.compile(r"(?i:al|el|bin|ibn|abu|abou|bint|ould)[-‐‑]\w{2,}$")
# Family names that are also a title, a word for a relative or a priest before a name
# ("Cha Tâm", father Tâm; "Sheekh Yaasiin"): they stay beside a name.
_NOT_FAMILY_BESIDE_NAME = frozenset(
    {"cha", "chu", "van", "son", "anh", "chong", "sheekh", "sheikh", "xaaji", "neeb", "ntxawm"}
)
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# A street word that is also an everyday word ("3 court dates"): only an address when
# capitalised words name the street ("12 Oak Court").
_AMBIGUOUS_STREET = frozenset(
    {"court", "ct", "ct.", "way", "place", "pl", "pl.", "drive", "dr", "dr.", "trail", "circle",
     "cir", "terrace", "unit", "suite", "ste", "#", "casa", "número", "numero", "núm", "núm.",
     "no.", "piso", "interior", "int", "int.", "exterior", "ext", "ext.", "unidad", "guri",
     "guriga", "qol", "qolka", "dabaq", "dabaqa", "phòng", "tầng", "lầu", "lô", "tổ", "lane",
     "ln", "ln.", "lub tsev", "tsev nyob", "chav tsev", "منزل", "دور", "الدور", "طابق", "الطابق"}
)  # fmt: skip
# The ambiguous street words that name a street ("742 evergreen terrace"), not a flat.
_STREET_NAMED_AMBIGUOUS = frozenset(
    {"court", "ct", "way", "place", "pl", "drive", "dr", "trail", "circle", "cir", "terrace",
     "lane", "ln"}
)  # fmt: skip
_BEFORE_AN_ADDRESS = frozenset(
    {"at", "on", "to", "from", "near", "address", "live", "lived", "lives", "stay", "stayed"}
)
# Units after a number that make it an amount, not an identifier.
_UNITS = (
    "day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours",
    "minutes", "min", "dollars", "bucks", "miles", "días", "dias", "semanas", "meses", "años",
    "anos", "horas", "dólares", "dolares", "ngày", "ngay", "tuần", "tuan", "tháng", "thang",
    "năm", "nam", "giờ", "gio", "đô", "maalmood", "maalin", "toddobaad", "bilood", "sano",
    "saacadood", "saacad", "doollar", "hnub", "lub lim tiam", "hli", "xyoo", "teev", "nyiaj",
    "天", "周", "个月", "年", "小时", "块", "美元", "يوم", "أيام", "ايام", "أسبوع", "اسبوع",
    "شهر", "شهور", "أشهر", "سنة", "سنين", "ساعة", "دولار",
)  # fmt: skip
_UNIT_AFTER = re.compile(rf"\s*(?i:{_alternation(_UNITS)})(?!\w)")
# Words between a house number and a street word that show it is not an address
# ("3 hearings in court", "2 blocks down the street").
_NOT_IN_ADDRESS = frozenset(
    {"in", "on", "at", "the", "a", "to", "of", "from", "down", "up", "near", "by", "and", "or",
     "times", "days", "weeks", "months", "years", "de", "la", "el", "en", "del", "y", "ở", "tại",
     "và", "ka", "iyo", "hauv", "thiab", "في", "و"}
)  # fmt: skip
# After "named" or a kunya ("أبو علي"), the next word is a name whatever its case.
_NAMED = re.compile(
    r"(?P<named>(?<!\w)(?:(?i:named|se llama|se apellida|tên là|npe hu ua|magaciisu waa"
    r"|magaceedu waa|(?:(?:first|last|full|real|sur)\s?)?name(?:\s+is|'s|’s)|goes\s+by"
    r"|(?:su\s+)?(?:nombre|apellido)\s+es|(?:họ\s+)?tên\s+(?:của\s+)?(?:anh|chị|ông|bà)\s+(?:ta\s+)?là)"
    r"|اسمه|اسمها|يدعى|تدعى|(?P<kunya>[وف]?أبو|[وف]?ابو))\s+)(?P<word>(?!\[)\w+)"
)
# After أبو these make "the father of my children" (the ex), not a kunya.
_ARABIC_KIN_AFTER_ABU = frozenset(
    {"أولاد", "الأولاد", "الاولاد", "اولاد", "أولادي", "اولادي", "ولادي", "الولاد", "عيالي",
     "العيال", "ابني", "بنتي", "بناتي", "البنات", "الولد", "ولدي", "البيت", "زوجي"}
)  # fmt: skip
_ARABIC_NAMING = frozenset(
    {"اسمه", "اسمها", "يدعى", "تدعى", "يسمى", "تسمى", "إسمه", "إسمها", "اسمو", "إسمو", "اسمهم",
     "يسموه", "يسموها", "يسمونه", "يسمونها", "سموه", "سموها", "ينادوه", "ينادوها", "ينادونه",
     "ينادونها", "يلقبوه", "يلقبونه", "لقبه", "لقبها", "يقولوله", "يقولولها"}
)  # fmt: skip
# "ناصر وأخوه [name]": a name-word, then "and his brother" and a found name.
_ARABIC_KIN_JOINED = re.compile(
    r"(?<![\w\[])(?P<word>[\u0600-\u06ff]+)(?P<joined>\s+(?P<kin>و[\u0600-\u06ff]+)\s+\[name\])"
)
_ARABIC_SERVANT = re.compile(r"(?<![\w\[])[وفبل]?عبد\s*ال[\u0600-\u06ff]+")
# "يسموه جاكو", "ينادونها لولو", "واحد اسمو سمعان": the word after a naming verb is a name,
# unless it is an ordinary word, a title ("اسمها الدكتورة …") or has the article ("اسمه
# الحقيقي"). "أم" + a listed name is a kunya too ("أم جورج"), but "ام العيال" is the wife.
_ARABIC_NAMED = re.compile(
    r"(?<![\w\[])(?P<named>(?:[وف]?(?:ا|إ)سم(?:و|ه|ها|هم)|يسمو(?:ه|ها)|يسمون(?:ه|ها)|سمو(?:ه|ها)"
    r"|ينادو(?:ه|ها)|ينادون(?:ه|ها)|ينادوا\s+عليه|ينادوا\s+عليها|يلقبو(?:ه|ها)|يلقبون(?:ه|ها)"
    r"|لقب(?:ه|ها)|يقولوله|يقولولها|يقولون\s+له|يقولون\s+لها)\s+)(?P<word>[\u0600-\u06ff]+)"
)
_ARABIC_UMM = re.compile(r"(?<![\w\[])(?P<pre>[وف]?)(?:أم|ام)\s+(?P<word>[\u0600-\u06ff]+)")
# "آل الزين", "آل سعود": the family of; what follows is a family name.
_ARABIC_FAMILY_OF = re.compile(r"(?<![\w\[])آل\s+(?P<word>[\u0600-\u06ff]+)")
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
_SPACED_WORD = rf"(?:[^\W{_HAN}]|['’])+"
# A Han run is its own token, so a Latin name written against Chinese ("Wu说") is a word.
_TOKEN = re.compile(
    rf"\[name\]|[{_HAN}]+|{_SPACED_WORD}(?:-{_SPACED_WORD})*|\s+|.",
    re.DOTALL,
)
_FROM_SOMEWHERE = re.compile(r"\s+(?i:from|at|with|de|con)\s+(?i:the|my|our|la|el|mi|los|las)\s")
_PLACE_MARK = "\x00{}\x00"
_WORD_IN_NAME = re.compile(rf"\[name\] (?P<word>{_UPPER}[^\W\d_]+) \[name\]")
_PLACE_IN_NAME = re.compile(r"\[name\] \x00\d+\x00 \[name\]")
_ANY_DIGIT = re.compile(r"\d")
_ANY_HAN = re.compile(rf"[{_HAN}]")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n]\s*|[\"“«]\s*)$")


def _digits(text: str) -> int:
    return sum(c.isdigit() for c in text)


def _address(m: re.Match[str]) -> str:
    """An address, unless the words around the number show it is not one."""
    if _UNIT_AFTER.match(m.string, m.end()):
        return m.group(0)  # "guriga 3 bilood ayaan ku jiray": three months in the house
    if (
        m.group("before") is not None
        and m.group("before").lower() in _AMBIGUOUS_STREET
        and re.match(r"[-.\s]?\d", m.string[m.end() :])
    ):
        return m.group(0)  # "mi número es 713-555-0148" is a phone number, not a house
    if (
        m.group("before") is not None
        and m.group("before").lower() in _AMBIGUOUS_STREET
        and m.group("between").strip()
        # only when a named street follows the number: "the court for 2 weeks", "court on
        # 3 different days" are times, not a house
        and " " not in m.group("number")
    ):
        return m.group(0)
    if (
        m.group("before") is not None
        and m.group("before").lower() in _AMBIGUOUS_STREET
        and m.group("between").strip()
    ):
        # "guriga wuxuu ku yaallay 2100 Riverside Ave": the house and the words after it
        # stay, the number and street go.
        return m.group("before") + m.group("between") + "[address]"
    if m.group("lead") is not None:
        if m.group("lead").lower() in _AMBIGUOUS_STREET:
            return m.group(0)
        return "[address]"
    if m.group("street") is not None:
        middle = m.group("middle").split()
        if any(w.lower() in _NOT_IN_ADDRESS for w in middle):
            return m.group(0)
        if m.group("street").lower() in _AMBIGUOUS_STREET and (
            not middle or not all(w[0].isupper() or w[0].isdigit() for w in middle)
        ):
            # Typed in lower case ("moved to 742 evergreen terrace"): after a word that
            # leads to a place, a house number of three digits or more and a street name
            # of one or two words that are not everyday ones ("owes 1200 dollars court").
            house = m.group(0).split()[0]
            before = m.string[: m.start()].split()[-1:]
            if not (
                before
                and before[0].lower() in _BEFORE_AN_ADDRESS
                and m.group("street").lower().rstrip(".") in _STREET_NAMED_AMBIGUOUS
                and _digits(house) >= 3
                and 1 <= len(middle) <= 2
                and not any(w.lower() in _rules().ordinary for w in middle)
            ):
                return m.group(0)
    return "[address]"


def _mostly_capitalised(text: str) -> bool:
    """Whether a quote is typed in capitals or Title Case, so a capital marks no name."""
    words = _CAPITALISED.findall(re.sub(r"\[[^\]]*\]", " ", text))
    # A short sentence of proper nouns ("Tôi ở đường Nguyễn Trãi, Westminster") is not one.
    shouted = len(words) >= 3 and sum(w.isupper() for w in words) >= 0.8 * len(words)
    if shouted:
        return True
    if len(words) < 5 or sum(w[0].isupper() for w in words) < 0.8 * len(words):
        return False
    # Title Case capitalises the everyday words too ("My Ex Husband Hit Me In Front Of The
    # Kids"); a short sentence of names and places ("Nkauj Iab Xyooj nyob St. Paul") does not.
    ordinary = _rules().ordinary
    everyday = [w for w in words[1:] if w.lower() in ordinary]
    return len(everyday) >= 2 and sum(w[0].isupper() for w in everyday) >= 0.7 * len(everyday)


def _role_word(word: str, rules: _Rules) -> bool:
    """A role, agency or street word, also with a Somali ending ("Shelter-ka", "Booliska")."""
    lower = word.lower().strip(".,;:!?")
    if lower in rules.roles:
        return True
    stem = lower.split("-")[0]
    return (
        stem in rules.roles
        or _SOMALI_ENDING.sub("", lower) in rules.roles
        or (len(lower) > 6 and _SOMALI_POSSESSIVE.sub("", lower) in rules.roles)
    )


def _is_name_part(
    word: str,
    rules: _Rules,
    language: str,
    caseless: bool = False,
    after_name: bool | None = None,
) -> bool:
    """Whether a word beside a found name is more of that name (erring towards yes).

    ``after_name`` is True when the word follows the name, False when it comes before it,
    None when the caller does not say (then only the word itself counts)."""
    lower = word.lower()
    if word[:1].isupper() and lower in _NAME_OPENERS:
        return True  # "Nkauj Iab Hang": a Hmong name that starts with a word for girl
    if _PARTICLE_PREFIX.match(word):
        return True  # "Abu Hamza al-Tamimi", "Omar bin-Laden": a family name, any case
    if after_name and word[:1].isupper() and lower.rstrip(".") in _SUFFIXES:
        return True  # "[name] Sr.", "[name] III"
    if (
        after_name is not None
        and not caseless
        and word[:1].isupper()
        and lower in rules.family
        and lower not in _NOT_FAMILY_BESIDE_NAME
    ):
        # "Lý [name]", "Hồ [name]": a listed family name right beside a found name is part
        # of it, though it is also a role or ordinary word elsewhere ("hồ sơ", "lý do").
        return True
    if after_name and _ARABIC_WORD.fullmatch(word) and _arabic_after_name(word, rules):
        return True  # "[name] الخوري", "[name] الدين", "[name] هاملتون"
    if _role_word(word, rules) or lower in _PARTICLES or lower.rstrip(".") in rules.months:
        return False
    if _ARABIC_WORD.fullmatch(word):
        bare = _ARABIC_PREFIX.sub("", word)
        if word in rules.arabic_names or (len(bare) > 2 and bare in rules.arabic_names):
            return True
        if (
            word in rules.arabic_beside_name
            or _ARABIC_CONJUNCTION.sub("", word) in rules.arabic_beside_name
            or (after_name and word.startswith("ال") and bare in rules.arabic_beside_name)
        ):
            return True  # "[name] وناصر": a name-word joined to a name by و
        # A family name of origin ("المصري", "الزهراني"), unless it is an ordinary word. Other
        # words with the article stay: Arabic puts the verb first, so "قدم [name] الشكوى"
        # has the complaint, not a family name, after the name.
        return (
            word.startswith("ال")
            and word.endswith("ي")
            and len(word) >= 5
            and word not in rules.arabic_ordinary
        )
    if re.search(rf"[{_HAN}]", word) or not word[0].isupper():
        return False
    if caseless:  # capitals say nothing in a quote typed in capitals or Title Case
        return lower in rules.names
    # An acronym (ICE, CPS, ER) is an agency, unless it is a listed name typed in capitals.
    return not word.isupper() or len(word) == 1 or lower in rules.names


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


def _sentence_start(tokens: list[str], i: int) -> bool:
    """Whether tokens[i] begins a sentence (nothing but spaces and a full stop before it)."""
    j = i - 1
    while j >= 0 and tokens[j].isspace():
        j -= 1
    return j < 0 or tokens[j] in {".", "!", "?", ":", ";", '"', "“", "«", "\n"}


def _merge_names(text: str, rules: _Rules, language: str, caseless: bool = False) -> str:
    """Every capitalised or listed word beside a found name goes with it, and the pieces of
    one name become one placeholder: no "[name] Van [name]" or "[name] Al-Hassan"."""
    tokens = _TOKEN.findall(text)

    def gap(i: int) -> bool:  # a single space (not a line) or a hyphen joins name parts
        return i < len(tokens) and (
            tokens[i] in {"-", "‐"} or (tokens[i].isspace() and "\n" not in tokens[i])
        )

    i = 0
    while i < len(tokens):
        if tokens[i] != PLACEHOLDER:
            i += 1
            continue
        end = i + 1
        while gap(end) and end + 1 < len(tokens):
            # Particles join only when a name part follows them ("de los Ángeles").
            k = end + 1
            while k < len(tokens) and tokens[k].lower() in _PARTICLES and gap(k + 1):
                k += 2
            after_particle = k > end + 1
            if k < len(tokens) and tokens[k] == PLACEHOLDER:
                end = k + 1
            elif (
                after_particle
                and k < len(tokens)  # "hablé con María de la " ends on the particle
                and _ARABIC_WORD.fullmatch(tokens[k])
                and tokens[k] not in rules.arabic_ordinary
            ):
                end = k + 1  # "بنت سعيد", "بن سلمان": whatever follows bin is a name
            elif k < len(tokens) and _is_name_part(tokens[k], rules, language, caseless, True):
                end = k + 1
            elif not after_particle and k < len(tokens) and _arabic_middle(tokens, k, rules):
                end = k + 1  # the father's name; the family name is taken next
                if tokens[k].lower() in _SUFFIXES and end < len(tokens) and tokens[end] == ".":
                    end += 1
            else:
                break
        start = i
        while start >= 2 and gap(start - 1):
            word = tokens[start - 2]
            if word == PLACEHOLDER:
                start -= 2
                continue
            listed = word.lower() in rules.names
            if (
                _ARABIC_WORD.fullmatch(word)
                and word not in rules.arabic_ordinary
                and word not in _ARABIC_NAMING
                and not word.startswith("ال")  # "محامية الهجرة [name]": no given name
                and not _role_word(_ARABIC_PREFIX.sub("", word), rules)
                and not _role_word(word, rules)
            ):
                # An unlisted Arabic word between a title and a name: "طليقي عمر [name]",
                # but not the role or the "his name is" of "ضابط الشرطة اسمه [name]".
                before = tokens[start - 4] if start >= 4 and gap(start - 3) else ""
                if before.lower() in rules.roles or _ARABIC_PREFIX.sub("", before) in rules.roles:
                    start -= 2
                    continue
            joined_title_part = (
                not caseless
                and word[:1].isupper()
                and word.lower() in rules.title_parts
                and word.lower() not in rules.ordinary
                and start >= 4
                and gap(start - 3)
                and tokens[start - 4].lower() in _AND
            )
            if not joined_title_part and not _is_name_part(word, rules, language, caseless, False):
                break
            # "Brayan [name], mi ex": a capitalised word opening the sentence goes with the
            # name too, unless it is an ordinary word ("When [name] called").
            if _sentence_start(tokens, start - 2) and not listed and word.lower() in rules.ordinary:
                break
            start -= 2
        tokens[start:end] = [PLACEHOLDER]
        i = start + 1
    return "".join(tokens)


# Words that join two people ("Brayan y Kevin", "Phuong voi Duc"): a capitalised word joined
# to a found name this way is a person too.
_AND = frozenset(
    {"and", "&", "n", "y", "e", "iyo", "và", "va", "với", "voi", "thiab", "nrog", "or", "o", "ama"}
)
# "and his cousin [name]", "y su hermano [name]"
_POSSESSIVES = frozenset(
    {"his", "her", "my", "their", "our", "su", "sus", "mi", "mis", "tu", "nws", "kuv", "peb",
     "uu", "ay", "ka", "kii", "tôi", "anh", "của"}
)  # fmt: skip
# "Me" in each language, for "me and tasha".
_ME = frozenset({"me", "i", "yo", "mí", "tôi", "toi", "em", "aniga", "anigu", "kuv", "wo"})
# "moved to Dallas and [name]": a capitalised word after these is a place, not a person.
_BEFORE_A_PLACE = frozenset(
    {"in", "to", "at", "from", "near", "en", "desde", "hasta", "para", "ở", "tại", "đến", "tới",
     "từ", "hauv", "nyob", "tom", "ka", "ilaa", "magaalada", "city", "county"}
)  # fmt: skip
# Before a place that is also a name ("Jordan", "Charlotte"), a stricter list than the one
# above: a bare "to", "at" or "from" leads to a person as often ("talked to Jordan", "a text
# from Austin"), so only the verbs of going and living lead there.
_BEFORE_A_PLACE_WORDS = tuple(
    (_BEFORE_A_PLACE - {"to", "at", "from", "para", "tom", "ka", "city", "county"})
    | {"outside", "around", "ku", "city of", "ciudad de", "thành phố", "moved to", "move to",
       "moving to", "went to", "drove to", "flew to", "back to", "then to", "moved from",
       "came from"}
)  # fmt: skip
_SOMALI_AFTER_SUBJECT = frozenset({"ayaa", "baa"})
# Words before a person named alone in lower case on a phone ("le dije todo a lupita",
# "u sheegay xaliimo", "qhia rau maiv"): only where the word marks a person, so an English
# "a grace period" keeps its grace.
_BEFORE_A_PERSON = {
    "es": frozenset({"a", "con", "y"}),
    "so": frozenset({"u", "iyo", "ku", "la"}),
    "hmn": frozenset({"rau", "nrog", "thiab"}),
}


# English and Spanish: a lower-case given name is a person after a verb of speech or contact
# ("i called latrice", "told jaylen", "hablé con lupita") or before what a person does
# ("then marcus showed up", "antwan was arrested", "lupita me dijo"); typed on a phone,
# nothing else marks it.
_BEFORE_A_PERSON_WORDS = {
    "en": frozenset(
        {
            "called",
            "call",
            "calling",
            "told",
            "tell",
            "telling",
            "texted",
            "text",
            "texting",
            "messaged",
            "asked",
            "with",
            "w",
            "w/",
            "named",
            "then",
            "saw",
            "met",
            "and",
        }
    ),
    "es": frozenset({"dije", "llamé", "llame", "hablé", "hable", "conocí", "conoci", "vi"}),
    "so": frozenset({"hadlay", "sheegay", "wacay", "wacday", "yeeray", "weydiiyay", "weydiisay"}),
}
# Two words before the name: "talked to tasha", "spoke with destiny".
_BEFORE_A_PERSON_PAIRS = frozenset(
    {("talked", "to"), ("spoke", "to"), ("talk", "to"), ("speak", "to"), ("reached", "to"),
     ("out", "to"), ("said", "to"), ("lied", "to"), ("went", "to")}
)  # fmt: skip
_AFTER_A_PERSON = {
    "en": frozenset(
        {
            "said",
            "says",
            "told",
            "tells",
            "showed",
            "shows",
            "came",
            "comes",
            "called",
            "calls",
            "texted",
            "texts",
            "was",
            "is",
            "started",
            "starts",
            "kept",
            "keeps",
            "got",
            "gets",
            "had",
            "has",
            "took",
            "takes",
            "tried",
            "hit",
            "hits",
            "broke",
            "left",
            "picked",
            "drove",
            "went",
            "helped",
            "yelled",
            "pushed",
            "threatened",
            "would",
            "wont",
            "won't",
            "didnt",
            "didn't",
            "doesnt",
            "doesn't",
            "never",
            "always",
            "knew",
            "knows",
            "saw",
            "wanted",
            "wants",
            "grabbed",
            "choked",
            "slapped",
            "punched",
            "followed",
            "stalked",
            "lied",
            "swore",
            "pulled",
            "ran",
            "walked",
            "threw",
            "put",
            "made",
            "let",
            "wouldnt",
            "wouldn't",
            "couldnt",
            "couldn't",
            "did",
            "does",
        }
    ),
    "es": frozenset(
        {
            "dijo",
            "llegó",
            "llego",
            "vino",
            "llamó",
            "llamo",
            "fue",
            "estaba",
            "empezó",
            "empezo",
            "gritó",
            "grito",
            "pegó",
            "pego",
            "amenazó",
            "amenazo",
            "sabía",
            "sabia",
        }
    ),
    # The focus markers: "maxamed ayaa igu qeylyey" (it was Maxamed who shouted at me).
    "so": frozenset({"ayaa", "baa"}),
}
# Before a name that is also a thing ("the bill was", "a mark was left"), a word that takes
# a noun: no person there.
_BEFORE_A_THING = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "my", "your", "our", "their", "its",
     "some", "any", "no", "every", "each", "of", "el", "la", "los", "las", "un", "una", "mi",
     "su", "tu"}
)  # fmt: skip
# Given names that are everyday words too (in Somali: knowledge, whole, heir, blessing…): a
# verb after them or a "with" before them says nothing ("with grace", "hope is gone"); a
# verb of speech before them or a title still marks them.
_WORD_NAMES = frozenset(
    {"will", "hope", "grace", "faith", "joy", "mercy", "destiny", "angel", "crystal", "amber",
     "ruby", "penny", "holly", "ivy", "iris", "jade", "star", "honey", "precious", "patience",
     "chase", "hunter", "rob", "guy", "max", "sandy", "skip", "sunny", "major", "king", "prince",
     "royal", "justice", "heaven", "trinity", "miracle", "don", "drew", "dale", "glen", "lane",
     "page", "wade", "miles", "cliff", "rocky", "rusty", "buddy", "chance", "christian",
     "august", "harmony", "melody", "serenity", "journey", "unique", "diamond", "genesis",
     "essence", "bill", "mark", "frank", "rich", "art", "jack", "sue", "pat", "ray", "dawn",
     "summer", "april", "june", "may", "kenya", "china", "paris", "jordan", "austin", "dallas",
     "jesus", "tiara", "raven", "dre", "ty", "jay", "joe", "sky", "river", "storm", "rose",
     "dolores", "luz", "paz", "rosario", "mercedes", "victoria", "angeles", "trey", "nia",
     "cruz", "nieves", "blanca", "rocio", "salvador", "santiago", "fatima", "hodan", "nabad",
     "amaan", "sabar", "guul", "carol", "ann", "dee", "nick", "josh", "cole", "hank", "jean",
     "jill", "tay", "ted", "sam", "dung", "fang", "yer", "hoa", "mai", "levi", "harper",
     "mason", "chuck", "gail", "neil", "bree", "kiki", "missy", "tish", "ben",
     "cilmi", "idil", "waris", "nimco", "ubax", "qamar", "luul", "deeqa", "rahma", "nuur",
     "shukri", "ifrah", "samatar"}
)  # fmt: skip


# Words before a name that also come before ordinary words ("with hope", "and grace").
_WEAK_BEFORE = frozenset({"with", "w", "w/", "and", "then", "named"})


def _person_by_context(tokens: list[str], i: int, language: str) -> bool:
    """Whether the lower-case listed name tokens[i] stands where a person stands."""

    def word_at(j: int) -> str:
        return tokens[j].lower() if 0 <= j < len(tokens) else ""

    starts = _sentence_start(tokens, i)
    if not starts and not (i >= 1 and tokens[i - 1] == " "):
        return False
    before = "" if starts else word_at(i - 2)
    if before in _WEAK_BEFORE:
        pass
    elif before in _BEFORE_A_PERSON_WORDS.get(language, ()) or (
        (word_at(i - 4), before) in _BEFORE_A_PERSON_PAIRS and language == "en"
    ):
        return True  # "told hope everything": a verb of speech marks even a word-name
    if tokens[i].lower() in _WORD_NAMES:
        return False
    if before in _WEAK_BEFORE and before in _BEFORE_A_PERSON_WORDS.get(language, ()):
        return True
    if not (i + 1 < len(tokens) and tokens[i + 1] == " ") or before in _BEFORE_A_THING:
        return False
    after = word_at(i + 2)
    return after in _AFTER_A_PERSON.get(language, ()) or (
        language == "en" and after == "and" and word_at(i + 4) in _POSSESSIVES | {"i"}
    )


def _plain_word(word: str, rules: _Rules, everyday: frozenset[str]) -> bool:
    lower = word.lower()
    return (
        lower in rules.ordinary
        or lower in rules.roles
        or lower in everyday
        or lower in _PARTICLES
        or lower in _NOT_A_NAME_AFTER
    )


def _unmarked_names(
    text: str, rules: _Rules, language: str, everyday: frozenset[str], caseless: bool
) -> str:
    """Names that no title or capital marks: a run of two or more listed names typed in lower
    case ("faadumo xasan", "nguyen thanh tam"), a listed name after a word that marks a person
    ("a lupita"), and a capitalised word joined to a found name ("Brayan y [name]")."""
    listed = rules.lowercase.get(language)
    if listed is None:
        return text
    if language == "en":
        text = _english_initials(text)
    tokens = _TOKEN.findall(text)
    words = [i for i, t in enumerate(tokens) if t[:1].isalpha() and not _ANY_HAN.match(t)]
    # Each word's standing, worked out once: 2 a lower-case listed name, 1 a middle name that
    # is also a word ("thanh", which joins a run but does not start one), 0 neither.
    standing = {
        i: 2
        if tokens[i] in listed
        and tokens[i].islower()
        and not _plain_word(tokens[i], rules, everyday)
        else int(tokens[i].lower() in rules.middle)
        for i in words
    }

    def _family_then_middle(run: list[int]) -> bool:
        # A Vietnamese family name then a middle name ("tran thi", "ngô văn") is a name
        # even when the given name after them is not listed.
        return (
            language == "vi"
            and len(run) >= 2
            and tokens[run[0]].lower() in rules.family
            and standing[run[0]] == 2
            and standing[run[1]] == 1
        )

    found: set[int] = set()
    run: list[int] = []
    for i in [*words, -1]:
        joins = i >= 0 and standing[i] > 0
        if joins and (not run or (i == run[-1] + 2 and tokens[i - 1] == " ")):
            run.append(i)
            continue
        if sum(standing[j] == 2 for j in run) >= 2 or _family_then_middle(run):
            found.update(run)
            # "ngo van tai": after a Vietnamese middle name comes the given name, listed or
            # not.
            after = run[-1] + 2
            if (
                language == "vi"
                and standing[run[-1]] == 1
                and after < len(tokens)
                and tokens[run[-1] + 1] == " "
                and after in standing
                and (
                    not _plain_word(tokens[after], rules, everyday)
                    # "tran thi mai": after a family and a middle name the given name comes,
                    # though it is also a word ("mai", tomorrow), unless a function word
                    or (_family_then_middle(run) and tokens[after].lower() not in rules.ordinary)
                )
            ):
                found.add(after)
        run = [i] if joins else []
    cues = _BEFORE_A_PERSON.get(language, frozenset())

    def word_at(j: int) -> str:
        return tokens[j].lower() if 0 <= j < len(tokens) else ""

    for i in words:
        if standing[i] != 2:
            continue
        if (i >= 2 and tokens[i - 1] == " " and word_at(i - 2) in cues) or (
            tokens[i] in rules.given and _person_by_context(tokens, i, language)
        ):
            found.add(i)
        # "me and tasha", "tasha and me", "kuv thiab nou": someone named beside "me".
        if (word_at(i - 2) in _AND and word_at(i - 4) in _ME) or (
            word_at(i + 2) in _AND and word_at(i + 4) in _ME
        ):
            found.add(i)
    if language == "es":
        found |= _spanish_unmarked(tokens, words, standing, found)
    if language in ("en", "es"):
        # "kevin hill", "[name] ramirez": a listed family name typed in lower case right
        # after a found name is the rest of it.
        for i in words:
            word = tokens[i]
            if (
                word.islower()
                and word in rules.family
                and word in listed
                and word not in rules.ordinary
                and word not in {"long", "will", "may"}
                and i >= 2
                and tokens[i - 1] == " "
                and (tokens[i - 2] == PLACEHOLDER or i - 2 in found)
            ):
                found.add(i)
    if language == "so" and not caseless:
        # "…, Farxiya ayaa turjumaan ahayd": a capitalised word inside a sentence before the
        # focus marker (ayaa, baa) or "oo" (who) is a person, listed or not.
        for i in words:
            word = tokens[i]
            if (
                word[0].isupper()
                and not word.isupper()
                and word_at(i + 2) in _SOMALI_AFTER_SUBJECT
                and tokens[i + 1] == " "
                and not _sentence_start(tokens, i)
                and not _plain_word(word, rules, everyday)
                and not _role_word(word, rules)
                # "maxkamadda Columbus ayaa": a place named after a role or agency word
                and not (i >= 2 and _role_word(word_at(i - 2), rules))
            ):
                found.add(i)
    if language == "en":
        english = _english_unmarked(tokens, words, standing, found, rules, everyday, caseless)
        for i in english - found:
            # "went over to [name]'s house": the possessive stays, as after a title
            owner = _POSSESSIVE.search(tokens[i])
            tokens[i] = PLACEHOLDER + (owner.group(0) if owner else "")
    if not caseless and (found or PLACEHOLDER in text):
        for i in words:
            word = tokens[i]
            # A capitalised word, or in Somali a listed name in lower case ("[name] iyo
            # saaxiibkiis abdi"; Vietnamese and Hmong syllables are too often names for this).
            if (
                not (word[0].isupper() or (standing[i] == 2 and language == "so"))
                or word.isupper()
                or _plain_word(word, rules, everyday)
            ):
                continue
            for step in (2, -2):
                if _joined_to_a_name(tokens, i, step, found, rules):
                    found.add(i)
    for i in found:
        tokens[i] = PLACEHOLDER
    return "".join(tokens)


# English names nothing marks (typed on a phone, of any origin: "i called chidi", "my cousin
# jonel", "lil tre", "harpreet kaur told"). A word no English dictionary knows is a name where a
# person stands. The dictionary is pyspellchecker's English frequency list (MIT), read the
# first time an English quote is redacted; without it these rules are off.
_EN_PERSON_CUES = frozenset(
    {"named", "then", "with", "w", "w/", "and", "n", "&", "ask", "asked", "when", "cause",
     "because", "bc", "cuz", "until", "till", "til", "after", "before", "if", "since", "while",
     "once", "against", "about", "for"}
)  # fmt: skip
# "went back to Dmitri", "talked to chidi"; not "went to", "moved to" (a place).
_EN_PERSON_PAIRS = frozenset(
    {("talked", "to"), ("spoke", "to"), ("talk", "to"), ("speak", "to"), ("out", "to"),
     ("said", "to"), ("lied", "to"), ("back", "to"), ("married", "to"), ("engaged", "to"),
     ("gave", "to"), ("sent", "to"), ("belongs", "to"), ("name", "was"), ("name", "is")}
)  # fmt: skip
_EN_AFTER_A_PERSON = frozenset(
    {"stayed", "stays", "lives", "lived", "works", "worked", "drives", "beat", "beats", "hurt",
     "hurts", "cheated", "moved", "stole", "kicked", "raped", "attacked", "jumped", "sent",
     "tells", "wouldnt", "cant", "can't", "won't", "wont", "will", "keeps", "kept", "needs",
     "called", "came", "comes", "showed", "drove", "picked", "took", "got", "found", "gave",
     "brought", "asked", "heard", "stopped", "blocked", "posted", "sees", "thinks", "thought",
     "believed", "laughed", "cried", "screamed", "smashed", "ripped", "dragged", "pays", "paid",
     "could", "can", "should", "might", "must", "did", "does", "has", "had"}
)  # fmt: skip
# "moved to Fresno", "took me to Regions": going somewhere, so "to" leads to a place; other
# verbs ("gave my number to Sipho") lead to a person.
_EN_GOING = frozenset(
    {"went", "go", "goes", "going", "gone", "moved", "move", "moving", "drove", "drive",
     "driving", "came", "come", "coming", "ran", "run", "running", "flew", "fly", "took", "take",
     "taking", "brought", "bring", "transferred", "relocated", "headed", "walked", "rode",
     "traveled", "travelled", "trip", "way", "back", "bus", "ride", "sent", "me", "us", "them",
     "him", "her", "kids", "all", "out", "down", "up", "over", "get", "got", "made", "make"}
)  # fmt: skip
# "lives by Lake Street" (a place), but "jumped by Tevin" (a person).
_EN_STAYING = frozenset(
    {"live", "lives", "lived", "living", "stay", "stays", "stayed", "staying", "right", "over",
     "near", "somewhere", "drove", "went", "walked", "passed", "stopped"}
)  # fmt: skip
# Kin words the English titles lack, before a name typed on a phone ("their nana lupe").
_EN_KIN = frozenset(
    {"nana", "granny", "gran", "tia", "tio", "sis", "bro", "stepdad", "stepmom", "godmother",
     "godfather", "babysitter", "roommate", "mama", "papa", "pops", "unc", "auntie"}
)  # fmt: skip
# Second given names after a found one in lower case ("mary jo", "lee ann").
_EN_SECOND_NAMES = frozenset(
    {"ann", "anne", "jo", "lou", "lynn", "mae", "sue", "kay", "dee", "jean", "rae", "beth",
     "marie", "louise", "lee", "ray", "jay", "joe", "bob", "jr"}
)  # fmt: skip
# Before a capitalised word, these make it a place ("in Hennepin", "moved to Fresno").
_EN_BEFORE_A_PLACE = frozenset(
    {"in", "at", "from", "near", "to", "into", "outside", "around", "of", "on", "by", "through",
     "across", "toward", "towards", "via", "visit", "visiting", "downtown"}
)  # fmt: skip
# "d.j.", "K.C.": initials standing for a name, but not "a.m.", "e.g." or "P.O."
_EN_INITIALS = re.compile(r"(?<![\w.])(?:[A-Za-z]\.){2,3}(?![\w.])")
_EN_NOT_INITIALS = frozenset(
    {"a.m.", "p.m.", "e.g.", "i.e.", "u.s.", "u.k.", "d.c.", "p.o.", "a.k.a.", "u.s.a.", "r.n.",
     "m.d.", "b.a.", "n.a.", "a.d.", "b.c.", "o.k.", "t.v."}
)  # fmt: skip
# "D'Angelo", "o'neal", "Ja'Marcus": a name by its shape, but not "o'clock" or "y'all".
_EN_ENDINGS = ("ing", "in", "ed", "d", "s", "es", "er", "ers", "y", "ly", "z", "able", "ness")
_EN_CORNER = re.compile(r"\d+(?:st|nd|rd|th)\s*(?:&|and|n)\s+$", re.IGNORECASE)
_EN_CORNER_AFTER = re.compile(r"\s+(?:&|and|n)\s*\d+(?:st|nd|rd|th)", re.IGNORECASE)
_EN_APOSTROPHE_NAME = re.compile(r"^[^\W\d_]{1,3}['’][^\W\d_]{3,}$")
_EN_NOT_APOSTROPHE_NAME = frozenset(
    {"o'clock", "y'all", "ma'am", "c'mon", "g'night", "e'er", "ne'er", "o'er", "li'l"}
)


def _word_counts(language: str) -> dict[str, int]:
    """pyspellchecker's frequency list for ``language`` (word: times seen), read afresh; empty
    without the package. Callers keep sets of its words and let the list go."""
    try:
        from spellchecker import SpellChecker
    except ImportError:  # pragma: no cover - installed with the app
        return {}
    return dict(SpellChecker(language=language, distance=1).word_frequency.dictionary)


@lru_cache(maxsize=1)
def _english_dictionary() -> dict[int, frozenset[str]]:
    """English words from pyspellchecker's frequency list: all of them (key 0), and those
    seen more than 100 and 200 times. Kept as sets, so the list itself is let go (a worker
    holds about 20 MB for them)."""
    counts = _word_counts("en")
    if not counts:
        return {}
    return {
        0: frozenset(counts),
        **{rare: frozenset(w for w, n in counts.items() if n > rare) for rare in (100, 200)},
    }


@lru_cache(maxsize=1)
def _english_lists() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """Shorthand that is a word, surnames that are words, nickname openers, and the words of
    English titles ("cousin", "caseworker", "po"): the English lists only, so "toi" (a
    Vietnamese title word) or "prima" does not mark an English name."""
    en = _load().get("en", {})
    return (
        frozenset(w.lower() for w in en.get("words_not_in_the_dictionary", [])),
        frozenset(w.lower() for w in en.get("family_names_that_are_words", [])),
        frozenset(w.lower() for w in en.get("nickname_openers", [])),
        frozenset(
            word.strip(".")
            for title in en.get("titles_before", [])
            for word in title.lower().split()
            if word.strip(".") not in _POSSESSIVES
        )
        | {"po", "co", "cw"}
        | _EN_KIN,
    )


def _english_word(word: str, rules: _Rules, everyday: frozenset[str], rare: int = 0) -> bool:
    """Whether ``word`` is an English word (or a number, a role, an agency, chat shorthand):
    anything but an unlisted name. With ``rare``, a word seen fewer times than that in the
    frequency list counts as a name too (capitalised, "Dmitri" is more name than word)."""
    lower = _POSSESSIVE.sub("", word.lower().strip("'’.-"))
    if everyday is not _EVERYDAY:
        return _english_word_uncached(lower, rules, everyday, rare)
    return _english_word_cached(lower, rare)


@lru_cache(maxsize=8192)
def _english_word_cached(lower: str, rare: int) -> bool:
    return _english_word_uncached(lower, _rules(), _EVERYDAY, rare)


def _english_word_uncached(lower: str, rules: _Rules, everyday: frozenset[str], rare: int) -> bool:
    dictionary = _english_dictionary()
    if not dictionary or len(lower) < 2 or not lower.isalpha():
        return True
    known = dictionary[rare]
    if lower in known:
        return True
    if (
        _plain_word(lower, rules, everyday)
        or _role_word(lower, rules)
        or lower in _english_lists()[0]
        or lower in _WORD_NAMES
    ):
        return True
    # "prosecuter", "sherrif", "advocat": a role word misspelt is still the role.
    if len(lower) >= 5 and any(_one_edit(lower, role) for role in _english_roles(rules)):
        return True
    # "didnt", "im", "thats": a contraction typed without its apostrophe.
    if any(f"{lower[:k]}'{lower[k:]}" in dictionary[0] for k in range(1, len(lower))):
        return True
    # "texting", "ghosted", "cussin": an ending the list does not spell out, on a word it has.
    for ending in _EN_ENDINGS:
        stem = lower[: -len(ending)]
        if lower.endswith(ending) and len(stem) >= 3:
            candidates = {stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else stem}
            if any(c in known for c in candidates):
                return True
    return False


def _english_roles(rules: _Rules) -> frozenset[str]:
    words = _english_lists()[3] | {w for w in _INSTITUTIONS if w.isascii()}
    return frozenset(w for w in words if len(w) >= 5 and w.isalpha())


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one letter added, dropped, changed or swapped."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        swapped = a[i + 1 : i + 2] == b[i : i + 1] and a[i : i + 1] == b[i + 1 : i + 2]
        return a[i + 1 :] == b[i + 1 :] or (swapped and a[i + 2 :] == b[i + 2 :])
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[i + 1 :] == shorter[i:]


def _english_place_before(before: str) -> bool:
    """Whether what comes before a listed name makes it a city: "in", or "to" after a verb
    of going ("drove to Madison", "moved to Charlotte")."""
    words = before.lower().split()[-6:]
    if not words:
        return False
    if words[-1] in {"in", "near"}:
        return True
    if len(words) >= 2 and (words[-2], words[-1]) in _EN_PERSON_PAIRS:
        return False  # "went back to Terrence", "talked to Charlotte"
    return words[-1] in {"to", "from"} and bool(set(words[:-1]) & (_EN_GOING - {"me", "us"}))


def _english_initials(text: str) -> str:
    """Initials standing for a name ("my ex d.j. broke my phone")."""
    return _EN_INITIALS.sub(
        lambda m: m.group(0) if m.group(0).lower() in _EN_NOT_INITIALS else PLACEHOLDER, text
    )


def _english_unmarked(
    tokens: list[str],
    words: list[int],
    standing: dict[int, int],
    found: set[int],
    rules: _Rules,
    everyday: frozenset[str],
    caseless: bool,
) -> set[int]:
    """English names no list or capital marks: a word no dictionary knows where a person
    stands, the words of a name beside it, nicknames ("lil tre", "big mike"), a surname that
    is a word after a given name ("marcus brown"), a single letter ("T said")."""
    surname_words, openers, titles = _english_lists()[1:]
    common = _english_dictionary().get(200, frozenset())

    def word_at(j: int) -> str:
        return tokens[j].lower() if 0 <= j < len(tokens) and j in standing else ""

    def spaced(j: int) -> bool:  # tokens[j] and tokens[j + 2] are one space apart
        return 0 <= j and j + 1 < len(tokens) and tokens[j + 1] == " "

    def is_name(j: int) -> bool:
        return j in found or (0 <= j < len(tokens) and tokens[j] == PLACEHOLDER)

    def candidate(i: int) -> int:
        """2 when tokens[i] may be a name, 1 when it is a rare word that a strong mark (a
        title, "told", "me and") makes a name ("my mom rowena"), 0 when it is a word."""
        word = tokens[i]
        if standing[i] != 2 and word in common:
            return 0  # the common case: an everyday word in lower case
        if (word.isupper() or word[:-1].isupper()) and len(word) > 1 and not caseless:
            return 0  # an agency's letters (YWCA, DCFS, DUIs)
        bare = _POSSESSIVE.sub("", word)
        if _EN_APOSTROPHE_NAME.match(bare) and bare.lower() not in _EN_NOT_APOSTROPHE_NAME:
            return 3  # "D'Angelo", "o'neal": a name by its shape
        if "-" in bare:  # "mary-kate", "jean-pierre": every part a name or no word
            parts = [p.lower() for p in bare.split("-")]
            if any(p in rules.given and p not in _WORD_NAMES for p in parts):
                # "jean-pierre": beside a listed given name, any part not a plain word
                return 2 * all(
                    p in rules.names or not _plain_word(p, rules, everyday) for p in parts
                )
            return 2 * all(p in rules.names or not _english_word(p, rules, everyday) for p in parts)
        if word[0].isupper() and not caseless:
            return 2 * (not _english_word(word, rules, everyday, rare=100))
        if standing[i] == 2:
            return 2 * (word.lower() not in _WORD_NAMES)  # "with grace" keeps its grace
        if not _english_word(word, rules, everyday):
            return 2
        return int(not _english_word(word, rules, everyday, rare=200))

    def person_here(i: int, level: int) -> bool:
        """Whether the word at tokens[i] stands where a person stands."""
        starts = _sentence_start(tokens, i)
        before = "" if starts or not spaced(i - 2) else word_at(i - 2)
        after = word_at(i + 2) if spaced(i) else ""
        capital = tokens[i][0].isupper() and not caseless
        if before == "that" and level == 2 and after in _EN_AFTER_A_PERSON:
            return True  # "told the nurse that tavita did it"
        if before in _BEFORE_A_THING and before not in _POSSESSIVES:
            return False
        owner = bool(_POSSESSIVE.search(tokens[i]))  # "went over to Kwame's house"
        if (
            (capital or caseless)
            and before in _EN_BEFORE_A_PLACE
            and (word_at(i - 4), before) not in _EN_PERSON_PAIRS
            and not owner
            and not (
                before in {"to", "by"}
                and not {word_at(i - k) for k in range(4, 14, 2)}
                & (_EN_GOING if before == "to" else _EN_STAYING)
            )
        ):
            return False  # "on probation in Hennepin", "moved to Fresno"
        if before in {"in", "near", "outside", "around", "into"} and not owner:
            return False  # "we lived in burnsville": a place in any case
        if (
            before in _AND
            and i >= 6
            and tokens[i - 4] != PLACEHOLDER
            and word_at(i - 6) in {"in", "near", "outside", "around", "into"}
        ):
            return False  # "in eagan and burnsville": a second place after the first
        if level == 3 or (owner and level == 2 and not starts):
            return True
        if before in _POSSESSIVES:
            return False
        if capital and not starts and _role_word(after, rules) and after not in titles:
            return False  # "Ramsey County": the name of a place
        if (
            capital
            and (
                # "35th & Bloomington", "Bloomington and 38th": a corner
                _EN_CORNER.search("".join(tokens[max(0, i - 4) : i]))
                or _EN_CORNER_AFTER.match("".join(tokens[i + 1 : i + 5]))
                # "[address], Burnsville": the town of an address
                or re.search(
                    r"(?:\[address\]|\x00\d+\x00),\s*$", "".join(tokens[max(0, i - 6) : i])
                )
                # "to Eagan and Burnsville": a second place after the first
                or (
                    (before in _AND or tokens[i - 2 : i - 1] == [","])
                    and tokens[i - 4 : i - 3] != [PLACEHOLDER]
                    and i >= 4
                    and tokens[i - 4][:1].isupper()
                    and word_at(i - 6) in _EN_BEFORE_A_PLACE
                )
            )
        ):
            return False
        if capital and not starts:
            return True  # capitalised inside a sentence, and no dictionary knows it
        if caseless and not starts:
            return True  # typed in capitals: a word no dictionary knows
        strong = (
            (before in _BEFORE_A_PERSON_WORDS["en"] and before not in _EN_PERSON_CUES)
            # "the detective, ifeoma okafor, said": a name after a role and a comma
            or (i >= 3 and tokens[i - 2] == "," and tokens[i - 3].lower() in titles)
            or (word_at(i - 4), before) in _EN_PERSON_PAIRS | {("in", "law")}
            or (before in titles and before not in rules.ordinary | {"ex"})
            or (before == "ex" and word_at(i - 4) in _POSSESSIVES)
            or (before in _AND and word_at(i - 4) in _ME)  # "me and dakota", "me n nneka"
        )
        if strong:
            return True
        if level < 2:
            return False
        if before in _EN_PERSON_CUES:
            return True
        if after in _AFTER_A_PERSON["en"] or after in _EN_AFTER_A_PERSON:
            return True
        if after in _AND and (word_at(i + 4) in _POSSESSIVES | {"i", "me"}):
            return True  # "sione and his brothers"
        if after in {"from", "at"} and (
            word_at(i + 4) in {"the", "my", "his", "her", "our"}
            or _role_word(word_at(i + 4), rules)
            or (i + 4 < len(tokens) and tokens[i + 4].isupper() and len(tokens[i + 4]) > 1)
        ):  # "from DCFS", "at the ER"
            return starts or not before  # "winona from the tribal court"
        # "tahnee my cousin from the rez": a name, then who she is
        return starts and after in _POSSESSIVES and word_at(i + 4) in titles

    new: set[int] = set()
    for i in words:
        word = tokens[i]
        lower = word.lower()
        if i in found:
            continue
        # "T said", "told T": one capital letter where a person stands.
        if len(word) == 1 and word.isupper() and word not in {"I", "A"}:
            if (spaced(i) and word_at(i + 2) in _AFTER_A_PERSON["en"]) or (
                spaced(i - 2) and word_at(i - 2) in _BEFORE_A_PERSON_WORDS["en"]
            ):
                new.add(i)
            continue
        if lower in openers and spaced(i) and is_name(i + 2):
            new.add(i)  # "Big [name]"
            continue
        if (
            lower in openers
            and spaced(i)
            and i + 2 in standing
            and word_at(i - 2)
            not in {
                "a",
                "an",
                "the",
            }
        ):
            nxt = tokens[i + 2]
            if (standing[i + 2] == 2 and nxt.lower() not in _WORD_NAMES) or not _english_word(
                nxt, rules, everyday
            ):
                new.update({i, i + 2})  # "lil tre", "big mike"
                continue
        level = candidate(i)
        if level and person_here(i, level):
            new.add(i)
    # Lower-case words no English word list knows and that stand nowhere a person stands: a
    # few are typos and slang, many mean the quote is not plain English (Spanish or
    # Vietnamese typed without accents, code-switching), where these rules would take words.
    strays = sum(
        1
        for i in words
        if i not in new
        and tokens[i].islower()
        and standing[i] != 2
        and tokens[i] not in common
        and not _english_word(tokens[i], rules, everyday)
    )
    if strays >= 2 and strays * 5 > len(words):
        return set()
    # More of a name beside one found: a word no dictionary knows, a listed name, a surname
    # that is a word ("harpreet kaur", "rowena dela cruz", "marcus brown").
    for i in words:
        lower = tokens[i].lower()
        if (
            lower in surname_words
            and tokens[i].islower()
            and spaced(i - 2)
            and (
                is_name(i - 2)
                or (standing.get(i - 2) == 2 and tokens[i - 2].lower() not in _WORD_NAMES)
            )
            and word_at(i + 2) not in {"people", "man", "woman", "guy", "lady", "girl", "boy"}
        ):
            new.add(i)
            if i - 2 in standing:
                new.add(i - 2)
    changed = bool(new or found or PLACEHOLDER in tokens)
    while changed:
        changed = False
        for i in words:
            beside = (spaced(i - 2) and (is_name(i - 2) or i - 2 in new)) or (
                spaced(i) and (is_name(i + 2) or i + 2 in new) and not tokens[i][0].isupper()
            )
            if i in new or i in found or not beside:
                continue
            word = tokens[i]
            if (word.isupper() and not caseless) or _sentence_start(tokens, i):
                continue
            if word.lower() in titles:
                continue  # "their nana [name]": the kin word stays
            second = (
                word.lower() in _EN_SECOND_NAMES
                and word.islower()
                and spaced(i - 2)
                and (is_name(i - 2) or i - 2 in new)
            )
            if (
                second
                or not _english_word(word, rules, everyday)
                or (standing[i] == 2 and word.lower() not in rules.ordinary)
            ):
                new.add(i)
                changed = True
    return new


# Spanish names nothing marks (typed on a phone: "me fui con mi prima chayo", "le dije a
# yuli", "el brayan me pegó", "don chema"). A word no Spanish word list knows is a name where a
# person stands. The list is pyspellchecker's Spanish frequency list (MIT), read the first
# time a Spanish quote is redacted; without it these rules are off. It holds base forms only
# ("dije" but not "dijo", "hijo" but not "hijos"), so plurals and verb endings are taken off
# before the look-up, and irregular forms, slang and chat shorthand are listed in
# `words_not_in_the_dictionary` ("fue", "wey", "troca", "pq").
# Verb and plural endings (accents stripped) and the endings of the word they come from.
_ES_ENDINGS = (
    ("s", ("",)),
    ("es", ("",)),
    ("o", ("ar", "er", "ir")),
    ("as", ("ar",)),
    ("a", ("ar", "er", "ir")),
    ("amos", ("ar",)),
    ("an", ("ar", "er", "ir")),
    ("e", ("ar", "er", "ir")),
    ("en", ("ar", "er", "ir")),
    ("emos", ("er", "ar")),
    ("imos", ("ir",)),
    ("aste", ("ar",)),
    ("asteis", ("ar",)),
    ("aron", ("ar",)),
    ("iste", ("er", "ir")),
    ("io", ("er", "ir")),
    ("ieron", ("er", "ir")),
    ("yo", ("er", "ir")),
    ("yeron", ("er", "ir")),
    ("i", ("er", "ir")),
    ("aba", ("ar",)),
    ("abas", ("ar",)),
    ("abamos", ("ar",)),
    ("aban", ("ar",)),
    ("ia", ("er", "ir")),
    ("ias", ("er", "ir")),
    ("iamos", ("er", "ir")),
    ("ian", ("er", "ir")),
    ("ara", ("ar",)),
    ("aran", ("ar",)),
    ("ase", ("ar",)),
    ("iera", ("er", "ir")),
    ("ieran", ("er", "ir")),
    ("iese", ("er", "ir")),
    ("ando", ("ar",)),
    ("iendo", ("er", "ir")),
    ("yendo", ("er", "ir")),
    ("ado", ("ar",)),
    ("ada", ("ar",)),
    ("ados", ("ar",)),
    ("adas", ("ar",)),
    ("ido", ("er", "ir")),
    ("ida", ("er", "ir")),
    ("idos", ("er", "ir")),
    ("idas", ("er", "ir")),
    ("ito", ("o", "")),
    ("ita", ("a", "")),
    ("itos", ("o", "")),
    ("itas", ("a", "")),
    ("cito", ("",)),
    ("cita", ("",)),
    ("isimo", ("o",)),
    ("isima", ("a",)),
    ("mente", ("",)),
    # "tuvo", "detuvieron", "anduve"; "condujo", "tradujeron"
    ("uve", ("ener", "ar")),
    ("uvo", ("ener", "ar")),
    ("uvimos", ("ener", "ar")),
    ("uvieron", ("ener", "ar")),
    ("uje", ("ucir",)),
    ("ujo", ("ucir",)),
    ("ujeron", ("ucir",)),
)
# Future and conditional endings come after the whole infinitive ("llamare", "pegaria").
_ES_AFTER_INFINITIVE = ("e", "as", "a", "emos", "an", "ia", "ias", "iamos", "ian")
# Pronouns joined to a verb ("llevarme", "diciendole", "dimelo").
_ES_CLITICS = ("selo", "sela", "melo", "mela", "telo", "me", "te", "se", "lo", "la", "le",
               "los", "las", "les", "nos")  # fmt: skip
# A word after these stands where a person stands ("le dije a yuli", "hablé con kenia").
_ES_CONTACT = frozenset(
    {"dije", "dijo", "dijeron", "conte", "conto", "llame", "llamo", "llamaron", "hable", "hablo",
     "marque", "marco", "conoci", "conocio", "vi", "vio", "pregunte", "pregunto", "avise",
     "aviso", "escribi", "escribio", "mande", "mando", "texteo", "textee", "ayude", "ayudo",
     "pego", "pegaba", "amenazo", "amenazaba", "golpeo", "golpeaba", "acuse", "denuncie",
     "demande", "deje", "dejo", "miedo", "llevaron", "arrestaron", "deportaron", "encontre",
     "busque", "busco", "conozco", "quiero", "extrano", "odio", "vive", "vivo", "fui", "fue",
     "estaba", "estuve", "quede", "salia", "sali", "sale", "anda", "andaba", "ande", "junto"}
)  # fmt: skip
# "me fui a Dallas", "se fue a la casa": after these "a" goes somewhere.
_ES_GOING = frozenset(
    {"fui", "fue", "fuimos", "fueron", "ir", "voy", "va", "vamos", "van", "iba", "ibamos",
     "llegue", "llego", "llegamos", "regrese", "regreso", "volvi", "volvio", "mude", "mudamos",
     "mudo", "vine", "vino", "vinimos", "viaje", "viajamos", "cruce", "cruzamos", "entre",
     "sali", "salimos", "mandaron", "mando", "llevo", "llevaron", "lleve", "traje", "trajo",
     "corrio", "corrieron", "paso", "pasamos", "movieron", "movimos", "manejamos", "manejo"}
)  # fmt: skip
# After a name, what a person does: pronouns before a verb, "la que", a possessive and a kin
# word ("nayeli mi vecina").
_ES_AFTER_A_PERSON = frozenset(
    {"me", "le", "nos", "te", "les", "se", "ya", "nunca", "siempre", "tambien", "tampoco",
     "no", "dijo", "dice", "llego", "vino", "llamo", "fue", "estaba", "esta", "tiene", "tenia",
     "era", "es", "sabe", "sabia", "quiere", "queria", "vive", "vivia", "trabaja", "anda",
     "andaba", "pego", "pegaba", "vio", "hizo", "puso", "tomo", "agarro", "empezo", "grito",
     "amenazo", "y"}
)  # fmt: skip
_ES_ARTICLES = frozenset({"el", "la"})
# Kin and role words the Spanish titles lack, before a name typed on a phone ("mi abuelita
# chonita", "la seño marbella").
_ES_KIN = frozenset(
    {"abuelita", "abuelito", "abue", "padrastro", "madrastra", "hijastro", "hijastra", "nuera",
     "yerno", "sobrino", "sobrina", "nieto", "nieta", "madrina", "padrino", "ahijado",
     "ahijada", "seño", "profe", "compañera", "compañero", "roomie", "concuña", "concuño",
     "amiguita", "amigo", "amiga", "vecino", "vecina", "patron", "patrona", "ex", "exesposo",
     "exnovio", "exnovia", "mama", "papa", "mami", "papi", "ama", "apa", "jefita", "jefito",
     "tia", "tio", "primo", "prima", "hermanita", "hermanito", "cuñis", "comadrita"}
)  # fmt: skip
_ES_NOT_A_NAME_BEFORE = frozenset(
    {"de", "del", "los", "las", "un", "una", "unos", "unas", "mi", "mis", "tu", "tus", "su",
     "sus", "este", "esta", "ese", "esa", "aquel", "aquella", "otro", "otra", "al", "en", "por",
     "para", "sin", "muy", "mas", "menos", "tan", "que"}
)  # fmt: skip


def _unaccented(word: str) -> str:
    """``word`` in lower case without accents, an ñ kept an ñ ("Xóchitl" → "xochitl")."""
    return word.lower().translate(_ES_UNACCENT)


_ES_UNACCENT = str.maketrans("áéíóúüàèìòù", "aeiouuaeiou")


@lru_cache(maxsize=1)
def _spanish_dictionary() -> dict[str, frozenset[str]]:
    """Spanish words from pyspellchecker's frequency list without accents: all of them
    ("all"), and those seen more than 100 times ("common"); and English words seen more than
    20,000 times ("english": Spanglish, "el landlord", "me hizo bullying")."""
    counts = _word_counts("es")
    if not counts:
        return {}
    english = _word_counts("en")
    return {
        "all": frozenset(_unaccented(w) for w in counts),
        "common": frozenset(_unaccented(w) for w, n in counts.items() if n > 100),
        "english": frozenset(w for w, n in english.items() if n > 20000),
    }


@lru_cache(maxsize=1)
def _spanish_lists() -> tuple[frozenset[str], frozenset[str]]:
    """Irregular forms, slang and shorthand that are words, and the words of Spanish titles
    ("prima", "licenciada", "comadre"), without accents."""
    es = _load().get("es", {})
    return (
        frozenset(_unaccented(w) for w in es.get("words_not_in_the_dictionary", [])),
        frozenset(
            _unaccented(word.strip("."))
            for title in es.get("titles_before", [])
            for word in title.split()
            if _unaccented(word.strip(".")) not in {"mi", "mis", "el", "la", "de", "del", "los"}
        )
        | frozenset(_unaccented(w) for w in _ES_KIN),
    )


def _spanish_word(word: str, rare: bool = False) -> bool:
    """Whether ``word`` is a Spanish word (or an English one, a role, slang, a number):
    anything but an unlisted name. With ``rare``, a word seen 100 times or fewer in the
    frequency list counts as a name too ("chayo", "kenia")."""
    return _spanish_word_cached(_unaccented(word.strip("'’.-")), rare)


@lru_cache(maxsize=8192)
def _spanish_word_cached(lower: str, rare: bool) -> bool:
    dictionary = _spanish_dictionary()
    if not dictionary or len(lower) < 2 or not lower.isalpha():
        return True
    known = dictionary["common" if rare else "all"]
    every = dictionary["all"]
    slang = _spanish_lists()[0]
    rules = _rules()
    if (
        lower in known
        or lower in _spanish_lists()[0]
        or lower in dictionary["english"]
        or _plain_word(lower, rules, _EVERYDAY_BY_LANGUAGE["es"])
        or _role_word(lower, rules)
        or lower in _spanish_lists()[1]
    ):
        return True
    # "jajaja", "noooo": a letter or two repeated.
    if len(set(lower)) <= 2 and len(lower) >= 4:
        return True
    stems = {lower}
    for clitic in _ES_CLITICS:  # "llevarme", "diciendole", "ayudame": a verb, then a pronoun
        stem = lower[: -len(clitic)]
        if not lower.endswith(clitic) or len(stem) < 4:
            continue
        if stem.endswith("ndo"):
            stems.add(stem)
        elif (stem.endswith("r") and (stem in every or stem in slang)) or (
            stem[-1] in "ae"
            and any(
                stem[:-1] + s in every for s in (("ar",) if stem[-1] == "a" else ("er", "ir", "ar"))
            )
        ):
            return True  # an infinitive, or a command ("ayudame" ← ayudar)
    for stem in list(stems):
        for ending in _ES_AFTER_INFINITIVE:  # "llamare", "pegaria"
            if stem.endswith(ending) and stem[: -len(ending)][-2:] in {"ar", "er", "ir"}:
                stems.add(stem[: -len(ending)])
    for stem in stems:
        if (stem in every or stem in slang) and stem != lower:
            return True
        for ending, sources in _ES_ENDINGS:
            root = stem[: -len(ending)]
            if not stem.endswith(ending) or len(root) < 2:
                continue
            roots = {root}
            # "quiero", "puede", "pido", "pegue", "saque", "empece": the stem as spelt
            # in the infinitive
            for changed, back in (("ue", "o"), ("ie", "e"), ("i", "e"), ("gu", "g"),
                                  ("qu", "c"), ("c", "z"), ("j", "g"), ("zc", "c")):  # fmt: skip
                if changed in root:
                    k = root.rfind(changed)
                    roots.add(root[:k] + back + root[k + len(changed) :])
            # a form of a word the list has, or of a slang word ("chambeaba")
            if any(r + s in every or r + s in slang for r in roots for s in sources):
                return True
    return False


def _spanish_unmarked(
    tokens: list[str], words: list[int], standing: dict[int, int], found: set[int]
) -> set[int]:
    """Spanish names no list or capital marks: a word no Spanish list knows after a kin or
    role word, "don", "el tal", a verb of contact and "a" or "con", "yo y", an article before
    what a person does ("el brayan me pegó"); a rare word after the strongest of these."""
    titles = _spanish_lists()[1]

    def word_at(j: int) -> str:
        return _unaccented(tokens[j]) if 0 <= j < len(tokens) and j in standing else ""

    def spaced(j: int) -> bool:  # tokens[j] and tokens[j + 2] are one space apart
        return 0 <= j and j + 1 < len(tokens) and tokens[j + 1] == " "

    def is_name(j: int) -> bool:
        return j in found or (0 <= j < len(tokens) and tokens[j] == PLACEHOLDER)

    def level(i: int) -> int:
        """2 when tokens[i] is no word, 1 when it is a rare one, 0 when a word."""
        word = tokens[i]
        if word.isupper() and len(word) > 1:
            return 0  # an agency's letters (ICE, DIF, CPS)
        if not _spanish_word(word):
            return 2
        return int(not _spanish_word(word, rare=True))

    def person_here(i: int, strength: int) -> bool:
        starts = _sentence_start(tokens, i)
        comma_before = i >= 2 and tokens[i - 1] == " " and tokens[i - 2] == ","
        before = "" if starts or not spaced(i - 2) else word_at(i - 2)
        two_before = word_at(i - 4) if before and spaced(i - 4) else ""
        after = word_at(i + 2) if spaced(i) else ""
        comma_after = i + 1 < len(tokens) and tokens[i + 1] == ","
        capital = tokens[i][:1].isupper()
        # The strongest marks: a kin or role word ("mi prima chayo", "licenciada nohemi"),
        # "don", "el tal", "se llama", a verb of contact then "a" or "con".
        if before in titles and two_before not in {"una", "un"}:
            return True
        if before in {"don", "dona", "tal", "llama", "llamado", "llamada"}:
            return True
        if (before == "con" and two_before in _ES_CONTACT) or (
            before == "a" and two_before in _ES_CONTACT - _ES_GOING
        ):
            return True  # "le dije a yuli", "hablé con Kenia"; not "fui a Dallas"
        if (
            before in {"a", "con", "y"}
            and after in {"de", "del"}
            and (word_at(i + 4) in _ES_ARTICLES or after == "del")
            and _role_word(word_at(i + 6 if after == "de" else i + 4), _rules())
        ):
            return True  # "con kenia de la iglesia": someone from somewhere
        if strength < 2:
            return False
        if before in {"a", "con"} and not capital and two_before not in _ES_GOING:
            return two_before not in {"de", "que", "para", "va", "voy", "vamos", "empezo"}
        if before == "y" and two_before in {"yo", "mi"} and not capital:
            return True  # "yo y yeison"
        if after == "y" and word_at(i + 4) in {"yo", "mi"}:
            return True  # "yeison y yo"
        if before in _ES_ARTICLES and (
            comma_after
            or after in _ES_AFTER_A_PERSON
            or (after == "la" and word_at(i + 4) == "que")
        ):
            return two_before not in _ES_NOT_A_NAME_BEFORE  # "el brayan, me pegó"
        if before in _ES_ARTICLES and two_before in {"ex", "fue", "era"}:
            return True  # "mi ex el tony", "fue la yadira"
        if comma_before and word_at(i - 3) in titles:
            return True  # "mi esposo, nemesio rojas, iba a salir"
        if (starts or comma_before) and after in _ES_ARTICLES and word_at(i + 4) in {"de", "que"}:
            return True  # "keyla la de enfrente", "yadira la que llamó"
        if comma_before and comma_after and {word_at(j) for j in range(i - 9, i - 2)} & titles:
            return True  # "mi hijo el mayor, axel, vio todo"
        if (starts or before == "que") and after in _ES_AFTER_A_PERSON - {"y", "es", "esta"}:
            return True  # "jeyson me pegó", "que yaretzi se queda"
        return starts and after in {"mi", "su"} and word_at(i + 4) in titles  # "nayeli mi vecina"

    new: set[int] = set()
    for i in words:
        if i in found:
            continue
        strength = level(i)
        if strength and person_here(i, strength):
            new.add(i)
        elif (
            spaced(i - 2)
            and word_at(i - 2) in {"don", "dona"}
            and tokens[i].islower()
            and not _plain_word(tokens[i], _rules(), _EVERYDAY_BY_LANGUAGE["es"])
            and word_at(i) not in _ES_NOT_A_NAME_BEFORE
        ):
            new.add(i)  # "mi suegro don pancho": after "don" a name, though also a word
    # More of a name beside one found: a word no list knows, or a listed name
    # ("wilmer ortiz", "mario alberto gutierrez").
    changed = bool(new)
    while changed:
        changed = False
        for i in words:
            if i in new or i in found:
                continue
            beside = (spaced(i - 2) and (is_name(i - 2) or i - 2 in new)) or (
                spaced(i) and (is_name(i + 2) or i + 2 in new)
            )
            if beside and (standing[i] == 2 or level(i) == 2) and not _sentence_start(tokens, i):
                new.add(i)
                changed = True
    return new


def _joined_to_a_name(tokens: list[str], i: int, step: int, found: set[int], rules: _Rules) -> bool:
    """Whether tokens[i] is joined by and/y/và… to a found name, ``step`` 2 looking right and
    -2 looking left. A possessive and a kinship or role word may stand on the far side of the
    joiner ("Osmin y su hermano [name]") or between the joiner and the word ("[name] and
    sister Crystal")."""

    def skippable(j: int) -> bool:
        return 0 <= j < len(tokens) and (
            tokens[j].lower() in _POSSESSIVES or _role_word(tokens[j], rules)
        )

    def spaced(a: int, b: int) -> bool:
        return 0 <= min(a, b) and max(a, b) < len(tokens) and tokens[(a + b) // 2].isspace()

    if step > 0:
        joiner = i + 2
        other = joiner + 2
        while skippable(other) and spaced(other, other + 2):
            other += 2
        if i >= 2 and tokens[i - 2].lower() in _BEFORE_A_PLACE:
            return False  # "moved to Dallas and [name]"
    else:
        joiner = i - 2
        while skippable(joiner) and spaced(joiner, joiner - 2):
            joiner -= 2
        other = joiner - 2
    return (
        0 <= other < len(tokens)
        and 0 <= joiner < len(tokens)
        and tokens[joiner].lower() in _AND
        and spaced(i, i + (2 if step > 0 else -2))
        and spaced(joiner, other)
        and (tokens[other] == PLACEHOLDER or other in found)
    )


def _arabic_titled_name(m: re.Match[str], rules: _Rules, language: str) -> bool:
    """Whether the word after an Arabic title is a name. Arabic has no capitals: it is when
    it is listed, when an English family name follows the title ("الضابط ستيفنز"), after
    "wife of" or "husband of" any word that is no kin or role word ("مرت نزيه"), and an
    unlisted word when a name follows it ("المحقق سامي الخطيب", "زوجي عوض الكريم")."""
    name, second = m.group("name"), m.group("second")
    if not _ARABIC_WORD.fullmatch(name) or _role_word(name, rules):
        return False  # "حماي الحاج مصطفى": a second title, read next
    if name in rules.arabic_ordinary:
        # "عوض" (instead) is a name before the second part of a compound name.
        return second in _ARABIC_THEOPHORIC - {"الله", "الحق", "الخير", "النبي", "الرسول"}
    if name in rules.arabic_names or name in rules.arabic_beside_name:
        return True
    if name.startswith("ال"):
        return False  # "محامية الهجرة ليندا": a given name takes no article
    title = m.group("title")
    if (
        (title in _ARABIC_SPOUSE_OF or title[1:] in _ARABIC_SPOUSE_OF)
        and not name.startswith("ال")
        and len(name) >= 3
        and not _ARABIC_KIN_STEM.match(name)
    ):
        return True
    if _ARABIC_FOREIGN_NAME.match(name):
        return True
    return bool(
        second
        and (
            second in _ARABIC_THEOPHORIC
            or bool(_ARABIC_FOREIGN_NAME.match(second))
            or (
                (second not in rules.arabic_beside_name or second.startswith("ال"))
                and _is_name_part(second, rules, language)
            )
        )
    )


def _arabic_marked_names(text: str, rules: _Rules) -> str:
    """Arabic names marked by the words before them: a naming verb ("يسموه جاكو"), a
    kunya with أم ("أم جورج", not "ام العيال") and a family after آل ("آل الزين")."""

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
        if plain(word) or (word.startswith("ال") and not listed):
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
    text = _ARABIC_UMM.sub(umm, text)
    return _ARABIC_FAMILY_OF.sub(family_of, text)


def redact(text: str, language: str = "en") -> str:
    """``text`` with names and identifying details replaced by placeholders."""
    rules = _rules()
    everyday = _EVERYDAY_BY_LANGUAGE.get(language, _EVERYDAY)
    caseless = _mostly_capitalised(text)
    # After a lower-case name, an English everyday word ("will", "long") is not more of it;
    # in Vietnamese and Hmong it is ("tran van long", "nou lee").
    stop_after_name = (
        frozenset() if language in ("vi", "hmn") else _EVERYDAY & (rules.ordinary | {"long"})
    )
    text = _EMAIL.sub("[email]", text)
    if "@" in text:
        text = _HANDLE.sub(PLACEHOLDER, text)
    # Cities that contain a listed name ("Hồ Chí Minh", "San José") are set aside meanwhile;
    # Chinese ones before addresses too, so "法拉盛缅街41号" keeps its 法拉盛.
    places: list[str] = []

    def set_aside(m: re.Match[str]) -> str:
        places.append(m.group(0))
        return _PLACE_MARK.format(len(places) - 1)

    if rules.han_places is not None and _ANY_HAN.search(text):
        text = rules.han_places.sub(set_aside, text)
    if _ANY_DIGIT.search(text):  # numbers, dates and addresses all have a digit
        text = rules.case.sub(lambda m: (m.group("words") or "") + "[case number]", text)
        text = rules.case_then_words.sub(
            lambda m: (
                m.group("words") + "[case number]"
                if _digits(m.group("number")) >= 4
                else m.group(0)
            ),
            text,
        )
        text = rules.addresses.sub(_address, text)
        if "[address]" in text:
            text = _ADDRESS_TAIL.sub("[address]", text)
        text = rules.dates.sub(lambda m: "[date]" if _digits(m.group(0)) else m.group(0), text)
        text = _BIRTH_YEAR.sub(_birth_year, text)
        text = _BIRTHDAY.sub(lambda m: m.group("lead") + "[date]", text)
        text = _POSTCODE.sub(lambda m: m.group("lead") + "[address]", text)
        text = _PHONE.sub(
            lambda m: (
                "[phone]"
                if _digits(m.group(0)) >= 7 and not _YEAR_RANGE.fullmatch(m.group(0))
                else m.group(0)
            ),
            text,
        )
    if language not in ("zh", "ar"):
        text = rules.named_streets.sub(
            lambda m: (
                m.group("lead")
                + (
                    "[address]"
                    if not _named_street_is_a_place(m.group("street"), rules)
                    else m.group("street")
                )
            ),
            text,
        )
    text = rules.places.sub(set_aside, text)

    def place_in_context(m: re.Match[str]) -> str:
        place = m.group("place") or m.group("before") or m.group("county")
        places.append(place)
        return (m.group("lead") or "") + _PLACE_MARK.format(len(places) - 1)

    text = rules.places_in_context.sub(place_in_context, text)
    text = _ARABIC_SERVANT.sub(PLACEHOLDER, text)

    def named(m: re.Match[str]) -> str:
        word = m.group("word")
        if word.lower() in rules.ordinary or word in _ARABIC_KIN_AFTER_ABU:
            return m.group(0)  # "her name is on the lease", "أبو ولادي" (my children's father)
        if m.group("kunya"):
            # "أبو خالد" is one name: both words go, an attached و or ف stays.
            kunya = m.group("kunya")
            return (kunya[0] if kunya[0] in "وف" else "") + PLACEHOLDER
        return m.group("named") + PLACEHOLDER

    text = _NAMED.sub(named, text)

    def titled(m: re.Match[str]) -> str:
        # Only the capitalised words after a title are a name: "Officer Diaz", but not the
        # "came" of "the officer came".
        words = m.group("name").split()
        if _role_word(words[0], rules) and m.string[m.end("name") :].lstrip().startswith(
            PLACEHOLDER
        ):
            return m.group(0)  # "Txiv Neeb [name]" read again: Neeb ends the title
        leading = 0
        while leading < len(words) and words[leading][0].isupper() and not caseless:
            # "Sarkaal Cabdi Booliska Minneapolis", "my advocate Maria Legal Aid": the name
            # ends at a role, agency or street word.
            if (
                words[leading].lower() not in rules.names  # "Thanh", "Nkauj": names too
                and _role_word(words[leading], rules)
                # first, only a role of its own: "Ông Tư" (the tư of tư vấn) is a name
                and (leading or words[leading].lower() not in rules.title_parts)
            ):
                break  # also first: "Hooyo Hoyga Haweenka" is mother and the shelter
            bare = words[leading].strip(".,;:!?")
            if len(bare) > 1 and bare.isupper() and bare.lower() not in rules.names:
                break  # "my mom called CPS": an agency's letters, not a name
            if leading and bare.lower() in rules.months:
                break  # "mi ex Jorge Marzo lo arrestaron": the month stays
            leading += 1
        if not leading and m.group("comma"):
            return m.group(0)  # "the officer, who…": after a comma only a capital marks a name
        if not leading:
            # Typed in lower case on a phone ("officer diaz", "thẩm phán tran van long",
            # "my ex mike's brother"): still a name if it is listed, and so are the listed
            # words after it, up to a possessive.
            listed = rules.lowercase.get(language) or rules.names
            while leading < len(words):
                word = words[leading].lower().strip(".")
                stem = _POSSESSIVE.sub("", word)
                # "ngô văn tài": after a Vietnamese middle name comes the given name,
                # whatever word it is.
                given_after_middle = (
                    language == "vi"
                    and leading
                    and words[leading - 1].lower() in rules.middle
                    and not _plain_word(word, rules, everyday)
                )
                # "jason r.": an initial after a listed name is more of it.
                initial = leading and len(stem) == 1 and words[leading].endswith(".")
                if (
                    stem not in listed
                    and not (leading and stem in rules.middle)
                    and not given_after_middle
                    and not initial
                ):
                    break
                if leading and word in stop_after_name:
                    break
                leading += 1
                if stem != word:
                    break
            first = words[0].lower()
            # "kuv tus txiv nyiaj lis": in Hmong a given name and a clan name typed in lower
            # case, the clan name listed, the given name a word too.
            if (
                not leading
                and language == "hmn"
                and len(words) >= 2
                and (first in rules.family or words[1].lower() in rules.family)
                and not _plain_word(first, rules, everyday)
                and not _plain_word(words[1], rules, everyday)
            ):
                leading = 2
            # An honorific only ever comes before a name: "doña lucha", "ms okafor".
            if (
                not leading
                and m.group("title").lower().rstrip(".") in _HONORIFICS
                and first not in rules.ordinary
                and first not in rules.roles
            ):
                leading = 1
            # "mi suegra doña lucha": the honorific after a title, then the name.
            if (
                not leading
                and len(words) > 1
                and first.rstrip(".") in _HONORIFICS
                and words[1].lower() not in rules.ordinary
                and words[1].lower() not in rules.roles
            ):
                rest = " ".join(words[2:])
                named = f"{m.group('title')} {m.group('copula') or ''}{words[0]} {PLACEHOLDER}"
                return named + (f" {rest}" if rest else "")
            # "OFFICER KOWALCZYK ARRESTED ME": in capitals the word after a title is taken,
            # unless it is an ordinary word ("EL OFICIAL NO ME AYUDÓ").
            if (
                not leading
                and caseless
                and words[0][0].isupper()
                and first not in rules.ordinary
                and first not in rules.roles
            ):
                leading = 1
            if not leading:
                return m.group(0)
        rest = " ".join(words[leading:])
        if rest:
            read_again.append(True)
        # Everything before the name stays as written ("Det. ", "the nurse, "), and so does
        # a possessive after it ("my ex [name]'s brother").
        owner = _POSSESSIVE.search(words[leading - 1])
        return (
            m.string[m.start() : m.start("name")]
            + PLACEHOLDER
            + (owner.group(0) if owner else "")
            + (f" {rest}" if rest else "")
        )

    read_again: list[bool] = []
    text = rules.titled.sub(titled, text)
    if read_again:
        # The words taken along after a name may hold another title ("my ex carlos and his
        # brother luis"): read the quote once more.
        text = rules.titled.sub(titled, text)
    if _ARABIC_WORD.search(text):
        text = _arabic_marked_names(text, rules)
    if rules.titled_arabic is not None:
        # One match at a time, so a title after a title is read as one ("ولد عمي بدر",
        # "حماي الحاج مصطفى"): a word after a title that is not taken is read again.
        pos = 0
        while m := rules.titled_arabic.search(text, pos):
            if _arabic_titled_name(m, rules, language):
                text = text[: m.start("name")] + PLACEHOLDER + text[m.end("name") :]
            pos = m.start("name")

    def arabic_name(m: re.Match[str]) -> str:
        # Only و, ف, ب or ل comes off a name standing alone ("وأحمد", "لريم"): a given name
        # takes no article, so "الحمد" (praise) is not حمد. Beside a name the article counts
        # (_is_name_part), where it marks a family name ("محمود الأحمد").
        word = m.group(0)
        bare = _ARABIC_CONJUNCTION.sub("", word)
        if _role_word(word, rules):
            return word  # "الخوري" before a name is the priest; after one, a family name
        if word in rules.arabic_names or (len(bare) > 2 and bare in rules.arabic_names):
            return PLACEHOLDER
        # "وليلى", "ولينا": و before a name that starts with ل ("وليد" is a name itself).
        if word[:1] in "وف" and len(word) > 4 and word[1:] in rules.arabic_names:
            return PLACEHOLDER
        return word

    text = _ARABIC_WORD.sub(arabic_name, text)
    if rules.han_names is not None and _ANY_HAN.search(text):
        text = rules.han_names.sub(
            lambda m: (m.group("zhtitle") or m.group("zhverb") or "") + PLACEHOLDER, text
        )

    def latin_name(m: re.Match[str]) -> str:
        word = m.group(0)
        if not word[0].isupper():
            return word
        previous = text[: m.start()].split()[-1:]
        if previous and previous[0].lower() in _NOT_A_NAME_AFTER:
            return word
        if (
            language == "en"
            and not _POSSESSIVE.search(word)
            and _english_place_before(text[: m.start()])
        ):
            return word  # "she lives in Jackson", "drove to Madison": a city
        # "Tanya's mom": the name goes, the possessive stays.
        possessive = _POSSESSIVE.search(word)
        owner = possessive.group(0) if possessive else ""
        lower = (word[: possessive.start()] if possessive else word).lower()
        after = text[m.end() :]
        if word.lower() in rules.roles and re.match(rf"\s+(?:\[name\]|{_UPPER})", after):
            return word  # a title before a name ("Sheekh Yaasiin"), though also a family name
        if lower in rules.given or word.lower() in rules.given:
            # "Long ago…", "Mai tôi…" (tomorrow I…): an everyday word opening a sentence.
            before = text[: m.start()]
            if (
                (lower in everyday or word.lower() in everyday)
                and _SENTENCE_START.search(before)
                and not before.rstrip().endswith(PLACEHOLDER)
                and not re.match(rf"\s+{_UPPER}", after)
                # "Grace from the church prayed with me": someone from somewhere
                and not _FROM_SOMEWHERE.match(after)
            ):
                return word
            return PLACEHOLDER + owner
        if lower in rules.family or word.lower() in rules.family:
            before = text[: m.start()]
            beside_name = before.rstrip().endswith(PLACEHOLDER) or bool(
                re.match(r"\s+[A-ZÀ-ÖØ-ÞĀ-ſ]", after)
            )
            # A listed family name is a name, except at the start of a sentence when it is
            # also an everyday word ("Her husband…", "Long ago…").
            if beside_name or not _SENTENCE_START.search(before) or lower not in everyday:
                return PLACEHOLDER + owner
        return word

    # Two passes so "Maria Lopez" and "Lopez, Maria" both go, whichever is listed.
    for _pass in range(2):
        text = _CAPITALISED.sub(latin_name, text)
    text = _unmarked_names(text, rules, language, everyday, caseless)
    text = _merge_names(_REPEATS.sub(PLACEHOLDER, text), rules, language, caseless)
    if PLACEHOLDER in text and _ARABIC_WORD.search(text):
        text = _ARABIC_KIN_JOINED.sub(
            lambda m: (
                PLACEHOLDER + m.group("joined")
                if _is_name_part(m.group("word"), rules, language)
                and _role_word(m.group("kin")[1:], rules)
                else m.group(0)
            ),
            text,
        )
    if rules.han_after_name is not None and _ANY_HAN.search(text):
        text = rules.han_after_name.sub(PLACEHOLDER, text)
    # "Trương Mỹ Lan": a place word ("Mỹ", America) between two parts of a name is a name.
    text = _PLACE_IN_NAME.sub(PLACEHOLDER, text)
    if not caseless:
        # "Vaj [name] Xyooj" → "[name] Neeb [name]": a capitalised word between two parts of
        # one name is part of it, though it is also a role word (txiv neeb, a shaman).
        text = _WORD_IN_NAME.sub(
            lambda m: m.group(0) if m.group("word").lower() in rules.ordinary else PLACEHOLDER,
            text,
        )
    if language in _PLACE_MAY_BE_SURNAME and "\x00" in text:
        # "Judge Anne Lowell", "Carlos Durango": in English and Spanish a one-word city right
        # after a name may be the family name, and a piece of a name is worse than a lost
        # city ("Officer [name] Bloomington PD" keeps its city: a police department follows).
        text = _PLACE_AFTER_NAME.sub(
            lambda m: PLACEHOLDER if " " not in places[int(m.group(1))] else m.group(0), text
        )
    text = _REPEATS.sub(PLACEHOLDER, text)
    return re.sub("\x00(\\d+)\x00", lambda m: places[int(m.group(1))], text)


def quote_text(text: str, language: str, hidden: Iterable[str] = ()) -> str:
    """An excerpt as it may be shown: the facilitator's extra words hidden, then redacted."""
    for word in hidden:
        if word.strip():
            text = re.sub(re.escape(word.strip()), "[…]", text, flags=re.IGNORECASE)
    return redact(text, language)


def localise_placeholders(text: str) -> str:
    labels = {
        "[name]": gettext("[name]"),
        "[phone]": gettext("[phone]"),
        "[email]": gettext("[email]"),
        "[address]": gettext("[address]"),
        "[date]": gettext("[date]"),
        "[case number]": gettext("[case number]"),
    }
    return re.sub(
        r"\[(?:name|phone|email|address|date|case number)\]", lambda m: labels[m.group(0)], text
    )


def is_listed_name(word: str) -> bool:
    """A given or family name from the lists (any case): never kept as a code's word."""
    rules = _rules()
    lower = word.strip().lower()
    return lower in rules.given or lower in rules.family or word.strip() in rules.arabic_names
