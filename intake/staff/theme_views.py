"""The CCR team's analysis: dashboard, coding queue, emerging themes, codebook, reports.

Everything but published reports needs an unlocked facilitator. Views stay thin: counting
is in intake.analysis.aggregate, suppression in .disclosure, coding in .coding, the
snapshot in .report. No response id ever reaches a page or a URL: an excerpt is addressed
by a handle sealed to this unlock, useless to anyone else and after the unlock ends.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import partial
from typing import Any

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import get_locale
from flask_babel import gettext as _
from markupsafe import Markup, escape
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from werkzeug.wrappers import Response as WerkzeugResponse

from .. import audit, crypto, i18n, keyring, settings
from ..analysis import codebook as codebook_module
from ..analysis import emerging, labels, snapshots
from ..analysis import report as report_module
from ..analysis.annotations import Annotation, excerpt_key
from ..analysis.codebook import Codebook, CodebookError, Part
from ..analysis.coding import SENSES, matcher_for
from ..analysis.pattern_use import PatternUse
from ..analysis.state import ThemeState, collecting_later, state_for
from ..config import Config
from ..db import db_session
from ..forms.themes import (
    DecisionForm,
    NewCodeForm,
    PromoteForm,
    PublishForm,
    ReportChoiceForm,
    SensesForm,
    ToggleCodeForm,
    WithdrawForm,
    part_form,
)
from ..models import Response as StoredResponse
from ..models import ResponseAnnotation, ThemeReport
from ..redaction import is_listed_name, quote_text
from ..responses import UnreadableResponse, open_annotation, seal_annotation
from .auth import role_required

_NONE: frozenset[str] = frozenset()  # no codes: shared by the queue's undecided excerpts
PAGE_SIZE = 20
# The codebook page counts pattern matches for at most this long per request, going on
# from where it stopped at the next one (100,000 responses take tens of seconds in all).
PATTERN_COUNT_SECONDS = 3.0
STATUSES = ("pending", "confirmed", "uncoded", "all")
CHOSEN_REPORT = "report"


@dataclass(frozen=True)
class QueueItem:
    handle: str
    group: str
    question: Any
    html: Markup
    suggested: tuple[str, ...]
    confirmed: tuple[str, ...]
    rejected: tuple[str, ...]
    quoted: tuple[str, ...]


@dataclass(frozen=True)
class SenseRow:
    """A word sense as the codebook page lists it."""

    name: str
    title: str  # in the reader's language
    point: Part
    keeps: bool  # keeps the point suggested (else: stops its word naming it)
    follows: bool  # the point yields to what the sentence before named
    on: bool
    phrases: dict[str, tuple[str, ...]]  # per language the deployment offers


def highlight(text: str, spans: tuple[tuple[int, int], ...]) -> Markup:
    """``text`` escaped, with matched spans in <mark> (overlaps merged)."""
    out, pos = [], 0
    merged: list[list[int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    for a, b in merged:
        out.append(escape(text[pos:a]))
        out.append(Markup("<mark>%s</mark>") % text[a:b])
        pos = b
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def register(bp: Blueprint, config: Config) -> None:
    from .views import current_unlock

    def unlocked_state() -> tuple[ThemeState, bytes] | None:
        found = current_unlock(config)
        if found is None:
            return None
        team, ticket = found
        keystore = current_app.extensions["intake.keystore"]
        state = state_for(db_session(), crypto.token_digest(ticket.token), team, keystore)
        db_session().commit()
        return state, ticket.handle_key

    def threshold() -> int:
        return settings.current().suppression_threshold

    def codebook() -> Codebook:
        return codebook_module.current(db_session())

    def snapshot(state: ThemeState, cb: Codebook) -> dict[str, Any]:
        """Built once per change and kept with the unlock (see intake.analysis.snapshots)."""
        return snapshots.current(state, cb, matcher_for(cb), threshold(), config.languages)

    def seal_handle(secret: bytes, response_id: str, question: str, index: int) -> str:
        blob = crypto.wrap_with_key(
            secret, json.dumps([response_id, question, index]).encode(), b"excerpt-handle"
        )
        return base64.urlsafe_b64encode(blob).decode("ascii")

    def open_handle(secret: bytes, handle: str) -> tuple[str, str, int] | None:
        try:
            blob = base64.urlsafe_b64decode(handle.encode("ascii"))
            rid, question, index = json.loads(
                crypto.unwrap_with_key(secret, blob, b"excerpt-handle")
            )
            return str(rid), str(question), int(index)
        except (ValueError, TypeError, crypto.DecryptionError):
            return None

    @bp.get("/data")
    @role_required("facilitator")
    def data():  # type: ignore[no-untyped-def]
        unlocked = unlocked_state()
        if unlocked is None:
            return redirect(url_for("staff.unlock"), code=303)
        state, _secret = unlocked
        cb = codebook()
        snap = snapshot(state, cb)
        tables = [t for t in snap["tables"] if not t["section"].startswith("split:")]
        points = dict(snap["split_points"])
        return render_template(
            "staff/dashboard.html",
            snap=snap,
            tables=tables,
            points=points,
            publish_form=PublishForm(),
            unreadable=len(state.unreadable),
            bad_coding=len(state.bad_coding),
        )

    @bp.get("/data/points")
    @role_required("facilitator")
    def data_points():  # type: ignore[no-untyped-def]
        unlocked = unlocked_state()
        if unlocked is None:
            return redirect(url_for("staff.unlock"), code=303)
        state, _secret = unlocked
        snap = snapshot(state, codebook())
        points = dict(snap["split_points"])
        point = request.args.get("point", "")
        if point not in points:
            point = next(iter(points), "")
        tables = [t for t in snap["tables"] if t["section"] == f"split:{point}"]
        left_out = [d for d in snap["dropped_splits"] if d["point"] == point]
        return render_template(
            "staff/points.html",
            snap=snap,
            tables=tables,
            left_out=left_out,
            points=points,
            point=point,
        )

    # -- coding queue ------------------------------------------------------------------
    def queue(
        state: ThemeState, cb: Codebook, secret: bytes, code: str, status: str
    ) -> Iterator[Callable[[], QueueItem]]:
        """Every excerpt the filter keeps, each as a way to make its item. Filtering is
        cheap; redacting, highlighting and sealing a handle are not, so only the page
        shown pays for them (the queue at 2,000 responses has thousands of excerpts)."""
        matcher = matcher_for(cb)
        agg = state.aggregate
        undecided = Annotation()  # read only: most responses have no decisions yet
        for answer, excerpts in zip(agg.texts, state.excerpts(cb, matcher), strict=True):
            note = state.annotations.get(answer.response_id)
            for excerpt in excerpts:
                ekey = excerpt_key(answer.question_key, excerpt.index)
                if note is None:
                    # No decision on this response: every suggestion is pending (what
                    # codes_for says of an empty annotation, without its work per excerpt).
                    confirmed, pending, rejected = _NONE, frozenset(excerpt.codes), _NONE
                else:
                    confirmed, pending = note.codes_for(ekey, excerpt.codes)
                    rejected = note.rejected.get(ekey, set())
                # With a code chosen, the status is about that code.
                wanted_pending = {code} & pending if code else pending
                wanted_confirmed = {code} & confirmed if code else confirmed
                if status == "pending" and not wanted_pending:
                    continue
                if status == "confirmed" and not wanted_confirmed:
                    continue
                if status == "uncoded" and (excerpt.codes or confirmed):
                    continue
                if code and code not in (confirmed | pending | rejected):
                    continue
                question = agg.text_questions.get(answer.question_key, answer.question_key)
                yield partial(
                    queue_item,
                    matcher,
                    secret,
                    answer,
                    question,
                    excerpt,
                    undecided if note is None else note,
                    (pending, confirmed, rejected),
                )

    def queue_item(
        matcher: Any,
        secret: bytes,
        answer: Any,
        question: Any,
        excerpt: Any,
        note: Annotation,
        decided: tuple[AbstractSet[str], AbstractSet[str], AbstractSet[str]],
    ) -> QueueItem:
        pending, confirmed, rejected = decided
        ekey = excerpt_key(answer.question_key, excerpt.index)
        shown = quote_text(
            answer.text[excerpt.start : excerpt.end],
            answer.language,
            note.hidden.get(ekey, []),
        )
        spans = tuple(
            span
            for found in matcher.excerpts(shown, answer.language, answer.question_key)
            for span in found.highlights
        )
        return QueueItem(
            handle=seal_handle(secret, answer.response_id, answer.question_key, excerpt.index),
            group=answer.group,
            question=question,
            html=highlight(shown, spans),
            suggested=tuple(sorted(pending)),
            confirmed=tuple(sorted(confirmed)),
            rejected=tuple(sorted(rejected)),
            quoted=tuple(sorted(note.quotes.get(ekey, set()))),
        )

    @bp.get("/themes/review")
    @role_required("facilitator")
    def review():  # type: ignore[no-untyped-def]
        unlocked = unlocked_state()
        if unlocked is None:
            return redirect(url_for("staff.unlock"), code=303)
        state, secret = unlocked
        cb = codebook()
        status = request.args.get("status", "pending")
        status = status if status in STATUSES else "pending"
        code = request.args.get("code", "")
        code = code if cb.code(code) is not None else ""
        page = max(request.args.get("page", 1, type=int) or 1, 1)
        # Under the state's lock: another request may be adding responses to the same
        # analysis. The collector paused: thousands of small objects, all kept until the
        # page is made, would otherwise set off collections that walk the whole analysis.
        with state.lock, collecting_later():
            found = list(queue(state, cb, secret, code, status))
            pages = max((len(found) + PAGE_SIZE - 1) // PAGE_SIZE, 1)
            page = min(page, pages)
            items = [make() for make in found[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]]
        return render_template(
            "staff/review.html",
            items=items,
            total=len(found),
            page=page,
            pages=pages,
            status=status,
            code=code,
            statuses=STATUSES,
            codes=cb.codes(),
            code_labels={c.key: c.label(str(get_locale())) for c in cb.all_codes()},
            form=DecisionForm(),
        )

    @bp.post("/themes/review")
    @role_required("facilitator")
    def decide() -> WerkzeugResponse:
        unlocked = unlocked_state()
        if unlocked is None:
            return redirect(url_for("staff.unlock"), code=303)
        state, secret = unlocked
        form = DecisionForm()
        back = {
            "status": form.back_status.data if form.back_status.data in STATUSES else "pending",
            "code": form.back_code.data or "",
            "page": form.back_page.data or 1,
        }
        if not form.validate_on_submit():
            flash(_("That decision could not be saved. Please try again."))
            return redirect(url_for("staff.review", **back), code=303)
        target = open_handle(secret, form.handle.data or "")
        cb = codebook()
        code = form.code.data or ""
        action = form.action.data or ""
        if target is None or target[0] not in state.data_keys:
            flash(_("That excerpt is no longer available. The page has been refreshed."))
            return redirect(url_for("staff.review", **back), code=303)
        if action != "hide" and cb.code(code) is None:
            flash(_("Choose a code from the codebook."))
            return redirect(url_for("staff.review", **back), code=303)
        response_id, question, index = target
        try:
            saved = save_decision(
                state,
                response_id,
                excerpt_key(question, index),
                action,
                code,
                form.words.data or "",
            )
        except UnreadableResponse:
            db_session().rollback()
            flash(
                _(
                    "The coding of this response failed verification, so nothing was changed. It may have been altered."
                )
            )
            return redirect(url_for("staff.review", **back), code=303)
        if saved:
            flash(_("Saved."))
        else:
            flash(_("Someone else was coding this response at the same moment. Please try again."))
        return redirect(url_for("staff.review", **back), code=303)

    def save_decision(
        state: ThemeState, response_id: str, ekey: str, action: str, code: str, words: str
    ) -> bool:
        """Apply one decision to the response's sealed coding. Optimistic: the row is
        written only if nobody else changed it since it was read (SQLite has no row locks),
        so two facilitators' decisions never overwrite each other. False if it kept
        colliding."""
        data_key = state.data_keys[response_id]
        for _attempt in range(3):
            row = db_session().scalar(
                select(ResponseAnnotation).where(ResponseAnnotation.response_id == response_id)
            )
            note = (
                Annotation.from_data(
                    open_annotation(data_key, response_id, row.ciphertext, revision=row.revision)
                )
                if row is not None
                else Annotation()
            )
            note.apply(ekey, action, code, words)
            revision = 1 if row is None else row.revision + 1
            blob = seal_annotation(data_key, response_id, note.to_data(), revision=revision)
            try:
                if row is None:
                    db_session().add(
                        ResponseAnnotation(response_id=response_id, revision=1, ciphertext=blob)
                    )
                else:
                    changed = db_session().execute(
                        update(ResponseAnnotation)
                        .where(
                            ResponseAnnotation.response_id == response_id,
                            ResponseAnnotation.revision == row.revision,
                        )
                        .values(ciphertext=blob, revision=revision)
                        .execution_options(synchronize_session=False)
                    )
                    if changed.rowcount != 1:
                        db_session().rollback()
                        continue
                db_session().commit()
            except IntegrityError:
                db_session().rollback()  # someone inserted the first decision meanwhile
                continue
            with state.lock:
                state.annotations[response_id] = note
                state.annotation_revisions[response_id] = revision
            return True
        return False

    # -- emerging themes ---------------------------------------------------------------
    @bp.route("/themes/emerging", methods=["GET", "POST"])
    @role_required("facilitator")
    def emerging_themes():  # type: ignore[no-untyped-def]
        unlocked = unlocked_state()
        if unlocked is None:
            return redirect(url_for("staff.unlock"), code=303)
        state, _secret = unlocked
        cb = codebook()
        form = PromoteForm()
        if request.method == "POST":
            if form.validate_on_submit() and form.language.data in config.languages:
                terms = [
                    t
                    for t in (form.terms.data or "").split("\n")
                    if t.strip() and not is_listed_name(t)
                ]
                try:
                    patterns = codebook_module.clean_patterns(terms)
                except CodebookError:
                    patterns = ()
                if patterns:
                    label = form.label.data or ""
                    key = codebook_module.slug(label)
                    while key in cb.custom:
                        key += "_"
                    part = Part(
                        key, "custom", {form.language.data: label}, {form.language.data: patterns}
                    )
                    codebook_module.save(db_session(), cb.with_part(part), g.staff.username)
                    audit.record(db_session(), g.staff.username, "codebook changed", key)
                    db_session().commit()
                    flash(_("The new code is in the codebook. Add words in other languages there."))
                    return redirect(url_for("staff.codebook_part", key=key), code=303)
            flash(_("That code could not be created. Please try again."))
            return redirect(url_for("staff.emerging_themes"), code=303)
        with state.lock:
            found = emerging.find(state, cb, matcher_for(cb), threshold())
        return render_template("staff/emerging.html", clusters=found, form=form)

    # -- codebook ------------------------------------------------------------------------
    @bp.get("/codebook")
    @role_required("facilitator")
    def codebook_page() -> str:
        cb = codebook()
        return render_template(
            "staff/codebook.html",
            cb=cb,
            toggle_form=ToggleCodeForm(),
            new_form=_new_code_form(),
            locale=i18n.current_language(),  # a language code, as labels are kept
            use=pattern_use(cb),
            senses=senses_of(cb),
        )

    def pattern_error(exc: CodebookError) -> str:
        """What a facilitator reads when the words typed for a code cannot be used."""
        if isinstance(exc, codebook_module.TooManyPatterns):
            return _(
                "Too many words: at most %(most)s per language. Remove some, or add a code of your own for them.",
                most=codebook_module.MAX_PATTERNS,
            )
        return _(
            "This pattern cannot be used: %(pattern)s. Use letters and spaces only, at most %(length)s characters each and at most %(most)s per language.",
            pattern=str(exc),
            length=codebook_module.MAX_PATTERN_LENGTH,
            most=codebook_module.MAX_PATTERNS,
        )

    def senses_of(cb: Codebook) -> list[SenseRow]:
        """The word senses of the codebook's points, in the file's order."""
        return [
            SenseRow(
                name,
                _(codebook_module.sense_title(name)),
                cb.interventions[sense.point],
                sense.keeps,
                sense.follows,
                name not in cb.senses_off,
                {
                    lang: sense.part.patterns[lang]
                    for lang in config.languages
                    if sense.part.patterns.get(lang)
                },
            )
            for name, sense in SENSES.items()
            if sense.point in cb.interventions
        ]

    @bp.post("/codebook/senses")
    @role_required("facilitator")
    def codebook_senses() -> WerkzeugResponse:
        """Saves the word senses switched on and off as a new codebook version (only if
        one changed), with an audit entry naming each sense switched."""
        cb = codebook()
        form = SensesForm()
        if form.validate_on_submit():
            shown = set((form.shown.data or "").split()) & set(SENSES)
            on = set(request.form.getlist("sense_on"))
            updated = cb
            changed = []
            for name in sorted(shown):
                off = name not in on
                if off != (name in cb.senses_off):
                    updated = updated.with_sense_off(name, off)
                    changed.append(f"{name} {'off' if off else 'on'}")
            if changed:
                codebook_module.save(db_session(), updated, g.staff.username)
                audit.record(
                    db_session(),
                    g.staff.username,
                    "codebook changed",
                    "senses: " + ", ".join(changed),
                )
                db_session().commit()
                flash(_("The codebook is saved. Suggestions now use the word senses as switched."))
            else:
                flash(_("No word sense was switched: the codebook is unchanged."))
        return redirect(url_for("staff.codebook_page", _anchor="senses"), code=303)

    def pattern_use(cb: Codebook) -> PatternUse | None:
        """How many answers each pattern matched: only while the responses are unlocked,
        counted in memory, never stored."""
        unlocked = unlocked_state()
        if unlocked is None:
            return None
        state = unlocked[0]
        use = state.patterns(cb, PATTERN_COUNT_SECONDS)
        g.pattern_texts = len(state.aggregate.texts)  # to say when counting is not done
        return use

    def _new_code_form() -> NewCodeForm:
        form = NewCodeForm()
        form.language.choices = [
            (lang, labels.text(f"language:{lang}", lang)) for lang in config.languages
        ]
        return form

    @bp.route("/codebook/part", methods=["GET", "POST"])
    @role_required("facilitator")
    def codebook_part():  # type: ignore[no-untyped-def]
        cb = codebook()
        try:
            part = cb.part(request.args.get("key", ""))
        except KeyError:
            abort(404)
        form = part_form(config.languages)(prefix="")
        if request.method == "GET":
            for lang in config.languages:
                form[f"label_{lang}"].data = part.label.get(lang, "")
                form[f"patterns_{lang}"].data = "\n".join(part.patterns.get(lang, ()))
        elif form.validate_on_submit():
            patterns: dict[str, tuple[str, ...]] = {}
            for lang in config.languages:
                field = form[f"patterns_{lang}"]
                try:
                    patterns[lang] = codebook_module.clean_patterns((field.data or "").splitlines())
                except CodebookError as exc:
                    field.errors = [pattern_error(exc)]
            if any(form[f"patterns_{lang}"].errors for lang in config.languages):
                return render_part(form, part, 422)
            # Languages this deployment does not offer keep what they had.
            labels_kept = {k: v for k, v in part.label.items() if k not in config.languages}
            patterns_kept = {k: v for k, v in part.patterns.items() if k not in config.languages}
            updated = Part(
                part.key,
                part.kind,
                labels_kept
                | {
                    lang: (form[f"label_{lang}"].data or "").strip()
                    for lang in config.languages
                    if (form[f"label_{lang}"].data or "").strip()
                },
                patterns_kept | patterns,
            )
            codebook_module.save(db_session(), cb.with_part(updated), g.staff.username)
            audit.record(db_session(), g.staff.username, "codebook changed", part.key)
            db_session().commit()
            flash(_("The codebook is saved. Suggestions now use the new words."))
            return redirect(url_for("staff.codebook_page"), code=303)
        else:
            return render_part(form, part, 422)
        return render_part(form, part, 200)

    def render_part(form: Any, part: Part, status: int) -> tuple[str, int]:
        use = pattern_use(codebook())
        return render_template("staff/codebook_part.html", form=form, part=part, use=use), status

    @bp.post("/codebook/new")
    @role_required("facilitator")
    def codebook_new():  # type: ignore[no-untyped-def]
        cb = codebook()
        form = _new_code_form()
        if form.validate_on_submit():
            try:
                patterns = codebook_module.clean_patterns((form.patterns.data or "").splitlines())
            except CodebookError as exc:
                form.patterns.errors = [pattern_error(exc)]
                patterns = ()
            if not patterns and not form.patterns.errors:
                form.patterns.errors = [_("Give at least one word or phrase.")]
            if patterns:
                key = codebook_module.slug(form.label.data or "")
                while key in cb.custom:
                    key += "_"
                lang = form.language.data or "en"
                part = Part(key, "custom", {lang: form.label.data or ""}, {lang: patterns})
                codebook_module.save(db_session(), cb.with_part(part), g.staff.username)
                audit.record(db_session(), g.staff.username, "codebook changed", key)
                db_session().commit()
                flash(_("The new code is in the codebook."))
                return redirect(url_for("staff.codebook_page"), code=303)
        return (
            render_template(
                "staff/codebook.html",
                cb=cb,
                toggle_form=ToggleCodeForm(),
                new_form=form,
                locale=str(get_locale()),
                senses=senses_of(cb),
            ),
            422,
        )

    @bp.post("/codebook/toggle")
    @role_required("facilitator")
    def codebook_toggle() -> WerkzeugResponse:
        cb = codebook()
        form = ToggleCodeForm()
        if form.validate_on_submit() and cb.code(form.code.data or "") is not None:
            key = form.code.data or ""
            codebook_module.save(
                db_session(), cb.with_disabled(key, form.enabled.data == "0"), g.staff.username
            )
            audit.record(db_session(), g.staff.username, "codebook changed", key)
            db_session().commit()
            flash(_("The codebook is saved."))
        return redirect(url_for("staff.codebook_page"), code=303)

    # -- reports -------------------------------------------------------------------------
    def publish_page(
        state: ThemeState, form: PublishForm, snap: dict[str, Any], status: int = 200
    ) -> tuple[str, int]:
        """What publishing now would do: coverage, approved quotes left out and why, and
        whether it would repeat the last report or come too soon after it."""
        cb = codebook()
        left_out = snapshots.left_out_quotes(state, cb, matcher_for(cb), snap, config.languages)
        same = report_module.same_as_latest(db_session(), snap, config.secret_key)
        too_close = report_module.too_close_to_last(db_session(), snap, config.secret_key)
        form.reviewed.data = "1"
        return (
            render_template(
                "staff/publish.html",
                form=form,
                coverage=report_module.coverage(snap),
                left_out=left_out,
                same=same,
                too_close=too_close,
                k=snap["threshold"],
                quotes_per_theme=report_module.QUOTES_PER_THEME,
            ),
            status,
        )

    @bp.route("/reports/publish", methods=["GET", "POST"])
    @role_required("facilitator")
    def publish():  # type: ignore[no-untyped-def]
        unlocked = unlocked_state()
        if unlocked is None:
            return redirect(url_for("staff.unlock"), code=303)
        state, _secret = unlocked
        form = PublishForm()
        snap = snapshot(state, codebook())
        if request.method == "GET":
            return publish_page(state, form, snap)
        if not form.validate_on_submit():
            if form.reviewed.data == "1" and form.title.errors:
                return publish_page(state, form, snap, 422)
            flash(form.title.errors[0] if form.title.errors else _("Please try again."))
            return redirect(url_for("staff.data"), code=303)
        title = (form.title.data or "").strip()
        if report_module.too_close_to_last(db_session(), snap, config.secret_key):
            flash(
                _(
                    "Fewer than %(k)s responses have arrived since the last report. Publishing now would let someone compare the two reports and single out the new answers. Please wait for more responses.",
                    k=threshold(),
                )
            )
            return redirect(url_for("staff.data"), code=303)
        # Asks first, on the publish page, when this would repeat the last report or leave
        # out approved quotes the facilitator has not been shown yet.
        cb = codebook()
        repeats = report_module.same_as_latest(db_session(), snap, config.secret_key)
        unseen = form.reviewed.data != "1" and snapshots.left_out_quotes(
            state, cb, matcher_for(cb), snap, config.languages
        )
        if (repeats is not None and not form.same_again.data) or unseen:
            return publish_page(state, form, snap)
        # An epoch destroyed while this snapshot was being built must not leave a report
        # that outlives it: under the key store's lock (which destroying takes too), the
        # snapshot may only be published if every response it read is still stored.
        keyring.hold_keystore(db_session(), current_app.extensions["intake.keystore"])
        stored = set(db_session().scalars(select(StoredResponse.id)))
        if not state.aggregate.seen <= stored:
            db_session().rollback()
            flash(
                _(
                    "Some responses were removed while the report was being prepared. Please open the themes again and publish from there."
                )
            )
            return redirect(url_for("staff.data"), code=303)
        published = report_module.publish(
            db_session(), snap, title, g.staff.username, config.secret_key
        )
        audit.record(db_session(), g.staff.username, "theme report published", title)
        db_session().commit()
        session[CHOSEN_REPORT] = published.id
        flash(_("The report is published. Team viewers can now open it."))
        return redirect(url_for("staff.reports"), code=303)

    @bp.get("/reports/all")
    @role_required("facilitator", "viewer")
    def report_list(confirming: int | None = None) -> str:
        facilitator = g.staff.role == "facilitator"
        every = report_module.reports(db_session(), include_withdrawn=facilitator)
        numbers = report_module.versions(db_session())
        rows = []
        for item in every:
            try:
                cover = report_module.open_report(item, config.secret_key).get("coverage")
            except crypto.DecryptionError:
                cover = None
            rows.append({"report": item, "version": numbers[item.id], "coverage": cover})
        return render_template(
            "staff/reports_list.html",
            rows=rows,
            choose_form=ReportChoiceForm(),
            withdraw_form=WithdrawForm(),
            facilitator=facilitator,
            confirming=confirming,
        )

    @bp.post("/reports/withdraw")
    @role_required("facilitator")
    def withdraw_report() -> WerkzeugResponse | str:
        form = WithdrawForm()
        found = (
            db_session().get(ThemeReport, form.report.data) if form.validate_on_submit() else None
        )
        if found is None:
            flash(_("That report could not be withdrawn. Please try again."))
        elif found.withdrawn_at is None and form.confirm.data != "1":
            return report_list(confirming=found.id)  # asks first, on the list itself
        elif report_module.withdraw(db_session(), found, g.staff.username):
            audit.record(db_session(), g.staff.username, "theme report withdrawn", found.title)
            db_session().commit()
            if session.get(CHOSEN_REPORT) == found.id:
                session.pop(CHOSEN_REPORT)
            flash(_("The report is withdrawn. Team viewers no longer see it."))
        else:
            flash(_("That report was already withdrawn."))
        return redirect(url_for("staff.report_list"), code=303)

    def chosen_report() -> tuple[ThemeReport | None, list[ThemeReport]]:
        every = report_module.reports(db_session())
        wanted = session.get(CHOSEN_REPORT)
        chosen = next((r for r in every if r.id == wanted), every[0] if every else None)
        return chosen, every

    @bp.route("/reports", methods=["GET", "POST"])
    @role_required("facilitator", "viewer")
    def reports():  # type: ignore[no-untyped-def]
        chosen, every = chosen_report()
        form = ReportChoiceForm()
        form.report.choices = [(r.id, r.title) for r in every]
        if request.method == "POST":
            if form.validate_on_submit():
                session[CHOSEN_REPORT] = form.report.data
            return redirect(url_for("staff.reports"), code=303)
        if chosen is not None:
            form.report.data = chosen.id
        snap = None
        if chosen is not None:
            try:
                snap = report_module.open_report(chosen, config.secret_key)
            except crypto.DecryptionError:
                flash(
                    _(
                        "This report cannot be opened with the server's current secret key. It was published before the key was changed."
                    )
                )
                chosen = None
        return render_template(
            "staff/report.html", report=chosen, snap=snap, form=form, every=every
        )

    @bp.get("/reports/protection")
    @role_required("facilitator", "viewer")
    def protection():  # type: ignore[no-untyped-def]
        """How numbers are protected: the page every hidden or combined cell links to."""
        return render_template("staff/protection.html", k=threshold())

    @bp.get("/reports/csv")
    @role_required("facilitator", "viewer")
    def report_csv() -> WerkzeugResponse:
        chosen, _every = chosen_report()
        if chosen is None:
            abort(404)
        try:
            snap = report_module.open_report(chosen, config.secret_key)
        except crypto.DecryptionError:
            abort(404)
        body = report_module.to_csv(snap, str(get_locale()))
        return Response(
            "\ufeff" + body,  # a byte-order mark so spreadsheet programs read UTF-8
            mimetype="text/csv",
            headers={"Content-Disposition": 'attachment; filename="theme-report.csv"'},
        )
