"""Names no title or capital marks, in the Latin-script languages: a run of listed names typed
in lower case ("faadumo xasan"), a listed name after a word that marks a person ("a
lupita"), a word joined to a found name ("Brayan y [name]"); English and Spanish add their
word checks (``english``, ``spanish``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .context import (
    _BEFORE_A_PERSON,
    _SOMALI_AFTER_SUBJECT,
    _WORD_NAMES,
    _joined_to_a_name,
    _person_by_context,
)
from .english import (
    _EN_JOINED,
    _english_after_an_age,
    _english_apposition,
    _english_enclosed,
    _english_hashtags,
    _english_initials,
    _english_unmarked,
)
from .names import _TOKEN, _plain_word, _sentence_start
from .somali import _SOMALI_ME_AFTER_SUBJECT
from .spanish import _spanish_unmarked
from .words import _AND, _ANY_HAN, _ME, PLACEHOLDER, _role_word

if TYPE_CHECKING:
    from .rules import _Rules


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
        text = _english_enclosed(_english_initials(_english_hashtags(text, rules)), rules, everyday)
        text = _english_apposition(text, rules)
    tokens = _TOKEN.findall(text)
    if language == "en":
        # (english9) "she whispered 'Devontae is outside'": an opening quotation mark is no
        # part of the word after it.
        tokens = [
            part
            for j, t in enumerate(tokens)
            for part in (
                [t[0], t[1:]]
                if t[:1] in "'’"
                and t[1:3].isalpha()
                and (j == 0 or tokens[j - 1].isspace() or tokens[j - 1] in '("“')
                else [t]
            )
        ]
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
            # "Nabad ayaa i garaacay", "Ayaan ayaa i caawisay": a name that is also a word
            # (peace, luck) is a person where it did something to the speaker, also first.
            if (
                (word.lower() in _WORD_NAMES or word.lower() in rules.given)
                and word_at(i + 2) in _SOMALI_AFTER_SUBJECT
                and word_at(i + 4) in _SOMALI_ME_AFTER_SUBJECT
                and tokens[i + 1] == tokens[i + 3] == " "
            ):
                found.add(i)
    if language == "en":
        english = _english_unmarked(tokens, words, standing, found, rules, everyday, caseless)
        for i in english - found:
            # "went over to [name]'s house": the possessive stays, as after a title
            owner = _EN_JOINED.search(tokens[i])
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
                # "[name] iyo Hooyadeed", "Booliskii iyo [name]": a role with its ending
                or (language == "so" and _role_word(word, rules))
            ):
                continue
            for step in (2, -2):
                if _joined_to_a_name(tokens, i, step, found, rules):
                    found.add(i)
    for i in found:
        tokens[i] = PLACEHOLDER
    if language == "en" and PLACEHOLDER in tokens:
        return _english_after_an_age("".join(tokens), rules, everyday)
    return "".join(tokens)
