"""How much of the report a reader can see, at the sizes a real CCR round has.

    python -m bench.coverage [N ...]      # default: 25 50 100 400

For each size: a fresh throwaway instance, N synthetic responses to the shipped survivor
questionnaire (bench/synthetic.py, fixed seed), one unlock, ``report.build`` at the default
threshold, and the share of the published report's numbers that are shown or combined
rather than hidden (``report.visible_share``); and the same share on the dashboard's pages
by point of intervention (``report.points_share``), where a breakdown that would be mostly
hidden is left out and its total shown instead. The same data also feeds the browser test's
screenshots, so what is counted here is what a coordinator reads.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from intake import crypto, db, keyring
from intake.analysis import codebook as codebook_module
from intake.analysis import report
from intake.analysis.coding import Matcher
from intake.analysis.state import discard_all, state_for
from intake.app import create_app

from . import instance, synthetic

SIZES = (25, 50, 100, 400)
THRESHOLD = 5  # the shipped default (intake.settings)


def snapshot_of(count: int, workdir: Path, k: int = THRESHOLD) -> dict:
    """A report snapshot of ``count`` synthetic survivor responses."""
    from intake import clock
    from intake.models import StaffSession, StaffUser

    inst = instance.prepare(workdir)
    app = create_app(inst.config)
    with app.app_context():
        session = db.get_database().session()
        keystore = app.extensions["intake.keystore"]
        synthetic.seal(session, keystore, count, audiences=("survivor",))
        user = session.get(StaffUser, inst.facilitator_id)
        team = keyring.open_with_passphrase(session, user, instance.PASSPHRASE)
        now = clock.utcnow()
        session.merge(StaffSession(id="c" * 64, user_id=user.id, created_at=now, last_seen_at=now))
        session.flush()
        ticket = keyring.unlock(session, "c" * 64, team)
        session.commit()
        cb = codebook_module.current(session)
        state = state_for(session, crypto.token_digest(ticket.token), team, keystore)
        snap = report.build(state, cb, Matcher(cb), k, app.extensions["intake.config"].languages)
        discard_all()
        session.close()
    app.extensions["intake.db"].dispose()
    return snap


def measure(sizes: tuple[int, ...] = SIZES) -> list[dict[str, float]]:
    out = []
    for count in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            snap = snapshot_of(count, Path(tmp))
        share = report.visible_share(report.for_report(snap))
        points = report.points_share(snap)
        out.append({"responses": count, **share, "points": points})
    return out


if __name__ == "__main__":
    sizes = tuple(int(n) for n in sys.argv[1:]) or SIZES
    for row in measure(sizes):
        print(json.dumps(row))
