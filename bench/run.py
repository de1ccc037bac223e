"""``make bench``: the benchmark suite, with baselines measured in the same run.

Starts the real app and the bare baseline (bench/baseline_app.py) under gunicorn on loopback,
measures, and writes docs/benchmarks.md from the figures of this run (never by hand).
Bounded in time: a few minutes for the HTTP part, and the themes part scales with
BENCH_THEMES (default "10000 100000"; each size is sealed once into bench/.data/ and reused).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from sqlalchemy import select

from eval import score
from intake import db
from intake.analysis.coding import MATCHING_REVISION
from intake.app import create_app
from intake.models import Questionnaire

from . import coverage, instance, load, pages, servers, team_pages

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / ".data"
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
CLIENTS = (8, 32)
PER_CLIENT = {8: 12, 32: 5}
# Open-loop latency: submissions arriving at a steady rate (144,000 an hour, hundreds of
# times a radio-announcement rush), with up to 32 at once, for the app and the baseline.
PACED_RATE = 40.0
PACED_SECONDS = 5.0
THEME_SIZES = [int(n) for n in os.environ.get("BENCH_THEMES", "10000 100000").split()]


def spread(values: list[float], digits: int = 1) -> str:
    return (
        f"{statistics.median(values):.{digits}f} "
        f"({min(values):.{digits}f}–{max(values):.{digits}f})"
    )


def http_part(workdir: Path) -> dict[str, object]:
    inst = instance.prepare(workdir)
    app = create_app(inst.config)
    with app.app_context():
        session = db.get_database().session()
        code = session.scalar(
            select(Questionnaire.public_code).where(Questionnaire.audience == "survivor")
        )
        session.close()
    real = servers.start("wsgi:app", inst.env(), workdir)
    baseline = servers.start(
        "bench.baseline_app:app",
        {"BASELINE_DATABASE_URL": f"sqlite:///{workdir / 'baseline.sqlite3'}"},
        workdir,
        "bench/gunicorn_baseline.conf.py",
    )
    out: dict[str, object] = {}
    try:
        load.real_journeys(real.base, code, 4, 2)  # warm-up: imports, templates, caches
        load.baseline_journeys(baseline.base, 4, 2)
        for clients in CLIENTS:
            per = PER_CLIENT[clients]
            rs, bs = [], []
            for _ in range(RUNS):
                rs.append(load.real_submissions(real.base, code, clients, per))
                bs.append(load.baseline_submissions(baseline.base, clients, per * 4))
            out[f"submit_{clients}"] = {
                "real_per_s": [r.per_second for r in rs],
                "real_p50": [r.p50_ms for r in rs],
                "real_p95": [r.p95_ms for r in rs],
                "base_per_s": [b.per_second for b in bs],
                "base_p50": [b.p50_ms for b in bs],
                "base_p95": [b.p95_ms for b in bs],
                "ratio": [r.per_second / b.per_second for r, b in zip(rs, bs, strict=True)],
            }
        rs, bs = [], []
        for _ in range(RUNS):
            rs.append(load.paced_real_submissions(real.base, code, PACED_RATE, PACED_SECONDS))
            bs.append(load.paced_baseline_submissions(baseline.base, PACED_RATE, PACED_SECONDS))
        out["paced"] = {
            "rate": PACED_RATE,
            "real_per_s": [r.per_second for r in rs],
            "real_p50": [r.p50_ms for r in rs],
            "real_p95": [r.p95_ms for r in rs],
            "base_p50": [b.p50_ms for b in bs],
            "base_p95": [b.p95_ms for b in bs],
        }
        jr, jb, requests = [], [], 0.0
        for _ in range(RUNS):
            rate, requests = load.real_journeys(real.base, code, 8, 4)
            jr.append(rate)
            jb.append(load.baseline_journeys(baseline.base, 8, 16))
        out["journeys"] = {"real": jr, "base": jb, "requests": requests}
        out["pages"] = pages.measure(real.base, code)
    finally:
        real.stop()
        baseline.stop()
    return out


# Raise when what ``prepare`` stores changes, so old sealed data is not reused
# (2: responses carry their sealed analysis record).
DATA_REVISION = 2


def themes_part(size: int) -> dict[str, object]:
    # The matcher's revision too: data sealed with stale coding would be coded again at
    # every unlock, which is not what a deployment sees after its first unlock.
    folder = DATA / f"themes-{size}-r{DATA_REVISION}-m{MATCHING_REVISION}"
    if not (folder / "ready").exists():
        subprocess.run(
            [sys.executable, "-m", "bench.themes_bench", "prepare", str(folder), str(size)],
            cwd=ROOT, check=True,
        )  # fmt: skip
        (folder / "ready").write_text("sealed\n")

    def child(command: str) -> dict[str, float]:
        done = subprocess.run(
            [sys.executable, "-m", "bench.themes_bench", command, str(folder)],
            cwd=ROOT, check=True, capture_output=True, text=True,
        )  # fmt: skip
        return json.loads(done.stdout.strip().splitlines()[-1])

    runs = RUNS
    # Interleaved, so that each ratio compares a run with the floor measured just after it
    # (this machine's speed drifts by tens of per cent over minutes).
    themes, floors = [], []
    for _ in range(runs):
        themes.append(child("themes"))
        floors.append(child("floor"))
    phases = child("phases")
    return {"themes": themes, "floors": floors, "phases": phases, "runs": runs}


def write(results: dict[str, object], command: str) -> Path:
    lines = [
        "# Benchmarks",
        "",
        f"Produced by `{command}` on {dt.date.today().isoformat()} — every figure below comes",
        "from that run (bench/run.py writes this file). Median of the runs, with min–max.",
        "",
        f"- Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()},"
        f" {platform.platform()}.",
        f"- gunicorn for both apps: {servers.WORKERS} workers × {servers.THREADS} threads"
        " (gunicorn.conf.py), SQLite, loopback only.",
        "- Baseline: bench/baseline_app.py — plain Flask + SQLAlchemy inserting the same",
        "  20-field form as plaintext JSON (no session, CSRF, encryption or templates).",
        "",
        "## Anonymous submissions",
        "",
        "A real submission is the survivor's final POST (seal every answer, store, erase the",
        "draft) plus the redirect to the thank-you page; respondents were walked to the review",
        "page beforehand, untimed. The baseline is one POST of the 20-field form.",
        "",
        "| clients | app /s | baseline /s | ratio (target ≥ 0.6) | app p50 ms | app p95 ms (target ≤ 50) | baseline p95 ms |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for clients in CLIENTS:
        r = results[f"submit_{clients}"]  # type: ignore[index]
        lines.append(
            f"| {clients} | {spread(r['real_per_s'])} | {spread(r['base_per_s'])} | "
            f"{spread(r['ratio'], 2)} | {spread(r['real_p50'])} | {spread(r['real_p95'])} | "
            f"{spread(r['base_p95'])} |"
        )
    p = results["paced"]  # type: ignore[index]
    lines += [
        "",
        "Latency is queueing as much as work: with 32 clients that each send again the moment",
        "they are answered, the mean latency is 32 / throughput (Little's law), so a p95 of",
        "50 ms at 32 clients needs more than 640 submissions/s. The same submissions arriving",
        f"at a steady {p['rate']:.0f} per second instead (open loop, exponential gaps, up to 32",
        "at once; latency counted from when each was due):",
        "",
        "| arrivals /s | app completed /s | app p50 ms | app p95 ms | baseline p50 ms | baseline p95 ms |",
        "| --- | --- | --- | --- | --- | --- |",
        f"| {p['rate']:.0f} | {spread(p['real_per_s'])} | {spread(p['real_p50'])} | "
        f"{spread(p['real_p95'])} | {spread(p['base_p50'])} | {spread(p['base_p95'])} |",
    ]
    j = results["journeys"]  # type: ignore[index]
    lines += [
        "",
        "## Whole respondent journeys (8 clients)",
        "",
        f"Every page GET and POST of the survivor questionnaire ({j['requests']:.0f} requests "
        "per journey, answers on every page):",
        f"**{spread(j['real'], 2)} journeys/s**. Baseline journey (GET form + POST): "
        f"{spread(j['base'], 1)}/s.",
        "",
        "## Bytes per public page",
        "",
        "| page | HTML bytes | HTML + CSS + JS | gzip (what nginx sends) | third-party requests |",
        "| --- | --- | --- | --- | --- |",
    ]
    for row in results["pages"]:  # type: ignore[union-attr]
        lines.append(
            f"| {row['page']} | {row['html']:,} | {row['total']:,} | {row['total_gzip']:,} | "
            f"{row['third_party']} |"
        )
    lines += [
        "",
        "Target: every public page ≤ 50 KB transferred with zero third-party requests.",
        "",
        "## Themes over synthetic sealed responses",
        "",
        "*Themes* is everything a facilitator waits for on a cold unlock: reading the rows,",
        "opening every response (through its sealed analysis record: one HPKE open and one",
        "AES-GCM decryption, then every answer checked), counting, the free text's coding",
        "(sealed at submission; used when the codebook is unchanged), and the",
        "disclosure-controlled report of every table. The *decryption floor* is the HPKE opens",
        "and the AES-GCM decryption of every field, ciphertexts already in memory. *Refresh* is",
        "the same after 100 new responses arrive (only those are read).",
        "",
        "| responses | free-text answers | themes s | floor s | ratio (target ≤ 1.5) | refresh after 100 new s (target ≤ 1) | peak memory MB (target ≤ 1024) | runs |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for size, t in results["themes"].items():  # type: ignore[union-attr]
        themes = [x["themes_seconds"] for x in t["themes"]]
        floors = [x["floor_seconds"] for x in t["floors"]]
        ratios = [a / b for a, b in zip(themes, floors, strict=True)]
        lines.append(
            f"| {size:,} | {t['themes'][0]['texts']:,} | {spread(themes, 2)} | {spread(floors, 2)} | "
            f"{spread(ratios, 2)} | {spread([x['refresh_seconds'] for x in t['themes']], 2)} | "
            f"{spread([x['peak_mb'] for x in t['themes']], 0)} | {t['runs']} |"
        )
    lines += ["", "### Where the themes time goes (one run, seconds)", ""]
    lines += [
        "| responses | read rows | open records (HPKE + AES-GCM + JSON + checks) | count | coding (from the records) | report (all tables, disclosure control) |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for size, t in results["themes"].items():  # type: ignore[union-attr]
        p = t["phases"]
        lines.append(
            f"| {size:,} | {p['read']:.2f} | {p['open']:.2f} | {p['count']:.2f} | "
            f"{p['code']:.2f} | {p['report']:.2f} |"
        )
    lines += coding_lines(results.get("coding"))  # type: ignore[arg-type]
    lines += coverage_lines(results.get("coverage", []))  # type: ignore[arg-type]
    target = ROOT / "docs" / "benchmarks.md"
    existing = target.read_text(encoding="utf-8") if target.exists() else ""
    notes = existing.split("<!-- notes -->", 1)[1] if "<!-- notes -->" in existing else "\n"
    target.write_text("\n".join(lines) + "\n\n<!-- notes -->" + notes, encoding="utf-8")
    return target


def coding_part() -> dict[str, object]:
    """Coding at submission against storing alone (bench/coding_bench.py), in its own process."""
    done = subprocess.run(
        [sys.executable, "-m", "bench.coding_bench"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def coding_lines(result: dict[str, dict[str, object]] | None) -> list[str]:
    """What suggesting codes adds to a submission (issue 18: at most 1 ms a response)."""
    if not result:
        return []
    lines = [
        "",
        "## Coding at submission",
        "",
        "What suggesting themes adds to storing one response: the same responses stored by the",
        "real `store_response` with and without the app's coder, interleaved round by round in",
        f"one run ({result['responses_per_round']} responses × {result['rounds']} rounds; CPU",
        "time of the storing process, medians; `python -m bench.coding_bench` alone gives the",
        "same figures). *Typical* is the themes benchmark's mix, *stories* two in five questions",
        "answered with twelve sentences of prose, *heavy* every question answered with codebook",
        "words only, up to the 1,000-character bound.",
        "",
        "| answers | free-text answers per response | store ms | store and code ms | added ms (target ≤ 1) | ratio |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for mix in ("typical", "stories", "heavy"):
        r = result[mix]
        cpu = r["cpu"]  # type: ignore[index]
        lines.append(
            f"| {mix} | {r['free_text_answers_per_response']} | {cpu['store_ms']:.2f} | "  # type: ignore[index]
            f"{cpu['store_and_code_ms']:.2f} | {cpu['added_ms']:.2f} | {cpu['ratio']:.2f} |"
        )
    return lines


def coverage_lines(rows: list[dict[str, float]]) -> list[str]:
    """The team view's visible share (bench/coverage.py) as a section of the page."""
    if not rows:
        return []
    lines = [
        "",
        "## What a reader of the report can see (shipped survivor questionnaire, k = 5)",
        "",
        "Numbers in the published report that are shown (some of them combined counts)",
        "against hidden, after combining and suppression (`python -m bench.coverage`).",
        "",
        "| responses | numbers | shown | of them combined | hidden | visible (target ≥ 80 % at 50) |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        lines.append(
            f"| {r['responses']:,} | {r['numbers']} | {r['shown']} | {r['combined']} | "
            f"{r['hidden']} | {100 * r['share']:.0f} % |"
        )
    return lines


def main() -> None:
    command = "make bench" + (
        f" (BENCH_THEMES={os.environ['BENCH_THEMES']})" if "BENCH_THEMES" in os.environ else ""
    )
    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        results.update(http_part(Path(tmp)))
    results["themes"] = {size: themes_part(size) for size in THEME_SIZES}
    results["coding"] = coding_part()
    results["coverage"] = coverage.measure()
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    (ROOT / "bench" / "results" / "benchmarks.json").write_text(
        json.dumps(results, indent=1, default=str)
    )
    print(write(results, command).read_text(encoding="utf-8"))
    # The team's pages at 25, 400 and 2,000 responses: their own section (bench/team_pages.py).
    team_pages.main()
    print(score.summary(score.evaluate(score.load(score.DEFAULT_CORPUS))))


if __name__ == "__main__":
    main()
