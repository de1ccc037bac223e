"""HTTP load on loopback: timed submissions and whole respondent journeys.

Clients are threads with their own cookie jars (one per respondent), like phones. Latency is
measured per request from the client's side; throughput is completed requests (or journeys)
over the wall time of the timed phase.
"""

from __future__ import annotations

import http.cookiejar
import random
import re
import statistics
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser

CSRF = re.compile(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"')
ANSWER_TEXT = "Nadie me creyó al principio y la policía tardó mucho en venir."
BASELINE_FORM = {f"f{i}": ANSWER_TEXT if i % 4 == 0 else f"option_{i % 5}" for i in range(20)}


class _Inputs(HTMLParser):
    """The answers a respondent would give on one page: first option, some text."""

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        name = a.get("name", "")
        if not name or name in ("csrf_token", "action", "leave_this_empty"):
            return
        kind = a.get("type", "text")
        if tag == "textarea":
            self.values.setdefault(name, [ANSWER_TEXT])
        elif tag == "input" and kind in ("radio", "checkbox"):
            self.values.setdefault(name, [a.get("value", "")])
        elif tag == "input" and kind == "number":
            self.values.setdefault(name, ["3"])


def _opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )


@dataclass
class Journey:
    """One respondent on the real app, walked step by step."""

    url: str
    opener: urllib.request.OpenerDirector
    page: str = ""
    requests: int = 0

    def get(self) -> None:
        self.page = self.opener.open(self.url, timeout=30).read().decode()
        self.requests += 1

    def post(self, action: str, answer: bool = True) -> None:
        token = CSRF.search(self.page)
        assert token, self.page[-500:]
        fields: dict[str, list[str]] = {"csrf_token": [token.group(1)], "action": [action]}
        if answer:
            parser = _Inputs()
            parser.feed(self.page)
            fields |= parser.values
        body = urllib.parse.urlencode(fields, doseq=True).encode()
        self.page = (
            self.opener.open(urllib.request.Request(self.url, data=body), timeout=30)
            .read()
            .decode()
        )
        self.requests += 1

    def to_review(self) -> None:
        self.get()
        self.post("start", answer=False)
        self.post("consent", answer=False)
        for _ in range(15):
            if 'value="submit"' in self.page:
                return
            self.post("next")
        raise AssertionError("never reached the review page")

    def submit(self) -> None:
        self.post("submit", answer=False)
        assert "<h1>" in self.page, self.page[-300:]
        assert 'value="submit"' not in self.page, self.page[-300:]


@dataclass
class Result:
    per_second: float
    p50_ms: float
    p95_ms: float
    count: int


def _percentile(values: list[float], q: float) -> float:
    return (
        statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]
        if len(values) > 1
        else values[0]
    )


def _run(clients: int, work) -> tuple[float, list[float]]:  # type: ignore[no-untyped-def]
    latencies: list[float] = []
    lock = threading.Lock()
    errors: list[BaseException] = []
    start_line = threading.Barrier(clients + 1)

    def client(number: int) -> None:
        mine: list[float] = []
        try:
            start_line.wait()
            work(number, mine)
        except BaseException as exc:
            errors.append(exc)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    start_line.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    if errors:
        raise errors[0]
    return elapsed, latencies


def real_submissions(base: str, code: str, clients: int, per_client: int) -> Result:
    """Each client first walks ``per_client`` respondents to the review page (not timed),
    then submits them one after another: the timed part is the submission itself, which
    seals every answer and stores the response."""
    prepared: list[list[Journey]] = []
    for _ in range(clients):
        batch = []
        for _ in range(per_client):
            journey = Journey(f"{base}/s/{code}", _opener())
            journey.to_review()
            batch.append(journey)
        prepared.append(batch)

    def work(number: int, mine: list[float]) -> None:
        for journey in prepared[number]:
            t0 = time.perf_counter()
            journey.submit()
            mine.append(time.perf_counter() - t0)

    elapsed, latencies = _run(clients, work)
    return _result(elapsed, latencies)


def baseline_submissions(base: str, clients: int, per_client: int) -> Result:
    body = urllib.parse.urlencode(BASELINE_FORM).encode()

    def work(_number: int, mine: list[float]) -> None:
        opener = _opener()
        for _ in range(per_client):
            t0 = time.perf_counter()
            page = opener.open(
                urllib.request.Request(f"{base}/submit", data=body), timeout=30
            ).read()
            assert b"Thank you" in page
            mine.append(time.perf_counter() - t0)

    elapsed, latencies = _run(clients, work)
    return _result(elapsed, latencies)


def _paced(rate: float, count: int, slots: int, send) -> Result:  # type: ignore[no-untyped-def]
    """Open-loop load: ``count`` requests arriving at ``rate`` per second on average
    (exponential gaps, fixed seed), served by up to ``slots`` concurrent clients. Latency
    runs from the moment a request was due, so time spent waiting for a free client
    counts too (no coordinated omission)."""
    rnd = random.Random(1)
    due, moment = [], 0.0
    for _ in range(count):
        moment += rnd.expovariate(rate)
        due.append(moment)
    lock = threading.Lock()
    upcoming = iter(range(count))

    origin: list[float] = []  # the clock starts when every client is at the start line

    def work(_number: int, mine: list[float]) -> None:
        with lock:
            if not origin:
                origin.append(time.perf_counter())
        began = origin[0]
        while True:
            with lock:
                index = next(upcoming, None)
            if index is None:
                return
            wait = began + due[index] - time.perf_counter()
            if wait > 0:
                time.sleep(wait)
            send(index)
            mine.append(time.perf_counter() - (began + due[index]))

    elapsed, latencies = _run(slots, work)
    return _result(elapsed, latencies)


def paced_real_submissions(base: str, code: str, rate: float, seconds: float) -> Result:
    """Submissions (final POST + thank-you page) arriving at a steady ``rate``; every
    respondent was walked to the review page beforehand, untimed."""
    journeys = [Journey(f"{base}/s/{code}", _opener()) for _ in range(int(rate * seconds))]
    with ThreadPoolExecutor(8) as walkers:
        list(walkers.map(Journey.to_review, journeys))
    return _paced(rate, len(journeys), 32, lambda index: journeys[index].submit())


def paced_baseline_submissions(base: str, rate: float, seconds: float) -> Result:
    body = urllib.parse.urlencode(BASELINE_FORM).encode()

    def send(_index: int) -> None:
        page = _opener().open(urllib.request.Request(f"{base}/submit", data=body), timeout=30)
        assert b"Thank you" in page.read()

    return _paced(rate, int(rate * seconds), 32, send)


def real_journeys(base: str, code: str, clients: int, per_client: int) -> tuple[float, float]:
    """Whole respondent journeys per second (every page GET and POST), and requests each."""
    requests: list[int] = []

    def work(_number: int, mine: list[float]) -> None:
        for _ in range(per_client):
            t0 = time.perf_counter()
            journey = Journey(f"{base}/s/{code}", _opener())
            journey.to_review()
            journey.submit()
            mine.append(time.perf_counter() - t0)
            requests.append(journey.requests)

    elapsed, latencies = _run(clients, work)
    return len(latencies) / elapsed, statistics.mean(requests)


def baseline_journeys(base: str, clients: int, per_client: int) -> float:
    body = urllib.parse.urlencode(BASELINE_FORM).encode()

    def work(_number: int, mine: list[float]) -> None:
        opener = _opener()
        for _ in range(per_client):
            t0 = time.perf_counter()
            opener.open(f"{base}/form", timeout=30).read()
            opener.open(urllib.request.Request(f"{base}/submit", data=body), timeout=30).read()
            mine.append(time.perf_counter() - t0)

    elapsed, latencies = _run(clients, work)
    return len(latencies) / elapsed


def _result(elapsed: float, latencies: list[float]) -> Result:
    return Result(
        per_second=len(latencies) / elapsed,
        p50_ms=1000 * statistics.median(latencies),
        p95_ms=1000 * _percentile(latencies, 95),
        count=len(latencies),
    )
