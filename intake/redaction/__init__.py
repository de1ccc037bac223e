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

The package, lower modules first (none imports this one):

- ``somali``: Somali endings on a role, agency, day or place word, "3 mar", "me" after
  the focus marker;
- ``words``: placeholders, character classes, shared word lists, ``_role_word``;
- ``chinese``: the characters around a Chinese name;
- ``arabic``: Arabic spellings, naming and kinship words, names marked by the words before;
- ``rules``: the lists loaded and compiled once (``_rules()``);
- ``identifiers``: e-mails, handles, phones, addresses, postcodes, dates, years of birth
  (a number after its label, in every language; in English boxes and rooms, schools named
  for a person);
- ``names``: the shared name machinery (``_is_name_part``, ``_merge_names``);
- ``context``: words around a lower-case name that mark a person;
- ``english``, ``spanish``: the pyspellchecker word checks for unmarked names;
- ``unmarked``: lower-case names nothing but their place marks;
- ``notes``: names only the shape of a note marks (initials, slash lists, a transcript's
  speakers, "Name:" labels, a name in parentheses or quotation marks after a person word);
- ``disguised``: identifiers and names written to slip past the rules (full-width letters,
  decorated Arabic names, spaced e-mails, phones in pieces, numbers and dates in words), run
  first; and a word found as a name once, looked for again wherever it stands, run last;
- ``pipeline``: the order of the passes (``redact``, ``quote_text``).
"""

from .pipeline import is_listed_name, localise_placeholders, quote_text, redact
from .words import PLACEHOLDER, PLACEHOLDERS

__all__ = [
    "PLACEHOLDER",
    "PLACEHOLDERS",
    "is_listed_name",
    "localise_placeholders",
    "quote_text",
    "redact",
]
