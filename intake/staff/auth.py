"""Staff authentication with server-side sessions.

Flask's cookie session alone cannot be revoked: a copied cookie would keep working after
logout. Here the cookie carries only a random token; the ``staff_session`` row it points to
is the session, and deleting the row (logout, timeout, password change) ends it everywhere.
"""

from __future__ import annotations

import datetime as dt
from functools import wraps
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import Flask, abort, current_app, g, session
from flask_login import LoginManager, UserMixin, current_user
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from .. import clock, crypto
from ..db import db_session
from ..models import StaffSession, StaffUser

STAFF_COOKIE_FIELD = "staff"
_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
# Verifying against this keeps the time of a failed login independent of whether the
# username exists.
_DUMMY_HASH = _hasher.hash("not a real password")


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


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(user: StaffUser | None, password: str) -> bool:
    try:
        if user is None or not user.active:
            _hasher.verify(_DUMMY_HASH, password)
            return False
        return _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def create_user(session: Session, username: str, password: str, role: str) -> StaffUser:
    user = StaffUser(
        username=username,
        password_hash=hash_password(password),
        role=role,
        active=True,
        created_at=clock.utcnow(),
    )
    session.add(user)
    session.flush()
    return user


def find_user(session: Session, username: str) -> StaffUser | None:
    return session.scalar(select(StaffUser).where(StaffUser.username == username.strip()))


def start_session(user: StaffUser) -> None:
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

        return wrapped

    return decorator
