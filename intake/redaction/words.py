"""Shared pieces of every pass: the placeholders, the character classes of each script, the
prefix-tree pattern for long word lists, the word lists more than one module reads (roles and
institutions, particles, copulas, honorifics, units, everyday words, words that lead to a
place), and whether a word is a role, agency or street word (``_role_word``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .somali import _SOMALI_BEFORE_A_PLACE, _somali_inflected_role

if TYPE_CHECKING:
    from .rules import _Rules

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


# Words after which a capitalised word is a language or a country, not a person.
_NOT_A_NAME_AFTER = frozenset(
    {"tiếng", "việt", "nước", "người", "lus", "st", "st.", "saint", "san", "santa", "santo",
     "são", "fort", "port", "mount", "mt", "mt.", "lake", "ciudad", "thành", "phố", "magaalada"}
)  # fmt: skip

# Words after which a capitalised place name is a place, not a person ("moved to Austin").
_PLACE_AFTER = "County|PD|P\\.D\\.|Police|police|Sheriff|City|city|Public Schools|Schools|Airport"

_PLACE_AFTER_COUNTY = "County|Parish|Township"

# Somali definite endings on a loan word ("shelter-ka", "isbitaalka" from isbitaal).
_SOMALI_ENDING = re.compile(r"(?:-?(?:ka|ga|ta|da|ha|dda|sha))$")

# Somali possessive endings on a kinship or role word: saaxiibkiis (his friend), walaalkeed.
_SOMALI_POSSESSIVE = re.compile(
    r"(?:kayga|keyga|kaaga|kiisa|keeda|kooda|kayaga|keenna|keena|kay|key|kiis|keed|tay|tayda|teyda|tiis|teed)$"
)

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
    | {"ayaan", "nabad", "farxad", "amaan", "sabar", "barwaaqo", "nasteexo", "nastexo", "sahal",
       "ka"},
    "es": _EVERYDAY
    | {"dolores", "consuelo", "socorro", "amparo", "esperanza", "luz", "paz", "soledad",
       "remedios", "milagros", "gracia", "victoria", "rosario", "mercedes",
       # Spanish words that open sentences and are names in another shipped language's list
       # ("Fue horrible", Hmong Fue; "Son muchos", Vietnamese Sơn; "Tan pronto", Chinese Tan;
       # "Ella me dijo", "Deja que te cuente", English Ella, Deja; "Tú no sabes", Vietnamese Tú)
       "fue", "fui", "son", "tan", "ella", "deja", "tú", "tu", "era", "van", "dan", "ven",
       "ves", "vas", "sin", "con", "mal", "más", "mas", "le", "les", "lo", "la", "una", "uno",
       "mi", "si", "sí", "ya", "hay", "tierra", "isla", "tono"},
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

# Units and counts after a number that make it an amount, not an identifier: "3 weeks",
# and "March 3 times", "marzo 3 veces", "tháng 3 lần" (a month and a count, not a date).
_UNITS = (
    "day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours",
    "minutes", "min", "dollars", "bucks", "miles", "times", "días", "dias", "semanas", "meses",
    "años", "anos", "horas", "dólares", "dolares", "veces", "ngày", "ngay", "tuần", "tuan",
    "tháng", "thang", "năm", "nam", "giờ", "gio", "đô", "lần", "maalmood", "maalin",
    "toddobaad", "bilood", "sano", "saacadood", "saacad", "doollar", "jeer", "mar", "hnub",
    "lub lim tiam", "hli", "xyoo", "teev", "nyiaj", "zaug", "天", "周", "个月", "年", "小时",
    "块", "美元", "次", "يوم", "أيام", "ايام", "أسبوع", "اسبوع", "شهر", "شهور", "أشهر", "سنة",
    "سنين", "ساعة", "دولار", "مرات", "مرة",
)  # fmt: skip

_ANY_HAN = re.compile(rf"[{_HAN}]")


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
        or _somali_inflected_role(lower, rules)
    )


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
    | _SOMALI_BEFORE_A_PLACE
)  # fmt: skip
