"""Suggesting codes for free text: split into sentences, match the codebook's patterns.

A sentence that names a point of intervention gets that point suggested whatever else it
says: with each dimension it also expresses (``police.made_less_safe``), or, when it
expresses none, on its own (``police.unspecified``, "Police — not said how").

One compiled expression per language and kind of part (points of intervention,
dimensions, facilitators' own codes) keeps matching to a few passes over each sentence.
A sentence is matched with the patterns of the language it was written in and, because
people mix in English words ("ICE", "CPS", "911"), the English ones too.

A question that is itself about one point of intervention (a listening-session summary
``police_summary`` or a follow-up ``police_effect``) counts as mentioning it, so "they made
it worse" under the police summary suggests police — made less safe. Such an implied
point is only a first layer for dimensions: alone it suggests nothing (every sentence of the
answer would otherwise get the point-only code).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple

from .codebook import Code, Codebook, Part
from .matching import Expression, Found, WordIndex
from .spelling import Speller, speller_for
from .text import (
    UNSPACED,
    Normalised,
    VietnameseTyping,
    normalise,
    read_capitals,
    sentences,
    vietnamese_typing,
)
from .typos import Corrector, corrector_for

FALLBACK_LANGUAGE = "en"
# Raise whenever a change here would suggest different codes for the same text and codebook:
# coding sealed at submission under another revision is then worked out again at unlock.
# 19: batch o: the criminal case's own hearings kept beside an order; landmarks in passing
# 20: the review of batch o: landmarks only "across from", a teacher described still acts
# 21: "DA" and "GAL" in capitals are the district attorney and the guardian ad litem in
# every language but Vietnamese and Chinese, which read them their own way
# (``text.read_capitals``)
# 22: batch p: near spellings read as written (Hmong txiv neej, ua ntej nws; the bailiff)
# 23: ice that is frozen water is no immigration enforcement; schools "from high school";
# holds told plainly (a psych hold, a 5150; held overnight, in a cell, the drunk tank)
MATCHING_REVISION = 23  # 2: points suggested without a dimension; 3: a court word yields,
# Vietnamese pattern words match whole syllables; 4: it also yields to immigration and to
# a protection order, and a jail word yields to the sentence; 5: word senses (SENSES);
# 6: senses that keep a point from yielding (bail beside the sentence), more senses;
# 7: everyday senses (a home like a jail, a job's probation, wanting to be the police, a
# court on screen, the Arabic dash, a school in a saying, a social worker beside health care,
# everyday trials, courts, sentences, officers, venues, hospital jobs and fines)
# 8: sentence-wide senses (a small-claims, traffic or eviction case beside a court word), a
# judge's words beside custody are no sentence, more school-in-passing phrases, and English
# pattern words of one or two letters match whole words only (matching.whole_word; batch j)
# 9: a probation or parole officer is no police officer (an_officer_of_another_kind), and
# Hmong pattern words of one or two letters match whole words only ("tus da"; batch k)
# 10: a school said to have had no part ("no school involved", "学校根本不知道") is no
# school acting, a school as a venue or a place outside it ("outside the school", "school
# gym") no school either, everyday words are not the prosecution ("he pledged to", "they
# dropped it off") and taking the children somewhere ("take the kids to school", "took the
# kids and left") is no child protection; and a court named in plain words yields to the
# family court, a protection order or immigration named in the sentence before (a following
# sense, ``Sense.follows``: "I filed for a protective order. The hearing was two weeks
# later"; batch l)
# 11: a typing slip in a word naming a point is read as the word, in English and Spanish
# ("polcie", "arested", "refujio"; ``typos``, batch t)
# 12: house arrest is no arrest (sense house_arrest), a job's probation in Somali, military
# ranks are no police officers ("commanding officer", "first sergeant"; batch m)
# 13: traditional Chinese characters fold to simplified (text._fold_char, "法院給了我保護令"
# reads as "法院给了我保护令"), and Cantonese words for the points (zh-t answers)
# 14: Arabic typed in Latin letters (Arabizi, batch z): a school in passing ("3al madrase",
# "ba3d el madrase") and a plain court word ("ma7kame", "tribunal") as in Arabic script
# 15: an Arabizi article or preposition written onto the word ("elshorta", "lal7abs";
# matching.ARABIZI_PROCLITICS)
# 16: Latin letters in a Chinese pattern are a word of their own ("da说" not in "Linda说");
# a slip is read only as a word of a point's or an own code's patterns, Spanish words are
# no slips in English answers, forms read alike are one reading (review of the session)
# 17: Somali and Hmong read in the patterns' spelling (``spelling``, batch n): Somali letter
# runs folded ("bolliska", "maxkamaada", "socdalka"), Hmong tone letters and ee/oo in
# phrases of two syllables or more ("tub cev xwm", "tsev loj cug", "kws foo"), syllables run
# together taken apart ("tsevlojcuj")
# 18: Vietnamese typed without its keyboard (text.VietnameseTyping, batch n): Telex and VNI
# keys left in a word ("canhr sats", "ca3nh sa1t"), shorthand ("bv", "dc", "ko"), syllables
# of a pattern typed as one word ("canhsat", "toaan"), "DA" and "TRO" in capitals
# Word sense. A court word in a sentence that names custody, divorce, visits or the family
# court is the family court's ("went to court for the divorce", "la audiencia de
# custodia", "ra tòa ly hôn"): there the criminal court yields to it. A sentence about
# both courts loses the criminal one, which the development set shows far more rarely
# than the family court told in plain court words. The same for immigration court
# ("immigration court is in March", "移民法庭下个月开庭"): a court word beside an
# immigration word is the immigration court's, not the criminal one. And for a protection
# order ("the restraining order hearing", "fui al juzgado a pedir la orden de restricción",
# "ra tòa xin lệnh cấm tiếp xúc"): it is asked for and heard in a civil court in most
# places, so a court word beside it is that hearing. A criminal court's own no-contact
# order told in plain court words loses the criminal court (`so-d06` in eval/dev shows it).
# A jail or prison word in a sentence that names the sentence ("sentenced to two years in
# prison", "他被判了三年在监狱", "xabsiga waxaa lagu xukumay") is the sentence served,
# not jail before trial: there the pretrial point yields to sentencing (a sentence telling
# both bail and the sentence loses the bail; the development set shows it more rarely).
# A point yields only while the point it yields to has a code switched on (what was named
# must still be counted somewhere).
# Languages that read abbreviations in capitals their own way: Vietnamese
# (``text.VI_CAPITALS``), Chinese (its patterns hold "个DA"). The others read "DA" and
# "GAL" in capitals as what they stand for (``text.read_capitals``).
_OWN_CAPITALS = frozenset({"vi", "zh"})

YIELDS: dict[str, tuple[str, ...]] = {
    "criminal_court": ("civil_court_custody", "immigration", "protection_order"),
    "jail_pretrial": ("sentencing",),
}


class Sense(NamedTuple):
    """A sense in which a point's words do not name it: a word of ``point`` wholly inside
    one of ``part``'s phrases does not count, in a sentence that also names every point
    in ``with_points``. Another word of the point outside the phrases still names it."""

    point: str
    with_points: tuple[str, ...]
    part: Part  # kind SENSE, keyed by the sense's name
    # A keeping sense ("keeps": true) works the other way round: a word of ``point``
    # wholly inside one of its phrases names the point even in a sentence where it would
    # yield to another (``YIELDS``): bail told beside the later sentence.
    keeps: bool = False
    # A sentence-wide sense ("sentence": true): one of its phrases anywhere in the sentence
    # (not only around the point's word) takes the point's words out of that sentence — a
    # small-claims or eviction case told apart from its court word ("he took me to small
    # claims and I had to go to court").
    whole_sentence: bool = False
    # A following sense ("follows": true): where every word of ``point`` in a sentence lies
    # inside its phrases (a court named in plain words: "the hearing", "la corte", "法院"),
    # the point yields (``YIELDS``) to what the sentence *before* named as well, unless the
    # sentence tells the criminal case itself (``CASE_POINTS``): "I filed for a protective
    # order. The hearing was two weeks later" is the order's hearing.
    follows: bool = False


# Word senses, for every codebook (a facilitator's own too), from intake/data/
# word_senses.json. A school named only as a place or a time ("after I dropped the kids at
# school", "在学校门口接孩子", "iskuulka ka soo laabteen") is not the school acting: the
# school word inside such a phrase does not name schools, while "the teacher at school",
# "the school let him take them" still do. Witness words beside the prosecution ("the
# prosecutor asked me to be a witness", "retiraron los cargos porque no quise declarar")
# are the prosecution's request, not the criminal court: they do not name the court in a
# sentence that names the prosecution; testimony given ("testified against", "作证了") or a
# court word (trial, "ra tòa", "开庭") still does. A court of another kind ("traffic court",
# "la corte de desalojo", "محكمة المرور") is not the criminal court. A meeting held
# ("kulanka waxaa lagu qabtay") is no arrest, and a group session ("في جلسة المجموعة") no
# court hearing: facilitators' notes tell their own sessions so; a social worker of a
# hospital, clinic, shelter, school or community agency ("医院的社工") is no child
# protection. Bail ("bailed out",
# "salió bajo fianza", "được tại ngoại", "保释") is the time before trial even in a
# sentence that also tells the later sentence, as notes summing up a case in one
# sentence do: a keeping sense, so that jail_pretrial does not yield there. Everyday words
# that are not the system: a home told as a jail or prison ("that house was a prison",
# "像监狱一样"), a new job's probation period, a child who wants to be a police officer
# ("想当警察"), a court on television ("法院的电视剧"), "perdió el juicio" (lost his mind),
# the Arabic dash ("بدون شرطة أو مسافات": شرطة is also the dash), a school in a saying
# ("الغربة مدرسة", "school of hard knocks"), and a social worker in a sentence that names
# health care (the hospital's, not child protection's) name no point; nor do a free trial,
# a basketball or food court, "finish my sentences", a loan, HR or probation officer, a wedding or a
# parking lot at a church, a job at a hospital, a jail or a prison, the police on screen,
# or a traffic or parking fine. Nor (batch j) do a change of school, the survivor's own
# studies ("finish school", "community college", "كنت أدرس في الجامعة") or the baby
# dropped "at daycare"; nor a judge's words ("the judge gave him", "القاضي أعطاه") in a
# sentence that names custody, which are the family court's ruling, not a sentence; and a
# court word in a sentence that names a small-claims, traffic or eviction case anywhere
# ("took me to small claims … had to go to court": a sentence-wide sense) is not the
# criminal court.
SENSE = "sense"
_WHOLE_SENTENCE = (-1, 1 << 62)  # covers every word of a sentence
KEEP = "keep"  # (KEEP, point): a keeping sense's phrase named the point in this sentence
FOLLOW = "follow"  # (FOLLOW, point): the point was named only by a following sense's phrases
BEFORE = "before"  # (BEFORE, point): the sentence before named the point (for FOLLOW)
# Points that tell the criminal case itself: a sentence naming one keeps its plain court word.
CASE_POINTS = frozenset({"arrest", "jail_pretrial", "prosecution", "sentencing"})
_YIELDED_TO = frozenset(other for others in YIELDS.values() for other in others)
SENSES_FILE = Path(__file__).resolve().parent.parent / "data" / "word_senses.json"


def _load_senses() -> dict[str, Sense]:
    raw = json.loads(SENSES_FILE.read_text(encoding="utf-8"))
    return {
        name: Sense(
            str(item["point"]),
            tuple(str(p) for p in item["with"]),
            Part(name, SENSE, {}, {lang: tuple(ph) for lang, ph in item["phrases"].items()}),
            bool(item.get("keeps", False)),
            bool(item.get("sentence", False)),
            bool(item.get("follows", False)),
        )
        for name, item in raw.items()
        if not name.startswith("_")
    }


SENSES: dict[str, Sense] = _load_senses()
_QUESTION_SUFFIXES = ("_summary", "_effect")
_KNOWN_COMBINATIONS = 4096  # sentences' part combinations remembered per matcher


class Excerpt(NamedTuple):
    """One sentence of an answer, with the codes suggested for it. (A named tuple: one
    is made for every sentence of every answer at each unlock, so it must be cheap.)"""

    index: int  # position of the sentence in the answer: stable for the same text
    start: int
    end: int
    codes: tuple[str, ...]
    highlights: tuple[tuple[int, int], ...]  # spans in the answer that matched


class Matcher:
    def __init__(self, codebook: Codebook) -> None:
        self.codebook = codebook
        self.codes: list[Code] = codebook.codes()
        self._by_pair: dict[tuple[str, str], str] = {}
        self._point_only: dict[str, str] = {}
        self._custom: dict[str, str] = {}
        for code in self.codes:
            if code.intervention is None:
                self._custom[code.parts[0].key] = code.key
            elif code.dimension is None:
                self._point_only[code.intervention] = code.key
            else:
                self._by_pair[(code.intervention, code.dimension)] = code.key
        self._points_on = {c.intervention for c in self.codes if c.intervention is not None}
        self._point_of_code = {c.key: c.intervention for c in self.codes if c.intervention}
        self._finders: dict[str, list[Expression | WordIndex]] = {}
        # Senses of points this codebook has (none for the pattern counter's pseudo-codes),
        # but those a facilitator switched off on the codebook page.
        self._senses = [
            s.part
            for name, s in SENSES.items()
            if s.point in codebook.interventions and name not in codebook.senses_off
        ]
        # (SENSE, name) of each sense in use: a sentence matched one if it shares a pair.
        self._sense_pairs = frozenset((part.kind, part.key) for part in self._senses)
        self._known: dict[tuple[frozenset[tuple[str, str]], str | None], tuple[str, ...]] = {}
        self._carried: dict[tuple[str, ...], tuple[tuple[str, str], ...]] = {}
        self._correctors: dict[str, Corrector | VietnameseTyping | None] = {}
        self._spellers: dict[str, Speller | None] = {}

    def _for(self, language: str) -> list[Expression | WordIndex]:
        """One pass per sentence: the language's patterns and English ones, indexed together."""
        if language not in self._finders:
            parts = self.codebook.parts()
            senses = self._senses
            if language in UNSPACED:
                # Chinese matches without overlap: the senses' phrases get their own pass,
                # so that they cover the point's words rather than hide them.
                finders = [Expression(parts, language)]
                if senses:
                    finders.append(Expression(senses, language))
                finders.append(WordIndex([*parts, *senses], [FALLBACK_LANGUAGE]))
                self._finders[language] = finders
            else:
                self._finders[language] = [
                    WordIndex([*parts, *senses], {language, FALLBACK_LANGUAGE})
                ]
        return self._finders[language]

    def corrector(self, language: str) -> Corrector | VietnameseTyping | None:
        """What reads ``language``'s answers as its patterns spell them before they are
        matched: typing slips in English and Spanish (``typos``), Vietnamese typed without its
        keyboard (``text.VietnameseTyping``); ``None`` for the other languages."""
        if language not in self._correctors:
            corrector = None
            (index, *_) = self._for(language)
            if language == "vi":  # Telex and VNI keys, shorthand, joined syllables
                corrector = vietnamese_typing(self.codebook.parts(), self._senses)
            elif isinstance(index, WordIndex):  # not Chinese, whose patterns are characters
                corrector = corrector_for(language, index)
            self._correctors[language] = corrector
        return self._correctors[language]

    def speller(self, language: str) -> Speller | None:
        """What reads Somali and Hmong words in the patterns' spelling (``spelling``)."""
        if language not in self._spellers:
            parts = [*self.codebook.parts(), *self._senses]
            self._spellers[language] = speller_for(language, parts)
        return self._spellers[language]

    def read(self, text: str, language: str) -> Normalised:
        """``text`` normalised and read as ``language``'s patterns spell it (typing slips,
        Vietnamese keyboard leftovers, Somali and Hmong spellings), positions leading back
        to what was written: what every finder of this codebook looks at (coding here, the
        pattern counts in ``pattern_use``)."""
        normal = normalise(text)
        if language not in _OWN_CAPITALS:
            normal = read_capitals(normal, text, language)
        corrector = self.corrector(language)
        if corrector is not None:
            normal = corrector.correct(normal, text)
        speller = self.speller(language)
        if speller is not None:
            normal = speller.correct(normal, text)
        return normal

    def excerpts(self, text: str, language: str, question_key: str = "") -> list[Excerpt]:
        """Every sentence of ``text`` with its suggested codes (possibly none).

        Run at every submission (a budget of 1 ms per response), so kept flat."""
        implied = _implied_intervention(question_key, self.codebook)
        normal = self.read(text, language)
        found_at = [found for finder in self._for(language) for found in finder.spans(normal.text)]
        if normal.origin.__class__ is not range:  # range: positions are one for one
            span = normal.span
            found_at = [(*span(a, b), parts) for a, b, parts in found_at]
        found_at.sort(key=_START)  # the order within a sentence does not matter: sets
        excerpts = []
        position = 0
        count = len(found_at)
        before: tuple[tuple[str, str], ...] = ()  # (BEFORE, point): the sentence before's
        for index, (start, end) in enumerate(sentences(text)):
            while position < count and found_at[position][0] < start:
                position += 1  # between sentences: matches nothing
            if position == count or found_at[position][0] >= end:
                # Nothing matched in this sentence, so no code (an implied point of
                # intervention needs a dimension beside it): most sentences end here.
                excerpts.append(_new_tuple(Excerpt, (index, start, end, (), ())))
                before = ()
                continue
            matched: set[tuple[str, str]] = set()
            spans: set[tuple[int, int]] = set()
            first = position
            while position < count and found_at[position][0] < end:
                a, b, parts = found_at[position]
                position += 1
                matched.update(parts)
                spans.add((a, b if b < end else end))
            follows = False
            if not self._sense_pairs.isdisjoint(matched):
                matched, spans = _apply_senses(found_at[first:position], matched, end)
                follows = any(kind == FOLLOW for kind, _key in matched)
                if follows and before:
                    matched.update(before)
            codes = self._codes_of(frozenset(matched), implied)
            excerpts.append(_new_tuple(Excerpt, (index, start, end, codes, tuple(sorted(spans)))))
            if follows:
                before = self._before_next(codes, matched, before)
            else:
                # What the sentence hands on depends on its codes alone: worked out once.
                carried = self._carried.get(codes)
                if carried is None:
                    if len(self._carried) >= _KNOWN_COMBINATIONS:
                        self._carried.clear()
                    carried = self._carried[codes] = self._before_next(codes, None, ())
                before = carried
        return excerpts

    def _before_next(
        self,
        codes: tuple[str, ...],
        matched: set[tuple[str, str]] | None,
        before: tuple[tuple[str, str], ...],
    ) -> tuple[tuple[str, str], ...]:
        """What a sentence hands to the next for a following sense: the points it named that
        another may yield to, and, when its own plain court word yielded to the sentence
        before, that sentence's points again ("I filed for divorce. The hearing was in May.
        At court he lied."); nothing after a sentence that tells the criminal case ("He was
        arrested and I got an emergency order. Court is in May.")."""
        point_of = self._point_of_code
        named = {point_of.get(code) for code in codes}
        if not named.isdisjoint(CASE_POINTS):
            return ()  # the criminal case told: its court is the criminal one
        carried = tuple(sorted((BEFORE, p) for p in named if p in _YIELDED_TO))
        if matched is not None and before:
            for kind, point in matched:
                if kind == FOLLOW and point not in named:
                    return tuple(sorted({*carried, *before}))
        return carried

    def _codes_of(
        self, matched: frozenset[tuple[str, str]], implied: str | None
    ) -> tuple[str, ...]:
        """The sorted codes for a sentence whose words matched these parts. Remembered: a
        few combinations of parts make up most sentences (the key holds part keys only,
        never words of the text)."""
        known = self._known.get((matched, implied))
        if known is None:
            points: set[str] = set()
            dims: set[str] = set()
            own: set[str] = set()
            keeps: set[str] = set()
            follows: set[str] = set()
            before: set[str] = set()
            for kind, key in matched:
                if kind == "intervention":
                    points.add(key)
                elif kind == "dimension":
                    dims.add(key)
                elif kind == KEEP:
                    keeps.add(key)
                elif kind == FOLLOW:
                    follows.add(key)
                elif kind == BEFORE:
                    before.add(key)
                else:
                    own.add(key)
            known = tuple(sorted(self._codes(points, dims, own, implied, keeps, follows, before)))
            if len(self._known) >= _KNOWN_COMBINATIONS:
                self._known.clear()
            self._known[(matched, implied)] = known
        return known

    def _codes(
        self,
        named: set[str],
        dims: set[str],
        own: set[str],
        implied: str | None,
        keeps: set[str] | frozenset[str] = frozenset(),
        follows: set[str] | frozenset[str] = frozenset(),
        before: set[str] | frozenset[str] = frozenset(),
    ) -> set[str]:
        """The codes for one sentence's matched parts: each point with each dimension; a
        point named with no (switched-on) dimension code on its own. A point in ``keeps``
        (a keeping sense's phrase named it) does not yield; a point in ``follows`` (named
        only by a following sense's phrases) also yields to the points in ``before`` (named
        by the sentence before), unless the sentence names a point of ``CASE_POINTS``."""
        pairs = self._by_pair
        codes: set[str] = set()
        across = before if follows and not named & CASE_POINTS else frozenset()
        for point in named:
            yields_to = YIELDS.get(point)
            if (
                yields_to is not None
                and point not in keeps
                and any(
                    (other in named or (point in follows and other in across))
                    and other in self._points_on
                    for other in yields_to
                )
            ):
                continue
            with_dimension = False
            for dim in dims:
                code = pairs.get((point, dim))
                if code is not None:
                    codes.add(code)
                    with_dimension = True
            if not with_dimension:
                alone = self._point_only.get(point)
                if alone is not None:
                    codes.add(alone)
        if implied is not None and implied not in named:
            for dim in dims:
                code = pairs.get((implied, dim))
                if code is not None:
                    codes.add(code)
        for key in own:
            code = self._custom.get(key)
            if code is not None:
                codes.add(code)
        return codes


def _apply_senses(
    found: list[Found], matched: set[tuple[str, str]], end: int
) -> tuple[set[tuple[str, str]], set[tuple[int, int]]]:
    """One sentence's parts and highlights once its word senses are applied (``SENSES``):
    a point's word wholly inside a sense's phrase drops out when the sentence names every
    point the sense goes with; inside a keeping sense's phrase it is marked (KEEP, point)
    instead, so that the point does not yield; the phrases themselves are never codes."""
    named = {key for kind, key in matched if kind == "intervention"}
    covers: dict[str, list[tuple[int, int]]] = {}
    keeping: dict[str, list[tuple[int, int]]] = {}
    plain: dict[str, list[tuple[int, int]]] = {}
    for a, b, parts in found:
        for kind, key in parts:
            if kind == SENSE:
                sense = SENSES[key]
                if all(p in named for p in sense.with_points):
                    into = plain if sense.follows else keeping if sense.keeps else covers
                    into.setdefault(sense.point, []).append(
                        _WHOLE_SENTENCE if sense.whole_sentence else (a, b)
                    )
    kept: set[tuple[str, str]] = set()
    spans: set[tuple[int, int]] = set()
    alone: dict[str, bool] = {}  # a following sense's point: every word of it inside a phrase
    for a, b, parts in found:
        here = [
            (kind, key)
            for kind, key in parts
            if kind != SENSE
            and not (
                kind == "intervention" and any(c <= a and b <= d for c, d in covers.get(key, ()))
            )
        ]
        if here:
            kept.update(here)
            spans.add((a, b if b < end else end))
            for kind, key in here:
                if kind == "intervention" and any(
                    c <= a and b <= d for c, d in keeping.get(key, ())
                ):
                    kept.add((KEEP, key))
                if kind == "intervention" and key in plain:
                    inside = any(c <= a and b <= d for c, d in plain[key])
                    alone[key] = alone.get(key, True) and inside
    kept.update((FOLLOW, key) for key, only in alone.items() if only)
    return kept, spans


# Compact, JSON-ready form of one answer's excerpts, for the sealed analysis record: a
# sentence without codes is [start, end]; with codes, [start, end, codes, highlights].
ExcerptData = list[list[Any]]


def excerpts_to_data(excerpts: Iterable[Excerpt]) -> ExcerptData:
    return [
        [e.start, e.end, list(e.codes), [list(span) for span in e.highlights]]
        if e.codes or e.highlights
        else [e.start, e.end]
        for e in excerpts
    ]


_START = itemgetter(0)
_new_tuple = tuple.__new__  # builds a named tuple without its Python-level __new__


def excerpts_from_data(data: Any) -> list[Excerpt]:
    """The excerpts back from ``excerpts_to_data``; ``ValueError`` if the shape is wrong:
    exactly the lists, ints and strings ``excerpts_to_data`` writes, nothing else.

    Run for every stored answer at each unlock (about 260,000 at 100,000 responses), so
    written flat: most sentences carry no code and take the first branch.
    """
    if data.__class__ is not list:
        raise ValueError("excerpts must be a list")
    out: list[Excerpt] = []
    append = out.append
    for index, item in enumerate(data):
        if item.__class__ is not list:
            raise ValueError("malformed excerpt")
        size = len(item)
        if size == 2:
            start, end = item
            codes: tuple[str, ...] = ()
            spans: tuple[tuple[int, int], ...] = ()
        elif size == 4:
            start, end, code_list, span_list = item
            if code_list.__class__ is not list or span_list.__class__ is not list:
                raise ValueError("malformed excerpt")
            codes = tuple(code_list)
            for code in codes:
                if code.__class__ is not str:
                    raise ValueError("malformed excerpt")
            pairs = []
            for span in span_list:
                if span.__class__ is not list or len(span) != 2:
                    raise ValueError("malformed excerpt")
                a, b = span
                if a.__class__ is not int or b.__class__ is not int:
                    raise ValueError("malformed excerpt")
                pairs.append((a, b))
            spans = tuple(pairs)
        else:
            raise ValueError("malformed excerpt")
        if start.__class__ is not int or end.__class__ is not int:
            raise ValueError("malformed excerpt")
        append(_new_tuple(Excerpt, (index, start, end, codes, spans)))
    return out


def fingerprint_of(codebook: Codebook) -> str:
    """What sealed coding must have been made with to be reused: codebook and matcher."""
    return f"{MATCHING_REVISION}.{codebook.fingerprint}"


_MATCHERS: dict[str, tuple[Codebook, Matcher]] = {}


def matcher_for(codebook: Codebook) -> Matcher:
    """One matcher per codebook per process (building one indexes ~2,000 patterns)."""
    key = fingerprint_of(codebook)
    cached = _MATCHERS.get(key)
    if cached is None:
        cached = (codebook, Matcher(codebook))
        if len(_MATCHERS) >= 2:  # the current codebook and perhaps the one before
            _MATCHERS.pop(next(iter(_MATCHERS)), None)
        _MATCHERS[key] = cached
    return cached[1]


def _implied_intervention(question_key: str, codebook: Codebook) -> str | None:
    for suffix in _QUESTION_SUFFIXES:
        if question_key.endswith(suffix):
            point = question_key[: -len(suffix)]
            if point in codebook.interventions:
                return point
    return None
