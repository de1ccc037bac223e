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
from typing import Any

from flask_babel import gettext
from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import clock, crypto
from ..models import PROVENANCES, ThemeReport
from ..redaction import quote_text
from . import labels
from .aggregate import CONTACT_QUESTION, EFFECT_SUFFIX, GROUPS, Aggregate, Label
from .annotations import excerpt_key
from .codebook import Codebook
from .coding import Matcher
from .disclosure import TOTAL, Margins, Table, protect_report
from .state import ThemeState, collecting_later

QUOTES_PER_THEME = 5
SNAPSHOT_FORMAT = 1


class _Builder:
    def __init__(self) -> None:
        self.tables: list[tuple[Table, dict[str, Any]]] = []

    def add(
        self,
        table: Table,
        title: Label,
        row_labels: Mapping[str, Label],
        col_labels: Mapping[str, Label],
        section: str,
        chart: str = "",
        **extra: Any,
    ) -> Table:
        meta = {
            "title": title,
            "section": section,
            "row_labels": dict(row_labels),
            "col_labels": dict(col_labels),
            "chart": chart,
            **extra,
        }
        self.tables.append((table, meta))
        return table


def _one_way(
    b: _Builder,
    key: str,
    title: str,
    counts: Counter[str],
    order: Sequence[str],
    label_of: Any,
    identity_of: Any,
) -> None:
    rows = list(order)
    table = Table(key, rows, ["n"], {(r, "n"): counts.get(r, 0) for r in rows}, Margins.COLUMNS)
    table.identities = {(r, "n"): identity_of(r) for r in rows}
    table.identities[(TOTAL, "n")] = ("responses", "*")
    b.add(table, title, {r: label_of(r) for r in rows}, {"n": "count"}, "overview", chart="rows")


def _question_tables(b: _Builder, agg: Aggregate) -> None:
    for key, info in agg.questions.items():
        counts = agg.answers.get(key, Counter())
        answered = agg.answered.get(key, Counter())
        groups = [g for g in GROUPS if answered.get(g)]
        if not groups:
            continue
        options = [value for value, _label in info.options]
        cells = {(g, o): counts.get((g, o), 0) for g in groups for o in options}
        col_labels: dict[str, Label] = dict(info.options)
        if info.multiple:
            # People choose several options: only the columns add up (over groups); the
            # number of people who answered is a column of its own.
            cells.update({(g, "respondents"): answered[g] for g in groups})
            table = Table(f"q:{key}", groups, [*options, "respondents"], cells, Margins.COLUMNS)
            col_labels["respondents"] = "respondents"
            table.identities = {(g, "respondents"): ("answered", key, g) for g in groups}
            table.identities[(TOTAL, "respondents")] = ("answered", key, "*")
        else:
            table = Table(f"q:{key}", groups, options, cells, Margins.BOTH)
            table.identities = {(g, TOTAL): ("answered", key, g) for g in groups}
            table.identities[(TOTAL, TOTAL)] = ("answered", key, "*")
        table.identities.update({(g, o): ("answer", key, o, g) for g in groups for o in options})
        table.identities.update({(TOTAL, o): ("answer", key, o, "*") for o in options})
        b.add(
            table,
            info.label,
            {g: f"group.{g}" for g in groups},
            col_labels,
            "questions",
            chart="columns",
            question=key,
            multiple=info.multiple,
        )


def _effect_table(b: _Builder, agg: Aggregate) -> None:
    points = [p for p in agg.contact_points if f"{p}{EFFECT_SUFFIX}" in agg.questions]
    if not points:
        return
    first = agg.questions[f"{points[0]}{EFFECT_SUFFIX}"]
    options = [value for value, _label in first.options]
    points = [
        p
        for p in points
        if [v for v, _l in agg.questions[f"{p}{EFFECT_SUFFIX}"].options] == options
    ]
    cells = {}
    for p in points:
        counts = agg.answers.get(f"{p}{EFFECT_SUFFIX}", Counter())
        for o in options:
            cells[(p, o)] = sum(n for (_g, value), n in counts.items() if value == o)
    table = Table("effects", points, options, cells, Margins.BOTH)
    table.identities = {
        (p, o): ("answer", f"{p}{EFFECT_SUFFIX}", o, "*") for p in points for o in options
    }
    table.identities.update({(p, TOTAL): ("answered", f"{p}{EFFECT_SUFFIX}", "*") for p in points})
    b.add(
        table,
        "table.effects",
        {p: agg.contact_points[p] for p in points},
        dict(first.options),
        "interventions",
        chart="stacked",
    )


def _split_tables(b: _Builder, agg: Aggregate) -> None:
    for point, point_label in agg.contact_points.items():
        for key, info in agg.questions.items():
            if key in agg.unsplittable or info.source_key == CONTACT_QUESTION:
                continue
            if info.source_key.endswith(EFFECT_SUFFIX):
                continue  # asked only of people who had that contact: already by point
            options = [value for value, _label in info.options]
            cells = {}
            for o in options:
                cells[("yes", o)], cells[("no", o)], cells[("unsaid", o)] = agg.split(point, key, o)
            margins = Margins.COLUMNS if info.multiple else Margins.BOTH
            table = Table(f"split:{point}:{key}", ["yes", "no", "unsaid"], options, cells, margins)
            table.identities = {(TOTAL, o): ("answer", key, o, "*") for o in options}
            if not info.multiple:
                table.identities[(TOTAL, TOTAL)] = ("answered", key, "*")
            b.add(
                table,
                info.label,
                {"yes": "contact.yes", "no": "contact.no", "unsaid": "contact.unsaid"},
                dict(info.options),
                f"split:{point}",
                point=point,
                point_label=point_label,
            )


def theme_counts(
    state: ThemeState, codebook: Codebook, matcher: Matcher
) -> tuple[dict[str, Counter[str]], Counter[str], dict[str, list[tuple[int, str]]]]:
    """Per code: confirmed respondents by group, respondents with suggestions only, and
    approved quotes as (text index, excerpt key)."""
    index = state.themes(codebook, matcher)
    active = {c.key for c in codebook.codes()}
    by_group = {
        code: Counter(who.values())
        for code, who in index.confirmed.items()
        if code in active and who
    }
    suggested = Counter(
        {code: len(ids) for code, ids in index.pending.items() if code in active and ids}
    )
    quotes = {code: sorted(found) for code, found in index.quotes.items() if found}
    return by_group, suggested, quotes


def _theme_tables(
    b: _Builder,
    by_group: dict[str, Counter[str]],
    suggested: Counter[str],
    codebook: Codebook,
    languages: Sequence[str],
) -> None:
    codes = {c.key: c for c in codebook.codes()}
    # Codebook order here: ordering by the true counts would rank hidden rows by their
    # values. ``_order_by_published`` sorts by what is shown, after suppression.
    order = {c.key: i for i, c in enumerate(codebook.codes())}
    rows = sorted(by_group, key=lambda c: order.get(c, len(order)))
    groups = [g for g in GROUPS if any(by_group[c].get(g) for c in rows)]
    if rows and groups:
        table = Table(
            "themes",
            rows,
            groups,
            {(c, g): by_group[c].get(g, 0) for c in rows for g in groups},
            Margins.ROWS,
        )
        table.identities = {(c, TOTAL): ("theme", c) for c in rows}
        b.add(
            table,
            "table.themes",
            {c: codes[c].labels(languages) for c in rows},
            {g: f"group.{g}" for g in groups},
            "themes",
            chart="row-totals",
        )
    pending_rows = sorted(suggested, key=lambda c: order.get(c, len(order)))
    if pending_rows:
        table = Table(
            "themes_suggested",
            pending_rows,
            ["suggested"],
            {(c, "suggested"): suggested[c] for c in pending_rows},
            Margins.NONE,
        )
        b.add(
            table,
            "table.themes_suggested",
            {c: codes[c].labels(languages) for c in pending_rows},
            {"suggested": "themes.suggested"},
            "themes",
        )


def build(
    state: ThemeState,
    codebook: Codebook,
    matcher: Matcher,
    k: int,
    languages: Sequence[str],
    title: str = "",
) -> dict[str, Any]:
    """A disclosure-controlled snapshot of the whole analysis."""
    with state.lock, collecting_later():
        agg = state.aggregate
        b = _Builder()
        group_id = {g: ("responses", "group", g) for g in GROUPS}
        _one_way(
            b,
            "by_group",
            "table.by_group",
            agg.by_group,
            GROUPS,
            lambda g: f"group.{g}",
            lambda g: group_id[g],
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
        )
        _one_way(
            b,
            "by_month",
            "table.by_month",
            agg.by_month,
            agg.months,
            lambda m: f"month:{m}",
            lambda m: ("responses", "month", m),
        )
        _effect_table(b, agg)
        _question_tables(b, agg)
        _split_tables(b, agg)
        by_group, suggested, approved = theme_counts(state, codebook, matcher)
        _theme_tables(b, by_group, suggested, codebook, languages)
        protect_report([t for t, _meta in b.tables], k)
        for table, _meta in b.tables:
            if table.key in ("themes", "themes_suggested"):
                _order_by_published(table)

        themes = []
        for code_key, groups in sorted(
            by_group.items(), key=lambda kv: [c.key for c in codebook.codes()].index(kv[0])
        ):
            code = codebook.code(code_key)
            if code is None:
                continue
            respondents = sum(groups.values())
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

        return {
            "format": SNAPSHOT_FORMAT,
            "title": title,
            "threshold": k,
            "generated_on": clock.today().isoformat(),
            "codebook_version": codebook.version,
            "tables": [_serialise(t, meta) for t, meta in b.tables],
            "themes": themes,
            "unreadable": len(state.unreadable),
            # Kept so the next report can check it is not a few responses apart from this
            # one (see too_close_to_last). The same total is published in "by group".
            "responses": agg.total,
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
