"""Questionnaire authoring for admins: XLSForm upload as a draft, preview, publish, retire,
export. Versions never change once stored; an upload makes (or replaces) the one draft.

An admin has no key slot: nothing here reads a response.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import (
    Blueprint,
    abort,
    flash,
    g,
    make_response,
    redirect,
    render_template,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from werkzeug.wrappers import Response as WerkzeugResponse
from wtforms import SelectField
from wtforms.fields.choices import SelectChoice

from .. import audit, clock, drafts, i18n
from ..analysis.labels import APP_LABELS
from ..analysis.state import planning_order
from ..analysis.versions import compare
from ..config import Config
from ..db import db_session
from ..errors import render_error
from ..forms.staff import QuestionnaireUploadForm, VersionActionForm
from ..models import Questionnaire, QuestionnaireVersion
from ..public import views as public_views
from ..questionnaires import catalog
from ..questionnaires.catalog import PREVIEW, definition_of
from ..questionnaires.definition import AUDIENCES
from ..questionnaires.xlsform.problems import Problem
from ..questionnaires.xlsform.reader import MAX_BYTES, UploadChoices, read_xlsform
from ..questionnaires.xlsform.vocabulary import safe_key
from ..questionnaires.xlsform.writer import write_xlsform
from .auth import role_required

PREVIEW_MINUTES = 60
STATES = ("draft", "published", "retired")


class UploadForm(QuestionnaireUploadForm):
    """The workbook, and what the app needs that other tools' workbooks do not say."""

    audience = SelectField(
        _l("Who answers it"),
        choices=[SelectChoice("", _l("As the workbook's settings sheet says"))]
        + [SelectChoice(name, APP_LABELS[f"group.{name}"]) for name in AUDIENCES],
        default="",
    )


def _file_key(filename: str | None) -> str:
    """pyxform names a form without a form_id after its file: ``Household survey.xlsx``."""
    stem = (filename or "").rsplit("/", 1)[-1].rsplit("\\", 1)[-1].rsplit(".", 1)[0]
    return safe_key(stem[:80]) if stem.strip() else ""


def _version_from(key: str, number: str) -> QuestionnaireVersion:
    # isdigit() alone accepts "²" and other digits int() refuses: ASCII digits only.
    if not (number.isascii() and number.isdigit()) or len(number) > 6 or len(key) > 64:
        abort(404)
    version = catalog.find_version(db_session(), key, int(number))
    if version is None:
        abort(404)
    return version


def _posted_version(form: VersionActionForm) -> QuestionnaireVersion | None:
    if not form.validate_on_submit():
        return None
    return db_session().get(QuestionnaireVersion, form.version_id.data)


def end_preview() -> None:
    """Coming back to a version page ends a preview: the grant, and the preview's draft."""
    if session.pop(PREVIEW, None) is None:
        return
    handle = drafts.DraftHandle.from_cookie(session.pop(public_views.DRAFT, None))
    if handle is not None:
        drafts.erase(db_session(), handle)
        db_session().commit()
    session.pop(public_views.FLOW, None)


def _only_published(version: QuestionnaireVersion) -> bool:
    """Retiring it would leave the questionnaire with nothing to offer."""
    return version.status == "published" and not any(
        v.status == "published" and v.id != version.id for v in version.questionnaire.versions
    )


def _to_version_page(version: QuestionnaireVersion) -> WerkzeugResponse:
    return redirect(
        url_for(
            "staff.questionnaire_version",
            key=version.questionnaire.key,
            number=str(version.version),
        ),
        code=303,
    )


def _label(version: QuestionnaireVersion) -> str:
    return f"{version.questionnaire.key} v{version.version}"


def register(bp: Blueprint, config: Config) -> None:
    def overview(
        form: QuestionnaireUploadForm | None = None,
        problems: tuple[Any, ...] | list[Any] = (),
        dropped: int = 0,
        status: int = 200,
        warnings: tuple[Any, ...] | list[Any] = (),
        saved: QuestionnaireVersion | None = None,
    ) -> tuple[str, int]:
        questionnaires = db_session().scalars(select(Questionnaire).order_by(Questionnaire.key))
        listed = []
        for questionnaire in questionnaires:
            versions = sorted(questionnaire.versions, key=lambda v: v.version, reverse=True)
            if versions:
                listed.append((questionnaire, versions, definition_of(versions[0])))
        return render_template(
            "staff/questionnaires.html",
            listed=listed,
            # Never bound to the request: an error page must not read the body again.
            form=form or UploadForm(formdata=None),
            action_form=VersionActionForm(formdata=None),
            problems=problems,
            dropped=dropped,
            warnings=warnings,
            saved=saved,
            limit_kb=MAX_BYTES // 1024,
        ), status

    @bp.get("/questionnaires")
    @role_required("admin")
    def questionnaires() -> tuple[str, int]:
        return overview()

    def too_large() -> tuple[str, int]:
        """Werkzeug refuses a request over the size limit before the view runs."""
        if not current_user.is_authenticated or current_user.role != "admin":
            return render_error(413)
        problem = Problem(
            None, None, None, None,
            _l("The file is larger than %(limit)s KB. A questionnaire workbook is usually "
               "well under that.", limit=MAX_BYTES // 1024),
        )  # fmt: skip
        return overview(UploadForm(formdata=None), [problem], 0, 413)

    @bp.record_once
    def _register_too_large(state: Any) -> None:
        handlers = state.app.extensions.setdefault("intake.error_handlers", {})
        handlers[(413, "staff.upload_questionnaire")] = too_large

    @bp.post("/questionnaires/upload")
    @role_required("admin")
    def upload_questionnaire():  # type: ignore[no-untyped-def]
        form = UploadForm()
        if not form.validate_on_submit():
            return overview(form, status=422)
        raw = form.workbook.data.read(MAX_BYTES + 1)
        choices = UploadChoices(
            key=_file_key(form.workbook.data.filename), audience=form.audience.data or ""
        )
        result = read_xlsform(raw, config.languages, config.default_language, choices)
        if result.problems or result.data is None:
            return overview(form, result.problems, result.dropped, 422, result.warnings)
        outcome = catalog.add_draft(db_session(), result.data, config.languages)
        if outcome.problems or outcome.version is None:
            db_session().rollback()
            return overview(form, outcome.problems, 0, 422)
        version = outcome.version
        if outcome.same_as is not None:
            db_session().rollback()
            flash(
                _(
                    "This workbook is the same as version %(version)s: nothing was changed.",
                    version=outcome.same_as,
                )
            )
        else:
            audit.record(
                db_session(), g.staff.username, "questionnaire draft uploaded", _label(version)
            )
            try:
                db_session().commit()
            except IntegrityError:  # another admin stored a version of it at the same moment
                db_session().rollback()
                problem = Problem(
                    None, None, None, None,
                    _l("Another version of this questionnaire was saved at the same moment. "
                       "Upload the workbook again."),
                )  # fmt: skip
                return overview(form, [problem], 0, 409)
            if result.warnings:
                # Shown here rather than after a redirect: the list may be long, and what was
                # left out must be read before the draft is previewed.
                return overview(UploadForm(formdata=None), warnings=result.warnings, saved=version)
            flash(
                _(
                    "Saved as draft version %(version)s, replacing the earlier draft. Preview it "
                    "in every language, then publish it.",
                    version=version.version,
                )
                if outcome.replaced_draft
                else _(
                    "Saved as draft version %(version)s. Preview it in every language, then "
                    "publish it.",
                    version=version.version,
                )
            )
        return _to_version_page(version)

    @bp.get("/questionnaires/<key>/<number>")
    @role_required("admin")
    def questionnaire_version(key: str, number: str) -> str:
        version = _version_from(key, number)
        end_preview()
        definition = definition_of(version)
        newest = (
            max(
                (v for v in version.questionnaire.versions if v.status == "published"),
                key=lambda v: v.version,
                default=None,
            )
            if version.status == "draft"
            else None
        )
        # Only a draft is compared: what publishing it would change, as the themes see it.
        changes = None
        if newest is not None:
            answered = planning_order(db_session().scalars(select(QuestionnaireVersion)))
            changes = compare(answered, definition_of(newest), definition)
        return render_template(
            "staff/questionnaire_version.html",
            version=version,
            definition=definition,
            newest=newest,
            changes=changes,
            languages=[(code, i18n.native_name(code)) for code in config.languages],
            action_form=VersionActionForm(formdata=None),
            only_published=_only_published(version),
            public_link=url_for(
                "public.questionnaire", code=version.questionnaire.public_code, _external=True
            ),
        )

    @bp.get("/questionnaires/<key>/<number>/xlsform")
    @role_required("admin")
    def export_questionnaire(key: str, number: str) -> WerkzeugResponse:
        version = _version_from(key, number)
        workbook = write_xlsform(definition_of(version), config.languages, i18n.catalog_text)
        response = make_response(workbook)
        response.headers["Content-Type"] = (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        filename = f"{version.questionnaire.key}-v{version.version}.xlsx"
        response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    @bp.post("/questionnaires/publish")
    @role_required("admin")
    def publish_version() -> WerkzeugResponse:
        version = _posted_version(VersionActionForm())
        if version is None or version.status != "draft":
            flash(_("Only a draft can be published."))
            return redirect(url_for("staff.questionnaires"), code=303)
        catalog.publish(db_session(), version)
        audit.record(
            db_session(), g.staff.username, "questionnaire version published", _label(version)
        )
        db_session().commit()
        flash(_("Published: new respondents now get version %(version)s.", version=version.version))
        return redirect(url_for("staff.questionnaires"), code=303)

    @bp.post("/questionnaires/discard")
    @role_required("admin")
    def discard_version() -> WerkzeugResponse:
        version = _posted_version(VersionActionForm())
        if version is None or version.status != "draft":
            flash(_("Only a draft can be discarded."))
            return redirect(url_for("staff.questionnaires"), code=303)
        label = _label(version)
        catalog.discard_draft(db_session(), version)
        audit.record(db_session(), g.staff.username, "questionnaire draft discarded", label)
        db_session().commit()
        flash(_("The draft is discarded."))
        return redirect(url_for("staff.questionnaires"), code=303)

    @bp.post("/questionnaires/retire")
    @role_required("admin")
    def retire_version() -> WerkzeugResponse:
        form = VersionActionForm()
        version = _posted_version(form)
        if version is not None and version.status == "published":
            if _only_published(version) and not form.confirm.data:
                flash(
                    _(
                        "This is the only published version: tick the box to confirm that "
                        "the link may stop working."
                    )
                )
                return _to_version_page(version)
            version.status = "retired"
            audit.record(
                db_session(), g.staff.username, "questionnaire version retired", _label(version)
            )
            db_session().commit()
            flash(_("The version is retired: new respondents no longer see it."))
        return redirect(url_for("staff.questionnaires"), code=303)

    @bp.post("/questionnaires/preview")
    @role_required("admin")
    def preview_questionnaire() -> WerkzeugResponse:
        """Walk a version exactly as a respondent would, in one language; nothing is stored.

        The public pages honour a preview only with this grant, which only the server can
        write into the signed session and which lapses after an hour.
        """
        form = VersionActionForm()
        version = _posted_version(form)
        if version is None or version.status == "retired":
            abort(404)
        language = form.language.data or config.default_language
        if language in config.languages:
            session["lang"] = language
        until = clock.utcnow() + dt.timedelta(minutes=PREVIEW_MINUTES)
        session[PREVIEW] = {
            "code": version.questionnaire.public_code,
            "version_id": version.id,
            "until": until.isoformat(),
        }
        session.pop(public_views.FLOW, None)  # start at the beginning
        return redirect(
            url_for("public.questionnaire", code=version.questionnaire.public_code), code=303
        )
