"""Staff authentication: server-side sessions, throttling, TOTP, and the drafts key.

Flask's cookie session alone cannot be revoked: a copied cookie would keep working after
logout. Here the cookie carries only a random token; the ``staff_session`` row it points to
is the session, and deleting the row (logout, timeout, password change, deactivation) ends
it everywhere.
"""

from __future__ import annotations

import base64
import datetime as dt
from functools import lru_cache, wraps
from typing import Any

import pyotp
from flask import Flask, abort, current_app, g, session
from flask_login import LoginManager, UserMixin, current_user
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from .. import clock, crypto
from ..db import db_session
from ..models import StaffSession, StaffUser
from . import throttle

STAFF_COOKIE_FIELD = "staff"
DRAFT_KEY_FIELD = "draft_key"
TOTP_ROLES = ("admin", "facilitator")


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """Verifying against this keeps the time of a failed login independent of whether the
    username exists. Made at first use, not at import: hashing takes a second, and every
    command and worker imports this module."""
    return crypto.hash_password("not a real password")


class StaffIdentity(UserMixin):
    def __init__(self, user: StaffUser, session_id: str) -> None:
        self.user = user
        self.session_id = session_id

    def get_id(self) -> str:
        return self.session_id

    @property
    def role(self) -> str:
        return self.user.role

    @property
    def username(self) -> str:
        return self.user.username


# -- passwords -------------------------------------------------------------------------------
def hash_password(password: str) -> str:
    return crypto.hash_password(password)


def verify_password(user: StaffUser | None, password: str) -> bool:
    if user is None or not user.active:
        crypto.verify_password_hash(_dummy_hash(), password)
        return False
    return crypto.verify_password_hash(user.password_hash, password)


def _draft_wrap_context(user_id: int) -> bytes:
    return crypto.associated_data("staff-draft-key", user_id)


def create_user(
    session: Session,
    username: str,
    password: str,
    role: str,
    program_id: int | None = None,
    totp_secret: str | None = None,
    server_secret: str | None = None,
    kdf: crypto.KdfParams = crypto.PRODUCTION_KDF,
    must_change: bool = False,
) -> StaffUser:
    user = StaffUser(
        username=username,
        username_folded=fold_username(username),
        password_hash=hash_password(password),
        role=role,
        active=True,
        created_at=clock.utcnow(),
        program_id=program_id,
        totp_last_step=0,
        must_change_password=must_change,
    )
    session.add(user)
    session.flush()
    set_draft_key(user, password, crypto.random_key(), kdf)
    if totp_secret and server_secret:
        set_totp_secret(user, totp_secret, server_secret)
    session.flush()
    return user


def set_draft_key(user: StaffUser, password: str, key: bytes, kdf: crypto.KdfParams) -> None:
    """Wrap this person's drafts key under an Argon2id key from their password, so it is no
    easier to attack than the password hash itself."""
    user.wrapped_draft_key = crypto.wrap_with_passphrase(
        key, password, kdf, _draft_wrap_context(user.id)
    )


def open_draft_key(user: StaffUser, password: str) -> bytes | None:
    if user.wrapped_draft_key is None:
        return None
    try:
        return crypto.unwrap_with_passphrase(
            user.wrapped_draft_key, password, _draft_wrap_context(user.id)
        )
    except crypto.CryptoError:
        return None


def fold_username(username: str) -> str:
    """The form of a username that must be unique: "Admin" and "admin" are one name."""
    return username.strip().lower()


def find_user(session: Session, username: str) -> StaffUser | None:
    return session.scalar(
        select(StaffUser).where(StaffUser.username_folded == fold_username(username))
    )


# -- throttling (see intake/staff/throttle.py) -------------------------------------------------
def is_throttled(session: Session, user: StaffUser) -> bool:
    """Is this person's data unlock held back? Only their own wrong passphrases count: the
    unlock is outside the sign-in buckets, so strangers' guesses cannot block it."""
    return throttle.is_held(session, throttle.own_bucket("unlock", user.id))


def record_failure(session: Session, user: StaffUser) -> bool:
    """Count a wrong data passphrase. True when this failure started a hold."""
    return throttle.record(session, throttle.own_bucket("unlock", user.id), throttle.OWN_CHECK)


# -- TOTP ------------------------------------------------------------------------------------
def _totp_key(server_secret: str) -> bytes:
    return crypto.derive_key(server_secret, "totp secrets")


def new_totp_secret() -> str:
    return pyotp.random_base32()


def set_totp_secret(user: StaffUser, secret: str, server_secret: str) -> None:
    user.totp_secret = crypto.wrap_with_key(
        _totp_key(server_secret), secret.encode("ascii"), crypto.associated_data("totp", user.id)
    )
    user.totp_last_step = 0


def totp_secret_of(user: StaffUser, server_secret: str) -> str | None:
    if user.totp_secret is None:
        return None
    try:
        raw = crypto.unwrap_with_key(
            _totp_key(server_secret), user.totp_secret, crypto.associated_data("totp", user.id)
        )
    except crypto.DecryptionError:
        return None
    return raw.decode("ascii")


def check_totp(user: StaffUser, code: str, server_secret: str, secret: str | None = None) -> bool:
    """True for a current code not used before; each code (and any older one) works once."""
    secret = secret or totp_secret_of(user, server_secret)
    code = "".join(ch for ch in code if ch.isdigit())
    if not secret or len(code) != 6:
        return False
    totp = pyotp.TOTP(secret)
    now = clock.utcnow().replace(tzinfo=dt.UTC)
    for drift in (0, -1, 1):  # one step of clock drift either way
        moment = now + dt.timedelta(seconds=30 * drift)
        step = totp.timecode(moment)
        if step > user.totp_last_step and crypto.constant_time_equal(
            totp.at(moment).encode(), code.encode()
        ):
            user.totp_last_step = step
            return True
    return False


def totp_uri(secret: str, username: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=username, issuer_name="CCR intake")


# -- sessions --------------------------------------------------------------------------------
def start_session(user: StaffUser, draft_key: bytes | None = None) -> None:
    """A fresh server-side session and a fresh cookie: nothing survives from before login."""
    token = crypto.random_id()
    now = clock.utcnow()
    db_session().add(
        StaffSession(
            id=crypto.token_digest(token), user_id=user.id, created_at=now, last_seen_at=now
        )
    )
    db_session().commit()
    lang = session.get("lang")
    session.clear()
    if lang:
        session["lang"] = lang
    session[STAFF_COOKIE_FIELD] = token
    if draft_key is not None:
        session[DRAFT_KEY_FIELD] = base64.urlsafe_b64encode(draft_key).decode("ascii")
    session.permanent = False


def end_session() -> None:
    token = session.get(STAFF_COOKIE_FIELD)
    if isinstance(token, str):
        db_session().execute(
            delete(StaffSession).where(StaffSession.id == crypto.token_digest(token))
        )
        db_session().commit()
    lang = session.get("lang")
    session.clear()
    if lang:
        session["lang"] = lang


def end_all_sessions(session_: Session, user: StaffUser) -> None:
    """Password change or deactivation: every cookie of this person stops working."""
    session_.execute(delete(StaffSession).where(StaffSession.user_id == user.id))
    session_.flush()


def draft_key_from_cookie() -> bytes | None:
    raw = session.get(DRAFT_KEY_FIELD)
    if not isinstance(raw, str):
        return None
    try:
        key = base64.urlsafe_b64decode(raw)
    except ValueError:
        return None
    return key if len(key) == 32 else None


def _load_from_request(_request: Any) -> StaffIdentity | None:
    token = session.get(STAFF_COOKIE_FIELD)
    if not isinstance(token, str):
        return None
    config = current_app.extensions["intake.config"]
    row = db_session().get(StaffSession, crypto.token_digest(token))
    if row is None:
        return None
    now = clock.utcnow()
    idle = dt.timedelta(minutes=config.staff_session_idle_minutes)
    absolute = dt.timedelta(hours=config.staff_session_absolute_hours)
    user = db_session().get(StaffUser, row.user_id)
    if now - row.last_seen_at > idle or now - row.created_at > absolute or user is None:
        db_session().delete(row)
        db_session().commit()
        return None
    if not user.active:
        return None
    row.last_seen_at = now
    db_session().commit()
    return StaffIdentity(user, row.id)


def init_login(app: Flask) -> LoginManager:
    manager = LoginManager()
    manager.login_view = "staff.login"
    manager.login_message = None  # type: ignore[assignment]
    manager.session_protection = None  # the server-side session is the protection
    manager.user_loader(lambda _id: None)  # never trust an id from the cookie
    manager.request_loader(_load_from_request)
    manager.init_app(app)
    return manager


def role_required(*roles: str):  # type: ignore[no-untyped-def]
    """Checked on every staff route: the role, not the menu, decides."""

    def decorator(view):  # type: ignore[no-untyped-def]
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any):  # type: ignore[no-untyped-def]
            if not current_user.is_authenticated:
                return current_app.login_manager.unauthorized()  # type: ignore[attr-defined]
            if current_user.role not in roles:
                abort(403)
            g.staff = current_user
            return view(*args, **kwargs)

        wrapped.allowed_roles = roles  # type: ignore[attr-defined]
        return wrapped

    return decorator


def public_staff_route(view):  # type: ignore[no-untyped-def]
    """Marks a staff route that needs no sign-in (sign-in itself, invitations)."""
    view.allowed_roles = ("anonymous",)
    return view
