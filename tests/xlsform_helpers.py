"""Build small XLSForm workbooks for tests: a valid pilot form and ways to break it."""

from __future__ import annotations

import copy
import io
from typing import Any

from openpyxl import Workbook, load_workbook

Sheets = dict[str, list[list[Any]]]

SURVEY_HEADER = [
    "type", "name", "label::English (en)", "label::Español (es)", "hint::English (en)",
    "hint::Español (es)", "required", "relevant", "appearance", "constraint",
]  # fmt: skip


def row(**cells: Any) -> list[Any]:
    """A survey row by column name (label_en, label_es, hint_en, hint_es, …)."""
    names = {
        "label_en": "label::English (en)",
        "label_es": "label::Español (es)",
        "hint_en": "hint::English (en)",
        "hint_es": "hint::Español (es)",
    }
    values = {names.get(k, k): v for k, v in cells.items()}
    return [values.get(column) for column in SURVEY_HEADER]


def pilot(audience: str = "survivor") -> Sheets:
    """A valid two-language form with every kind of row the app reads."""
    return {
        "survey": [
            list(SURVEY_HEADER),
            row(type="begin group", name="about", label_en="About you", label_es="Sobre usted",
                hint_en="A few questions.", hint_es="Unas preguntas."),
            row(type="note", name="about_warning", label_en="Some questions are hard.",
                label_es="Algunas preguntas son difíciles.", appearance="content-warning"),
            row(type="select_one yes_no", name="helped", label_en="Did anyone help?",
                label_es="¿Le ayudó alguien?"),
            row(type="select_multiple places", name="places", label_en="Where?",
                label_es="¿Dónde?", relevant="${helped} = 'yes'"),
            row(type="text", name="story", label_en="Tell us more", label_es="Cuéntenos más",
                relevant="selected(${places}, 'police')", appearance="multiline",
                constraint="string-length(.) <= 500"),
            row(type="integer", name="times", label_en="How many times?",
                label_es="¿Cuántas veces?", constraint=". >= 0 and . <= 50"),
            row(type="select_one scale5", name="listened", label_en="Did they listen?",
                label_es="¿Le escucharon?", appearance="likert"),
            row(type="end group"),
        ],
        "choices": [
            ["list_name", "name", "label::English (en)", "label::Español (es)"],
            ["yes_no", "yes", "Yes", "Sí"],
            ["yes_no", "no", "No", "No"],
            ["yes_no", "prefer_not_to_say", "Prefer not to say", "Prefiero no decirlo"],
            ["places", "police", "Police", "Policía"],
            ["places", "court", "Court", "Tribunal"],
            ["places", "shelter", "Shelter", "Refugio"],
            ["scale5", "1", "Not at all", "Nada"],
            ["scale5", "2", "2", "2"],
            ["scale5", "3", "3", "3"],
            ["scale5", "4", "4", "4"],
            ["scale5", "5", "Very much", "Mucho"],
        ],
        "settings": [
            ["form_id", "version", "audience", "estimated_minutes", "label::English (en)",
             "label::Español (es)", "description::English (en)", "description::Español (es)"],
            ["pilot", 1, audience, 5, "Pilot", "Piloto", "A short pilot.", "Un piloto corto."],
        ],
    }  # fmt: skip


def changed(sheets: Sheets, sheet: str, row_number: int, column: str, value: Any) -> Sheets:
    """A copy with one cell set (row_number as in the spreadsheet: headers are row 1)."""
    out = copy.deepcopy(sheets)
    header = out[sheet][0]
    if column not in header:
        header.append(column)
        for line in out[sheet][1:]:
            line.append(None)
    out[sheet][row_number - 1][header.index(column)] = value
    return out


def to_xlsx(sheets: Sheets) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for line in rows:
            sheet.append(line)
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # typed text, as a spreadsheet stores it
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def edit_xlsx(raw: bytes, edits: list[tuple[str, int, str, Any]]) -> bytes:
    """Set cells (sheet, row, header, value) in an existing workbook, e.g. an export."""
    book = load_workbook(io.BytesIO(raw))
    for sheet_name, row_number, header, value in edits:
        sheet = book[sheet_name]
        headers = [cell.value for cell in sheet[1]]
        sheet.cell(row=row_number, column=headers.index(header) + 1, value=value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def find_row(raw: bytes, sheet_name: str, header: str, value: str) -> int:
    book = load_workbook(io.BytesIO(raw), read_only=True)
    headers = next(book[sheet_name].iter_rows(max_row=1, values_only=True))
    column = list(headers).index(header)
    for number, values in enumerate(book[sheet_name].iter_rows(values_only=True), start=1):
        if values[column] == value:
            return number
    raise KeyError(value)


def in_seven_languages(sheets: Sheets) -> Sheets:
    """The form with every shipped language: each extra text is the Spanish one marked with
    its language code (numbers, like a scale's inner points, stay numbers)."""
    out = copy.deepcopy(sheets)
    for sheet_name, bases in (
        ("survey", ("label", "hint")),
        ("choices", ("label",)),
        ("settings", ("label", "description")),
    ):
        rows = out[sheet_name]
        header = rows[0]
        for base in bases:
            source = header.index(f"{base}::Español (es)")
            for code in ("so", "vi", "zh", "ar", "hmn"):
                header.append(f"{base}::{code} ({code})")
                for line in rows[1:]:
                    text = line[source]
                    marked = text if not text or str(text).isdigit() else f"{text} [{code}]"
                    line.append(marked)
    return out


def inserted(sheets: Sheets, sheet: str, row_number: int, **cells: Any) -> Sheets:
    """A copy with a row inserted at ``row_number`` (cells by header, as written)."""
    out = copy.deepcopy(sheets)
    header = out[sheet][0]
    out[sheet].insert(row_number - 1, [cells.get(column) for column in header])
    return out
