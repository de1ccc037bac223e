"""Shared connections are never blocked; scripts are slowed. No address is kept."""

from __future__ import annotations

import itertools
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from http.cookiejar import CookieJar
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from intake import db
from intake.app import create_app
from intake.config import Config
from intake.models import Draft, Response
from intake.ratelimit import (
    DraftStartLimiter,
    PhraseAttemptLimiter,
    TokenBucket,
    minutes_to_wait,
    too_fast,
)

from .conftest import (
    CSRF_RE,
    H1_RE,
    MovableClock,
    Respondent,
    form_values,
    make_config,
    prepare_database,
    public_code,
)

SHELTER = "203.0.113.7"  # one address for everyone in the building


def responses(session: Session) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(Response)) or 0


# -- the buckets ---------------------------------------------------------------------------
def test_a_bucket_allows_its_burst_then_its_rate_and_says_how_long_to_wait() -> None:
    bucket = TokenBucket(capacity=3, per_minute=6)  # one token every ten seconds
    assert [bucket.take(SHELTER, now=0.0)[0] for _ in range(3)] == [0.0, 0.0, 0.0]
    wait, _fill = bucket.take(SHELTER, now=0.0)
    assert wait == pytest.approx(10.0)
    assert bucket.take(SHELTER, now=5.0)[0] == pytest.approx(5.0)
    assert bucket.take(SHELTER, now=10.0)[0] == 0.0
    # Another connection has its own bucket.
    assert bucket.take("198.51.100.1", now=10.0)[0] == 0.0


def test_no_address_is_kept_even_hashed_beyond_the_hourly_salt() -> None:
    bucket = TokenBucket(capacity=3, per_minute=6)
    bucket.take(SHELTER, now=0.0)
    kept = repr(vars(bucket)).encode() + b"".join(bucket._buckets)
    assert SHELTER.encode() not in kept
    first_salt = bucket._salt
    # An hour later the salt is new and the old buckets are gone: nothing links to the address.
    bucket.take(SHELTER, now=3601.0)
    assert bucket._salt != first_salt
    assert len(bucket._buckets) == 1


def test_a_script_starting_drafts_as_fast_as_it_can_is_slowed_then_refused() -> None:
    limiter = DraftStartLimiter(burst=60, per_minute=6, base_pause=0.05, max_pause=1.0)
    # Given a script starting a draft every 50 ms for ten seconds
    admissions = [limiter.admit(SHELTER, now=i * 0.05) for i in range(200)]
    allowed = [a for a in admissions if a.allowed]
    refused = [a for a in admissions if not a.allowed]
    # Then it got the burst (and the second's worth of refill), no more
    assert 60 <= len(allowed) <= 62
    # and paid more for each draft as it went: nothing to notice while the bucket is a
    # quarter full or more, then up to a second
    pauses = [a.pause_seconds for a in allowed]
    assert pauses[:45] == [pytest.approx(0.05)] * 45
    assert all(later >= earlier - 1e-9 for earlier, later in itertools.pairwise(pauses))
    assert max(pauses) > 0.9
    # and every refusal says how long to wait, in minutes
    assert all(a.wait_seconds > 0 and a.wait_minutes >= 1 for a in refused)
    # while a respondent elsewhere starts at once, with nothing to notice
    elsewhere = limiter.admit("198.51.100.1", now=10.0)
    assert elsewhere.allowed
    assert elsewhere.pause_seconds == pytest.approx(0.05)


def test_forty_people_starting_together_on_one_connection_notice_nothing() -> None:
    limiter = DraftStartLimiter(burst=60, per_minute=6, base_pause=0.05, max_pause=1.0)
    # A listening session: forty people start within two minutes, twenty of them twice
    admissions = [limiter.admit(SHELTER, now=i * 2.0) for i in range(60)]
    assert all(a.allowed for a in admissions)
    assert max(a.pause_seconds for a in admissions) < 0.3


def test_phrase_attempts_are_bounded_per_connection_and_overall() -> None:
    limiter = PhraseAttemptLimiter(
        per_client_burst=3, per_client_per_minute=1, overall_per_minute=5
    )
    assert [limiter.attempt(SHELTER, now=0.0) for _ in range(3)] == [0.0, 0.0, 0.0]
    assert limiter.attempt(SHELTER, now=0.0) == pytest.approx(60.0)
    # A right phrase gives its token back: honest people on one wifi are not used up.
    limiter.succeeded(SHELTER, now=0.0)
    assert limiter.attempt(SHELTER, now=0.0) == 0.0
    # Overall: many addresses together cannot make the server run Argon2id without end.
    others = [limiter.attempt(f"198.51.100.{i}", now=1.0) for i in range(10)]
    assert others.count(0.0) == 2  # five a minute overall; three are in use (one came back)
    assert all(wait > 0 for wait in others[2:])


def test_new_phrases_share_the_overall_bound_only() -> None:
    limiter = PhraseAttemptLimiter(
        per_client_burst=3, per_client_per_minute=1, overall_per_minute=5
    )
    assert [limiter.new_phrase(now=0.0) for _ in range(5)] == [0.0] * 5
    assert limiter.new_phrase(now=0.0) == pytest.approx(12.0)
    # Guessing from a connection that made phrases is refused by the overall bound only.
    assert limiter.attempt(SHELTER, now=0.0) > 0
    assert limiter.attempt(SHELTER, now=12.0) == 0.0


def test_time_per_draft() -> None:
    assert too_fast(None, 10) == 0.0  # a draft begun before the rule is never held
    assert too_fast(3.0, 10) == pytest.approx(7.0)
    assert too_fast(12.0, 10) == 0.0
    assert minutes_to_wait(7.0) == 1
    assert minutes_to_wait(61.0) == 2


# -- through the app -----------------------------------------------------------------------
@pytest.fixture
def config(tmp_path: Path, database_url: str) -> Config:
    # The production default for time per draft, not the suite's zero.
    return make_config(tmp_path, database_url=database_url, minimum_seconds_per_draft=10)


def test_sending_sooner_than_anyone_could_read_is_held_not_lost(
    respondent: Respondent, session: Session, moving_clock: MovableClock
) -> None:
    respondent.start()
    respondent.next_until_review({"anything_else": "still here"})
    respondent.post("submit")
    assert respondent.status == 429
    assert "Your answers are kept. Please wait 1 minute, then press Send again." in (
        respondent.page
    )
    assert "still here" in respondent.page
    assert responses(session) == 0
    moving_clock.advance(seconds=11)
    respondent.post("submit")
    assert respondent.heading == "Thank you"
    assert responses(session) == 1


def test_forty_respondents_from_one_address_in_an_hour_are_all_accepted(
    app: Flask, session: Session, moving_clock: MovableClock
) -> None:
    code = public_code(app)
    people = [Respondent(app.test_client(), code) for _ in range(40)]
    # Given forty people at one shelter, five at a time over an hour (simulated clock)
    for group in range(8):
        table = people[group * 5 : group * 5 + 5]
        for person in table:
            person.client.environ_base["REMOTE_ADDR"] = SHELTER
            person.start()
            person.post("next", {"preferred_language": "english"})
        moving_clock.advance(minutes=7)
        # when each answers and sends
        for person in table:
            person.next_until_review({"anything_else": "from the shelter"})
            person.post("submit")
            assert person.heading == "Thank you", person.page
    # Then all forty are kept
    assert responses(session) == 40


def test_a_script_on_the_same_connection_loses_no_one_their_answers(
    app: Flask, session: Session, moving_clock: MovableClock
) -> None:
    code = public_code(app)
    # Given a respondent halfway through, at a shelter
    person = Respondent(app.test_client(), code)
    person.client.environ_base["REMOTE_ADDR"] = SHELTER
    person.start()
    person.post("next", {"preferred_language": "english"})
    # and a script starting drafts from the same address as fast as it can
    app.extensions["intake.draft_limiter"] = DraftStartLimiter(burst=5, per_minute=1)
    statuses = []
    for _ in range(8):
        script = Respondent(app.test_client(), code)  # a fresh cookie each time
        script.client.environ_base["REMOTE_ADDR"] = SHELTER
        script.open()
        script.post("start")
        script.post("consent", follow=False)
        statuses.append(script.status)
    assert statuses[:5] == [303] * 5
    assert set(statuses[5:]) == {429}
    assert re.search(r"Please wait \d+ minutes? and try again", script.page)
    # Then her draft is untouched and she sends it
    moving_clock.advance(minutes=5)
    person.open()
    person.next_until_review({"anything_else": "not lost"})
    person.post("submit")
    assert person.heading == "Thank you"
    assert responses(session) == 1
    session.expire_all()
    assert session.scalar(select(func.count()).select_from(Draft)) == 5  # the script's


# -- against the running server ------------------------------------------------------------
class Browserless:
    """One person with a cookie jar, talking HTTP to the real server."""

    def __init__(self, base: str, code: str) -> None:
        self.url = f"{base}/s/{code}"
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        self.page = ""
        self.status = 0

    def _fetch(self, request: urllib.request.Request) -> None:
        try:
            with self.opener.open(request, timeout=30) as answer:
                self.status, self.page = answer.status, answer.read().decode()
        except urllib.error.HTTPError as error:
            self.status, self.page = error.code, error.read().decode()

    def open(self) -> None:
        self._fetch(urllib.request.Request(self.url))

    def post(self, action: str, data: dict[str, str] | None = None) -> None:
        token = CSRF_RE.search(self.page)
        assert token, self.page
        fields = [(k, v) for k, vs in form_values(self.page).items() for v in vs]
        fields += [("csrf_token", token.group(1)), ("action", action), *(data or {}).items()]
        body = urllib.parse.urlencode(fields).encode()
        self._fetch(urllib.request.Request(self.url, data=body, method="POST"))

    @property
    def heading(self) -> str:
        match = H1_RE.search(self.page)
        return match.group(1).strip() if match else ""


@pytest.fixture
def running_server(config: Config) -> Iterator[tuple[str, Flask]]:
    """The real app on a real loopback HTTP server; every request comes from 127.0.0.1."""
    import threading

    from werkzeug.serving import make_server

    from intake.logs import QuietRequestHandler

    served = create_app(config.with_overrides(secure_cookies=False))
    prepare_database(served)
    server = make_server("127.0.0.1", 0, served, threaded=True, request_handler=QuietRequestHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", served
    server.shutdown()
    thread.join(timeout=5)
    server.server_close()
    db.get_database(served).dispose()


def test_the_running_server_accepts_forty_from_one_address_and_slows_a_script(
    running_server: tuple[str, Flask], moving_clock: MovableClock
) -> None:
    base, served = running_server
    code = public_code(served)
    began = time.monotonic()  # the limiter's own (real) clock refills as the test runs
    # Forty respondents, one address (127.0.0.1), within the hour
    people = [Browserless(base, code) for _ in range(40)]
    for person in people:
        person.open()
        person.post("start")
        person.post("consent")
        assert "Part 1 of" in person.page, person.page
        moving_clock.advance(minutes=1)
    for person in people:
        for _ in range(10):
            if 'value="submit"' in person.page:
                break
            person.post("next")
            assert person.status == 200
        person.post("submit")
        assert person.heading == "Thank you", person.page
    session = db.get_database(served).session()
    assert responses(session) == 40
    # A script from the same address, starting drafts as fast as it can: it gets the rest
    # of the burst, then a page saying how long to wait; never an error.
    statuses, refusals = [], []
    for _ in range(30):
        script = Browserless(base, code)
        script.open()
        script.post("start")
        script.post("consent")
        statuses.append(script.status)
        if script.status == 429:
            refusals.append(script.page)
    assert set(statuses) <= {200, 429}
    # 60 in the burst, 40 used by the people above, plus six a minute refilled meanwhile
    refilled = (time.monotonic() - began) / 60 * 6
    assert 20 <= statuses.count(200) <= 20 + refilled + 1
    assert refusals
    assert all(re.search(r"Please wait \d+ minutes? and try again", page) for page in refusals)
    assert responses(session) == 40
    session.close()
