"""The respondent's path. Imports nothing from the staff side.

The whole questionnaire lives at one address, ``/s/<code>``: every step posts back to it and
is redirected (303) to it. Browsers replace the history entry when a page navigates to its own
address, so the survey is one entry in the history, not one per page — quick exit then
leaves nothing to go Back to. Where the respondent is (welcome, consent, a part, review,
thanks) is kept in the encrypted server-side draft and the session cookie, never in the URL.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from typing import Any

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from .. import clock, drafts, keyring, ratelimit, resume, settings
from ..config import Config
from ..db import db_session
from ..errors import render_error
from ..forms.questionnaire import (
    ActionForm,
    build_step_form,
    honeypot_filled,
    merge_answers,
    unexpected_fields,
)
from ..i18n import current_language
from ..models import QuestionnaireVersion
from ..questionnaires.catalog import (
    PREVIEW,
    PublishedVersion,
    definition_of,
    published_version,
)
from ..questionnaires.definition import Definition, Section
from ..responses import store_response
from ..same_origin import same_origin_navigation

# A version as the respondent's path holds it: plain values for a published one (read on
# every request), the ORM row for a preview or a draft's older version.
Version = PublishedVersion | QuestionnaireVersion


def definition_for(version: Version) -> Definition:
    if isinstance(version, PublishedVersion):
        return version.definition
    return definition_of(version)


SAFE_NEXT = re.compile(r"/(?:[A-Za-z0-9_-]+(?:/[A-Za-z0-9_-]+)*)?")
FLOW = "flow"
HANDOVER = "handover"
DRAFT = "draft"


def make_blueprint(config: Config) -> Blueprint:
    bp = Blueprint("public", __name__)
    idle = dt.timedelta(minutes=config.draft_idle_minutes)
    kept = dt.timedelta(days=config.resume_days)
    phrase_keys = resume.PhraseKeys.from_config(config)

    def lifetime(handle: drafts.DraftHandle) -> dt.timedelta:
        """A draft kept under a phrase lives its resume lifetime, not the idle time."""
        return kept if handle.phrased else idle

    # -- helpers --------------------------------------------------------------------------
    def preview_of(code: str) -> QuestionnaireVersion | None:
        """The version an admin is previewing at this address, if any. Only the staff side
        writes the grant into the (signed) session; it lapses after an hour."""
        grant = session.get(PREVIEW)
        if not isinstance(grant, dict) or grant.get("code") != code:
            return None
        try:
            until = dt.datetime.fromisoformat(str(grant.get("until")))
        except ValueError:
            until = None
        if until is None or until < clock.utcnow():
            session.pop(PREVIEW, None)
            return None
        version = db_session().get(QuestionnaireVersion, grant.get("version_id"))
        if (
            version is None
            or version.questionnaire.public_code != code
            or version.status == "retired"
        ):
            return None
        return version

    def find_version(code: str) -> Version | None:
        if len(code) > 32:
            return None
        version = preview_of(code)
        if version is not None:
            g.preview_version = version
            return version
        return published_version(db_session(), code)

    def version_or_404(code: str) -> tuple[Version, Definition]:
        version = find_version(code)
        if version is None:
            abort(404)
        return version, definition_for(version)

    def previewing() -> bool:
        return g.get("preview_version") is not None

    @bp.app_context_processor
    def _preview_banner() -> dict[str, Any]:
        return {"preview": g.get("preview_version")}

    @bp.app_context_processor
    def _survivor_page() -> dict[str, Any]:
        # Every page a survivor may see carries the same neutral title, and says how long an
        # unfinished draft is kept (in minutes, as configured).
        return {
            "page_title": settings.current().page_title(),
            "draft_idle_minutes": config.draft_idle_minutes,
        }

    def flow_for(code: str) -> dict[str, Any]:
        flow = session.get(FLOW)
        if not isinstance(flow, dict) or flow.get("code") != code:
            return {"code": code, "stage": "welcome"}
        return flow

    def set_flow(flow: dict[str, Any]) -> None:
        session[FLOW] = flow
        session.permanent = False  # a browser-session cookie only: gone when it closes

    def current_handle() -> drafts.DraftHandle | None:
        return drafts.DraftHandle.from_cookie(session.get(DRAFT))

    def erase_draft() -> None:
        """Forget this browser's draft. One kept under a resume phrase stays on the server
        (quick exit must not lose it): only sending it or deleting it with the phrase
        erases it."""
        handle = current_handle()
        if handle is not None and not handle.phrased:
            drafts.erase(db_session(), handle)
            db_session().commit()
        session.pop(DRAFT, None)

    def here(code: str, anchor: str | None = None) -> Response:
        return redirect(url_for("public.questionnaire", code=code, _anchor=anchor), code=303)

    def switch_language(action: str) -> bool:
        if action.startswith("lang:"):
            language = action.removeprefix("lang:")
            if language in config.languages:
                session["lang"] = language
            return True
        return False

    def page(template: str, status: int = 200, **context: Any) -> tuple[str, int]:
        return render_template(template, **context), status

    # -- routes ---------------------------------------------------------------------------
    @bp.get("/")
    def home() -> tuple[str, int]:
        return page("public/home.html", neutral_landing=True)

    @bp.get("/healthz")
    def health() -> tuple[str, int, dict[str, str]]:
        """Up or not: says nothing about data, versions or configuration."""
        try:
            db_session().execute(text("SELECT 1"))
        except SQLAlchemyError:
            db_session().rollback()
            return "unavailable\n", 503, {"Content-Type": "text/plain; charset=utf-8"}
        return "ok\n", 200, {"Content-Type": "text/plain; charset=utf-8"}

    @bp.get("/help")
    def help_page() -> tuple[str, int]:
        return page("public/help.html", resume_days=config.resume_days)

    @bp.get("/language/<language>")
    def choose_language(language: str) -> Response:
        """The plain-link language menu for pages outside a questionnaire. A link from
        another site only redirects: writing the session then would replace (and so erase)
        the survivor's cookie, draft key included."""
        if language in config.languages and same_origin_navigation():
            session["lang"] = language
            session.permanent = False
        target = request.args.get("next", "")
        # Only a plain local path: no scheme, no host, no control characters.
        if not SAFE_NEXT.fullmatch(target):
            target = url_for("public.home")
        return redirect(target, code=303)

    @bp.route("/exit", methods=["GET", "POST"])
    def quick_exit() -> Response:
        """Erase the draft, forget the session, and go somewhere neutral.

        The link works without JavaScript (a GET), so a link on another site could reach it
        too: then it only goes somewhere neutral, clearing nothing (finding 10)."""
        if not same_origin_navigation():
            return redirect(settings.current().quick_exit_url, code=303)
        try:
            erase_draft()
        except SQLAlchemyError:
            db_session().rollback()
        handover = session.get(HANDOVER)
        language = session.get("lang")
        session.clear()
        if handover:
            # On an advocate's device: back to the locked screen, not to the open web, and
            # in the language she was reading.
            session["handover_done"] = True
            if language:
                session["lang"] = language
            return redirect(url_for("staff.locked"), code=303)
        response = redirect(settings.current().quick_exit_url, code=303)
        response.headers["Clear-Site-Data"] = '"cache", "cookies", "storage"'
        return response

    @bp.get("/s/<code>")
    def questionnaire(code: str) -> tuple[str, int]:
        version, definition = version_or_404(code)
        flow = flow_for(code)
        stage = flow.get("stage")
        if stage == "consent":
            return page("public/consent.html", definition=definition, form=ActionForm(), code=code)
        if stage == "thanks":
            # Shown once: reopening the link later must not say "your answers were sent".
            set_flow({"code": code, "stage": "welcome"})
            return page("public/thanks.html", definition=definition)
        if stage == "answering":
            return show_answering(code, version, definition, flow)
        if stage == "resume":
            return page("public/resume.html", form=ActionForm(), code=code)
        if flow.get("expired"):
            set_flow({"code": code, "stage": "welcome"})  # the notice is shown once
        # The neutral landing: nothing on it names the questionnaire or its topic, so Back
        # after a quick exit (which lands here, the draft gone) shows nothing that tells.
        return page(
            "public/welcome.html",
            form=ActionForm(),
            code=code,
            expired=flow.get("expired", False),
            not_ready=not previewing() and not keyring.is_initialised(db_session()),
            neutral_landing=True,
        )

    @bp.post("/s/<code>")
    def questionnaire_post(code: str) -> Response | tuple[str, int]:
        version, definition = version_or_404(code)
        flow = flow_for(code)
        action = request.form.get("action", "")
        stage = flow.get("stage")
        if stage == "answering":
            return post_answering(code, version, definition, flow, action)
        if stage == "resume" and action in ("resume_phrase", "forget_phrase"):
            return post_phrase(action, code)
        if stage in (None, "welcome", "resume") and action == "resume":
            set_flow({"code": code, "stage": "resume"})
            return here(code)
        if switch_language(action):
            set_flow(flow)
            return here(code)
        if stage == "consent" and action == "consent":
            if not previewing() and not keyring.is_initialised(db_session()):
                # Nothing could be stored: do not let anyone start answering.
                return render_error(503)
            erase_draft()  # a draft of another questionnaire, if any
            content = {"version_id": version.id, "answers": {}, "section": None, "review": False}
            if previewing():
                content["preview"] = True  # never stored as a response, even after the preview
            refused = admit_new_draft()
            if refused is not None:
                return refused
            content["started"] = clock.utcnow().isoformat()
            try:
                handle = drafts.create(db_session(), content, idle)
            except drafts.TooManyDrafts:
                db_session().rollback()
                return render_error(503)
            db_session().commit()
            session[DRAFT] = handle.to_cookie()
            set_flow({"code": code, "stage": "answering"})
            return here(code)
        if stage in (None, "welcome") and action == "start":
            set_flow({"code": code, "stage": "consent"})
            return here(code)
        if action == "restart":
            set_flow({"code": code, "stage": "welcome"})
            return here(code)
        return here(code)

    # -- answering ------------------------------------------------------------------------
    def load_draft(code: str) -> dict[str, Any] | None:
        handle = current_handle()
        content = drafts.load(db_session(), handle) if handle else None
        db_session().commit()
        if content is None:
            session.pop(DRAFT, None)
            set_flow({"code": code, "stage": "welcome", "expired": True})
        return content

    def save_draft(content: dict[str, Any]) -> None:
        handle = current_handle()
        if handle is None:
            return
        drafts.save(db_session(), handle, content, lifetime(handle))
        db_session().commit()

    def draft_version(
        version: Version, content: dict[str, Any] | None
    ) -> tuple[Version, Definition] | None:
        """The version a draft started on. It finishes there, even after a newer version is
        published, unless that version has been retired."""
        if content is None:
            return None
        if bool(content.get("preview")) != previewing():
            # A preview's draft outside its preview (ended, lapsed, or the version was then
            # published) is dropped, never sent; and a preview never continues a real draft.
            return None
        if content.get("version_id") == version.id:
            return version, definition_for(version)
        own = db_session().get(QuestionnaireVersion, content.get("version_id"))
        if (
            own is None
            or own.questionnaire_id != version.questionnaire_id
            or own.status != "published"
            or previewing()  # a preview runs on the previewed version only
        ):
            return None
        return own, definition_of(own)

    def current_section(
        definition: Definition, content: dict[str, Any]
    ) -> tuple[int, list[Section]]:
        visible = definition.visible_sections(content["answers"])
        keys = [s.key for s in visible]
        wanted = content.get("section")
        index = keys.index(wanted) if wanted in keys else 0
        return index, visible

    def show_answering(
        code: str, version: Version, definition: Definition, flow: dict[str, Any]
    ) -> tuple[str, int]:
        content = load_draft(code)
        resolved = draft_version(version, content)
        if content is None or resolved is None:
            if content is not None:
                erase_draft()
            set_flow({"code": code, "stage": "welcome"})
            return page(
                "public/welcome.html",
                form=ActionForm(),
                code=code,
                expired=True,
                neutral_landing=True,
            )
        version, definition = resolved
        handle = current_handle()
        if handle is not None:
            drafts.touch(db_session(), handle, lifetime(handle))
            db_session().commit()
        if content.get("review"):
            return render_review(code, definition, content)
        # Follow-up questions the last answer added: announced once, then forgotten.
        revealed = content.pop("revealed", None)
        if revealed is not None:
            save_draft(content)
        index, visible = current_section(definition, content)
        section = visible[index]
        questions = section.visible_questions(content["answers"])
        form = build_step_form(questions, current_language(), answers=content["answers"])
        new = [q.key for q in questions if q.key in (revealed or ())]
        return render_part(code, definition, section, index, visible, questions, form, revealed=new)

    def render_part(
        code: str,
        definition: Definition,
        section: Section,
        index: int,
        visible: list[Section],
        questions: list[Any],
        form: Any,
        status: int = 200,
        notice: str | None = None,
        revealed: list[str] | None = None,
    ) -> tuple[str, int]:
        locale = current_language()
        return page(
            "public/part.html",
            status,
            code=code,
            definition=definition,
            section=section,
            part_number=index + 1,
            part_count=len(visible),
            questions=[(q, form[q.key]) for q in questions],
            form=form,
            locale=locale,
            notice=notice,
            can_finish_later=not previewing(),
            revealed=revealed or [],
        )

    def render_review(
        code: str,
        definition: Definition,
        content: dict[str, Any],
        status: int = 200,
        notice: str | None = None,
    ) -> tuple[str, int]:
        locale = current_language()
        answers = content["answers"]
        rows = []
        for section in definition.visible_sections(answers):
            items = [
                (
                    q,
                    q.display(answers.get(q.key), locale)
                    if answers.get(q.key) is not None
                    else None,
                )
                for q in section.visible_questions(answers)
            ]
            rows.append((section, items))
        return page(
            "public/review.html",
            status,
            code=code,
            definition=definition,
            rows=rows,
            form=ActionForm(),
            locale=locale,
            notice=notice,
            answered=sum(1 for v in answers.values() if v is not None),
            can_finish_later=not previewing(),
        )

    def post_answering(
        code: str,
        version: Version,
        definition: Definition,
        flow: dict[str, Any],
        action: str,
    ) -> Response | tuple[str, int]:
        content = load_draft(code)
        resolved = draft_version(version, content)
        if content is None or resolved is None:
            return here(code)
        version, definition = resolved
        content.pop("revealed", None)  # an announcement is for the page right after
        if content.get("review"):
            return post_review(code, version, definition, content, action)

        index, visible = current_section(definition, content)
        section = visible[index]
        questions = section.visible_questions(content["answers"])
        form = build_step_form(questions, current_language(), formdata=request.form)
        unknown = unexpected_fields(request.form, questions)
        if unknown or not form.validate():
            notice = (
                _("This page received something it did not expect. Please check your answers.")
                if unknown
                else None
            )
            return render_part(
                code, definition, section, index, visible, questions, form, 422, notice
            )
        if honeypot_filled(request.form):
            content["suspect"] = True
        content["answers"] = merge_answers(definition, questions, form, content["answers"])
        visible = definition.visible_sections(content["answers"])
        keys = [s.key for s in visible]
        position = keys.index(section.key) if section.key in keys else 0

        shown_before = {q.key for q in questions}
        revealed = [
            q for q in section.visible_questions(content["answers"]) if q.key not in shown_before
        ]
        if switch_language(action):
            content["section"] = section.key
        elif revealed and action == "next" and section.key in keys:
            # An answer on this part revealed follow-up questions on the same part: stay, so
            # they can be seen and answered (no JavaScript needed). The page says so just
            # above them, and without JavaScript the browser lands there (a fixed anchor).
            content["section"] = section.key
            content["revealed"] = [q.key for q in revealed]
            save_draft(content)
            return here(code, anchor="more")
        elif action == "back":
            # The first part has no Back button; a forged "back" there simply stays.
            content["section"] = keys[max(position - 1, 0)]
        elif action.startswith("goto:") and action.removeprefix("goto:") in keys:
            content["section"] = action.removeprefix("goto:")
        elif action != "next":
            # Anything unexpected: keep what was typed and stay on this part.
            content["section"] = keys[position]
        elif position + 1 < len(keys):
            content["section"] = keys[position + 1]
        else:
            content["review"] = True
        save_draft(content)
        if action == "later":
            return finish_later(content)
        return here(code)

    def post_review(
        code: str,
        version: Version,
        definition: Definition,
        content: dict[str, Any],
        action: str,
    ) -> Response | tuple[str, int]:
        form = ActionForm()
        if switch_language(action):
            return here(code)
        if action == "later" and form.validate():
            return finish_later(content)
        if action.startswith("goto:"):
            keys = [s.key for s in definition.visible_sections(content["answers"])]
            target = action.removeprefix("goto:")
            if target in keys:
                content["review"] = False
                content["section"] = target
                save_draft(content)
            return here(code)
        if action == "back":
            content["review"] = False
            keys = [s.key for s in definition.visible_sections(content["answers"])]
            content["section"] = keys[-1] if keys else None
            save_draft(content)
            return here(code)
        if action != "submit" or not form.validate():
            return here(code)
        if previewing():
            # The end of a preview: the same thank-you page, and nothing kept.
            erase_draft()
            set_flow({"code": code, "stage": "thanks"})
            return here(code)
        if honeypot_filled(request.form) or content.get("suspect"):
            # Looks like a bot: say thank you, keep nothing.
            erase_draft()
            set_flow({"code": code, "stage": "thanks"})
            return here(code)
        wait = ratelimit.too_fast(seconds_since_start(content), config.minimum_seconds_per_draft)
        if wait:
            # Sent sooner than anyone could read the pages: held, not refused for good.
            save_draft(content)  # keep the draft alive while they wait
            minutes = ratelimit.minutes_to_wait(wait)
            return render_review(
                code,
                definition,
                content,
                429,
                ngettext(
                    "Your answers are kept. Please wait %(num)s minute, then press Send again.",
                    "Your answers are kept. Please wait %(num)s minutes, then press Send again.",
                    minutes,
                ),
            )
        handle = current_handle()
        try:
            # Erase the draft and store the response in ONE transaction, and only if this
            # request is the one that erased it: a double submit stores nothing twice.
            if handle is None or drafts.erase(db_session(), handle) != 1:
                db_session().rollback()
                set_flow({"code": code, "stage": "thanks"})
                return here(code)
            store_response(
                db_session(),
                current_app.extensions["intake.keystore"],
                definition,
                version.id,
                content["answers"],
                language=current_language(),
                provenance="self",
                epoch_months=config.epoch_months,
                **handover_metadata(),
                coder=current_app.extensions["intake.coder"],
            )
            db_session().commit()
        except (SQLAlchemyError, keyring.KeyringError):
            db_session().rollback()
            return render_review(
                code,
                definition,
                content,
                503,
                _(
                    "We could not save your answers just now. They are kept: please try again shortly."
                ),
            )
        session.pop(DRAFT, None)
        set_flow({"code": code, "stage": "thanks"})
        return here(code)

    # -- limits and finish later (see intake/ratelimit.py and intake/resume.py) ------------
    def admit_new_draft() -> tuple[str, int] | None:
        """None when this connection may start a draft now (after a short pause that grows
        only for a connection starting many); otherwise the page saying how long to wait."""
        admission = current_app.extensions["intake.draft_limiter"].admit(request.remote_addr)
        if not admission.allowed:
            return render_error(
                429,
                message=ngettext(
                    "Many people have just started from this connection. Please wait "
                    "%(num)s minute and try again.",
                    "Many people have just started from this connection. Please wait "
                    "%(num)s minutes and try again.",
                    admission.wait_minutes,
                ),
            )
        time.sleep(admission.pause_seconds)
        return None

    def seconds_since_start(content: dict[str, Any]) -> float | None:
        try:
            started = dt.datetime.fromisoformat(str(content["started"]))
        except (KeyError, ValueError):
            return None
        return (clock.utcnow() - started).total_seconds()

    def finish_later(content: dict[str, Any]) -> tuple[str, int]:
        """Keep the draft under a new phrase and show the phrase, once: it is in this
        response only, never in the session, the database or a log."""
        current = current_handle()
        if current is None or previewing():
            return render_error(400)
        wait = current_app.extensions["intake.phrase_limiter"].new_phrase()
        if wait:
            # The draft was saved before this was asked: nothing is lost by waiting.
            return render_error(
                429,
                message=ngettext(
                    "Your answers are kept. Please wait %(num)s minute, then press Finish "
                    "later again.",
                    "Your answers are kept. Please wait %(num)s minutes, then press Finish "
                    "later again.",
                    ratelimit.minutes_to_wait(wait),
                ),
            )
        try:
            handle, phrase = resume.keep(
                db_session(), phrase_keys, current, content, current_language(), kept
            )
        except drafts.TooManyDrafts:
            db_session().rollback()
            return render_error(503)
        db_session().commit()
        session[DRAFT] = handle.to_cookie()
        return page(
            "public/finish_later.html",
            phrase=phrase,
            days=config.resume_days,
            replaced=current.phrased,
            form=ActionForm(),
            code=(request.view_args or {}).get("code", ""),
        )

    def post_phrase(action: str, code: str | None) -> Response | tuple[str, int]:
        """A typed resume phrase: continue the draft it keeps, or delete it."""
        form = ActionForm()
        typed = request.form.get("phrase", "")[:1000]

        def again(message: str, status: int) -> tuple[str, int]:
            return page("public/resume.html", status, form=form, code=code, notice=message,
                        typed=typed)  # fmt: skip

        if not form.validate():
            return again(_("This page timed out. Please type your phrase again."), 400)
        secret = resume.parse(typed, current_language())
        if secret is None:
            return again(
                _(
                    "Some of these words are not from the list. Check the spelling and that "
                    "you typed all ten words."
                ),
                422,
            )
        limiter = current_app.extensions["intake.phrase_limiter"]
        wait = limiter.attempt(request.remote_addr)
        if wait:
            minutes = ratelimit.minutes_to_wait(wait)
            return again(
                ngettext(
                    "Too many phrases have been tried. Please wait %(num)s minute and try again.",
                    "Too many phrases have been tried. Please wait %(num)s minutes and try again.",
                    minutes,
                ),
                429,
            )
        if action == "forget_phrase":
            gone = resume.forget(db_session(), phrase_keys, secret)
            db_session().commit()
            if not gone:
                return again(not_found_message(), 404)
            limiter.succeeded(request.remote_addr)
            handle = current_handle()
            if handle is not None and handle.phrased:
                session.pop(DRAFT, None)
            return page("public/resume.html", form=ActionForm(), code=code, deleted=True)
        found = resume.reopen(db_session(), phrase_keys, secret)
        target = questionnaire_of(found[1]) if found else None
        db_session().commit()
        if found is None or target is None:
            return again(not_found_message(), 404)
        limiter.succeeded(request.remote_addr)
        erase_draft()  # an unphrased draft in this browser, if any
        session[DRAFT] = found[0].to_cookie()
        set_flow({"code": target, "stage": "answering"})
        return here(target)

    def not_found_message() -> str:
        return ngettext(
            "No answers are kept under this phrase. Check the words and their order. Answers "
            "are kept for %(num)s day after they were last saved, then deleted.",
            "No answers are kept under this phrase. Check the words and their order. Answers "
            "are kept for %(num)s days after they were last saved, then deleted.",
            config.resume_days,
        )

    def questionnaire_of(content: dict[str, Any]) -> str | None:
        """The address (public code) of the questionnaire a kept draft belongs to."""
        if content.get("preview"):
            return None
        own = db_session().get(QuestionnaireVersion, content.get("version_id"))
        if own is None or own.status == "retired":
            return None
        return own.questionnaire.public_code

    @bp.route("/continue", methods=["GET", "POST"])
    def continue_with_phrase() -> Response | tuple[str, int]:
        """The resume form outside any questionnaire (linked from the help page)."""
        if request.method == "POST":
            action = request.form.get("action", "")
            if action in ("resume_phrase", "forget_phrase"):
                return post_phrase(action, None)
        return page("public/resume.html", form=ActionForm(), code=None)

    def handover_metadata() -> dict[str, Any]:
        """On an advocate's device handed to a participant: self-completed, and the program."""
        handover = session.get(HANDOVER)
        if not isinstance(handover, dict):
            return {}
        return {"program": handover.get("program"), "assistance": ["handover"]}

    def csrf_failed() -> tuple[str, int]:
        """An expired or missing token on a survey page: show the page again, answers intact."""
        code = (request.view_args or {}).get("code", "")
        found = find_version(code)
        if found is None:
            return render_error(404)
        definition = definition_for(found)
        flow = flow_for(code)
        message = _(
            "For your safety, this page timed out. Your answers are still here: please check "
            "them and press the button again."
        )
        if flow.get("stage") != "answering":
            return page(
                "public/welcome.html",
                400,
                form=ActionForm(),
                code=code,
                expired=False,
                notice=message,
                neutral_landing=True,
            )
        content = load_draft(code)
        if content is None:
            return page(
                "public/welcome.html",
                400,
                form=ActionForm(),
                code=code,
                expired=True,
                neutral_landing=True,
            )
        if content.get("review"):
            return render_review(code, definition, content, 400, message)
        index, visible = current_section(definition, content)
        section = visible[index]
        questions = section.visible_questions(content["answers"])
        # Bound to what was posted (not validated: the token failed), so nothing typed is lost.
        form = build_step_form(questions, current_language(), formdata=request.form)
        return render_part(code, definition, section, index, visible, questions, form, 400, message)

    @bp.record_once
    def _register_csrf_handler(state: Any) -> None:
        state.app.extensions.setdefault("intake.csrf_handlers", {})["public.questionnaire_post"] = (
            csrf_failed
        )

    return bp
