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
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from flask_babel import lazy_gettext as _l
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.xml import DEFUSEDXML
from pyxform.errors import PyXFormError
from pyxform.xls2json_backends import xlsx_to_dict

from ...i18n import catalog_text
from ..definition import AUDIENCES, KEY_PATTERN, parse_definition
from ..types import DefinitionError
from .columns import Header, language_code, language_header, parse_header
from .problems import Problem, ProblemList
from .survey import SurveyBuilder
from .vocabulary import (
    CHOICE_VALUE,
    CHOICES,
    DEFAULT_DESCRIPTION,
    EXTERNAL,
    KNOWN_COLUMNS,
    MEDIA_COLUMNS,
    SETTINGS,
    SURVEY,
    TEXT_COLUMNS,
    WHOLE_NUMBER,
    Sheet,
    language_label,
    safe_key,
)

if not DEFUSEDXML:  # pragma: no cover - a broken install, refused loudly
    raise ImportError("defusedxml is needed to read uploaded workbooks safely")

MAX_BYTES = 1024 * 1024  # a questionnaire in seven languages is about 60 KB
MAX_UNPACKED_BYTES = 32 * 1024 * 1024  # refuses "zip bombs" before anything is parsed
MAX_ZIP_ENTRIES = 200
MAX_SURVEY_ROWS = 2000


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
        for name in (SURVEY, CHOICES, SETTINGS, EXTERNAL):
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
        order = {None: 0, SURVEY: 1, CHOICES: 2, EXTERNAL: 3, SETTINGS: 4}
        problems = sorted(
            self.problems.items,  # stable: problems in one cell keep the order found
            key=lambda p: (order.get(p.sheet, 5), p.row or 0, len(p.letter or ""), p.letter or ""),
        )
        warnings = sorted(
            self.warnings.items,
            key=lambda p: (order.get(p.sheet, 5), p.row or 0, len(p.letter or ""), p.letter or ""),
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
        self, sheet: Sheet, index: int, base: str, *, required: bool, piping: bool = False
    ) -> dict[str, str] | None:
        """The row's text in every language, reporting each missing one; None when absent
        and not required. ``piping``: ``${name}`` may show an earlier answer (a question's
        label and hint); elsewhere it is refused."""
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
            if not piping and "${" in (row.get(header.text) or ""):
                # ODK would put an earlier answer there; the app does so in questions only.
                self.problems.add(
                    _l(
                        "Only the label and hint of a question or a note can show an earlier "
                        "answer: here ${…} would appear as it is to respondents. Write the words "
                        "instead."
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
        self._note(self.warnings, sheet, index, base, message)

    def problem_at(self, sheet: Sheet, index: int, base: str | None, message: Any) -> None:
        self._note(self.problems, sheet, index, base, message)

    @staticmethod
    def _note(into: Any, sheet: Sheet, index: int, base: str | None, message: Any) -> None:
        """A problem or warning at a row, in the column ``base`` names (if it has one)."""
        header = sheet.header(base) if base else None
        into.add(
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
        external = sheets[EXTERNAL]
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
        for sheet in (survey, choices, settings_sheet, external):
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
        external_lists = self.read_choices(external)
        if external_lists:
            self.require_language_columns(external, "label")
        survey_builder = SurveyBuilder(
            self, survey, choices, lists, settings.get("audience", ""), settings.get("title")
        )
        survey_builder.external, survey_builder.external_lists = external, external_lists
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
        if survey_builder.calculations:
            data["calculations"] = survey_builder.calculations
        try:
            parse_definition(data, self.languages)
        except DefinitionError as exc:  # a check this reader missed: still said plainly
            self.problems.add(_l("The questionnaire is not valid: %(detail)s", detail=str(exc)))
        return self.result(data)


def read_xlsform(
    raw: bytes,
    languages: Sequence[str],
    default_language: str = "en",
    choices: UploadChoices | None = None,
) -> ReadResult:
    """Read an uploaded workbook. ``languages``: every text must exist in each of them;
    ``choices``: what the upload page asked for."""
    return Reader(languages, default_language, choices).read(raw)
