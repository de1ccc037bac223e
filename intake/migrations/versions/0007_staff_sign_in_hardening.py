"""staff sign-in hardening

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 01:10:00

- ``staff_user.must_change_password``: the first-run passwords are one-time.
- Usernames unique without regard to case (``staff_user.username_folded``, the lower-case
  name, unique). Accounts that
  already differ only by case ("Admin" beside "admin") cannot be merged safely by a
  migration — each has its own password, key slot and drafts — so the upgrade refuses and
  names them; an admin deactivates or renames one, then runs it again.
- ``invitation.refused_names``: how many usernames a welcome page refused.
"""

from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    clashes = op.get_bind().execute(sa.text(
        "SELECT lower(username) FROM staff_user GROUP BY lower(username) HAVING count(*) > 1"
    )).scalars().all()
    if clashes:
        raise RuntimeError(
            "These usernames exist more than once, differing only by case: "
            + ", ".join(sorted(clashes))
            + ". Rename all but one of each (UPDATE staff_user SET username = ... WHERE id = ...),"
            " then run the migration again."
        )
    with op.batch_alter_table('staff_user') as batch:
        batch.add_column(sa.Column(
            'must_change_password', sa.Boolean(), nullable=False, server_default=sa.false()
        ))
        batch.add_column(sa.Column('username_folded', sa.String(length=64), nullable=True))
    op.execute("UPDATE staff_user SET username_folded = lower(username)")
    with op.batch_alter_table('staff_user') as batch:
        batch.alter_column('username_folded', existing_type=sa.String(length=64), nullable=False)
        batch.create_unique_constraint('uq_staff_user_username_folded', ['username_folded'])
    with op.batch_alter_table('invitation') as batch:
        batch.add_column(sa.Column(
            'refused_names', sa.Integer(), nullable=False, server_default='0'
        ))


def downgrade() -> None:
    with op.batch_alter_table('invitation') as batch:
        batch.drop_column('refused_names')
    with op.batch_alter_table('staff_user') as batch:
        batch.drop_constraint('uq_staff_user_username_folded', type_='unique')
        batch.drop_column('username_folded')
        batch.drop_column('must_change_password')
