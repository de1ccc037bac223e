"""Read an XLSForm workbook into a questionnaire definition, or list everything wrong with it.

pyxform reads the workbook (cells, headers, empty rows kept so row numbers stay true); this
module maps the XLSForm vocabulary onto the app's definitions (see docs/questionnaires.md
for the mapping) and checks it. It never stops at the first problem: an author fixes a
workbook in one pass from one list. Nothing here touches the database.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from flask_babel import lazy_gettext as _l
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.xml import DEFUSEDXML
from pyxform.errors import PyXFormError
from pyxform.xls2json_backends import xlsx_to_dict

from ...i18n import catalog_text, native_name
from ..conditions import NUMBER_KINDS, Condition, parse_condition
from ..definition import AUDIENCES, KEY_PATTERN, parse_definition
from ..types import DefinitionError, LongTextQuestion, TextQuestion, YesNo
from .columns import Header, language_code, language_header, parse_header
from .problems import Problem, ProblemList
from .relevant import RelevantError, parse_relevant

if not DEFUSEDXML:  # pragma: no cover - a broken install, refused loudly
    raise ImportError("defusedxml is needed to read uploaded workbooks safely")

MAX_BYTES = 1024 * 1024  # a questionnaire in seven languages is about 60 KB
MAX_UNPACKED_BYTES = 32 * 1024 * 1024  # refuses "zip bombs" before anything is parsed
MAX_ZIP_ENTRIES = 200
MAX_SURVEY_ROWS = 2000

SURVEY, CHOICES, SETTINGS = "survey", "choices", "settings"
MESSAGE_COLUMNS = ("constraint_message", "required_message")
TEXT_COLUMNS = {
    SURVEY: ("label", "hint", *MESSAGE_COLUMNS),
    CHOICES: ("label",),
    SETTINGS: ("label", "description"),
}
KNOWN_COLUMNS = {
    SURVEY: {
        "type", "name", "label", "hint", "required", "relevant", "appearance", "constraint",
        "parameters", "calculation", "constraint_message", "required_message",
    },
    CHOICES: {"list_name", "name", "label"},
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
    "calculate": "calculation",
    "hidden": "calculation",
    "xml-external": "data",
    "csv-external": "data",
}
DROP_REASONS = {
    "identifying": _l("Left out: never recorded, because it could identify a respondent."),
    "media": _l("Left out: files are not accepted (no photos, recordings or signatures)."),
    "calculation": _l("Left out: the app does not calculate or store hidden values."),
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


def relevant_message(error: RelevantError) -> Any:
    if error.kind == "unexpected":
        return _l(
            "The skip logic uses “%(found)s”, which the app does not understand.",
            found=error.found,
        )
    if error.kind == "comparison":
        return _l(
            "The skip logic compares answers with =, !=, <, <=, > or >=, not with “%(found)s”.",
            found=error.found,
        )
    if error.kind == "number":
        return _l(
            "A number is compared with a whole number, like ${age} >= 18, not with “%(found)s”.",
            found=error.found,
        )
    if error.kind == "value":
        return _l(
            "The skip logic needs a value in quotes here, not “%(found)s”.", found=error.found
        )
    if error.kind == "expected" and error.expected == "ref":
        # The parser's own word for ${name} is not the author's.
        return _l(
            "The skip logic needs an earlier question here, written like ${name}, not “%(found)s”.",
            found=error.found,
        )
    if error.kind == "expected":
        return _l(
            "The skip logic needs “%(expected)s” here, not “%(found)s”.",
            expected=error.expected,
            found=error.found,
        )
    if error.kind == "too_complex":
        return _l(
            "This skip logic is too long or nested too deeply to follow. Split the question, "
            "or simplify the condition."
        )
    return _l("The skip logic ends too early.")


@dataclass
class ReadResult:
    data: dict[str, Any] | None  # a definition (parse_definition's input) when problems is empty
    problems: list[Problem]
    dropped: int = 0  # problems left out after ProblemList.LIMIT
    # What the app left out of the workbook, each with its reason; the upload still stands.
    warnings: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class UploadChoices:
    """What the upload page asks for, used where the workbook does not say."""

    key: str = ""  # from the file's name, as pyxform does
    audience: str = ""  # chosen on the page: wins over the workbook's own


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


@dataclass
class KnownQuestion:
    """What later skip logic may refer to."""

    type_name: str
    values: set[str] | None
    row: int


class Reader:
    def __init__(
        self,
        languages: Sequence[str],
        default_language: str,
        choices: UploadChoices | None = None,
    ) -> None:
        self.languages = tuple(languages)
        self.default_language = default_language
        self.choices = choices or UploadChoices()
        self.problems = ProblemList()
        self.warnings = ProblemList()
        self.missing_columns: set[tuple[str, str, str]] = set()  # (sheet, base, code)

    # -- the workbook -------------------------------------------------------------------
    def read(self, raw: bytes) -> ReadResult:
        if not self.check_file(raw):
            return self.result(None)
        try:
            book = xlsx_to_dict(io.BytesIO(raw))
        except PyXFormError as exc:
            duplicate = re.match(r"Duplicate column header: (.*)", str(exc))
            if duplicate:
                self.problems.add(
                    _l("Two columns are called “%(column)s”.", column=duplicate.group(1))
                )
            else:
                self.problems.add(_l("The workbook could not be read: it may be damaged."))
            return self.result(None)
        except Exception:  # openpyxl raises many kinds for a damaged file; none is ours
            self.problems.add(_l("The workbook could not be read: it may be damaged."))
            return self.result(None)
        letters = self.header_letters(raw)
        sheets: dict[str, Sheet] = {}
        for name in (SURVEY, CHOICES, SETTINGS):
            if name not in book:
                if name == SURVEY:  # choices and settings are optional in XLSForm
                    self.problems.add(_l("The workbook has no “%(sheet)s” sheet.", sheet=name))
                sheets[name] = Sheet(name, [], [])
                continue
            header_row = (book.get(f"{name}_header") or [{}])[0]
            headers = [
                parse_header(text, letters.get(name, {}).get(text, "")) for text in header_row
            ]
            sheets[name] = Sheet(name, headers, book[name])
        if self.problems:
            return self.result(None)
        if len(sheets[SURVEY].rows) > MAX_SURVEY_ROWS:
            self.problems.add(
                _l("The survey sheet has more than %(limit)s rows.", limit=MAX_SURVEY_ROWS),
                SURVEY,
            )
            return self.result(None)
        return self.build(sheets)

    def check_file(self, raw: bytes) -> bool:
        if len(raw) > MAX_BYTES:
            self.problems.add(
                _l(
                    "The file is larger than %(limit)s KB. A questionnaire workbook is usually "
                    "well under that.",
                    limit=MAX_BYTES // 1024,
                )
            )
            return False
        if raw[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
            self.problems.add(
                _l(
                    "This is an older Excel file (.xls), or a workbook protected by a password. "
                    "Open it in a spreadsheet program, save it as .xlsx without a password and "
                    "upload it again."
                )
            )
            return False
        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as archive:
                entries = archive.infolist()
                names = {entry.filename for entry in entries}
                unpacked = sum(entry.file_size for entry in entries)
        except (zipfile.BadZipFile, ValueError, OSError):
            names, entries, unpacked = set(), [], 0
        if "xl/workbook.xml" not in names:
            self.problems.add(
                _l(
                    "This is not an Excel workbook (.xlsx). Save the form as an .xlsx file and "
                    "upload it again."
                )
            )
            return False
        if len(entries) > MAX_ZIP_ENTRIES or unpacked > MAX_UNPACKED_BYTES:
            self.problems.add(_l("The workbook could not be read: it may be damaged."))
            return False
        return True

    @staticmethod
    def header_letters(raw: bytes) -> dict[str, dict[str, str]]:
        """Column letters of each header, so problems can say "column H"."""
        letters: dict[str, dict[str, str]] = {}
        try:
            book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
        except Exception:  # pyxform has read it already; letters are only a courtesy
            return letters
        try:
            for title in book.sheetnames:
                found: dict[str, str] = {}
                for row in book[title].iter_rows(min_row=1, max_row=1, values_only=True):
                    for index, value in enumerate(row):
                        if isinstance(value, str) and value.strip():
                            found[re.sub(r"\s+", " ", value.strip())] = get_column_letter(index + 1)
                letters[title.lower()] = found
        finally:
            book.close()
        return letters

    def result(self, data: dict[str, Any] | None) -> ReadResult:
        order = {None: 0, SURVEY: 1, CHOICES: 2, SETTINGS: 3}
        problems = sorted(
            self.problems.items,  # stable: problems in one cell keep the order found
            key=lambda p: (order.get(p.sheet, 4), p.row or 0, len(p.letter or ""), p.letter or ""),
        )
        warnings = sorted(
            self.warnings.items,
            key=lambda p: (order.get(p.sheet, 4), p.row or 0, len(p.letter or ""), p.letter or ""),
        )
        return ReadResult(
            data if not self.problems else None,
            problems,
            self.problems.dropped,
            warnings,
        )

    def app_texts(self, message: str) -> dict[str, str]:
        """One of the app's own phrases (an English msgid) in every language it offers."""
        return {code: catalog_text(code, message) for code in self.languages}

    # -- languages ----------------------------------------------------------------------
    def map_languages(self, sheet: Sheet) -> None:
        seen: dict[tuple[str, str], Header] = {}
        for header in sheet.headers:
            if header.base not in TEXT_COLUMNS[sheet.name]:
                continue
            code = (
                language_code(header.language, self.languages)
                if header.language
                else self.default_language
            )
            if code is None:
                self.problems.add(
                    _l(
                        "The language of this column cannot be told: write it like "
                        "%(example)s.",
                        example=language_header(header.base, "es"),
                    ),
                    sheet.name, 1, header.text, header.letter,
                )  # fmt: skip
                continue
            if (header.base, code) in seen:
                self.problems.add(
                    _l(
                        "Two columns give the %(language)s text for “%(column)s”.",
                        language=language_label(code),
                        column=header.base,
                    ),
                    sheet.name, 1, header.text, header.letter,
                )  # fmt: skip
                continue
            seen[(header.base, code)] = header
            sheet.codes[header.text] = code

    def require_language_columns(self, sheet: Sheet, base: str) -> None:
        present = {sheet.codes[h.text] for h in sheet.text_headers(base)}
        for code in self.languages:
            if code not in present:
                self.missing_column(sheet, base, code)

    def missing_column(self, sheet: Sheet, base: str, code: str) -> None:
        if (sheet.name, base, code) in self.missing_columns:
            return  # said once per sheet, not once per row
        self.missing_columns.add((sheet.name, base, code))
        self.problems.add(
            _l(
                "There is no %(column)s column: every language the app offers needs its own text.",
                column=language_header(base, code),
            ),
            sheet.name,
        )

    def texts(
        self, sheet: Sheet, index: int, base: str, *, required: bool
    ) -> dict[str, str] | None:
        """The row's text in every language, reporting each missing one; None when absent
        and not required."""
        row = sheet.rows[index]
        found = {
            sheet.codes[h.text]: row[h.text].strip()
            for h in sheet.text_headers(base)
            if (row.get(h.text) or "").strip()
        }
        if not found and not required:
            return None
        number = sheet.row_number(index)
        for header in sheet.text_headers(base):
            if "${" in (row.get(header.text) or ""):
                # ODK would put an earlier answer there; this app shows text as written.
                self.problems.add(
                    _l(
                        "Text is shown exactly as written here, so ${…} would appear as it is "
                        "to respondents. Write the words instead."
                    ),
                    sheet.name, number, header.text, header.letter,
                )  # fmt: skip
        if not found:
            header = next(iter(sheet.text_headers(base)), None)
            self.problems.add(
                _l("This row needs a %(column)s.", column=base),
                sheet.name, number, header.text if header else base,
                header.letter if header else None,
            )  # fmt: skip
            return found
        for code in self.languages:
            if code in found or (sheet.name, base, code) in self.missing_columns:
                continue
            header = next(
                (h for h in sheet.text_headers(base) if sheet.codes[h.text] == code), None
            )
            if header is None:  # e.g. hints written in some languages only
                self.missing_column(sheet, base, code)
                continue
            self.problems.add(
                _l("The %(language)s text is missing.", language=language_label(code)),
                sheet.name, number, header.text, header.letter,
            )  # fmt: skip
        return found

    def unsupported_columns(self, sheet: Sheet) -> None:
        """Columns the app does not use: left out with a warning when they hold anything that
        would change the form; an author's own columns are ignored, as pyxform does."""
        for header in sheet.headers:
            if header.base in KNOWN_COLUMNS[sheet.name] or header.text.startswith(("$", "_")):
                continue  # "$kuid" and friends: KoboToolbox's own bookkeeping
            used = [i for i, row in enumerate(sheet.rows) if (row.get(header.text) or "").strip()]
            if not used:
                continue
            if header.base in MEDIA_COLUMNS:
                message = _l("Left out: the app shows words only, no pictures, sounds or videos.")
            elif header.base == "choice_filter":
                message = _l("Left out: every choice in the list is shown.")
            elif header.base in {"default", "read_only", "repeat_count", "trigger"}:
                message = _l(
                    "Left out: the app does not use the column “%(column)s”.", column=header.text
                )
            else:
                continue  # the author's own notes or tool columns: pyxform ignores them too
            self.warnings.add(
                message, sheet.name, sheet.row_number(used[0]), header.text, header.letter
            )

    def warning_at(self, sheet: Sheet, index: int, base: str | None, message: Any) -> None:
        header = sheet.header(base) if base else None
        self.warnings.add(
            message,
            sheet.name,
            sheet.row_number(index),
            header.text if header else base,
            header.letter if header else None,
        )

    def problem_at(self, sheet: Sheet, index: int, base: str | None, message: Any) -> None:
        header = sheet.header(base) if base else None
        self.problems.add(
            message,
            sheet.name,
            sheet.row_number(index),
            header.text if header else base,
            header.letter if header else None,
        )

    # -- settings -----------------------------------------------------------------------
    def read_settings(self, sheet: Sheet) -> dict[str, Any]:
        """The settings row; what it does not say comes from the upload page (audience, and
        the name from the file's name) or the app (a standard description)."""
        rows = [i for i, row in enumerate(sheet.rows) if row]
        index = rows[0] if rows else None
        row = sheet.rows[index] if index is not None else {}
        settings: dict[str, Any] = {}

        def problem(base: str, message: Any) -> None:
            header = sheet.header(base)
            self.problems.add(
                message, SETTINGS, sheet.row_number(index) if index is not None else None,
                header.text if header else base, header.letter if header else None,
            )  # fmt: skip

        written = sheet.cell(row, "form_id") or self.choices.key
        key = written if KEY_PATTERN.match(written) else safe_key(written) if written else ""
        if not key:
            problem(
                "form_id", _l("The settings sheet needs a form_id: a short name, like survivor.")
            )
        settings["key"] = key
        audience = self.choices.audience or sheet.cell(row, "audience")
        if not audience:
            self.problems.add(
                _l(
                    "Choose who answers this questionnaire on the upload page (or give an "
                    "audience on the settings sheet)."
                )
            )
        elif audience not in AUDIENCES:
            problem(
                "audience",
                _l("The audience must be one of: %(choices)s.", choices=", ".join(AUDIENCES)),
            )
        settings["audience"] = audience
        minutes = sheet.cell(row, "estimated_minutes") or "10"
        if not WHOLE_NUMBER.fullmatch(minutes) or int(minutes) < 1:
            problem(
                "estimated_minutes",
                _l("estimated_minutes must be a whole number of minutes, like 15."),
            )
        settings["estimated_minutes"] = int(minutes) if WHOLE_NUMBER.fullmatch(minutes) else 10
        version = sheet.cell(row, "version")
        settings["version"] = (
            int(version) if WHOLE_NUMBER.fullmatch(version) and int(version) > 0 else None
        )
        title = self.texts(sheet, index, "label", required=False) if index is not None else None
        if title is None:
            # pyxform's own fallbacks: form_title, else the form's name; one text for all.
            plain = sheet.cell(row, "form_title") or key.replace("_", " ").capitalize()
            title = dict.fromkeys(self.languages, plain)
            if len(self.languages) > 1:
                self.warnings.add(
                    _l(
                        "The title “%(title)s” is shown in every language. To translate it, "
                        "add a label column on the settings sheet for each language, like "
                        "%(example)s.",
                        title=plain,
                        example=language_header("label", "es"),
                    ),
                    SETTINGS,
                )
        settings["title"] = title
        description = (
            self.texts(sheet, index, "description", required=False) if index is not None else None
        )
        if description is None:
            description = self.app_texts(DEFAULT_DESCRIPTION)
            self.warnings.add(
                _l(
                    "There is no description, so the consent page shows the app's standard "
                    "one. To write your own, add description columns to the settings sheet."
                ),
                SETTINGS,
            )
        settings["description"] = description
        return settings

    @staticmethod
    def bad_name(name: str) -> Any:
        return _l(
            "“%(name)s” cannot be used as a name: use lower-case letters a–z, digits and _, "
            "starting with a letter (at most 63 characters).",
            name=name,
        )

    # -- choices ------------------------------------------------------------------------
    def read_choices(self, sheet: Sheet) -> dict[str, list[int]]:
        """List name -> row indexes, in order; checks names and duplicates."""
        lists: dict[str, list[int]] = {}
        seen: dict[tuple[str, str], int] = {}
        for index, row in enumerate(sheet.rows):
            if not row:
                continue
            list_name, name = sheet.cell(row, "list_name"), sheet.cell(row, "name")
            if not list_name or not name:
                self.problem_at(
                    sheet, index, "name" if list_name else "list_name",
                    _l("Every choice needs a list_name and a name."),
                )  # fmt: skip
                continue
            if not CHOICE_VALUE.match(name):
                self.problem_at(
                    sheet, index, "name",
                    _l(
                        "“%(name)s” cannot be a choice name: use letters, digits, _, - or . "
                        "without spaces (at most 64).",
                        name=name,
                    ),
                )  # fmt: skip
            if (list_name, name) in seen:
                self.problem_at(
                    sheet, index, "name",
                    _l(
                        "The list “%(list)s” has “%(name)s” twice (first in row %(row)s).",
                        list=list_name, name=name, row=sheet.row_number(seen[(list_name, name)]),
                    ),
                )  # fmt: skip
                continue
            seen[(list_name, name)] = index
            lists.setdefault(list_name, []).append(index)
        return lists

    # -- survey -------------------------------------------------------------------------
    def build(self, sheets: dict[str, Sheet]) -> ReadResult:
        settings_sheet, survey, choices = sheets[SETTINGS], sheets[SURVEY], sheets[CHOICES]
        default = settings_sheet.cell(
            next((r for r in settings_sheet.rows if r), {}), "default_language"
        )
        if default:
            code = language_code(default, self.languages)
            if code is None:
                header = settings_sheet.header("default_language")
                self.problems.add(
                    _l(
                        "The default language “%(value)s” cannot be told: write it like "
                        "English (en).",
                        value=default,
                    ),
                    SETTINGS, 2, "default_language", header.letter if header else None,
                )  # fmt: skip
            else:
                self.default_language = code
        for sheet in (survey, choices, settings_sheet):
            self.map_languages(sheet)
            self.unsupported_columns(sheet)
        if not survey.header("type") or not survey.header("name"):
            self.problems.add(_l("The survey sheet needs a type and a name column."), SURVEY, 1)
            return self.result(None)
        self.require_language_columns(survey, "label")
        for base in ("label", "description"):  # optional; when given, in every language
            if settings_sheet.text_headers(base):
                self.require_language_columns(settings_sheet, base)
        settings = self.read_settings(settings_sheet)
        lists = self.read_choices(choices)
        if any(h.base == "label" for h in choices.headers) or lists:
            self.require_language_columns(choices, "label")
        survey_builder = SurveyBuilder(
            self, survey, choices, lists, settings.get("audience", ""), settings.get("title")
        )
        sections = survey_builder.walk()
        if self.problems:
            return self.result(None)
        data = {
            "key": settings["key"],
            "version": settings.get("version") or 1,
            "audience": settings["audience"],
            "title": settings["title"],
            "description": settings["description"],
            "estimated_minutes": settings["estimated_minutes"],
            "sections": sections,
        }
        try:
            parse_definition(data, self.languages)
        except DefinitionError as exc:  # a check this reader missed: still said plainly
            self.problems.add(_l("The questionnaire is not valid: %(detail)s", detail=str(exc)))
        return self.result(data)


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


@dataclass
class Frame:
    """An open group (or repeat) while the survey sheet is walked."""

    key: str
    title: dict[str, str] | None
    intro: dict[str, str] | None
    condition: Condition | None
    row: int
    parts: int = 0  # parts made from it so far


class SurveyBuilder:
    """Walks the survey sheet: groups become parts, rows become questions.

    Nested groups are flattened (each inner group is its own part, headed by its label);
    questions outside any group are paged, a part per PAGE_SIZE; a note after questions
    starts a new part that it introduces. Rows the app must not keep are dropped with a
    warning; a row is refused only when what is left would not make sense.
    """

    PAGE_SIZE = 6

    def __init__(
        self,
        reader: Reader,
        sheet: Sheet,
        choices: Sheet,
        lists: dict[str, list[int]],
        audience: str,
        form_title: dict[str, str] | None,
    ) -> None:
        self.reader = reader
        self.sheet = sheet
        self.choices = choices
        self.lists = lists
        self.audience = audience
        self.form_title = form_title or {}
        self.known: dict[str, KnownQuestion] = {}
        self.keys: dict[str, int] = {}  # question and note keys -> row
        self.part_keys: dict[str, int] = {}  # part keys -> row (a separate namespace)
        self.renamed: dict[str, str] = {}  # author's name -> key
        self.checked_lists: set[str] = set()
        # Questions whose own row is wrong: skip logic that refers to them is not blamed too.
        self.broken: set[str] = set()
        # Rows dropped with a warning, by author's name: what skip logic must not rely on.
        self.dropped: dict[str, Any] = {}
        self.sections: list[dict[str, Any]] = []
        self.part: dict[str, Any] | None = None
        self.pending: dict[str, dict[str, str]] = {}  # notes waiting for a part to introduce
        self.pending_rows: list[int] = []  # … and their rows
        self.note_rows: list[int] = []  # the notes of the open part
        self.stack: list[Frame] = []
        self.loose = 0  # parts made from questions outside any group

    def problem(self, index: int, base: str | None, message: Any) -> None:
        self.reader.problem_at(self.sheet, index, base, message)

    def warning(self, index: int, base: str | None, message: Any) -> None:
        self.reader.warning_at(self.sheet, index, base, message)

    # -- the walk -------------------------------------------------------------------------
    def walk(self) -> list[dict[str, Any]]:
        for index, row in enumerate(self.sheet.rows):
            if not row or not any(str(v).strip() for v in row.values()):
                continue
            words = type_words(self.sheet.cell(row, "type"))
            kind = words[0] if words else ""
            if not kind:
                self.problem(index, "type", _l("This row has text but no type."))
                continue
            if kind in {"begin_group", "begin_repeat"}:
                self.begin_group(index, row, repeat=kind == "begin_repeat")
            elif kind in {"end_group", "end_repeat"}:
                self.end_group(index)
            elif kind == "note":
                self.note(index, row)
            else:
                self.add_question(index, row, words)
        self.close_part()
        if self.pending_rows:
            self.warning(
                self.pending_rows[0], "type",
                _l("Left out: no question comes after this note, so no page shows it."),
            )  # fmt: skip
        for frame in reversed(self.stack):
            self.problem(frame.row, "type", _l("This group is never closed with “end group”."))
        if not self.sections and not self.reader.problems:
            self.reader.problems.add(
                _l("The survey sheet has no question the app can ask."), SURVEY
            )
        return self.sections

    def close_part(self) -> None:
        if self.part is not None and self.part["questions"]:
            self.sections.append(self.part)
        elif self.part is not None:
            for field_name in ("content_warning", "intro"):
                if field_name in self.part:  # its notes introduce whatever comes next
                    self.pending.setdefault(field_name, self.part[field_name])
            self.pending_rows += self.note_rows
        self.part = None
        self.note_rows = []

    def open_part(self, index: int) -> dict[str, Any]:
        """The part a question or note on this row goes into, opened if needed."""
        frame = self.stack[-1] if self.stack else None
        if self.part is not None:
            if frame is not None or len(self.part["questions"]) < self.PAGE_SIZE:
                return self.part
            self.close_part()
        if frame is not None:
            base = frame.key if frame.parts == 0 else f"{frame.key}_{frame.parts + 1}"
            frame.parts += 1
            title = next((f.title for f in reversed(self.stack) if f.title), None)
        else:
            self.loose += 1
            base = f"part_{self.loose}"
            title = None
        part: dict[str, Any] = {
            "key": self.unique_key(base, index, self.part_keys),
            "title": title or self.form_title,
            "questions": [],
        }
        if frame is not None and frame.parts == 1 and frame.intro:
            part["intro"] = frame.intro
        for field_name, text in self.pending.items():
            part.setdefault(field_name, text)
        self.pending, self.pending_rows = {}, []
        self.part = part
        return part

    def unique_key(self, base: str, index: int, taken: dict[str, int] | None = None) -> str:
        taken = self.keys if taken is None else taken
        key, number = base, 1
        while key in taken or key in RESERVED_NAMES:
            number += 1
            key = f"{base[:58]}_{number}"
        taken[key] = index
        return key

    # -- names ----------------------------------------------------------------------------
    def check_name(self, index: int, row: Mapping[str, str]) -> str:
        """The row's key: the author's name, made safe and unique; reserved names renamed."""
        name = self.sheet.cell(row, "name")
        if not name:
            self.problem(index, "name", _l("Every row needs a name."))
            return ""
        if name in self.renamed:
            self.problem(
                index, "name",
                _l(
                    "The name “%(name)s” is used twice (first in row %(row)s).",
                    name=name, row=Sheet.row_number(self.keys[self.renamed[name]]),
                ),
            )  # fmt: skip
            return ""
        base = name if KEY_PATTERN.match(name) else safe_key(name)
        key = self.unique_key(base, index)
        if name.lower() in RESERVED_NAMES:
            self.reserved_name(index, name, key)
        self.renamed[name] = key
        return key

    def reserved_name(self, index: int, name: str, key: str) -> None:
        self.warning(
            index, "name",
            _l(
                "“%(name)s” is a name ODK and KoboToolbox keep for themselves, so the app "
                "calls it “%(key)s”.",
                name=name, key=key,
            ),
        )  # fmt: skip

    # -- groups ---------------------------------------------------------------------------
    def begin_group(self, index: int, row: Mapping[str, str], *, repeat: bool) -> None:
        if repeat:
            self.problem(
                index, "type",
                _l(
                    "Repeats are not supported: each question is asked once. Ask how many "
                    "(an integer question), then ask about the first few one by one, e.g. "
                    "child_1_age, child_2_age."
                ),
            )  # fmt: skip
        self.close_part()
        name = self.sheet.cell(row, "name")
        key = safe_key(name) if name else f"part_{index + 2}"
        if name.lower() in RESERVED_NAMES:
            self.reserved_name(index, name, f"{key}_part")
            key = f"{key}_part"
        title = self.reader.texts(self.sheet, index, "label", required=False)
        intro = self.reader.texts(self.sheet, index, "hint", required=False)
        for base in ("required", "constraint"):
            raw = self.sheet.cell(row, base).lower()
            if raw and raw not in FALSE_WORDS:
                self.warning(
                    index, base,
                    _l("A group takes no %(column)s; it is left out.", column=base),
                )  # fmt: skip
        condition = None
        relevant = self.sheet.cell(row, "relevant")
        if relevant:
            # A group's condition applies to each of its questions (the app has no
            # conditional pages, only conditional questions: a page with none shown is skipped).
            condition = self.condition(index, relevant)
        outer = self.stack[-1].condition if self.stack else None
        if outer is not None:
            condition = (
                outer if condition is None else Condition("all", children=(outer, condition))
            )
        self.stack.append(Frame(key, title, intro, condition, index))

    def end_group(self, index: int) -> None:
        if not self.stack:
            self.problem(index, "type", _l("“end group” has no “begin group” before it."))
            return
        self.close_part()
        self.stack.pop()

    # -- notes ----------------------------------------------------------------------------
    def note(self, index: int, row: Mapping[str, str]) -> None:
        name = self.sheet.cell(row, "name")
        key = self.check_name(index, row)
        text = self.reader.texts(self.sheet, index, "label", required=True) or {}
        hinted = [h for h in self.sheet.text_headers("hint") if (row.get(h.text) or "").strip()]
        if hinted:
            self.reader.problems.add(
                _l("A note has no hint: put all of its text in its label."),
                SURVEY, Sheet.row_number(index), hinted[0].text, hinted[0].letter,
            )  # fmt: skip
        if self.sheet.cell(row, "relevant"):
            # A note is a page's introduction; shown to everyone it could say what only some
            # respondents should read, so it is left out instead.
            self.warning(
                index, "relevant",
                _l(
                    "A note shown only after some answers is left out: the app shows notes "
                    "to everyone, at the top of a page."
                ),
            )  # fmt: skip
            self.dropped[name] = key
            return
        appearance = self.sheet.cell(row, "appearance").lower().split()
        field_name = "content_warning" if WARNING_APPEARANCE in appearance else "intro"
        part = self.part
        if part is not None and part["questions"]:
            self.close_part()  # a note between questions begins a new page
            part = None
        if part is None:
            part = self.open_part(index)
        self.note_rows.append(index)
        if field_name in part:
            part[field_name] = {
                code: f"{part[field_name].get(code, '')}\n\n{words}".strip()
                for code, words in text.items()
            }
        else:
            part[field_name] = text

    # -- questions ------------------------------------------------------------------------
    def add_question(self, index: int, row: Mapping[str, str], words: list[str]) -> None:
        kind = words[0]
        reason = DROPPED_TYPES.get(kind)
        if reason is not None:
            self.warning(index, "type", DROP_REASONS[reason])
            self.dropped[self.sheet.cell(row, "name")] = reason
            return
        for question in self.question(index, row, words):
            self.open_part(index)["questions"].append(question)

    def question(
        self, index: int, row: Mapping[str, str], words: list[str]
    ) -> list[dict[str, Any]]:
        """The row's question (and the follow-up of an or_other), or nothing if refused."""
        base_type = words[0]
        name = self.sheet.cell(row, "name")
        type_data = self.question_type(index, row, words)
        key = self.check_name(index, row)
        if type_data is None:
            self.broken.add(name)
            return []
        label = self.reader.texts(self.sheet, index, "label", required=True) or {}
        data: dict[str, Any] = {"key": key, "type": type_data.pop("type"), "label": label}
        other = type_data.pop("other", None)
        hint = self.reader.texts(self.sheet, index, "hint", required=False)
        if hint:
            data["help"] = hint
        data["required"] = self.required(index, row)
        condition = self.own_condition(index, row)
        group_condition = self.stack[-1].condition if self.stack else None
        if group_condition is not None:
            condition = (
                group_condition
                if condition is None
                else Condition("all", children=(group_condition, condition))
            )
        if condition is not None:
            data["show_if"] = condition.to_data()
        data.update(type_data)
        checked = self.constraint(index, row, base_type, data)
        self.messages(index, row, data, checked)
        if key and key not in self.known:
            values = {o["value"] for o in data.get("options", [])} if "options" in data else None
            if data["type"] == YesNo.type_name:
                values = set(YesNo.VALUES)
            self.known[key] = KnownQuestion(data["type"], values, index)
        if other is not None:
            return [data, self.or_other(index, data, other)]
        return [data]

    def or_other(self, index: int, data: dict[str, Any], other: dict[str, str]) -> dict[str, Any]:
        """``or_other``: an "other" choice, and a short text asked when it is chosen."""
        data["options"].append({"value": OTHER_VALUE, "label": other})
        self.known[data["key"]].values = {o["value"] for o in data["options"]}
        kind = "includes" if data["type"] == "multiple_choice" else "equals"
        shown = Condition(kind, data["key"], OTHER_VALUE)
        if "show_if" in data:
            shown = Condition("all", children=(parse_condition(data["show_if"]), shown))
        follow_up = {
            "key": self.unique_key(f"{data['key'][:56]}_other", index),
            "type": TextQuestion.type_name,
            "label": self.reader.app_texts(SPECIFY_OTHER),
            "required": False,
            "show_if": shown.to_data(),
            "max_length": TextQuestion.DEFAULT,
        }
        self.known[follow_up["key"]] = KnownQuestion(TextQuestion.type_name, None, index)
        return follow_up

    def question_type(
        self, index: int, row: Mapping[str, str], words: list[str]
    ) -> dict[str, Any] | None:
        base_type = words[0]
        appearance = self.sheet.cell(row, "appearance").lower().split()
        if base_type == "rank" or base_type.startswith(("select_one_", "select_multiple_")):
            self.unsupported(index, base_type)
            return None
        if base_type in {"select_one", "select_multiple"}:
            or_other = words[2:] == ["or_other"]
            if len(words) != 2 and not or_other:
                self.problem(
                    index, "type",
                    _l(
                        "“%(type)s” needs the name of one choice list, like %(example)s.",
                        type=base_type, example=f"{base_type} options",
                    ),
                )  # fmt: skip
                return None
            data = self.select(index, base_type, words[1], appearance, or_other=or_other)
            if data is not None and or_other:
                data["other"] = self.reader.app_texts(OTHER_LABEL)
            return data
        if len(words) != 1 and base_type not in {"text", "integer", "date", "acknowledge", "range"}:
            self.unsupported(index, " ".join(words))
            return None
        if base_type == "text":
            if "multiline" in appearance:
                return {"type": LongTextQuestion.type_name}
            return {"type": TextQuestion.type_name}
        if base_type == "integer":
            return {"type": "number"}
        if base_type == "date":
            return {"type": "date"}
        if base_type == "acknowledge":
            # A tick: a one-choice multiple choice whose choice is "OK".
            return {
                "type": "multiple_choice",
                "options": [{"value": "ok", "label": self.reader.app_texts(ACKNOWLEDGE_LABEL)}],
            }
        if base_type == "range":
            return self.range(index, row)
        self.unsupported(index, base_type)
        return None

    def range(self, index: int, row: Mapping[str, str]) -> dict[str, Any] | None:
        """``range`` with whole-number start, end and step 1: a number question."""
        parameters = dict(
            part.split("=", 1) for part in self.sheet.cell(row, "parameters").split() if "=" in part
        )
        try:
            start = int(parameters.get("start", "1"))
            end = int(parameters.get("end", "10"))
            step = int(parameters.get("step", "1"))
        except ValueError:
            start, end, step = 0, 0, 0
        if step != 1 or start >= end:
            self.problem(
                index, "parameters",
                _l(
                    "A range is read as a whole number from start to end: write parameters "
                    "like start=0 end=10 (step 1)."
                ),
            )  # fmt: skip
            return None
        return {"type": "number", "min": start, "max": end}

    def unsupported(self, index: int, type_name: str) -> None:
        if type_name == "decimal":
            message = _l("Decimal numbers are not supported: use integer for a whole number.")
        elif type_name == "rank":
            message = _l(
                "Ranking is not supported: ask a multiple choice question instead, such as "
                "“Which matter most to you?”"
            )
        elif type_name.startswith(("select_one_", "select_multiple_")):
            message = _l(
                "Choices from another file are not supported: put the choices on the choices sheet."
            )
        else:
            message = _l(
                "“%(type)s” is not a question type this app has. It has: %(types)s.",
                type=type_name,
                types=", ".join(SUPPORTED_TYPES),
            )
        self.problem(index, "type", message)

    def select(
        self,
        index: int,
        base_type: str,
        list_name: str,
        appearance: list[str],
        *,
        or_other: bool = False,
    ) -> dict[str, Any] | None:
        rows = self.lists.get(list_name)
        if rows is None:
            self.problem(
                index, "type",
                _l("The choice list “%(list)s” is not on the choices sheet.", list=list_name),
            )  # fmt: skip
            return None
        values = [self.choices.cell(self.choices.rows[i], "name") for i in rows]
        if or_other and OTHER_VALUE in values:
            self.problem(
                index, "type",
                _l(
                    "The list “%(list)s” already has a choice named other: remove or_other.",
                    list=list_name,
                ),
            )  # fmt: skip
            return None
        if base_type == "select_one" and list_name == YES_NO_LIST and values == list(YesNo.VALUES):
            # The app's own Yes / No / Prefer not to say, with labels from its catalog.
            return {"type": YesNo.type_name}
        labels = self.list_labels(list_name, rows)
        if base_type == "select_one" and "likert" in appearance:
            scale = self.as_scale(values, labels)
            if scale is not None:
                return scale
        options = [{"value": v, "label": labels.get(v, {})} for v in values]
        # A one-choice list is a tick (a consent box): a choice that can also be left empty.
        kind = (
            "single_choice" if base_type == "select_one" and len(values) > 1 else "multiple_choice"
        )
        return {"type": kind, "options": options}

    def list_labels(self, list_name: str, rows: list[int]) -> dict[str, dict[str, str]]:
        labels: dict[str, dict[str, str]] = {}
        report = list_name not in self.checked_lists
        self.checked_lists.add(list_name)
        for i in rows:
            value = self.choices.cell(self.choices.rows[i], "name")
            if report:
                labels[value] = self.reader.texts(self.choices, i, "label", required=True) or {}
            else:
                row = self.choices.rows[i]
                labels[value] = {
                    self.choices.codes[h.text]: row[h.text].strip()
                    for h in self.choices.text_headers("label")
                    if (row.get(h.text) or "").strip()
                }
        return labels

    @staticmethod
    def as_scale(values: list[str], labels: dict[str, dict[str, str]]) -> dict[str, Any] | None:
        """A likert list numbered low to high whose inner points are labelled by their own
        number is the app's scale, with the two ends' labels; any other likert list stays a
        single choice."""
        if len(values) < 2 or not all(re.fullmatch(r"-?\d+", v) for v in values):
            return None
        numbers = [int(v) for v in values]
        if numbers != list(range(numbers[0], numbers[0] + len(numbers))) or len(numbers) > 11:
            return None
        inner = values[1:-1]
        if any(text != value for value in inner for text in labels.get(value, {}).values()):
            return None
        return {
            "type": "scale",
            "min": numbers[0],
            "max": numbers[-1],
            "min_label": labels.get(values[0], {}),
            "max_label": labels.get(values[-1], {}),
        }

    def required(self, index: int, row: Mapping[str, str]) -> bool:
        raw = self.sheet.cell(row, "required").lower()
        if not raw or raw in FALSE_WORDS:
            return False
        if raw not in TRUE_WORDS:
            self.problem(index, "required", _l("required must be yes or no."))
            return False
        if self.audience == "survivor":
            self.warning(
                index, "required",
                _l(
                    "In a survivor questionnaire every question can be skipped, so required "
                    "is left out."
                ),
            )  # fmt: skip
            return False
        return True

    def constraint(
        self, index: int, row: Mapping[str, str], base_type: str, data: dict[str, Any]
    ) -> bool:
        """Read the constraint into the question's limits; True when the app checks it."""
        raw = re.sub(r"\s+", " ", self.sheet.cell(row, "constraint"))
        if data["type"] in {TextQuestion.type_name, LongTextQuestion.type_name}:
            limit = LongTextQuestion.LIMIT if data["type"] == "long_text" else TextQuestion.LIMIT
            default = (
                LongTextQuestion.DEFAULT if data["type"] == "long_text" else TextQuestion.DEFAULT
            )
            match = TEXT_LENGTH.match(raw) if raw else None
            if raw and match is None:
                self.dropped_check(index)
            elif match and not 1 <= int(match.group(1)) <= limit:
                self.problem(
                    index, "constraint",
                    _l(
                        "A text answer can be at most %(limit)s characters long here: write "
                        "string-length(.) <= N, with N from 1 to %(limit)s.",
                        limit=limit,
                    ),
                )  # fmt: skip
            data["max_length"] = int(match.group(1)) if match else default
            return match is not None
        if data["type"] == "number":
            low, high = data.get("min", 0), data.get("max", 1000)
            bounds = number_bounds(raw) if raw else None
            if raw and bounds is None:
                self.dropped_check(index)
            elif bounds is not None:
                low = bounds[0] if bounds[0] is not None else min(low, bounds[1] - 1)
                high = bounds[1] if bounds[1] is not None else max(high, low + 1)
                if low >= high:
                    self.problem(
                        index, "constraint",
                        _l("No whole number meets this constraint: check its limits."),
                    )  # fmt: skip
            data["min"], data["max"] = low, high
            return bounds is not None
        if raw:
            self.dropped_check(index)
        return False

    def messages(
        self, index: int, row: Mapping[str, str], data: dict[str, Any], checked: bool
    ) -> None:
        """constraint_message and required_message, kept when their check is made and they
        are written in every language the app offers (a field error in one language only
        would leave the others without one)."""
        for base, used in (
            ("constraint_message", checked),
            ("required_message", data["required"]),
        ):
            headers = [h for h in self.sheet.text_headers(base) if (row.get(h.text) or "").strip()]
            if not headers:
                continue
            found = {self.sheet.codes[h.text]: row[h.text].strip() for h in headers}
            if not used:
                continue  # its check is left out, and said so on that column
            if not set(self.reader.languages) <= set(found):
                self.reader.warnings.add(
                    _l(
                        "Left out: this message is not written in every language the app "
                        "offers, so the app shows its own."
                    ),
                    SURVEY, Sheet.row_number(index), headers[0].text, headers[0].letter,
                )  # fmt: skip
                continue
            data[base] = found

    def dropped_check(self, index: int) -> None:
        self.warning(
            index, "constraint",
            _l(
                "This check is not made: the app checks only limits on whole numbers "
                "(. >= 0, . <= 120) and on text length (string-length(.) <= 200)."
            ),
        )  # fmt: skip

    # -- skip logic -----------------------------------------------------------------------
    def own_condition(self, index: int, row: Mapping[str, str]) -> Condition | None:
        relevant = self.sheet.cell(row, "relevant")
        return self.condition(index, relevant) if relevant else None

    def condition(self, index: int, expression: str) -> Condition | None:
        try:
            parsed = parse_relevant(expression)
        except RelevantError as exc:
            self.problem(index, "relevant", relevant_message(exc))
            return None
        return self.check_condition(index, parsed)

    def check_condition(self, index: int, condition: Condition) -> Condition | None:
        """Check a parsed condition against earlier questions (by the author's names, read
        as the app's keys); "selected" on a single choice means "equals" there."""
        if condition.kind in {"all", "any", "not"}:
            children = [self.check_condition(index, child) for child in condition.children]
            if any(child is None for child in children):
                return None
            return Condition(condition.kind, children=tuple(c for c in children if c))
        name = condition.question or ""
        if name in self.broken:
            return condition
        if name in self.dropped:
            self.problem(
                index, "relevant",
                _l(
                    "The skip logic uses “%(name)s”, which the app leaves out (see its row). "
                    "Base the skip logic on a question the app asks.",
                    name=name,
                ),
            )  # fmt: skip
            return None
        key = self.renamed.get(name, name)
        target = self.known.get(key)
        if target is None:
            self.problem(
                index, "relevant",
                _l(
                    "The skip logic refers to “%(name)s”, which is not an earlier question.",
                    name=name,
                ),
            )  # fmt: skip
            return None
        condition = Condition(condition.kind, key, condition.value)
        if condition.kind == "answered":
            return condition
        if condition.kind in NUMBER_KINDS:
            if target.type_name in {"number", "scale"}:
                return condition
            self.problem(
                index, "relevant",
                _l(
                    "“%(name)s” is not a number question, so the skip logic cannot compare it "
                    "with <, <=, > or >=.",
                    name=name,
                ),
            )  # fmt: skip
            return None
        if target.values is None:
            self.problem(
                index, "relevant",
                _l(
                    "“%(name)s” is not a choice question, so the skip logic can only ask "
                    "whether it was answered: ${%(name)s} != ''.",
                    name=name,
                ),
            )  # fmt: skip
            return None
        compared = condition.value if condition.kind == "in" else (condition.value,)
        wrong = [str(v) for v in compared if str(v) not in target.values]
        if wrong:
            self.problem(
                index, "relevant",
                _l(
                    "The skip logic compares “%(name)s” with “%(value)s”, which is not one of "
                    "its choices.",
                    name=name, value=wrong[0],
                ),
            )  # fmt: skip
            return None
        multiple = target.type_name == "multiple_choice"
        if multiple and condition.kind != "includes":
            self.problem(
                index, "relevant",
                _l(
                    "“%(name)s” is a multiple-choice question: write selected(${%(name)s}, "
                    "'%(value)s').",
                    name=name, value=compared[0],
                ),
            )  # fmt: skip
            return None
        if not multiple and condition.kind == "includes":
            return Condition("equals", key, condition.value)
        return condition


def number_bounds(raw: str) -> tuple[int | None, int | None] | None:
    """``. >= 0``, ``. <= 120``, ``. > 0 and . < 100`` (either order) → (low, high), a side
    None when not limited; None when the constraint is anything else."""
    low: int | None = None
    high: int | None = None
    for part in re.split(r"\s+and\s+", raw.strip()):
        match = NUMBER_LIMIT.fullmatch(part.strip())
        if match is None:
            return None
        operator, number = match.group("op"), int(match.group("number"))
        if operator == ">=":
            low = number if low is None else max(low, number)
        elif operator == ">":
            low = number + 1 if low is None else max(low, number + 1)
        elif operator == "<=":
            high = number if high is None else min(high, number)
        else:
            high = number - 1 if high is None else min(high, number - 1)
    return low, high


def read_xlsform(
    raw: bytes,
    languages: Sequence[str],
    default_language: str = "en",
    choices: UploadChoices | None = None,
) -> ReadResult:
    """Read an uploaded workbook. ``languages``: every text must exist in each of them;
    ``choices``: what the upload page asked for."""
    return Reader(languages, default_language, choices).read(raw)
