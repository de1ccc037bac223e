"""The CCR team's pages at 25, 400 and 2,000 responses: time per step, after the unlock.

    python -m bench.team_pages               # every size in BENCH_TEAM (default 25 400 2000)
    python -m bench.team_pages measure DIR   # one prepared instance, one process (JSON)

    BENCH_TEAM_BASELINE=/path/to/other/checkout python -m bench.team_pages
        # the same steps on another checkout of the app too (say, before a change),
        # interleaved run by run with this one, so both see the same machine load

Each size is sealed once into bench/.data/ (through the real sealing path, as the themes
benchmark does) and copied afresh for every run, so a publish in one run is never compared
with the report of another. A run signs in as the facilitator and times, through the app
(in-process WSGI: the server's own time, no network), each step a facilitator takes:

- *unlock*: the passphrase, then the first dashboard (every response read and the protected
  snapshot built: the one slow page of an unlock);
- *dashboard*, *points*, *review*, *publish page*: each page again with nothing changed
  (median of several requests);
- *decision*: one coding decision saved in the review queue (the POST and the queue page
  it returns to);
- *after a decision*: then the dashboard (the snapshot rebuilt: what the first page after
  any change costs);
- *publish*: the whole POST that stores a report (checks, encryption, commit).

The targets (issue 19): every page ≤ 0.5 s after the first unlock, publishing ≤ 2 s.
``record`` writes the figures into docs/benchmarks.md between its own markers, below the
notes that ``bench.run`` keeps, so either can run without losing the other's section.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from intake.analysis.coding import MATCHING_REVISION

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / ".data"
SIZES = [int(n) for n in os.environ.get("BENCH_TEAM", "25 400 2000").split()]
REPEATS = int(os.environ.get("BENCH_TEAM_REPEATS", "5"))
RUNS = int(os.environ.get("BENCH_TEAM_RUNS", "3"))
DATA_REVISION = 2  # as bench.run: raise when what ``themes_bench.prepare`` stores changes
TOKEN = re.compile(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"')
HANDLE = re.compile(r'name="handle" value="([^"]+)"')
START, END = "<!-- team-pages -->", "<!-- /team-pages -->"


def _token(page: str) -> str:
    found = TOKEN.search(page)
    assert found, "a form with a CSRF token"
    return found.group(1)


def _sign_in(client: Any) -> None:
    """As a browser: password, then enrolling an authenticator (the bench user has none)."""
    import pyotp

    page = client.get("/staff/login").get_data(as_text=True)
    client.post(
        "/staff/login",
        data={"csrf_token": _token(page), "username": "bench", "password": "bench-password-only"},
    )
    page = client.get("/staff/login/enrol").get_data(as_text=True)
    secret = re.search(r'<code class="secret" dir="ltr">([A-Z2-7 ]+)</code>', page)
    assert secret, "the enrolment page shows the key"
    done = client.post(
        "/staff/login/enrol",
        data={
            "csrf_token": _token(page),
            "code": pyotp.TOTP(secret.group(1).replace(" ", "")).now(),
        },
    )
    assert done.status_code == 303, "signed in"


def _timed(call: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    result = call()
    return time.perf_counter() - start, result


def measure(folder: Path) -> dict[str, Any]:
    from intake.app import create_app

    from . import instance

    app = create_app(instance.prepare_config(folder))
    client = app.test_client()
    _sign_in(client)
    # A worker imports the report's numerical libraries once in its life: not timed.
    import numpy  # noqa: F401
    import scipy.optimize  # noqa: F401

    out: dict[str, Any] = {}
    page = client.get("/staff/unlock").get_data(as_text=True)

    def unlock() -> None:
        done = client.post(
            "/staff/unlock", data={"csrf_token": _token(page), "passphrase": instance.PASSPHRASE}
        )
        assert done.status_code == 303, "unlocked"
        assert client.get("/staff/data").status_code == 200

    out["unlock"], _ = _timed(unlock)
    for name, path in (
        ("dashboard", "/staff/data"),
        ("points", "/staff/data/points"),
        ("review", "/staff/themes/review?status=all"),
        ("publish page", "/staff/reports/publish"),
    ):
        times = []
        for _ in range(REPEATS):
            seconds, response = _timed(lambda path=path: client.get(path))
            assert response.status_code == 200, path
            times.append(seconds)
        out[name] = statistics.median(times)

    queue = client.get("/staff/themes/review?status=pending").get_data(as_text=True)
    handle = HANDLE.search(queue)
    code = (
        re.compile(r'name="code" value="([^"]+)"').search(queue, handle.end()) if handle else None
    )
    if handle and code:

        def decide() -> None:
            done = client.post(
                "/staff/themes/review",
                data={
                    "csrf_token": _token(queue),
                    "handle": handle.group(1),
                    "action": "reject",
                    "code": code.group(1),
                },
            )
            assert done.status_code == 303, "decided"
            assert client.get(done.headers["Location"]).status_code == 200

        out["decision"], _ = _timed(decide)
        out["after a decision"], response = _timed(lambda: client.get("/staff/data"))
        assert response.status_code == 200
    page = client.get("/staff/reports/publish").get_data(as_text=True)
    out["publish"], response = _timed(
        lambda: client.post(
            "/staff/reports/publish",
            data={"csrf_token": _token(page), "title": "Benchmark", "reviewed": "1"},
        )
    )
    assert response.status_code == 303, "published"
    out["responses"] = int(re.search(r"cover ([\d,]+) response", page).group(1).replace(",", ""))  # type: ignore[union-attr]
    return out


def _prepared(size: int) -> Path:
    # The same data bench.run seals, sealed again when the matching revision changes: coding
    # sealed under another revision is worked out again at unlock, which is not the steady
    # state these figures are for.
    folder = DATA / f"themes-{size}-r{DATA_REVISION}-m{MATCHING_REVISION}"
    if not (folder / "ready").exists():
        subprocess.run(
            [sys.executable, "-m", "bench.themes_bench", "prepare", str(folder), str(size)],
            cwd=ROOT, check=True,
        )  # fmt: skip
        (folder / "ready").write_text("sealed\n")
    return folder


def _measure_copy(source: Path, checkout: Path) -> dict[str, Any]:
    """One run on a fresh copy of ``source``, by the app in ``checkout``."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "instance-copy"
        shutil.copytree(source, copy)
        done = subprocess.run(
            [sys.executable, "-m", "bench.team_pages", "measure", str(copy)],
            cwd=checkout, check=True, capture_output=True, text=True,
        )  # fmt: skip
        return json.loads(done.stdout.strip().splitlines()[-1])


def run(
    sizes: list[int], runs: int = RUNS, baseline: Path | None = None
) -> tuple[dict[int, list[dict[str, Any]]], dict[int, list[dict[str, Any]]]]:
    """Each size ``runs`` times; with a ``baseline`` checkout, each run of this one is
    paired with one of the baseline (taking turns at going first)."""
    results: dict[int, list[dict[str, Any]]] = {}
    before: dict[int, list[dict[str, Any]]] = {}
    for size in sizes:
        source = _prepared(size)
        results[size], before[size] = [], []
        for number in range(runs):
            order = [(ROOT, results[size])]
            if baseline is not None:
                order.insert(number % 2, (baseline, before[size]))
            for checkout, into in order:
                into.append(_measure_copy(source, checkout))
    return results, before


STEPS = (
    "unlock",
    "dashboard",
    "points",
    "review",
    "publish page",
    "decision",
    "after a decision",
    "publish",
)


def _rows(results: dict[int, list[dict[str, Any]]]) -> list[str]:
    def cell(values: list[float]) -> str:
        return f"{statistics.median(values):.2f} ({min(values):.2f}–{max(values):.2f})"

    lines = [
        "| responses | " + " | ".join(STEPS) + " | runs |",
        "| --- |" + " --- |" * (len(STEPS) + 1),
    ]
    for size, runs in results.items():
        cells = [
            cell([r[s] for r in runs if s in r]) if any(s in r for r in runs) else "—"
            for s in STEPS
        ]
        lines.append(f"| {size:,} | " + " | ".join(cells) + f" | {len(runs)} |")
    return lines


def section(
    results: dict[int, list[dict[str, Any]]],
    command: str,
    load: tuple[float, float] | None = None,
    baseline: dict[int, list[dict[str, Any]]] | None = None,
    baseline_name: str = "",
) -> str:
    lines = [
        START,
        "## The CCR team's pages (after the unlock)",
        "",
        f"Produced by `{command}` on {dt.date.today().isoformat()} (bench/team_pages.py writes",
        "this section). Seconds per step, median of the runs with min–max; each page step is",
        f"itself the median of {REPEATS} requests. Through the app in-process (the server's own",
        "time), SQLite, synthetic sealed responses. *Unlock* is the passphrase plus the first",
        "dashboard (every response read, the protected snapshot built); *decision* is one",
        "coding decision saved in the review queue and the queue page it returns to; *after a",
        "decision* is the dashboard right after it (the snapshot rebuilt). Targets: every",
        "page ≤ 0.5 s after the first unlock; publishing ≤ 2 s.",
        "",
    ]
    if load:
        lines += [
            f"Load average (1 min) on this {os.cpu_count()}-core machine at the start and end:"
            f" {load[0]:.1f} and {load[1]:.1f}.",
            "",
        ]
    lines += _rows(results)
    if baseline:
        lines += [
            "",
            f"The same steps on {baseline_name}, interleaved with the runs above (one run of",
            "each in turn, on the same copies of the data):",
            "",
            *_rows(baseline),
        ]
    lines.append(END)
    return "\n".join(lines)


def record(text: str, target: Path = ROOT / "docs" / "benchmarks.md") -> None:
    """Put ``text`` between this benchmark's markers (appended the first time)."""
    existing = target.read_text(encoding="utf-8") if target.exists() else ""
    if START in existing and END in existing:
        before = existing.split(START, 1)[0]
        after = existing.split(END, 1)[1]
        existing = before.rstrip("\n") + "\n\n" + text + after
    else:
        if "<!-- notes -->" not in existing:
            existing += "\n<!-- notes -->\n"  # bench.run keeps what follows this marker
        existing = existing.rstrip("\n") + "\n\n" + text + "\n"
    target.write_text(existing, encoding="utf-8")


def main() -> None:
    settings = [
        f"{k}={os.environ[k]}" for k in ("BENCH_TEAM", "BENCH_TEAM_RUNS") if k in os.environ
    ]
    command = "python -m bench.team_pages" + (f" ({', '.join(settings)})" if settings else "")
    folder = os.environ.get("BENCH_TEAM_BASELINE")
    baseline = Path(folder).resolve() if folder else None
    name = ""
    if baseline is not None:
        commit = subprocess.run(
            ["git", "log", "-1", "--format=%h"], cwd=baseline, capture_output=True, text=True
        ).stdout.strip()
        name = f"the baseline, commit `{commit}`" if commit else f"the baseline in `{baseline}`"
        command += " with BENCH_TEAM_BASELINE"
    load_before = os.getloadavg()[0]
    results, before = run(SIZES, baseline=baseline)
    load = (load_before, os.getloadavg()[0])
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    (ROOT / "bench" / "results" / "team_pages.json").write_text(
        json.dumps({"load": load, "results": results, "baseline": before}, indent=1)
    )
    text = section(results, command, load, before if baseline else None, name)
    record(text)
    print(text)


if __name__ == "__main__":
    if sys.argv[1:2] == ["measure"]:
        print(json.dumps(measure(Path(sys.argv[2]))))
    else:
        main()
