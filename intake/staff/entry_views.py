"""Assisted entry, listening-session records, drafts and handing a device over.

An advocate never reads a response back once it is submitted: only their own unsubmitted
drafts, opened with their own drafts key. The response records that it was assisted and the
advocate's program — not the advocate. Nothing else is written with it: no audit entry names
the advocate in the same transaction (or at all, per entry), because the order of rows —
PostgreSQL's xmin, SQLite's rowid — would pair the two (docs/threat-model.md, finding 5).
"""

from __future__ import annotations

from typing import Any

from flask import (
    Blueprint,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.wrappers import Response as WerkzeugResponse
from wtforms.fields.choices import SelectChoice

from .. import i18n, keyring, staff_drafts
from ..config import Config
from ..db import db_session
from ..forms.questionnaire import build_step_form, merge_answers, unexpected_fields
from ..forms.staff import (
    DraftActionForm,
    EntryStartForm,
    HandoverForm,
    ListeningStartForm,
    PlainForm,
)
from ..models import Program, Questionnaire, QuestionnaireVersion
from ..questionnaires.catalog import PUBLIC_AUDIENCES, definition_of
from ..redaction import redact
from ..responses import store_response
from ..same_origin import same_origin_navigation
from .auth import draft_key_from_cookie, end_session, public_staff_route, role_required

ENTRY = "entry_draft"
ENTRY_ROLES = ("advocate", "facilitator")


def _newest(audiences: tuple[str, ...]) -> list[tuple[Questionnaire, QuestionnaireVersion]]:
    rows = (
        db_session()
        .execute(
            select(Questionnaire, QuestionnaireVersion)
            .join(QuestionnaireVersion)
            .where(
                Questionnaire.audience.in_(audiences), QuestionnaireVersion.status == "published"
            )
            .order_by(Questionnaire.id, QuestionnaireVersion.version.desc())
        )
        .all()
    )
    newest: dict[int, tuple[Questionnaire, QuestionnaireVersion]] = {}
    for questionnaire, version in rows:
        newest.setdefault(questionnaire.id, (questionnaire, version))
    return list(newest.values())


def _program_name() -> str | None:
    program_id = g.staff.user.program_id
    program = db_session().get(Program, program_id) if program_id else None
    return program.name if program else None


def register(bp: Blueprint, config: Config) -> None:
    def language_choices() -> list[SelectChoice]:
        # Each language named in its own script, marked as such for screen readers.
        return [
            SelectChoice(code, i18n.native_name(code), render_kw={"lang": code})
            for code in config.languages
        ]

    def draft_key_or_flash() -> bytes | None:
        key = draft_key_from_cookie()
        if key is None:
            flash(_("Sign out and in again to use drafts on this device."))
        return key

    def create_draft(version_id: int, key: bytes, content: dict[str, Any]) -> str | None:
        try:
            draft_id = staff_drafts.create(db_session(), g.staff.user.id, version_id, key, content)
        except staff_drafts.TooManyDrafts:
            db_session().rollback()
            flash(
                _(
                    "You have %(count)s unfinished entries. Submit or delete one before starting another.",
                    count=staff_drafts.MAX_PER_OWNER,
                )
            )
            return None
        db_session().commit()
        return draft_id

    @bp.route("/entry/new", methods=["GET", "POST"])
    @role_required(*ENTRY_ROLES)
    def entry_new():  # type: ignore[no-untyped-def]
        form = EntryStartForm()
        available = _newest(PUBLIC_AUDIENCES)
        form.questionnaire.choices = [
            (str(v.id), definition_of(v).title_in(i18n.current_language())) for _q, v in available
        ]
        form.language.choices = language_choices()
        if form.validate_on_submit():
            key = draft_key_or_flash()
            if key is None:
                return redirect(url_for("staff.home"), code=303)
            assistance = [
                name
                for name, on in (
                    ("read_aloud", form.read_aloud.data),
                    ("interpreted", form.interpreted.data),
                )
                if on
            ]
            draft_id = create_draft(
                int(form.questionnaire.data or 0), key,
                {"kind": "assisted", "language": form.language.data, "assistance": assistance, "answers": {}},
            )  # fmt: skip
            if draft_id is None:
                return redirect(url_for("staff.drafts"), code=303)
            session[ENTRY] = draft_id
            return redirect(url_for("staff.entry"), code=303)
        return render_template("staff/entry_new.html", form=form), 200 if not form.errors else 422

    @bp.route("/listening/new", methods=["GET", "POST"])
    @role_required(*ENTRY_ROLES)
    def listening_new():  # type: ignore[no-untyped-def]
        """A listening session is recorded in the language it was held in."""
        form = ListeningStartForm(language=i18n.current_language())
        form.language.choices = language_choices()
        if request.method == "GET" or not form.validate_on_submit():
            status = 422 if form.errors else 200
            return render_template("staff/listening_new.html", form=form), status
        key = draft_key_or_flash()
        found = _newest(("listening_session",))
        if key is None or not found:
            return redirect(url_for("staff.home"), code=303)
        _q, version = found[0]
        draft_id = create_draft(
            version.id, key,
            {"kind": "listening", "language": form.language.data, "assistance": [], "answers": {}},
        )  # fmt: skip
        if draft_id is None:
            return redirect(url_for("staff.drafts"), code=303)
        session[ENTRY] = draft_id
        return redirect(url_for("staff.entry"), code=303)

    def entry_language(content: dict[str, Any]) -> str:
        """The participant's (or the session's) language, chosen when the entry began."""
        language = content.get("language")
        return language if isinstance(language, str) and language else i18n.current_language()

    def open_entry() -> tuple[Any, dict[str, Any], QuestionnaireVersion, bytes] | None:
        key = draft_key_from_cookie()
        draft_id = session.get(ENTRY)
        if key is None or not isinstance(draft_id, str):
            return None
        try:
            draft, content = staff_drafts.load(db_session(), g.staff.user.id, draft_id, key)
        except staff_drafts.DraftNotFound:
            session.pop(ENTRY, None)
            return None
        version = db_session().get(QuestionnaireVersion, draft.questionnaire_version_id)
        if version is None:
            return None
        return draft, content, version, key

    def render_entry(
        content: dict[str, Any],
        version: QuestionnaireVersion,
        form: Any,
        status: int = 200,
        notice: Any = None,
    ):  # type: ignore[no-untyped-def]
        definition = definition_of(version)
        language = entry_language(content)
        answers = content["answers"]
        sections = []
        for section in definition.visible_sections(answers):
            sections.append(
                (section, [(q, form[q.key]) for q in section.visible_questions(answers)])
            )
        quotes = answers.get("quotes")
        return (
            render_template(
                "staff/entry.html",
                definition=definition,
                sections=sections,
                form=form,
                question_language=language,
                question_dir=i18n.text_direction(language),
                question_lang=i18n.html_lang(language),
                speaking_block=i18n.speaking_block,
                kind=content.get("kind"),
                redacted_quotes=redact(quotes) if isinstance(quotes, str) else None,
                notice=notice,
            ),
            status,
        )

    @bp.route("/entry", methods=["GET", "POST"])
    @role_required(*ENTRY_ROLES)
    def entry():  # type: ignore[no-untyped-def]
        opened = open_entry()
        if opened is None:
            return redirect(url_for("staff.drafts"), code=303)
        draft, content, version, key = opened
        definition = definition_of(version)
        language = entry_language(content)
        shown = [
            q
            for s in definition.visible_sections(content["answers"])
            for q in s.visible_questions(content["answers"])
        ]
        # Forms are built and checked in the participant's language: option labels and
        # parse errors become text as the fields are made.
        if request.method == "GET":
            with i18n.speaking(language):
                form = build_step_form(shown, language, answers=content["answers"])
            return render_entry(content, version, form)
        with i18n.speaking(language):
            form = build_step_form(shown, language, formdata=request.form)
            valid = form.validate()
        action = request.form.get("action", "save")
        if unexpected_fields(request.form, shown):
            notice = _l(
                "This page received something it did not expect. Please check your answers."
            )
            return render_entry(content, version, form, 422, notice)
        if not valid:
            return render_entry(content, version, form, 422)
        content["answers"] = merge_answers(definition, shown, form, content["answers"])
        now_shown = {
            q.key
            for s in definition.visible_sections(content["answers"])
            for q in s.visible_questions(content["answers"])
        }
        revealed = now_shown - {q.key for q in shown}
        staff_drafts.save(db_session(), g.staff.user.id, draft.id, key, content)
        db_session().commit()
        if action == "submit" and not revealed:
            return submit_entry(draft.id, content, version)
        notice = (
            _l(
                "More questions appeared below, based on the answers. Please look at them, then submit."
            )
            if revealed and action == "submit"
            else _l("Saved.")
        )
        with i18n.speaking(language):
            form = build_step_form(
                [
                    q
                    for s in definition.visible_sections(content["answers"])
                    for q in s.visible_questions(content["answers"])
                ],
                language,
                answers=content["answers"],
            )
        return render_entry(content, version, form, 200, notice)

    def submit_entry(
        draft_id: str, content: dict[str, Any], version: QuestionnaireVersion
    ) -> WerkzeugResponse | tuple[str, int]:
        kind = content.get("kind")
        provenance = "listening_session" if kind == "listening" else "assisted"
        try:
            if staff_drafts.remove(db_session(), g.staff.user.id, draft_id) != 1:
                db_session().rollback()
                return redirect(url_for("staff.drafts"), code=303)
            store_response(
                db_session(),
                current_app.extensions["intake.keystore"],
                definition_of(version),
                version.id,
                content["answers"],
                language=entry_language(content),
                provenance=provenance,
                epoch_months=config.epoch_months,
                program=_program_name() if provenance == "assisted" else None,
                assistance=content.get("assistance") or None,
                coder=current_app.extensions["intake.coder"],
            )
            # No audit entry: one naming the advocate, written now, would pair with the
            # response by the order of rows (see the module's docstring).
            db_session().commit()
        except (SQLAlchemyError, keyring.KeyringError):
            db_session().rollback()
            flash(
                _(
                    "The entry could not be saved just now. It is kept as a draft: please try again shortly."
                )
            )
            return redirect(url_for("staff.entry"), code=303)
        session.pop(ENTRY, None)
        return redirect(url_for("staff.entry_done"), code=303)

    @bp.get("/entry/done")
    @role_required(*ENTRY_ROLES)
    def entry_done() -> str:
        return render_template("staff/entry_done.html")

    @bp.get("/drafts")
    @role_required(*ENTRY_ROLES)
    def drafts() -> str:
        rows = []
        for draft in staff_drafts.of_owner(db_session(), g.staff.user.id):
            version = db_session().get(QuestionnaireVersion, draft.questionnaire_version_id)
            title = definition_of(version).title_in(i18n.current_language()) if version else "?"
            rows.append((draft, title))
        return render_template(
            "staff/drafts.html", rows=rows, form=DraftActionForm(), plain=PlainForm()
        )

    @bp.post("/drafts/open")
    @role_required(*ENTRY_ROLES)
    def open_draft() -> WerkzeugResponse:
        form = DraftActionForm()
        key = draft_key_from_cookie()
        if form.validate_on_submit() and key is not None:
            try:
                staff_drafts.load(db_session(), g.staff.user.id, form.draft_id.data or "", key)
            except staff_drafts.DraftNotFound:
                return redirect(url_for("staff.drafts"), code=303)
            session[ENTRY] = form.draft_id.data
            return redirect(url_for("staff.entry"), code=303)
        return redirect(url_for("staff.drafts"), code=303)

    @bp.post("/drafts/delete")
    @role_required(*ENTRY_ROLES)
    def delete_draft() -> WerkzeugResponse:
        form = DraftActionForm()
        if form.validate_on_submit():
            if staff_drafts.remove(db_session(), g.staff.user.id, form.draft_id.data or ""):
                db_session().commit()
                flash(_("The draft is deleted."))
            if session.get(ENTRY) == form.draft_id.data:
                session.pop(ENTRY, None)
        return redirect(url_for("staff.drafts"), code=303)

    @bp.route("/handover", methods=["GET", "POST"])
    @role_required("advocate")
    def handover():  # type: ignore[no-untyped-def]
        """Hand this device to a participant: signs the advocate out first."""
        form = HandoverForm(language=i18n.current_language())
        available = _newest(PUBLIC_AUDIENCES)
        form.questionnaire.choices = [
            (q.public_code, definition_of(v).title_in(i18n.current_language()))
            for q, v in available
        ]
        form.language.choices = language_choices()
        if form.validate_on_submit():
            program = _program_name()
            # No audit row: one naming the advocate just before the participant's response
            # would pair the two (the label stays in audit.py for rows written earlier).
            end_session()
            session["handover"] = {"program": program}
            # From here on every page is hers, in her language (she can still change it).
            session["lang"] = form.language.data
            return redirect(url_for("public.questionnaire", code=form.questionnaire.data), code=303)
        return render_template("staff/handover.html", form=form)

    @bp.get("/locked")
    @public_staff_route
    def locked() -> str:
        """Where a handed-over device returns: nothing but a way for staff to sign in.

        Clearing the session on a GET is safe only when the request came from our own pages
        (or was typed): a cross-site link must not sign a facilitator out (finding 10). The
        session cookie is SameSite=Strict, so such a request carries no cookie anyway; not
        touching the session keeps the response from replacing the one in the browser."""
        if same_origin_navigation():
            language = session.get("lang")
            session.clear()
            if language:
                session["lang"] = language
        return render_template("staff/locked.html")
