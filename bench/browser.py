"""Bench section, in headless Chromium: how fast regions_2d and next_layer follow their controls,
and how long one frame of train_live takes.

The budget (CONTRIBUTING.md, "Budgets"): a control change recomputes and redraws in a median
of at most 8 ms at 16 neurons and 30 ms at 64. The widget is built into a temporary folder, served on
127.0.0.1 and driven as a reader would: set ``m``, then move one control 25 times
(after three warm-up moves), 20 ms apart so that Bokeh's 60-a-second paint throttle
never delays a change.

The budgeted figure is the work a change causes: its callback (a CustomJS runs in
microtasks after the property is set; by its end the figure's data is recomputed) plus
every plot's repaint. "wall" is the time from the change until the last repaint ends;
it also holds the wait for the browser's next frame, which comes at 60 Hz in headless
Chromium (about 8 ms on average, whatever the figure does).

train_live (budget: at most 16 ms median at 2 -> 16 -> 16 -> 1): one frame of Play is a
training step, the exact repartition of the square and the assignment of the new regions to
the sources (the frame's callback, ``nt_train_live.frame``), plus the repaint it causes.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

import numpy as np

from neuron_tutorial.site import build

from common import ROOT, Row, serve

sys.path.insert(0, str(ROOT / "tests" / "browser"))
from find_browser import find_chromium  # noqa: E402

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
BUDGET_MS = {16: 8.0, 64: 30.0}
TRAIN_BUDGET_MS = 16.0
FRAMES = 60
CHANGES = 25
WARM_UP = 3  # untimed changes first: the first edit of a neuron partitions without it once

# The callback is timed by wrapping the control's CustomJS execute() (it runs in microtasks
# after the property is set), the repaints by wrapping each plot view's repaint(). Chromium
# may run a frame before a macrotask gets its turn, so the two are recorded where they end,
# not by waiting for them. The promise resolves two animation frames after the change.
TIME_ONE_CHANGE = """async ([name, value, plots]) => {
  const doc = Bokeh.documents[0]
  const control = doc.get_model_by_name(name)
  const bench = window.ntBench ??= {paint: 0, end: 0, callback_end: 0, wrapped: new Set()}
  const root = Object.values(Bokeh.index)[0]
  for (const plot of plots) {
    const view = root.owner.get_one(doc.get_model_by_name(plot))
    if (bench.wrapped.has(view)) continue
    bench.wrapped.add(view)
    const repaint = view.repaint.bind(view)
    view.repaint = () => {
      const start = performance.now()
      repaint()
      bench.end = performance.now()
      bench.paint += bench.end - start
    }
  }
  for (const callback of Object.values(control.js_property_callbacks).flat()) {
    if (bench.wrapped.has(callback)) continue
    bench.wrapped.add(callback)
    const execute = callback.execute.bind(callback)
    callback.execute = async (...args) => {
      const result = await execute(...args)
      bench.callback_end = performance.now()
      return result
    }
  }
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()))
  // Bokeh paints at most 60 times a second: after 20 ms idle a change is painted at once.
  await new Promise((r) => setTimeout(r, 20))
  await frame()
  bench.paint = bench.end = bench.callback_end = 0
  const start = performance.now()
  control.value = value
  await frame()
  await frame()
  const callback = bench.callback_end - start
  return {callback, paint: bench.paint, wall: Math.max(bench.end, bench.callback_end) - start}
}"""

# One frame of train_live's Play: its callback (a step, the repartition, the new source data)
# and the repaint that follows, timed as above.
TIME_ONE_FRAME = """async () => {
  const doc = Bokeh.documents[0]
  const bench = window.ntFrame ??= {paint: 0, end: 0}
  if (bench.view === undefined) {
    const root = Object.values(Bokeh.index)[0]
    bench.view = root.owner.get_one(doc.get_model_by_name("plot"))
    const repaint = bench.view.repaint.bind(bench.view)
    bench.view.repaint = () => {
      const start = performance.now()
      repaint()
      bench.end = performance.now()
      bench.paint += bench.end - start
    }
  }
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()))
  await new Promise((r) => setTimeout(r, 20))
  await frame()
  bench.paint = 0
  const start = performance.now()
  nt_train_live.frame()
  const callback = performance.now() - start
  await frame()
  await frame()
  return {callback, paint: bench.paint, regions: nt_train_live.state().regions}
}"""


def _time_control(page, name: str, values, plots=("plot", "bar_plot")) -> dict:
    samples = [page.evaluate(TIME_ONE_CHANGE, [name, float(v), list(plots)]) for v in values]
    timed = samples[WARM_UP:]
    work = [s["callback"] + s["paint"] for s in timed]
    return {"median_ms": statistics.median(work), "max_ms": max(work),
            "callback_ms": statistics.median(s["callback"] for s in timed),
            "paint_ms": statistics.median(s["paint"] for s in timed),
            "wall_ms": statistics.median(s["wall"] for s in timed), "changes": len(timed)}


def run() -> list[Row]:
    from playwright.sync_api import sync_playwright

    executable = find_chromium()
    if executable is None:
        return [Row("regions_2d in Chromium", "skipped: no Chromium found", "browser", None)]
    rng = np.random.default_rng(0)
    controls = {  # what each control is set to, in turn: always a different value
        "w1": rng.uniform(-2.5, 2.5, CHANGES + WARM_UP),
        "f1": rng.uniform(0.02, 0.98, CHANGES + WARM_UP),
        "seed": [s % 20 for s in range(1, CHANGES + WARM_UP + 1)],
    }
    rows = []
    with tempfile.TemporaryDirectory() as out, sync_playwright() as playwright:
        build.build(["regions_2d", "next_layer", "train_live"], Path(out), progress=lambda _: None)
        server, base = serve(out)
        url = base + "widgets/regions_2d.html"
        browser = playwright.chromium.launch(executable_path=executable, args=FLAGS)
        try:
            for m in BUDGET_MS:
                page = browser.new_page(viewport={"width": 1000, "height": 1200})
                page.goto(url)
                page.wait_for_function("() => document.documentElement.dataset.ntDrawn === 'yes'")
                page.evaluate("(m) => { Bokeh.documents[0].get_model_by_name('m').value = m }", m)
                for name, values in controls.items():
                    result = _time_control(page, name, values)
                    verdict = "ok" if result["median_ms"] <= BUDGET_MS[m] else "OVER BUDGET"
                    text = (f"{result['median_ms']:7.2f} ms median (callback {result['callback_ms']:.2f} + "
                            f"paint {result['paint_ms']:.2f}; max {result['max_ms']:.1f}; "
                            f"wall {result['wall_ms']:.1f})  budget {BUDGET_MS[m]:g} ms: {verdict}")
                    rows.append(Row(f"regions_2d {name} change, m = {m}", text,
                                    f"browser.regions_2d.{name}.{m}", result))
                page.close()
            rows += _next_layer(browser, base)
            rows += _train_live(browser, base)
        finally:
            browser.close()
            server.shutdown()
    return rows


def _open(browser, url):
    page = browser.new_page(viewport={"width": 1000, "height": 1200})
    page.goto(url)
    page.wait_for_function("() => document.documentElement.dataset.ntDrawn === 'yes'")
    return page


def _next_layer(browser, base) -> list[Row]:
    """next_layer's redraw for a control change: the layer-2 neuron (the reading only) and the seed
    (a new network and its exact partition), at the page's width 6 and at the widest, 12."""
    rows = []
    for m in (6, 12):
        page = _open(browser, base + "widgets/next_layer.html")
        page.evaluate("(m) => { Bokeh.documents[0].get_model_by_name('m').value = m }", m)
        for name, values in (("k", [1 + i % m for i in range(1, CHANGES + WARM_UP + 1)]),
                             ("seed", [s % 20 for s in range(1, CHANGES + WARM_UP + 1)])):
            result = _time_control(page, name, values, plots=("plot",))
            text = (f"{result['median_ms']:7.2f} ms median (callback {result['callback_ms']:.2f} + "
                    f"paint {result['paint_ms']:.2f}; max {result['max_ms']:.1f}; "
                    f"wall {result['wall_ms']:.1f})")
            rows.append(Row(f"next_layer {name} change, m = {m}", text,
                            f"browser.next_layer.{name}.{m}", result))
        page.close()
    return rows


def _train_live(browser, base) -> list[Row]:
    """One frame of train_live at 2 -> 16 -> 16 -> 1 on the moons: step + exact repartition + redraw."""
    page = _open(browser, base + "widgets/train_live.html")
    page.evaluate("() => { const doc = Bokeh.documents[0]; for (const n of ['m1', 'm2']) "
                  "doc.get_model_by_name(n).value = 16 }")
    samples = [page.evaluate(TIME_ONE_FRAME) for _ in range(FRAMES + 10)][10:]  # after the JIT warms up
    page.close()
    work = [s["callback"] + s["paint"] for s in samples]
    result = {"median_ms": statistics.median(work), "max_ms": max(work),
              "callback_ms": statistics.median(s["callback"] for s in samples),
              "paint_ms": statistics.median(s["paint"] for s in samples),
              "regions_first": samples[0]["regions"], "regions_last": samples[-1]["regions"],
              "frames": len(samples)}
    verdict = "ok" if result["median_ms"] <= TRAIN_BUDGET_MS else "OVER BUDGET"
    text = (f"{result['median_ms']:7.2f} ms median (step + partition {result['callback_ms']:.2f} + paint "
            f"{result['paint_ms']:.2f}; max {result['max_ms']:.1f}; {result['regions_first']}-"
            f"{result['regions_last']} regions)  budget {TRAIN_BUDGET_MS:g} ms: {verdict}")
    return [Row("train_live frame, 2 -> 16 -> 16 -> 1", text, "browser.train_live.frame", result)]
