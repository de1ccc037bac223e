"""English names no list or capital marks ("i called chidi", "lil tre"): a word no English
dictionary knows where a person stands. The dictionary is pyspellchecker's English frequency
list (MIT), read the first time an English quote is redacted (never at import); without it
these rules are off. Also initials ("d.j.") and a listed name after "in"/"moved to" read as a
city; and (third English pass) handles written without "@", housing complexes and streets named
alone, a family name's joining words after a title, families in the plural, and the ways English
writes a found name again (``_english_again``, asked by ``disguised._names_again``). And (fourth
English pass) short names by their shape ("Ed", "Bo", "JB": ``_english_short_name``), after
"name is" whatever their length (``_english_named``), and word-names capitalised inside a
sentence ("the cops said Mark was fine").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from ..dictionaries import english_words as _english_dictionary
from .context import _AFTER_A_PERSON, _BEFORE_A_PERSON_WORDS, _BEFORE_A_THING, _WORD_NAMES
from .names import _plain_word, _sentence_start
from .rules import _load, _load_places, _rules
from .words import (
    _AND,
    _EVERYDAY,
    _INSTITUTIONS,
    _ME,
    _POSSESSIVE,
    _POSSESSIVES,
    PLACEHOLDER,
    _role_word,
)

if TYPE_CHECKING:
    from .rules import _Rules

# English names nothing marks (typed on a phone, of any origin: "i called chidi", "my cousin
# jonel", "lil tre", "harpreet kaur told"). A word no English dictionary knows is a name where a
# person stands. The dictionary is pyspellchecker's English frequency list (MIT), read the
# first time an English quote is redacted; without it these rules are off.
_EN_PERSON_CUES = frozenset(
    {"named", "then", "with", "w", "w/", "and", "n", "&", "ask", "asked", "when", "cause",
     "because", "bc", "cuz", "until", "till", "til", "after", "before", "if", "since", "while",
     "once", "against", "about", "for", "abt", "bout"}
)  # fmt: skip

# "went back to Dmitri", "talked to chidi"; not "went to", "moved to" (a place).
_EN_PERSON_PAIRS = frozenset(
    {("talked", "to"), ("spoke", "to"), ("talk", "to"), ("speak", "to"), ("out", "to"),
     ("said", "to"), ("lied", "to"), ("back", "to"), ("married", "to"), ("engaged", "to"),
     ("gave", "to"), ("sent", "to"), ("belongs", "to"), ("name", "was"), ("name", "is"),
     # (seventh pass) "always talking to brooke", "listen to kendra"
     ("talking", "to"), ("speaking", "to"), ("lying", "to"), ("listen", "to"),
     ("listened", "to"), ("listening", "to"), ("talkin", "to"),
     # "and so did quinton", "neither did tamara": the one who did it too
     ("so", "did"), ("neither", "did"), ("nor", "did"), ("so", "does")}
)  # fmt: skip

# (seventh English pass, en-qv) "a text from shay", "a call from Jordan", "heard it from
# kendra": what comes from a person, so "from" leads to one and not to a place.
_EN_FROM_A_PERSON = frozenset(
    {"call", "calls", "text", "texts", "txt", "message", "messages", "msg", "letter", "letters",
     "email", "emails", "dm", "dms", "voicemail", "vm", "note", "visit", "ride", "heard", "hear"}
)  # fmt: skip
# Weak cues before a name in lower case that is listed or no English word ("picked up by
# deshawn", "meaner than lakisha", "except kendra"): not before a word that is one.
_EN_WEAK_PERSON_CUES = frozenset({"by", "than", "like", "except", "besides", "as"})
# Being with someone: "was with hope", "stayed w river", "moved in with dash": after these,
# "with" leads to a person, and a word-name after it is one.
_EN_WITH_A_PERSON = frozenset(
    {"was", "were", "am", "im", "i'm", "been", "be", "stayed", "stay", "staying", "stays",
     "lived", "live", "lives", "living", "left", "went", "came", "hanging", "hung", "chilling",
     "chillin", "slept", "sleeping", "cheated", "cheating", "cheats", "fought", "fighting",
     "argued", "arguing", "partying", "drinking", "out", "in"}
)  # fmt: skip
# Names of the shared word-name list that are no English word ("dre", "ty", "jay").
_EN_NAMES_NOT_WORDS = frozenset({"ty", "dre", "jay"})
# One letter three or more times in a row ("devonnnn"): a word said long.
_EN_HELD_LETTER = re.compile(r"([a-z])\1{2,}")
# Verbs whose object is a person (of context's list, less the weak cues): before a word-name.
_EN_OBJECT_IS_A_PERSON = frozenset(
    {"believed", "trusted", "blamed", "punched", "slapped", "choked", "pushed", "grabbed",
     "kicked", "threatened", "stalked", "married", "dated", "divorced", "hugged", "warned",
     "sued", "hit", "beat", "raped", "attacked", "strangled",
     # (english7) "i blocked jamal", "i reported Destiny", "i unblocked tank"
     "blocked", "unblocked", "reported", "dumped", "forgave", "met"}
)  # fmt: skip
# (english7) A word-name first in a sentence, then who the person is: "King is my sons
# father", "Precious my advocate at the shelter helped". The person words after my/his/her,
# and the words that may stand between ("my sons father", "my kids dad").
_EN_WHO_A_PERSON_IS = frozenset(
    {"son", "daughter", "kid", "child", "baby", "brother", "sister", "bro", "sis", "mom",
     "mother", "dad", "father", "daddy", "mama", "aunt", "auntie", "uncle", "cousin", "niece",
     "nephew", "grandma", "grandpa", "grandmother", "grandfather", "wife", "husband", "ex",
     "boyfriend", "girlfriend", "bf", "gf", "friend", "bestie", "neighbor", "neighbour",
     "advocate", "caseworker", "lawyer", "attorney", "therapist", "counselor", "sponsor",
     "landlord", "boss", "roommate", "partner", "fiance", "fiancé", "stepdad", "stepmom"}
)  # fmt: skip
# (ninth session) Jobs a person is named by after "the", beside the roles of the lists
# ("Dusty the bartender"), and word-names that are verbs said to a role ("Will the officer
# come?", "Mark the officer's name", "Chase the deputy down"), "lucky" for luckily ("Lucky
# the judge listened"), an oath ("Jesus the cops took forever"): not a person there.
_EN_JOBS = frozenset(
    {"bartender", "bouncer", "mechanic", "driver", "cashier", "clerk", "guard", "dealer",
     "barber", "cook", "janitor", "plumber", "trucker", "contractor", "supervisor",
     "foreman", "waitress", "waiter", "bus", "security"}
)  # fmt: skip
_EN_NOT_BEFORE_THE_ROLE = frozenset(
    {"will", "may", "can", "mark", "chase", "bill", "grant", "rob", "sue", "pat", "hope",
     "drew", "jack", "frank", "sunny", "rusty", "june", "april", "august", "lucky", "jesus",
     "god", "lord", "christ"}
)  # fmt: skip
_EN_WHOSE = frozenset(
    {"sons", "son's", "daughters", "daughter's", "kids", "kids'", "kid's", "babys", "baby's",
     "baby", "childrens", "children's", "childs", "child's", "best", "oldest", "youngest",
     "new", "old", "ex", "older", "little", "big"}
)  # fmt: skip
# After "Hope my advocate", what makes it a person's name and not "(I) hope my advocate…"
# ("Hope my son is ok" stays): where she is, or what she did.
_EN_AFTER_WHO_A_VIRTUE_IS = frozenset(
    {"at", "from", "with", ",", "came", "helped", "said", "called", "took", "drove", "picked",
     "told", "gave", "brought", "showed", "stayed", "texted", "sent", "hit", "found"}
)  # fmt: skip
# After a virtue-name first and "been": what only a person has been doing to someone
# ("Sincere been hitting me"; "Faith been getting me through" stays).
_EN_BEEN_DOING_TO_ME = frozenset(
    {"hitting", "calling", "texting", "threatening", "stalking", "following", "choking",
     "beating", "harassing", "lying", "cheating", "yelling", "messaging", "watching",
     "tracking", "coming", "showing", "posting", "sending", "telling", "saying", "taking"}
)  # fmt: skip
# Seasons and months: first in a sentence before "went" or "got" they are time ("Summer went
# by"), so they take only the narrower list of a person's verbs.
_EN_SEASONS = frozenset({"summer", "winter", "autumn", "spring", "fall"})

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
     "godfather", "babysitter", "roommate", "mama", "papa", "pops", "unc", "auntie",
     # (english9) chat words for kin and partners
     "hubby", "wifey", "bae", "grandbaby", "granbaby", "grandbabies", "gma", "gpa", "meemaw",
     "mawmaw", "pawpaw", "grandmom", "granmom", "godmom", "goddad", "stepbro", "stepsis"}
)  # fmt: skip
# (english9) Kin before "of" and a person: "wife of Nkosana", "the son of Kwame".
_EN_KIN_OF = frozenset(
    {"wife", "husband", "son", "daughter", "mother", "father", "brother", "sister", "cousin",
     "friend", "girlfriend", "boyfriend", "uncle", "aunt", "nephew", "niece", "mom", "dad",
     "grandson", "granddaughter", "grandmother", "grandfather", "widow", "child", "kids",
     "children", "baby", "ex", "partner", "fiance", "fiancé"}
)  # fmt: skip
# (english9) Chat words for a partner or kin, also after "ex-" ("my bf dmitri", "ex-bf
# cody", "me & my bd tre"): the word after one, a listed name or a rare word, is a person,
# though "bf", "bd" and "bm" are letters of other languages' words too.
_EN_CHAT_KIN = frozenset(
    {"bf", "gf", "bd", "bm", "hubby", "wifey", "bae", "bff", "bestie", "sis", "bro", "boyfriend",
     "girlfriend", "husband", "wife", "grandbaby", "granbaby", "stepdad", "stepmom"}
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

# After a capitalised word no dictionary knows, these make it a place in lower case too.
_EN_PLACE_AFTER = frozenset(
    {"county", "city", "police", "pd", "sheriff", "sheriffs", "township", "twp", "court",
     "courthouse", "jail", "hospital", "clinic", "school", "schools", "shelter", "church"}
)  # fmt: skip

# "d.j.", "K.C.": initials standing for a name, but not "a.m.", "e.g." or "P.O."
_EN_INITIALS = re.compile(r"(?<![\w.])(?:[A-Za-z]\.){2,3}(?![\w.])")


# A place set aside or an address, then perhaps a comma: what follows is a state ("Tulsa, Ok").
_EN_AFTER_A_PLACE_MARK = re.compile(r"(?:\x00\d+\x00|\[address\]),?\s*$")

# "D'Angelo", "o'neal", "Ja'Marcus": a name by its shape, but not "o'clock" or "y'all".
_EN_ENDINGS = ("ing", "in", "ed", "d", "s", "es", "er", "ers", "y", "ly", "z", "able", "ness")

_EN_CORNER = re.compile(r"\d+(?:st|nd|rd|th)\s*(?:&|and|n)\s+$", re.IGNORECASE)

_EN_CORNER_AFTER = re.compile(r"\s+(?:&|and|n)\s*\d+(?:st|nd|rd|th)", re.IGNORECASE)

_EN_APOSTROPHE_NAME = re.compile(r"^[^\W\d_]{1,3}['’][^\W\d_]{3,}$")

_EN_NOT_APOSTROPHE_NAME = frozenset(
    {"o'clock", "y'all", "ma'am", "c'mon", "g'night", "e'er", "ne'er", "o'er", "li'l"}
)
# (english7) A capitalised word said twice with a hyphen ("Man-Man", "Boo-Boo", "Pooh-Pooh"):
# a nickname, unless the pair is an everyday word ("So-So", "Bye-Bye", "Yo-Yo").
_EN_DOUBLED = re.compile(r"^([A-Z][a-z]{1,7})-\1$")
_EN_DOUBLED_WORDS = frozenset(
    {"so", "no", "bye", "yo", "tom", "pom", "choo", "tut", "hush", "goody", "mee", "knock",
     "chop", "bling", "ha", "hee", "ho", "uh", "tsk", "boo-hoo", "night", "dum", "cha", "twenty"}
)  # fmt: skip
# "keisha'd already called", "tyrone's cousin": a name with what is joined to it.
_EN_JOINED = re.compile(r"['’](?:s|d|ll)$", re.IGNORECASE)
# After "aka", "goes by", "they call him": a nickname, whatever word it is ("Tank", "smoke").
_EN_AKA_BEFORE = re.compile(
    r"(?:(?<![\w.])(?i:aka|a\.k\.a\.?|a/k/a|also known as|nicknamed)"
    r"|(?<![\w.])(?i:he|she|they|who|now|also|\[name\])\s+(?i:goes|go|went)\s+by"
    r"|(?i:they|everybody|everyone|people|ppl|we|yall|y'all|streets?)\s+(?i:call|calls|called)"
    r"\s+(?i:him|her|them))\s+[\"“]?$"
)
# Whether a quote has any of these at all (most have none: the rule is then skipped).
_EN_AKA_HERE = re.compile(r"(?i)aka|a\.k\.a|a/k/a|known as|nicknamed| by |call")
# Before "aka": the name it is a second name of ("Devonte a.k.a. Tank").
_EN_AKA_AFTER = re.compile(r"\s+(?i:aka|a\.k\.a\.?|a/k/a)(?![\w/])")
# "his brother will came": the name "will" is not the verb when a past or -s form follows.
_EN_MODAL_NAMES = frozenset({"will", "may"})
# (eighth session) Words of saying or thinking that a person's name may follow as a subject.
_EN_SAYING = frozenset(
    {"said", "says", "thinks", "thought", "claimed", "claims", "believes", "believed",
     "knew", "knows", "swears", "swore", "insists", "insisted"}
)  # fmt: skip
_EN_PAST = frozenset(
    {"came", "said", "told", "took", "got", "broke", "drove", "went", "saw", "ran", "threw",
     "made", "left", "kept", "knew", "swore", "stole", "was", "had", "did", "found", "gave",
     "brought", "heard", "thought", "showed", "wanted", "is", "has", "does", "says"}
)  # fmt: skip
# After a word-name at the start ("dallas kept calling", "chase said"): what a person does.
_EN_WORD_NAME_VERBS = frozenset(
    {"said", "says", "told", "tells", "texted", "texts", "called", "calls", "came", "comes",
     "showed", "shows", "hit", "hits", "broke", "yelled", "threatened", "pushed", "grabbed",
     "choked", "slapped", "punched", "followed", "stalked", "lied", "swore", "kept", "keeps",
     "helped", "picked", "drove", "started", "starts", "tried", "jumped", "beat", "stole"}
)  # fmt: skip
# (seventh pass) More of what a person does, first in a sentence after a word-name that is
# neither a virtue nor a month or season ("Grant moved out", "Sky took my phone", "Lucky got
# out on bail", "Rocky never paid"); after "never", "always", "still", "just" the next word
# must be a verb of these or end in -ed.
_EN_WORD_NAME_MORE_VERBS = frozenset(
    {"moved", "moves", "took", "takes", "got", "gets", "paid", "pays", "stayed", "stays",
     "left", "leaves", "sent", "gave", "brought", "bought", "wanted", "knew", "kicked",
     "locked", "cheated", "lives", "lived", "works", "worked", "hid", "found", "ran", "went",
     "showed", "hurt", "raped", "robbed", "sold", "owes", "owed"}
)  # fmt: skip
# After "got": a state, so the word-name before is a thing ("Sky got dark", "Summer got hot").
_EN_GOT_A_STATE = frozenset(
    {"dark", "worse", "better", "bad", "cold", "hot", "late", "loud", "quiet", "crazy", "scary",
     "harder", "rough", "real", "ugly", "tense", "heated", "busy", "long", "short", "closer"}
)  # fmt: skip
_EN_ADVERBS_BEFORE_A_VERB = frozenset({"never", "always", "still", "just", "finally", "also"})
# After a capitalised virtue-name first in a sentence, what only a person does ("Joy said",
# "Hope called"; not "Faith kept me going", "Hope helped").
_EN_VIRTUE_VERBS = frozenset(
    {"said", "says", "told", "tells", "texted", "texts", "called", "calls", "came", "comes",
     "showed", "yelled", "threatened", "pushed", "grabbed", "choked", "slapped", "punched",
     "lied", "swore", "drove", "picked", "asked", "sent", "gave",
     # (seventh pass) "Mercy stayed w me at the hospital", "Hope moved out"
     "stayed", "moved", "paid", "bought"}
)  # fmt: skip
# Surnames that are words and, first in a sentence before a verb, more often a thing or a
# direction than a person ("Church helped me", "Love kept me going", "North from the city").
_EN_SURNAMES_THAT_ARE_THINGS = frozenset(
    {"church", "love", "snow", "frost", "rivers", "waters", "woods", "wood", "fields", "hills",
     "hill", "stone", "little", "rich", "strong", "north", "south", "west", "golden", "young",
     "price", "page", "cross", "sparks", "banks", "bush", "wise", "sharp", "noble"}
)  # fmt: skip
# After a word-name, a word that makes it a bank, a place or a school ("called chase bank").
_EN_NOT_AFTER_A_WORD_NAME = frozenset(
    {"bank", "store", "card", "app", "account", "office", "hotline", "line", "county", "city",
     "street", "st", "ave", "avenue", "road", "rd", "high", "school", "middle", "elementary",
     "park", "lake", "river", "apartments", "hospital", "clinic", "center", "church", "pd",
     "police", "meth"}
)  # fmt: skip
# After a virtue-name and its title: not an object or a clause ("my mom hope i come home").
_EN_NOT_AFTER_A_VIRTUE = frozenset(
    {"i", "he", "she", "we", "they", "you", "u", "that", "me", "him", "her", "us", "them", "it",
     "my", "his", "for", "to", "so", "in", "is", "was", "the", "a"}
)  # fmt: skip


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


@lru_cache(maxsize=1)
def _english_given() -> frozenset[str]:
    """The English list's given names and word-names, in lower case ("emily", "billy"; not
    "german", a Spanish given name, nor "foster", a family name)."""
    en = _load().get("en", {})
    return frozenset(w.lower() for w in en.get("given_names", [])) | _english_word_names()[0]


@lru_cache(maxsize=1)
def _english_street_words() -> frozenset[str]:
    """The street words of every list ("lane", "court", "st"; an English street in a Spanish or
    Somali address too): a role word only after a name ("Maple Lane")."""
    return frozenset(
        w.lower().strip(".") for lists in _load().values() for w in lists.get("street_words", [])
    )


@lru_cache(maxsize=1)
def _english_word_names() -> tuple[frozenset[str], frozenset[str]]:
    """Given names that are everyday words too ("chance", "rocky", "hope") from the English
    list and _WORD_NAMES, and those of them that are a virtue or a feeling ("hope", "faith")."""
    en = _load().get("en", {})
    virtues = frozenset(w.lower() for w in en.get("given_names_that_are_virtues", []))
    words = (
        frozenset(
            w.lower()
            for key in ("given_names_that_are_words", "nicknames_that_are_words")  # (english7)
            for w in en.get(key, [])
        )
        | _english_place_names()
    )
    ascii_words = {w for w in _WORD_NAMES if w.isascii() and w not in _EN_NAMES_NOT_WORDS}
    return words | virtues | ascii_words, virtues


# (english9) Before a lower-case given name, words that make it a thing or a place ("the
# john", "a teddy", "st paul", "fort myers").
_EN_NOT_BEFORE_A_LOWER_CASE_NAME = frozenset(
    {"a", "an", "the", "this", "that", "these", "those", "some", "any", "every", "no",
     "st", "st.", "saint", "san", "santa", "fort", "port", "mount", "mt", "lake"}
)  # fmt: skip


@lru_cache(maxsize=1)
def _english_given_in_lower_case() -> frozenset[str]:
    """(english9) Listed given names that are a person wherever they stand in lower case:
    no family name ("foster", "ward"), no place that is also a name ("jackson"), no word-name
    ("hope", "will"), no everyday or role word, no English word seen more than 100 times,
    and none of the names that are lower-case words too ("molly", "teddy", "venice": new key
    ``given_names_that_are_words_in_lower_case``)."""
    rules = _rules()
    en = _load().get("en", {})
    words = frozenset(w.lower() for w in en.get("given_names_that_are_words_in_lower_case", []))
    # (ninth session review) Any word seen more than 100 times in the English list is a word
    # first: "on tina", "took lucy", "my ebony skin" stay; Spanish words that are names ("my
    # nina", "gloria a dios") are in the list of lower-case words (the Spanish list is not read
    # for an English quote). Only the rarer names are a person wherever they stand ("keisha").
    common = _english_dictionary().get(100, frozenset())
    places = frozenset(p.lower() for p in _load_places()["also_names"])
    word_names = _english_word_names()[0]
    return frozenset(
        name
        for name in rules.lowercase.get("en", frozenset())
        if name.islower()
        and name.isalpha()
        and len(name) >= 3
        and name in rules.given
        and name not in rules.family
        and name not in places
        and name not in word_names
        and name not in words
        and name not in common
        and name not in _english_lists()[3]
        and not _plain_word(name, rules, _EVERYDAY)
        and name not in rules.roles
        and not rules.places.fullmatch(name)
    )


@lru_cache(maxsize=1)
def _english_after_a_place_name() -> frozenset[str]:
    """(english9) Words after a name that make it a street, a place or a building's name
    ("snelling ave", "roosevelt high", "regions hospital")."""
    en = _load().get("en", {})
    return (
        _english_street_words()
        | frozenset(w.lower() for w in en.get("institution_words_after_name", []))
        | {"county", "city", "pd", "high", "elementary", "middle", "school", "park", "street"}
    )


@lru_cache(maxsize=1)
def _english_place_names() -> frozenset[str]:
    """(english7) Given names that are first of all a place ("Georgia", "Kent", "Marion",
    "Brooklyn"): a person only where a person plainly stands ("Kent pushed me", "i told
    Georgia", "Georgia my sister let us stay"), not wherever a word-name capitalised inside a
    sentence is taken ("we left Georgia" stays); after "in", "to", "from"… the place is set
    aside before names are looked for."""
    return frozenset(
        w.lower() for w in _load().get("en", {}).get("given_names_that_are_places", [])
    )


def _english_word_name(
    tokens: list[str],
    i: int,
    word_at: Callable[[int], str],
    titles: frozenset[str],
    caseless: bool = False,
) -> bool:
    """Whether tokens[i], a given name that is also a word ("chance", "will", "hope"), stands
    where a person stands: after a title ("my ex chance", "officer king", "my cousin precious"),
    "me and", a verb of speech ("told grace"), "named"; and, unless it is a virtue, first in a
    sentence before what a person does ("chase and his brother came", "austin from the
    program", "dallas kept calling")."""
    words, virtues = _english_word_names()
    lower = tokens[i].lower()
    starts = _sentence_start(tokens, i)
    before = "" if starts or not (i >= 2 and tokens[i - 1] == " ") else word_at(i - 2)
    after = word_at(i + 2) if i + 1 < len(tokens) and tokens[i + 1] == " " else ""
    virtue = lower in virtues
    if after in _EN_NOT_AFTER_A_WORD_NAME:
        return False  # "called chase bank", "my son junior high school"
    if before == "from" and _from_a_person(word_at, i):
        return True  # "got a call from Jordan", "a text from star"
    if before in {"told", "texted", "messaged"} and after != "in":
        return True  # "told grace i was leaving": one tells a person
    capital = tokens[i][:1].isupper() and not tokens[i].isupper() and not caseless
    # "Hope House", "Ruby Tuesday": before another capitalised word, the name of a place or a
    # business (a person's family name after it is found by the lists).
    if capital and i + 2 < len(tokens) and tokens[i + 1] == " " and tokens[i + 2][:1].isupper():
        capital = False
    if starts and _english_who_comes_next(word_at, i, lower, virtue, after, capital):
        return True  # "King is my sons father", "Sincere been hitting me"
    if (
        virtue
        and capital
        and not starts
        and before in _EN_PERSON_CUES - _AND  # not "God and Heaven"
        and after != "in"
    ):
        return True  # "then Hope called the police", "stayed with Joy for two weeks"
    if (
        virtue
        and capital
        and starts
        and (
            after in _EN_VIRTUE_VERBS
            or (after in {"from", "at"} and word_at(i + 4) not in {"", "all", "least", "first"})
        )
    ):
        return True  # "Faith at legal aid said", "Hope from the shelter", "Joy said"
    if (
        before in _EN_OBJECT_IS_A_PERSON
        and (not virtue or capital)
        and not (before == "met" and (lower in _rules().months or lower in _EN_SEASONS))
    ):
        return True  # "he punched rocky", "he slapped Patience in front of the kids"
    # (eighth session) Capitalised with "and I" after it, one goes somewhere with a person:
    # "Precious and I left", "Faith and me stayed"; and after a word of saying or thinking,
    # before what a person did: "he said Hope was lying", "the caseworker claimed Joy had".
    # Asked before the virtues' everyday words ("hope was"); never of a month or a season.
    if capital and lower not in _rules().months and lower not in _EN_SEASONS:
        if after in _AND and word_at(i + 4) in {"i", "me"}:
            return True
        if (
            before in _EN_SAYING
            and not starts
            and (after in _EN_PAST or after in _EN_WORD_NAME_VERBS)
        ):
            return True
    if (virtue or lower in _EN_MODAL_NAMES) and after in _EN_NOT_AFTER_A_VIRTUE:
        return False  # "me and faith in God", "my mom hope i come home", "asked will he"
    if before in {"named", "told", "texted", "called", "asked", "messaged", "tell", "text"}:
        return True
    if before in {"texting", "calling", "telling", "asking", "messaging"} and not virtue:
        return True  # "he kept texting star"
    if (
        before in {"with", "w", "w/"}
        and i >= 4
        and word_at(i - 4) in _EN_WITH_A_PERSON
        and after not in {"of", "for", "in", "that", "to"}
        and not (virtue and capital and after and after not in {"when", "at", "and", "after"})
    ):
        return True  # "i was with hope when", "stayed w river and her kids"
    if before in {"except", "besides"} and (not virtue or after in {"from", "at", "and", ""}):
        return True  # "nobody believed me except grace from church"
    if before in _AND and word_at(i - 4) in _ME:
        return True  # "me and hope"
    modal = lower in _EN_MODAL_NAMES and not (
        after in _EN_PAST or (after.endswith("ed") and len(after) > 3)
    )
    if (
        before in titles
        and before not in _BEFORE_A_THING
        and (not before.endswith("s") or before in {"sis", "boss", "ms", "mrs"})
        and not modal
    ):
        return True  # "my cousin precious", "his brother will came", "officer king"
    if virtue or modal or before in _BEFORE_A_THING or before in _EN_BEFORE_A_PLACE:
        return False
    rules = _rules()
    # "the cops said Mark was fine", "i lived with Dawn", "the judge let Lane see the kids": a
    # word-name capitalised inside a sentence, after a word in lower case (so not the "Lane"
    # of "Maple Lane"), is a name; but not a title ("the bishop"), a month or after "last".
    if (
        capital
        and not starts
        and before
        and tokens[i - 2].islower()
        and lower not in _english_place_names()
        and before not in _POSSESSIVES
        and before not in {"his", "her", "all", "some", "last", "next", "this", "every"}
        and before not in {"de", "del", "en", "desde", "para", "por"}  # "el refugio de Phoenix"
        and lower not in rules.months
        and lower not in titles
        and (not _role_word(lower, rules) or lower in _english_street_words())
    ):
        return True
    if _role_word(lower, rules):
        return False  # "bishop came to the house": the role, named by no title
    # (english7) "Tank choked me, Red just watched": capitalised after a comma, a clause's start
    clause = capital and not starts and i >= 2 and tokens[i - 1] == " " and tokens[i - 2] == ","
    first = (
        starts
        or clause
        or before == "then"  # "then ruby and her mom came"
        or (before in _AND and word_at(i - 4) in words and i >= 4)
    )
    if not first:
        return False
    if after in _AND and word_at(i + 4) in _POSSESSIVES | {"i", "me"}:
        return True  # "chase and his brother came"
    if after in {"from", "at"} and word_at(i + 4) in {"the", "my", "his", "her", "our"}:
        return True  # "austin from the program", "brandy and sunny from the program"
    if lower in _EN_SEASONS and after in {"came", "comes", "started", "starts"}:
        return False  # "Summer came and he got worse": time
    if after in {"got", "gets"} and word_at(i + 4) in _EN_GOT_A_STATE:
        return False  # "Sky got dark"
    if after in _EN_WORD_NAME_VERBS:
        return True  # "dallas kept calling"
    # (seventh pass) "Grant moved out", "Rocky never paid": more of what a person does, first
    # in a sentence; not after a month or season ("Summer went by", "June got hot").
    if not (starts or clause) or lower in rules.months or lower in _EN_SEASONS:
        return False
    if after in _EN_ADVERBS_BEFORE_A_VERB:
        after = word_at(i + 4)
        return (
            after in _EN_WORD_NAME_VERBS
            or after in _EN_WORD_NAME_MORE_VERBS
            or after in _EN_PAST - {"is", "was", "has", "does", "says"}
            or (after.endswith("ed") and len(after) > 3)
        )
    return after in _EN_WORD_NAME_MORE_VERBS


def _english_who_comes_next(
    word_at: Callable[[int], str],
    i: int,
    lower: str,
    virtue: bool,
    after: str,
    capital: bool = True,
) -> bool:
    """(english7) Whether what follows a word-name first in a sentence says it is a person:
    who the person is ("King is my sons father", "Precious my advocate at the shelter
    helped"), "was the one who" ("Tank was the one who choked me"), or what the person has
    been doing ("Sincere been hitting me", "Major been calling"). Not a month or a season
    ("April my advocate came", "June my son was born", "Summer been hot"). In lower case only
    the first two with "is/was" ("king is my sons father", "tank was the one who")."""
    rules = _rules()
    if lower in rules.months or lower in _EN_SEASONS:
        return False
    if not capital and after not in {"is", "was"}:
        return False
    at = i + 2
    if after in {"is", "was"}:
        if (
            word_at(i + 4) == "the"
            and word_at(i + 6) == "one"
            and word_at(i + 8) in {"who", "that"}
        ):
            return True  # "Tank was the one who choked me"
        at = i + 4
    if after == "the" and capital and not virtue and lower not in _EN_NOT_BEFORE_THE_ROLE:
        # (ninth session) who the person is, named by a role after "the": "Rocky the
        # probation officer checked in", "Dusty the bartender called the cops"
        for role_at in (i + 4, i + 6, i + 8):
            noun = word_at(role_at)
            if (
                noun in _EN_WHO_A_PERSON_IS
                or noun in _EN_PERSON_NOUNS
                or noun in _EN_JOBS
                or _role_word(noun, rules)
            ):
                return True
        return False
    if word_at(at) in {"my", "his", "her", "our", "their"}:
        person = at + 2
        if word_at(person) in _EN_WHOSE and word_at(person + 2) in _EN_WHO_A_PERSON_IS:
            person += 2  # "my sons father", "my kids dad"
        if word_at(person) not in _EN_WHO_A_PERSON_IS:
            return False
        if at != i + 2:
            return True  # "King is my sons father", "Grace was my caseworker"
        # "Precious my advocate at the shelter": a virtue only before where she is or what
        # she did ("Hope my son is ok" is a hope)
        return not virtue or word_at(person + 2) in _EN_AFTER_WHO_A_VIRTUE_IS
    if after == "been":
        doing = word_at(i + 4)
        if virtue:
            return doing in _EN_BEEN_DOING_TO_ME
        return len(doing) > 4 and (doing.endswith("ing") or doing.endswith("ed"))
    return False


def _english_capitalised_word_name(word: str, caseless: bool, rules: _Rules) -> bool:
    """(english7) Whether ``word`` is a word-name written with its capital ("Hope", "Will"),
    not a month or a season, in a quote where capitals mean something."""
    lower = word.lower()
    return (
        not caseless
        and word[:1].isupper()
        and word[1:].islower()
        and lower in _english_word_names()[0]
        and lower not in rules.months
        and lower not in _EN_SEASONS
    )


def _from_a_person(word_at: Callable[[int], str], i: int) -> bool:
    """Whether the "from" before tokens[i] leads to a person: "a call from", "a text from",
    "heard it from"."""
    lead = word_at(i - 4)
    return lead in _EN_FROM_A_PERSON or (lead == "it" and word_at(i - 6) in {"heard", "hear"})


def _english_stretched_name(
    lower: str, rules: _Rules, everyday: frozenset[str], word_names: frozenset[str]
) -> bool:
    """Whether ``lower`` is a listed given name with a letter held for emphasis ("devonnnn",
    "jasmineee", "kevvvin"): three or more of one letter, made one or two."""
    if not _EN_HELD_LETTER.search(lower):
        return False
    for short in (_EN_HELD_LETTER.sub(r"\1", lower), _EN_HELD_LETTER.sub(r"\1\1", lower)):
        if (
            short in rules.given
            and short not in word_names
            and not _plain_word(short, rules, everyday)
        ):
            return True
    return False


def _english_owner_unmarked(
    word: str,
    rules: _Rules,
    everyday: frozenset[str],
    word_names: frozenset[str],
    common: frozenset[str],
) -> bool:
    """Whether ``word`` is a listed given name's possessive typed without its apostrophe
    ("tashas", "brandons", "Jaylens"): the name and an s, and no word or name itself."""
    lower = word.lower()
    if len(lower) < 5 or not lower.endswith("s") or not lower.isalpha():
        return False
    stem = lower[:-1]
    return (
        stem in rules.given
        and stem not in word_names
        and stem not in _WORD_NAMES
        and not _plain_word(stem, rules, everyday)
        and lower not in rules.given
        and lower not in rules.family
        and not _plain_word(lower, rules, everyday)
        and (lower not in common or (word[0].isupper() and not word.isupper()))
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


def _english_place_before(before: str, given_only: bool = False) -> bool:
    """Whether what comes before a listed name makes it a city: "in", or "to" after a verb
    of going ("drove to Madison", "moved to Charlotte"). With ``given_only`` (a given name
    that is no place of any list), going to it is going to a person ("i went to Keisha. She
    helped", "ran to Jane"): only "in" and "near" make it a place."""
    words = before.lower().split()[-6:]
    if not words:
        return False
    if words[-1] in {"in", "near"}:
        return True
    if given_only:
        return False
    if len(words) >= 2 and (words[-2], words[-1]) in _EN_PERSON_PAIRS:
        return False  # "went back to Terrence", "talked to Charlotte"
    if (
        words[-1] == "from"
        and len(words) >= 2
        and (
            words[-2] in _EN_FROM_A_PERSON
            or (words[-2] == "it" and words[-3:-2] in (["heard"], ["hear"]))
        )
    ):
        return False  # "got a call from Jordan": a call comes from a person
    if (
        words[-1] == "from"
        and len(words) >= 3
        and words[-2] in {"me", "us"}
        and words[-3] in {"calling", "called", "calls", "call", "texting", "texted", "writing"}
    ):
        return True  # "keeps calling me from Charlotte": where the call comes from
    return words[-1] in {"to", "from"} and bool(set(words[:-1]) & (_EN_GOING - {"me", "us"}))


# "my kids [name] 7 jj 5 and baby mia": in a list of children with their ages, the word after
# an age is the next child.
_EN_AFTER_AN_AGE = re.compile(
    r"(?P<lead>\[name\],?\s+\d{1,2}(?:\s*(?i:yrs?|years?|yo|mos?|months?)(?:\s+old)?)?,?\s+"
    r"(?:(?i:and|&|n)\s+)?(?:(?i:baby|lil|little|my)\s+)?)(?P<word>[A-Za-z][a-z'’-]*)(?![\w'’-])"
)


def _english_after_an_age(text: str, rules: _Rules, everyday: frozenset[str]) -> str:
    """The children of a list after the first found ("aaliyah 7 jj 5 and baby mia")."""

    def child(m: re.Match[str]) -> str:
        word = m.group("word")
        lower = word.lower()
        if lower in rules.given or not _english_word(word, rules, everyday):
            return m.group("lead") + PLACEHOLDER
        return m.group(0)

    while (new := _EN_AFTER_AN_AGE.sub(child, text)) != text:
        text = new
    return text


@lru_cache(maxsize=1)
def _english_not_initials() -> frozenset[str]:
    """Abbreviations written with points that are no one's initials ("a.m.", "D.A.", "C.P.S."):
    the English ``initials_not_names`` of redaction.json, shared with ``notes``."""
    return frozenset(w.lower() for w in _load().get("en", {}).get("initials_not_names", []))


# (seventh pass) "his friend (dre)", "the advocate [kiana]", "her dad 'lamont'": one word in
# brackets or quotation marks right after a word for a person.
_EN_ENCLOSED = re.compile(
    r"(?P<before>(?<![\w'’])[A-Za-z]+)\s*(?P<open>[(\[\"“'‘])"
    r"(?P<word>[A-Za-z][A-Za-z]+(?:-[A-Za-z][a-z]+)?)(?P<close>[)\]\"”'’])(?![\w'’])"
)
_EN_ENCLOSING = frozenset({"()", "[]", '""', "“”", "''", "‘’", "'’"})


def _english_enclosed(text: str, rules: _Rules, everyday: frozenset[str]) -> str:
    """A name in brackets or quotation marks right after a word for a person, in any case
    ("his friend (dre)", "the advocate [kiana]" → "the advocate [name]", "her dad 'lamont'"):
    a listed name, a word-name or a word the dictionary hardly knows; not an everyday word or
    a role ("my ex (again)", "my mom (the nurse)")."""
    if not any(c in text for c in "([\"“'‘"):
        return text
    titles = _english_lists()[3]
    word_names = _english_word_names()[0]

    def enclosed(m: re.Match[str]) -> str:
        before, word = m.group("before").lower(), m.group("word")
        lower = word.lower()
        if m.group("open") + m.group("close") not in _EN_ENCLOSING:
            return m.group(0)
        if before not in titles and not _role_word(before, rules):
            return m.group(0)
        if (
            _plain_word(lower, rules, everyday)
            or _role_word(lower, rules)
            or lower in titles
            or lower in rules.months
        ):
            return m.group(0)
        if not (
            lower in rules.given
            or lower in word_names
            or lower in _EN_NAMES_NOT_WORDS
            or not _english_word(word, rules, everyday, rare=200)
        ):
            return m.group(0)
        head = m.group(0)[: m.start("open") - m.start()]
        if m.group("open") == "[":
            return head + PLACEHOLDER
        return head + m.group("open") + PLACEHOLDER + m.group("close")

    return _EN_ENCLOSED.sub(enclosed, text)


# "Smoke, my ex, hit me", "June, my advocate, helped": a capitalised word set off by a
# comma before "my/his/the … <person>," is that person's name, whatever the word means
# elsewhere. The closing comma (or dash, bracket, end) is what makes it an apposition: "In
# June, my advocate helped me" has none, and a word after a preposition is no name here.
_EN_APPOSITION = re.compile(
    r"(?<![\w'’])(?P<word>[A-Z][\w'’-]*)"
    r"(?=(?:,[ \t]+|[ \t]*\()(?:my|his|her|our|their|your|the)[ \t]+"
    r"(?P<person>(?:[\w'’-]+[ \t]+){0,2}?[\w'’-]+)"
    r"[ \t]*(?:,|—|–|\)|$))"
)
# Words that make the capitalised word a time or a place ("In June, my son…", "since May"),
# not "to", "of", "for", "with", "about", "from", which take a person ("I talked to Smoke,
# my ex, about the kids").
_EN_NOT_BEFORE_AN_APPOSITION = frozenset(
    {"in", "on", "at", "since", "until", "till", "by", "last", "next", "this", "that",
     "during", "after", "before", "through", "around"}
)  # fmt: skip
_EN_NOT_AN_APPOSITION = frozenset({"god", "lord", "jesus", "christ", "allah", "lol", "omg"})
_EN_PERSON_NOUNS = frozenset(
    {"guy", "dude", "man", "woman", "lady", "girl", "boy", "kid", "baby", "ex", "exhusband",
     "exwife", "husband", "wife", "boyfriend", "girlfriend", "partner", "friend", "neighbor",
     "neighbour", "roommate", "bestie", "homie", "homegirl", "homeboy", "twin"}
)  # fmt: skip


def _english_apposition(text: str, rules: _Rules) -> str:
    """A name set off by commas (or a bracket) before the person it names ("Smoke, my ex, hit
    me" → "[name], my ex, hit me"; "Smoke (my ex) hit me"): not an everyday word that opens
    sentences ("Well, my ex, he…": ``rules.ordinary``), a role, a title, or a word after a
    preposition of time or place ("In June, my son, he…")."""
    if "," not in text and "(" not in text:
        return text
    titles = _english_lists()[3]

    def apposition(m: re.Match[str]) -> str:
        word = m.group("word")
        lower = word.lower()
        person = m.group("person").lower().split()[-1].strip("'’")
        person = person[:-2] if person.endswith(("'s", "’s")) else person
        if not (person in titles or person in _EN_PERSON_NOUNS or _role_word(person, rules)):
            return word
        if (
            lower in rules.ordinary
            or lower in titles
            or lower in _EN_NOT_AN_APPOSITION
            or _role_word(lower, rules)
        ):
            return word
        before = m.string[max(0, m.start() - 40) : m.start()].rstrip().rsplit(None, 1)
        if before and before[-1].lower() in _EN_NOT_BEFORE_AN_APPOSITION:
            return word
        if rules.places.fullmatch(word):
            return word
        return PLACEHOLDER

    return _EN_APPOSITION.sub(apposition, text)


def _english_initials(text: str) -> str:
    """Initials standing for a name ("my ex d.j. broke my phone"), not an agency's or an
    abbreviation ("the D.A. dropped it", "called C.P.S.", "the E.R.")."""
    return _EN_INITIALS.sub(
        lambda m: m.group(0) if m.group(0).lower() in _english_not_initials() else PLACEHOLDER,
        text,
    )


# (english9) A hashtag that holds a name: "#justiceforKayla", "#prayfortrayvon",
# "#RIPbigmike": what leads the tag stays, the name goes. Camel case ("#JusticeForAaliyah")
# is read by the capital rules already.
_EN_HASHTAG = re.compile(r"(?<![\w#&])#(?P<body>[A-Za-z][A-Za-z0-9_]{3,})(?![\w@])")
_EN_HASHTAG_LEADS = (
    "justicefor", "justice4", "prayersfor", "prayersfor", "prayfor", "pray4", "praying4",
    "prayingfor", "restinpeace", "restineasy", "longlive", "bringhome", "bringbackhome",
    "bringback", "bring", "istandwith", "standwith", "imwith", "welove", "lovefor", "love4",
    "missing", "findmy", "helpfind", "free", "team", "forever", "rip", "ripbig", "riplil",
    "riplittle", "freelil", "freebig",
)  # fmt: skip


def _english_hashtag(m: re.Match[str], rules: _Rules) -> str:
    """One hashtag: the lead it opens with stays ("justicefor", "RIP"), the rest goes when it
    is a name — in camel case every part a listed name or no English word, one listed at
    least or after a lead ("JusticeForDaunteWright", "JusticeForAaliyah"); in lower case a listed given name, or a given and a
    family name ("prayfortrayvon", "ripmarcusjohnson"). A tag of words stays
    ("#WhyIStayed", "#metoo")."""
    body = m.group("body")
    lower = body.lower()
    names = _english_word_names()[0]
    titles = _english_lists()[3]

    def listed(word: str, given: bool = False) -> bool:
        return (
            len(word) >= 3
            and (word in rules.given or (not given and word in rules.family))
            and word not in rules.ordinary
            and word not in names
            and word not in titles
            and not _role_word(word, rules)
        )

    lead = next(
        (k for k in sorted(_EN_HASHTAG_LEADS, key=len, reverse=True) if lower.startswith(k)), ""
    )
    rest = body[len(lead) :].rstrip("0123456789_")
    parts = re.findall(r"[A-Z][a-z]+|[a-z]+|[A-Z]+(?![a-z])", rest)
    if (
        parts
        and rest[:1].isupper()
        and "".join(parts) == rest
        and (lead or any(listed(p.lower()) for p in parts))
        and all(
            listed(p.lower())
            or not _english_word(p, rules, _EVERYDAY)
            # "PrayForDestiny": after a lead a given name that is a word too, not a word
            # alone ("PrayForPeace", "JusticeForAll")
            or (lead and p.lower() in rules.given)
            for p in parts
        )
    ):
        return f"#{body[: len(lead)]}{PLACEHOLDER}"
    rest = rest.lower()
    # "#bringjaylahhome": what follows the name in a tag of this kind
    brought = False
    for end in ("home", "back"):
        if lead.startswith("bring") and rest.endswith(end) and len(rest) > len(end) + 2:
            rest = rest[: -len(end)]
            # "#bring<someone>home": anyone no dictionary knows
            brought = not _english_word(rest, rules, _EVERYDAY)
            break
    if lead and (
        brought
        or listed(rest, True)
        or any(listed(rest[:k], True) and listed(rest[k:]) for k in range(3, len(rest) - 2))
    ):
        return f"#{body[: len(lead)]}{PLACEHOLDER}"
    return m.group(0)


@lru_cache(maxsize=1024)
def _english_tag_of_words(body: str) -> bool:
    """(english9) Whether a hashtag's body is English words run together: in camel case two
    or more parts, each an English word ("WhyIStayed", "BlackLivesMatter"); in lower case
    two to four words the frequency list knows well ("metoo", "dvawareness")."""
    rules = _rules()
    parts = re.findall(r"[A-Z][a-z]+|[a-z]+|[A-Z]+(?![a-z])", body)
    if "".join(parts) != body or len(body) > 40:
        return False
    if not body.islower():
        return len(parts) >= 2 and all(
            p.lower() in ("i", "a") or _english_word(p, rules, _EVERYDAY, rare=100) for p in parts
        )
    known = _english_dictionary().get(100, frozenset()) | _english_lists()[0]
    lower = body.lower()

    def split(at: int, left: int) -> bool:
        if at == len(lower):
            return True
        return left > 0 and any(
            (lower[at:end] in known and (end - at >= 2 or lower[at:end] in ("i", "a")))
            and split(end, left - 1)
            for end in range(len(lower), at, -1)
        )

    return split(0, 4) and not split(0, 1)


# (english9) A name spelled out letter by letter: "K-e-v-i-n", "j a m a l", "T.Y.R.E.L.L".
_EN_SPELLED = re.compile(
    r"(?<![\w'’.-])[A-Za-z](?P<sep>[-. ])(?:[A-Za-z](?P=sep)){1,14}[A-Za-z]\.?(?![\w'’-])"
)


def _english_spelled(m: re.Match[str], rules: _Rules) -> str:
    word = m.group(0).rstrip(".").replace(m.group("sep"), "").lower()
    if (
        (word in rules.given or word in rules.family)
        and word not in rules.ordinary
        and word not in _english_word_names()[0]
        and not _role_word(word, rules)
    ):
        return PLACEHOLDER
    return m.group(0)


def _english_hashtags(text: str, rules: _Rules) -> str:
    """(english9) Names spelled out letter by letter, and names inside hashtags."""
    text = _EN_SPELLED.sub(lambda m: _english_spelled(m, rules), text)
    if "#" not in text:
        return text
    return _EN_HASHTAG.sub(lambda m: _english_hashtag(m, rules), text)


# (english9) A line that opens with a label: "F: ", "DeShawna: ", "Participant 3: ".
_EN_LINE_LABEL = re.compile(r"(?m)^[ \t]*[A-Z][\w'’.-]*(?: [\w'’.-]+)?[ \t]*:[ \t]")


@lru_cache(maxsize=1)
def _english_places_lower() -> frozenset[str]:
    """(english9) Every listed city and county in lower case."""
    places = _load_places()
    return frozenset(p.lower() for key in ("places", "counties") for p in places[key])


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
    given_en = _english_given()

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
        if (
            _EN_DOUBLED.match(bare)
            and not caseless
            and bare.split("-")[0].lower() not in _EN_DOUBLED_WORDS
        ):
            return 2  # (english7) "Man-Man", "Boo-Boo": a nickname said twice
        if "-" in bare:  # "mary-kate", "jean-pierre": every part a name or no word
            parts = [p.lower() for p in bare.split("-")]
            if any(p in rules.given and p not in _WORD_NAMES for p in parts):
                # "jean-pierre": beside a listed given name, any part not a plain word
                return 2 * all(
                    p in rules.names or not _plain_word(p, rules, everyday) for p in parts
                )
            # (seventh pass) "jean-pierre", "mary-kate": a listed given name joined to parts
            # that are no everyday word or role, though the dictionary knows them ("pierre")
            if any(p in rules.given for p in parts) and all(
                len(p) >= 2
                and p.isalpha()
                and not _plain_word(p, rules, everyday)
                and not _role_word(p, rules)
                for p in parts
            ):
                return 2
            return 2 * all(p in rules.names or not _english_word(p, rules, everyday) for p in parts)
        if word[0].isupper() and not caseless:
            return 2 * (not _english_word(word, rules, everyday, rare=100))
        if standing[i] == 2:  # "with grace" keeps its grace, "w/ dre" loses dre
            return 2 * (word.lower() not in _WORD_NAMES or word.lower() in _EN_NAMES_NOT_WORDS)
        if not _english_word(word, rules, everyday):
            return 2
        return int(not _english_word(word, rules, everyday, rare=200))

    def person_here(i: int, level: int) -> bool:
        """Whether the word at tokens[i] stands where a person stands."""
        starts = _sentence_start(tokens, i)
        # (seventh pass) A common English word that is a name only as a family name or in
        # another language's list ("foster", "german", "ward", "memo"): the weak cues of this
        # pass do not make it one ("placed by foster care", "talking to german police").
        everyday_word = tokens[i].lower() in common and tokens[i].lower() not in given_en
        before = "" if starts or not spaced(i - 2) else word_at(i - 2)
        after = word_at(i + 2) if spaced(i) else ""
        capital = tokens[i][0].isupper() and not caseless
        if before == "that" and level == 2 and after in _EN_AFTER_A_PERSON:
            return True  # "told the nurse that tavita did it"
        # (english9) "i am wife of Nkosana", "the brother of Faisal": after a kin word and
        # "of", a person, not a place ("the city of Edina").
        if before == "of" and word_at(i - 4) in _EN_KIN_OF and (capital or level == 2):
            return True
        # (english9) "kiki and them came thru", "dquan n dem": someone and the people with
        # them.
        if (
            after in _AND
            and word_at(i + 4) in {"them", "dem", "nem", "em", "'em"}
            and spaced(i + 2)
            and not everyday_word
        ):
            return True
        if (
            before == "of"
            and word_at(i - 4) in {"bc", "because", "cuz", "cause", "bcuz"}
            and level == 2
            and not everyday_word
        ):
            return True  # "bc of marcus n his boys"
        if before in _BEFORE_A_THING and before not in _POSSESSIVES:
            return False
        owner = bool(_POSSESSIVE.search(tokens[i]))  # "went over to Kwame's house"
        if (
            (capital or caseless)
            and before in _EN_BEFORE_A_PLACE
            and (word_at(i - 4), before) not in _EN_PERSON_PAIRS
            and not owner
            and not (before == "from" and _from_a_person(word_at, i))
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
        # (english9) "F: what happened?\nDeShawna: he came back": in a transcript (two lines
        # or more that open with a label), a word no dictionary knows, capitalised at a line's
        # start before a colon, is a speaker; not a county or a city ("Hennepin: 3 cases").
        if (
            capital
            and level >= 2
            and transcript
            and tokens[i + 1 : i + 2] == [":"]
            and (i == 0 or "\n" in tokens[i - 1] or (i == 1 and tokens[0].isspace()))
            and tokens[i].lower() not in _english_places_lower()
        ):
            return True
        if level == 3 or (
            owner and level == 2 and (not starts or tokens[i].islower() or after in titles)
        ):
            return True  # "Sione's uncle": at a sentence's start too, before a kin word
        if before in _POSSESSIVES:
            return False
        if (
            capital
            and not starts
            and _role_word(after, rules)
            and after not in titles
            # "Ramsey County", "Ramsey county", "Dakota police": not a word of any language's
            # lists after it ("drove Zyrell home", "took Kenzo to school": "home", "to" and
            # "school" are such words somewhere)
            and (tokens[i + 2][:1].isupper() or after in _EN_PLACE_AFTER)
        ):
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
            or ((word_at(i - 4), before) in _EN_PERSON_PAIRS and not everyday_word)
            or (word_at(i - 4), before) == ("in", "law")
            or (before in titles and before not in rules.ordinary | {"ex"})
            or (before == "ex" and word_at(i - 4) in _POSSESSIVES)
            # (english9) "my bf dmitri", "u know my ex-bf dmitri?", "me & my bd tre"
            or (
                (before in _EN_CHAT_KIN or (before[:3] == "ex-" and before[3:] in _EN_CHAT_KIN))
                and (
                    word_at(i - 4) in _POSSESSIVES | {"ex", "ur", "your"}
                    or before[:3] == "ex-"
                    or _sentence_start(tokens, i - 2)
                )
                and not everyday_word
            )
            or (before in _AND and word_at(i - 4) in _ME)  # "me and dakota", "me n nneka"
            or (before == "from" and _from_a_person(word_at, i) and not everyday_word)
            # "i left with yaw", "was w/ kiki": being with someone
            or (
                before in {"with", "w", "w/"}
                and word_at(i - 4) in _EN_WITH_A_PERSON
                and not everyday_word
            )
        )
        if strong:
            return True
        if level < 2:
            return False
        if before in _EN_PERSON_CUES:
            return True
        # "picked up by deshawn", "meaner than lakisha": a listed name or no word; "by" not
        # after staying somewhere ("lives by" a place).
        if (
            before in _EN_WEAK_PERSON_CUES
            and not everyday_word
            and not (
                before == "by"
                and standing[i] != 2  # "staying by nikki": at her place, still a person
                and {word_at(i - k) for k in range(4, 10, 2)} & _EN_STAYING
            )
        ):
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
    word_names = _english_word_names()[0]
    transcript = len(_EN_LINE_LABEL.findall("".join(tokens))) >= 2
    aka_here = bool(_EN_AKA_HERE.search("".join(tokens)))
    for i in words:
        word = tokens[i]
        lower = word.lower()
        if i in found:
            continue
        # "Devonte a.k.a. Tank", "they call him smoke": a nickname after "aka", and the name
        # before it.
        if (
            aka_here
            and (
                _EN_AKA_BEFORE.search("".join(tokens[max(0, i - 14) : i]))
                or _EN_AKA_AFTER.match("".join(tokens[i + 1 : i + 10]))
            )
        ) and (
            lower in openers
            or _english_named(word)  # "we call him Bo"
            or not (lower in rules.ordinary or lower in titles or _role_word(lower, rules))
        ):
            new.add(i)
            if lower in openers and spaced(i) and i + 2 in standing:
                new.add(i + 2)  # "aka big lou"
            continue
        # "Ed from the church", "I met Ed", "Bo, my ex", "JB jumped him": a short name by its
        # shape wherever it stands, but not a state after a city ("Tulsa, Ok") or "the DJ".
        if (
            _english_short_name(_POSSESSIVE.sub("", word), caseless, _sentence_start(tokens, i))
            and word_at(i - 2) not in {"a", "an", "the"}
            and not _EN_AFTER_A_PLACE_MARK.search("".join(tokens[max(0, i - 4) : i]))
        ):
            new.add(i)
            continue
        # "tyrone's cousin", "keisha'd already called": a listed name with what is joined.
        joined = _EN_JOINED.search(word)
        stem = lower[: joined.start()] if joined else ""
        if (
            stem
            and word.islower()
            and stem in rules.given
            and stem not in word_names
            and not _plain_word(stem, rules, everyday)
            and word_at(i - 2) not in {"a", "an", "the"}
        ):
            new.add(i)
            continue
        if lower in word_names and _english_word_name(tokens, i, word_at, titles, caseless):
            new.add(i)
            continue
        # "Brown from the DA office never called back", "White told me to leave": a surname
        # that is also a word, capitalised first in a sentence before what a person does.
        if (
            lower in surname_words
            and lower not in _EN_SURNAMES_THAT_ARE_THINGS
            and word[0].isupper()
            and not caseless
            and _sentence_start(tokens, i)
            and spaced(i)
            and (
                word_at(i + 2) in _EN_WORD_NAME_VERBS
                or (
                    word_at(i + 2) in {"from", "at"}
                    and word_at(i + 4) in {"the", "my", "his", "her", "our"}
                )
            )
        ):
            new.add(i)
            continue
        # "T said", "told T": one capital letter where a person stands.
        dotted = "".join(tokens[i : i + 3])  # "C.P" of "called C.P.S.": an abbreviation
        if (
            len(word) == 1
            and word.isupper()
            and word not in {"I", "A"}
            and not re.fullmatch(r"[A-Za-z]\.[A-Za-z]", dotted)
        ):
            if (
                (spaced(i) and word_at(i + 2) in _AFTER_A_PERSON["en"])
                or (
                    spaced(i - 2)
                    and (
                        word_at(i - 2) in _BEFORE_A_PERSON_WORDS["en"]
                        # (english9) a note's "per J.", "cc: T.", "via R."
                        or (
                            word_at(i - 2) in {"per", "via", "cc"}
                            and tokens[i + 1 : i + 2] == ["."]
                        )
                    )
                )
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
            if (
                (standing[i + 2] == 2 and nxt.lower() not in _WORD_NAMES)
                or not _english_word(nxt, rules, everyday)
                # (english7) "Lil Bit", "Lil Man": capitalised after a capitalised "Lil"
                or (
                    lower.startswith("li")
                    and word[:1].isupper()
                    and nxt[:1].isupper()
                    and nxt[1:].islower()
                    and not caseless
                    and nxt.lower() not in titles
                    and not _role_word(nxt.lower(), rules)
                )
            ):
                new.update({i, i + 2})  # "lil tre", "big mike"
                continue
        # (seventh pass) "DEVONNNN", "jasmineee": a listed name with a letter held.
        if _english_stretched_name(lower, rules, everyday, word_names):
            new.add(i)
            continue
        # "tashas house", "brandons mom": a listed name's possessive typed without its
        # apostrophe, before the word it owns (not "the williams", not a word: "lens").
        if (
            spaced(i)
            and i + 2 in standing
            and tokens[i + 2].islower()
            and word_at(i - 2) not in {"a", "an", "the"}
            and _english_owner_unmarked(word, rules, everyday, word_names, common)
        ):
            new.add(i)
            continue
        # (english7) "his name is Deacon", "a guy named Major": after a naming phrase, a
        # capitalised role or title word standing alone is the name.
        if (
            word[:1].isupper()
            and word[1:].islower()
            and not caseless
            and (lower in titles or _role_word(lower, rules))
            and (
                word_at(i - 2) == "named"
                or (word_at(i - 4) == "name" and word_at(i - 2) in {"is", "was"})
                or word_at(i - 2) in {"name's", "name’s"}
            )
            and not (spaced(i) and (tokens[i + 2][:1].isupper() or is_name(i + 2)))
        ):
            new.add(i)
            continue
        # (english9) A hashtag of English words run together stays ("#WhyIStayed", "#metoo
        # helped me"); "#Thadque", "#O'Malley" are read as any word.
        if tokens[i - 1 : i] == ["#"] and _english_tag_of_words(word):
            continue
        # (english9) a kin word typed in lower case is who the person is, not a name: "nana
        # said no", "gma took us in", "meemaw called the cops"
        if lower in _EN_KIN and word.islower():
            continue
        level = candidate(i)
        if level and person_here(i, level):
            new.add(i)
    # "brandy and sunny": a word-name joined by "and" to a name found.
    plain_word_names = word_names - _english_word_names()[1] - rules.months - _EN_MODAL_NAMES
    for i in words:
        if (
            tokens[i].lower() in plain_word_names
            and i not in new
            and (
                (word_at(i + 2) in _AND and (is_name(i + 4) or i + 4 in new))
                or (word_at(i - 2) in _AND and (is_name(i - 4) or i - 4 in new))
            )
        ):
            new.add(i)
    # (seventh pass) "[name], dre, keyon and them": a word alone between the commas of a list
    # that opens with a name, a listed name or one the dictionary hardly knows, is one more.
    changed = True
    while changed:
        changed = False
        for i in words:
            if (
                i in new
                or i in found
                or i < 3
                or tokens[i - 1] != " "
                or tokens[i - 2] != ","
                or not (is_name(i - 3) or i - 3 in new or word_at(i - 3) in {"me", "i"})
                or not (
                    tokens[i + 1 : i + 2] == [","]
                    or (spaced(i) and word_at(i + 2) in _AND)
                    or i + 1 == len(tokens)
                )
            ):
                continue
            lower = tokens[i].lower()
            if _english_capitalised_word_name(tokens[i], caseless, rules):
                new.add(i)  # (english7) "me, Hope and the baby slept in the car"
                changed = True
                continue
            if (
                not lower.isascii()  # "[name], hắn": another language's word
                or _plain_word(lower, rules, everyday)
                or _role_word(lower, rules)
                or lower in titles
            ):
                continue
            if (
                (lower in rules.given and lower not in word_names)
                or lower in _EN_NAMES_NOT_WORDS
                or not _english_word(tokens[i], rules, everyday, rare=20000)
            ):
                new.add(i)
                changed = True
    # (english7) "Will, Mark and Bill came", "Hope, [name] and [name]": a capitalised
    # word-name that opens a list of names found, joined by commas and then "and".
    for i in words:
        if i in new or i in found or not _english_capitalised_word_name(tokens[i], caseless, rules):
            continue
        j = i
        while tokens[j + 1 : j + 3] == [",", " "] and (is_name(j + 3) or j + 3 in new):
            j += 3
        if j > i and spaced(j) and word_at(j + 2) in _AND:
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
    # (english9) "brandon!!! it was always brandon", "yo jaquan", "keon." alone: a listed
    # given name typed in lower case that is no common English word is a person wherever
    # it stands in an English quote (chat, notes, a name as the whole answer).
    given_in_lower_case = _english_given_in_lower_case()
    commonest = _english_dictionary().get(20000, frozenset())
    # Only in a quote that reads as English: a third of its words at least among the
    # commonest English words (not "toi xin duoc tro nho", "Hodan waxay ila timid"), or a
    # name alone.
    others = [i for i in words if standing[i] != 2]  # "my boo thang marcus": not the name
    english_enough = len(others) <= 1 or 3 * sum(
        tokens[i].lower() in commonest for i in others
    ) >= len(others)
    for i in words:
        if (
            english_enough
            and i not in new
            and i not in found
            and standing[i] == 2
            and tokens[i] in given_in_lower_case
            and word_at(i - 2) not in _EN_NOT_BEFORE_A_LOWER_CASE_NAME
            and not (spaced(i) and word_at(i + 2) in _english_after_a_place_name())
        ):
            new.add(i)
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


# ---------------------------------------------------------------- fifth pass (en-qp)

# "facebook.com/jay.smith88", "instagram.com/@tre": the part of a profile's address after the
# site names its owner; the site stays.
_EN_PROFILE = re.compile(
    r"(?i)(?<![\w.])(?P<site>(?:https?://)?(?:www\.|m\.)?(?:facebook|fb|instagram|tiktok|twitter"
    r"|x|snapchat|youtube|linkedin|venmo|cash\.app|threads\.net|onlyfans)(?:\.com|\.me|\.app)?/)"
    r"(?P<owner>[@$]?[\w.\-]*\w)"
)
# "his IG is jsmith_88", "her snap: dreyy_2x": a handle named by its site, written without "@".
_EN_HANDLE_AFTER = re.compile(
    r"(?i)(?<!\w)(?P<lead>(?:ig|insta|instagram|snap|snapchat|tiktok|tik tok|twitter|fb|facebook"
    r"|username|user name|handle|gamertag|gamer tag|cashapp|cash app|venmo|page|account)"
    r"(?:\s+(?:is|was|name is|called|=)|\s*:)?\s+)(?P<handle>[$@]?[A-Za-z][\w.]*\w)"
    r"(?![\w/@])(?<!\.com)(?<!\.net)(?<!\.org)"
)
# "jsmith_88", "big_mike": a word with an underscore is a user name.
_EN_UNDERSCORED = re.compile(
    r"(?<![\w@./\[])[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]*[A-Za-z0-9](?![\w@\]/]|\.\w)"
)  # not a file's name ("notes_2024.txt")
# "emails me from bigtony2 at yahoo": an address's own part with a mail service and no "dot com".
_EN_MAILBOX = re.compile(
    r"(?i)(?<![\w.@])(?=[\w.]*[\d_.])[A-Za-z][\w.]*\w\s+at\s+(?:gmail|yahoo|hotmail|outlook"
    r"|icloud|aol|live|msn|protonmail|ymail)(?!\w)(?!\s*(?:\.|(?i:dot)\s)\s*\w)"
)  # with "dot com" after it, the whole address is read with the identifiers


# "$KMack99": a Cash App name (an amount has digits after "$").
_EN_CASHTAG = re.compile(r"(?<![\w$])\$[A-Za-z][\w-]*\w")
# "the snap he made was lil.k.mack": a word with points, underscores or digits among its
# letters a few words after the name of a site.
_EN_SITE_THEN_HANDLE = re.compile(
    r"(?i)(?<!\w)(?P<lead>(?:ig|insta|instagram|snap|snapchat|tiktok|twitter|fb|facebook"
    r"|username|handle|cashapp|venmo)(?:\s+[a-z']+){1,4}\s+)"
    r"(?P<handle>(?=[a-z]*(?:\d|[._][a-z\d]))[a-z][\w.]*[a-z\d])(?![\w@/])"
    r"(?<!\.com)(?<!\.net)(?<!\.org)"
)


def _english_handles(text: str) -> str:
    """Handles written without "@": after a profile site's address, after the name of a site
    ("his IG is jsmith_88", "the snap he made was lil.k.mack"), any word with an underscore, a
    Cash App name, and an address's own part before "at yahoo" — a user name names a person as
    surely as a name does."""
    if "/" in text:
        text = _EN_PROFILE.sub(lambda m: m.group("site") + PLACEHOLDER, text)
    if "$" in text:
        text = _EN_CASHTAG.sub(PLACEHOLDER, text)
    text = _EN_SITE_THEN_HANDLE.sub(
        lambda m: (
            m.group(0)
            if _EN_INITIALS.fullmatch(m.group("handle"))
            else m.group("lead") + PLACEHOLDER
        ),
        text,
    )

    def after_site(m: re.Match[str]) -> str:
        handle = m.group("handle")
        if re.search(r"[\d_.]", handle) or not _english_word(handle, _rules(), _EVERYDAY):
            return m.group("lead") + PLACEHOLDER
        return m.group(0)  # "his IG is private"

    text = _EN_HANDLE_AFTER.sub(after_site, text)
    if "_" in text:
        text = _EN_UNDERSCORED.sub(PLACEHOLDER, text)
    return _EN_MAILBOX.sub("[email]", text)


# "Cedar Ridge Apartments", "Pine Valley Estates": a housing complex's name says where someone
# lives; the kind of place stays ("[address] Apartments").
_EN_HOUSING = re.compile(
    r"(?<![\w\[\x00])(?P<name>[A-Z][a-z'’]+(?: [A-Z][a-z'’]+){0,2})(?= (?:Apartments|Apts\.?"
    r"|Townhomes|Townhouses|Estates|Manor|Villas|Gardens|Towers|Commons|Lofts|Heights"
    r"|Mobile Home Park|Trailer Park|Trailer Court|(?i:apartments|apts|mobile homes?"
    r"|trailer park|trailer court|townhomes|condos|projects))(?!\w))"
)
_EN_NOT_A_HOUSING_NAME = frozenset(
    {"the", "my", "his", "her", "our", "their", "at", "to", "in", "from", "by", "near", "public",
     "senior", "section", "new", "old", "north", "south", "east", "west", "low", "income",
     "county", "city"}
)  # fmt: skip


def _english_housing(m: re.Match[str]) -> str:
    words = m.group("name").split()
    while words and words[0].lower() in _EN_NOT_A_HOUSING_NAME:
        words.pop(0)
    if not words or any(w.lower() in _EN_NOT_A_HOUSING_NAME for w in words):
        return m.group(0)
    return m.group("name")[: len(m.group("name")) - len(" ".join(words))] + "[address]"


@lru_cache(maxsize=1)
def _english_street_names() -> re.Pattern[str] | None:
    """ "the blue house on Elm", "lives off Maple": a common street's name after "on"/"off",
    without a number (``street_names_alone`` in redaction.json), with its street word if any."""
    en = _load().get("en", {})
    names = sorted(en.get("street_names_alone", []), key=len, reverse=True)
    streets = sorted(
        (re.escape(w) for w in en.get("street_words", []) if w[:1].isalpha()), key=len, reverse=True
    )
    if not names:
        return None
    return re.compile(
        rf"(?:(?<=\bon )|(?<=\bOn )|(?<=\boff )|(?<=\bOff ))(?:{'|'.join(map(re.escape, names))})"
        rf"(?:\s+(?i:{'|'.join(streets)})(?![\w.]))?(?![\w'’])"
    )


# Before a street named alone, these make it where someone lives ("the blue house on Elm");
# without one it is where a shop is ("the Walgreens on Broadway"), which stays.
_EN_HOME_WORDS = frozenset(
    {"house", "home", "lives", "live", "lived", "living", "stays", "stay", "stayed", "staying",
     "apartment", "apt", "duplex", "trailer", "place", "moved", "moving", "rents", "rented",
     "address", "mom's", "moms", "dad's", "dads", "grandma's", "grandmas"}
)  # fmt: skip


# "Ms. del Rio", "Officer van Dyke", "Ms. St. Pierre": a title, the joining words of a family
# name, and a capitalised word, before the places are set aside ("Rio", "Pierre" are cities).
_EN_TITLE_PARTICLES_NAME = re.compile(
    r"(?P<title>(?<![\w.])[A-Za-z]+\.?)\s+(?P<name>(?:(?i:de|del|della|la|las|los|le|van|von"
    r"|der|den|da|di|du|dos|das|st\.?|saint|san|bin|ibn|al|el)\s+){1,3}[A-Z][\w'’-]*\w)"
    r"(?![\w'’-])(?!\s+(?i:pd|police|county|city|sheriff)(?!\w))"
)
# Titles a surname follows ("Ms.", "Officer"), not kin words ("my mom la Policía").
_EN_SURNAME_TITLES = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "officer", "ofc", "judge", "det", "detective", "sgt",
     "sergeant", "deputy", "lt", "lieutenant", "captain", "capt", "agent", "trooper",
     "caseworker", "advocate", "pastor", "father", "reverend", "rev", "attorney", "lawyer",
     "prosecutor", "counselor", "nurse", "professor", "prof", "coach", "bailiff"}
)  # fmt: skip


def _english_titled_particles(m: re.Match[str]) -> str:
    rules = _rules()
    last = m.group("name").split()[-1].lower()
    if (
        m.group("title").lower().strip(".") not in _EN_SURNAME_TITLES
        or last in rules.ordinary
        or _role_word(last, rules)
    ):
        return m.group(0)
    return m.group(0)[: m.start("name") - m.start()] + PLACEHOLDER


# "the Johnsons next door", "stayed at the Garcias'": a family by its name in the plural.
_EN_FAMILY_PLURAL = re.compile(
    r"(?<![\w-])(?P<the>[Tt]he )(?P<stem>[A-Z][a-z]+?)(?:es|s)(?P<own>['’])?(?![\w'’-])"
)


def _english_family(m: re.Match[str]) -> str:
    stem = m.group("stem").lower()
    rules = _rules()
    if stem not in rules.family or stem in _english_lists()[1] or _role_word(stem, rules):
        return m.group(0)  # "the Browns game", "the Officers"
    return m.group("the") + PLACEHOLDER + (m.group("own") or "")


def _english_places_of_a_person(text: str) -> str:
    """Places that tell where a person lives: a housing complex's name ("Cedar Ridge
    Apartments") and a common street named alone after a home ("the blue house on Elm"); and
    a family name with its joining words after a title, before "Rio" is set aside as a city;
    a family by its name in the plural ("the Johnsons next door")."""
    text = _EN_TITLE_PARTICLES_NAME.sub(_english_titled_particles, text)
    text = _EN_FAMILY_PLURAL.sub(_english_family, text)
    text = _EN_HOUSING.sub(_english_housing, text)
    streets = _english_street_names()
    if streets is None:
        return text

    def home_street(m: re.Match[str]) -> str:
        clause = re.split(r"[.!?;,\n]", text[max(0, m.start() - 60) : m.start()])[-1]
        words = {w.strip("'’") for w in clause.lower().split()[-7:]} | set(
            clause.lower().split()[-7:]
        )
        return "[address]" if words & _EN_HOME_WORDS else m.group(0)

    return streets.sub(home_street, text)


# "Ms. de la [name]", "Officer van der [name]": the joining words of a family name after a title.
_EN_PARTICLES_BEFORE_NAME = re.compile(
    r"(?P<title>[^\W\d_]+\.?)\s+(?P<particles>(?:(?i:de|del|della|la|las|los|le|van|von|der|den"
    r"|da|di|du|dos|das|st\.?|san|bin|ibn|al|el)\s+){1,3})\[name\]"
)


# "Li [name]", "Vu [name]": a capitalised word of two letters right before a found name is
# part of it, unless it is one of English's own ("To [name]", "Mr [name]", "My [name]").
_EN_SHORT_BEFORE_NAME = re.compile(r"(?<![\w'’.-])(?P<word>[A-Z][a-z])(?= \[name\])")
_EN_TWO_LETTER_WORDS = frozenset(
    {"to", "of", "in", "at", "by", "so", "no", "oh", "ok", "go", "he", "we", "me", "us", "it",
     "if", "is", "an", "as", "or", "up", "do", "am", "my", "mr", "ms", "dr", "st", "hi", "ya",
     "yo", "ex", "bf", "gf", "da", "po", "er", "co", "on", "be", "ur", "im", "jr", "sr", "sw",
     "nw", "ne", "se", "mt", "ft", "lt", "pd", "cw", "id", "tv", "aa", "na", "ma", "pa"}
)  # fmt: skip
# (sixth pass) More two-letter words English writes capitalised: sounds, shorthand, units, and
# the Spanish and French words a quote in English borrows ("Mi casa", "De la Cruz"); any other
# capitalised two-letter word is a name ("Ed", "Bo", "Cy").
_EN_TWO_LETTER_NOT_NAMES = _EN_TWO_LETTER_WORDS | frozenset(
    {"ah", "eh", "uh", "um", "hm", "mm", "aw", "ow", "ha", "ye", "ay", "ad", "ax", "ox", "oo",
     "re", "pm", "vs", "ps", "fb", "ig", "bb", "bc", "dv", "ss", "rn", "np", "pt", "hr", "yr",
     "wk", "lb", "oz", "mi", "km", "xo", "de", "la", "el", "en", "es", "un", "su", "tu", "te",
     "lo", "ni", "si", "du", "et", "au", "ai", "em", "sa", "le", "fe", "ka", "ke", "ta", "xe",
     "cl", "av", "bd", "fr", "mx", "ct", "ln", "rd", "pl"}
)  # fmt: skip
# Of those, the borrowed words that are also names ("Tu", "Le", "Ta": Tú, Lê, Tạ): words only
# first in a sentence ("Tu mamá llamó", "Le dije"), names inside one ("Uy and Tu are my kids").
_EN_TWO_LETTER_WORDS_FIRST = frozenset({"tu", "te", "su", "si", "ni", "ta", "le"})
# Two-letter words English writes in lower case that, capitalised, are a name ("special ed",
# "6 mo", "al fin"): a short name found capitalised is not looked for again in lower case as
# one of these.
_EN_SHORT_LOWER_WORDS = frozenset({"ed", "mo", "al", "di", "ho"})
# Two capitals with a J that are no one's initials ("JD", a law degree; "JR").
_EN_J_NOT_INITIALS = frozenset({"jd", "jr", "jv", "jp", "jw", "jc", "ja", "jo", "js"})


def _english_short_name(word: str, caseless: bool, starts: bool = False) -> bool:
    """Whether ``word`` (its possessive off) is a short name by its shape, wherever it stands:
    a capitalised two-letter word English does not write ("Ed", "Bo", "Cy", "Vu"; a borrowed
    word that is also a name, "Tu", inside a sentence), or two capitals with a J ("JB", "TJ"),
    initials said as a name; not in a text typed in capitals."""
    if caseless or len(word) != 2 or not word.isalpha() or not word.isascii():
        return False
    lower = word.lower()
    if word[0].isupper() and word[1].islower():
        if lower in _EN_TWO_LETTER_WORDS_FIRST:
            return not starts
        return lower not in _EN_TWO_LETTER_NOT_NAMES
    return word.isupper() and "j" in lower and lower not in _EN_J_NOT_INITIALS


def _english_named(word: str) -> bool:
    """After "his name is", "goes by", "we call him": a two-letter word is a name unless English
    writes it ("his name is Bo", "name's ty"; not "her name is on the lease")."""
    lower = word.lower()
    return len(lower) == 2 and lower.isalpha() and lower not in _EN_TWO_LETTER_NOT_NAMES


def _english_particles(text: str) -> str:
    """The joining words of a family name ("de la", "van der") between a title and the name
    found after it go with the name, and a two-letter name before one ("Li [name]"); a piece
    of a name is worse than a lost word."""
    if "[name]" not in text:
        return text
    text = _EN_SHORT_BEFORE_NAME.sub(
        lambda m: m.group(0) if m.group("word").lower() in _EN_TWO_LETTER_WORDS else PLACEHOLDER,
        text,
    )
    titles = _english_lists()[3]

    def joined(m: re.Match[str]) -> str:
        title = m.group("title").lower().strip(".")
        if title not in titles and title not in {"mr", "mrs", "ms", "miss", "dr"}:
            return m.group(0)
        return m.group(0)[: m.start("particles") - m.start()] + PLACEHOLDER

    return _EN_PARTICLES_BEFORE_NAME.sub(joined, text) if "[name]" in text else text


# A place set aside while names are looked for ("\x00<n>\x00").
_EN_PLACE_MARK = re.compile("\x00(\\d+)\x00")


def _english_places_of_a_name(text: str, found: set[str], places: Sequence[str]) -> str:
    """(seventh pass) A one-word place set aside that is a word found as a name elsewhere in
    the quote goes too ("Officer Jackson … in Jackson" → "… in [name]"): the same word cannot
    be both, and erring towards removing takes it. A place of several words keeps them all
    ("Officer Paul … St. Paul", "Sergeant Washington … Washington County", "my advocate
    Brooklyn … Brooklyn Park"): read whole it names the city, not the person, and the team
    needs it. Not a word of three letters or fewer, nor a month."""
    names = {w.lower() for w in found if len(w) > 3 and w.isalpha()}
    if not names:
        return text
    months = _rules().months

    def place(m: re.Match[str]) -> str:
        written = places[int(m.group(1))]
        words = re.findall(r"[^\W\d_]+", written)
        if not any(w.lower() in names and w.lower() not in months for w in words):
            return m.group(0)
        return PLACEHOLDER if len(words) == 1 else m.group(0)

    return _EN_PLACE_MARK.sub(place, text)


# Endings a name takes as a pet name ("Dunn … Dunny", "Will … Willie").
_EN_PET_ENDINGS = ("y", "ie", "ey", "o", "z", "s")


def _english_again(found: set[str]) -> Callable[[str, str, bool], bool]:
    """Whether a word (given the word after it, and whether it is spelt as found) is one found
    as a name elsewhere in the quote,
    in any of the ways English writes one person again: in another case ("Dunn … dunn",
    "Rose … the rent rose": an ambiguous word goes too, erring towards removing), with a pet
    ending ("Dunny"), misspelt by one letter ("Jamal … jamaal"), or cut short, capitalised
    ("Rashad … Shad"). Not a word before "bank", "street"… ("Mr. Chase … Chase bank"), and
    in lower case only a listed name or a word less common than "rose" ("dunn", "crane", not
    "high" from "Roosevelt High")."""
    dictionary = _english_dictionary()
    rare, common = dictionary.get(200, frozenset()), dictionary.get(20000, frozenset())
    rules = _rules()
    surname_words = _english_lists()[1]
    word_names = _english_word_names()[0]
    names = {w.lower() for w in found if w.isalpha() and len(w) >= 3}
    # "me and Ty … ty said": a short name found goes again in lower case when that is no
    # English word ("ty", "jo", "bo"; not "ed" of "special ed").
    short = {
        w.lower()
        for w in found
        if len(w) == 2
        and w.lower() not in _EN_TWO_LETTER_NOT_NAMES
        and w.lower() not in _EN_SHORT_LOWER_WORDS
    }

    def listed(lower: str) -> bool:
        return (
            lower in rules.given
            or lower in rules.family
            or lower in word_names
            or lower in surname_words
            or lower not in common
        )

    def again(word: str, after: str, spelt: bool) -> bool:
        lower = word.lower()
        if after.lower() in _EN_NOT_AFTER_A_WORD_NAME and len(lower) >= 3 and not word.isupper():
            return False  # "Mr. Chase … Chase bank"
        if spelt:
            return True
        if lower in short:
            return True
        if len(lower) < 3 or not lower.isalpha():
            return False
        capital = word[0].isupper() and not word.isupper()
        if lower in names:
            return word in found or capital or word.isupper() or listed(lower)
        if lower in rules.ordinary or _role_word(lower, rules):
            return False
        for name in names:
            if (
                lower.startswith(name)
                and lower[len(name) :] in _EN_PET_ENDINGS
                and (capital or lower not in rare)
            ):
                return True  # "Dunny"
            if len(name) >= 5 and len(lower) >= 5 and lower not in rare and _one_edit(lower, name):
                return True  # "jamaal"
            if (
                len(name) >= 6
                and lower[:3] == name[:3]
                and lower not in common
                and _one_edit(lower, name)
            ):
                return True  # "Marlon … marlin": a second spelling the dictionary knows
            if (
                capital
                and len(name) >= len(lower) + 2
                and (name.startswith(lower) or name.endswith(lower))
                and lower not in common
            ):
                return True  # "Shad"
        return False

    return again
