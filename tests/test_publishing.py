"""Publishing the team's report: built once per change, asked about before repeating,
withdrawable, and honest about the approved quotes it leaves out.

Responses go through the real sealing path and the facilitator through the web pages with
CSRF on, as in test_themes.
"""

from __future__ import annotations

import gc
import random
import re
from typing import Any

import numpy as np
import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.analysis import snapshots
from intake.analysis.disclosure import _free_cells
from intake.models import AuditEntry, Setting, ThemeReport
from tests.test_staff_side import FORM_TOKEN, people, signed_in, token  # noqa: F401 - fixture
from tests.test_themes import decide_first, survey, unlocked  # noqa: F401 - fixture

POLICE = "police.made_less_safe"


def csrf_of(client: FlaskClient, path: str) -> str:
    return token(client, path)


def publish(client: FlaskClient, title: str, **extra: str) -> Any:
    csrf = csrf_of(client, "/staff/reports/publish")
    return client.post("/staff/reports/publish", data={"csrf_token": csrf, "title": title, **extra})


def confirm_police(client: FlaskClient, people_count: int, quote: bool = True) -> None:
    for _ in range(people_count):
        result, _handle = decide_first(client, f"?code={POLICE}&status=pending", "confirm", POLICE)
        assert result.status_code == 303
    if quote:
        decide_first(client, f"?code={POLICE}&status=confirmed", "quote", POLICE)


# -- the snapshot, once per change ------------------------------------------------------------
def test_pages_share_one_snapshot_until_something_changes(
    app: Flask, people: dict[str, Any], survey: None, session: Session
) -> None:
    fran = unlocked(app, people)
    first = snapshots.builds()
    fran.get("/staff/data")
    assert snapshots.builds() == first + 1
    answers = snapshots.answer_builds()
    # Given nothing changed, the dashboard again, the points page and the publish page
    # reuse it.
    fran.get("/staff/data")
    fran.get("/staff/data/points")
    fran.get("/staff/reports/publish")
    assert snapshots.builds() == first + 1

    # When a coding decision is saved, the next page builds a new one, showing it.
    confirm_police(fran, 7, quote=True)
    page = fran.get("/staff/data").get_data(as_text=True)
    assert snapshots.builds() == first + 2
    assert "La policía no me creyó y tuve más miedo." in page
    # Coding changes only the theme tables: the protected answer tables are reused.
    assert snapshots.answer_builds() == answers

    # When the threshold changes, too (and the new one is applied).
    session.merge(Setting(key="suppression_threshold", value="11"))
    session.commit()
    page = fran.get("/staff/data").get_data(as_text=True)
    assert snapshots.builds() == first + 3
    assert "La policía no me creyó" not in page  # 7 people are now fewer than k
    assert snapshots.answer_builds() == answers + 1  # every table protected again

    # When the codebook changes (a code turned off), too.
    session.merge(Setting(key="suppression_threshold", value="5"))
    session.commit()
    fran.get("/staff/data")
    built = snapshots.builds()
    fran.post(
        "/staff/codebook/toggle",
        data={"csrf_token": csrf_of(fran, "/staff/codebook"), "code": POLICE, "enabled": "0"},
    )
    page = fran.get("/staff/data").get_data(as_text=True)
    assert snapshots.builds() == built + 1
    assert "La policía no me creyó" not in page


def test_a_new_response_is_a_change(
    app: Flask, people: dict[str, Any], survey: None, session: Session
) -> None:
    from tests.test_themes import add_responses, keystore_of

    fran = unlocked(app, people)
    fran.get("/staff/data")
    built = snapshots.builds()
    answers = snapshots.answer_builds()
    add_responses(session, keystore_of(app), "survivor", 5, {"help_sought": "yes"})
    fran.get("/staff/data")
    assert snapshots.builds() == built + 1
    assert snapshots.answer_builds() == answers + 1  # the answer tables too
    fran.get("/staff/data")
    assert snapshots.builds() == built + 1


def test_the_kept_snapshot_goes_with_the_unlock(
    app: Flask, people: dict[str, Any], survey: None
) -> None:
    fran = unlocked(app, people)
    fran.get("/staff/data")
    assert snapshots.kept_count() >= 1
    fran.post("/staff/lock", data={"csrf_token": token(fran, "/staff/")})
    gc.collect()
    assert snapshots.kept_count() == 0


def _protected_together(state: Any, cb: Any, matcher: Any, k: int, languages: list[str]) -> list:  # type: ignore[type-arg]
    """Every table of the report protected in one computation, as before the split."""
    from intake.analysis import report

    answers = report._answer_builder(state.aggregate, k, languages)
    confirmed, suggested, _quotes = report.theme_people(state, cb, matcher)
    themes = report._theme_builder(confirmed, suggested, cb, k, languages)
    tables = answers.tables + themes.tables
    report._protect_in_passes(tables, k)
    for table, _meta in themes.tables:
        report._order_by_published(table)
    serialised = [report._serialise(table, meta) for table, meta in tables]
    return report.leave_out_hidden_splits(serialised, [])


def _confirm_at_random(state: Any, cb: Any, matcher: Any, rnd: random.Random, share: float) -> None:
    """Facilitators' decisions on about ``share`` of the suggestions, as saving them would
    leave the state (annotation and revision)."""
    from intake.analysis.annotations import Annotation, excerpt_key

    for position, found in enumerate(state.excerpts(cb, matcher)):
        answer = state.aggregate.texts[position]
        for excerpt in found:
            for code in excerpt.codes:
                if rnd.random() < share:
                    note = state.annotations.setdefault(answer.response_id, Annotation())
                    action = rnd.choice(["confirm", "confirm", "reject", "quote"])
                    note.apply(excerpt_key(answer.question_key, excerpt.index), action, code)
                    revision = state.annotation_revisions.get(answer.response_id, 0)
                    state.annotation_revisions[answer.response_id] = revision + 1


@pytest.mark.parametrize(("count", "seed", "k"), [(30, 1, 5), (60, 2, 5), (45, 3, 3), (90, 4, 11)])
def test_decisions_reprotect_only_the_themes_and_give_what_protecting_all_gives(
    app: Flask,
    session: Session,
    open_team: Any,
    facilitator: Any,
    count: int,
    seed: int,
    k: int,
) -> None:
    from bench import synthetic
    from intake import clock, crypto, keyring
    from intake.analysis import codebook as codebook_module
    from intake.analysis.coding import Matcher
    from intake.analysis.state import state_for
    from intake.models import StaffSession

    keystore = app.extensions["intake.keystore"]
    languages = app.extensions["intake.config"].languages
    synthetic.seal(session, keystore, count, seed=seed)
    now = clock.utcnow()
    session.add(StaffSession(id="q" * 64, user_id=facilitator.id, created_at=now, last_seen_at=now))
    session.flush()
    unlock_id = crypto.token_digest(keyring.unlock(session, "q" * 64, open_team).token)
    session.commit()
    state = state_for(session, unlock_id, open_team, keystore)
    cb = codebook_module.current(session)
    matcher = Matcher(cb)
    rnd = random.Random(seed)
    snapshots.current(state, cb, matcher, k, languages)
    answers = snapshots.answer_builds()
    for share in (0.3, 0.6, 0.9):
        # Given more decisions saved, the next snapshot reuses the protected answer tables…
        _confirm_at_random(state, cb, matcher, rnd, share)
        snapshot = snapshots.current(state, cb, matcher, k, languages)
        assert snapshots.answer_builds() == answers
        # …and every number is what protecting the whole report at once gives.
        assert snapshot["tables"] == _protected_together(state, cb, matcher, k, languages)
    # The decisions reached the theme tables (the comparison was not of empty tables).
    themes = next(t for t in snapshot["tables"] if t["key"] == "themes")
    assert any(v is not None and v > 0 for row in themes["values"].values() for v in row.values())


# -- the pinned-cell check, with fewer programmes ---------------------------------------------
def _asking_each_cell(matrix: Any, target: Any, values: Any) -> list[bool]:
    """The check as first written: two programmes per hidden cell."""
    from scipy.optimize import linprog

    free = []
    for i in range(len(values)):
        found = False
        for bound in [(values[i] + 1, None)] + ([(1, values[i] - 1)] if values[i] >= 2 else []):
            bounds = [(1, None)] * len(values)
            bounds[i] = bound
            if (
                linprog(
                    np.zeros(len(values)), A_eq=matrix, b_eq=target, bounds=bounds, method="highs"
                ).status
                == 0
            ):
                found = True
                break
        free.append(found)
    return free


def _random_hidden_table(rnd: random.Random) -> tuple[Any, Any, Any]:
    """A table with margins, some positive cells hidden, as the equations a reader has."""
    rows, cols = rnd.randint(1, 4), rnd.randint(2, 4)
    counts = [[rnd.choice([0, 1, 1, 2, 3, 5]) for _ in range(cols)] for _ in range(rows)]
    grid = [[*row, sum(row)] for row in counts]
    grid.append([sum(grid[r][c] for r in range(rows)) for c in range(cols + 1)])
    cells = [(r, c) for r in range(rows + 1) for c in range(cols + 1) if grid[r][c] > 0]
    hidden = rnd.sample(cells, min(len(cells), rnd.randint(2, 7)))
    position = {cell: i for i, cell in enumerate(hidden)}
    lines = [[(r, c) for c in range(cols + 1)] for r in range(rows + 1)]
    lines += [[(r, c) for r in range(rows + 1)] for c in range(cols + 1)]
    equations = []
    for line in lines:
        terms = [
            (position[cell], -1 if i == len(line) - 1 else 1)
            for i, cell in enumerate(line)
            if cell in position
        ]
        if terms:
            equations.append(terms)
    matrix = np.zeros((max(len(equations), 1), len(hidden)))
    for row, terms in enumerate(equations):
        for p, coef in terms:
            matrix[row, p] += coef
    values = np.array([grid[r][c] for r, c in hidden], dtype=float)
    return matrix, matrix @ values, values


def test_free_cells_agree_with_asking_each_cell() -> None:
    rnd = random.Random(19)
    pinned_seen = free_seen = 0
    for _ in range(150):
        matrix, target, values = _random_hidden_table(rnd)
        expected = _asking_each_cell(matrix, target, values)
        assert list(_free_cells(matrix, target, values)) == expected, (matrix, values)
        pinned_seen += expected.count(False)
        free_seen += expected.count(True)
    # The cases exercised both answers.
    assert pinned_seen > 20
    assert free_seen > 20


def test_two_hidden_ones_beside_a_total_of_two_are_pinned() -> None:
    # a + b = 2 with a, b >= 1: both are 1, whatever else is shown.
    matrix = np.array([[1.0, 1.0]])
    assert list(_free_cells(matrix, np.array([2.0]), np.array([1.0, 1.0]))) == [False, False]
    # a + b = 5: each could be one more or one less.
    assert list(_free_cells(matrix, np.array([5.0]), np.array([2.0, 3.0]))) == [True, True]


# -- publishing ----------------------------------------------------------------------------
def test_publishing_the_same_data_again_asks_first(
    app: Flask, people: dict[str, Any], survey: None, session: Session
) -> None:
    fran = unlocked(app, people)
    confirm_police(fran, 7)
    assert publish(fran, "Autumn").status_code == 303
    assert len(session.scalars(select(ThemeReport)).all()) == 1

    # Given nothing changed, publishing again shows the question and publishes nothing.
    again = publish(fran, "Autumn again", reviewed="1")
    page = again.get_data(as_text=True)
    assert again.status_code == 200
    assert "exactly the same as in the last report" in page
    assert "Autumn" in page
    assert 'name="same_again"' in page
    assert len(session.scalars(select(ThemeReport)).all()) == 1

    # When the facilitator says yes, it is published.
    yes = publish(fran, "Autumn again", reviewed="1", same_again="y")
    assert yes.status_code == 303
    titles = [r.title for r in session.scalars(select(ThemeReport).order_by(ThemeReport.id))]
    assert titles == ["Autumn", "Autumn again"]


def test_different_coding_is_not_the_same_data(
    app: Flask, people: dict[str, Any], survey: None, session: Session
) -> None:
    fran = unlocked(app, people)
    confirm_police(fran, 7, quote=False)
    assert publish(fran, "Before the quote").status_code == 303
    decide_first(fran, f"?code={POLICE}&status=confirmed", "quote", POLICE)
    assert publish(fran, "With the quote").status_code == 303
    assert len(session.scalars(select(ThemeReport)).all()) == 2


def test_the_publish_page_lists_approved_quotes_left_out_and_why(
    app: Flask, people: dict[str, Any], survey: None, session: Session
) -> None:
    fran = unlocked(app, people)
    # Two people with the police theme (k is 5), one of their excerpts approved as a quote.
    confirm_police(fran, 2)
    page = fran.get("/staff/reports/publish").get_data(as_text=True)
    assert "Approved quotes that will not appear" in page
    left_out = page[page.index("Approved quotes that will not appear") :]
    assert "La policía no me creyó y tuve más miedo." in left_out
    assert "fewer than 5 people have this theme" in left_out
    assert "612-555-0199" not in page  # shown as it would be quoted: redacted

    # Publishing straight from the dashboard stops at this page first…
    csrf = FORM_TOKEN.search(fran.get("/staff/data").get_data(as_text=True)).group(1)  # type: ignore[union-attr]
    stopped = fran.post("/staff/reports/publish", data={"csrf_token": csrf, "title": "Winter"})
    assert stopped.status_code == 200
    assert "fewer than 5 people have this theme" in stopped.get_data(as_text=True)
    assert session.scalars(select(ThemeReport)).all() == []
    # …and goes ahead from it.
    assert publish(fran, "Winter", reviewed="1").status_code == 303
    assert len(session.scalars(select(ThemeReport)).all()) == 1


def test_a_quote_past_the_per_theme_limit_is_listed(
    app: Flask, people: dict[str, Any], session: Session
) -> None:
    from tests.test_themes import HANDLE, add_responses, keystore_of

    places = ["la calle", "mi casa", "el parque", "la tienda", "el trabajo", "la escuela", "el bus"]
    for place in places:  # seven people, each in their own words
        add_responses(
            session,
            keystore_of(app),
            "survivor",
            1,
            {
                "interventions_contacted": ["police"],
                "help_story": f"La policía no me creyó y tuve más miedo en {place}.",
            },
            "es",
        )
    fran = unlocked(app, people)
    confirm_police(fran, 7, quote=False)
    queue = fran.get(f"/staff/themes/review?code={POLICE}&status=confirmed")
    handles = list(dict.fromkeys(HANDLE.findall(queue.get_data(as_text=True))))
    assert len(handles) == 7
    for handle in handles[:6]:  # one more than a report shows per theme
        decide_first(fran, f"?code={POLICE}&status=confirmed", "quote", POLICE, handle)
    page = fran.get("/staff/reports/publish").get_data(as_text=True)
    left_out = page[page.index("Approved quotes that will not appear") :]
    assert len(re.findall("already has 5 quotes", left_out)) == 1
    assert len(re.findall("La policía no me creyó", left_out)) == 1


def test_every_quote_that_appears_says_so(app: Flask, people: dict[str, Any], survey: None) -> None:
    fran = unlocked(app, people)
    confirm_police(fran, 7)
    page = fran.get("/staff/reports/publish").get_data(as_text=True)
    assert "Every approved quote will appear in the report." in page
    assert "The report will cover 16 responses" in page


def test_a_bad_title_on_the_publish_page_keeps_the_page(
    app: Flask, people: dict[str, Any], survey: None, session: Session
) -> None:
    fran = unlocked(app, people)
    response = publish(fran, "", reviewed="1")
    assert response.status_code == 422
    assert "Give the report a title." in response.get_data(as_text=True)
    assert session.scalars(select(ThemeReport)).all() == []


# -- withdrawing and the list ----------------------------------------------------------------
def test_a_withdrawn_report_is_gone_for_viewers_and_audited(
    app: Flask, people: dict[str, Any], survey: None, session: Session
) -> None:
    fran = unlocked(app, people)
    confirm_police(fran, 7)
    assert publish(fran, "Spring").status_code == 303
    report = session.scalars(select(ThemeReport)).one()
    vic = signed_in(app, people, "viewer")
    assert "Spring" in vic.get("/staff/reports").get_data(as_text=True)
    # A viewer cannot withdraw it, and a POST without CSRF does nothing.
    refused = vic.post(
        "/staff/reports/withdraw",
        data={"csrf_token": csrf_of(vic, "/staff/reports/all"), "report": report.id},
    )
    assert refused.status_code == 403
    fran.post("/staff/reports/withdraw", data={"report": report.id, "confirm": "1"})
    session.expire_all()
    assert session.get(ThemeReport, report.id).withdrawn_at is None  # type: ignore[union-attr]

    # When the facilitator withdraws it from the list…
    listed = fran.get("/staff/reports/all").get_data(as_text=True)
    csrf = FORM_TOKEN.search(listed).group(1)  # type: ignore[union-attr]
    asked = fran.post("/staff/reports/withdraw", data={"csrf_token": csrf, "report": report.id})
    assert asked.status_code == 200
    assert "Team viewers will no longer see it." in asked.get_data(as_text=True)
    session.expire_all()
    assert session.get(ThemeReport, report.id).withdrawn_at is None  # type: ignore[union-attr]
    done = fran.post(
        "/staff/reports/withdraw",
        data={"csrf_token": csrf, "report": report.id, "confirm": "1"},
    )
    assert done.status_code == 303
    session.expire_all()
    withdrawn = session.get(ThemeReport, report.id)
    assert withdrawn is not None
    assert withdrawn.withdrawn_by == "fran"
    assert session.scalars(
        select(AuditEntry).where(AuditEntry.action == "theme report withdrawn")
    ).one()
    # …viewers no longer see it anywhere.
    assert "Spring" not in vic.get("/staff/reports").get_data(as_text=True)
    assert "Spring" not in vic.get("/staff/reports/all").get_data(as_text=True)
    assert vic.get("/staff/reports/csv").status_code == 404
    # The facilitator's list still names it, marked withdrawn, with no way to open it.
    listed = fran.get("/staff/reports/all").get_data(as_text=True)
    assert "Spring" in listed
    assert "Withdrawn on" in listed
    assert f'name="report" value="{report.id}"' not in listed


def test_a_withdrawn_report_still_counts_for_the_next(
    app: Flask, people: dict[str, Any], survey: None, session: Session
) -> None:
    from tests.test_themes import add_responses, keystore_of

    fran = unlocked(app, people)
    assert publish(fran, "First", reviewed="1").status_code == 303
    report = session.scalars(select(ThemeReport)).one()
    listed = fran.get("/staff/reports/all").get_data(as_text=True)
    csrf = FORM_TOKEN.search(listed).group(1)  # type: ignore[union-attr]
    fran.post(
        "/staff/reports/withdraw", data={"csrf_token": csrf, "report": report.id, "confirm": "1"}
    )
    # Two more responses: someone may have read the withdrawn one, so this is refused.
    add_responses(session, keystore_of(app), "survivor", 2, {"help_sought": "yes"})
    refused = publish(fran, "Second", reviewed="1")
    assert refused.status_code == 303
    assert len(session.scalars(select(ThemeReport)).all()) == 1


def test_the_list_shows_version_date_and_coverage(
    app: Flask, people: dict[str, Any], survey: None, session: Session
) -> None:
    from tests.test_themes import add_responses, keystore_of

    fran = unlocked(app, people)
    assert publish(fran, "One", reviewed="1").status_code == 303
    add_responses(session, keystore_of(app), "survivor", 5, {"help_sought": "yes"})
    assert publish(fran, "Two", reviewed="1").status_code == 303
    vic = signed_in(app, people, "viewer")
    page = vic.get("/staff/reports/all").get_data(as_text=True)
    rows = re.findall(
        r"<h2>([^<]+)</h2>\s*<dl.*?<dt>Version</dt><dd>(\d+)</dd>(.*?)</dl>", page, re.S
    )
    assert [(v, t) for t, v, _rest in rows] == [("2", "Two"), ("1", "One")]
    assert "21 responses" in rows[0][2]
    assert "16 responses" in rows[1][2]
    # All arrived in one month: the period is that month, named once.
    assert re.search(r"16 responses, \w+ \d{4}</dd>", rows[1][2]), "the period covered"
    assert "Withdraw" not in page  # viewers cannot


@pytest.mark.parametrize("path", ["/staff/reports/all", "/staff/reports/publish"])
def test_pages_without_reports_say_so(
    app: Flask, people: dict[str, Any], session: Session, path: str
) -> None:
    fran = unlocked(app, people)
    page = fran.get(path).get_data(as_text=True)
    if path.endswith("all"):
        assert "No theme reports have been published yet." in page
    else:
        assert "The report will cover 0 responses" in page


# -- destroying an epoch empties a report but keeps what the next one is compared with -------
def test_a_report_emptied_by_destroying_its_epoch_still_counts_for_the_next(
    app: Flask, people: dict[str, Any], survey: None, session: Session
) -> None:
    from intake import crypto
    from intake.analysis import report as report_module
    from intake.models import Response
    from tests.test_themes import add_responses, keystore_of

    fran = unlocked(app, people)
    assert publish(fran, "First", reviewed="1").status_code == 303
    first = session.scalars(select(ThemeReport)).one()
    assert first.responses == 16
    # Given the report is emptied as destroying its epoch does (the key-integrity tests
    # drive destroy_epoch itself), and 3 of its 16 responses are purged with the epoch
    first.ciphertext = b""
    first.withdrawn_at = first.published_at
    for rid in session.scalars(select(Response.id).limit(3)).all():
        session.delete(session.get(Response, rid))
    session.commit()
    with pytest.raises(crypto.DecryptionError):
        report_module.open_report(first, app.extensions["intake.config"].secret_key)

    # When the team publishes what is left (13 responses): 3 fewer than the printed
    # report, so the two could be subtracted to single out the purged three — refused
    refused = publish(fran, "After the destruction", reviewed="1")
    assert refused.status_code == 303
    assert len(session.scalars(select(ThemeReport)).all()) == 1

    # Then, with enough new responses (13 + 8 = 21: k more than the emptied report's 16),
    # it is published under a version number never used
    add_responses(session, keystore_of(app), "survivor", 8, {"help_sought": "yes"})
    assert publish(fran, "Later", reviewed="1").status_code == 303
    later = session.scalars(select(ThemeReport).where(ThemeReport.title == "Later")).one()
    assert report_module.versions(session)[later.id] == 2
    page = fran.get("/staff/reports/all").get_data(as_text=True)
    assert "the responses it was built from were destroyed" in page
    assert "16 responses" in page  # the emptied report still says what it covered


def test_a_response_removed_while_publishing_stops_the_report(
    app: Flask, people: dict[str, Any], survey: None, session: Session, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from intake.analysis import report as report_module
    from intake.models import Response

    fran = unlocked(app, people)
    fran.get("/staff/data")  # the snapshot is built from all 16 responses
    real_check = report_module.too_close_to_last

    def destroyed_meanwhile(db, snap, secret):  # type: ignore[no-untyped-def]
        # An epoch's destruction commits between the snapshot and the publication
        gone = db.scalars(select(Response.id).limit(1)).one()
        db.delete(db.get(Response, gone))
        db.commit()
        return real_check(db, snap, secret)

    monkeypatch.setattr(report_module, "too_close_to_last", destroyed_meanwhile)
    answer = publish(fran, "Raced", reviewed="1")
    assert answer.status_code == 303
    assert session.scalars(select(ThemeReport)).all() == []
    page = fran.get("/staff/data").get_data(as_text=True)
    assert "Some responses were removed while the report was being prepared" in page
