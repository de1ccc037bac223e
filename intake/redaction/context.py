"""Words around a lower-case name that mark a person, in every Latin-script language ("i called
latrice", "u sheegay xaliimo", "then marcus showed up"), and a word joined by and/y/iyo to a
found name ("Osmin y su hermano [name]").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .names import _sentence_start
from .words import _AND, _BEFORE_A_PLACE, _POSSESSIVES, PLACEHOLDER, _role_word

if TYPE_CHECKING:
    from .rules import _Rules

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
            # verbs whose object is a person ("the judge believed maureen", "he hit keisha")
            "believed",
            "trusted",
            "blamed",
            "believe",  # (seventh English pass) "i trust kiana more than my mom"
            "trust",
            "blame",
            "punched",
            "slapped",
            "choked",
            "pushed",
            "grabbed",
            "kicked",
            "threatened",
            "stalked",
            "protected",
            "defended",
            "married",
            "dated",
            "divorced",
            "hugged",
            "warned",
            "begged",
            "thanked",
            "sued",
            "emailed",
            # (english7) "i blocked jamal", "she reported marisol to ICE"
            "blocked",
            "unblocked",
            "reported",
            "dumped",
            "forgave",
            # (english7) thanks to a person: "tysm keisha", "thanks tasha for the ride"
            "thanks",
            "thx",
            "tysm",
            "tyvm",
        }
    ),
    "es": frozenset({"dije", "llamé", "llame", "hablé", "hable", "conocí", "conoci", "vi"}),
    "so": frozenset({"hadlay", "sheegay", "wacay", "wacday", "yeeray", "weydiiyay", "weydiisay"}),
}

# Two words before the name: "talked to tasha", "spoke with destiny".
_BEFORE_A_PERSON_PAIRS = frozenset(
    {("talked", "to"), ("spoke", "to"), ("talk", "to"), ("speak", "to"), ("reached", "to"),
     ("out", "to"), ("said", "to"), ("lied", "to"), ("went", "to"), ("thank", "you")}
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


# A Hmong syllable in the Romanized Popular Alphabet: an onset, a vowel, a tone letter. A
# Hmong name is one or more of them, each written apart and capitalised ("Npib", "Txhiaj").
_HMONG_SYLLABLE = (
    r"(?i:nplh|ntsh|ntxh|hml|hny|nch|nkh|nph|npl|nqh|nrh|nth|nts|ntx|plh|tsh|txh|ch|dh|hl|hm"
    r"|hn|kh|ml|nc|nk|np|nq|nr|nt|ny|ph|pl|qh|rh|th|ts|tx|xy|[cdfhklmnpqrstvxyz])?"
    r"(?i:ai|aw|au|ia|ua|ee|oo|[aeiouw])(?i:[bjvsgmd])?"
)
# Where a Hmong name stands alone and nothing else marks it: after "is", "know", "ask",
# "meet", "see", "call", "look for", "wait for", "that" ("puas yog Npib?", "koj puas paub
# Tswb?"), before a question mark, or called by name before "you" ("Nplias, koj…").
_HMONG_BEFORE_A_NAME = "yog|paub|nug|ntsib|pom|hu|nrhiav|tos|tias"
_HMONG_ALONE = re.compile(
    rf"(?P<cue>(?<!\w)(?i:{_HMONG_BEFORE_A_NAME}) )(?P<after>{_HMONG_SYLLABLE})(?![\w'’-])"
    rf"|(?<=\w )(?P<question>{_HMONG_SYLLABLE})(?=\s*\?)"
    rf"|(?:^|(?<=[.!?]\s))(?P<called>{_HMONG_SYLLABLE})(?=,\s*(?i:koj|nej)(?!\w))"
)
# Capitalised Hmong words that are no person: peoples, countries, God, heaven.
_HMONG_NOT_NAMES = frozenset(
    {"hmoob", "nplog", "suav", "nyab", "laj", "thaib", "fab", "kis", "ntuj", "tswv", "xeev",
     "teb", "meskas", "mekas", "yawg", "niam", "txiv"}
)  # fmt: skip


def _hmong_names_alone(text: str, rules: _Rules) -> str:
    """Capitalised Hmong names no list holds, where a person stands alone: in a question or
    after "is" and "know" ("puas yog Npib?", "yog Txhiaj los tsis yog?"), or called by name
    ("Nplias, koj nyob qhov twg?"). A people, a country, a role, a month or an ordinary word
    stays ("nws yog Hmoob", "yog Tub Ceev Xwm")."""

    def alone(m: re.Match[str]) -> str:
        cue = m.group("cue") or ""
        word = m.group(0)[len(cue) :]
        lower = word.lower()
        if (
            not word[0].isupper()
            or word.isupper()
            or lower in _HMONG_NOT_NAMES
            or lower in rules.ordinary
            or _role_word(word, rules)
            or lower in rules.months
        ):
            return m.group(0)
        return cue + PLACEHOLDER

    return _HMONG_ALONE.sub(alone, text)


# A Hmong name after the words that give it ("hu ua kaos", "hu ua paj ntaub", "hu nws ua
# tsov dub"), in any case: one word that is no verb, ordinary word, role or title, and a second
# such word before an ordinary word, a verb or the end. After the titles are read, so "hu ua
# Officer [name]" keeps its title.
_HMONG_NAMED = re.compile(
    r"(?P<lead>(?<!\w)(?i:hu nws ua|lawv hu ua|hu ua|npe hu ua) )"
    r"(?P<word>\[name\]|[^\W\d_]+)(?: (?P<second>[^\W\d_]+))?"
    r"(?=(?P<end>\s*[.,!?;:]|\s*$)|\s+(?P<next>\w+))"
)
_HMONG_VERBS = frozenset(
    {"ntaus", "hem", "coj", "pab", "nyob", "qhia", "xav", "paub", "pom", "tau", "yuav", "kom",
     "hais", "tuaj", "mus", "los", "muaj", "ua", "yog", "hu", "noj", "haus", "quaj", "khiav",
     "tawm", "rov", "tua", "ntes", "raug", "pib", "sau", "nug", "tham", "tos", "hlub", "cem",
     "ntxub", "chim", "thiab", "nrog", "rau", "ntawm", "hauv", "kuj", "twb", "yeej", "tsis",
     "muab", "ces", "tab", "tiam", "txawm", "heev", "lawm"}
)  # fmt: skip


# Words that make or count a noun, never a name after "hu ua" ("qhov no hu ua kev tsim
# txom", this is called abuse).
_HMONG_NOUN_WORDS = frozenset(
    {"kev", "txoj", "lub", "tus", "cov", "qhov", "ib", "yam", "tej", "daim", "zaj", "lo"}
)


def _hmong_named(text: str, rules: _Rules) -> str:
    """A Hmong name given after "hu ua" or "hu nws ua", typed in any case ("kuv tus tub hu ua
    kaos" → "hu ua [name]"), with its second syllable ("hu ua [name] ntaub nws…")."""

    def plain(word: str) -> bool:
        lower = word.lower()
        return (
            lower in _HMONG_VERBS
            or lower in _HMONG_NOUN_WORDS
            or lower in rules.ordinary
            or lower in rules.titles
            or _role_word(word, rules)
            or lower in rules.months
        )

    def named(m: re.Match[str]) -> str:
        word, second = m.group("word"), m.group("second")
        if word != PLACEHOLDER and (plain(word) or word.isupper()):
            return m.group(0)
        following = (m.group("next") or "").lower()
        ends = (
            m.group("end") is not None or following in rules.ordinary or following in _HMONG_VERBS
        )
        if second and not plain(second) and second.islower() == word.islower() and ends:
            return m.group("lead") + PLACEHOLDER
        return m.group("lead") + PLACEHOLDER + (f" {second}" if second else "")

    return _HMONG_NAMED.sub(named, text)


@lru_cache(maxsize=1)
def _hmong_clans() -> frozenset[str]:
    """The Hmong clan names (``family_names`` of "hmn"), lower case."""
    from .rules import _load  # rules builds on the modules below it

    return frozenset(w.lower() for w in _load().get("hmn", {}).get("family_names", []))
