"""Database engine and per-request sessions (plain SQLAlchemy 2.x, no global state)."""

from __future__ import annotations

from pathlib import Path

from flask import Flask, current_app, g
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class Database:
    """Owns one engine and its session factory; one per app instance."""

    def __init__(self, url: str) -> None:
        self.url = url
        # A database server can drop idle connections: check each one as it is taken from
        # the pool. A SQLite file cannot, and the check would be a query on every request.
        self.engine: Engine = create_engine(
            url, future=True, pool_pre_ping=not url.startswith("sqlite")
        )
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self.session_factory = sessionmaker(self.engine, expire_on_commit=False)

    def session(self) -> Session:
        return self.session_factory()

    def dispose(self) -> None:
        self.engine.dispose()


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # Overwrite deleted content with zeros: purged or shredded rows must not linger in free
    # pages of the file.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    # Write-ahead log: readers (every page view) no longer wait for a writer's commit, nor
    # a writer for readers, and a commit is one append to the log. With synchronous=FULL the
    # log is synced to disk at every commit, so a committed response survives a power cut
    # (NORMAL would not promise that in WAL mode: never lower it). The mode is stored in
    # the database file; an in-memory database answers "memory" and stays as it is.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def init_app(app: Flask, url: str) -> Database:
    database = Database(url)
    app.extensions["intake.db"] = database

    @app.teardown_appcontext
    def _close_session(_exc: BaseException | None) -> None:
        session = g.pop("db_session", None)
        if session is not None:
            session.close()

    return database


def get_database(app: Flask | None = None) -> Database:
    return (app or current_app).extensions["intake.db"]


def db_session() -> Session:
    """The session for the current request or app context."""
    if "db_session" not in g:
        g.db_session = get_database().session()
    return g.db_session


def alembic_config(url: str):  # type: ignore[no-untyped-def]
    from alembic.config import Config as AlembicConfig

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["database_url"] = url
    return cfg


def upgrade(url: str, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(url), revision)


def current_revision_is_head(engine: Engine) -> bool:
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(str(engine.url)))
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_heads()
    return set(current) == set(script.get_heads())
