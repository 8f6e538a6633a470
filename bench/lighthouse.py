"""Bench section: Lighthouse's mobile preset on every page, as a phone reader meets the site.

The budget (CONTRIBUTING.md, "Budgets"): performance >= 95 and total blocking time
<= 200 ms on every page, the median of 3 runs. Lighthouse 12.2.3 (the last release for
Node 20) is installed with npm into
build/lighthouse/ (not committed) on first use. The site is built into a temporary folder
(or taken from NT_BUILT_SITE) and served on 127.0.0.1 gzip-compressed, as any static host
serves it: Python's http.server compresses nothing, which would triple BokehJS's bytes.
NT_LIGHTHOUSE_PAGES="/,01-one-neuron/" runs only those pages (to iterate quickly).

With Chromium 156 three audits error on every run (render-blocking resources, layout shifts,
the LCP element: see ECOSYSTEM.md); the scores still come out. Run-to-run swings on a
shared 2-core machine are large, hence the median (of the score; the other columns are the
medians of their own values). CPU is Lighthouse's benchmark index of the machine during the
runs: the mobile preset slows the observed main thread down 4 times, a factor meant for a
high-end desktop (index about 1,500-2,000); on a slower or busier machine the blocking times
it reports are longer than a phone's would be, on a faster one shorter.
NT_LIGHTHOUSE_CPU=calibrated scales the slowdown to the machine (4x at index 1,750), so that
the emulated phone is the same whatever runs the bench.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from common import ROOT, Row

sys.path.insert(0, str(ROOT / "tests" / "browser"))
from find_browser import find_chromium  # noqa: E402

VERSION = "12.2.3"
PREFIX = ROOT / "build" / "lighthouse"
CLI = PREFIX / "node_modules" / "lighthouse" / "cli" / "index.js"
RUNS = 3
DESKTOP_INDEX = 1750  # the machine the preset's 4x CPU slowdown is meant for
BUDGET = {"score": 95, "tbt_ms": 200}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"
TEXT = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".map", ".ipynb")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, text ones gzip-compressed when the client accepts it (level 6, as nginx)."""

    _cache: dict[str, bytes] = {}

    def log_message(self, *args):
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # its redirect to the folder's URL
            path = os.path.join(path, "index.html")
        accepted = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepted and path.endswith(TEXT) and os.path.isfile(path)):
            return super().send_head()
        body = self._cache.get(path)
        if body is None:
            body = self._cache[path] = gzip.compress(Path(path).read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return _Body(body)


class _Body:
    """The file-like object send_head returns; copyfile() reads it."""

    def __init__(self, data: bytes):
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = (self.data, b"") if size < 0 else (self.data[:size], self.data[size:])
        return data

    def close(self):
        pass


def serve_gzip(folder: str):
    """Serve ``folder`` gzip-compressed on 127.0.0.1 from a thread: ``(server, base URL)``."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(GzipHandler, directory=folder))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def install() -> None:
    if not CLI.exists():
        PREFIX.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "i", "-E", f"lighthouse@{VERSION}", "--prefix", str(PREFIX)],
                       check=True, capture_output=True)


def lighthouse(url: str, chromium: str, slowdown: float | None = None) -> dict:
    """One mobile run: score, TBT and LCP in ms, bytes transferred (CPU slowed ``slowdown`` times,
    Lighthouse's 4 if None)."""
    cpu = [] if slowdown is None else [f"--throttling.cpuSlowdownMultiplier={slowdown:.2f}"]
    result = subprocess.run(
        ["node", str(CLI), url, "--only-categories=performance", "--output=json",
         "--output-path=stdout", "--quiet", "--disable-full-page-screenshot",
         f"--chrome-flags={CHROME_FLAGS}", *cpu],
        env={**os.environ, "CHROME_PATH": chromium}, capture_output=True, text=True, timeout=300)
    report = json.loads(result.stdout)
    audits = report["audits"]
    return {"score": round(100 * (report["categories"]["performance"]["score"] or 0)),
            "tbt_ms": audits["total-blocking-time"]["numericValue"],
            "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
            "bytes": audits["total-byte-weight"]["numericValue"],
            "cpu": report["environment"]["benchmarkIndex"]}


def median_of(runs: list[dict]) -> dict:
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def page_paths(site: Path) -> list[str]:
    wanted = os.environ.get("NT_LIGHTHOUSE_PAGES")
    if wanted:
        return [p.strip().lstrip("/") for p in wanted.split(",")]
    paths = sorted(p.relative_to(site).parent.as_posix() for p in site.rglob("index.html"))
    return ["" if p == "." else p + "/" for p in paths]


def calibrated_slowdown(url: str, chromium: str) -> float:
    """The CPU slowdown that brings this machine to the phone Lighthouse's preset aims at.

    The preset's 4x is meant for a high-end desktop (benchmark index about 1,750: Lighthouse's
    docs/throttling.md) and lands it in the mid-tier phones; a faster machine needs more, a
    slower one less. The index is the median of three runs' own measurement.
    """
    index = statistics.median(lighthouse(url, chromium)["cpu"] for _ in range(RUNS))
    return max(1.0, 4 * index / DESKTOP_INDEX)


def measure(site: Path, chromium: str) -> list[Row]:
    server, base = serve_gzip(str(site))
    try:
        slowdown = None
        if os.environ.get("NT_LIGHTHOUSE_CPU") == "calibrated":
            slowdown = calibrated_slowdown(base, chromium)
        cpu = "preset 4x" if slowdown is None else f"calibrated {slowdown:.1f}x"
        rows = [Row(f"Lighthouse, mobile (median of 3; CPU slowdown: {cpu})",
                    "  perf    TBT ms   LCP ms     KB   CPU  (budget: perf >= 95, TBT <= 200 ms)",
                    "lighthouse", None)]
        for path in page_paths(site):
            m = median_of([lighthouse(base + path, chromium, slowdown) for _ in range(RUNS)])
            ok = m["score"] >= BUDGET["score"] and m["tbt_ms"] <= BUDGET["tbt_ms"]
            text = (f"{m['score']:6.0f} {m['tbt_ms']:9.0f} {m['lcp_ms']:8.0f} {m['bytes'] / 1024:6.0f}"
                    f" {m['cpu']:5.0f}"
                    f"  {'ok' if ok else 'OVER BUDGET'}")
            rows.append(Row(f"  /{path}", text, f"lighthouse./{path}", m))
    finally:
        server.shutdown()
    return rows


@contextlib.contextmanager
def built_site():
    """The site to measure: NT_BUILT_SITE if set, else a fresh build in a temporary folder."""
    built = os.environ.get("NT_BUILT_SITE")
    if built:
        yield Path(built)
        return
    with tempfile.TemporaryDirectory() as site, tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NT_WIDGET_CACHE": cache}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", site],
                       cwd=ROOT, env=env, check=True, capture_output=True)
        yield Path(site)


def run() -> list[Row]:
    chromium = find_chromium()
    if chromium is None:
        return [Row("Lighthouse", "skipped: no Chromium found", "lighthouse", None)]
    install()
    with built_site() as site:
        return measure(site, chromium)
