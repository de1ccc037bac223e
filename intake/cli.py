"""``flask --app wsgi intake …``: keys, epochs, verification and housekeeping.

Secrets typed here are read with hidden prompts (never as arguments, which would land in
shell history and process lists). The recovery key is printed once, by init-keys.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import Flask, current_app
from sqlalchemy import select

from . import audit, clock, crypto, db, drafts, keyring, staff_drafts
from .config import Config
from .keyring import KeyringError, TeamPrivateKey
from .models import KeySlot, Response, StaffUser
from .questionnaires.catalog import definition_of, load_shipped
from .responses import UnreadableResponse, all_responses, read_response
from .staff.auth import create_user, find_user


def _config() -> Config:
    return current_app.extensions["intake.config"]


def _kdf() -> crypto.KdfParams:
    config = _config()
    return crypto.KdfParams(config.kdf_memory_kib, config.kdf_iterations, config.kdf_lanes)


def _session():  # type: ignore[no-untyped-def]
    return db.get_database().session()


def _backup_key() -> bytes:
    return crypto.derive_key(_config().secret_key, "backup")


def _keystore():  # type: ignore[no-untyped-def]
    return current_app.extensions["intake.keystore"]


def _open_team_key(session, use_recovery: bool) -> TeamPrivateKey:  # type: ignore[no-untyped-def]
    return _open_team_key_as(session, use_recovery)[0]


def _open_team_key_as(session, use_recovery: bool) -> tuple[TeamPrivateKey, str]:  # type: ignore[no-untyped-def]
    """The team key and who opened it (for the audit log)."""
    try:
        if use_recovery:
            recovery = click.prompt("Recovery key", hide_input=True)
            return keyring.open_with_recovery_key(session, recovery), "cli (recovery key)"
        username = click.prompt("Facilitator username")
        user = find_user(session, username)
        if user is None:
            raise click.ClickException("That username and passphrase do not open the team key.")
        passphrase = click.prompt("Data passphrase", hide_input=True)
        return keyring.open_with_passphrase(session, user, passphrase), f"cli ({user.username})"
    except crypto.WrongSecret as exc:
        raise click.ClickException(
            "That passphrase or recovery key does not open the team key."
        ) from exc
    except KeyringError as exc:
        raise click.ClickException(str(exc)) from exc


def init_app(app: Flask) -> None:
    @app.cli.group("intake")
    def intake() -> None:
        """CCR intake administration."""

    @intake.command("migrate")
    def migrate() -> None:
        """Bring the database schema up to date."""
        db.upgrade(_config().database_url)
        click.echo("Database is up to date.")

    @intake.command("load-questionnaires")
    def load_questionnaires() -> None:
        """Load the shipped questionnaires (new versions only)."""
        with _session() as session:
            added = []
            states = {
                "published": "added and published",
                "draft": "added as a draft: an admin previews and publishes it",
                "present": "already present",
                "skipped": "not added: an admin's draft of it is waiting to be published "
                "or discarded",
            }
            for result in load_shipped(session, _config().languages):
                click.echo(f"{result.key} v{result.version}: {states[result.outcome]}")
                if result.created:
                    added.append(f"{result.key} v{result.version}")
            if added:
                audit.record(session, "cli", "questionnaires loaded", ", ".join(added))
            session.commit()

    @intake.command("create-user")
    @click.argument("username")
    @click.option(
        "--role", type=click.Choice(["admin", "facilitator", "advocate", "viewer"]), required=True
    )
    def create_user_command(username: str, role: str) -> None:
        """Create a staff account (the password is prompted for)."""
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
        if len(password) < 12:
            raise click.ClickException("Use at least 12 characters.")
        with _session() as session:
            if find_user(session, username):
                raise click.ClickException("That username is taken.")
            create_user(session, username, password, role, kdf=_kdf())
            audit.record(session, "cli", "user created", f"{username} ({role})")
            session.commit()
        click.echo(f"Created {role} {username}.")

    @intake.command("init-keys")
    @click.argument("facilitator")
    def init_keys(facilitator: str) -> None:
        """Create the team key; FACILITATOR gets the first slot. Prints the recovery key once."""
        with _session() as session:
            user = find_user(session, facilitator)
            if user is None or user.role != "facilitator":
                raise click.ClickException("Name an existing facilitator account.")
            passphrase = click.prompt(
                "New data passphrase", hide_input=True, confirmation_prompt=True
            )
            if len(passphrase) < 12:
                raise click.ClickException("Use at least 12 characters.")
            try:
                recovery = keyring.init_team_key(
                    session, _keystore(), user, passphrase, _kdf(), _config().epoch_months
                )
            except KeyringError as exc:
                raise click.ClickException(str(exc)) from exc
            audit.record(session, "cli", "team key created")
            session.commit()
        click.echo("Team key created.")
        click.echo("RECOVERY KEY (write it down and store it offline; it is never shown again):")
        click.echo(f"  {recovery}")

    @intake.command("add-slot")
    @click.argument("facilitator")
    @click.option("--recovery", "use_recovery", is_flag=True, help="Open with the recovery key.")
    def add_slot(facilitator: str, use_recovery: bool) -> None:
        """Give FACILITATOR a key slot (opened with an existing slot's passphrase)."""
        with _session() as session:
            team = _open_team_key(session, use_recovery)
            user = find_user(session, facilitator)
            if user is None:
                raise click.ClickException("There is no such account.")
            passphrase = click.prompt(
                f"New data passphrase for {facilitator}", hide_input=True, confirmation_prompt=True
            )
            try:
                keyring.add_passphrase_slot(
                    session, _keystore(), team.private, team.version, user, passphrase, _kdf()
                )
            except KeyringError as exc:
                raise click.ClickException(str(exc)) from exc
            session.commit()
        click.echo(f"{facilitator} can now unlock the data.")

    @intake.command("remove-slot")
    @click.argument("facilitator")
    def remove_slot(facilitator: str) -> None:
        """Remove FACILITATOR's key slot."""
        with _session() as session:
            user = find_user(session, facilitator)
            slot = session.scalar(
                select(KeySlot).where(KeySlot.user_id == (user.id if user else -1))
            )
            if slot is None:
                raise click.ClickException("That account has no key slot.")
            try:
                keyring.remove_slot(session, slot.id)
            except KeyringError as exc:
                raise click.ClickException(str(exc)) from exc
            audit.record(session, "cli", "key slot removed", facilitator)
            session.commit()
        click.echo(f"Removed the key slot of {facilitator}.")

    @intake.command("unlock-check")
    @click.option("--recovery", "use_recovery", is_flag=True)
    def unlock_check(use_recovery: bool) -> None:
        """Check that a passphrase (or the recovery key) opens the team key."""
        with _session() as session:
            team = _open_team_key(session, use_recovery)
        click.echo(f"OK: team key version {team.version} opens.")

    @intake.command("rotate")
    @click.option("--recovery", "use_recovery", is_flag=True)
    def rotate(use_recovery: bool) -> None:
        """New team key pair; re-seal epoch keys and slots; destroy the old private key."""
        with _session() as session:
            team = _open_team_key(session, use_recovery)
            recipients = keyring.rotation_recipients(session, _keystore())
            click.echo("The new team key will be sealed to these key slots:")
            for r in recipients:
                holder = "(recovery key)" if r.kind == "recovery" else (r.holder or "?")
                state = "ok" if r.authentic else "NOT AUTHENTICATED - rotation will refuse"
                click.echo(
                    f"  slot {r.slot_id}  {r.kind:<10}  {holder:<20}  {r.fingerprint}  {state}"
                )
            if not click.confirm("Rotate now?", default=False):
                raise click.ClickException("Not confirmed; nothing was changed.")
            try:
                version = keyring.rotate(session, _keystore(), team)
            except KeyringError as exc:
                session.rollback()
                raise click.ClickException(str(exc)) from exc
            audit.record(session, "cli", "team key rotated", f"version {version}")
            session.commit()
            keyring.prune_keystore(session, _keystore())  # old key files go only after the commit
        click.echo(f"Rotated: team key version {version} is active; the old key is destroyed.")

    @intake.command("epochs")
    def epochs() -> None:
        """List retention epochs and how many responses each holds."""
        from .models import Epoch

        with _session() as session:
            for epoch in session.scalars(select(Epoch).order_by(Epoch.starts_on)):
                count = len(
                    session.scalars(select(Response.id).where(Response.epoch_id == epoch.id)).all()
                )
                state = "destroyed" if epoch.destroyed_at else "active"
                click.echo(
                    f"{epoch.label}  {epoch.starts_on} – {epoch.ends_on}  {state}  {count} responses"
                )

    @intake.command("destroy-epoch")
    @click.argument("label")
    def destroy_epoch(label: str) -> None:
        """Crypto-shred an epoch: its responses become unreadable everywhere, backups included."""
        click.echo(
            f"This destroys the key of epoch {label}. Its responses become unreadable in this "
            "database and in every backup, and are deleted here. This cannot be undone."
        )
        typed = click.prompt(f"Type the epoch label ({label}) to confirm")
        if typed.strip() != label:
            raise click.ClickException("Not confirmed; nothing was changed.")
        with _session() as session:
            try:
                count, reports = keyring.destroy_epoch(session, _keystore(), label)
            except KeyringError as exc:
                session.rollback()
                raise click.ClickException(str(exc)) from exc
            audit.record(session, "cli", "epoch destroyed", f"{label}; {reports} reports emptied")
            session.commit()
        click.echo(
            f"Epoch {label} destroyed; {count} responses purged, "
            f"{reports} published reports built from them emptied (kept, withdrawn, for comparison)."
        )
        click.echo("Re-take the key-store backup now and destroy older key-store backups.")

    @intake.command("verify")
    @click.option("--recovery", "use_recovery", is_flag=True)
    def verify(use_recovery: bool) -> None:
        """Decrypt-check every response; report unreadable ones by id and keep going."""
        with _session() as session:
            team = _open_team_key(session, use_recovery)
            good = bad = 0
            for response in all_responses(session):
                try:
                    read_response(
                        response, team, _keystore(), definition_of(response.questionnaire_version)
                    )
                    good += 1
                except UnreadableResponse as exc:
                    bad += 1
                    click.echo(f"UNREADABLE {exc.response_id}: {exc.reason}")
        click.echo(f"{good} readable, {bad} unreadable.")
        if bad:
            sys.exit(1)

    @intake.command("export-raw")
    @click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
    @click.option("--recovery", "use_recovery", is_flag=True)
    def export_raw(target: Path, use_recovery: bool) -> None:
        """Write every response DECRYPTED to TARGET (JSON lines, owner-only). Audit-logged.

        The only way to get per-response data out: the web interface never shows it. The
        file holds survivors' own words in clear; keep it off shared drives and delete it
        when the work it was made for is done.
        """
        import json
        import os

        if target.exists():
            raise click.ClickException(f"{target} exists; choose a new file.")
        with _session() as session:
            team, actor = _open_team_key_as(session, use_recovery)
            # Audited before a single answer is written: an interrupted export is on record.
            audit.record(session, actor, "raw export", target.name)
            session.commit()
            written = skipped = 0
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as out:
                    for response in all_responses(session):
                        version = response.questionnaire_version
                        try:
                            opened = read_response(
                                response, team, _keystore(), definition_of(version)
                            )
                        except UnreadableResponse as exc:
                            skipped += 1
                            click.echo(f"UNREADABLE {exc.response_id}: {exc.reason}", err=True)
                            continue
                        record = {
                            "questionnaire": version.questionnaire.key,
                            "version": version.version,
                            "provenance": opened.provenance,
                            "month": opened.submitted_month.isoformat()[:7],
                            "language": opened.language,
                            "program": opened.program,
                            "assistance": list(opened.assistance),
                            "answers": opened.answers,
                        }
                        out.write(json.dumps(record, ensure_ascii=False) + "\n")
                        written += 1
            except BaseException:
                target.unlink(missing_ok=True)  # no half-written file of answers left behind
                raise
        click.echo(
            f"Wrote {written} decrypted responses to {target} (owner-only); {skipped} unreadable."
        )
        click.echo("This file is in clear. Delete it as soon as the work it is for is done.")

    @intake.command("attest-keys")
    @click.option("--recovery", "use_recovery", is_flag=True)
    def attest_keys(use_recovery: bool) -> None:
        """Authenticate key material that has no MAC yet (after upgrading, or after the
        instance secret changed): team and epoch keys are proved with the team key; each
        key slot is shown for you to confirm."""
        with _session() as session:
            team, actor = _open_team_key_as(session, use_recovery)

            def confirm(r: keyring.Recipient) -> bool:
                return click.confirm(
                    f"Key slot {r.slot_id} ({r.kind}, {r.holder or 'no account'}, public key "
                    f"{r.fingerprint}) is not authenticated. Is it genuine?",
                    default=False,
                )

            try:
                done = keyring.attest_keys(session, _keystore(), team, confirm)
            except KeyringError as exc:
                session.rollback()
                raise click.ClickException(str(exc)) from exc
            if done:
                audit.record(session, actor, "keys attested", ", ".join(done))
            session.commit()
        click.echo(f"Attested {len(done)}: {', '.join(done) or 'nothing was missing'}.")

    @intake.command("sweep")
    def sweep() -> None:
        """Remove expired drafts and abandoned unlocks (run every few minutes from cron or a
        systemd timer); live unlocks are kept."""
        import datetime as dt

        config = _config()
        with _session() as session:
            removed = drafts.purge_expired(session, clock.utcnow())
            unlocks = keyring.sweep_unlocks(
                session, dt.timedelta(minutes=config.unlock_idle_minutes)
            )
            entries = staff_drafts.purge_expired(session)
            session.commit()
        click.echo(
            f"Removed {removed} expired drafts, {entries} expired entry drafts "
            f"and {unlocks} abandoned unlocks."
        )

    @intake.command("purge")
    def purge() -> None:
        """Delete expired drafts and every unlock (run at server start: a restart locks)."""
        with _session() as session:
            removed = drafts.purge_expired(session, clock.utcnow())
            unlocked = keyring.purge_all_unlocks(session)
            session.commit()
        click.echo(f"Purged {removed} expired drafts and {unlocked} unlocks.")

    @intake.command("backup")
    @click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
    def backup_command(target: Path) -> None:
        """Write a consistent backup of the database (already sealed) to TARGET."""
        from .backup import backup

        if target.exists():
            raise click.ClickException(f"{target} exists; choose a new file.")
        counts = backup(db.get_database().engine, target, _backup_key())
        click.echo(f"Backed up {sum(counts.values())} rows to {target} (owner-only).")
        click.echo("Back up the key store (instance/keystore/) separately.")

    @intake.command("restore")
    @click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
    def restore_command(source: Path) -> None:
        """Restore a backup into an EMPTY database; then run `verify`."""
        from .backup import BackupError, restore

        try:
            counts = restore(db.get_database().engine, source, _backup_key())
        except BackupError as exc:
            raise click.ClickException(str(exc)) from exc
        click.echo(f"Restored {sum(counts.values())} rows. Now run: flask --app wsgi intake verify")

    @intake.command("verify-audit")
    def verify_audit() -> None:
        """Check the audit log's hash chain; report the first broken link."""
        with _session() as session:
            check = audit.verify(session, _keystore())
        if check.first_broken is not None:
            click.echo(f"BROKEN at entry {check.first_broken}: it {check.reason}.")
            sys.exit(1)
        click.echo(f"Audit log intact: {check.entries} entries.")

    @intake.command("retire")
    @click.argument("key")
    @click.argument("version", type=int)
    def retire_command(key: str, version: int) -> None:
        """Retire a questionnaire version: new respondents no longer get it."""
        from .questionnaires.catalog import retire

        with _session() as session:
            try:
                retire(session, key, version)
            except ValueError as exc:
                raise click.ClickException(str(exc)) from exc
            audit.record(session, "cli", "questionnaire version retired", f"{key} v{version}")
            session.commit()
        click.echo(f"Retired {key} version {version}.")

    @intake.command("list-users")
    def list_users() -> None:
        with _session() as session:
            for user in session.scalars(select(StaffUser).order_by(StaffUser.id)):
                click.echo(
                    f"{user.username}  {user.role}  {'active' if user.active else 'inactive'}"
                )
