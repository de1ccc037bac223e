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

from ...i18n import native_name
from ..conditions import Condition
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
TEXT_COLUMNS = {SURVEY: ("label", "hint"), CHOICES: ("label",), SETTINGS: ("label", "description")}
KNOWN_COLUMNS = {
    SURVEY: {"type", "name", "label", "hint", "required", "relevant", "appearance", "constraint"},
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
)
# Rows that would be questions (or notes) if they were inside a group.
QUESTION_KINDS = {"note", "select_one", "select_multiple", "text", "integer", "int", "date"}
IDENTIFYING_TYPES = {
    "start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber",
    "username", "email", "audit", "start-geopoint", "geopoint", "geotrace", "geoshape",
    "background-audio", "background-geopoint", "xml-external", "csv-external",
}  # fmt: skip
MEDIA_TYPES = {"image", "audio", "video", "file", "barcode", "signature", "drawing"}

TEXT_LENGTH = re.compile(r"^string-length\(\s*\.\s*\)\s*<=\s*(\d+)$")
NUMBER_RANGE = re.compile(r"^\.\s*>=\s*(-?\d+)\s+and\s+\.\s*<=\s*(-?\d+)$")
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
            "The skip logic can compare answers only with = and !=, not with “%(found)s”.",
            found=error.found,
        )
    if error.kind == "value":
        return _l(
            "The skip logic needs a value in quotes here, not “%(found)s”.", found=error.found
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
        header = self.header(base)
        return (row.get(header.text) or "").strip() if header else ""


@dataclass
class KnownQuestion:
    """What later skip logic may refer to."""

    type_name: str
    values: set[str] | None
    row: int


class Reader:
    def __init__(self, languages: Sequence[str], default_language: str) -> None:
        self.languages = tuple(languages)
        self.default_language = default_language
        self.problems = ProblemList()
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
                if name != CHOICES:
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
        return ReadResult(
            data if not self.problems else None,
            problems,
            self.problems.dropped,
        )

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
        for header in sheet.headers:
            if header.base in KNOWN_COLUMNS[sheet.name] or header.text.startswith(("$", "_")):
                continue  # "$kuid" and friends: KoboToolbox's own bookkeeping
            used = [i for i, row in enumerate(sheet.rows) if (row.get(header.text) or "").strip()]
            if not used:
                continue
            if header.base in {"constraint_message", "required_message"}:
                message = _l(
                    "The app shows its own translated messages; leave %(column)s empty.",
                    column=header.base,
                )
            else:
                message = _l(
                    "The column “%(column)s” is not supported by this app; remove it or leave "
                    "it empty.",
                    column=header.text,
                )
            self.problems.add(
                message, sheet.name, sheet.row_number(used[0]), header.text, header.letter
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
        rows = [i for i, row in enumerate(sheet.rows) if row]
        index = rows[0] if rows else None
        row = sheet.rows[index] if index is not None else {}
        settings: dict[str, Any] = {}

        def problem(base: str, message: Any) -> None:
            header = sheet.header(base)
            self.problems.add(
                message, SETTINGS, sheet.row_number(index) if index is not None else 2,
                header.text if header else base, header.letter if header else None,
            )  # fmt: skip

        key = sheet.cell(row, "form_id")
        if not key:
            problem(
                "form_id", _l("The settings sheet needs a form_id: a short name, like survivor.")
            )
        elif not KEY_PATTERN.match(key):
            problem("form_id", self.bad_name(key))
        settings["key"] = key
        audience = sheet.cell(row, "audience")
        if audience not in AUDIENCES:
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
        if index is None:
            return settings
        settings["title"] = self.texts(sheet, index, "label", required=False)
        if settings["title"] is None:
            plain = sheet.cell(row, "form_title")
            if plain:
                settings["title"] = {self.default_language: plain}
                missing = [c for c in self.languages if c != self.default_language]
                if missing:
                    self.problems.add(
                        _l(
                            "The title is given only in form_title. Add a label column for "
                            "each language, like %(example)s.",
                            example=language_header("label", "es"),
                        ),
                        SETTINGS, sheet.row_number(index),
                    )  # fmt: skip
            else:
                problem("label", _l("The questionnaire needs a title: add a label column."))
        settings["description"] = self.texts(sheet, index, "description", required=True)
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
        self.require_language_columns(settings_sheet, "label")
        self.require_language_columns(settings_sheet, "description")
        settings = self.read_settings(settings_sheet)
        lists = self.read_choices(choices)
        if any(h.base == "label" for h in choices.headers) or lists:
            self.require_language_columns(choices, "label")
        survey_builder = SurveyBuilder(self, survey, choices, lists, settings.get("audience", ""))
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
    """``begin group`` / ``begin_group`` → ``["begin_group"]``; ``select one x`` →
    ``["select_one", "x"]``. List names keep their case and underscores."""
    words = raw.split()
    if not words:
        return []
    head = words[0].lower()
    if head in {"begin", "end", "select"} and len(words) > 1:
        return [f"{head}_{words[1].lower()}", *words[2:]]
    return [head, *words[1:]]


class SurveyBuilder:
    """Walks the survey sheet: groups become parts, rows become questions."""

    def __init__(
        self,
        reader: Reader,
        sheet: Sheet,
        choices: Sheet,
        lists: dict[str, list[int]],
        audience: str,
    ) -> None:
        self.reader = reader
        self.sheet = sheet
        self.choices = choices
        self.lists = lists
        self.audience = audience
        self.known: dict[str, KnownQuestion] = {}
        self.names: dict[str, int] = {}  # question and note names -> row
        self.group_names: dict[str, int] = {}
        self.checked_lists: set[str] = set()
        # Questions whose own row is wrong: skip logic that refers to them is not blamed too.
        self.broken: set[str] = set()

    def problem(self, index: int, base: str | None, message: Any) -> None:
        self.reader.problem_at(self.sheet, index, base, message)

    def walk(self) -> list[dict[str, Any]]:
        sections: list[dict[str, Any]] = []
        current: dict[str, Any] | None = None
        group_condition: Condition | None = None
        begun_at = 0
        outside: list[int] = []  # a run of question rows outside any group, said once
        for index, row in enumerate(self.sheet.rows):
            if not row:
                continue
            words = type_words(self.sheet.cell(row, "type"))
            kind = words[0] if words else ""
            if not kind:
                self.problem(index, "type", _l("This row has text but no type."))
                continue
            if kind == "begin_repeat":
                # Said once; the rows inside are still read as a group, so their own problems
                # show up in this same list.
                self.unsupported(index, kind)
                kind = "begin_group"
            elif kind == "end_repeat":
                kind = "end_group"
            if current is not None or kind in {"begin_group", "end_group"}:
                self.outside_run(outside)
            if kind == "begin_group":
                if current is not None:
                    self.problem(
                        index, "type",
                        _l("A group inside a group is not supported: each group is one page."),
                    )  # fmt: skip
                    continue
                current, group_condition = self.begin_group(index, row)
                begun_at = index
                continue
            if kind == "end_group":
                if current is None:
                    self.problem(index, "type", _l("“end group” has no “begin group” before it."))
                    continue
                if not current["questions"]:
                    self.problem(begun_at, "type", _l("This group has no questions."))
                sections.append(current)
                current, group_condition = None, None
                continue
            if current is None:
                if kind in QUESTION_KINDS:
                    outside.append(index)
                else:  # KoboToolbox's start, end, deviceid…: the type is the real problem
                    self.unsupported(index, " ".join(words))
                continue
            if kind == "note":
                self.note(index, row, current)
                continue
            question = self.question(index, row, words, group_condition)
            if question is not None:
                current["questions"].append(question)
        self.outside_run(outside)
        if current is not None:
            self.problem(begun_at, "type", _l("This group is never closed with “end group”."))
        if not sections and not self.reader.problems:
            self.reader.problems.add(
                _l("The survey sheet needs at least one group with questions in it."), SURVEY
            )
        return sections

    def outside_run(self, run: list[int]) -> None:
        if not run:
            return
        if len(run) == 1:
            message = _l(
                "This row is outside any group. Every question belongs to a group, which is "
                "one page."
            )
        else:
            message = _l(
                "Rows %(first)s to %(last)s are outside any group. Every question belongs to a "
                "group, which is one page: put begin group and end group rows around them.",
                first=Sheet.row_number(run[0]),
                last=Sheet.row_number(run[-1]),
            )
        self.problem(run[0], "type", message)
        run.clear()

    def check_name(self, index: int, row: Mapping[str, str], seen: dict[str, int]) -> str:
        name = self.sheet.cell(row, "name")
        if not name:
            self.problem(index, "name", _l("Every row needs a name."))
        elif not KEY_PATTERN.match(name):
            self.problem(index, "name", Reader.bad_name(name))
        elif name in seen:
            self.problem(
                index, "name",
                _l(
                    "The name “%(name)s” is used twice (first in row %(row)s).",
                    name=name, row=Sheet.row_number(seen[name]),
                ),
            )  # fmt: skip
        else:
            seen[name] = index
        return name

    def begin_group(
        self, index: int, row: Mapping[str, str]
    ) -> tuple[dict[str, Any], Condition | None]:
        key = self.check_name(index, row, self.group_names)
        section: dict[str, Any] = {"key": key, "title": {}, "questions": []}
        section["title"] = self.reader.texts(self.sheet, index, "label", required=True) or {}
        intro = self.reader.texts(self.sheet, index, "hint", required=False)
        if intro:
            section["intro"] = intro
        if self.sheet.cell(row, "required"):
            self.problem(
                index, "required", _l("A group cannot be required; mark its questions instead.")
            )
        if self.sheet.cell(row, "constraint"):
            self.problem(index, "constraint", _l("This row takes no constraint."))
        condition = None
        relevant = self.sheet.cell(row, "relevant")
        if relevant:
            # A group's condition applies to each of its questions (the app has no
            # conditional pages, only conditional questions: a page with none shown is skipped).
            condition = self.condition(index, relevant)
        return section, condition

    def note(self, index: int, row: Mapping[str, str], section: dict[str, Any]) -> None:
        self.check_name(index, row, self.names)
        text = self.reader.texts(self.sheet, index, "label", required=True) or {}
        appearance = self.sheet.cell(row, "appearance").lower().split()
        field_name = "content_warning" if WARNING_APPEARANCE in appearance else "intro"
        if section["questions"]:
            self.problem(
                index, "type",
                _l(
                    "A note can only come at the start of a group, where it introduces the page "
                    "(or, with appearance content-warning, warns of what the page asks about)."
                ),
            )  # fmt: skip
        elif field_name in section:
            self.problem(
                index, "type",
                _l(
                    "This group already has an introduction and can have only one: a group's "
                    "hint or its first note. Give a content warning the appearance "
                    "content-warning."
                )
                if field_name == "intro"
                else _l("This group already has a content warning."),
            )  # fmt: skip
        else:
            section[field_name] = text
        hinted = [h for h in self.sheet.text_headers("hint") if (row.get(h.text) or "").strip()]
        if hinted:
            self.reader.problems.add(
                _l("A note has no hint: put all of its text in its label."),
                SURVEY, Sheet.row_number(index), hinted[0].text, hinted[0].letter,
            )  # fmt: skip
        for base in ("required", "relevant", "constraint"):
            if self.sheet.cell(row, base):
                self.problem(
                    index, base,
                    _l(
                        "Leave %(column)s empty on a note: a note is always shown at the top of "
                        "its group.",
                        column=base,
                    ),
                )  # fmt: skip

    def question(
        self,
        index: int,
        row: Mapping[str, str],
        words: list[str],
        group_condition: Condition | None,
    ) -> dict[str, Any] | None:
        base_type = words[0]
        type_data = self.question_type(index, row, words)
        key = self.check_name(index, row, self.names)
        if type_data is None:
            self.broken.add(key)
            return None
        label = self.reader.texts(self.sheet, index, "label", required=True) or {}
        data: dict[str, Any] = {"key": key, "type": type_data.pop("type"), "label": label}
        hint = self.reader.texts(self.sheet, index, "hint", required=False)
        if hint:
            data["help"] = hint
        data["required"] = self.required(index, row)
        condition = self.own_condition(index, row)
        if group_condition is not None:
            condition = (
                group_condition
                if condition is None
                else Condition("all", children=(group_condition, condition))
            )
        if condition is not None:
            data["show_if"] = condition.to_data()
        data.update(type_data)
        self.constraint(index, row, base_type, data)
        if key and key not in self.known:
            values = {o["value"] for o in data.get("options", [])} if "options" in data else None
            if data["type"] == YesNo.type_name:
                values = set(YesNo.VALUES)
            self.known[key] = KnownQuestion(data["type"], values, index)
        return data

    def question_type(
        self, index: int, row: Mapping[str, str], words: list[str]
    ) -> dict[str, Any] | None:
        base_type = words[0]
        appearance = self.sheet.cell(row, "appearance").lower().split()
        if base_type in {"select_one", "select_multiple"}:
            if words[2:] == ["or_other"]:
                self.problem(
                    index, "type",
                    _l(
                        "or_other is not supported: add an “other” choice, and a text question "
                        "shown when it is chosen."
                    ),
                )  # fmt: skip
                return None
            if len(words) != 2:
                self.problem(
                    index, "type",
                    _l(
                        "“%(type)s” needs the name of one choice list, like %(example)s.",
                        type=base_type, example=f"{base_type} options",
                    ),
                )  # fmt: skip
                return None
            return self.select(index, base_type, words[1], appearance)
        if len(words) != 1:
            self.unsupported(index, " ".join(words))
            return None
        if base_type == "text":
            if "multiline" in appearance:
                return {"type": LongTextQuestion.type_name}
            return {"type": TextQuestion.type_name}
        if base_type in {"integer", "int"}:
            return {"type": "number"}
        if base_type == "date":
            return {"type": "date"}
        self.unsupported(index, base_type)
        return None

    def unsupported(self, index: int, type_name: str) -> None:
        if type_name in IDENTIFYING_TYPES:
            message = _l(
                "“%(type)s” records something about the device, the time or the person (like a "
                "phone number or a location). This app never records that about anyone who "
                "answers.",
                type=type_name,
            )
        elif type_name in MEDIA_TYPES:
            message = _l("This app takes no photos, recordings, drawings or files.")
        elif type_name == "decimal":
            message = _l("Decimal numbers are not supported: use integer for a whole number.")
        elif type_name in {"begin_repeat", "end_repeat"}:
            message = _l("Repeats are not supported: each question is asked once.")
        else:
            message = _l(
                "“%(type)s” is not a question type this app has. It has: %(types)s.",
                type=type_name,
                types=", ".join(SUPPORTED_TYPES),
            )
        self.problem(index, "type", message)

    def select(
        self, index: int, base_type: str, list_name: str, appearance: list[str]
    ) -> dict[str, Any] | None:
        rows = self.lists.get(list_name)
        if rows is None:
            self.problem(
                index, "type",
                _l("The choice list “%(list)s” is not on the choices sheet.", list=list_name),
            )  # fmt: skip
            return None
        values = [self.choices.cell(self.choices.rows[i], "name") for i in rows]
        if len(values) < 2:
            self.problem(
                index, "type",
                _l("The list “%(list)s” needs at least two choices.", list=list_name),
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
        kind = "single_choice" if base_type == "select_one" else "multiple_choice"
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
        if not all(re.fullmatch(r"-?\d+", v) for v in values):
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
            self.problem(
                index, "required",
                _l(
                    "Questions in a survivor questionnaire can never be required: every "
                    "question can be skipped."
                ),
            )  # fmt: skip
            return False
        return True

    def constraint(
        self, index: int, row: Mapping[str, str], base_type: str, data: dict[str, Any]
    ) -> None:
        raw = re.sub(r"\s+", " ", self.sheet.cell(row, "constraint"))
        if data["type"] in {TextQuestion.type_name, LongTextQuestion.type_name}:
            limit = LongTextQuestion.LIMIT if data["type"] == "long_text" else TextQuestion.LIMIT
            default = (
                LongTextQuestion.DEFAULT if data["type"] == "long_text" else TextQuestion.DEFAULT
            )
            match = TEXT_LENGTH.match(raw) if raw else None
            if raw and (match is None or not 1 <= int(match.group(1)) <= limit):
                self.problem(
                    index, "constraint",
                    _l(
                        "On this text question the only constraint the app understands is "
                        "string-length(.) <= N, with N from 1 to %(limit)s.",
                        limit=limit,
                    ),
                )  # fmt: skip
            data["max_length"] = int(match.group(1)) if match else default
        elif data["type"] == "number":
            match = NUMBER_RANGE.match(raw) if raw else None
            if raw and (match is None or int(match.group(1)) >= int(match.group(2))):
                self.problem(
                    index, "constraint",
                    _l(
                        "On a whole-number question the only constraint the app understands is "
                        ". >= MIN and . <= MAX, with MIN below MAX."
                    ),
                )  # fmt: skip
            data["min"], data["max"] = (
                (int(match.group(1)), int(match.group(2))) if match else (0, 1000)
            )
        elif raw:
            self.problem(index, "constraint", _l("This question type takes no constraint."))

    # -- skip logic -----------------------------------------------------------------------
    def own_condition(self, index: int, row: Mapping[str, str]) -> Condition | None:
        relevant = self.sheet.cell(row, "relevant")
        return self.condition(index, relevant) if relevant else None

    def condition(self, index: int, expression: str) -> Condition | None:
        try:
            parsed = parse_relevant(expression)
        except RelevantError as exc:
            self.problem(
                index, "relevant",
                relevant_message(exc),
            )  # fmt: skip
            return None
        checked = self.check_condition(index, parsed)
        return checked

    def check_condition(self, index: int, condition: Condition) -> Condition | None:
        """Check a parsed condition against earlier questions; "selected" on a single choice
        means "equals" there."""
        if condition.kind in {"all", "any", "not"}:
            children = [self.check_condition(index, child) for child in condition.children]
            if any(child is None for child in children):
                return None
            return Condition(condition.kind, children=tuple(c for c in children if c))
        name = condition.question or ""
        target = self.known.get(name)
        if name in self.broken:
            return condition
        if target is None:
            self.problem(
                index, "relevant",
                _l(
                    "The skip logic refers to “%(name)s”, which is not an earlier question.",
                    name=name,
                ),
            )  # fmt: skip
            return None
        if condition.kind == "answered":
            return condition
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
            return Condition("equals", name, condition.value)
        return condition


def read_xlsform(raw: bytes, languages: Sequence[str], default_language: str = "en") -> ReadResult:
    """Read an uploaded workbook. ``languages``: every text must exist in each of them."""
    return Reader(languages, default_language).read(raw)
