"""Golden outputs of redaction, to show a refactor changes nothing: run before and after,
then compare the two files byte for byte (``cmp``).

Inputs: every development quote (eval/dev, never eval/corpus), every text of
tests/data/redaction_corpus.json, every string literal in tests/test_redaction*.py (each in all
seven languages), and 20,000 quotes mixed with a fixed seed from their words, the lists'
names, places, numbers and dates (varied case and punctuation).

Usage: .venv/bin/python bench/redaction_golden.py OUT.json [--inputs EARLIER.json] [--time N]
(--inputs reuses an earlier run's inputs, so edited tests do not change them; --time N prints
the best of N timed passes over the inputs.)
"""

import ast
import json
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
LANGS = ["en", "es", "so", "vi", "zh", "ar", "hmn"]


def base_texts() -> list[str]:
    texts: list[str] = []
    for path in sorted((ROOT / "eval" / "dev").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        texts += [q["text"] for q in data.get("quotes", [])]
        texts += [
            a["text"] if isinstance(a, dict) and "text" in a else a
            for a in data.get("answers", [])
            if isinstance(a, (str, dict))
        ]
    for case in json.loads((ROOT / "tests/data/redaction_corpus.json").read_text(encoding="utf-8")):
        texts.append(case["text"])
    for path in sorted((ROOT / "tests").glob("test_redaction*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and len(node.value) >= 2
            ):
                texts.append(node.value)
    return [t for t in texts if isinstance(t, str)]


def vocabulary(texts: list[str]) -> list[str]:
    words: set[str] = set()
    for t in texts:
        words.update(re.findall(r"\S+", t))
    data = json.loads((ROOT / "intake/data/redaction.json").read_text(encoding="utf-8"))

    def strings(value: object) -> None:  # every string at any depth (number_labels nests)
        if isinstance(value, str):
            words.add(value)
        elif isinstance(value, list):
            for item in value:
                strings(item)
        elif isinstance(value, dict):
            for item in value.values():
                strings(item)

    for lang in data.values():
        if isinstance(lang, dict):
            for key, value in lang.items():
                if not key.startswith("_"):
                    strings(value)
    places = json.loads((ROOT / "intake/data/places.json").read_text(encoding="utf-8"))
    for key in ("places", "counties", "also_names"):
        words.update(w for w in places.get(key, []) if isinstance(w, str))
    return sorted(words)


def random_texts(texts: list[str], vocab: list[str], n: int) -> list[tuple[str, str]]:
    rnd = random.Random(20261207)
    punct = [".", ",", "!", "?", ":", ";", "'s", "’s", "", "", "", "", "-", " #", "@", "\n"]
    out = []
    for _ in range(n):
        parts = []
        if rnd.random() < 0.4:
            base = rnd.choice(texts).split()
            start = rnd.randrange(len(base) or 1)
            parts += base[start : start + rnd.randint(2, 10)]
        for _ in range(rnd.randint(1, 12)):
            r = rnd.random()
            if r < 0.7:
                w = rnd.choice(vocab)
            elif r < 0.8:
                w = str(rnd.randint(0, 10 ** rnd.randint(1, 10)))
            elif r < 0.85:
                w = "-".join(str(rnd.randint(0, 9999)) for _ in range(rnd.randint(2, 4)))
            elif r < 0.9:
                w = rnd.choice(["19", "20"]) + str(rnd.randint(10, 99))
            else:
                w = rnd.choice(
                    [
                        "in",
                        "on",
                        "at",
                        "my",
                        "the",
                        "el",
                        "la",
                        "de",
                        "born",
                        "case",
                        "Officer",
                        "officer",
                        "和",
                        "في",
                        "ayuu",
                        "yog",
                    ]
                )
            c = rnd.random()
            if c < 0.15:
                w = w.lower()
            elif c < 0.25:
                w = w.upper()
            elif c < 0.35:
                w = w.capitalize()
            parts.insert(rnd.randint(0, len(parts)), w + rnd.choice(punct))
        sep = rnd.choice([" ", " ", " ", "", "  "])
        out.append((sep.join(parts), rnd.choice(LANGS)))
    return out


def cases() -> list[tuple[str, str, tuple[str, ...]]]:
    texts = base_texts()
    vocab = vocabulary(texts)
    rnd = random.Random(7)
    items = [(t, lang, ()) for t in texts for lang in LANGS]
    for t, lang in random_texts(texts, vocab, 20000):
        hidden = ()
        if rnd.random() < 0.05:
            words = t.split()
            if words:
                hidden = (rnd.choice(words),)
        items.append((t, lang, hidden))
    return items


def main() -> None:
    from intake import redaction

    if "--inputs" in sys.argv:
        src = json.loads(Path(sys.argv[sys.argv.index("--inputs") + 1]).read_text(encoding="utf-8"))
        items = [(t, lang, tuple(h)) for t, lang, h in src["inputs"]]
    else:
        items = cases()
    out = [redaction.quote_text(t, lang, hidden) for t, lang, hidden in items]
    words = sorted({w for t, _, _ in items for w in t.split()})
    extra = [[w, redaction.is_listed_name(w)] for w in words[:: max(1, len(words) // 8000)]]
    result = {
        "inputs": [[t, lang, list(h)] for t, lang, h in items],
        "outputs": out,
        "is_listed_name": extra,
        "redact_default": [redaction.redact(t) for t, _, _ in items[:3000]],
        "public": {
            "PLACEHOLDER": redaction.PLACEHOLDER,
            "PLACEHOLDERS": list(redaction.PLACEHOLDERS),
            "localise": redaction.localise_placeholders(
                "a [name] b [phone] [email] [address] [date] [case number] […]"
            ),
        },
    }
    Path(sys.argv[1]).write_text(json.dumps(result, ensure_ascii=False, indent=0), encoding="utf-8")
    print(len(items), "inputs")
    if "--time" in sys.argv:
        runs = int(sys.argv[sys.argv.index("--time") + 1])
        best = float("inf")
        for _ in range(runs):
            t0 = time.perf_counter()
            for t, lang, hidden in items:
                redaction.quote_text(t, lang, hidden)
            best = min(best, time.perf_counter() - t0)
        print(f"best of {runs}: {best:.3f}s")


if __name__ == "__main__":
    main()
