"""Shared checks for the redaction tests: every part of a name gone, every theme word kept."""

from __future__ import annotations

import re


def tokens(text: str) -> set[str]:
    """The words of ``text`` in lower case (a part is left only if it stands as a word)."""
    return {t.lower() for t in re.findall(r"[\w'’.-]+", text)}


def assert_redacted(out: str, parts: list[str], themes: list[str]) -> None:
    """No part of the name is left as a word of ``out``, and every theme word is in it."""
    left = tokens(out)
    for part in parts:
        assert part.lower() not in left, (part, out)
    for theme in themes:
        assert theme in out, (theme, out)
