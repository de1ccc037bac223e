"""Combining before hiding: turn counts too small to publish into larger ones that can be.

A report of a first listening round (20 to 50 people) would hide most of its numbers if every
answer option, respondent group and point of intervention kept its own cell. Before
suppression (``disclosure``) runs, the report therefore:

- merges answer options that fewer than k people chose into one "any of these" count
  (neighbouring values together for scales and number bands: "1 to 2");
- merges respondent groups into "all respondents" when a group's numbers would be hidden;
- groups points of intervention into families (emergency and police; courts; probation and
  programs; services) when one point's numbers would be hidden;
- merges themes that fewer than k people share by family, then into "other themes".

A combined count is an exact count of people (or contacts, for the safety table), never an
estimate, and it goes through the same suppression as every other number. Parts of a
combined count are never published anywhere else in the report: the combining decision for
a question is made once and applied to every table that shows that question.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

# Points of intervention grouped the way a CCR team usually talks about them. A point not
# listed (a questionnaire's own) belongs to "other points of intervention".
FAMILIES: dict[str, tuple[str, ...]] = {
    "emergency_police": ("dispatch_911", "police", "arrest", "jail_pretrial"),
    "courts": (
        "prosecution",
        "protection_order",
        "civil_court_custody",
        "criminal_court",
        "sentencing",
    ),
    "probation_programs": ("probation_programs",),
    "services": (
        "child_protection",
        "immigration",
        "health_care",
        "schools",
        "housing",
        "faith_community",
    ),
}
OTHER_FAMILY = "other"

Part = list[str]


def family_of(point: str | None) -> str:
    for family, members in FAMILIES.items():
        if point in members:
            return family
    return OTHER_FAMILY


def part_key(part: Sequence[str]) -> str:
    """The key of a (possibly combined) cell: the option itself, or "any:a+b"."""
    return part[0] if len(part) == 1 else "any:" + "+".join(part)


def part_label(
    part: Sequence[str],
    label_of: Callable[[str], Any],
    ordered: bool = False,
    family: Callable[[str], str] | None = None,
    other: str = "other.answers",
) -> Any:
    """A label for a combined cell that names what it holds (translated when shown), with
    a short name for table headings last: ["any", [labels], short] or ["family", family,
    [labels]] (the family is its short name)."""
    if len(part) == 1:
        return label_of(part[0])
    if ordered:
        return ["range", label_of(part[0]), label_of(part[-1])]
    families = {family(p) for p in part} if family else set()
    if len(families) == 1 and OTHER_FAMILY not in families:
        return ["family", f"family.{families.pop()}", [label_of(p) for p in part]]
    return ["any", [label_of(p) for p in part], other]


def sparse(value: int, k: int) -> bool:
    """A count suppression would hide: 1 to k-1 (zero is shown)."""
    return 0 < value < k


def partition(
    items: Sequence[str],
    k: int,
    value_of: Callable[[Sequence[str]], int],
    ordered: bool = False,
    keep: frozenset[str] = frozenset(),
    family: Callable[[str], str] | None = None,
) -> list[Part]:
    """Split ``items`` into parts whose counts (``value_of``) are 0 or at least k.

    Ordered items (scale points, number bands, months) merge with their neighbours.
    Unordered items: sparse ones first merge within their ``family`` (when given), then all
    that are left go into a single "any of these", which takes the smallest other items
    until it reaches k. ``keep`` items are never merged (they are linked to a cell of
    another table that must keep its own meaning).
    """
    if ordered:
        return _runs(items, k, value_of, keep)
    thin = [i for i in items if i not in keep and sparse(value_of([i]), k)]
    if not thin or (len(thin) == 1 and len(items) == 1):
        return [[i] for i in items]
    parts: list[Part] = [[i] for i in items if i not in thin]
    if family is not None:
        by_family: dict[str, Part] = {}
        for i in thin:
            by_family.setdefault(family(i), []).append(i)
        thin = []
        for members in by_family.values():
            if len(members) > 1 and not sparse(value_of(members), k):
                parts.append(members)
            else:
                thin += members
    if thin:
        others = sorted(
            (p for p in parts if not set(p) & keep and value_of(p) > 0),
            key=lambda p: (value_of(p), items.index(p[0])),
        )
        while sparse(value_of(thin), k) and others:
            taken = others.pop(0)
            parts.remove(taken)
            thin = thin + taken
        parts.append(sorted(thin, key=items.index))
    return [p for p in sorted(parts, key=lambda p: (len(p) > 1, items.index(p[0])))]


def _runs(
    items: Sequence[str], k: int, value_of: Callable[[Sequence[str]], int], keep: frozenset[str]
) -> list[Part]:
    parts: list[Part] = []
    run: Part = []
    for item in items:
        if item in keep:
            if run:
                parts.append(run)
                run = []
            parts.append([item])
            continue
        run.append(item)
        if not sparse(value_of(run), k):
            parts.append(run)
            run = []
    if run:
        parts.append(run)
    # A sparse run left at the end joins the run before it (if that run can take it).
    if len(parts) > 1 and sparse(value_of(parts[-1]), k) and parts[-2][0] not in keep:
        last = parts.pop()
        parts[-1] = parts[-1] + last
    return parts
