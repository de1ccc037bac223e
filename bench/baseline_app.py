"""The bare baseline: plain Flask + SQLAlchemy, the same 20-field form, plaintext JSON into
SQLite. No sessions, no CSRF, no encryption, no templates: the floor of what a Python web app
on this stack costs per submission. Served by gunicorn with the app's own gunicorn.conf.py.

    BASELINE_DATABASE_URL=sqlite:////tmp/x.db gunicorn -c gunicorn.conf.py bench.baseline_app:app
"""

from __future__ import annotations

import json
import os

from flask import Flask, request
from sqlalchemy import Column, Integer, MetaData, Table, Text, create_engine, event, insert

metadata = MetaData()
answers = Table("answer", metadata, Column("id", Integer, primary_key=True), Column("body", Text))


def create_app(url: str) -> Flask:
    engine = create_engine(url)
    if url.startswith("sqlite"):
        # The same connection settings as the real app (intake/db.py), so the comparison is
        # about the work per request, not the database configuration.
        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA secure_delete=ON")
            cursor.execute("PRAGMA busy_timeout=5000")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.close()

    metadata.create_all(engine)
    app = Flask(__name__)

    @app.get("/healthz")
    def healthz() -> str:
        return "ok"

    @app.get("/form")
    def form() -> str:
        fields = "".join(
            f'<label for="f{i}">Question {i}</label><input id="f{i}" name="f{i}">'
            for i in range(20)
        )
        return f'<!doctype html><form method="post" action="/submit">{fields}<button>Send</button></form>'

    @app.post("/submit")
    def submit() -> tuple[str, int]:
        body = json.dumps(request.form.to_dict(flat=False), ensure_ascii=False)
        with engine.begin() as connection:
            connection.execute(insert(answers).values(body=body))
        return "<!doctype html><p>Thank you</p>", 200

    return app


app = create_app(os.environ.get("BASELINE_DATABASE_URL", "sqlite:///baseline.db"))
