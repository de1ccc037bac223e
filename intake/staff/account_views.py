"""Signing in (password, then a one-time code), enrolling TOTP, invitations, passwords."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import segno
from flask import Blueprint, flash, g, redirect, render_template, session, url_for
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
    LoginForm,
    PasswordChangeForm,
    PlainForm,
)
from ..models import Invitation, StaffUser
from .auth import (
    TOTP_ROLES,
    check_totp,
    create_user,
    end_all_sessions,
    end_session,
    find_user,
    is_throttled,
    new_totp_secret,
    open_draft_key,
    public_staff_route,
    record_failure,
    reset_failures,
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
PENDING_MINUTES = 5


def qr_svg(data: str) -> Markup:
    """An inline SVG QR code, drawn here: no third-party image service ever sees the secret."""
    out = io.BytesIO()
    segno.make(data, error="m").save(
        out, kind="svg", scale=5, xmldecl=False, svgns=True, title=None
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


def register(bp: Blueprint, config: Config) -> None:
    def finish_login(user: StaffUser, draft_key: bytes | None) -> WerkzeugResponse:
        reset_failures(db_session(), user)
        audit.record(db_session(), user.username, "login")
        db_session().commit()
        start_session(user, draft_key)
        return redirect(url_for("staff.home"), code=303)

    @bp.route("/login", methods=["GET", "POST"])
    @public_staff_route
    def login():  # type: ignore[no-untyped-def]
        form = LoginForm()
        locked_device = session.get("handover_done")
        if form.validate_on_submit():
            user = find_user(db_session(), form.username.data or "")
            if is_throttled(db_session(), user):
                audit.record(db_session(), None, "login throttled")
                db_session().commit()
                form.password.errors = [
                    _("Too many attempts. Please wait a few minutes and try again.")
                ]
                return render_template("staff/login.html", form=form), 429
            password = form.password.data or ""
            if not verify_password(user, password):
                started = record_failure(db_session(), user)
                audit.record(db_session(), None, "login failed")
                if started:
                    audit.record(db_session(), None, "login throttling started")
                db_session().commit()
                # One message for every failure: it must not reveal which part was wrong.
                form.password.errors = [_("That username and password do not match.")]
                return render_template("staff/login.html", form=form), 401
            assert user is not None  # noqa: S101 - verify_password is False for None
            draft_key = open_draft_key(user, password)
            if user.role in TOTP_ROLES:
                session[PENDING] = {
                    "user": user.id,
                    "at": clock.utcnow().isoformat(),
                    "dk": draft_key.hex() if draft_key else "",
                }
                target = "staff.code" if user.totp_secret else "staff.enrol"
                return redirect(url_for(target), code=303)
            return finish_login(user, draft_key)
        status = 200 if not form.errors else 422
        return render_template("staff/login.html", form=form, locked_device=locked_device), status

    @bp.route("/login/code", methods=["GET", "POST"])
    @public_staff_route
    def code():  # type: ignore[no-untyped-def]
        user, pending = _pending_user()
        if user is None:
            return redirect(url_for("staff.login"), code=303)
        form = CodeForm()
        if form.validate_on_submit():
            if is_throttled(db_session(), user):
                form.code.errors = [
                    _("Too many attempts. Please wait a few minutes and try again.")
                ]
                return render_template("staff/code.html", form=form), 429
            if check_totp(user, form.code.data or "", config.secret_key):
                session.pop(PENDING, None)
                return finish_login(user, bytes.fromhex(pending.get("dk") or "") or None)
            record_failure(db_session(), user)
            audit.record(db_session(), user.username, "one-time code refused")
            db_session().commit()
            form.code.errors = [
                _("That code did not work. Codes change every 30 seconds, and each works once.")
            ]
            return render_template("staff/code.html", form=form), 401
        return render_template("staff/code.html", form=form), 200 if not form.errors else 422

    @bp.route("/login/enrol", methods=["GET", "POST"])
    @public_staff_route
    def enrol():  # type: ignore[no-untyped-def]
        """First sign-in of an admin or facilitator: set up the authenticator app."""
        user, pending = _pending_user()
        if user is None or user.totp_secret is not None:
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
                session.pop(PENDING, None)
                return finish_login(user, bytes.fromhex(pending.get("dk") or "") or None)
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
            if not verify_password(user, form.current.data or ""):
                form.current.errors = [_("That is not your current password.")]
            elif problem := problem_with(form.new.data or "", user.username):
                form.new.errors = [problem]
            else:
                draft_key = open_draft_key(user, form.current.data or "") or crypto.random_key()
                user.password_hash = __import__("intake.staff.auth", fromlist=["x"]).hash_password(
                    form.new.data or ""
                )
                set_draft_key(user, form.new.data or "", draft_key, _kdf(config))
                end_all_sessions(db_session(), user)  # every old cookie stops working
                audit.record(db_session(), user.username, "password changed")
                db_session().commit()
                start_session(user, draft_key)
                flash(_("Your password is changed. You are signed out everywhere else."))
                return redirect(url_for("staff.home"), code=303)
            return render_template("staff/password.html", form=form), 422
        return render_template("staff/password.html", form=form), 200 if not form.errors else 422

    @bp.get("/invite/<token>")
    @public_staff_route
    def invitation(token: str) -> WerkzeugResponse:
        """The link an admin handed over. The token leaves the address bar at once."""
        session[INVITE] = token[:64]
        return redirect(url_for("staff.welcome"), code=303)

    @bp.route("/welcome", methods=["GET", "POST"])
    @public_staff_route
    def welcome():  # type: ignore[no-untyped-def]
        token = session.get(INVITE)
        invite = (
            db_session().get(Invitation, crypto.token_digest(token))
            if isinstance(token, str)
            else None
        )
        if invite is None or invite.used_at is not None or invite.expires_at <= clock.utcnow():
            session.pop(INVITE, None)
            return render_template("staff/invitation_invalid.html"), 410
        form = AcceptInvitationForm()
        if form.validate_on_submit():
            username = (form.username.data or "").strip()
            if find_user(db_session(), username) is not None:
                form.username.errors = [_("That username is taken. Choose another.")]
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
                if user.role in TOTP_ROLES:
                    session[PENDING] = {
                        "user": user.id,
                        "at": clock.utcnow().isoformat(),
                        "dk": draft_key.hex() if draft_key else "",
                    }
                    return redirect(url_for("staff.enrol"), code=303)
                return finish_login(user, draft_key)
            return render_template("staff/welcome.html", form=form, role=invite.role), 422
        return render_template("staff/welcome.html", form=form, role=invite.role), 200
