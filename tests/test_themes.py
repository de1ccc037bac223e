"""Themes end to end: the unlocked dashboard, coding, quotes, publishing, viewers, CSV.

Responses are stored through the real sealing path (``store_response``); the facilitator
works through the web pages with CSRF on, exactly as in a browser.
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from intake import keyring
from intake.analysis import codebook as codebook_module
from intake.keystore import Keystore
from intake.models import AuditEntry, ResponseAnnotation, ThemeReport
from intake.questionnaires.catalog import definition_of, published_versions
from intake.responses import store_response
from tests.conftest import FACILITATOR_PASSPHRASE
from tests.test_staff_side import FORM_TOKEN, people, signed_in, token  # noqa: F401 - fixture

HANDLE = re.compile(r'name="handle" value="([^"]+)"')


def add_responses(
    session: Session,
    keystore: Keystore,
    audience: str,
    count: int,
    answers: dict[str, Any],
    language: str = "en",
) -> None:
    version = next(v for v in published_versions(session) if v.questionnaire.audience == audience)
    definition = definition_of(version)
    for _ in range(count):
        provenance = "listening_session" if audience == "listening_session" else "self"
        store_response(session, keystore, definition, version.id, answers, language, provenance)
    session.commit()


def keystore_of(app: Flask) -> Keystore:
    return app.extensions["intake.keystore"]


def unlocked(app: Flask, people: dict[str, Any]) -> FlaskClient:
    fran = signed_in(app, people, "facilitator")
    response = fran.post(
        "/staff/unlock",
        data={"csrf_token": token(fran, "/staff/unlock"), "passphrase": FACILITATOR_PASSPHRASE},
    )
    assert response.status_code == 303
    return fran


def decide_first(client: FlaskClient, query: str, action: str, code: str, handle: str = ""):  # type: ignore[no-untyped-def]
    """Open the review queue at ``query`` and post ``action`` on its first excerpt (or on
    ``handle``), as the page's form would. Returns (the response, the handle used)."""
    text = client.get(f"/staff/themes/review{query}").get_data(as_text=True)
    found = HANDLE.search(text)
    assert found or handle, "the queue has an excerpt"
    csrf = FORM_TOKEN.search(text).group(1)  # type: ignore[union-attr]
    used = handle or found.group(1)  # type: ignore[union-attr]
    response = client.post(
        "/staff/themes/review",
        data={"csrf_token": csrf, "handle": used, "action": action, "code": code},
    )
    return response, used


@pytest.fixture
def survey(session: Session, keystore: Keystore) -> None:
    # 7 survivors in Spanish say the police did not believe them; 3 advocates say so too
    # (a small group: its counts must be hidden); 6 survivors in Arabic about court.
    police = {
        "interventions_contacted": ["police"],
        "police_effect": "made_less_safe",
        "help_story": "La policía no me creyó y tuve más miedo. Llamé al 612-555-0199.",
    }
    add_responses(session, keystore, "survivor", 7, police, "es")
    add_responses(
        session,
        keystore,
        "advocate",
        3,
        {"interventions_contacted": ["police"], "police_effect": "made_less_safe"},
    )
    add_responses(
        session,
        keystore,
        "survivor",
        6,
        {
            "interventions_contacted": ["civil_court_custody"],
            "help_story": "لم يكن هناك مترجم في المحكمة.",
        },
        "ar",
    )


def test_dashboard_counts_every_group_and_hides_small_ones(
    app: Flask,
    people: dict[str, Any],
    survey: None,
) -> None:
    fran = unlocked(app, people)
    page = fran.get("/staff/data").get_data(as_text=True)
    assert "Responses by respondent group" in page
    by_group = page[page.index("Responses by respondent group") :]
    by_group = by_group[: by_group.index("</table>")]
    rows = re.findall(
        r'<th scope="row" role="rowheader">(.+?)</th>\s*<td role="cell"[^>]*>\s*([^<\s]+)',
        by_group,
    )
    cells = [(re.sub(r"<[^>]+>", "", name), value) for name, value in rows]
    # Advocates (3) are below k: rather than hide them (and survivors, who would give them
    # away by subtraction), the two groups are shown together. The total stays.
    assert cells == [
        ("Community leaders", "0"),
        ("Listening sessions", "0"),
        ("Groups together*", "16"),
        ("Total", "16"),
    ]
    # The note says what the combined row holds, and why, with the page that explains it.
    note = page[page.index("Responses by respondent group") :]
    note = note[: note.index("</section>")]
    assert "Groups together: Any of: Survivors, Advocates." in note
    assert "fewer than 5 people share are counted together" in note
    assert "/staff/reports/protection" in note
    assert "hidden-cell" not in by_group
    assert "How each point of intervention affected safety" in page
    assert 'class="chart"' in page
    assert "Key findings" in page
    assert "16 responses, received in" in page
    # No response id, no raw text, no small count anywhere on the page.
    assert "612-555-0199" not in page


def test_review_confirm_quote_publish_and_viewer_reads_it_without_the_key(
    app: Flask,
    people: dict[str, Any],
    survey: None,
    session: Session,
) -> None:
    fran = unlocked(app, people)
    queue = fran.get("/staff/themes/review?code=police.made_less_safe").get_data(as_text=True)
    handles = HANDLE.findall(queue)
    assert handles, "the Spanish police excerpts are suggested for review"
    assert "<mark>" in queue
    assert "policía" in queue
    every = fran.get("/staff/themes/review?status=all").get_data(as_text=True)
    assert "Llamé al [phone]." in every  # redacted before anyone sees it
    assert "612-555-0199" not in every
    assert "612-555-0199" not in queue
    # Confirm the code for all seven survivors and approve one excerpt as a quote.
    for _ in range(7):
        result, _handle = decide_first(
            fran, "?code=police.made_less_safe&status=pending", "confirm", "police.made_less_safe"
        )
        assert result.status_code == 303
    decide_first(
        fran, "?code=police.made_less_safe&status=confirmed", "quote", "police.made_less_safe"
    )
    # Coding is sealed: the annotation rows hold no readable text.
    rows = session.scalars(select(ResponseAnnotation)).all()
    assert len(rows) == 7
    assert all(b"police" not in row.ciphertext for row in rows)

    dashboard = fran.get("/staff/data").get_data(as_text=True)
    assert "Confirmed themes by respondent group" in dashboard
    assert "La policía no me creyó y tuve más miedo." in dashboard  # the approved quote
    csrf = FORM_TOKEN.search(dashboard).group(1)  # type: ignore[union-attr]
    published = fran.post(
        "/staff/reports/publish", data={"csrf_token": csrf, "title": "Autumn listening"}
    )
    assert published.status_code == 303
    report = session.scalars(select(ThemeReport)).one()
    assert b"polic" not in report.ciphertext  # stored encrypted, not as readable JSON
    assert session.scalars(
        select(AuditEntry).where(AuditEntry.action == "theme report published")
    ).one()

    # A second report two responses later is refused: the two could be subtracted.
    add_responses(session, keystore_of(app), "survivor", 2, {"help_sought": "yes"})
    dashboard = fran.get("/staff/data").get_data(as_text=True)
    csrf = FORM_TOKEN.search(dashboard).group(1)  # type: ignore[union-attr]
    again = fran.post(
        "/staff/reports/publish",
        data={"csrf_token": csrf, "title": "Too soon"},
        follow_redirects=True,
    )
    assert "Fewer than 5 responses have arrived since the last report" in again.get_data(
        as_text=True
    )
    assert session.scalars(select(ThemeReport)).all() == [report]

    # The facilitator locks; a viewer opens the report with no key at all.
    fran.post("/staff/lock", data={"csrf_token": token(fran, "/staff/")})
    vic = signed_in(app, people, "viewer")
    home = vic.get("/staff/").get_data(as_text=True)
    assert "Autumn listening" in home
    page = vic.get("/staff/reports").get_data(as_text=True)
    assert "Confidential — CCR team only" in page
    assert "La policía no me creyó y tuve más miedo." in page
    assert "612-555-0199" not in page
    # …and cannot reach the unlocked analysis, the queue or any response.
    for path in (
        "/staff/data",
        "/staff/themes/review",
        "/staff/themes/emerging",
        "/staff/codebook",
    ):
        assert vic.get(path).status_code == 403, path
    csv_text = vic.get("/staff/reports/csv").get_data(as_text=True).lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(csv_text)))
    assert rows[0] == ["table", "row", "column", "count", "hidden"]
    by_group = [r[1:4] for r in rows if r[0] == "Responses by respondent group"]
    # Advocates are fewer than k: never a row of their own, only inside a combined count.
    assert not [r for r in by_group if r[0] == "Advocates"]
    assert [r for r in by_group if "Advocates" in r[0]] == [
        ["Any of: Survivors, Advocates", "Responses", "16"]
    ]
    assert "no me creyó" not in csv_text  # quotes are not in the tables


def test_a_quote_waits_until_its_theme_has_k_people(
    app: Flask, people: dict[str, Any], session: Session, keystore: Keystore
) -> None:
    add_responses(
        session, keystore, "survivor", 5,
        {"help_story": "The police laughed at me and did not believe me."},
    )  # fmt: skip
    fran = unlocked(app, people)

    def quote_next() -> None:
        done, _handle = decide_first(
            fran, "?status=pending&code=police.respect_dignity", "quote", "police.respect_dignity"
        )
        assert done.status_code == 303
        assert "Saved." in fran.get(done.headers["Location"]).get_data(as_text=True)

    for _ in range(4):
        quote_next()
    assert "The police laughed at me" not in fran.get("/staff/data").get_data(as_text=True)
    quote_next()  # the fifth person: the theme now has k = 5 respondents
    dashboard = fran.get("/staff/data").get_data(as_text=True)
    assert dashboard.count("The police laughed at me and did not believe me.") == 5


def test_splits_keep_people_who_did_not_say_apart(session: Session, keystore: Keystore) -> None:
    from intake.analysis.aggregate import Aggregate
    from intake.questionnaires.catalog import definition_of, published_versions
    from intake.responses import OpenedResponse

    version = next(v for v in published_versions(session) if v.questionnaire.audience == "survivor")
    definition = definition_of(version)
    agg = Aggregate()
    people_ = [
        {"interventions_contacted": ["police"], "help_sought": "yes"},
        {"interventions_contacted": ["housing"], "help_sought": "yes"},
        {"help_sought": "yes"},  # skipped the contact question
    ]
    for i, answers in enumerate(people_):
        agg.add(
            OpenedResponse(
                f"r{i}", version.id, "self", __import__("datetime").date(2026, 11, 1), "en", answers
            ),
            definition,
        )
    assert agg.split("police", "help_sought", "yes") == (1, 1, 1)


def test_hidden_rows_are_not_ranked_by_their_true_counts() -> None:
    from intake.analysis.disclosure import Margins, Table, protect_report
    from intake.analysis.report import _order_by_published

    rows = ["a", "b", "c", "d", "e"]
    counts = {("a", "n"): 1, ("b", "n"): 4, ("c", "n"): 2, ("d", "n"): 3, ("e", "n"): 9}
    table = Table("t", list(rows), ["n"], counts, Margins.NONE)
    protect_report([table], 5)
    _order_by_published(table)
    assert table.rows == ["e", "a", "b", "c", "d"]  # shown first; hidden keep their order


def test_a_forged_or_foreign_handle_changes_nothing(
    app: Flask,
    people: dict[str, Any],
    survey: None,
    session: Session,
) -> None:
    fran = unlocked(app, people)
    handle = HANDLE.search(fran.get("/staff/themes/review").get_data(as_text=True)).group(1)  # type: ignore[union-attr]
    forged = handle[:-4] + ("AAAA" if not handle.endswith("AAAA") else "BBBB")
    result, _used = decide_first(fran, "", "confirm", "police.made_less_safe", forged)
    assert "no longer available" in fran.get(result.headers["Location"]).get_data(as_text=True)
    # A handle from another unlock does not open here either (it is sealed to that unlock).
    fran.post("/staff/lock", data={"csrf_token": token(fran, "/staff/")})
    fran.post(
        "/staff/unlock",
        data={"csrf_token": token(fran, "/staff/unlock"), "passphrase": FACILITATOR_PASSPHRASE},
    )
    result, _used = decide_first(fran, "", "confirm", "police.made_less_safe", handle)
    assert "no longer available" in fran.get(result.headers["Location"]).get_data(as_text=True)
    assert session.scalars(select(ResponseAnnotation)).all() == []
    # Missing CSRF: refused, nothing saved.
    result = fran.post(
        "/staff/themes/review",
        data={"handle": handle, "action": "confirm", "code": "x"},
    )
    assert result.status_code == 400
    assert "reload the page and try again" in result.get_data(as_text=True)
    assert session.scalars(select(ResponseAnnotation)).all() == []


def test_tampered_coding_is_reported_not_trusted(
    app: Flask,
    people: dict[str, Any],
    survey: None,
    session: Session,
) -> None:
    fran = unlocked(app, people)
    decide_first(fran, "", "confirm", "police.made_less_safe")
    row = session.scalars(select(ResponseAnnotation)).one()
    blob = bytearray(row.ciphertext)
    blob[-1] ^= 1
    row.ciphertext = bytes(blob)
    row.revision += 1
    session.commit()
    page = fran.get("/staff/data").get_data(as_text=True)
    assert "failed verification" in page


def test_codebook_edit_changes_suggestions_and_is_versioned(
    app: Flask,
    people: dict[str, Any],
    session: Session,
    keystore: Keystore,
) -> None:
    add_responses(
        session, keystore, "survivor", 5, {"help_story": "The usher was rude and laughed at me."}
    )
    fran = unlocked(app, people)
    assert "usher" not in fran.get("/staff/themes/review").get_data(as_text=True)
    page = fran.get("/staff/codebook/part?key=criminal_court").get_data(as_text=True)
    csrf = FORM_TOKEN.search(page).group(1)  # type: ignore[union-attr]
    current = codebook_module.shipped().interventions["criminal_court"]
    form = {"csrf_token": csrf}
    for lang in app.extensions["intake.config"].languages:
        form[f"label_{lang}"] = current.label.get(lang, "")
        form[f"patterns_{lang}"] = "\n".join(current.patterns.get(lang, ()))
    form["patterns_en"] += "\nusher"
    assert fran.post("/staff/codebook/part?key=criminal_court", data=form).status_code == 303
    queue = fran.get("/staff/themes/review").get_data(as_text=True)
    assert "<mark>usher</mark>" in queue
    assert codebook_module.current(session).version >= 1
    # A pattern with regular-expression syntax is refused with a reason, nothing saved.
    form["patterns_en"] += "\npolice.*"
    refused = fran.post("/staff/codebook/part?key=criminal_court", data=form)
    assert refused.status_code == 422
    assert "cannot be used" in refused.get_data(as_text=True)
    version = codebook_module.current(session).version
    # More words than a language may hold: a plain reason, nothing saved.
    form["patterns_en"] = "\n".join(f"word number {n}" for n in range(401))
    too_many = fran.post("/staff/codebook/part?key=criminal_court", data=form)
    assert too_many.status_code == 422
    assert "Too many words: at most 400 per language." in too_many.get_data(as_text=True)
    session.expire_all()
    assert codebook_module.current(session).version == version
    # The shipped codebook's longest list (about 200) leaves room to add as many again.
    form["patterns_en"] = "\n".join(f"word number {n}" for n in range(400))
    assert fran.post("/staff/codebook/part?key=criminal_court", data=form).status_code == 303


def test_raw_export_needs_the_key_and_is_audited(
    app: Flask, session: Session, keystore: Keystore, survey: None, tmp_path, team
) -> None:
    target = tmp_path / "raw.jsonl"
    runner = app.test_cli_runner()
    refused = runner.invoke(
        args=["intake", "export-raw", str(target), "--recovery"], input="wrong\n"
    )
    assert refused.exit_code != 0
    assert not target.exists()
    result = runner.invoke(
        args=["intake", "export-raw", str(target), "--recovery"], input=team.recovery_key + "\n"
    )
    assert result.exit_code == 0, result.output
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    lines = [json.loads(line) for line in target.read_text().splitlines()]
    assert len(lines) == 16
    assert any("no me creyó" in (line["answers"].get("help_story") or "") for line in lines)
    session.expire_all()
    assert session.scalars(select(AuditEntry).where(AuditEntry.action == "raw export")).one()


def test_state_is_incremental_and_ends_with_the_unlock(
    app: Flask,
    session: Session,
    keystore: Keystore,
    open_team: keyring.TeamPrivateKey,
    facilitator,
    survey: None,
) -> None:
    from intake import clock, crypto
    from intake.analysis.state import state_for
    from intake.models import StaffSession

    now = clock.utcnow()
    staff_session = StaffSession(
        id="s" * 64, user_id=facilitator.id, created_at=now, last_seen_at=now
    )
    session.add(staff_session)
    session.flush()
    unlock_id = crypto.token_digest(keyring.unlock(session, staff_session.id, open_team).token)
    session.commit()
    state = state_for(session, unlock_id, open_team, keystore)
    assert state.aggregate.total == 16
    add_responses(session, keystore, "community_leader", 2, {"trust_systems": 3})
    again = state_for(session, unlock_id, open_team, keystore)
    assert again is state  # the same state, brought up to date…
    assert again.aggregate.total == 18  # …by reading only the two new responses
    assert again.aggregate.by_group["community_leader"] == 2
    # A response shredded meanwhile (its epoch destroyed): the analysis starts again.
    from intake.models import Response

    session.delete(session.scalars(select(Response).limit(1)).one())
    session.commit()
    rebuilt = state_for(session, unlock_id, open_team, keystore)
    assert rebuilt is not state
    assert rebuilt.aggregate.total == 17
    state = rebuilt
    # Locking (on any worker) ends the unlock: the next look forgets the analysis.
    keyring.lock(session, staff_session.id)
    session.commit()
    assert state_for(session, unlock_id, open_team, keystore) is not state


def _snapshot_table(key: str, rows, columns, values) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return {
        "key": key,
        "rows": rows,
        "columns": columns,
        "values": values,
        "section": "overview",
        "combined": [],
    }


def test_findings_use_published_numbers_only_and_never_rank_hidden_ones() -> None:
    from intake.analysis.findings import findings

    total = "__total__"
    snap = {
        "tables": [
            _snapshot_table(
                "by_group",
                [["survivor", "group.survivor"], ["advocate", "group.advocate"], [total, "total"]],
                [["n", "count"]],
                {"survivor": {"n": 30}, "advocate": {"n": None}, total: {"n": 34}},
            ),
            _snapshot_table(
                "by_month",
                [["2026-10", "month:2026-10"], ["2026-11", "month:2026-11"], [total, "total"]],
                [["n", "count"]],
                {"2026-10": {"n": 14}, "2026-11": {"n": 20}, total: {"n": 34}},
            ),
            _snapshot_table(
                "effects",
                [["police", "Police"], ["courts", "Courts"], ["schools", "Schools"]],
                [["made_less_safe", "less"], ["any:made_safer+mixed", "other"]],
                {
                    "police": {"made_less_safe": 9, "any:made_safer+mixed": 6},
                    "courts": {"made_less_safe": None, "any:made_safer+mixed": None},
                    "schools": {"made_less_safe": 5, "any:made_safer+mixed": 0},
                },
            ),
        ]
    }
    found = {f["kind"]: f for f in findings(snap)}
    # The hidden group is left out rather than ranked; the period comes from shown months.
    assert found["responses"]["groups"] == [("group.survivor", 30)]
    assert (found["responses"]["first"], found["responses"]["last"]) == (
        "month:2026-10",
        "month:2026-11",
    )
    assert found["less_safe"]["items"] == [("Police", 9), ("Schools", 5)]
    # "Made safer" is combined with another answer: no sentence claims it on its own.
    assert "safer" not in found
    assert found["themes"]["items"] == []


def test_findings_name_points_and_families_but_not_a_catch_all_row() -> None:
    from intake.analysis.findings import findings

    total = "__total__"
    family = ["family", "family.courts", ["Prosecution", "Criminal court"]]
    rest = ["any", ["Schools", "Housing"], "family.rest"]
    snap = {
        "tables": [
            _snapshot_table(
                "effects",
                [["police", "Police"], ["any:c", family], ["any:r", rest], [total, "total"]],
                [["made_less_safe", "less"], ["made_safer", "safer"]],
                {
                    "police": {"made_less_safe": 6, "made_safer": 7},
                    "any:c": {"made_less_safe": 8, "made_safer": 0},
                    "any:r": {"made_less_safe": 12, "made_safer": 9},
                    total: {"made_less_safe": 26, "made_safer": 16},
                },
            )
        ]
    }
    found = {f["kind"]: f for f in findings(snap)}
    # "Other points of intervention" (12) is larger but says nothing a team can act on.
    assert found["less_safe"]["items"] == [(family, 8), ("Police", 6)]
    assert found["safer"]["items"] == [("Police", 7)]


def test_the_safety_table_counts_contacts_and_every_page_links_the_protection_page(
    app: Flask, people: dict[str, Any], survey: None
) -> None:
    fran = unlocked(app, people)
    page = fran.get("/staff/data").get_data(as_text=True)
    safety = page[page.index("How each point of intervention affected safety") :]
    safety = safety[: safety.index("</section>")]
    assert "Counts contacts" in safety
    assert "Counts people." in page  # the other tables say so too
    for path in ("/staff/reports/protection",):
        text = fran.get(path).get_data(as_text=True)
        assert "How numbers are protected" in text
        assert "A number from 1 to 4 is hidden." in text
    vic = signed_in(app, people, "viewer")
    assert vic.get("/staff/reports/protection").status_code == 200


def test_visible_share_counts_combined_numbers_as_shown() -> None:
    from intake.analysis.report import visible_share

    snap = {
        "tables": [
            {
                "combined": ["any:a+b"],
                "values": {"r": {"c": 5, "any:a+b": 7, "d": None}, "__total__": {"c": 0}},
            }
        ]
    }
    assert visible_share(snap) == {
        "numbers": 4,
        "shown": 3,
        "combined": 1,
        "hidden": 1,
        "share": 0.75,
    }


def test_made_safer_and_made_less_safe_are_never_combined(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Given a first round's size, where most safety answers are too few to show alone
    from bench.coverage import snapshot_of

    snap = snapshot_of(25, tmp_path)
    effects = next(t for t in snap["tables"] if t["key"] == "effects")
    columns = [key for key, _label in effects["columns"]]

    # Then the two answers the question exists for keep their own columns (shown or
    # hidden), and whatever was combined holds neither of them
    assert "made_safer" in columns
    assert "made_less_safe" in columns
    combined = [key for key in columns if key.startswith("any:")]
    assert all("made_safer" not in key and "made_less_safe" not in key for key in combined)


def test_points_pages_split_by_family_and_leave_out_what_would_be_mostly_hidden(
    app: Flask, people: dict[str, Any], session: Session, keystore: Keystore
) -> None:
    # Given 8 people who called 911, 3 who met the police and 3 arrested (all sought help),
    # 5 housing contacts (2 sought help, 3 did not) and 8 without any contact (half did).
    def survivors(count: int, contacted: list[str], sought: str) -> None:
        answers = {"interventions_contacted": contacted, "help_sought": sought}
        add_responses(session, keystore, "survivor", count, answers)

    survivors(8, ["dispatch_911"], "yes")
    survivors(3, ["police"], "yes")
    survivors(3, ["arrest"], "yes")
    survivors(2, ["housing"], "yes")
    survivors(3, ["housing"], "no")
    survivors(4, ["none"], "yes")
    survivors(4, ["none"], "no")
    fran = unlocked(app, people)
    page = fran.get("/staff/data/points").get_data(as_text=True)
    choices = dict(re.findall(r'<option value="([^"]+)"[^>]*>([^<]+)</option>', page))
    # Police and arrest alone would be mostly hidden: the emergency-and-police family is
    # split as one (14 people), and none of its points on its own (no subtraction).
    assert "family:emergency_police" in choices
    assert not {"dispatch_911", "police", "arrest", "jail_pretrial"} & set(choices)
    police = fran.get("/staff/data/points?point=family:emergency_police").get_data(as_text=True)
    assert "Did you ever reach out to anyone for help?" in police
    had = police[police.index("Had contact") :]
    assert re.search(r'<td role="cell"[^>]*>\s*14\b', had), "14 people of the family sought help"

    # Housing's split (2 and 3) would be all hidden, and so would its family's: left out,
    # with the question's total shown instead and the reason linked.
    assert "family:services" in choices
    services = fran.get("/staff/data/points?point=family:services").get_data(as_text=True)
    assert "Not split for this point of intervention" in services
    left_out = services[services.index("Not split for this point of intervention") :]
    assert "Did you ever reach out to anyone for help? — 27 people answered" in left_out
    assert 'href="/staff/reports/protection#left-out"' in left_out
    assert ">hidden<" not in services  # nothing on this page is hidden


def test_a_split_left_mostly_hidden_by_protection_is_left_out_and_named() -> None:
    from intake.analysis.report import leave_out_hidden_splits

    def split(key: str, had: list[int | None]) -> dict[str, Any]:
        columns = [[f"o{i}", f"o{i}"] for i in range(len(had))] + [["__total__", "total"]]
        return {
            "key": f"split:police:{key}",
            "section": "split:police",
            "point": "police",
            "point_label": "Police",
            "question_key": key,
            "title": key,
            "columns": columns,
            "values": {"yes": {**{f"o{i}": v for i, v in enumerate(had)}, "__total__": None}},
        }

    mostly = split("q1", [None, None, 7])
    half = split("q2", [None, 6])
    overview = {"key": "by_group", "section": "overview"}
    dropped: list[dict[str, Any]] = []
    kept = leave_out_hidden_splits([overview, mostly, half], dropped)
    # Two of three "had contact" cells hidden: left out and named; one of two: kept.
    assert kept == [overview, half]
    assert [(d["point"], d["question"]) for d in dropped] == [("police", "q1")]
