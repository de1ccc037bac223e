"""Key findings: what a coordinator most needs to hear, from published numbers only.

Built from a snapshot *after* suppression, never from the counts behind it: a finding may
only repeat a number the tables below it show. Hidden cells are never ranked (ranking them
would say which hidden number is larger). Each finding is a kind and its values; the
template turns it into a translated sentence, so a stored report reads in every language.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

TOTAL = "__total__"
TOP = 3


def _table(snapshot: Mapping[str, Any], key: str) -> Mapping[str, Any] | None:
    return next((t for t in snapshot["tables"] if t["key"] == key), None)


def _catch_all(label: Any) -> bool:
    """A combined row of whatever was left ("Any of: …", "Other points of intervention"):
    too vague to name as a finding, though its number stays in the table."""
    return isinstance(label, list) and bool(label) and label[0] == "any"


def _shown_rows(
    table: Mapping[str, Any], column: str, named_only: bool = False
) -> list[tuple[Any, int]]:
    """(label, published count) for rows other than the total, largest first, positive only;
    with ``named_only``, rows that are a point or a family, not a catch-all."""
    found = []
    for row, label in table["rows"]:
        if row == TOTAL or (named_only and _catch_all(label)):
            continue
        value = table["values"][row].get(column)
        if value:
            found.append((label, value))
    return sorted(found, key=lambda item: -item[1])[:TOP]


def findings(snapshot: Mapping[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    groups = _table(snapshot, "by_group")
    if groups is not None:
        total = groups["values"][TOTAL]["n"]
        months = _table(snapshot, "by_month")
        period = [r for r, _l in months["rows"] if r != TOTAL] if months else []
        found.append(
            {
                "kind": "responses",
                "total": total,
                "groups": _shown_rows(groups, "n"),
                "first": f"month:{period[0].split('+')[0].removeprefix('any:')}"
                if period
                else None,
                "last": f"month:{period[-1].split('+')[-1]}" if period else None,
            }
        )
    effects = _table(snapshot, "effects")
    if effects is not None:
        columns = {c for c, _l in effects["columns"]}
        for option, kind in (("made_less_safe", "less_safe"), ("made_safer", "safer")):
            if option in columns:  # not when combined with other answers
                rows = _shown_rows(effects, option, named_only=True)
                if rows:
                    found.append({"kind": kind, "items": rows})
    themes = _table(snapshot, "themes")
    if themes is not None:
        rows = _shown_rows(themes, themes["columns"][-1][0])
        found.append({"kind": "themes", "items": rows})
    else:
        found.append({"kind": "themes", "items": []})
    return found
