"""Signing in (password, then a one-time code), enrolling TOTP, invitations, passwords.

Signing in is a short sequence held in the session (``PENDING``) once the password was right:
the one-time code for someone already enrolled, a new password when the one used was one-time
(the first-run passwords), then setting up the authenticator app for a role that needs one.
The code comes before a password change, so a password alone never changes a password.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import segno
from flask import Blueprint, flash, g, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup
from werkzeug.wrappers import Response as WerkzeugResponse

from .. import audit, clock, crypto, keyring
from ..config import Config
from ..db import db_session
from ..forms.staff import (
    AcceptInvitationForm,
    CodeForm,
    FirstPasswordForm,
    LoginForm,
    OpenInvitationForm,
    PasswordChangeForm,
    PlainForm,
)
from ..models import Invitation, StaffUser
from . import throttle
from .auth import (
    TOTP_ROLES,
    check_totp,
    create_user,
    end_all_sessions,
    end_session,
    find_user,
    fold_username,
    hash_password,
    new_totp_secret,
    open_draft_key,
    public_staff_route,
    role_required,
    set_draft_key,
    set_totp_secret,
    start_session,
    totp_uri,
    verify_password,
)
from .passwords import problem_with

PENDING = "pending_login"  # {"user": id, "at": iso time, "dk": draft key} between the two steps
INVITE = "invitation"
PENDING_MINUTES = 10  # per step of signing in (setting up an app takes a while)
# A welcome page refuses this many usernames (taken or reserved), then the invitation is spent.
REFUSED_NAMES_LIMIT = 5
# Names nobody chooses: they would pass for the first-run accounts or the system.
RESERVED_NAMES = frozenset({"admin", "administrator", "root", "facilitator", "bootstrap", "system"})


def qr_svg(data: str) -> Markup:
    """An inline SVG QR code, drawn here: no third-party image service ever sees the secret."""
    out = io.BytesIO()
    segno.make(data, error="m").save(
        out, kind="svg", scale=5, xmldecl=False, svgns=True, title=None, omitsize=True
    )
    return Markup(out.getvalue().decode("utf-8"))  # noqa: S704 - segno's own SVG, no user text


def _kdf(config: Config) -> crypto.KdfParams:
    return crypto.KdfParams(config.kdf_memory_kib, config.kdf_iterations, config.kdf_lanes)


def _pending_user() -> tuple[StaffUser | None, dict[str, Any]]:
    pending = session.get(PENDING)
    if not isinstance(pending, dict):
        return None, {}
    try:
        started = dt.datetime.fromisoformat(str(pending["at"]))
    except (KeyError, ValueError):
        return None, {}
    if clock.utcnow() - started > dt.timedelta(minutes=PENDING_MINUTES):
        session.pop(PENDING, None)
        return None, {}
    user = db_session().get(StaffUser, int(pending.get("user", 0)))
    return (user if user is not None and user.active else None), pending


def _too_many() -> str:
    return _("Too many attempts. Please wait a few minutes and try again.")


def _valid_invitation(token: object) -> Invitation | None:
    if not isinstance(token, str) or not token or len(token) > 128:
        return None
    invite = db_session().get(Invitation, crypto.token_digest(token))
    if (
        invite is None
        or invite.used_at is not None
        or invite.expires_at <= clock.utcnow()
        or invite.refused_names >= REFUSED_NAMES_LIMIT
    ):
        return None
    return invite


def register(bp: Blueprint, config: Config) -> None:
    device_cookie = (
        throttle.DEVICE_COOKIE_SECURE if config.secure_cookies else throttle.DEVICE_COOKIE_PLAIN
    )

    def finish_login(user: StaffUser, draft_key: bytes | None) -> WerkzeugResponse:
        session.pop(PENDING, None)
        secret = config.secret_key
        known = request.cookies.get(device_cookie)
        buckets = [throttle.name_bucket(secret, user.username_folded)]
        if known:
            buckets.append(throttle.device_bucket(secret, known))
        throttle.clear(db_session(), *buckets, throttle.own_bucket("code", user.id))
        audit.record(db_session(), user.username, "login")
        db_session().commit()
        start_session(user, draft_key)
        response = redirect(url_for("staff.home"), code=303)
        # This browser is now a known device for this account: strangers' guesses at the
        # name, or a spray across names, no longer hold it back (intake/staff/throttle.py).
        response.set_cookie(
            device_cookie,
            throttle.new_device_cookie(secret, user.username_folded),
            max_age=throttle.DEVICE_COOKIE_DAYS * 86400,
            path="/",
            secure=config.secure_cookies,
            httponly=True,
            samesite="Strict",
        )
        return response

    def advance(user: StaffUser, pending: dict[str, Any]) -> WerkzeugResponse:
        """The next step for someone whose password was right (see the module docstring)."""
        pending["at"] = clock.utcnow().isoformat()
        session[PENDING] = pending
        if user.role in TOTP_ROLES and user.totp_secret is not None and not pending.get("code"):
            return redirect(url_for("staff.code"), code=303)
        if user.must_change_password:
            return redirect(url_for("staff.new_password"), code=303)
        if user.role in TOTP_ROLES and user.totp_secret is None:
            return redirect(url_for("staff.enrol"), code=303)
        return finish_login(user, bytes.fromhex(pending.get("dk") or "") or None)

    @bp.route("/login", methods=["GET", "POST"])
    @public_staff_route
    def login():  # type: ignore[no-untyped-def]
        form = LoginForm()
        locked_device = session.get("handover_done")
        if form.validate_on_submit():
            name = fold_username(form.username.data or "")
            secret = config.secret_key
            device = request.cookies.get(device_cookie)
            if throttle.device_knows(secret, device, name):
                buckets = [(throttle.device_bucket(secret, device or ""), throttle.PER_NAME)]
            else:
                buckets = [
                    (throttle.name_bucket(secret, name), throttle.PER_NAME),
                    (throttle.GLOBAL_BUCKET, throttle.GLOBAL),
                ]
            # Held or not is decided before looking the name up: known and unknown names
            # get the same answer, after the same work.
            if any(throttle.is_held(db_session(), key) for key, _rule in buckets):
                audit.record(db_session(), None, "login throttled")
                db_session().commit()
                form.password.errors = [_too_many()]
                return render_template("staff/login.html", form=form), 429
            user = find_user(db_session(), name)
            password = form.password.data or ""
            if not verify_password(user, password):
                started = [throttle.record(db_session(), key, rule) for key, rule in buckets]
                audit.record(db_session(), None, "login failed")
                if any(started):
                    audit.record(db_session(), None, "login throttling started")
                db_session().commit()
                # One message for every failure: it must not reveal which part was wrong.
                form.password.errors = [_("That username and password do not match.")]
                return render_template("staff/login.html", form=form), 401
            assert user is not None  # noqa: S101 - verify_password is False for None
            draft_key = open_draft_key(user, password)
            return advance(user, {"user": user.id, "dk": draft_key.hex() if draft_key else ""})
        status = 200 if not form.errors else 422
        return render_template("staff/login.html", form=form, locked_device=locked_device), status

    @bp.route("/login/code", methods=["GET", "POST"])
    @public_staff_route
    def code():  # type: ignore[no-untyped-def]
        user, pending = _pending_user()
        if user is None or user.totp_secret is None:
            return redirect(url_for("staff.login"), code=303)
        form = CodeForm()
        if form.validate_on_submit():
            bucket = throttle.own_bucket("code", user.id)
            if throttle.is_held(db_session(), bucket):
                form.code.errors = [_too_many()]
                return render_template("staff/code.html", form=form), 429
            if check_totp(user, form.code.data or "", config.secret_key):
                db_session().commit()  # the code is used up
                return advance(user, {**pending, "code": True})
            throttle.record(db_session(), bucket, throttle.OWN_CHECK)
            audit.record(db_session(), user.username, "one-time code refused")
            db_session().commit()
            form.code.errors = [
                _("That code did not work. Codes change every 30 seconds, and each works once.")
            ]
            return render_template("staff/code.html", form=form), 401
        return render_template("staff/code.html", form=form), 200 if not form.errors else 422

    @bp.route("/login/new-password", methods=["GET", "POST"])
    @public_staff_route
    def new_password():  # type: ignore[no-untyped-def]
        """The password just used was one-time (first run): choose one only you know."""
        user, pending = _pending_user()
        if user is None or not user.must_change_password:
            return redirect(url_for("staff.login"), code=303)
        if user.role in TOTP_ROLES and user.totp_secret is not None and not pending.get("code"):
            return redirect(url_for("staff.login"), code=303)
        form = FirstPasswordForm()
        if form.validate_on_submit():
            new = form.new.data or ""
            if problem := problem_with(new, user.username):
                form.new.errors = [problem]
            elif verify_password(user, new):
                form.new.errors = [_("Choose a new password, not the one you were given.")]
            else:
                draft_key = bytes.fromhex(pending.get("dk") or "") or crypto.random_key()
                user.password_hash = hash_password(new)
                set_draft_key(user, new, draft_key, _kdf(config))
                user.must_change_password = False
                end_all_sessions(db_session(), user)
                audit.record(db_session(), user.username, "password changed")
                db_session().commit()
                return advance(user, {**pending, "dk": draft_key.hex()})
            return render_template("staff/new_password.html", form=form), 422
        status = 200 if not form.errors else 422
        return render_template("staff/new_password.html", form=form), status

    @bp.route("/login/enrol", methods=["GET", "POST"])
    @public_staff_route
    def enrol():  # type: ignore[no-untyped-def]
        """First sign-in of an admin or facilitator: set up the authenticator app."""
        user, pending = _pending_user()
        if user is None or user.totp_secret is not None or user.must_change_password:
            return redirect(url_for("staff.login"), code=303)
        secret = pending.get("new_secret") or new_totp_secret()
        pending["new_secret"] = secret
        session[PENDING] = pending
        form = CodeForm()
        if form.validate_on_submit():
            if check_totp(user, form.code.data or "", config.secret_key, secret=secret):
                last = user.totp_last_step
                set_totp_secret(user, secret, config.secret_key)
                user.totp_last_step = last  # the code just used stays used
                audit.record(db_session(), user.username, "two-factor enrolled")
                pending.pop("new_secret", None)
                return advance(user, {**pending, "code": True})
            form.code.errors = [
                _("That code did not work. Check the time on your phone and try again.")
            ]
        uri = totp_uri(secret, user.username)
        grouped = " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
        status = 200 if not form.errors else 422
        return render_template(
            "staff/enrol.html", form=form, qr=qr_svg(uri), secret=grouped
        ), status

    @bp.post("/logout")
    @public_staff_route
    def logout() -> WerkzeugResponse:
        form = PlainForm()
        if form.validate_on_submit() and current_user.is_authenticated:
            keyring.lock(db_session(), current_user.session_id)
            audit.record(db_session(), current_user.username, "logout")
            db_session().commit()
            from ..analysis import state as analysis_state

            analysis_state.sweep(db_session(), force=True)  # forget this worker's analysis now
        end_session()
        return redirect(url_for("staff.login"), code=303)

    @bp.route("/password", methods=["GET", "POST"])
    @role_required("admin", "facilitator", "advocate", "viewer")
    def password():  # type: ignore[no-untyped-def]
        form = PasswordChangeForm()
        user: StaffUser = g.staff.user
        if form.validate_on_submit():
            # A stolen session must not become a way to guess the password at full speed.
            bucket = throttle.own_bucket("password", user.id)
            if throttle.is_held(db_session(), bucket):
                form.current.errors = [_too_many()]
                return render_template("staff/password.html", form=form), 429
            if not verify_password(user, form.current.data or ""):
                throttle.record(db_session(), bucket, throttle.OWN_CHECK)
                audit.record(db_session(), user.username, "password change refused")
                db_session().commit()
                form.current.errors = [_("That is not your current password.")]
            elif problem := problem_with(form.new.data or "", user.username):
                form.new.errors = [problem]
            else:
                draft_key = open_draft_key(user, form.current.data or "") or crypto.random_key()
                user.password_hash = hash_password(form.new.data or "")
                set_draft_key(user, form.new.data or "", draft_key, _kdf(config))
                user.must_change_password = False
                throttle.clear(db_session(), bucket)
                end_all_sessions(db_session(), user)  # every old cookie stops working
                audit.record(db_session(), user.username, "password changed")
                db_session().commit()
                start_session(user, draft_key)
                flash(_("Your password is changed. You are signed out everywhere else."))
                return redirect(url_for("staff.home"), code=303)
            return render_template("staff/password.html", form=form), 422
        return render_template("staff/password.html", form=form), 200 if not form.errors else 422

    @bp.post("/invitation")
    @public_staff_route
    def invitation():  # type: ignore[no-untyped-def]
        """Open an invitation. The code arrives in the POST body — from the link's fragment,
        which browsers never send, or typed — so no address the server logs carries it."""
        form = OpenInvitationForm()
        if form.validate_on_submit():
            token = (form.code.data or "").strip()
            if _valid_invitation(token) is None:
                session.pop(INVITE, None)
                return render_template("staff/invitation_invalid.html"), 410
            session[INVITE] = token
            return redirect(url_for("staff.welcome"), code=303)
        return render_template("staff/invitation_open.html", form=form), 422

    @bp.route("/welcome", methods=["GET", "POST"])
    @public_staff_route
    def welcome():  # type: ignore[no-untyped-def]
        token = session.get(INVITE)
        if token is None:
            # Arriving from the link: its fragment holds the code (see static/invitation.js).
            return render_template("staff/invitation_open.html", form=OpenInvitationForm()), 200
        invite = _valid_invitation(token)
        if invite is None:
            session.pop(INVITE, None)
            return render_template("staff/invitation_invalid.html"), 410
        form = AcceptInvitationForm()
        if form.validate_on_submit():
            username = (form.username.data or "").strip()
            folded = fold_username(username)
            if folded in RESERVED_NAMES or find_user(db_session(), folded) is not None:
                # Taken and reserved names get the same words, and only a few tries per
                # invitation: a leaked link cannot list who has an account.
                invite.refused_names += 1
                audit.record(db_session(), None, "invitation username refused")
                db_session().commit()
                if invite.refused_names >= REFUSED_NAMES_LIMIT:
                    session.pop(INVITE, None)
                    return render_template("staff/invitation_invalid.html"), 410
                form.username.errors = [_("That username cannot be used. Choose another.")]
            elif problem := problem_with(form.password.data or "", username):
                form.password.errors = [problem]
            else:
                user = create_user(
                    db_session(), username, form.password.data or "", invite.role,
                    program_id=invite.program_id, kdf=_kdf(config),
                )  # fmt: skip
                invite.used_at = clock.utcnow()
                audit.record(db_session(), username, "account created from invitation", invite.role)
                db_session().commit()
                session.pop(INVITE, None)
                draft_key = open_draft_key(user, form.password.data or "")
                return advance(user, {"user": user.id, "dk": draft_key.hex() if draft_key else ""})
            return render_template("staff/welcome.html", form=form, role=invite.role), 422
        return render_template("staff/welcome.html", form=form, role=invite.role), 200
