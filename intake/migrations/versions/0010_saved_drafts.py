"""saved drafts: answers kept under a resume phrase ("Finish later")

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 04:30:00

A respondent who must stop may keep her draft under a resume phrase she is shown once. The
row holds only a hash of a lookup value derived from the phrase, the draft sealed under a
separate key derived from it, and when it expires. Its own table, not the idle drafts': the
idle sweep must never take it, and it is capped on its own.
"""

from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'saved_draft',
        sa.Column('id', sa.String(length=64), nullable=False),
        sa.Column('ciphertext', sa.LargeBinary(), nullable=False),
        sa.Column('expires_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('saved_draft') as batch:
        batch.create_index(batch.f('ix_saved_draft_expires_at'), ['expires_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('saved_draft') as batch:
        batch.drop_index(batch.f('ix_saved_draft_expires_at'))
    op.drop_table('saved_draft')
