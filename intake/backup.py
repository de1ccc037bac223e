"""Portable, consistent database backups (any SQLAlchemy database to any other).

A backup is JSON lines: a header with the schema revision, then one line per row, tables in
dependency order. Everything sensitive in it is already sealed. The key store is *not* in it
— by design (docs/threat-model.md): back the key store up separately.

Restore goes into an empty database migrated to the same schema revision, in one
transaction: it either completes or leaves nothing.

The last line is an HMAC over every line before it, under a key derived from the instance
secret (``mac_key``): a backup with rows removed or changed — header counts fixed, audit
entries cut off — or cut short is refused before a single row is restored. A backup is
therefore restored with the instance secret it was made under (keep the secrets file's own
backup with the key store's).
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Engine, func, inspect, select, text
from sqlalchemy.sql.sqltypes import Date, DateTime, LargeBinary

from .crypto import StreamMac, constant_time_equal
from .db import alembic_config
from .models import Base

FORMAT = "ccr-intake-backup"
TABLES = [t for t in Base.metadata.sorted_tables]


class BackupError(RuntimeError):
    pass


def _encode(value: Any) -> Any:
    if isinstance(value, bytes | bytearray | memoryview):
        return {"b64": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def _decode(column: Any, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column.type, LargeBinary):
        return base64.b64decode(value["b64"])
    if isinstance(column.type, DateTime):
        return dt.datetime.fromisoformat(value)
    if isinstance(column.type, Date):
        return dt.date.fromisoformat(value)
    return value


def schema_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        heads = MigrationContext.configure(connection).get_current_heads()
    return heads[0] if heads else None


def _lines(engine: Engine) -> Iterator[str]:
    with engine.connect() as connection:
        # One read transaction for the whole dump: every table from the same moment.
        if engine.dialect.name == "postgresql":
            connection.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        else:
            connection.exec_driver_sql("BEGIN")
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        counts = {
            table.name: connection.execute(select(func.count()).select_from(table)).scalar()
            for table in TABLES
        }
        yield json.dumps({"format": FORMAT, "version": 1, "schema": revision, "counts": counts})
        for table in TABLES:
            primary = list(table.primary_key.columns)
            for row in connection.execute(select(table).order_by(*primary)).mappings():
                yield json.dumps(
                    {"table": table.name, "row": {k: _encode(v) for k, v in row.items()}}
                )
        connection.rollback()


def _mac_line(mac: StreamMac) -> str:
    return json.dumps({"mac": mac.hexdigest()})


def backup(engine: Engine, target: Path, mac_key: bytes) -> dict[str, int]:
    """Write a backup file (owner-only, authenticated) and return the row count per table."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    counts: dict[str, int] = {}
    mac = StreamMac(mac_key)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        for number, line in enumerate(_lines(engine)):
            if number == 0:
                counts = json.loads(line)["counts"]
            handle.write(line + "\n")
            mac.update((line + "\n").encode("utf-8"))
        handle.write(_mac_line(mac) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    return counts


def _read_header(handle: IO[str]) -> dict[str, Any]:
    try:
        header = json.loads(handle.readline())
    except ValueError as exc:
        raise BackupError("this is not a ccr-intake backup") from exc
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise BackupError("this is not a ccr-intake backup")
    return header


def check_authentic(source: Path, mac_key: bytes) -> None:
    """Refuse a backup whose closing MAC is missing or does not cover what is there."""
    mac = StreamMac(mac_key)
    last = ""
    with source.open(encoding="utf-8", newline="") as handle:
        for line in handle:
            if last:
                mac.update(last.encode("utf-8"))
            last = line
    try:
        claimed = json.loads(last).get("mac") if last else None
    except (ValueError, AttributeError):
        claimed = None
    if not isinstance(claimed, str) or not constant_time_equal(
        claimed.encode("ascii", "replace"), mac.hexdigest().encode("ascii")
    ):
        raise BackupError(
            "this backup cannot be trusted: it is incomplete, was changed after it was "
            "written, or was made under another instance secret; nothing was restored"
        )


def restore(engine: Engine, source: Path, mac_key: bytes) -> dict[str, int]:
    """Restore an authentic backup into an empty database. Returns the row count per table."""
    from alembic import command

    check_authentic(source, mac_key)
    with source.open(encoding="utf-8") as handle:
        header = _read_header(handle)
        revision = header.get("schema")
        existing = set(inspect(engine).get_table_names())
        if existing - {"alembic_version"}:
            with engine.connect() as connection:
                for table in TABLES:
                    if (
                        table.name in existing
                        and table.name != "audit_head"  # holds a placeholder when migrated
                        and connection.execute(select(func.count()).select_from(table)).scalar()
                    ):
                        raise BackupError("restore needs an empty database; this one has data")
        command.upgrade(
            alembic_config(str(engine.url.render_as_string(hide_password=False))), revision
        )
        tables = {table.name: table for table in TABLES}
        restored: dict[str, int] = {name: 0 for name in tables}
        with engine.begin() as connection:
            connection.execute(tables["audit_head"].delete())  # the backup carries its own
            for line in handle:
                if not line.strip():
                    continue
                item = json.loads(line)
                if "mac" in item and "table" not in item:
                    break  # the closing MAC, already checked
                table = tables.get(item.get("table"))
                if table is None:
                    raise BackupError(f"unknown table {item.get('table')!r} in the backup")
                row = {
                    name: _decode(table.columns[name], value) for name, value in item["row"].items()
                }
                connection.execute(table.insert().values(**row))
                restored[table.name] += 1
            if restored != header.get("counts"):
                raise BackupError("the backup is incomplete: row counts do not match its header")
            if engine.dialect.name == "postgresql":
                for table in TABLES:
                    for column in table.primary_key.columns:
                        if column.autoincrement is True or (
                            column.type.python_type is int and column.autoincrement == "auto"
                        ):
                            connection.execute(
                                text(
                                    f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column.name}'), "  # noqa: S608 - names come from our own metadata
                                    f"COALESCE((SELECT MAX({column.name}) FROM {table.name}), 0) + 1, false)"
                                )
                            )
    return restored
