"""Staff views: sign in and out, unlock and lock the data, see what has arrived.

Views stay thin: keys are handled by intake.keyring, sessions by intake.staff.auth.
"""

from __future__ import annotations

import base64
import datetime as dt

from flask import Blueprint, current_app, flash, g, redirect, render_template, session, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select
from werkzeug.wrappers import Response as WerkzeugResponse

from .. import audit, crypto, i18n, keyring
from ..analysis import state as analysis_state
from ..config import Config
from ..db import db_session
from ..forms.staff import NewPassphraseForm, PlainForm, SlotActionForm, UnlockForm
from ..keyring import TeamPrivateKey, UnlockTicket
from ..models import (
    KeySlot,
    Questionnaire,
    Response,
    StaffUser,
    ThemeReport,
)
from ..questionnaires.catalog import PUBLIC_AUDIENCES
from . import account_views, admin_views, entry_views, questionnaire_views, theme_views
from .auth import init_login, is_throttled, record_failure, role_required

UNLOCK = "unlock"


def _ticket() -> UnlockTicket | None:
    data = session.get(UNLOCK)
    if not isinstance(data, dict):
        return None
    try:
        return UnlockTicket(token=str(data["t"]), secret=base64.urlsafe_b64decode(str(data["k"])))
    except (KeyError, ValueError):
        return None


def unlocked_team_key(config: Config) -> TeamPrivateKey | None:
    """The team key for this request if this facilitator has unlocked, else None."""
    found = current_unlock(config)
    return found[0] if found else None


def current_unlock(config: Config) -> tuple[TeamPrivateKey, UnlockTicket] | None:
    """The team key and this unlock's ticket, or None when locked."""
    ticket = _ticket()
    if ticket is None or not current_user.is_authenticated:
        return None
    team = keyring.resume_unlock(
        db_session(),
        current_user.session_id,
        ticket,
        dt.timedelta(minutes=config.unlock_idle_minutes),
    )
    db_session().commit()
    if team is None:
        session.pop(UNLOCK, None)
        analysis_state.discard(crypto.token_digest(ticket.token))
        return None
    return team, ticket


def make_blueprint(config: Config) -> Blueprint:
    bp = Blueprint("staff", __name__, url_prefix="/staff")

    @bp.record_once
    def _setup(state) -> None:  # type: ignore[no-untyped-def]
        init_login(state.app)

    @bp.before_request
    def _forget_ended_analyses() -> None:
        analysis_state.sweep(db_session())

    @bp.context_processor
    def _staff_context() -> dict[str, object]:
        return {"staff_page": True}

    account_views.register(bp, config)
    admin_views.register(bp, config)
    questionnaire_views.register(bp, config)
    entry_views.register(bp, config)
    theme_views.register(bp, config)

    @bp.get("/")
    @role_required("admin", "facilitator", "advocate", "viewer")
    def home() -> str:
        total = None
        if g.staff.role == "facilitator":
            # One total only: counts per questionnaire beside the dashboard's protected
            # tables would let a hidden count be recovered by subtraction.
            total = db_session().scalar(select(func.count(Response.id)))
        links = []
        if g.staff.role in ("admin", "facilitator"):
            public = select(Questionnaire).where(Questionnaire.audience.in_(PUBLIC_AUDIENCES))
            for questionnaire in db_session().scalars(public.order_by(Questionnaire.id)):
                links.append(
                    (
                        questionnaire.key,
                        url_for(
                            "public.questionnaire", code=questionnaire.public_code, _external=True
                        ),
                    )
                )
        return render_template(
            "staff/home.html",
            total=total,
            links=links,
            unlocked=unlocked_team_key(config) is not None
            if g.staff.role == "facilitator"
            else False,
            form=PlainForm(),
            latest_report=db_session().scalar(
                select(ThemeReport).order_by(ThemeReport.id.desc()).limit(1)
            )
            if g.staff.role == "viewer"
            else None,
        )

    @bp.route("/unlock", methods=["GET", "POST"])
    @role_required("facilitator")
    def unlock():  # type: ignore[no-untyped-def]
        form = UnlockForm()
        if form.validate_on_submit():
            if is_throttled(db_session(), g.staff.user):
                form.passphrase.errors = [
                    _("Too many attempts. Please wait a few minutes and try again.")
                ]
                return render_template("staff/unlock.html", form=form), 429
            try:
                team = keyring.open_with_passphrase(
                    db_session(), g.staff.user, form.passphrase.data or ""
                )
            except crypto.WrongSecret:
                # Wrong passphrases count toward the account's sign-in throttle.
                record_failure(db_session(), g.staff.user)
                audit.record(db_session(), g.staff.username, "unlock refused")
                db_session().commit()
                form.passphrase.errors = [
                    _("That passphrase does not unlock the data. Check it and try again.")
                ]
                return render_template("staff/unlock.html", form=form), 401
            except keyring.KeyringError as exc:
                form.passphrase.errors = [str(exc)]
                return render_template("staff/unlock.html", form=form), 409
            ticket = keyring.unlock(db_session(), g.staff.session_id, team)
            audit.record(db_session(), g.staff.username, "unlock")
            db_session().commit()
            session[UNLOCK] = {
                "t": ticket.token,
                "k": base64.urlsafe_b64encode(ticket.secret).decode("ascii"),
            }
            flash(
                _(
                    "The data is unlocked. It locks itself after %(minutes)s minutes without activity.",
                    minutes=config.unlock_idle_minutes,
                )
            )
            return redirect(url_for("staff.data"), code=303)
        return render_template("staff/unlock.html", form=form), 200 if not form.errors else 422

    @bp.post("/lock")
    @role_required("facilitator")
    def lock() -> WerkzeugResponse:
        if PlainForm().validate_on_submit():
            ticket = _ticket()
            if ticket is not None:
                analysis_state.discard(crypto.token_digest(ticket.token))
            keyring.lock(db_session(), g.staff.session_id)
            audit.record(db_session(), g.staff.username, "lock")
            db_session().commit()
            session.pop(UNLOCK, None)
        return redirect(url_for("staff.home"), code=303)

    @bp.route("/passphrase", methods=["GET", "POST"])
    @role_required("facilitator")
    def passphrase():  # type: ignore[no-untyped-def]
        """A facilitator sets their own data passphrase; the slot then waits to be granted."""
        if keyring.slot_of(db_session(), g.staff.user) is not None:
            return redirect(url_for("staff.keys"), code=303)
        form = NewPassphraseForm()
        if form.validate_on_submit():
            keyring.request_slot(
                db_session(),
                current_app.extensions["intake.keystore"],
                g.staff.user,
                form.passphrase.data or "",
                _kdf(config),
            )
            db_session().commit()
            flash(
                _("Your data passphrase is set. Another facilitator must now grant your key slot.")
            )
            return redirect(url_for("staff.keys"), code=303)
        return render_template("staff/passphrase.html", form=form), 200 if not form.errors else 422

    @bp.get("/keys")
    @role_required("facilitator", "admin")
    def keys() -> str:
        team = unlocked_team_key(config) if g.staff.role == "facilitator" else None
        slots = [
            (slot, db_session().get(StaffUser, slot.user_id) if slot.user_id else None)
            for slot in db_session().scalars(select(KeySlot).order_by(KeySlot.id))
        ]
        own = keyring.slot_of(db_session(), g.staff.user)
        return render_template(
            "staff/keys.html",
            slots=slots,
            unlocked=team is not None,
            own_slot=own,
            form=SlotActionForm(),
        )

    @bp.post("/keys/grant")
    @role_required("facilitator")
    def grant_slot() -> WerkzeugResponse:
        form = SlotActionForm()
        team = unlocked_team_key(config)
        if team is None:
            flash(_("Unlock the responses first: granting a slot needs the team key."))
            return redirect(url_for("staff.unlock"), code=303)
        if form.validate_on_submit():
            try:
                granted = keyring.grant_slot(
                    db_session(),
                    current_app.extensions["intake.keystore"],
                    team,
                    form.slot_id.data or 0,
                )
                holder = db_session().get(StaffUser, granted.user_id) if granted.user_id else None
                audit.record(
                    db_session(),
                    g.staff.username,
                    "key slot granted",
                    holder.username if holder else "",
                )
                db_session().commit()
                flash(_("The key slot is granted."))
            except keyring.KeyringError as exc:
                db_session().rollback()
                flash(str(exc))
        return redirect(url_for("staff.keys"), code=303)

    @bp.post("/keys/remove")
    @role_required("admin")
    def remove_slot() -> WerkzeugResponse:
        form = SlotActionForm()
        if form.validate_on_submit():
            try:
                keyring.remove_slot(db_session(), form.slot_id.data or 0)
                audit.record(db_session(), g.staff.username, "key slot removed")
                db_session().commit()
                flash(
                    _(
                        "The key slot is removed and any unlock of theirs is closed. Rotate the team key so that the key they knew stops opening anything new."
                    )
                )
            except keyring.KeyringError as exc:
                db_session().rollback()
                flash(str(exc))
        return redirect(url_for("staff.keys"), code=303)

    @bp.get("/languages")
    @role_required("admin")
    def languages() -> str:
        import datetime as _dt

        statuses = i18n.review_statuses()
        rows = []
        for code in config.languages:
            entry = statuses.get(code, {})
            reviewed_on = entry.get("reviewed_on")
            rows.append(
                {
                    "code": code,
                    "name": i18n.native_name(code),
                    "direction": i18n.text_direction(code),
                    "status": entry.get("status", "drafted"),
                    "reviewed_by": entry.get("reviewed_by"),
                    "reviewed_on": _dt.date.fromisoformat(reviewed_on) if reviewed_on else None,
                }
            )
        return render_template("staff/languages.html", rows=rows)

    return bp


def _kdf(config: Config) -> crypto.KdfParams:
    return crypto.KdfParams(config.kdf_memory_kib, config.kdf_iterations, config.kdf_lanes)
