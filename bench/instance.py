"""A throwaway instance of the real app for benchmarks: migrated, questionnaires loaded, one
facilitator with the team key. Never a real deployment's secrets."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from intake import crypto, db, keyring
from intake.app import create_app
from intake.config import Config
from intake.questionnaires.catalog import load_shipped
from intake.staff.auth import create_user

BENCH_SECRET = "b" * 48
PASSPHRASE = "benchmark passphrase only"
# Cheap Argon2id: unlocking is not what is measured.
KDF = crypto.KdfParams(memory_kib=8, iterations=1, lanes=1)


@dataclass
class Instance:
    config: Config
    facilitator_id: int

    def env(self) -> dict[str, str]:
        return {
            "INTAKE_SECRET_KEY": self.config.secret_key,
            "INTAKE_INSTANCE_PATH": str(self.config.instance_path),
            "DATABASE_URL": self.config.database_url,
            "INTAKE_SECURE_COOKIES": "0",  # plain http on loopback
            # Every client is 127.0.0.1, and a benchmark sends at once: no limits, no pause.
            "INTAKE_DRAFT_START_BURST": "100000000",
            "INTAKE_DRAFT_STARTS_PER_MINUTE": "100000000",
            "INTAKE_DRAFT_START_MAX_PAUSE_MS": "0",
            "INTAKE_MINIMUM_SECONDS_PER_DRAFT": "0",
        }


def prepare_config(workdir: Path, database_url: str | None = None) -> Config:
    instance = workdir / "instance"
    instance.mkdir(parents=True, exist_ok=True)
    return Config(
        secret_key=BENCH_SECRET,
        instance_path=instance,
        database_url=database_url or f"sqlite:///{instance / 'intake.sqlite3'}",
        secure_cookies=False,
        kdf_memory_kib=KDF.memory_kib,
        kdf_iterations=KDF.iterations,
        kdf_lanes=KDF.lanes,
        draft_start_burst=100_000_000,
        draft_starts_per_minute=100_000_000,
        draft_start_max_pause_ms=0,
        minimum_seconds_per_draft=0,
    )


def prepare(workdir: Path, database_url: str | None = None) -> Instance:
    config = prepare_config(workdir, database_url)
    db.upgrade(config.database_url)
    app = create_app(config)
    with app.app_context():
        session = db.get_database().session()
        load_shipped(session, config.languages)
        user = create_user(session, "bench", "bench-password-only", "facilitator", kdf=KDF)
        keyring.init_team_key(session, app.extensions["intake.keystore"], user, PASSPHRASE, KDF)
        session.commit()
        facilitator_id = user.id
        session.close()
    app.extensions["intake.db"].dispose()
    return Instance(config, facilitator_id)
