"""How real-world XLSForm workbooks fare: accepted as uploaded, with warnings, refused, crashes,
round-trip differences and read time, over a corpus of workbooks (tests/data/xlsforms/).

    .venv/bin/python -m bench.xlsform_bench [DIRECTORY]

Each workbook is read as an admin would upload it: the app offering the languages the
workbook is written in, and the upload page's audience chosen (advocate) and file name used
as the form's name where the workbook says nothing. pyxform converts the workbook first:
the targets are about workbooks pyxform accepts. An accepted workbook is then exported,
read back (any difference is counted) and the export converted with pyxform again.
"""

from __future__ import annotations

import io
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook
from pyxform import xls2xform

from intake.i18n import catalog_text
from intake.questionnaires.definition import parse_definition
from intake.questionnaires.xlsform.columns import language_code
from intake.questionnaires.xlsform.reader import UploadChoices, read_xlsform
from intake.questionnaires.xlsform.vocabulary import safe_key
from intake.questionnaires.xlsform.writer import write_xlsform

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "xlsforms"
OFFERED = ("en", "es", "so", "vi", "zh", "ar", "hmn", "fr", "pt", "sw")


@dataclass
class Outcome:
    name: str
    pyxform_accepts: bool
    verdict: str  # "as uploaded", "with warnings", "refused", "crash"
    reasons: list[str] = field(default_factory=list)
    round_trip_differs: bool = False
    export_converts: bool = True
    seconds: float = 0.0


def languages_of(raw: bytes) -> tuple[str, ...]:
    """The languages a workbook's survey labels are written in (bare ``label``: English)."""
    try:
        book = load_workbook(io.BytesIO(raw), read_only=True)
    except Exception:  # not a workbook: the reader says so in its own words
        return ("en",)
    try:
        sheet = next((book[t] for t in book.sheetnames if t.lower() == "survey"), None)
        header = next(sheet.iter_rows(max_row=1, values_only=True), ()) if sheet else ()
    finally:
        book.close()
    found: list[str] = []
    for text in header:
        base, _sep, language = str(text or "").partition("::")
        if base.strip().lower() != "label":
            continue
        code = language_code(language, OFFERED) if language else "en"
        if code and code not in found:
            found.append(code)
    return tuple(found) or ("en",)


def pyxform_accepts(raw: bytes) -> bool:
    try:
        xls2xform.convert(xlsform=raw, file_type=".xlsx")
    except Exception:  # pyxform's verdict, whatever its kind
        return False
    return True


def judge(path: Path) -> Outcome:
    raw = path.read_bytes()
    outcome = Outcome(path.stem, pyxform_accepts(raw), "refused")
    languages = languages_of(raw)
    choices = UploadChoices(key=safe_key(path.stem), audience="advocate")
    started = time.perf_counter()
    try:
        result = read_xlsform(raw, languages, languages[0], choices)
    except Exception as exc:  # a crash is what this benchmark exists to find
        outcome.verdict, outcome.reasons = "crash", [f"{type(exc).__name__}: {exc}"]
        return outcome
    outcome.seconds = time.perf_counter() - started
    if result.problems:
        outcome.reasons = [str(p.message) for p in result.problems]
        return outcome
    outcome.verdict = "with warnings" if result.warnings else "as uploaded"
    outcome.reasons = [str(w.message) for w in result.warnings]
    definition = parse_definition(result.data, languages)
    exported = write_xlsform(definition, languages, catalog_text)
    again = read_xlsform(exported, languages, languages[0])
    outcome.round_trip_differs = bool(again.problems) or (
        parse_definition(again.data, languages).canonical_json() != definition.canonical_json()
    )
    outcome.export_converts = pyxform_accepts(exported)
    return outcome


def general(reason: str) -> str:
    """A reason without the names in it, so that like reasons are counted together."""
    return re.sub(r"“[^”]*”", "“…”", reason)


def report(outcomes: list[Outcome]) -> str:
    valid = [o for o in outcomes if o.pyxform_accepts]
    verdicts = Counter(o.verdict for o in valid)
    accepted = verdicts["as uploaded"] + verdicts["with warnings"]
    times = sorted(o.seconds for o in outcomes if o.seconds)
    lines = [
        f"workbooks: {len(outcomes)} ({len(valid)} accepted by pyxform)",
        f"of those pyxform accepts: accepted as uploaded {verdicts['as uploaded']}, "
        f"with warnings {verdicts['with warnings']}, refused {verdicts['refused']}, "
        f"crashes {verdicts['crash']}; accepted {accepted / max(len(valid), 1):.0%}",
        f"crashes over all workbooks: {sum(o.verdict == 'crash' for o in outcomes)}",
        f"round-trip differences: {sum(o.round_trip_differs for o in outcomes)}",
        f"exports pyxform refuses: {sum(not o.export_converts for o in outcomes)}",
    ]
    if times:
        lines.append(
            f"read time: median {times[len(times) // 2] * 1000:.1f} ms, "
            f"max {times[-1] * 1000:.1f} ms"
        )
    invalid = [o.name for o in outcomes if not o.pyxform_accepts]
    if invalid:
        lines.append(f"pyxform refuses: {', '.join(invalid)}")
    refused = [o for o in valid if o.verdict in {"refused", "crash"}]
    if refused:
        lines.append("refused (pyxform accepts):")
        lines += [f"  {o.name}: {'; '.join(o.reasons[:3])}" for o in refused]
    reasons = Counter(general(r) for o in valid if o.verdict == "with warnings" for r in o.reasons)
    if reasons:
        lines.append("warnings:")
        lines += [f"  {count} × {reason}" for reason, count in reasons.most_common()]
    return "\n".join(lines)


def run(directory: Path = CORPUS) -> list[Outcome]:
    return [judge(path) for path in sorted(directory.glob("*.xlsx"))]


def main(argv: list[str]) -> int:
    directory = Path(argv[0]) if argv else CORPUS
    outcomes = run(directory)
    print(report(outcomes))
    return 1 if any(o.verdict == "crash" for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
