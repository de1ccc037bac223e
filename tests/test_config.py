"""Start-up: no default secrets, owner-only files, migrations that match the models."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from intake import db
from intake.config import Config, ConfigError, write_instance_secrets
from intake.models import Base

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    for name in list(os.environ):
        if name.startswith("INTAKE_") or name == "DATABASE_URL":
            monkeypatch.delenv(name)
    monkeypatch.setenv("INTAKE_INSTANCE_PATH", str(tmp_path / "instance"))
    return tmp_path / "instance"


def test_refuses_to_start_without_a_secret(clean_env: Path) -> None:
    with pytest.raises(ConfigError, match="No secret key"):
        Config.from_env()


def test_refuses_a_short_secret(clean_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTAKE_SECRET_KEY", "short")
    with pytest.raises(ConfigError, match="at least 32"):
        Config.from_env()


def test_generated_secrets_are_owner_only_and_used(clean_env: Path) -> None:
    assert write_instance_secrets(clean_env) is True
    assert write_instance_secrets(clean_env) is False  # never overwritten
    secrets_file = clean_env / "secrets.json"
    assert stat.S_IMODE(secrets_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(clean_env.stat().st_mode) == 0o700
    config = Config.from_env()
    assert len(config.secret_key) >= 32
    assert config.database_url == f"sqlite:///{clean_env / 'intake.sqlite3'}"


def test_refuses_a_secrets_file_others_can_read(clean_env: Path) -> None:
    write_instance_secrets(clean_env)
    os.chmod(clean_env / "secrets.json", 0o644)
    with pytest.raises(ConfigError, match="owner only"):
        Config.from_env()


def test_database_url_and_numbers_from_the_environment(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INTAKE_SECRET_KEY", "s" * 40)
    monkeypatch.setenv("DATABASE_URL", "sqlite:////tmp/elsewhere.sqlite3")
    monkeypatch.setenv("INTAKE_DRAFT_IDLE_MINUTES", "15")
    config = Config.from_env()
    assert config.database_url == "sqlite:////tmp/elsewhere.sqlite3"
    assert config.draft_idle_minutes == 15
    monkeypatch.setenv("INTAKE_DRAFT_IDLE_MINUTES", "soon")
    with pytest.raises(ConfigError, match="whole number"):
        Config.from_env()


def test_importing_the_package_reads_no_configuration(clean_env: Path) -> None:
    """Keys are injected at start-up, never read at import time."""
    code = "import intake, intake.app, intake.public.views, intake.staff.views, intake.crypto"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_wsgi_refuses_to_start_without_secrets(clean_env: Path) -> None:
    env = {k: v for k, v in os.environ.items()}
    result = subprocess.run(
        [sys.executable, "-c", "import wsgi"], cwd=ROOT, capture_output=True, text=True, env=env
    )
    assert result.returncode == 2
    assert "cannot start" in result.stderr
    assert "No secret key" in result.stderr


def test_migrations_build_exactly_the_models(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'm.sqlite3'}"
    db.upgrade(url)
    engine = create_engine(url)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        assert diff == []
        assert db.current_revision_is_head(engine)
    assert "response" in inspect(engine).get_table_names()
    engine.dispose()


def test_anonymous_responses_cannot_reference_a_user(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'a.sqlite3'}"
    db.upgrade(url)
    engine = create_engine(url)
    inspector = inspect(engine)
    columns = {c["name"] for c in inspector.get_columns("response")}
    assert columns == {
        "id", "questionnaire_version_id", "epoch_id", "provenance", "submitted_month",
        "sealed_data_key", "analysis",  # analysis: ciphertext, like the fields
    }  # fmt: skip
    targets = {fk["referred_table"] for fk in inspector.get_foreign_keys("response")}
    assert targets == {"questionnaire_version", "epoch"}
    engine.dispose()


def test_a_ccr_can_ship_its_own_hotlines(tmp_path: Path) -> None:
    from intake.app import create_app

    from .conftest import make_config

    own = tmp_path / "local.json"
    own.write_text(
        '{"en": [{"name": "Riverside Safe House", "contact": "555-0100", "detail": "24 hours"}],'
        ' "es": [{"name": "Casa Segura Riverside", "contact": "555-0100", "detail": "24 horas"}]}',
        encoding="utf-8",
    )
    app = create_app(make_config(tmp_path, resources_file=own))
    page = app.test_client().get("/help", headers={"Accept-Language": "es"}).get_data(as_text=True)
    assert "Casa Segura Riverside" in page
    assert "National Domestic Violence Hotline" not in page
    own.write_text('{"en": [{"name": "no contact"}]}', encoding="utf-8")
    from intake.resources import ResourcesError, load

    load.cache_clear()
    with pytest.raises(ResourcesError, match="contact"):
        create_app(make_config(tmp_path, resources_file=own))
