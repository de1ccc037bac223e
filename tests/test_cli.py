"""``flask intake …`` commands: keys, rotation, shredding and verification."""

from __future__ import annotations

import pytest
from flask import Flask
from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.keystore import Keystore
from intake.models import Epoch, Response, ResponseField, TeamKey

from .conftest import FACILITATOR_PASSPHRASE, MovableClock, Team
from .test_sealing import store


def run(app: Flask, *args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return app.test_cli_runner().invoke(args=["intake", *args], input=input)


def test_unlock_check_with_passphrase_and_recovery_key(app: Flask, team: Team) -> None:
    ok = run(app, "unlock-check", input=f"fran\n{FACILITATOR_PASSPHRASE}\n")
    assert ok.exit_code == 0, ok.output
    assert "team key version 1 opens" in ok.output
    assert FACILITATOR_PASSPHRASE not in ok.output  # hidden prompt
    wrong = run(app, "unlock-check", input="fran\nwrong passphrase\n")
    assert wrong.exit_code == 1
    assert "does not open the team key" in wrong.output
    recovered = run(app, "unlock-check", "--recovery", input=f"{team.recovery_key}\n")
    assert recovered.exit_code == 0, recovered.output


def test_verify_reports_tampered_responses_and_keeps_going(
    app: Flask, session: Session, keystore: Keystore
) -> None:
    good = [store(session, keystore) for _ in range(3)]
    bad = store(session, keystore)
    field = session.scalar(select(ResponseField).where(ResponseField.response_id == bad).limit(1))
    assert field is not None
    field.ciphertext = field.ciphertext[:-1] + bytes([field.ciphertext[-1] ^ 1])
    session.commit()
    result = run(app, "verify", input=f"fran\n{FACILITATOR_PASSPHRASE}\n")
    assert result.exit_code == 1
    assert f"UNREADABLE {bad}" in result.output
    assert "3 readable, 1 unreadable." in result.output
    for rid in good:
        assert rid not in result.output


def test_rotate_then_verify(app: Flask, session: Session, keystore: Keystore) -> None:
    store(session, keystore)
    rotated = run(app, "rotate", input=f"fran\n{FACILITATOR_PASSPHRASE}\ny\n")
    assert rotated.exit_code == 0, rotated.output
    session.expire_all()
    assert [
        k.version for k in session.scalars(select(TeamKey).where(TeamKey.destroyed_at.is_(None)))
    ] == [2]
    verified = run(app, "verify", input=f"fran\n{FACILITATOR_PASSPHRASE}\n")
    assert verified.exit_code == 0, verified.output
    assert "1 readable, 0 unreadable." in verified.output


def test_destroy_epoch_needs_confirmation(
    app: Flask, session: Session, keystore: Keystore, moving_clock: MovableClock
) -> None:
    rid = store(session, keystore)
    label = session.get(Response, rid).epoch.label  # type: ignore[union-attr]
    moving_clock.advance(days=120)
    refused = run(app, "destroy-epoch", label, input="yes\n")
    assert refused.exit_code == 1
    assert "nothing was changed" in refused.output
    assert keystore.versions_of(label) == [1]
    done = run(app, "destroy-epoch", label, input=f"{label}\n")
    assert done.exit_code == 0, done.output
    assert "1 responses purged" in done.output
    session.expire_all()
    assert session.get(Response, rid) is None
    epoch = session.scalar(select(Epoch).where(Epoch.label == label))
    assert epoch is not None
    assert epoch.destroyed_at is not None
    listing = run(app, "epochs")
    assert f"{label}" in listing.output
    assert "destroyed" in listing.output


def test_add_and_remove_a_slot(app: Flask, session: Session) -> None:
    created = run(
        app,
        "create-user",
        "nia",
        "--role",
        "facilitator",
        input="a-long-password\na-long-password\n",
    )
    assert created.exit_code == 0, created.output
    added = run(
        app, "add-slot", "nia",
        input=f"fran\n{FACILITATOR_PASSPHRASE}\nnia passphrase!\nnia passphrase!\n",
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    check = run(app, "unlock-check", input="nia\nnia passphrase!\n")
    assert check.exit_code == 0, check.output
    removed = run(app, "remove-slot", "nia")
    assert removed.exit_code == 0, removed.output
    assert run(app, "unlock-check", input="nia\nnia passphrase!\n").exit_code == 1


def test_init_keys_refuses_a_second_team_key(app: Flask) -> None:
    result = run(app, "init-keys", "fran", input="another passphrase\nanother passphrase\n")
    assert result.exit_code == 1
    assert "already exists" in result.output


@pytest.mark.parametrize(
    "command", ["migrate", "load-questionnaires", "purge", "sweep", "list-users"]
)
def test_housekeeping_commands_run(app: Flask, command: str) -> None:
    result = run(app, command)
    assert result.exit_code == 0, result.output
