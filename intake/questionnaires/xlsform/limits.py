"""Limits read from XLSForm constraints: ``. >= 0 and . <= 120`` on whole numbers, and on
decimals, where a strict limit stays strict."""

from __future__ import annotations

import re
from typing import Any

from ..types import plain_number
from .vocabulary import NUMBER_LIMIT

DECIMAL_LIMIT = re.compile(r"\.\s*(?P<op>>=|<=|>|<)\s*(?P<number>-?\d{1,9}(?:\.\d{1,6})?)")


def decimal_bounds(raw: str) -> dict[str, Any] | None:
    """``. > 0 and . <= 2.5`` → ``{"min": 0, "min_exclusive": True, "max": 2.5}``; None when
    the constraint is anything else. Strict limits stay strict: 0.5 is more than 0."""
    limits: dict[str, Any] = {}
    for part in re.split(r"\s+and\s+", raw.strip()):
        match = DECIMAL_LIMIT.fullmatch(part.strip())
        if match is None:
            return None
        operator, number = match.group("op"), plain_number(float(match.group("number")))
        side = "min" if operator.startswith(">") else "max"
        limits[side] = number
        if len(operator) == 1:
            limits[f"{side}_exclusive"] = True
        else:
            limits.pop(f"{side}_exclusive", None)
    if "min" not in limits:
        limits["min"] = min(0, limits["max"] - 1)
    if "max" not in limits:
        limits["max"] = max(1000, limits["min"] + 1)
    return limits


def number_bounds(raw: str) -> tuple[int | None, int | None] | None:
    """``. >= 0``, ``. <= 120``, ``. > 0 and . < 100`` (either order) → (low, high), a side
    None when not limited; None when the constraint is anything else."""
    low: int | None = None
    high: int | None = None
    for part in re.split(r"\s+and\s+", raw.strip()):
        match = NUMBER_LIMIT.fullmatch(part.strip())
        if match is None:
            return None
        operator, number = match.group("op"), int(match.group("number"))
        if operator == ">=":
            low = number if low is None else max(low, number)
        elif operator == ">":
            low = number + 1 if low is None else max(low, number + 1)
        elif operator == "<=":
            high = number if high is None else min(high, number)
        else:
            high = number - 1 if high is None else min(high, number - 1)
    return low, high
