"""Themes over N synthetic sealed responses, against the decryption floor.

    python -m bench.themes_bench prepare DIR N   # seal N responses into a fresh instance
    python -m bench.themes_bench themes DIR      # full build, then refresh after 100 new
    python -m bench.themes_bench floor DIR       # HPKE-open + AES-GCM of the same data
    python -m bench.themes_bench digest DIR      # a hash of everything themes produce

Each measurement runs in its own process (``bench.run`` starts them), so peak memory is that
process's own. The *themes* figure is everything a facilitator waits for on a cold unlock:
reading the rows, opening every response, counting, coding all free text, and the
disclosure-controlled report of every table. The *floor* is the cryptography alone: the same
HPKE opens and AES-GCM decryptions with the ciphertexts already in memory.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

from sqlalchemy import select

from intake import crypto, db, keyring
from intake.analysis import codebook as codebook_module
from intake.analysis import report
from intake.analysis.coding import Matcher
from intake.analysis.state import discard_all, state_for
from intake.app import create_app
from intake.models import Epoch, Response, StaffUser, UnlockSession

from . import instance, synthetic


def _app(workdir: Path):  # type: ignore[no-untyped-def]
    config = instance.prepare_config(workdir)
    return create_app(config)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def prepare(workdir: Path, count: int) -> None:
    inst = instance.prepare(workdir)
    app = create_app(inst.config)
    with app.app_context():
        session = db.get_database().session()
        synthetic.seal(session, app.extensions["intake.keystore"], count)
        session.close()


def _team(session):  # type: ignore[no-untyped-def]
    user = session.scalar(select(StaffUser).where(StaffUser.username == "bench"))
    return user, keyring.open_with_passphrase(session, user, instance.PASSPHRASE)


def _unlock(session: Any, staff_session_id: str) -> tuple[Any, str]:
    """The bench user's team key, and the data unlocked for a staff session of that id, as a
    facilitator's unlock leaves them: the key and the unlock id the themes are read with."""
    from intake import clock
    from intake.models import StaffSession

    user, team = _team(session)
    now = clock.utcnow()
    session.merge(
        StaffSession(id=staff_session_id, user_id=user.id, created_at=now, last_seen_at=now)
    )
    session.flush()
    ticket = keyring.unlock(session, staff_session_id, team)
    session.commit()
    return team, crypto.token_digest(ticket.token)


def themes(workdir: Path) -> dict[str, float]:
    app = _app(workdir)
    with app.app_context():
        session = db.get_database().session()
        keystore = app.extensions["intake.keystore"]
        team, unlock_id = _unlock(session, "b" * 64)
        cb = codebook_module.current(session)
        matcher = Matcher(cb)
        languages = app.extensions["intake.config"].languages

        # A worker imports the report's numerical libraries once in its life, at its first
        # report, not at every unlock: import them before the clock starts, as a warm worker
        # has them.
        import numpy  # noqa: F401
        import scipy.optimize  # noqa: F401

        t0, c0 = time.perf_counter(), time.process_time()
        state = state_for(session, unlock_id, team, keystore)
        snapshot = report.build(state, cb, matcher, 5, languages)
        full, full_cpu = time.perf_counter() - t0, time.process_time() - c0
        responses = state.aggregate.total
        peak = _peak_mb()

        before = set(session.scalars(select(Response.id)))
        synthetic.seal(session, keystore, 100, seed=99)  # 100 new arrive (not timed)
        t0 = time.perf_counter()
        state = state_for(session, unlock_id, team, keystore)
        report.build(state, cb, matcher, 5, languages)
        refresh = time.perf_counter() - t0
        assert state.aggregate.total == responses + 100
        # Leave the instance as it was for the next run.
        added = set(session.scalars(select(Response.id))) - before
        session.execute(Response.__table__.delete().where(Response.id.in_(added)))
        session.query(UnlockSession).delete()
        session.commit()
        discard_all()
        session.close()
    return {
        "responses": responses,
        "texts": len(state.aggregate.texts),
        "tables": len(snapshot["tables"]),
        "themes_seconds": full,
        "themes_cpu_seconds": full_cpu,
        "refresh_seconds": refresh,
        "peak_mb": peak,
    }


def floor(workdir: Path) -> dict[str, float]:
    """HPKE-open + AES-GCM-decrypt every response and field, ciphertexts already loaded."""
    from intake.responses import AssociatedParts, field_aads, stored_responses

    app = _app(workdir)
    with app.app_context():
        session = db.get_database().session()
        keystore = app.extensions["intake.keystore"]
        _user, team = _team(session)
        epochs = {e.id: e for e in session.scalars(select(Epoch))}
        privates = {eid: team.epoch_recipient(e, keystore) for eid, e in epochs.items()}
        # Loaded by the same reader the app uses, before the clock starts.
        rows = list(stored_responses(session, set(session.scalars(select(Response.id)))))
        session.close()
    t0, c0 = time.perf_counter(), time.process_time()
    opened = 0
    # The data key's info from cached parts, as themes build it (the cheapest correct way).
    parts = AssociatedParts()
    for row in rows:
        label = row.epoch.label
        data_key = crypto.open_sealed(
            privates[row.epoch.id],
            row.sealed_data_key,
            parts.data_key_info(
                row.id, label, row.questionnaire_version_id, row.provenance, row.submitted_month
            ),
        )
        cipher = crypto.field_cipher(data_key)
        # The associated data built the way the app builds it (the cheapest correct way).
        aads = field_aads(row.id, row.fields, row.questionnaire_version_id, label)
        for blob, aad in zip(row.fields.values(), aads, strict=True):
            crypto.decrypt_field(cipher, blob, aad)
            opened += 1
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {
        "responses": len(rows),
        "fields": opened,
        "floor_seconds": elapsed,
        "floor_cpu_seconds": cpu,
    }


def phases(workdir: Path) -> dict[str, float]:
    """The themes time split into its steps (one run, same work as ``themes``: each
    response through its sealed analysis record, as ``state.read_responses`` does)."""
    from intake.analysis.state import ThemeState, _fold_in, collecting_later, planning_order
    from intake.models import QuestionnaireVersion
    from intake.questionnaires.catalog import definition_of
    from intake.responses import RecordReading, open_record, stored_responses

    app = _app(workdir)
    with app.app_context():
        session = db.get_database().session()
        keystore = app.extensions["intake.keystore"]
        _user, team = _team(session)
        ids = set(session.scalars(select(Response.id)))
        stored_versions = list(session.scalars(select(QuestionnaireVersion)))
        versions = {v.id: definition_of(v) for v in stored_versions}
        out: dict[str, float] = {}
        t0 = time.perf_counter()
        rows = list(stored_responses(session, ids, with_fields=False))
        out["read"] = time.perf_counter() - t0
        assert all(r.analysis is not None for r in rows)
        with collecting_later():  # as read_responses and report.build do
            t0 = time.perf_counter()
            reading = RecordReading()
            opened = [
                open_record(r, team, keystore, versions[r.questionnaire_version_id], reading)
                for r in rows
            ]
            out["open"] = time.perf_counter() - t0
            state = ThemeState()
            t0 = time.perf_counter()
            state.aggregate.plan(planning_order(stored_versions))  # as read_responses does
            for (response, key, suggested), row in zip(opened, rows, strict=True):
                _fold_in(state, response, key, versions[row.questionnaire_version_id], suggested)
            state.aggregate.settle()
            out["count"] = time.perf_counter() - t0
            cb = codebook_module.current(session)
            matcher = Matcher(cb)
            t0 = time.perf_counter()
            state.excerpts(cb, matcher)
            out["code"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        report.build(state, cb, matcher, 5, app.extensions["intake.config"].languages)
        out["report"] = time.perf_counter() - t0
        session.close()
    return out


def _canonical(value: object) -> object:
    """``value`` as plain JSON-ready data, with every set and mapping in a fixed order."""
    if isinstance(value, dict):
        items = [(_canonical(k), _canonical(v)) for k, v in value.items()]
        return sorted(([json.dumps(k, sort_keys=True), v] for k, v in items), key=str)
    if hasattr(value, "_asdict"):  # a named tuple: by its fields, like a dataclass
        return _canonical(value._asdict())
    if isinstance(value, set | frozenset):
        return sorted((_canonical(v) for v in value), key=repr)
    if isinstance(value, list | tuple):
        return [_canonical(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return _canonical({k: getattr(value, k) for k in value.__dataclass_fields__})
    if isinstance(value, int | float | str | bool) or value is None:
        return value
    return repr(value)


def digest(workdir: Path) -> dict[str, object]:
    """What themes produce over this data, hashed: the report (every table, count,
    suppression, quote), every counter of the aggregate, the free text, its excerpts and
    the theme index, after the full build and again after the refresh (there, what does not
    depend on the new responses' random ids). Two versions of the
    code give the same hashes only if they give the same themes (a speed change must)."""
    app = _app(workdir)
    out: dict[str, object] = {}
    with app.app_context():
        session = db.get_database().session()
        keystore = app.extensions["intake.keystore"]
        team, unlock_id = _unlock(session, "d" * 64)
        cb = codebook_module.current(session)
        matcher = Matcher(cb)
        languages = app.extensions["intake.config"].languages
        before = set(session.scalars(select(Response.id)))

        def hashes(step: str, by_id: bool = True) -> None:
            state = state_for(session, unlock_id, team, keystore)
            snapshot = report.build(state, cb, matcher, 5, languages)
            snapshot.pop("generated_on")
            agg = state.aggregate
            agg.settle()
            parts = {
                "report": snapshot,
                "aggregate": {k: getattr(agg, k) for k in agg.__dataclass_fields__},
                "excerpts": state.excerpts(cb, matcher),
                "themes": state.themes(cb, matcher),
                "unreadable": state.unreadable,
                "bad_coding": state.bad_coding,
                "data_keys": sorted(state.data_keys),
            }
            if not by_id:  # the new responses' ids are random: only what does not name them
                for name in ("excerpts", "themes", "data_keys"):
                    del parts[name]
                parts["aggregate"] = {
                    k: v
                    for k, v in parts["aggregate"].items()
                    if k not in ("seen", "contact", "texts")
                }
            for name, value in parts.items():
                text = json.dumps(_canonical(value), sort_keys=True, default=repr)
                out[f"{step}:{name}"] = crypto.sha256_hex(text.encode())[:16]

        hashes("full")
        synthetic.seal(session, keystore, 100, seed=99)
        hashes("refresh", by_id=False)
        added = set(session.scalars(select(Response.id))) - before
        session.execute(Response.__table__.delete().where(Response.id.in_(added)))
        session.query(UnlockSession).delete()
        session.commit()
        discard_all()
        session.close()
    return out


if __name__ == "__main__":
    command, folder = sys.argv[1], Path(sys.argv[2])
    if command == "prepare":
        prepare(folder, int(sys.argv[3]))
    elif command == "themes":
        print(json.dumps(themes(folder)))
    elif command == "floor":
        print(json.dumps(floor(folder)))
    elif command == "digest":
        print(json.dumps(digest(folder)))
    elif command == "phases":
        print(json.dumps(phases(folder)))
    else:
        raise SystemExit(__doc__)
