"""theme report withdrawal

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 01:10:00

A published theme report can be withdrawn: viewers no longer see it. The row (and its
ciphertext) stays, because the next report is still compared with it (a withdrawn report
may already have been read, so two reports a few responses apart could still be
subtracted); who withdrew it and when are kept next to it, as in the audit log.
"""

from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('theme_report') as batch:
        batch.add_column(sa.Column('withdrawn_at', sa.DateTime(), nullable=True))
        batch.add_column(sa.Column('withdrawn_by', sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('theme_report') as batch:
        batch.drop_column('withdrawn_by')
        batch.drop_column('withdrawn_at')
