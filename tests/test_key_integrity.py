"""Key integrity against a database writer and a backup holder (issue 20).

Each test plays the attack as the adversarial review did and checks it no longer works.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Any

import click
import pytest
from flask import Flask
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from intake import audit, crypto, db, keyring
from intake.analysis import report as report_module
from intake.app import create_app, on_start
from intake.keystore import Keystore, SealedEpochKey, fingerprint
from intake.models import (
    AuditEntry,
    Epoch,
    KeySlot,
    Response,
    StaffUser,
    TeamKey,
    ThemeReport,
    UnlockSession,
)
from intake.questionnaires.catalog import definition_of
from intake.responses import read_response

from .conftest import FACILITATOR_PASSPHRASE, MovableClock, Respondent, make_config
from .test_sealing import read, store
from .test_staff_side import FORM_TOKEN, people, signed_in, start_entry  # noqa: F401 - fixture


def _staff_session(session: Session) -> str:
    """A signed-in staff session row, as sign-in makes (what an unlock hangs off)."""
    from intake import clock
    from intake.models import StaffSession

    sid = crypto.token_digest(crypto.random_id())
    now = clock.utcnow()
    session.add(
        StaffSession(id=sid, user_id=open_team_user(session), created_at=now, last_seen_at=now)
    )
    session.flush()
    return sid


# -- 1: public key material a database writer cannot swap ---------------------------------
def test_a_swapped_epoch_public_key_is_refused_before_anything_is_sealed(
    session: Session, keystore: Keystore
) -> None:
    # Given a working epoch
    rid = store(session, keystore)
    epoch = session.get(Response, rid).epoch  # type: ignore[union-attr]
    # When a database writer replaces its public key with one they hold
    attacker = crypto.generate_keypair()
    session.execute(update(Epoch).where(Epoch.id == epoch.id).values(public_key=attacker.public))
    session.commit()
    before = session.scalar(select(func.count()).select_from(Response))
    # Then nothing is sealed to it, with an error that tells the operator what to do
    with pytest.raises(keyring.UnauthenticatedKey, match="attest-keys"):
        store(session, keystore)
    session.rollback()
    assert session.scalar(select(func.count()).select_from(Response)) == before


def test_an_inserted_slot_is_listed_and_rotation_refuses_to_seal_to_it(
    session: Session, keystore: Keystore, open_team: keyring.TeamPrivateKey
) -> None:
    # Given a database writer who inserts a "granted" slot with their own public key
    attacker = crypto.generate_keypair()
    session.add(
        KeySlot(
            kind="passphrase",
            public_key=attacker.public,
            sealed_team_key=b"x",
            team_key_version=1,
            created_at=session.scalar(select(TeamKey.created_at)),
        )
    )
    session.commit()
    # Then the operator sees it as not authenticated…
    recipients = keyring.rotation_recipients(session, keystore)
    assert [r.authentic for r in recipients if r.fingerprint == fingerprint(attacker.public)] == [
        False
    ]
    assert all(r.authentic for r in recipients if r.fingerprint != fingerprint(attacker.public))
    # …and the rotation seals nothing to anyone
    with pytest.raises(keyring.UnauthenticatedKey):
        keyring.rotate(session, keystore, open_team)
    session.rollback()
    assert session.scalar(select(func.max(TeamKey.version))) == 1


def test_a_waiting_slot_whose_public_key_was_swapped_is_not_granted(
    session: Session, keystore: Keystore, open_team: keyring.TeamPrivateKey
) -> None:
    from intake.staff.auth import create_user

    from .conftest import TEST_KDF

    nia = create_user(session, "nia", "a-login-password", "facilitator")
    slot = keyring.request_slot(session, keystore, nia, "nia's passphrase", TEST_KDF)
    session.commit()
    attacker = crypto.generate_keypair()
    session.execute(update(KeySlot).where(KeySlot.id == slot.id).values(public_key=attacker.public))
    session.commit()
    session.expire_all()
    with pytest.raises(keyring.UnauthenticatedKey):
        keyring.grant_slot(session, keystore, open_team, slot.id)
    session.rollback()
    assert session.get(KeySlot, slot.id).sealed_team_key is None  # type: ignore[union-attr]


def test_a_swapped_team_public_key_gets_no_new_epoch_sealed_to_it(
    session: Session, keystore: Keystore, moving_clock: MovableClock
) -> None:
    attacker = crypto.generate_keypair()
    session.execute(update(TeamKey).values(public_key=attacker.public))
    session.commit()
    moving_clock.advance(days=400)  # epochs that do not exist yet
    with pytest.raises(keyring.UnauthenticatedKey):
        keyring.ensure_epochs(session, keystore, moving_clock.now().date())
    session.rollback()
    assert not [f for f in keystore.files() if f[0].startswith(str(moving_clock.now().year))]


def test_keys_without_a_mac_are_proved_by_attest_keys(
    session: Session, keystore: Keystore, open_team: keyring.TeamPrivateKey
) -> None:
    # Given keys from before they were authenticated (as after the upgrade)
    for model in (TeamKey, Epoch, KeySlot):
        session.execute(update(model).values(key_mac=None))
    session.commit()
    with pytest.raises(keyring.UnauthenticatedKey):
        store(session, keystore)
    session.rollback()
    # When the operator attests them, confirming the slots shown
    shown: list[keyring.Recipient] = []
    done = keyring.attest_keys(session, keystore, open_team, lambda r: shown.append(r) or True)
    session.commit()
    # Then team and epoch keys were proved, slots confirmed, and sealing works again
    assert "team key v1" in done
    assert {r.kind for r in shown} == {"passphrase", "recovery"}
    rid = store(session, keystore)
    assert read(session, rid, open_team, keystore).id == rid


def test_attest_keys_refuses_an_epoch_key_that_is_not_the_key_stores(
    session: Session, keystore: Keystore, open_team: keyring.TeamPrivateKey
) -> None:
    epoch = session.scalars(select(Epoch)).first()
    assert epoch is not None
    attacker = crypto.generate_keypair()
    epoch.public_key = attacker.public
    epoch.key_mac = None
    session.commit()
    with pytest.raises(keyring.KeyringError):
        keyring.attest_keys(session, keystore, open_team, lambda _r: True)
    session.rollback()
    assert session.get(Epoch, epoch.id).key_mac is None  # type: ignore[union-attr]


# -- 2: rotation and start-up cannot interleave -------------------------------------------
def test_pruning_never_touches_a_version_above_the_active_one(
    session: Session, keystore: Keystore
) -> None:
    epoch = session.scalars(select(Epoch)).first()
    assert epoch is not None
    # A file a rotation wrote for version 2 before committing
    keystore.put(SealedEpochKey(epoch.label, fingerprint(epoch.public_key), 2, b"sealed"))
    keyring.prune_keystore(session, keystore)
    session.commit()
    assert 2 in keystore.versions_of(epoch.label)


def test_a_start_up_during_a_rotation_loses_no_response(
    app: Flask, session: Session, keystore: Keystore, open_team: keyring.TeamPrivateKey
) -> None:
    """The finding: start-up pruned a running rotation's files; after its commit nothing
    opened. Runs on PostgreSQL when INTAKE_TEST_POSTGRES_URL is set (CI), else SQLite."""
    ids = [store(session, keystore) for _ in range(6)]
    rotated = threading.Event()
    started = threading.Event()
    errors: list[BaseException] = []

    def rotation() -> None:
        try:
            with db.get_database(app).session() as own:
                team = keyring.open_with_passphrase(
                    own, own.get(StaffUser, open_team_user(own)), FACILITATOR_PASSPHRASE
                )
                keyring.rotate(own, keystore, team)
                rotated.set()
                # Hold the transaction open while a start-up runs beside it.
                started.wait(timeout=10)
                own.commit()
                keyring.prune_keystore(own, keystore)
                own.commit()
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
            rotated.set()

    def start_up() -> None:
        try:
            rotated.wait(timeout=10)
            started.set()
            on_start(app, lock_data=False)  # waits for the key store's lock
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=rotation), threading.Thread(target=start_up)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors, errors
    session.expire_all()
    team = keyring.open_with_passphrase(
        session, session.get(StaffUser, open_team_user(session)), FACILITATOR_PASSPHRASE
    )
    assert team.version == 2
    for rid in ids:
        assert read(session, rid, team, keystore).id == rid
    assert {version for *_rest, version, _path in keystore.files()} == {2}


def open_team_user(session: Session) -> int:
    user = session.scalar(select(StaffUser).where(StaffUser.username == "fran"))
    assert user is not None
    return user.id


def test_a_cli_command_does_not_end_unlocks_but_a_server_start_does(
    app: Flask, session: Session, open_team: keyring.TeamPrivateKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    staff_session_id = _staff_session(session)
    keyring.unlock(session, staff_session_id, open_team)
    session.commit()
    # `flask --app wsgi intake backup` imports wsgi.py inside the flask command
    monkeypatch.setattr("sys.argv", ["flask", "--app", "wsgi", "intake", "backup", "b.jsonl"])
    with click.Context(click.Group("flask")):
        on_start(app)
    assert session.scalar(select(func.count()).select_from(UnlockSession)) == 1
    # gunicorn importing wsgi.py: a real start locks everything
    on_start(app)
    session.expire_all()
    assert session.scalar(select(func.count()).select_from(UnlockSession)) == 0


# -- 3: destroying an epoch reaches published reports -------------------------------------
def test_destroying_an_epoch_removes_the_reports_built_from_it(
    app: Flask, session: Session, keystore: Keystore, moving_clock: MovableClock
) -> None:
    secret = app.extensions["intake.config"].secret_key
    rid = store(session, keystore)
    label = session.get(Response, rid).epoch.label  # type: ignore[union-attr]
    snapshot = {"tables": [], "threshold": 5, "responses": 1, "quotes": ["a quote"]}
    old = report_module.publish(session, snapshot, "Built from it", "fran", secret)
    # …and an advocate's unfinished entry saved during that epoch
    from intake import staff_drafts
    from intake.models import StaffDraft

    version_id = session.get(Response, rid).questionnaire_version_id  # type: ignore[union-attr]
    staff_drafts.create(session, open_team_user(session), version_id, crypto.random_key(), {})
    session.commit()
    assert old.epochs == label
    moving_clock.advance(days=120)
    keyring.ensure_epochs(session, keystore, moving_clock.now().date())
    session.commit()
    # A report published later from a newer epoch only
    session.execute(delete(Response))
    store(session, keystore)
    later = report_module.publish(session, snapshot, "Newer", "fran", secret)
    session.commit()
    later_id, old_id = later.id, old.id
    # When the old epoch is destroyed
    moving_clock.advance(days=120)
    _count, removed = keyring.destroy_epoch(session, keystore, label)
    session.commit()
    # Then the report built from it is emptied (database and server secret open nothing)
    # and withdrawn; only what the next report is compared with stays beside it
    assert removed == 1
    emptied = session.get(ThemeReport, old_id)
    assert emptied is not None
    assert emptied.ciphertext == b""
    assert emptied.withdrawn_at is not None
    assert emptied.responses == 1
    with pytest.raises(crypto.DecryptionError):
        report_module.open_report(emptied, secret)
    kept = session.get(ThemeReport, later_id)
    assert kept is not None
    assert kept.withdrawn_at is None
    assert report_module.open_report(kept, secret)["title"] == "Newer"
    assert session.scalars(select(StaffDraft)).all() == []


# -- 6: backups and the audit head are authenticated --------------------------------------
def _backup(app: Flask, target: Path) -> None:
    result = app.test_cli_runner().invoke(args=["intake", "backup", str(target)])
    assert result.exit_code == 0, result.output


def _restore(app: Flask, tmp_path: Path, source: Path, name: str):  # type: ignore[no-untyped-def]
    other = create_app(
        make_config(tmp_path).with_overrides(
            database_url=f"sqlite:///{tmp_path / (name + '.sqlite3')}",
            instance_path=app.extensions["intake.config"].instance_path,
        )
    )
    result = other.test_cli_runner().invoke(args=["intake", "restore", str(source)])
    db.get_database(other).dispose()
    return result


def test_an_edited_backup_is_refused_even_with_its_header_fixed(
    app: Flask, session: Session, keystore: Keystore, tmp_path: Path
) -> None:
    import json

    victim = store(session, keystore)
    store(session, keystore)
    with app.app_context():
        audit.record(session, "fran", "lock")
        session.commit()
    target = tmp_path / "backup.jsonl"
    _backup(app, target)
    # A backup holder removes one response and the last audit entry, fixing the counts
    lines = target.read_text(encoding="utf-8").splitlines()
    header = json.loads(lines[0])
    kept = [lines[0]]
    last_audit = max(i for i, line in enumerate(lines) if '"table": "audit_entry"' in line)
    for i, line in enumerate(lines[1:-1], start=1):
        if victim in line or i == last_audit:
            table = json.loads(line)["table"]
            header["counts"][table] -= 1
            continue
        kept.append(line)
    kept[0] = json.dumps(header)
    edited = tmp_path / "edited.jsonl"
    edited.write_text("\n".join([*kept, lines[-1]]) + "\n", encoding="utf-8")
    refused = _restore(app, tmp_path, edited, "edited")
    assert refused.exit_code == 1
    assert "cannot be trusted" in refused.output
    # Cut short (the closing MAC gone): refused too; the intact one restores
    cut = tmp_path / "cut.jsonl"
    cut.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    assert _restore(app, tmp_path, cut, "cut").exit_code == 1
    intact = _restore(app, tmp_path, target, "intact")
    assert intact.exit_code == 0, intact.output


def test_entries_cut_off_the_end_of_the_audit_log_show(
    app: Flask, session: Session, keystore: Keystore
) -> None:
    with app.app_context():
        for action in ("unlock", "lock", "unlock"):
            audit.record(session, "fran", action)
        session.commit()
        assert audit.verify(session).first_broken is None
        # A database writer deletes the last entry (the chain before it is still whole)
        last = session.scalar(select(func.max(AuditEntry.id)))
        session.execute(delete(AuditEntry).where(AuditEntry.id == last))
        session.commit()
        assert audit.verify(session).first_broken is not None
        # …and a later entry does not launder the cut
        audit.record(session, "fran", "lock")
        session.commit()
        assert audit.verify(session).first_broken is not None


# -- 7: abandoned unlocks are swept ---------------------------------------------------------
def test_an_abandoned_unlock_is_swept_after_the_idle_time(
    app: Flask, session: Session, open_team: keyring.TeamPrivateKey, moving_clock: MovableClock
) -> None:
    import datetime as dt

    first, second = _staff_session(session), _staff_session(session)
    keyring.unlock(session, first, open_team)  # its cookie never comes back
    moving_clock.advance(minutes=20)
    ticket = keyring.unlock(session, second, open_team)
    session.commit()
    moving_clock.advance(minutes=15)  # the first is 35 minutes idle, the second 15
    assert keyring.resume_unlock(session, second, ticket, dt.timedelta(minutes=30)) is not None
    session.commit()
    assert session.scalars(select(UnlockSession.staff_session_id)).all() == [second]
    # The CLI sweep does the same with nobody unlocked
    moving_clock.advance(minutes=31)
    result = app.test_cli_runner().invoke(args=["intake", "sweep"])
    assert result.exit_code == 0, result.output
    session.expire_all()
    assert session.scalar(select(func.count()).select_from(UnlockSession)) == 0


# -- Also: excerpt handles have a key of their own ------------------------------------------
def test_excerpt_handles_do_not_use_the_key_that_unwraps_the_team_key() -> None:
    ticket = keyring.UnlockTicket(token="t", secret=crypto.random_key())
    assert ticket.handle_key != ticket.secret
    blob = crypto.wrap_with_key(ticket.handle_key, b"handle", b"excerpt-handle")
    with pytest.raises(crypto.DecryptionError):
        crypto.unwrap_with_key(ticket.secret, blob, b"excerpt-handle")


def test_an_older_coding_cannot_be_put_back_under_a_newer_revision() -> None:
    from intake.responses import UnreadableResponse, open_annotation, seal_annotation

    key = crypto.new_data_key()
    first = seal_annotation(key, "r1", {"codes": ["a"]}, revision=1)
    assert open_annotation(key, "r1", first, revision=1) == {"codes": ["a"]}
    with pytest.raises(UnreadableResponse):
        open_annotation(key, "r1", first, revision=2)


def test_read_response_still_opens_what_was_sealed(
    session: Session, keystore: Keystore, open_team: keyring.TeamPrivateKey
) -> None:
    rid = store(session, keystore)
    response = session.get(Response, rid)
    assert response is not None
    opened = read_response(
        response, open_team, keystore, definition_of(response.questionnaire_version)
    )
    assert opened.id == rid


# -- 5: nothing stored pairs an assisted response with its advocate --------------------------
def test_submitting_an_assisted_entry_writes_nothing_that_names_the_advocate(
    app: Flask,
    session: Session,
    people: dict[str, Any],  # noqa: F811 - the fixture imported above
) -> None:
    advocate = signed_in(app, people, "advocate")
    page = start_entry(advocate, app)
    audit_before = session.scalar(select(func.count()).select_from(AuditEntry))
    done = advocate.post(
        "/staff/entry",
        data={"csrf_token": FORM_TOKEN.search(page).group(1), "action": "submit"},  # type: ignore[union-attr]
    )
    assert done.headers["Location"] == "/staff/entry/done"
    session.expire_all()
    assert session.scalar(select(func.count()).select_from(Response)) == 1
    assert session.scalar(select(func.count()).select_from(AuditEntry)) == audit_before


# -- 8: advocates' unfinished entries expire, end with access, and are padded ----------------
def test_an_advocates_unfinished_entries_expire_go_with_deactivation_and_are_padded(
    app: Flask,
    session: Session,
    people: dict[str, Any],  # noqa: F811 - the fixture imported above
    moving_clock: MovableClock,
) -> None:
    from intake import staff_drafts
    from intake.models import StaffDraft

    advocate = signed_in(app, people, "advocate")
    start_entry(advocate, app)
    draft = session.scalars(select(StaffDraft)).one()
    # Padded: a short entry is a whole KiB (plus nonce and tag)
    assert (len(draft.ciphertext) - 12 - 16) % 1024 == 0
    ada = session.scalar(select(StaffUser).where(StaffUser.username == "ada"))
    assert ada is not None
    moving_clock.advance(days=15)
    # Expired: no longer listed or opened (whatever key is shown), then purged
    assert staff_drafts.of_owner(session, ada.id) == []
    with pytest.raises(staff_drafts.DraftNotFound):
        staff_drafts.load(session, ada.id, draft.id, crypto.random_key())
    assert staff_drafts.purge_expired(session) == 1
    session.commit()
    # Deactivation removes what is left
    start_entry(signed_in(app, people, "advocate"), app)
    assert staff_drafts.remove_all_of(session, ada.id) == 1


def test_deactivating_an_advocate_removes_their_unfinished_entries(
    app: Flask,
    session: Session,
    people: dict[str, Any],  # noqa: F811 - the fixture imported above
) -> None:
    from intake.models import StaffDraft

    start_entry(signed_in(app, people, "advocate"), app)
    admin = signed_in(app, people, "admin")
    ada = session.scalar(select(StaffUser).where(StaffUser.username == "ada"))
    assert ada is not None
    page = admin.get("/staff/accounts").get_data(as_text=True)
    admin.post(
        "/staff/accounts/deactivate",
        data={"csrf_token": FORM_TOKEN.search(page).group(1), "user_id": ada.id},  # type: ignore[union-attr]
    )
    session.expire_all()
    assert session.get(StaffUser, ada.id).active is False  # type: ignore[union-attr]
    assert session.scalars(select(StaffDraft)).all() == []


def test_an_advocate_cannot_start_unbounded_drafts(
    app: Flask,
    session: Session,
    people: dict[str, Any],  # noqa: F811 - the fixture imported above
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from intake import staff_drafts
    from intake.models import StaffDraft

    monkeypatch.setattr(staff_drafts, "MAX_PER_OWNER", 2)
    advocate = signed_in(app, people, "advocate")
    start_entry(advocate, app)
    start_entry(advocate, app)
    page = advocate.get("/staff/entry/new").get_data(as_text=True)
    refused = advocate.post(
        "/staff/entry/new",
        data={
            "csrf_token": FORM_TOKEN.search(page).group(1),  # type: ignore[union-attr]
            "questionnaire": re.search(r'<option[^>]*value="(\d+)"', page).group(1),  # type: ignore[union-attr]
            "language": "es",
            "consent": "y",
        },
        follow_redirects=True,
    )
    assert "unfinished entries" in refused.get_data(as_text=True)
    assert len(session.scalars(select(StaffDraft)).all()) == 2


# -- 9: starting drafts is bounded ------------------------------------------------------------
def test_starting_drafts_is_bounded_per_client_and_overall(
    app: Flask, respondent: Respondent, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    from intake import drafts
    from intake.models import Draft

    monkeypatch.setattr(drafts, "MAX_LIVE", 1)
    respondent.start()
    assert session.scalar(select(func.count()).select_from(Draft)) == 1
    other = Respondent(app.test_client(), respondent.code)
    other.open()
    other.post("start")
    other.post("consent", follow=False)
    assert other.status == 503
    assert session.scalar(select(func.count()).select_from(Draft)) == 1
    # Per client: the draft limiter counts starts from one address
    monkeypatch.setattr(drafts, "MAX_LIVE", 10_000)
    from intake.ratelimit import DraftStartLimiter

    drained = DraftStartLimiter(burst=1, per_minute=0.01)
    drained.admit("127.0.0.1")  # the test client's address
    monkeypatch.setitem(app.extensions, "intake.draft_limiter", drained)
    other.open()
    other.post("consent", follow=False)
    assert other.status == 429
    assert session.scalar(select(func.count()).select_from(Draft)) == 1


# -- 10: cross-site GETs change no state --------------------------------------------------------
CROSS_SITE = {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate"}


def test_a_cross_site_link_to_the_quick_exit_clears_nothing(
    respondent: Respondent, session: Session
) -> None:
    from intake.models import Draft

    respondent.start()
    attacked = respondent.client.get("/exit", headers=CROSS_SITE)
    assert attacked.status_code == 303
    assert "Clear-Site-Data" not in attacked.headers
    assert "Set-Cookie" not in attacked.headers
    session.expire_all()
    assert session.scalar(select(func.count()).select_from(Draft)) == 1
    # The survivor's own quick-exit link (no JavaScript needed) still clears everything
    own = respondent.client.get("/exit", headers={"Sec-Fetch-Site": "same-origin"})
    assert "cookies" in own.headers["Clear-Site-Data"]
    session.expire_all()
    assert session.scalar(select(func.count()).select_from(Draft)) == 0


def test_a_cross_site_language_link_does_not_replace_the_session_cookie(
    respondent: Respondent,
) -> None:
    respondent.start()
    attacked = respondent.client.get("/language/es?next=/", headers=CROSS_SITE)
    assert attacked.status_code == 303
    assert "Set-Cookie" not in attacked.headers
    own = respondent.client.get("/language/es?next=/", headers={"Sec-Fetch-Site": "same-origin"})
    assert "Set-Cookie" in own.headers


def test_a_cross_site_link_to_the_locked_screen_does_not_sign_staff_out(
    app: Flask,
    people: dict[str, Any],  # noqa: F811 - the fixture imported above
) -> None:
    facilitator = signed_in(app, people, "facilitator")
    attacked = facilitator.get("/staff/locked", headers=CROSS_SITE)
    assert attacked.status_code == 200
    assert "Set-Cookie" not in attacked.headers
    assert facilitator.get("/staff/").status_code == 200


# -- migration 0006 -------------------------------------------------------------------------
def test_migration_0006_adds_the_macs_and_a_head_the_first_entry_adopts(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine, inspect

    url = f"sqlite:///{tmp_path / 'm.sqlite3'}"
    db.upgrade(url)
    engine = create_engine(url)
    for table in ("team_key", "key_slot", "epoch"):
        assert "key_mac" in {c["name"] for c in inspect(engine).get_columns(table)}
    with engine.connect() as connection:
        head = connection.exec_driver_sql("SELECT id, entries, mac FROM audit_head").all()
    assert head == [(1, audit.PLACEHOLDER_ENTRIES, b"")]
    # And back down to 0003 and up again, without loss of the schema
    command.downgrade(db.alembic_config(url), "0003")
    assert "audit_head" not in inspect(engine).get_table_names()
    db.upgrade(url)
    assert "audit_head" in inspect(engine).get_table_names()
    engine.dispose()


def test_a_survivor_whose_answers_meet_a_swapped_key_loses_nothing(
    respondent: Respondent, session: Session
) -> None:
    from intake.models import Draft

    respondent.start()
    respondent.next_until_review()
    session.execute(update(Epoch).values(public_key=crypto.generate_keypair().public))
    session.commit()
    respondent.post("submit")
    # A kind "try again shortly", the draft kept, nothing sealed to the swapped key
    assert respondent.status == 503
    session.expire_all()
    assert session.scalar(select(func.count()).select_from(Response)) == 0
    assert session.scalar(select(func.count()).select_from(Draft)) == 1


def test_the_rotate_command_lists_its_slots_and_attest_keys_asks_about_each(
    app: Flask, session: Session
) -> None:
    def run(*args: str, input: str):  # type: ignore[no-untyped-def]
        return app.test_cli_runner().invoke(args=["intake", *args], input=input)

    # The operator sees whom the new team key would be sealed to, and can say no
    shown = run("rotate", input=f"fran\n{FACILITATOR_PASSPHRASE}\nn\n")
    assert shown.exit_code == 1
    assert "passphrase" in shown.output
    assert "fran" in shown.output
    assert "(recovery key)" in shown.output
    assert "nothing was changed" in shown.output
    # Keys from before authentication: attest-keys proves, then asks per slot
    for model in (TeamKey, Epoch, KeySlot):
        session.execute(update(model).values(key_mac=None))
    session.commit()
    attested = run("attest-keys", input=f"fran\n{FACILITATOR_PASSPHRASE}\ny\ny\n")
    assert attested.exit_code == 0, attested.output
    assert "Is it genuine?" in attested.output
    assert "team key v1" in attested.output
    with app.app_context():
        assert session.scalars(select(AuditEntry.action)).all()[-1] == "keys attested"
