"""Spanish names no list or capital marks ("le dije a yuli", "el brayan me pegó"): a word no
Spanish list knows where a person stands, with verb and plural endings taken off before the
look-up. pyspellchecker's Spanish list is read the first time a Spanish quote is redacted.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ..dictionaries import spanish_words as _spanish_dictionary
from ..dictionaries import unaccented as _unaccented
from .names import _plain_word, _sentence_start
from .rules import _load, _rules
from .words import _EVERYDAY_BY_LANGUAGE, PLACEHOLDER, _role_word

if TYPE_CHECKING:
    from .rules import _Rules

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


# A nickname is no name after these ("el chino es difícil", "es el negro").
_ES_PREDICATE = frozenset({"es", "esta", "era", "estaba", "fue", "tiene", "tenia", "muy"})

# "el gordo ese me quitó…": a demonstrative after a person.
# Relatives and partners before "el/la" and a nickname ("mi hermano el güero").
_ES_FAMILY = frozenset(
    {"hermano", "hermana", "esposo", "esposa", "marido", "novio", "novia", "suegro", "suegra",
     "cuñado", "cuñada", "hijo", "hija", "padre", "madre", "pareja", "compadre", "comadre"}
)  # fmt: skip

_ES_THAT_ONE = frozenset({"ese", "esa", "este", "aquel", "aquella"})

_ES_SUITS = frozenset({"queda", "quedaba", "quedan", "gusta", "gustaba", "gustan"})

# "me pegó el chato": verbs whose subject comes after them.
_ES_DONE_BY = frozenset(
    {"pego", "pegaba", "amenazo", "amenazaba", "golpeo", "golpeaba", "llego", "vino", "dijo",
     "llamo", "grito", "empujo", "mando", "quito"}
)  # fmt: skip


@lru_cache(maxsize=1)
def _spanish_nicknames() -> frozenset[str]:
    """Nicknames that are words ("chato", "güera", "flaco"), without accents: a name after
    el/la where a person stands (``nicknames_after_article`` in the lists)."""
    return frozenset(
        _unaccented(w) for w in _load().get("es", {}).get("nicknames_after_article", [])
    )


def _spanish_diminutives(found: set[str], rules: _Rules) -> set[str]:
    """The pet forms of Spanish names found once ("Chabela … la chabelita", "Lupe … Lupita",
    "Juan … Juanito", "Carmen … Carmencita"), as written and capitalised: a name found in one
    form goes in the other. Never an ordinary or role word, never a short stem ("Ana" gives
    no "anita", a word)."""
    forms: set[str] = set()
    for word in found:
        if len(word) < 4 or not word.isalpha():
            continue
        # the accent goes with the stress: "Ramón … Ramoncito"
        lower = _unaccented(word)
        stem = lower[:-1] if lower[-1] in "aeo" else lower
        if len(stem) < 3:
            continue
        endings = ("ita", "ito", "itas", "itos", "illa", "illo")
        made = {stem + e for e in endings} | {lower + "cita", lower + "cito"}
        for form in made:
            # no dictionary check: its lists hold pet names too ("juanito", "rosita")
            if form in rules.ordinary or form in rules.roles:
                continue
            forms |= {form, form[:1].upper() + form[1:]}
    return forms


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
        if (
            capital
            and before in _ES_ARTICLES
            and two_before not in _ES_NOT_A_NAME_BEFORE
            and after in _ES_AFTER_A_PERSON - {"y", "es", "esta", "era"}
        ):
            return True  # "la Chayo me dio…": a capital after an article, before a verb
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

    nicknames = _spanish_nicknames()

    def nickname_here(i: int) -> bool:
        """A nickname that is also a word ("el chato", "la güera") used as a name: after
        el/la, before what a person does, a comma, "ese" or "de la tienda" and a verb;
        never before a noun ("el flaco sueldo") or after "es", "muy", "un"."""
        if _unaccented(tokens[i]) not in nicknames or _sentence_start(tokens, i):
            return False
        before = word_at(i - 2) if spaced(i - 2) else ""
        two_before = word_at(i - 4) if before and spaced(i - 4) else ""
        if before not in _ES_ARTICLES or two_before in _ES_NOT_A_NAME_BEFORE | _ES_PREDICATE:
            return False
        after = word_at(i + 2) if spaced(i) else ""
        comma_after = i + 1 < len(tokens) and tokens[i + 1] in {",", ";"}
        if after == "me" and word_at(i + 4) in _ES_SUITS:
            return False  # "el negro me queda bien": a colour
        if spaced(i) and is_name(i + 2):
            return True  # "mi ex el flaco [name]": the nickname before the name
        if two_before in _ES_KIN | _ES_FAMILY:
            return True  # "su hermano el güero que…": a kin word, then the nickname
        if (
            comma_after
            or after in _ES_AFTER_A_PERSON - _ES_PREDICATE
            or after in _ES_THAT_ONE | _ES_DONE_BY
            or after.endswith(("aron", "ieron"))
        ):
            return True  # "el chato me pegó", "el gordo ese", "el chino vinieron"
        if after in {"de", "del"}:
            # "el güero de la tienda llamó": someone from somewhere, then what they did
            rest = [word_at(j) for j in range(i + 4, i + 12, 2)]
            return any(w in _ES_AFTER_A_PERSON - _ES_PREDICATE - {"y"} for w in rest[1:])
        # "me pegó el chato": the subject after what was done to me, ending the clause
        return two_before in _ES_DONE_BY and (not after or after == "y")

    new: set[int] = set()
    for i in words:
        if i in found:
            continue
        if nickname_here(i):
            new.add(i)
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
