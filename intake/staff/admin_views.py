"""Administration: accounts and invitations, programs, settings, hotlines, audit log.

Questionnaires have their own module (questionnaire_views).

An admin manages the system but has no key slot: nothing here can read a response.
"""

from __future__ import annotations

import datetime as dt

from flask import Blueprint, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import func, select
from werkzeug.wrappers import Response as WerkzeugResponse

from .. import audit, clock, crypto, i18n, resources, settings, staff_drafts
from ..config import Config
from ..db import db_session
from ..forms.staff import InvitationForm, PlainForm, ProgramForm, SettingsForm, UserActionForm
from ..models import AuditEntry, Invitation, Program, StaffUser
from .auth import end_all_sessions, role_required

INVITATION_DAYS = 7
AUDIT_PAGE = 100


def register(bp: Blueprint, config: Config) -> None:
    def program_choices() -> list[tuple[int, str]]:
        programs = db_session().scalars(
            select(Program).where(Program.active).order_by(Program.name)
        )
        return [(0, _("None"))] + [(p.id, p.name) for p in programs]

    @bp.get("/accounts")
    @role_required("admin")
    def accounts() -> str:
        form = InvitationForm()
        form.program_id.choices = program_choices()
        users = db_session().scalars(select(StaffUser).order_by(StaffUser.username)).all()
        programs = {p.id: p.name for p in db_session().scalars(select(Program))}
        return render_template(
            "staff/accounts.html",
            users=users,
            programs=programs,
            form=form,
            program_form=ProgramForm(),
            action_form=UserActionForm(),
            link=None,
        )

    @bp.post("/accounts/invite")
    @role_required("admin")
    def invite():  # type: ignore[no-untyped-def]
        form = InvitationForm()
        form.program_id.choices = program_choices()
        if not form.validate_on_submit():
            flash(_("Choose a role for the invitation."))
            return redirect(url_for("staff.accounts"), code=303)
        token = crypto.random_id() + crypto.random_id()
        now = clock.utcnow()
        db_session().add(
            Invitation(
                id=crypto.token_digest(token),
                role=form.role.data or "advocate",
                program_id=form.program_id.data or None,
                created_by=g.staff.user.id,
                created_at=now,
                expires_at=now + dt.timedelta(days=INVITATION_DAYS),
            )
        )
        audit.record(db_session(), g.staff.username, "invitation created", form.role.data or "")
        db_session().commit()
        # The code rides in the fragment: browsers never send it, so no request log holds it.
        link = url_for("staff.welcome", _anchor=token, _external=True)
        users = db_session().scalars(select(StaffUser).order_by(StaffUser.username)).all()
        programs = {p.id: p.name for p in db_session().scalars(select(Program))}
        # The link is shown once, on this page only, to be handed over in person.
        return render_template(
            "staff/accounts.html",
            users=users,
            programs=programs,
            form=form,
            program_form=ProgramForm(),
            action_form=UserActionForm(),
            link=link,
            days=INVITATION_DAYS,
        )

    @bp.post("/accounts/deactivate")
    @role_required("admin")
    def deactivate() -> WerkzeugResponse:
        form = UserActionForm()
        if form.validate_on_submit():
            user = db_session().get(StaffUser, form.user_id.data)
            if user is None or user.id == g.staff.user.id:
                flash(_("That account cannot be deactivated here."))
            else:
                user.active = False
                end_all_sessions(db_session(), user)
                staff_drafts.remove_all_of(db_session(), user.id)
                audit.record(db_session(), g.staff.username, "account deactivated", user.username)
                db_session().commit()
                flash(_("The account is deactivated and signed out everywhere."))
        return redirect(url_for("staff.accounts"), code=303)

    @bp.post("/programs")
    @role_required("admin")
    def add_program() -> WerkzeugResponse:
        form = ProgramForm()
        if form.validate_on_submit():
            name = (form.name.data or "").strip()
            if db_session().scalar(select(Program).where(Program.name == name)):
                flash(_("That program already exists."))
            else:
                db_session().add(Program(name=name, active=True, created_at=clock.utcnow()))
                audit.record(db_session(), g.staff.username, "program added", name)
                db_session().commit()
        return redirect(url_for("staff.accounts"), code=303)

    @bp.route("/settings", methods=["GET", "POST"])
    @role_required("admin")
    def settings_page():  # type: ignore[no-untyped-def]
        current = settings.current()
        form = SettingsForm(
            data={
                "quick_exit_url": current.quick_exit_url,
                "neutral_title": current.neutral_title,
                "suppression_threshold": current.suppression_threshold,
            }
        )
        if form.validate_on_submit():
            settings.save(
                db_session(),
                {
                    "quick_exit_url": form.quick_exit_url.data,
                    "neutral_title": (form.neutral_title.data or "").strip(),
                    "suppression_threshold": form.suppression_threshold.data,
                },
            )
            audit.record(db_session(), g.staff.username, "settings changed")
            db_session().commit()
            flash(_("Settings saved."))
            return redirect(url_for("staff.settings_page"), code=303)
        return render_template("staff/settings.html", form=form), 200 if not form.errors else 422

    @bp.route("/hotlines", methods=["GET", "POST"])
    @role_required("admin")
    def hotlines():  # type: ignore[no-untyped-def]
        """Hotlines and services per language, shown on every public page."""
        current = settings.current().resources
        fallback = resources.load(config.resources_file or resources.SHIPPED_RESOURCES)
        texts = {
            code: request.form.get(
                f"lines_{code}",
                settings.resource_lines(current.get(code) or fallback.get(code, [])),
            )
            for code in config.languages
        }
        errors: dict[str, str] = {}
        form = PlainForm()
        if form.validate_on_submit():
            parsed = {}
            for code, text in texts.items():
                try:
                    parsed[code] = settings.parse_resource_lines(text)
                except ValueError as exc:
                    errors[code] = _(
                        "Line %(line)s needs a name and a contact, separated by |.",
                        line=exc.args[0],
                    )
                if not errors.get(code) and not parsed.get(code):
                    errors[code] = _("Give at least one service for every language.")
            if not errors:
                settings.save(db_session(), {"resources": parsed})
                audit.record(db_session(), g.staff.username, "settings changed", "hotlines")
                db_session().commit()
                flash(_("Settings saved."))
                return redirect(url_for("staff.hotlines"), code=303)
        languages = [(code, i18n.native_name(code)) for code in config.languages]
        status = 422 if errors else 200
        return render_template(
            "staff/hotlines.html", form=form, texts=texts, errors=errors, languages=languages
        ), status

    @bp.get("/audit")
    @role_required("admin")
    def audit_log() -> str:
        entries = (
            db_session()
            .scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(AUDIT_PAGE))
            .all()
        )
        total = db_session().scalar(select(func.count(AuditEntry.id))) or 0
        check = audit.verify(db_session())
        return render_template(
            "staff/audit.html",
            entries=entries,
            total=total,
            check=check,
            action_labels=audit.ACTION_LABELS,
        )
