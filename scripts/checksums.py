"""Write (or, with --check, verify) src/skillrevival/data/SHA256SUMS.

The loader refuses a bundled data file whose SHA-256 differs from the one recorded here, so a
damaged installation fails loudly instead of loading wrong data. After changing a data file on
purpose, run ``make checksums`` and commit SHA256SUMS with the change. The file uses the format
of ``sha256sum``, so ``cd src/skillrevival/data && sha256sum -c SHA256SUMS`` checks it too.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "skillrevival" / "data"
SUMS = DATA / "SHA256SUMS"


def expected() -> str:
    """SHA256SUMS as it should read: one line per data file, sorted by name."""
    files = sorted(p for p in DATA.iterdir() if p.is_file() and p.name != SUMS.name)
    return "".join(f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.name}\n" for p in files)


def main(argv: list[str]) -> int:
    text = expected()
    if "--check" in argv:
        if SUMS.exists() and SUMS.read_text(encoding="utf-8") == text:
            return 0
        print(f"{SUMS} is out of date: run `make checksums`", file=sys.stderr)
        return 1
    SUMS.write_text(text, encoding="utf-8")
    print(f"wrote {SUMS.relative_to(DATA.parents[2])}: {text.count(chr(10))} files")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
