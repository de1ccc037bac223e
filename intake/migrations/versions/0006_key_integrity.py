"""key integrity

Revision ID: 0006
Revises: 0004
Create Date: 2026-12-07 01:05:00

Public key material gains a MAC under a key derived from the instance secret (a database
writer cannot forge one), theme reports record the epochs they drew on (so destroying an
epoch can reach them), and the audit log gains an authenticated head (so cutting entries
off its end shows). Keys created before this revision carry no MAC: sealing refuses them
until an operator runs ``flask intake attest-keys`` (docs/threat-model.md).
"""

from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ('team_key', 'key_slot', 'epoch'):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column('key_mac', sa.LargeBinary(), nullable=True))
    with op.batch_alter_table('theme_report') as batch:
        batch.add_column(sa.Column('epochs', sa.Text(), nullable=True))
    head = op.create_table(
        'audit_head',
        sa.Column('id', sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column('entries', sa.Integer(), nullable=False),
        sa.Column('entry_hash', sa.String(64), nullable=False),
        sa.Column('mac', sa.LargeBinary(), nullable=False),
    )
    # A placeholder the next audit entry adopts (the MAC key is not available here).
    op.bulk_insert(head, [{'id': 1, 'entries': -1, 'entry_hash': '', 'mac': b''}])


def downgrade() -> None:
    op.drop_table('audit_head')
    with op.batch_alter_table('theme_report') as batch:
        batch.drop_column('epochs')
    for table in ('team_key', 'key_slot', 'epoch'):
        with op.batch_alter_table(table) as batch:
            batch.drop_column('key_mac')
