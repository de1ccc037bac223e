"""theme report: how many responses it covered, kept beside it

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 02:45:00

Destroying an epoch empties every report built from it (its ciphertext, quotes included,
is gone), but the row stays, withdrawn: the next report must still be compared with it
(it may have been printed; two reports a few responses apart can be subtracted), and its
version number must never be given again. The comparison needs only the number of
responses the report covered, so that number is kept in its own column. It says no more
than the count of response rows the database already holds. Reports published before
this keep it inside their ciphertext only (NULL here).
"""

from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('theme_report') as batch:
        batch.add_column(sa.Column('responses', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('theme_report') as batch:
        batch.drop_column('responses')
