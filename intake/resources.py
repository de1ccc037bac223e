"""Hotlines and services shown on every public page, per language."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

RESOURCES_FILE = Path(__file__).resolve().parent / "data" / "resources.json"


@lru_cache(maxsize=1)
def _all() -> dict[str, list[dict[str, str]]]:
    data = json.loads(RESOURCES_FILE.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def for_language(language: str, fallback: str = "en") -> list[dict[str, str]]:
    resources = _all()
    return resources.get(language) or resources.get(fallback, [])


def languages_with_resources() -> set[str]:
    return set(_all())
