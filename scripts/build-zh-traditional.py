"""Rebuild intake/data/zh-traditional.txt: traditional Chinese characters and the simplified
character each folds to (its header says what it holds and why).

Not run by the app or the tests; kept so the table can be rebuilt and checked. It needs
OpenCC's Python wheel (Apache-2.0), which is not a dependency of the app:

    .venv/bin/pip install opencc==1.4.2          # or a wheel file
    .venv/bin/python scripts/build-zh-traditional.py

Every character of the CJK blocks is converted alone with OpenCC's ``t2s`` (traditional to
simplified), then ``hk2s`` and ``tw2s`` for the Hong Kong and Taiwan variants ``t2s``
leaves as they are ("衞", "着" as written in Taiwan). Only one character to one character
is kept, so folding a text never moves a position; a character that is itself a simplified
one ("么", 什么) is never folded, so simplified text is left as it is and folding twice
changes nothing.
"""

import sys
from pathlib import Path

import opencc

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "intake" / "data" / "zh-traditional.txt"

# CJK Unified Ideographs, Extension A, the compatibility block (NFKD makes most of them
# unified ideographs first, but not all), and Extension B (Hong Kong characters).
BLOCKS = [(0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0xF900, 0xFAFF), (0x20000, 0x2A6DF)]

HEADER = """\
# Traditional Chinese characters and the simplified character each folds to, one pair a
# line ("劉 刘"). Read by intake/analysis/text.py: matching (the codebook's patterns and
# word senses) and the Chinese name rules of redaction read traditional and simplified text
# alike. One character to one character only, so a position in the folded text is the same
# position in what was written.
#
# Source: OpenCC {version} (https://github.com/BYVoid/OpenCC), its t2s, hk2s and tw2s
# conversions applied to each character alone. Licence: Apache License 2.0 (OpenCC's
# dictionaries). Rebuild: .venv/bin/python scripts/build-zh-traditional.py (needs the
# opencc wheel installed in the venv; not a run-time dependency).
"""


def main() -> int:
    converters = [opencc.OpenCC(name) for name in ("t2s", "hk2s", "tw2s")]
    table: dict[str, str] = {}
    for first, last in BLOCKS:
        for code in range(first, last + 1):
            char = chr(code)
            for converter in converters:
                simple = converter.convert(char)
                if len(simple) == 1 and simple != char:
                    table[char] = simple
                    break
    # A character that is itself simplified stays as written: "么" (什么) is the simplified
    # form of "麼", though alone ``t2s`` reads it as the old variant of "幺". So is any
    # character ``s2t`` changes, and any that another character folds to; folding is then
    # idempotent (no chain "A B", "B C").
    to_traditional = opencc.OpenCC("s2t")
    simplified = set(table.values())
    table = {
        k: v for k, v in table.items() if k not in simplified and to_traditional.convert(k) == k
    }
    version = getattr(opencc, "__version__", "1.4.2")
    lines = [HEADER.format(version=version)]
    lines += [f"{k} {v}\n" for k, v in sorted(table.items())]
    OUT.write_text("".join(lines), encoding="utf-8")
    print(f"{len(table)} pairs written to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
