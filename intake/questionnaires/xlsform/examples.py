"""Write the shipped questionnaires as XLSForm examples: ``make xlsform-examples``.

    python -m intake.questionnaires.xlsform.examples [folder]   (default: examples/xlsform)

A test checks that the committed workbooks read back to the shipped definitions, so the
examples never drift from what the app ships.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ...config import Config
from ...i18n import catalog_text
from ..catalog import SHIPPED, SHIPPED_DIR
from ..definition import load_definition_text
from .writer import write_xlsform

DEFAULT_FOLDER = Path(__file__).resolve().parents[3] / "examples" / "xlsform"


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else DEFAULT_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    languages = Config.__dataclass_fields__["languages"].default
    for key in SHIPPED:
        definition = load_definition_text((SHIPPED_DIR / f"{key}.json").read_text(encoding="utf-8"))
        (folder / f"{key}.xlsx").write_bytes(write_xlsform(definition, languages, catalog_text))
        sys.stdout.write(f"wrote {folder / f'{key}.xlsx'}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
