"""First-run set-up for ``make run``: secrets, schema, questionnaires, a first team key.

Idempotent. Secrets are printed only at the moment they are created — never again.
A real deployment does the key ceremony in docs/threat-model.md instead of this.
"""

from __future__ import annotations

import secrets
import sys

from sqlalchemy import select

from . import audit, clock, crypto, db, keyring
from .app import config_from_environment, create_app
from .config import DEFAULT_INSTANCE, write_instance_secrets
from .models import Questionnaire, StaffUser
from .questionnaires.catalog import PUBLIC_AUDIENCES, load_shipped
from .staff.auth import create_user


def _password() -> str:
    # Five groups of five: long, typable, and shown only once.
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(5)) for _ in range(5))


def main(base_url: str = "http://127.0.0.1:5000") -> int:
    import os

    instance = os.environ.get("INTAKE_INSTANCE_PATH", str(DEFAULT_INSTANCE))
    from pathlib import Path

    created_secrets = False
    if not os.environ.get("INTAKE_SECRET_KEY"):
        created_secrets = write_instance_secrets(Path(instance))
    config = config_from_environment()
    db.upgrade(config.database_url)
    app = create_app(config)
    printed: list[str] = []
    with app.app_context():
        session = db.get_database().session()
        added = [
            f"{r.key} v{r.version}" for r in load_shipped(session, config.languages) if r.created
        ]
        if added:
            audit.record(session, "bootstrap", "questionnaires loaded", ", ".join(added))
        if session.scalar(select(StaffUser.id).limit(1)) is None:
            admin_password, facilitator_password, passphrase = _password(), _password(), _password()
            kdf = crypto.KdfParams(config.kdf_memory_kib, config.kdf_iterations, config.kdf_lanes)
            create_user(session, "admin", admin_password, "admin", kdf=kdf)
            facilitator = create_user(
                session, "facilitator", facilitator_password, "facilitator", kdf=kdf
            )
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
                f"    admin        password: {admin_password}",
                f"    facilitator  password: {facilitator_password}",
                f"    facilitator  data passphrase (unlocks responses): {passphrase}",
                f"  Recovery key (opens the data if every passphrase is lost): {recovery}",
                "  At their first sign-in, admin and facilitator set up an authenticator app",
                "  (two-step sign-in). Invite everyone else from Accounts, as admin.",
                "  This quick set-up is for trying the app. A real deployment creates its",
                "  accounts and keys with the key ceremony in docs/threat-model.md.",
            ]
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
    if created_secrets:
        print(f"Created owner-only secrets in {instance}/secrets.json")
    for line in printed:
        print(line)
    print("")
    print(f"Serving on {base_url}/")
    for key, link in links:
        print(f"  {key:<17} {link}")
    print(f"  staff sign-in     {base_url}/staff/login")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
