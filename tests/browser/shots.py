"""Screenshots of figures and pages as readers see them: light and dark, desktop and phone.

    python tests/browser/shots.py regions_2d 05-regions/ --site build/test-site

A bare name is a widget page (``widgets/<name>.html``), anything else a page of the built
site. Each target gives four full-page PNGs in ``--out`` (``build/shots``): <slug>-<scheme>-<width>.png.
Pages are scrolled through first, so figures that load lazily are drawn. Not a test: a tool
for looking (`make shots TARGETS="..."`); page errors are printed.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import re
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

from find_browser import find_chromium

SCHEMES = ("light", "dark")
WIDTHS = (1440, 390)


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site: Path) -> str:
    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


def path_of(target: str) -> str:
    return f"widgets/{target}.html" if re.fullmatch(r"\w+", target) else target.lstrip("/")


def shoot(browser, base: str, target: str, out: Path) -> list[Path]:
    slug = re.sub(r"\W+", "_", target.strip("/")) or "index"
    written = []
    for scheme in SCHEMES:
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
            page = context.new_page()
            errors = []
            page.on("pageerror", lambda error, errors=errors: errors.append(str(error)))
            page.goto(base + path_of(target), wait_until="networkidle")
            height = page.evaluate("document.body.scrollHeight")
            for y in range(0, height + 900, 500):  # lazy figures load as they come near the screen
                page.evaluate(f"window.scrollTo(0, {y})")
                page.wait_for_timeout(120)
            page.wait_for_timeout(2500)
            page.evaluate("window.scrollTo(0, 0)")
            page.wait_for_timeout(300)
            path = out / f"{slug}-{scheme}-{width}.png"
            page.screenshot(path=path, full_page=True)
            written.append(path)
            print(path, *(f"PAGE ERROR: {e}" for e in errors))
            context.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("targets", nargs="+", help="widget names or page paths of the built site")
    parser.add_argument("--site", type=Path, default=Path("build/test-site"))
    parser.add_argument("--out", type=Path, default=Path("build/shots"))
    args = parser.parse_args()
    if not (args.site / "index.html").exists():
        parser.error(f"no built site at {args.site}: run mkdocs build --site-dir {args.site} first")
    args.out.mkdir(parents=True, exist_ok=True)
    base = serve(args.site)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=["--no-sandbox"])
        for target in args.targets:
            shoot(browser, base, target, args.out)
        browser.close()


if __name__ == "__main__":
    main()
