"""The XLSForm vocabulary the reader knows: sheets, columns, types and what becomes of them
(kept, left out with a reason, or refused), and the app's own words put into a form."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l

from ...i18n import native_name
from .columns import Header

SURVEY, CHOICES, SETTINGS = "survey", "choices", "settings"
EXTERNAL = "external_choices"  # select_one_external's lists, read like the choices sheet
MESSAGE_COLUMNS = ("constraint_message", "required_message")
TEXT_COLUMNS = {
    SURVEY: ("label", "hint", *MESSAGE_COLUMNS),
    CHOICES: ("label",),
    EXTERNAL: ("label",),
    SETTINGS: ("label", "description"),
}
KNOWN_COLUMNS = {
    SURVEY: {
        "type", "name", "label", "hint", "required", "relevant", "appearance", "constraint",
        "parameters", "calculation", "constraint_message", "required_message", "choice_filter",
    },
    CHOICES: {"list_name", "name", "label"},
    EXTERNAL: {"list_name", "name", "label"},
    SETTINGS: {
        "form_title", "form_id", "version", "default_language", "audience",
        "estimated_minutes", "label", "description", "style",
    },
}  # fmt: skip
WARNING_APPEARANCE = "content-warning"
YES_NO_LIST = "yes_no"

SUPPORTED_TYPES = (
    "begin group",
    "end group",
    "note",
    "select_one",
    "select_multiple",
    "text",
    "integer",
    "decimal",
    "date",
    "range",
    "acknowledge",
)
TYPE_ALIASES = {
    "string": "text",
    "int": "integer",
    "select1": "select_one",
    "trigger": "acknowledge",
}
IDENTIFYING_TYPES = {
    "start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber",
    "username", "email", "audit", "start-geopoint", "geopoint", "geotrace", "geoshape",
    "background-audio", "background-geopoint", "uri:deviceid", "uri:email", "uri:username",
    "uri:phonenumber", "uri:subscriberid", "uri:simserial",
}  # fmt: skip
MEDIA_TYPES = {"image", "photo", "audio", "video", "file", "barcode", "signature", "drawing"}
# Rows left out with a warning, and why (the reason's key in DROP_REASONS).
DROPPED_TYPES = {
    **{name: "identifying" for name in IDENTIFYING_TYPES},
    **{name: "media" for name in MEDIA_TYPES},
    "hidden": "hidden",
    "xml-external": "data",
    "csv-external": "data",
}
DROP_REASONS = {
    "identifying": _l("Left out: never recorded, because it could identify a respondent."),
    "media": _l("Left out: files are not accepted (no photos, recordings or signatures)."),
    "hidden": _l("Left out: the app keeps no hidden values."),
    "data": _l("Left out: the app does not read data from other files."),
}
# Names pyxform keeps for itself: a question or group by that name would not convert.
RESERVED_NAMES = frozenset({"meta"})
OTHER_VALUE = "other"
# The app's own words put into a form, in every language from its catalog (English msgids).
OTHER_LABEL = "Other"
SPECIFY_OTHER = "Please say what:"
ACKNOWLEDGE_LABEL = "OK"
DEFAULT_DESCRIPTION = (
    "Thank you for taking part. Your answers help improve how our community responds to "
    "domestic violence."
)
_CATALOG_MARKS = (  # marks the words above for the catalog's extractor; never shown from here
    _l("Other"),
    _l("Please say what:"),
    _l("OK"),
    _l(
        "Thank you for taking part. Your answers help improve how our community responds to "
        "domestic violence."
    ),
)
MEDIA_COLUMNS = {"media", "image", "big-image", "audio", "video"}
IGNORED_COLUMNS = {"calculation", "parameters"}  # read with the rows that use them

TEXT_LENGTH = re.compile(r"^string-length\(\s*\.\s*\)\s*<=\s*(\d+)$")
NUMBER_LIMIT = re.compile(r"\.\s*(?P<op>>=|<=|>|<)\s*(?P<number>-?\d{1,9})")
WHOLE_NUMBER = re.compile(r"[0-9]{1,6}")  # not str.isdigit(), which accepts "²"
CHOICE_VALUE = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")
TRUE_WORDS = {"yes", "true", "true()", "1"}
FALSE_WORDS = {"no", "false", "false()", "0"}


def language_label(code: str) -> str:
    return f"{native_name(code)} ({code})"


@dataclass
class Sheet:
    name: str
    headers: list[Header]
    rows: list[dict[str, str]]
    codes: dict[str, str] = field(default_factory=dict)  # header text -> language code

    @staticmethod
    def row_number(index: int) -> int:
        return index + 2  # row 1 holds the headers

    def text_headers(self, base: str) -> list[Header]:
        return [h for h in self.headers if h.base == base and h.text in self.codes]

    def header(self, base: str) -> Header | None:
        return next((h for h in self.headers if h.base == base and not h.language), None)

    def cell(self, row: Mapping[str, str], base: str) -> str:
        """The row's value in the column ``base`` (``relevant`` or ``bind::relevant``)."""
        for header in self.headers:
            if header.base == base and not header.language:
                value = (row.get(header.text) or "").strip()
                if value:
                    return value
        return ""


def type_words(raw: str) -> list[str]:
    """``begin group`` / ``begin_group`` → ``["begin_group"]``; ``select one x`` and
    ``select one from x`` → ``["select_one", "x"]``; ``select all that apply from x`` →
    ``["select_multiple", "x"]``; ``string`` → ``["text"]``. List names keep their case."""
    words = raw.split()
    if not words:
        return []
    head = words[0].lower()
    rest = words[1:]
    if head in {"begin", "end"} and rest:
        return [f"{head}_{rest[0].lower()}", *rest[1:]]
    if head == "select" and rest:
        lowered = [w.lower() for w in rest]
        if lowered[:3] == ["all", "that", "apply"]:
            head, rest = "select_multiple", rest[3:]
        else:
            head, rest = f"select_{lowered[0]}", rest[1:]
    elif head == "select_all_that_apply":
        head = "select_multiple"
    if head in {"select_one", "select_multiple"} and rest[:1] and rest[0].lower() == "from":
        rest = rest[1:]
    return [TYPE_ALIASES.get(head, head), *rest]


def safe_key(name: str) -> str:
    """An author's name as the app's key: ``Age.Years`` → ``age_years``, ``HH-size`` →
    ``hh_size``; a name starting with a digit gets ``q_`` before it."""
    key = re.sub(r"[^a-z0-9_]+", "_", name.strip().lower()).strip("_")
    key = re.sub(r"_+", "_", key)
    if not key or not key[0].isalpha():
        key = f"q_{key}".rstrip("_")
    return key[:63].rstrip("_")
