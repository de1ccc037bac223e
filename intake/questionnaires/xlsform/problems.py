"""What is wrong with an uploaded workbook, each problem pinned to its sheet, row and column."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Problem:
    """One problem. ``message`` is a lazy translatable string, shown in the reader's language.

    ``row`` is the spreadsheet's own row number (the header row is 1); ``column`` is the
    header as written (e.g. ``relevant``), ``letter`` its spreadsheet column (e.g. ``H``).
    """

    sheet: str | None
    row: int | None
    column: str | None
    letter: str | None
    message: Any

    def where(self) -> str:
        """Plain location for the command line: ``survey, row 14, column H (relevant)``."""
        parts = []
        if self.sheet:
            parts.append(self.sheet)
        if self.row:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.letter} ({self.column})" if self.letter else self.column)
        return ", ".join(parts) or "file"

    def __str__(self) -> str:
        return f"{self.where()}: {self.message}"


class ProblemList:
    """Collects problems; a cap keeps one systematic mistake from burying the rest."""

    LIMIT = 200

    def __init__(self) -> None:
        self.items: list[Problem] = []
        self.dropped = 0

    def add(
        self,
        message: Any,
        sheet: str | None = None,
        row: int | None = None,
        column: str | None = None,
        letter: str | None = None,
    ) -> None:
        if len(self.items) >= self.LIMIT:
            self.dropped += 1
            return
        self.items.append(Problem(sheet, row, column, letter, message))

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)
