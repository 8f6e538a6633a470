"""`make bench`: the performance figures against their budgets (CONTRIBUTING.md, "Budgets"),
printed as one table and saved as JSON.

Each section is a module beside this file with ``run() -> list[Row]``; add a
section by adding its module to ``SECTIONS``. Timings are the best of a few runs.
"""

from __future__ import annotations

import json
import sys

import browser
import dissection
import lighthouse
import network
import pages
import partition
import ready
import sitebuild
from common import ROOT

SECTIONS = [partition, sitebuild, pages, browser, dissection, network, ready, lighthouse]
RESULTS = ROOT / "bench" / "results.json"


def main(names: list[str]) -> None:
    rows = []
    for section in SECTIONS:
        if not names or section.__name__ in names:
            rows += section.run()
    width = max(len(row.label) for row in rows)
    print("Reading neurons together: bench\n")
    for row in rows:
        print(f"  {row.label:<{width}}  {row.text}")
    RESULTS.write_text(json.dumps({r.key: r.value for r in rows if r.value is not None}, indent=2))
    print(f"\n(saved to {RESULTS.relative_to(ROOT)})")


if __name__ == "__main__":
    main(sys.argv[1:])
