"""Find a Chromium for the browser tests: the system's, or Playwright's own.

Run as a script (``make test`` does) it says which one it found, or how to get
one, and fails: the browser tests are never skipped silently.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

HOW_TO_GET_ONE = """No Chromium found for the browser tests. Install one of:
  - Debian/Ubuntu:  sudo apt-get install chromium
  - Playwright's:   .venv/bin/playwright install chromium
or point CHROMIUM at a Chromium/Chrome executable."""


def find_chromium() -> str | None:
    """Path of a Chromium executable, or None."""
    candidates = [os.environ.get("CHROMIUM")]
    candidates += [shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome")]
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            return candidate
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            own = p.chromium.executable_path
        return own if own and Path(own).exists() else None
    except Exception:  # Playwright missing or without its browser: nothing found
        return None


if __name__ == "__main__":
    found = find_chromium()
    if found is None:
        print(HOW_TO_GET_ONE, file=sys.stderr)
        sys.exit(1)
    print(f"Browser tests will use {found}")
