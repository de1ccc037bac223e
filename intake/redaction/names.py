"""The shared name machinery: which word beside a found name is more of it (``_is_name_part``),
merging the pieces of one name into one placeholder (``_merge_names``), whether a word is a
plain (stop, particle) word, whether a quote is typed in capitals, and the word after an
Arabic title.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from ..analysis.text import fold, keyed_syllable
from .arabic import (
    _ARABIC_CONJUNCTION,
    _ARABIC_FOREIGN_NAME,
    _ARABIC_KIN_STEM,
    _ARABIC_NAMING,
    _ARABIC_NISBA_OF_PLACE,
    _ARABIC_PREFIX,
    _ARABIC_SPOUSE_OF,
    _ARABIC_THEOPHORIC,
    _ARABIC_WORD,
    _arabic_after_name,
    _arabic_middle,
)
from .rules import _load, _rules
from .words import _AND, _HAN, _LATIN_LETTER, _NOT_A_NAME_AFTER, _PARTICLES, PLACEHOLDER, _role_word

if TYPE_CHECKING:
    from .rules import _Rules

# A Latin-script word, also when written against Chinese ("移民律师Jennifer Chu帮我"); after
# an apostrophe only when it opens a quotation ("he yelled 'Brianna get over here'"), not
# inside a word ("O'Brien", "ma'am").
_CAPITALISED = re.compile(
    rf"(?<![\[\d_-])(?<![\w'’-]['’])(?<!{_LATIN_LETTER}){_LATIN_LETTER}(?:{_LATIN_LETTER}|['’-])+"
)

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

_SPACED_WORD = rf"(?:[^\W{_HAN}]|['’])+"

# A Han run is its own token, so a Latin name written against Chinese ("Wu说") is a word.
# "w/" before a space is one word, "with" typed short ("stayed w/ tasha"), so the words around
# it are read as around "with" (not "w/o", without, nor "w/tasha").
_TOKEN = re.compile(
    rf"\[name\]|[{_HAN}]+|(?i:w/)(?=\s)|{_SPACED_WORD}(?:-{_SPACED_WORD})*|\s+|.",
    re.DOTALL,
)


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
        # "MARQUIS BELL": in English a family name that is also a word, after a found name
        return lower in rules.names or (
            bool(after_name) and language == "en" and lower in _surname_words()
        )
    if after_name and language == "en" and lower in _institution_words():
        return False  # "[name] Community Center", "[name] Library": a place named for one
    if after_name and language == "so" and lower not in rules.names and _english_word(lower):
        return False  # "Xasan Hearing ayuu…", "Faadumo Green Card": English in a Somali quote
    # An acronym (ICE, CPS, ER) is an agency, unless it is a listed name typed in capitals.
    return not word.isupper() or len(word) == 1 or lower in rules.names


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
                # "Keisha St. John", "Ms. St. Pierre": the saint's full stop is inside the
                # name, so the family name after it goes too (it was left beside "[name].")
                if (
                    tokens[k] in {"St", "Ste"}
                    and end + 2 < len(tokens)
                    and tokens[end] == "."
                    and gap(end + 1)
                    and (
                        tokens[end + 2] == PLACEHOLDER
                        or (tokens[end + 2][:1].isupper() and tokens[end + 2][:1].isalpha())
                    )
                ):
                    end += 3
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


def _plain_word(word: str, rules: _Rules, everyday: frozenset[str]) -> bool:
    lower = word.lower()
    return (
        lower in rules.ordinary
        or lower in rules.roles
        or lower in everyday
        or lower in _PARTICLES
        or lower in _NOT_A_NAME_AFTER
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
    if name in _ARABIC_NISBA_OF_PLACE:
        return False  # "الضابط العراقي": the Iraqi officer
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


_VI_INITIAL_D = re.compile(r"^(?:Dz|D|Z)(?=[^\W\d_])", re.IGNORECASE)


def _without_marks(word: str) -> str:
    """A Vietnamese word as typed without its tone and vowel marks ("Đức" → "Duc")."""
    plain = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in plain if not unicodedata.combining(ch))
    )


def _other_spellings(found: set[str], rules: _Rules) -> set[str]:
    """The other ways a Vietnamese name found once is written: without its marks ("Phương …
    Phuong", "Đức … Duc") and, for a D that is no Đ (said z or y), the romanisations Dz and Z
    ("Dũng … Dzung, Zung"), and back ("Dzung … Dung"); Gi as Z ("Giang … Zang"). Never an ordinary or role word."""
    spellings: set[str] = set()
    for word in found:
        plain = _without_marks(word)
        forms = {plain}
        upper = plain[:1].isupper()
        if not word.lower().startswith("đ") and (m := _VI_INITIAL_D.match(plain)):
            rest = plain[m.end() :]
            forms |= {(d if upper else d.lower()) + rest for d in ("D", "Dz", "Z")}
        elif plain.lower().startswith("gi") and len(plain) > 3:
            # "Giang … Zang": Gi is said z or y too
            forms.add(("Z" if upper else "z") + plain[2:])
        for form in forms:
            if (
                form != word
                and form.lower() not in rules.ordinary
                and form.lower() not in rules.roles
            ):
                spellings.add(form)
                if form.islower():
                    spellings.add(form[:1].upper() + form[1:])
    return spellings


def _english_word(lower: str) -> bool:
    """Whether a word is a common English word (seen more than 200 times in pyspellchecker's
    English list; False without the package) and no family name that is also a word ("Rice",
    "Hill": "Jazmine Rice" stays one name): in a Somali quote no more of a name."""
    from .english import _english_dictionary  # english builds on this module

    return lower in _english_dictionary().get(200, frozenset()) and lower not in _surname_words()


@lru_cache(maxsize=1)
def _institution_words() -> frozenset[str]:
    """Words that name a building or a body after the person it is named for ("Martin
    Luther King Community Center"): never more of that person's name."""
    return frozenset(
        w.lower() for w in _load().get("en", {}).get("institution_words_after_name", [])
    )


@lru_cache(maxsize=1)
def _surname_words() -> frozenset[str]:
    return frozenset(
        w.lower() for w in _load().get("en", {}).get("family_names_that_are_words", [])
    )


# "Trịnh Văn Tài", "Lò Thị Mây": a capitalised word, the middle name Văn or Thị, a capitalised
# word is a Vietnamese full name, its family name listed or not.
_VI_WITH_MIDDLE = re.compile(
    rf"(?<![\w\[])(?P<family>{_LATIN_LETTER}+) (?:Văn|Thị|Van|Thi) (?P<given>{_LATIN_LETTER}+)(?![\w\]])"
)


@lru_cache(maxsize=1)
def _vietnamese_lists() -> tuple[re.Pattern[str], frozenset[str]]:
    """The pattern of a listed Vietnamese family name and the word after it ("Nguyễn Du",
    "Lê Lợi"; the caller checks both capitals), and the Vietnamese given and middle names in
    lower case."""
    vi = _load().get("vi", {})
    family = "|".join(
        re.escape(w) for w in sorted(vi.get("family_names", []), key=len, reverse=True)
    )
    pattern = re.compile(
        rf"(?<![\w\[])(?P<family>(?i:{family})) (?P<given>{_LATIN_LETTER}+)(?![\w\]])"
    )
    given = frozenset(w.lower() for w in vi.get("given_names", []) + vi.get("middle_names", []))
    return pattern, given


def _vietnamese_given_after_family(text: str, rules: _Rules) -> str:
    """A capitalised word right after a listed Vietnamese family name is the rest of the name,
    listed or not ("trường Nguyễn Du", "tên thật là Nguyễn Thanh Tùng": Thanh, a listed name
    and an everyday word). Not an ordinary word unless listed as a name, not a role, not a
    word in capitals; both words capitalised, so "Lý do" (the reason) stays."""
    family_then_word, given = _vietnamese_lists()

    def one(m: re.Match[str]) -> str:
        first, second = m.group("family"), m.group("given")
        if not first.istitle() or not second.istitle():
            return m.group(0)
        lower = second.lower()
        if lower not in given and (
            lower in rules.ordinary or _role_word(second, rules) or lower in rules.months
        ):
            return m.group(0)
        return PLACEHOLDER

    return family_then_word.sub(one, text)


def _vietnamese_full_names(text: str, rules: _Rules) -> str:
    """A Vietnamese full name no list holds whole, marked by its middle name ("Trịnh Văn Tài
    là chồng tôi"); the words around it must be capitalised and no role or ordinary word."""

    def full(m: re.Match[str]) -> str:
        for word in (m.group("family"), m.group("given")):
            if not word[0].isupper() or word.isupper() or word.lower() in rules.ordinary:
                return m.group(0)
            if _role_word(word, rules) and word.lower() not in rules.names:
                return m.group(0)
        return PLACEHOLDER

    return _VI_WITH_MIDDLE.sub(full, text)


# Two to four capitalised words in a row (Vietnamese names typed with Telex or VNI keys).
_VI_CAPITALISED_RUN = re.compile(r"(?<![\w\[])[A-ZĐ][\w]*(?: [A-ZĐ][\w]*){1,3}(?![\w\]])")


@lru_cache(maxsize=1)
def _vietnamese_name_syllables() -> frozenset[str]:
    """Every listed Vietnamese family, middle and given name, folded ("tran", "van", "hung")."""
    vi = _load().get("vi", {})
    return frozenset(
        fold(w) for key in ("family_names", "middle_names", "given_names") for w in vi.get(key, [])
    )


def _vietnamese_keyed_names(text: str, rules: _Rules) -> str:
    """A Vietnamese full name typed with Telex keys or VNI digits left in it ("tên là Traanf
    Vawn Hungf": Trần Văn Hùng; "Nguye64n Thi5 Lan"): two to four capitalised words, each a
    listed Vietnamese name as written or as its keys spell it, one of them at least typed with
    keys (names typed plainly are the other passes'), none in capitals or an ordinary word."""
    names = _vietnamese_name_syllables()

    def run(m: re.Match[str]) -> str:
        keyed = False
        for word in m.group(0).split(" "):
            if word.isupper() or word.lower() in rules.ordinary:
                return m.group(0)
            folded = fold(word)
            read = keyed_syllable(folded)
            if read is not None:
                keyed = True
                folded = read
            if folded not in names:
                return m.group(0)
        return PLACEHOLDER if keyed else m.group(0)

    return _VI_CAPITALISED_RUN.sub(run, text)
