"""First-run set-up for ``make run``: secrets, schema, questionnaires, a first team key.

Idempotent. Secrets are printed only at the moment they are created — never again — and only
after the address to serve on has been checked: a busy port stops the run before anything
secret exists. The first-run passwords are one-time: the first sign-in with one asks for a
new password. A real deployment does the key ceremony in docs/threat-model.md instead.
"""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path

from sqlalchemy import select

from . import audit, clock, crypto, db, keyring
from .app import config_from_environment, create_app
from .config import DEFAULT_INSTANCE, write_instance_secrets
from .models import Questionnaire, StaffUser
from .questionnaires.catalog import PUBLIC_AUDIENCES, load_shipped
from .serve import Address, AddressProblem, address_from_environment, check_can_listen
from .staff.auth import create_user


def _password() -> str:
    # Five groups of five: long, typable, and shown only once.
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(5)) for _ in range(5))


def _step(text: str) -> None:
    """One line per step, so a first run is never silent for long."""
    print(f"- {text}", flush=True)


def main(address: Address | None = None) -> int:
    try:
        address = address or address_from_environment()
        check_can_listen(address)
    except AddressProblem as problem:
        print(problem, file=sys.stderr)
        return 1
    base_url = address.base_url
    instance = os.environ.get("INTAKE_INSTANCE_PATH", str(DEFAULT_INSTANCE))

    created_secrets = False
    if not os.environ.get("INTAKE_SECRET_KEY"):
        created_secrets = write_instance_secrets(Path(instance))
        if created_secrets:
            _step(f"Created owner-only secrets in {instance}/secrets.json")
    config = config_from_environment()
    _step("Bringing the database schema up to date")
    db.upgrade(config.database_url)
    app = create_app(config)
    printed: list[str] = []
    with app.app_context():
        session = db.get_database().session()
        added = [
            f"{r.key} v{r.version}" for r in load_shipped(session, config.languages) if r.created
        ]
        if added:
            _step(f"Loaded the shipped questionnaires ({', '.join(added)})")
            audit.record(session, "bootstrap", "questionnaires loaded", ", ".join(added))
        if session.scalar(select(StaffUser.id).limit(1)) is None:
            _step("Creating the admin and facilitator accounts and the team key")
            admin_password, facilitator_password, passphrase = _password(), _password(), _password()
            kdf = crypto.KdfParams(config.kdf_memory_kib, config.kdf_iterations, config.kdf_lanes)
            create_user(session, "admin", admin_password, "admin", kdf=kdf, must_change=True)
            facilitator = create_user(
                session, "facilitator", facilitator_password, "facilitator", kdf=kdf,
                must_change=True,
            )  # fmt: skip
            recovery = keyring.init_team_key(
                session,
                app.extensions["intake.keystore"],
                facilitator,
                passphrase,
                kdf,
                config.epoch_months,
            )
            printed = [
                "",
                "FIRST RUN: these secrets are shown once and never again. Write them down.",
                f"  Staff sign-in: {base_url}/staff/login",
                f"    admin        one-time password: {admin_password}",
                f"    facilitator  one-time password: {facilitator_password}",
                f"    facilitator  data passphrase (unlocks responses): {passphrase}",
                f"  Recovery key (opens the data if every passphrase is lost): {recovery}",
                "  At their first sign-in, admin and facilitator choose a new password (the",
                "  one above then stops working) and set up an authenticator app (two-step",
                "  sign-in). Invite everyone else from Accounts, as admin.",
                "  This quick set-up is for trying the app. A real deployment creates its",
                "  accounts and keys with the key ceremony in docs/threat-model.md.",
            ]
        _step("Checking the team key's epochs")
        keyring.ensure_epochs(
            session, app.extensions["intake.keystore"], clock.today(), config.epoch_months
        )
        if printed:
            audit.record(session, "bootstrap", "team key created")
        keyring.purge_all_unlocks(session)  # a (re)start locks everything
        session.commit()
        links = [
            (q.key, f"{base_url}/s/{q.public_code}")
            for q in session.scalars(
                select(Questionnaire)
                .where(Questionnaire.audience.in_(PUBLIC_AUDIENCES))
                .order_by(Questionnaire.id)
            )
        ]
        session.close()
    for line in printed:
        print(line)
    print("")
    if address.is_wildcard:
        print(f"Listening on every interface ({address.host or '*'}), port {address.port};")
        print("the links below use this machine's own address for it.")
    print(f"Serving on {base_url}/")
    for key, link in links:
        print(f"  {key:<17} {link}")
    print(f"  staff sign-in     {base_url}/staff/login")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
