"""Hotlines and services shown on every public page, per language.

The shipped list (``intake/data/resources.json``) names national US services; a CCR points
``INTAKE_RESOURCES_FILE`` at its own file of local services, in the same format.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

SHIPPED_RESOURCES = Path(__file__).resolve().parent / "data" / "resources.json"


class ResourcesError(ValueError):
    pass


@lru_cache(maxsize=4)
def load(path: Path = SHIPPED_RESOURCES) -> dict[str, list[dict[str, str]]]:
    """Read and check a resources file: every entry needs a name and a contact."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ResourcesError(f"cannot read resources file {path}: {exc}") from exc
    resources = {k: v for k, v in data.items() if not k.startswith("_")}
    for language, entries in resources.items():
        if not isinstance(entries, list) or not all(
            isinstance(e, dict) and e.get("name") and e.get("contact") for e in entries
        ):
            raise ResourcesError(f"resources for {language!r} need a name and a contact each")
    return resources


def for_language(
    language: str, fallback: str = "en", path: Path = SHIPPED_RESOURCES
) -> list[dict[str, str]]:
    resources = load(path)
    return resources.get(language) or resources.get(fallback, [])
