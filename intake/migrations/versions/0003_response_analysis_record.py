"""response analysis record

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05 12:40:00

Each response gains an optional sealed analysis record (all its answers and the codes
suggested for its free text, AES-GCM under the response's own data key), written at
submission so that themes need one decryption per response instead of one per field.
Responses stored before this revision have none and are read field by field.
"""

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('response') as batch:
        batch.add_column(sa.Column('analysis', sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('response') as batch:
        batch.drop_column('analysis')
