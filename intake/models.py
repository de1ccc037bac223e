"""Typed SQLAlchemy models.

What is stored in clear, and why, is listed in docs/threat-model.md. Answers never appear
here in plaintext: ``ResponseField.ciphertext`` holds one AES-GCM field each, and
``Response.sealed_data_key`` the HPKE-sealed key that opens them.

Anonymity is a property of the schema: ``Response`` has no column that could point to a
user, a device, an address or a precise time.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

PROVENANCES = ("self", "assisted", "listening_session")
ROLES = ("admin", "facilitator", "advocate", "viewer")
VERSION_STATUSES = ("draft", "published", "retired")


class Base(DeclarativeBase):
    pass


class Questionnaire(Base):
    __tablename__ = "questionnaire"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    audience: Mapped[str] = mapped_column(String(32))
    # The shareable link carries this neutral random code rather than the questionnaire's
    # name, so a browser history entry does not say "survivor survey".
    public_code: Mapped[str] = mapped_column(String(32), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)

    versions: Mapped[list[QuestionnaireVersion]] = relationship(
        back_populates="questionnaire", order_by="QuestionnaireVersion.version"
    )


class QuestionnaireVersion(Base):
    __tablename__ = "questionnaire_version"
    __table_args__ = (
        UniqueConstraint("questionnaire_id", "version"),
        CheckConstraint(f"status IN {VERSION_STATUSES!r}", name="ck_version_status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    questionnaire_id: Mapped[int] = mapped_column(ForeignKey("questionnaire.id"))
    version: Mapped[int] = mapped_column(Integer)
    # The declarative definition (JSON) exactly as answered; never edited once published.
    definition: Mapped[str] = mapped_column(Text)
    checksum: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))
    published_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)

    questionnaire: Mapped[Questionnaire] = relationship(back_populates="versions")


class TeamKey(Base):
    """A generation of the team key pair. Only the public half is stored in clear."""

    __tablename__ = "team_key"

    version: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    public_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    # HMAC under a key derived from the instance secret (see keystore.KeyAuthenticator):
    # a database writer can change the public key but not forge this.
    key_mac: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    destroyed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class KeySlot(Base):
    """One way to open the team private key.

    Each slot has its own X25519 key pair; the team private key is HPKE-sealed to the slot's
    public key, so rotation can re-seal a new team key to every slot without anyone's
    passphrase. A passphrase slot keeps its private key wrapped under an Argon2id key derived
    from the facilitator's passphrase; the recovery slot's private key *is* the recovery key,
    shown once and never stored.
    """

    __tablename__ = "key_slot"
    __table_args__ = (CheckConstraint("kind IN ('passphrase', 'recovery')", name="ck_slot_kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_user.id", ondelete="CASCADE"), nullable=True, unique=True
    )
    public_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    # Binds the public key to its kind and holder; nothing is sealed to a slot without it.
    key_mac: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    wrapped_private_key: Mapped[str | None] = mapped_column(Text, nullable=True)
    # Both empty while the slot waits for an unlocked facilitator to grant it: a new
    # facilitator sets their passphrase first, so no one ever has to share one.
    team_key_version: Mapped[int | None] = mapped_column(
        ForeignKey("team_key.version"), nullable=True
    )
    sealed_team_key: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)

    @property
    def granted(self) -> bool:
        return self.sealed_team_key is not None


class Epoch(Base):
    """A retention period (default: a calendar quarter) with its own key pair.

    The private half never enters the database: it is sealed to the team key and kept in the
    key store (see ``intake.keystore``), so destroying it shreds database backups too.
    """

    __tablename__ = "epoch"

    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(32), unique=True)
    starts_on: Mapped[dt.date] = mapped_column(Date)
    ends_on: Mapped[dt.date] = mapped_column(Date)
    public_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    # Binds the public key to the label; no response is sealed to an epoch without it.
    key_mac: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    destroyed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class Response(Base):
    """One submitted response. Deliberately without any user, device, address or time."""

    __tablename__ = "response"
    __table_args__ = (
        CheckConstraint(f"provenance IN {PROVENANCES!r}", name="ck_response_provenance"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    questionnaire_version_id: Mapped[int] = mapped_column(ForeignKey("questionnaire_version.id"))
    epoch_id: Mapped[int] = mapped_column(ForeignKey("epoch.id"))
    provenance: Mapped[str] = mapped_column(String(24))
    # Coarsened to the first day of the month: enough for "responses by month" and retention.
    submitted_month: Mapped[dt.date] = mapped_column(Date)
    sealed_data_key: Mapped[bytes] = mapped_column(LargeBinary)
    # All answers and the codes suggested for the free text, sealed under the data key at
    # submission (see responses.seal_record); None for responses stored before it existed.
    analysis: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True, default=None)

    fields: Mapped[list[ResponseField]] = relationship(
        back_populates="response", cascade="all, delete-orphan", passive_deletes=True
    )
    questionnaire_version: Mapped[QuestionnaireVersion] = relationship()
    epoch: Mapped[Epoch] = relationship()


class ResponseField(Base):
    __tablename__ = "response_field"
    __table_args__ = (UniqueConstraint("response_id", "field_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[str] = mapped_column(ForeignKey("response.id", ondelete="CASCADE"))
    field_key: Mapped[str] = mapped_column(String(64))
    ciphertext: Mapped[bytes] = mapped_column(LargeBinary)

    response: Mapped[Response] = relationship(back_populates="fields")


class Draft(Base):
    """An in-progress questionnaire, encrypted under a key that lives only in the cookie."""

    __tablename__ = "draft"

    # SHA-256 of the bearer token in the cookie: the table alone cannot be used to resume.
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    ciphertext: Mapped[bytes] = mapped_column(LargeBinary)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)


class SavedDraft(Base):
    """A draft kept under a resume phrase ("Finish later"); see intake/resume.py.

    Nothing here can be tied to the phrase or opened without it: the id is a hash of a
    lookup value and the key a separate value, both derived from the phrase with Argon2id
    under a server-held pepper. It expires a fixed time after its last save, not when idle.
    """

    __tablename__ = "saved_draft"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    ciphertext: Mapped[bytes] = mapped_column(LargeBinary)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)


class Program(Base):
    """An agency or organisation advocates work for (recorded with assisted entries)."""

    __tablename__ = "program"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class StaffUser(Base):
    __tablename__ = "staff_user"
    __table_args__ = (CheckConstraint(f"role IN {ROLES!r}", name="ck_staff_role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    # The username in lower case, unique: "Admin" and "admin" are one name, and sign-in
    # matches without regard to case. (A column rather than an index on lower(): SQLite
    # cannot reflect expression indexes, and the migrations check compares schemas.)
    username_folded: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    program_id: Mapped[int | None] = mapped_column(ForeignKey("program.id"), nullable=True)
    # TOTP secret, encrypted under a key derived from the server secret: a database leak
    # alone does not hand out second factors.
    totp_secret: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    # The last TOTP time step accepted: a code (and any earlier one) works only once.
    totp_last_step: Mapped[int] = mapped_column(Integer, default=0)
    # A random key for this person's own unsubmitted drafts, wrapped under their password.
    wrapped_draft_key: Mapped[str | None] = mapped_column(Text, nullable=True)
    # Set for a password someone else chose (the first-run ones): the next sign-in with it
    # must choose a new one before anything else.
    must_change_password: Mapped[bool] = mapped_column(default=False, server_default=false())


class LoginThrottle(Base):
    """Failed sign-ins per account and overall, kept in the database so every worker agrees."""

    __tablename__ = "login_throttle"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)  # "user:<id>" or "all"
    failures: Mapped[int] = mapped_column(Integer, default=0)
    window_start: Mapped[dt.datetime] = mapped_column(DateTime)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class Invitation(Base):
    """A one-time, expiring invitation to create a staff account."""

    __tablename__ = "invitation"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # SHA-256 of the token
    role: Mapped[str] = mapped_column(String(16))
    program_id: Mapped[int | None] = mapped_column(ForeignKey("program.id"), nullable=True)
    created_by: Mapped[int | None] = mapped_column(
        ForeignKey("staff_user.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)
    used_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    # Usernames refused on the welcome page; a few, then the invitation is spent (a leaked
    # link cannot be used to list who has an account).
    refused_names: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class StaffDraft(Base):
    """An advocate's unsubmitted entry, readable only with that advocate's draft key."""

    __tablename__ = "staff_draft"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id", ondelete="CASCADE"))
    questionnaire_version_id: Mapped[int] = mapped_column(ForeignKey("questionnaire_version.id"))
    ciphertext: Mapped[bytes] = mapped_column(LargeBinary)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


class AuditEntry(Base):
    """Append-only, hash-chained record of staff and key actions. Never response content,
    never an address."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    actor: Mapped[str | None] = mapped_column(String(64), nullable=True)
    action: Mapped[str] = mapped_column(String(64))
    detail: Mapped[str] = mapped_column(Text, default="")
    previous_hash: Mapped[str] = mapped_column(String(64), unique=True)
    entry_hash: Mapped[str] = mapped_column(String(64), unique=True)


class AuditHead(Base):
    """The audit log's last entry and length, MAC'd under a key from the instance secret:
    deleting entries from the end of the chain no longer leaves an intact-looking log."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    entries: Mapped[int] = mapped_column(Integer)
    entry_hash: Mapped[str] = mapped_column(String(64))
    mac: Mapped[bytes] = mapped_column(LargeBinary)


class Setting(Base):
    """Settings an admin may change at run time (quick-exit target, threshold, hotlines)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class StaffSession(Base):
    """Server-side staff session: deleting the row logs the cookie out everywhere."""

    __tablename__ = "staff_session"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # SHA-256 of the token
    user_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id", ondelete="CASCADE"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    last_seen_at: Mapped[dt.datetime] = mapped_column(DateTime)


class UnlockSession(Base):
    """The team private key while a facilitator has the data unlocked.

    Wrapped under a key that exists only in that facilitator's cookie, so the database alone
    never holds a usable key. Deleted at lock, logout, idle timeout and server start.
    """

    __tablename__ = "unlock_session"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # SHA-256 of the token
    staff_session_id: Mapped[str] = mapped_column(
        ForeignKey("staff_session.id", ondelete="CASCADE")
    )
    team_key_version: Mapped[int] = mapped_column(ForeignKey("team_key.version"))
    wrapped_private_key: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    last_used_at: Mapped[dt.datetime] = mapped_column(DateTime)


class CodebookVersion(Base):
    """One saved state of the codebook (codes and their patterns). Never edited; the newest
    row is the codebook in use, and none at all means the shipped one."""

    __tablename__ = "codebook_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    content: Mapped[str] = mapped_column(Text)


class ResponseAnnotation(Base):
    """Facilitators' coding of one response (codes confirmed, rejected or added; extra
    redactions; approved quotes), encrypted under that response's own data key.

    Sealing it with the response means it needs the team key to read, and destroying the
    response's epoch shreds its coding too. Only its existence is visible: the response had
    free text that someone reviewed.
    """

    __tablename__ = "response_annotation"

    response_id: Mapped[str] = mapped_column(
        ForeignKey("response.id", ondelete="CASCADE"), primary_key=True
    )
    revision: Mapped[int] = mapped_column(Integer, default=1)
    ciphertext: Mapped[bytes] = mapped_column(LargeBinary)


class ThemeReport(Base):
    """A published theme report: disclosure-controlled aggregates and approved quotes.

    Team viewers open it without the team key, so it is encrypted under a key derived from
    the server secret (a copied database alone does not read it). It holds no response.
    """

    __tablename__ = "theme_report"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    published_at: Mapped[dt.datetime] = mapped_column(DateTime)
    published_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    threshold: Mapped[int] = mapped_column(Integer)
    ciphertext: Mapped[bytes] = mapped_column(LargeBinary)
    # The epoch labels its responses came from (comma-separated), so destroying an epoch
    # removes the reports built from it. None for reports published before this was kept.
    epochs: Mapped[str | None] = mapped_column(Text, nullable=True)
    # Withdrawn: hidden from viewers, kept so the next report is still compared with it.
    withdrawn_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    withdrawn_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # Responses the report covered: kept when the report is emptied by destroying an epoch,
    # so the next report is still compared with it (migration 0009). None before 0009.
    responses: Mapped[int | None] = mapped_column(Integer, nullable=True)
