"""The report: every table of the analysis, disclosure-controlled together, as plain data.

``build`` turns an unlocked ``ThemeState`` into a snapshot (a JSON-able dict) that the
dashboard renders live and that ``publish`` stores for viewers. Every number in it has been
through ``disclosure.protect_report`` with all the other tables, including the splits by
point of intervention that only the dashboard shows — so the screen, the printed report and
the CSV hide the same cells, and no combination of them recovers a hidden one.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from flask_babel import gettext
from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import clock, crypto, keyring
from ..models import PROVENANCES, ThemeReport
from ..questionnaires.types import localise
from ..redaction import quote_text
from . import combining, labels
from .aggregate import (
    CONTACT_QUESTION,
    EFFECT_SUFFIX,
    FAMILY_PREFIX,
    GROUPS,
    Aggregate,
    Label,
    family_key,
)
from .annotations import excerpt_key
from .codebook import Codebook
from .coding import Matcher
from .combining import part_key, part_label, sparse
from .disclosure import TOTAL, Margins, Table, protect_report
from .findings import findings
from .state import ThemeState, collecting_later

QUOTES_PER_THEME = 5
# Answers about a point's effect on safety that are never combined with another answer.
EFFECT_KEPT_APART = frozenset({"made_safer", "made_less_safe"})
SNAPSHOT_FORMAT = 1
ORDERED_TYPES = ("scale", "number", "decimal")
# Which protection pass a section's tables belong to: the overview first (its totals are the
# ones everyone reads), then the report's tables, then the dashboard-only splits. Numbers a
# pass shows are public to the passes after it (see disclosure.protect_report).
PASSES = {"overview": 0}
SPLIT_PASS, REPORT_PASS = 2, 1


class _Builder:
    def __init__(self, k: int) -> None:
        self.k = k
        self.tables: list[tuple[Table, dict[str, Any]]] = []
        # Splits by point of intervention left out because they would be mostly hidden.
        self.dropped: list[dict[str, Any]] = []
        self.points: list[tuple[str, Any]] = []  # what the splits are by, in order

    def add(
        self,
        table: Table,
        title: Label,
        row_labels: Mapping[str, Any],
        col_labels: Mapping[str, Any],
        section: str,
        chart: str = "",
        combined: Sequence[str] = (),
        **extra: Any,
    ) -> Table:
        meta = {
            "title": title,
            "section": section,
            "row_labels": dict(row_labels),
            "col_labels": dict(col_labels),
            "chart": chart,
            # Row and column keys that are combinations of several (see combining).
            "combined": sorted(combined),
            **extra,
        }
        self.tables.append((table, meta))
        return table


def _pass_of(meta: Mapping[str, Any]) -> int:
    section = meta["section"]
    if section.startswith("split:"):
        return SPLIT_PASS
    return PASSES.get(section, REPORT_PASS)


def _one_way(
    b: _Builder,
    key: str,
    title: str,
    counts: Counter[str],
    order: Sequence[str],
    label_of: Any,
    identity_of: Any,
    ordered: bool = False,
    keep: frozenset[str] = frozenset(),
    other: str = "other.answers",
) -> None:
    def value(part: Sequence[str]) -> int:
        return sum(counts.get(r, 0) for r in part)

    parts = combining.partition(list(order), b.k, value, ordered, keep)
    rows = [part_key(p) for p in parts]
    table = Table(key, rows, ["n"], {(part_key(p), "n"): value(p) for p in parts}, Margins.COLUMNS)
    table.identities = {
        (part_key(p), "n"): identity_of(p[0]) if len(p) == 1 else ("responses", key, part_key(p))
        for p in parts
    }
    table.identities[(TOTAL, "n")] = ("responses", "*")
    b.add(
        table,
        title,
        {part_key(p): part_label(p, label_of, ordered, other=other) for p in parts},
        {"n": "count"},
        "overview",
        chart="rows",
        combined=[part_key(p) for p in parts if len(p) > 1],
        counts_people=True,
    )


def _question_parts(
    agg: Aggregate, key: str, info: Any, groups: Sequence[str], k: int
) -> list[list[str]]:
    """How a question's options are combined, decided once for every table showing it."""
    options = [value for value, _label in info.options]

    def value(part: Sequence[str]) -> int:
        return _people(agg, key, groups, part)

    family = combining.family_of if info.source_key == CONTACT_QUESTION else None
    # "None of these" never joins a real answer: "any of: police, none" would say nothing.
    keep = frozenset({"none"})
    return combining.partition(
        options, k, value, info.type_name in ORDERED_TYPES, keep=keep, family=family
    )


def _people(agg: Aggregate, key: str, among: Sequence[str], part: Sequence[str]) -> int:
    """People in groups ``among`` who gave any answer in ``part``."""
    if agg.questions[key].multiple and len(part) > 1:
        return agg.chose_any(key, part, among)  # a person who chose two is one person
    counts = agg.answers.get(key, Counter())
    return sum(counts.get((g, o), 0) for g in among for o in part)


def _question_tables(b: _Builder, agg: Aggregate, skip: set[str]) -> dict[str, list[list[str]]]:
    """One table per closed question; returns each question's combined options."""
    plans: dict[str, list[list[str]]] = {}
    k = b.k
    for key, info in agg.questions.items():
        if key in skip:
            continue
        answered = agg.answered.get(key, Counter())
        groups = [g for g in GROUPS if answered.get(g)]
        if not groups:
            continue
        parts = plans[key] = _question_parts(agg, key, info, groups, k)
        cols = [part_key(p) for p in parts]

        def cell(among: Sequence[str], part: Sequence[str], key: str = key) -> int:
            return _people(agg, key, among, part)

        rows: list[str] = list(groups)
        if len(groups) > 1 and any(
            sparse(answered[g], k) or any(sparse(cell([g], p), k) for p in parts) for g in groups
        ):
            rows = ["all"]  # a group's numbers would be hidden: all respondents together
        members = {r: (groups if r == "all" else [r]) for r in rows}
        who = {r: ("*" if r == "all" else r) for r in rows}
        cells = {(r, part_key(p)): cell(members[r], p) for r in rows for p in parts}
        option_label = dict(info.options).get
        ordered = info.type_name in ORDERED_TYPES
        family = combining.family_of if info.source_key == CONTACT_QUESTION else None
        col_labels: dict[str, Any] = {
            part_key(p): part_label(
                p, option_label, ordered, family, "family.rest" if family else "other.answers"
            )
            for p in parts
        }
        if info.multiple:
            # People choose several options: only the columns add up (over groups); the
            # number of people who answered is a column of its own.
            cells.update({(r, "respondents"): sum(answered[g] for g in members[r]) for r in rows})
            table = Table(f"q:{key}", rows, [*cols, "respondents"], cells, Margins.COLUMNS)
            col_labels["respondents"] = "respondents"
            table.identities = {(r, "respondents"): ("answered", key, who[r]) for r in rows}
            table.identities[(TOTAL, "respondents")] = ("answered", key, "*")
        else:
            table = Table(f"q:{key}", rows, cols, cells, Margins.BOTH)
            table.identities = {(r, TOTAL): ("answered", key, who[r]) for r in rows}
            table.identities[(TOTAL, TOTAL)] = ("answered", key, "*")
        table.identities.update({(r, c): ("answer", key, c, who[r]) for r in rows for c in cols})
        table.identities.update({(TOTAL, c): ("answer", key, c, "*") for c in cols})
        combined = [part_key(p) for p in parts if len(p) > 1]
        if rows == ["all"]:
            combined.append("all")
        b.add(
            table,
            info.label,
            {**{g: f"group.{g}" for g in groups}, "all": "group.all"},
            col_labels,
            "questions",
            chart="columns",
            combined=combined,
            question=key,
            multiple=info.multiple,
            counts_people=True,
        )
    return plans


def _effect_table(b: _Builder, agg: Aggregate) -> set[str]:
    """Safety by point of intervention, in one table; returns the questions it shows.

    It counts *contacts*: a person who met three points of intervention answers three times.
    Points whose numbers would be hidden are shown as their family.
    """
    points = [p for p in agg.contact_points if f"{p}{EFFECT_SUFFIX}" in agg.questions]
    if not points:
        return set()
    first = agg.questions[f"{points[0]}{EFFECT_SUFFIX}"]
    options = [value for value, _label in first.options]
    points = [
        p
        for p in points
        if [v for v, _l in agg.questions[f"{p}{EFFECT_SUFFIX}"].options] == options
    ]
    k = b.k
    per_point = {p: agg.answers.get(f"{p}{EFFECT_SUFFIX}", Counter()) for p in points}

    def value(among: Sequence[str], part: Sequence[str]) -> int:
        wanted = set(part)
        return sum(n for p in among for (_g, v), n in per_point[p].items() if v in wanted)

    # "Made safer" and "made less safe" are what the question is for: merged with each
    # other (or with "no difference") the column would say nothing, so they keep their own
    # columns, shown or hidden; only the remaining answers are combined.
    opposites = frozenset(options) & EFFECT_KEPT_APART
    parts = combining.partition(options, k, lambda part: value(points, part), keep=opposites)
    cols = [part_key(p) for p in parts]

    def row_value(among: Sequence[str]) -> int:
        # A row is as thin as its smallest hidden-to-be cell; otherwise its total.
        values = [value(among, part) for part in parts]
        small = [v for v in values if sparse(v, k)]
        return min(small) if small else sum(values)

    rows = [
        (part_key(m), m)
        for m in combining.partition(points, k, row_value, family=combining.family_of)
    ]
    cells = {(r, part_key(p)): value(members, p) for r, members in rows for p in parts}
    table = Table("effects", [r for r, _m in rows], cols, cells, Margins.BOTH)
    for r, members in rows:
        if len(members) == 1:
            question = f"{members[0]}{EFFECT_SUFFIX}"
            table.identities.update({(r, c): ("answer", question, c, "*") for c in cols})
            table.identities[(r, TOTAL)] = ("answered", question, "*")
    labels_of = dict(first.options).get
    row_labels = {
        r: combining.part_label(
            m, agg.contact_points.get, family=combining.family_of, other="family.rest"
        )
        for r, m in rows
    }
    b.add(
        table,
        "table.effects",
        row_labels,
        {part_key(p): part_label(p, labels_of, False) for p in parts},
        "interventions",
        chart="stacked",
        combined=[r for r, m in rows if len(m) > 1] + [part_key(p) for p in parts if len(p) > 1],
        counts_people=False,
    )
    return {f"{p}{EFFECT_SUFFIX}" for p in points}


def _split_questions(
    agg: Aggregate, plans: Mapping[str, list[list[str]]]
) -> list[tuple[str, Any, list[list[str]]]]:
    """The questions split by point of intervention, each with its (combined) options."""
    out = []
    for key, info in agg.questions.items():
        if key in agg.unsplittable or info.source_key == CONTACT_QUESTION:
            continue
        if info.source_key.endswith(EFFECT_SUFFIX) or key not in plans:
            continue  # asked only of people who had that contact: already by point
        parts = plans[key]
        if info.multiple:
            # "Any of these" needs people, which splits do not count: combined options
            # are left out here (each is below k on its own anyway).
            parts = [p for p in parts if len(p) == 1]
        if parts:
            out.append((key, info, parts))
    return out


def _split_cells(
    agg: Aggregate, point: str, key: str, parts: Sequence[Sequence[str]]
) -> dict[tuple[str, str], int]:
    cells = {}
    for part in parts:
        c = part_key(part)
        cells[("yes", c)] = cells[("no", c)] = cells[("unsaid", c)] = 0
        for o in part:
            had, did_not, unsaid = agg.split(point, key, o)
            cells[("yes", c)] += had
            cells[("no", c)] += did_not
            cells[("unsaid", c)] += unsaid
    return cells


def _split_points(
    agg: Aggregate, questions: Sequence[tuple[str, Any, list[list[str]]]], k: int
) -> list[tuple[str, Any]]:
    """What the splits are by: each point of intervention, or a whole family of points
    (people who met any of them) where most of its points' own splits would be left out
    as mostly hidden. A family split as one replaces all its points: a point shown beside
    its own family would let a reader subtract one from the other and count the few who
    met only the rest of the family."""
    members: dict[str, list[str]] = {}
    for point in agg.contact_points:
        members.setdefault(family_key(point), []).append(point)

    def mostly_left_out(points: Sequence[str]) -> bool:
        left_out = kept = 0
        for point in points:
            for key, _info, parts in questions:
                cells = _split_cells(agg, point, key, parts)
                yes = [cells[("yes", part_key(p))] for p in parts]
                if any(yes):
                    left_out += mostly_hidden(yes, k)
                    kept += not mostly_hidden(yes, k)
        return left_out > kept

    out: list[tuple[str, Any]] = []
    done: set[str] = set()
    for point, point_label in agg.contact_points.items():
        family = family_key(point)
        if family in done:
            continue
        together = members[family]
        if len(together) > 1 and mostly_left_out(together):
            done.add(family)
            name = family.removeprefix(FAMILY_PREFIX)
            labels = [agg.contact_points[m] for m in together]
            if name == combining.OTHER_FAMILY:
                out.append((family, ["any", labels, "family.other"]))
            else:
                out.append((family, ["family", f"family.{name}", labels]))
        else:
            out.append((point, point_label))
    return out


def _split_tables(b: _Builder, agg: Aggregate, plans: Mapping[str, list[list[str]]]) -> None:
    questions = _split_questions(agg, plans)
    b.points = _split_points(agg, questions, b.k)
    for point, point_label in b.points:
        for key, info, parts in questions:
            cells = _split_cells(agg, point, key, parts)
            cols = [part_key(p) for p in parts]
            if mostly_hidden([cells[("yes", c)] for c in cols], b.k):
                # Too few of the people who had this contact chose each answer: the split
                # would say "hidden" more than anything else. Left out; the page names it
                # and shows the question's total instead (see answer_tables).
                b.dropped.append(
                    {
                        "point": point,
                        "point_label": point_label,
                        "question": key,
                        "title": info.label,
                    }
                )
                continue
            rows = ["yes", "no", "unsaid"]
            if any(sparse(cells[("unsaid", c)], b.k) for c in cols):
                # Few people skipped the contact question: they join "no contact" rather
                # than hide the row (the same people in every point's split).
                rows = ["yes", "no_or_unsaid"]
                for c in cols:
                    cells[("no_or_unsaid", c)] = cells.pop(("no", c)) + cells.pop(("unsaid", c))
            margins = Margins.COLUMNS if info.multiple else Margins.BOTH
            table = Table(f"split:{point}:{key}", rows, cols, cells, margins)
            table.identities = {(TOTAL, c): ("answer", key, c, "*") for c in cols}
            if "unsaid" in rows:
                # The same counts in every point's split: hidden in one, hidden in all. So
                # they are the last cells to hide for another's sake (a "had contact" cell
                # takes its partner from its own point's "no contact" row instead).
                unsaid = [("unsaid", c) for c in [*cols, TOTAL] if (("unsaid", c)) in table.counts]
                table.identities.update({cell: ("unsaid", key, cell[1]) for cell in unsaid})
                table.public.update(unsaid)
            if not info.multiple:
                table.identities[(TOTAL, TOTAL)] = ("answered", key, "*")
            option_label = dict(info.options).get
            ordered = info.type_name in ORDERED_TYPES
            b.add(
                table,
                info.label,
                {
                    "yes": "contact.yes",
                    "no": "contact.no",
                    "unsaid": "contact.unsaid",
                    "no_or_unsaid": "contact.no_or_unsaid",
                },
                {part_key(p): part_label(p, option_label, ordered) for p in parts},
                f"split:{point}",
                combined=[part_key(p) for p in parts if len(p) > 1]
                + (["no_or_unsaid"] if "no_or_unsaid" in rows else []),
                point=point,
                point_label=point_label,
                question_key=key,
                counts_people=True,
            )


def mostly_hidden(counts: Sequence[int], k: int) -> bool:
    """Would more than half of these counts (the positive ones) be hidden as fewer than k?"""
    positive = [n for n in counts if n > 0]
    return sum(1 for n in positive if n < k) * 2 > len(positive)


def theme_people(
    state: ThemeState, codebook: Codebook, matcher: Matcher
) -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]], dict[str, list[tuple[int, str]]]]:
    """Per code: people with it confirmed (person -> group), people with it only suggested
    (person -> ""), and approved quotes as (text index, excerpt key)."""
    index = state.themes(codebook, matcher)
    active = {c.key for c in codebook.codes()}
    confirmed = {code: dict(who) for code, who in index.confirmed.items() if code in active and who}
    suggested = {
        code: dict.fromkeys(ids, "")
        for code, ids in index.pending.items()
        if code in active and ids
    }
    quotes = {code: sorted(found) for code, found in index.quotes.items() if found}
    return confirmed, suggested, quotes


def _theme_rows(
    people: Mapping[str, Mapping[str, str]], codebook: Codebook, k: int
) -> list[tuple[str, list[str], dict[str, str]]]:
    """Rows of a theme table as (key, codes, person -> group). A theme fewer than k people
    share joins the other small themes of its family (people counted once), then, if still
    too few, all remaining small themes together."""
    codes = {c.key: c for c in codebook.codes()}
    # Codebook order here: ordering by the true counts would rank hidden rows by their
    # values. ``_order_by_published`` sorts by what is shown, after suppression.
    order = {key: i for i, key in enumerate(codes)}
    keys = sorted((c for c in people if c in codes), key=lambda c: order[c])

    def union(members: Sequence[str]) -> dict[str, str]:
        who: dict[str, str] = {}
        for m in members:
            who.update(people[m])
        return who

    def family(code: str) -> str:
        return combining.family_of(codes[code].intervention)

    parts = combining.partition(keys, k, lambda m: len(union(m)), family=family)
    return [(part_key(m), m, union(m)) for m in parts]


def _theme_label(members: Sequence[str], codebook: Codebook, languages: Sequence[str]) -> Any:
    if len(members) == 1:
        code = codebook.code(members[0])
        return code.labels(languages) if code else members[0]
    families = {combining.family_of(c.intervention) for m in members if (c := codebook.code(m))}
    if len(families) == 1 and combining.OTHER_FAMILY not in families:
        return ["themes-of", f"family.{families.pop()}"]
    return "themes.rest"


def _theme_tables(
    b: _Builder,
    confirmed: Mapping[str, Mapping[str, str]],
    suggested: Mapping[str, Mapping[str, str]],
    codebook: Codebook,
    languages: Sequence[str],
) -> None:
    k = b.k
    rows = _theme_rows(confirmed, codebook, k)
    by_row = {key: Counter(who.values()) for key, _m, who in rows}
    groups = [g for g in GROUPS if any(c.get(g) for c in by_row.values())]
    if rows and groups:
        combined = [key for key, members, _w in rows if len(members) > 1]
        if len(groups) > 1 and any(sparse(c.get(g, 0), k) for c in by_row.values() for g in groups):
            columns = ["all"]
            values = {(key, "all"): sum(c.values()) for key, c in by_row.items()}
            combined.append("all")
        else:
            columns = groups
            values = {(key, g): c.get(g, 0) for key, c in by_row.items() for g in groups}
        table = Table("themes", [key for key, _m, _w in rows], columns, values, Margins.ROWS)
        table.identities = {(key, TOTAL): ("theme", *members) for key, members, _w in rows}
        b.add(
            table,
            "table.themes",
            {key: _theme_label(m, codebook, languages) for key, m, _w in rows},
            {**{g: f"group.{g}" for g in groups}, "all": "group.all"},
            "themes",
            chart="row-totals",
            combined=combined,
            counts_people=True,
        )
    _suggested_table(b, suggested, codebook, languages)


def _suggested_table(
    b: _Builder,
    suggested: Mapping[str, Mapping[str, str]],
    codebook: Codebook,
    languages: Sequence[str],
) -> None:
    """Codes suggested and not yet reviewed, by the point of intervention they are about:
    dozens of unreviewed machine suggestions would bury the report, while "people wrote
    about the police" is worth knowing before anyone has reviewed a word."""
    if not suggested:
        return
    codes = {c.key: c for c in codebook.codes()}
    people: dict[str, dict[str, str]] = {}
    for code, who in suggested.items():
        point = codes[code].intervention if code in codes else None
        people.setdefault(point or "", {}).update(who)
    order = [*codebook.interventions, ""]
    keys = [p for p in order if p in people]

    def value(part: Sequence[str]) -> int:
        return len({rid for p in part for rid in people[p]})

    parts = combining.partition(keys, b.k, value, family=combining.family_of)

    def label_of(point: str) -> Any:
        part = codebook.interventions.get(point)
        return {lang: localise(part.label, lang) for lang in languages} if part else "themes.rest"

    table = Table(
        "themes_suggested",
        [part_key(p) for p in parts],
        ["suggested"],
        {(part_key(p), "suggested"): value(p) for p in parts},
        Margins.NONE,
    )
    b.add(
        table,
        "table.themes_suggested_points",
        {
            part_key(p): part_label(p, label_of, family=combining.family_of, other="family.rest")
            for p in parts
        },
        {"suggested": "themes.suggested"},
        "themes",
        chart="rows",
        combined=[part_key(p) for p in parts if len(p) > 1],
        counts_people=True,
    )


@dataclass(frozen=True)
class AnswerTables:
    """The protected answer tables, serialised, and the splits left out (``dropped_splits``)."""

    tables: tuple[dict[str, Any], ...]
    dropped: tuple[dict[str, Any], ...]
    points: tuple[tuple[str, Any], ...]  # the points of intervention split by, in order


def answer_tables(state: ThemeState, k: int, languages: Sequence[str]) -> AnswerTables:
    """Every table of the answers themselves (all but the theme tables), protected and
    serialised, in the order the report lists them.

    Only the responses decide these tables; a coding decision cannot change them. No
    identity links them to the theme tables, so protecting the two apart gives exactly the
    cells that protecting them together gives (``disclosure.protect_report`` protects each
    linked group on its own): ``snapshots`` keeps these per set of responses, and a coding
    decision re-protects only the theme tables. Shared by snapshots: never change them.
    """
    with state.lock, collecting_later():
        b = _answer_builder(state.aggregate, k, languages)
        _protect_in_passes(b.tables, k)
        tables = leave_out_hidden_splits([_serialise(t, meta) for t, meta in b.tables], b.dropped)
        return AnswerTables(
            tuple(tables), tuple(dropped_splits(tables, b.dropped)), tuple(b.points)
        )


def leave_out_hidden_splits(
    tables: list[dict[str, Any]], dropped: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """``tables`` without the splits whose "had contact" row protection left mostly hidden
    (other tables' small cells can hide a split's cells that are not small themselves);
    each joins ``dropped``. Leaving a protected table out publishes less, never more: what
    stays shown was checked against every table, this one included."""
    kept = []
    for table in tables:
        if table["section"].startswith("split:"):
            options = [c for c, _label in table["columns"] if c != TOTAL]
            had = table["values"]["yes"]
            if sum(1 for c in options if had[c] is None) * 2 > len(options):
                dropped.append(
                    {
                        "point": table["point"],
                        "point_label": table["point_label"],
                        "question": table["question_key"],
                        "title": table["title"],
                    }
                )
                continue
        kept.append(table)
    return kept


def dropped_splits(
    answers: Sequence[dict[str, Any]], dropped: Sequence[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Each left-out split with the total a reader can see instead: how many people answered
    the question, as its own table shows it (None when that table hides it)."""
    totals: dict[str, int | None] = {}
    for table in answers:
        if table["key"].startswith("q:"):
            column = "respondents" if table.get("multiple") else TOTAL
            totals[table["key"][2:]] = table["values"][TOTAL][column]
    return [dict(entry, answered=totals.get(entry["question"])) for entry in dropped]


def _answer_builder(agg: Aggregate, k: int, languages: Sequence[str]) -> _Builder:
    """The answer tables, counted and combined, not yet protected."""
    b = _Builder(k)
    group_id = {g: ("responses", "group", g) for g in GROUPS}
    _one_way(
        b,
        "by_group",
        "table.by_group",
        agg.by_group,
        GROUPS,
        lambda g: f"group.{g}",
        lambda g: group_id[g],
        keep=frozenset({"listening_session"}),  # linked to "by provenance"
        other="group.together",
    )
    # A listening-session record is the same count whichever way it is listed.
    _one_way(
        b,
        "by_provenance",
        "table.by_provenance",
        agg.by_provenance,
        PROVENANCES,
        lambda p: f"provenance.{p}",
        lambda p: (
            group_id["listening_session"]
            if p == "listening_session"
            else ("responses", "provenance", p)
        ),
        keep=frozenset({"listening_session"}),  # linked to "by group"
        other="provenance.together",
    )
    language_order = [lang for lang in languages if lang in agg.by_language] + sorted(
        set(agg.by_language) - set(languages)
    )
    _one_way(
        b,
        "by_language",
        "table.by_language",
        agg.by_language,
        language_order,
        lambda lang: f"language:{lang}",
        lambda lang: ("responses", "language", lang),
        other="language.other",
    )
    _one_way(
        b,
        "by_month",
        "table.by_month",
        agg.by_month,
        agg.months,
        lambda m: f"month:{m}",
        lambda m: ("responses", "month", m),
        ordered=True,
    )
    in_effects = _effect_table(b, agg)
    plans = _question_tables(b, agg, in_effects)
    _split_tables(b, agg, plans)
    return b


def _theme_builder(
    confirmed: Mapping[str, Mapping[str, str]],
    suggested: Mapping[str, Mapping[str, str]],
    codebook: Codebook,
    k: int,
    languages: Sequence[str],
) -> _Builder:
    """The theme tables, counted and combined, not yet protected."""
    b = _Builder(k)
    _theme_tables(b, confirmed, suggested, codebook, languages)
    return b


def build(
    state: ThemeState,
    codebook: Codebook,
    matcher: Matcher,
    k: int,
    languages: Sequence[str],
    title: str = "",
    answers: AnswerTables | None = None,
) -> dict[str, Any]:
    """A disclosure-controlled snapshot of the whole analysis.

    ``answers``: the result of ``answer_tables`` for this state, threshold and languages,
    when the caller kept it (worked out here otherwise).
    """
    with state.lock, collecting_later():
        agg = state.aggregate
        if answers is None:
            answers = answer_tables(state, k, languages)
        confirmed, suggested, approved = theme_people(state, codebook, matcher)
        b = _theme_builder(confirmed, suggested, codebook, k, languages)
        _protect_in_passes(b.tables, k)
        for table, _meta in b.tables:
            if table.key in ("themes", "themes_suggested"):
                _order_by_published(table)

        themes = []
        for code_key, who in sorted(
            confirmed.items(), key=lambda kv: [c.key for c in codebook.codes()].index(kv[0])
        ):
            code = codebook.code(code_key)
            if code is None:
                continue
            respondents = len(who)
            quotes: list[str] = []
            # A quote only for a theme at least k people share: fewer could be recognised.
            if respondents >= k:
                for index, ekey in approved.get(code_key, [])[:QUOTES_PER_THEME]:
                    answer = agg.texts[index]
                    excerpt = next(
                        e
                        for e in state.excerpts(codebook, matcher)[index]
                        if excerpt_key(answer.question_key, e.index) == ekey
                    )
                    hidden = state.annotation(answer.response_id).hidden.get(ekey, [])
                    quotes.append(
                        quote_text(
                            answer.text[excerpt.start : excerpt.end], answer.language, hidden
                        )
                    )
            themes.append({"code": code_key, "label": code.labels(languages), "quotes": quotes})

        snapshot = {
            "format": SNAPSHOT_FORMAT,
            "title": title,
            "threshold": k,
            "generated_on": clock.today().isoformat(),
            "codebook_version": codebook.version,
            "tables": [*answers.tables, *(_serialise(t, meta) for t, meta in b.tables)],
            # Splits by point of intervention left out as mostly hidden (dashboard only).
            "dropped_splits": list(answers.dropped),
            "split_points": [list(p) for p in answers.points],
            "themes": themes,
            "unreadable": len(state.unreadable),
            # Kept so the next report can check it is not a few responses apart from this
            # one (see too_close_to_last). The same total is published in "by group".
            "responses": agg.total,
        }
        snapshot["findings"] = findings(snapshot)  # from the published numbers above only
        return snapshot


def _protect_in_passes(tables: Sequence[tuple[Table, Mapping[str, Any]]], k: int) -> None:
    """Suppress pass by pass (overview, report, splits), each pass over every table so far.

    What an earlier pass shows is public to the later ones: a split on the dashboard hides
    its own cells rather than a total the overview already shows. The last pass checks the
    whole report together, so linked tables still cannot be combined to recover a cell.
    """
    public: set[Any] = set()
    for level in (0, REPORT_PASS, SPLIT_PASS):
        chosen = [t for t, meta in tables if _pass_of(meta) <= level]
        if not chosen:
            continue
        protect_report(chosen, k, public)
        public |= {
            t.identities[c]
            for t in chosen
            for c in t.cells()
            if c in t.identities and c not in t.suppressed
        }


def _order_by_published(table: Table) -> None:
    """Most frequent first by the *published* totals; hidden rows last, in codebook order."""
    column = table.all_columns[-1]
    table.rows.sort(
        key=lambda r: (table.shown(r, column) is None, -(table.shown(r, column) or 0))
    )  # stable: ties and hidden rows keep codebook order


def _serialise(table: Table, meta: dict[str, Any]) -> dict[str, Any]:
    if "respondents" in table.columns:
        base = "respondents"  # multiple choice: share of the group's people who chose it
    elif table.margins in (Margins.BOTH, Margins.ROWS):
        base = "row"
    elif table.margins is Margins.COLUMNS:
        base = "column"
    else:
        base = ""
    return {
        "key": table.key,
        "margins": table.margins.value,
        "percent_base": base,
        "rows": [[r, meta["row_labels"].get(r, "total")] for r in table.all_rows],
        "columns": [[c, meta["col_labels"].get(c, "total")] for c in table.all_columns],
        "values": {r: {c: table.shown(r, c) for c in table.all_columns} for r in table.all_rows},
        **{k: v for k, v in meta.items() if k not in ("row_labels", "col_labels")},
    }


def for_report(snapshot: Mapping[str, Any]) -> dict[str, Any]:
    """What a published report keeps: everything but the dashboard-only splits."""
    kept = dict(snapshot)
    kept["tables"] = [t for t in snapshot["tables"] if not t["section"].startswith("split:")]
    kept.pop("dropped_splits", None)
    kept.pop("split_points", None)
    return kept


# -- published reports --------------------------------------------------------------------
def _report_key(secret: str) -> bytes:
    return crypto.derive_key(secret, "theme-report")


def coverage(snapshot: Mapping[str, Any]) -> dict[str, Any]:
    """What a report covers: how many responses, and the first and last month they came in
    (months as the report lists them; empty when it lists none)."""
    months = [
        r
        for t in snapshot["tables"]
        if t["key"] == "by_month"
        for r, _label in t["rows"]
        if r != TOTAL
    ]
    return {
        "responses": int(snapshot["responses"]),
        "first_month": min(months) if months else "",
        "last_month": max(months) if months else "",
    }


def publish(
    session: Session, snapshot: Mapping[str, Any], title: str, author: str, secret: str
) -> ThemeReport:
    content = dict(for_report(snapshot), title=title, coverage=coverage(snapshot))
    now = clock.utcnow().replace(microsecond=0)
    report = ThemeReport(
        title=title,
        published_at=now,
        published_by=author,
        threshold=int(snapshot["threshold"]),
        ciphertext=b"",
        epochs=keyring.epoch_labels_in_use(session),  # destroying one empties this report
        responses=int(snapshot["responses"]),
    )
    session.add(report)
    session.flush()
    report.ciphertext = crypto.wrap_with_key(
        _report_key(secret),
        json.dumps(content, ensure_ascii=False).encode("utf-8"),
        crypto.associated_data("theme-report", report.id),
    )
    return report


def open_report(report: ThemeReport, secret: str) -> dict[str, Any]:
    plaintext = crypto.unwrap_with_key(
        _report_key(secret), report.ciphertext, crypto.associated_data("theme-report", report.id)
    )
    return json.loads(plaintext)


def _latest(session: Session) -> ThemeReport | None:
    """The last report published, withdrawn or not: a withdrawn one may have been read."""
    return session.scalar(select(ThemeReport).order_by(ThemeReport.id.desc()).limit(1))


def too_close_to_last(session: Session, snapshot: Mapping[str, Any], secret: str) -> bool:
    """True when fewer than k responses arrived (or left) since the last report.

    Two reports a few responses apart can be subtracted, cell by cell, to single out the
    newcomers. Requiring at least k changed responses between reports keeps that difference
    as large as any published group. (Reports that differ only in coding are allowed.) A
    withdrawn report counts too: someone may have read it before it was withdrawn.
    """
    latest = _latest(session)
    if latest is None:
        return False
    previous: Any = latest.responses  # kept even when an epoch's destruction emptied it
    if previous is None:
        try:
            previous = open_report(latest, secret).get("responses")
        except crypto.DecryptionError:
            return False  # unreadable after a secret change: nothing to compare against
    if not isinstance(previous, int):
        return False
    change = abs(int(snapshot["responses"]) - previous)
    return 0 < change < int(snapshot["threshold"])


# What may differ between two reports of the same data: when and how they were made.
_NOT_DATA = ("title", "generated_on", "coverage")


def same_as_latest(
    session: Session, snapshot: Mapping[str, Any], secret: str
) -> ThemeReport | None:
    """The last report, when publishing ``snapshot`` now would publish exactly its data
    again (same numbers, same quotes, same threshold); otherwise None."""
    latest = _latest(session)
    if latest is None:
        return None
    try:
        previous = open_report(latest, secret)
    except crypto.DecryptionError:
        return None
    wanted = {k: v for k, v in for_report(snapshot).items() if k not in _NOT_DATA}
    # Through JSON, as stored: tuples become lists, keys strings.
    wanted = json.loads(json.dumps(wanted, ensure_ascii=False))
    had = {k: v for k, v in previous.items() if k not in _NOT_DATA}
    return latest if wanted == had else None


def reports(session: Session, include_withdrawn: bool = False) -> list[ThemeReport]:
    """Published reports, newest first; withdrawn ones only when asked for."""
    query = select(ThemeReport).order_by(ThemeReport.id.desc())
    if not include_withdrawn:
        query = query.where(ThemeReport.withdrawn_at.is_(None))
    return list(session.scalars(query))


def versions(session: Session) -> dict[int, int]:
    """Each report's version: 1 for the first ever published, withdrawn ones included, so
    a number is never given twice."""
    ids = session.scalars(select(ThemeReport.id).order_by(ThemeReport.id))
    return {report_id: number for number, report_id in enumerate(ids, start=1)}


def withdraw(session: Session, report: ThemeReport, actor: str) -> bool:
    """Hide ``report`` from viewers (kept for comparison with the next one). False when
    it was already withdrawn."""
    if report.withdrawn_at is not None:
        return False
    report.withdrawn_at = clock.utcnow().replace(microsecond=0)
    report.withdrawn_by = actor
    return True


def to_csv(snapshot: Mapping[str, Any], locale: str) -> str:
    """Every aggregate table in long form: table, row, column, count (blank when hidden)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            gettext("table"),
            gettext("row"),
            gettext("column"),
            gettext("count"),
            gettext("hidden"),
        ]
    )
    hidden_mark = gettext("yes")
    for table in snapshot["tables"]:
        title = labels.text(table["title"], locale)
        row_names = {r: labels.text(label, locale) for r, label in table["rows"]}
        col_names = {c: labels.text(label, locale) for c, label in table["columns"]}
        for r, _rl in table["rows"]:
            for c, _cl in table["columns"]:
                value = table["values"][r][c]
                writer.writerow(
                    [
                        _safe_cell(title),
                        _safe_cell(row_names[r]),
                        _safe_cell(col_names[c]),
                        "" if value is None else value,
                        hidden_mark if value is None else "",
                    ]
                )
    return out.getvalue()


def _safe_cell(text: str) -> str:
    # A spreadsheet would run a cell starting with = + - @ as a formula (CSV injection).
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def published_date(report: ThemeReport) -> dt.date:
    return report.published_at.date()


def visible_share(snapshot: Mapping[str, Any]) -> dict[str, float]:
    """How many of a snapshot's numbers a reader can see: shown (some of them combined
    counts, see ``combining``) against hidden. Zeros count as shown; they are published."""
    shown = combined = hidden = 0
    for table in snapshot["tables"]:
        merged = set(table.get("combined", ()))
        for row, values in table["values"].items():
            for column, value in values.items():
                if value is None:
                    hidden += 1
                else:
                    shown += 1
                    combined += row in merged or column in merged
    total = shown + hidden
    return {
        "numbers": total,
        "shown": shown,
        "combined": combined,
        "hidden": hidden,
        "share": shown / total if total else 1.0,
    }


def points_share(snapshot: Mapping[str, Any]) -> dict[str, float]:
    """``visible_share`` of the pages by point of intervention (the split tables), with each
    breakdown left out (``dropped``) counted as one number shown: its total."""
    splits = [t for t in snapshot["tables"] if t["section"].startswith("split:")]
    share = visible_share({"tables": splits})
    dropped = len(snapshot.get("dropped_splits", ()))
    shown, total = share["shown"] + dropped, share["numbers"] + dropped
    return {
        **share,
        "numbers": total,
        "shown": shown,
        "combined": share["combined"] + dropped,
        "tables": len(splits),
        "dropped": dropped,
        "share": shown / total if total else 1.0,
    }
