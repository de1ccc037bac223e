"""points of intervention coded without a dimension

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07 01:00:00

The codebook now gives every point of intervention a code of its own for a sentence that
names it without saying how it acted ("Police — not said how", key ``police.unspecified``),
beside the point x dimension codes. Saved codebook versions move to format 2: where a
facilitator had switched off every code of a point, its new point-only code starts off too
(they did not want that point suggested); everything else they edited (words, labels,
their own codes, codes switched off) is kept exactly. The same rule is applied when a
format-1 codebook is read (``intake.analysis.codebook.parse``), so the outcome does not
depend on whether this ran.

Coding decisions need no change: they are sealed per response and name codes and sentences
by keys that stay the same. Coding sealed at submission is worked out again at unlock (the
matcher's revision changed). This migration touches only codebook_version.content, and
reads it with plain JSON, not the app's code, so it means the same in any later release.
"""

import json

from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

UNSPECIFIED = 'unspecified'
_table = sa.table(
    'codebook_version', sa.column('id', sa.Integer), sa.column('content', sa.Text)
)


def _dump(data: dict) -> str:
    # As intake.analysis.codebook.save writes it.
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _rewrite(change) -> None:  # type: ignore[no-untyped-def]
    connection = op.get_bind()
    rows = connection.execute(sa.select(_table.c.id, _table.c.content)).all()
    for row_id, content in rows:
        try:
            data = json.loads(content)
        except ValueError:
            continue  # unreadable before; left exactly as it was
        if not isinstance(data, dict):
            continue
        changed = change(data)
        if changed is not None:
            connection.execute(
                _table.update().where(_table.c.id == row_id).values(content=_dump(changed))
            )


def _upgrade_one(data: dict):  # type: ignore[no-untyped-def]
    if data.get('version', 1) != 1:
        return None
    points = list(data.get('interventions') or {})
    dimensions = list(data.get('dimensions') or {})
    disabled = set(data.get('disabled') or [])
    if dimensions:
        disabled |= {
            f'{point}.{UNSPECIFIED}'
            for point in points
            if all(f'{point}.{dimension}' in disabled for dimension in dimensions)
        }
    return {**data, 'version': 2, 'disabled': sorted(disabled)}


def _downgrade_one(data: dict):  # type: ignore[no-untyped-def]
    if data.get('version') != 2:
        return None
    points = set(data.get('interventions') or {})
    disabled = [
        key
        for key in data.get('disabled') or []
        if not (key.endswith('.' + UNSPECIFIED) and key[: -len(UNSPECIFIED) - 1] in points)
    ]
    return {**data, 'version': 1, 'disabled': disabled}


def upgrade() -> None:
    _rewrite(_upgrade_one)


def downgrade() -> None:
    _rewrite(_downgrade_one)
