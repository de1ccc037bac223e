"""Questionnaire text for translators: export one language to a flat file, import it back.

    python -m intake.questionnaires.translate export so > so.json
    (translate the "so" values; keep the ids)
    python -m intake.questionnaires.translate import so so.json

The export lists every text of the three shipped questionnaires by a stable id
(``survivor:help_sought.label``) with the English source beside it. Import writes the
translations into the definitions in ``intake/questionnaires/data/`` and refuses a file with
missing, extra or empty entries. After importing into a questionnaire that is already in
use, raise its ``version`` (see docs/translating.md).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from .catalog import SHIPPED, SHIPPED_DIR
from .definition import load_definition_text

SOURCE_LANGUAGE = "en"


def _load(key: str) -> dict[str, Any]:
    return json.loads((SHIPPED_DIR / f"{key}.json").read_text(encoding="utf-8"))


def _text_objects(data: dict[str, Any]) -> dict[str, dict[str, str]]:
    """Map every text id to the very dict inside ``data`` that holds its languages."""
    found: dict[str, dict[str, str]] = {"title": data["title"], "description": data["description"]}
    for section in data["sections"]:
        for field in ("title", "intro", "content_warning"):
            if section.get(field):
                found[f"{section['key']}.{field}"] = section[field]
        for question in section["questions"]:
            for field in ("label", "help", "min_label", "max_label"):
                if question.get(field):
                    found[f"{question['key']}.{field}"] = question[field]
            for option in question.get("options", []):
                found[f"{question['key']}.options.{option['value']}"] = option["label"]
    return found


def export(language: str, keys: tuple[str, ...] = SHIPPED) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for key in keys:
        for text_id, text in _text_objects(_load(key)).items():
            out[f"{key}:{text_id}"] = {
                SOURCE_LANGUAGE: text[SOURCE_LANGUAGE],
                language: text.get(language, ""),
            }
    return out


class TranslationImportError(ValueError):
    pass


def import_language(
    language: str, entries: dict[str, Any], keys: tuple[str, ...] = SHIPPED, write: bool = True
) -> dict[str, dict[str, Any]]:
    """Write ``entries`` (id -> text, or id -> {language: text}) into the definitions."""
    updated: dict[str, dict[str, Any]] = {}
    expected: set[str] = set()
    for key in keys:
        data = _load(key)
        objects = _text_objects(data)
        expected |= {f"{key}:{text_id}" for text_id in objects}
        for text_id, holder in objects.items():
            raw = entries.get(f"{key}:{text_id}")
            value = raw.get(language) if isinstance(raw, dict) else raw
            if isinstance(value, str) and value.strip():
                holder[language] = value.strip()
        updated[key] = data
    problems = sorted(expected - set(entries)) + sorted(set(entries) - expected)
    empty = [
        text_id
        for text_id in expected & set(entries)
        if not (
            (
                entries[text_id].get(language)
                if isinstance(entries[text_id], dict)
                else entries[text_id]
            )
            or ""
        ).strip()
    ]
    if problems or empty:
        raise TranslationImportError(
            f"{len(problems)} ids missing or unknown (e.g. {problems[:3]}), "
            f"{len(empty)} empty (e.g. {sorted(empty)[:3]})"
        )
    for key, data in updated.items():
        load_definition_text(json.dumps(data))  # still a valid definition
        if write:
            (SHIPPED_DIR / f"{key}.json").write_text(
                json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
    return updated


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "export":
        json.dump(export(argv[1]), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    if len(argv) == 3 and argv[0] == "import":
        entries = json.loads(Path(argv[2]).read_text(encoding="utf-8"))
        try:
            import_language(argv[1], entries)
        except TranslationImportError as exc:
            sys.stderr.write(f"Nothing was changed: {exc}\n")
            return 1
        sys.stderr.write(f"Imported {argv[1]} into {', '.join(SHIPPED)}.\n")
        return 0
    sys.stderr.write(__doc__ or "")
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
