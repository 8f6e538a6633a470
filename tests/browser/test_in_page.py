"""Every control of every figure, driven inside its page: desktop and phone, light and dark.

A figure can break only in the layout it has on its page (issue 11: directions_relu failed
at desktop width, where its plot and controls sit side by side in a 690-px iframe, and
never when opened alone). So each page is opened at each size and scheme, every control
of each figure is found in the figure's own Bokeh document (no names written here) and
moved: through its model, and by a real click, key or drag where it takes one. After every
move: no page error or console error in any frame (the ``page`` fixture listens to all of
them), and something the reader sees (a data source, a text, a renderer shown or hidden)
changed. A control that changes nothing in the current setting (a slider of another mode)
is tried again in every setting of the figure's discrete controls.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from conftest import wait_for_figure, wait_until_fitted

HERE = Path(__file__).resolve().parent
CONTROLS_JS = (HERE / "controls.js").read_text()
DOCS = HERE.parents[1] / "docs"
PAGES = sorted("" if p.stem == "index" else f"{p.stem}/"
               for p in [*DOCS.glob("*.md"), *DOCS.glob("*.ipynb")])
SIZES = {"desktop": (1440, 900), "phone": (390, 844)}
MATERIAL_SCHEME = {"light": "default", "dark": "slate"}

# After a change: two frames for BokehJS to paint, then the iframe follows the figure's new
# height (widgets.js) and Bokeh lays out again for that: two more frames.
SETTLE = """() => new Promise((done) => {
  const frames = (n, then) => n ? requestAnimationFrame(() => frames(n - 1, then)) : then()
  frames(2, () => setTimeout(() => frames(2, done), 30))
})"""


def js(body: str) -> str:
    return f"(arg) => {{ {CONTROLS_JS}\n{body} }}"


CONTROLS = js("return [...doc.all_models].map(describe).filter((c) => c !== null)")
FINGERPRINT = js("return fingerprint()")
SET_NEXT = js("const m = doc.get_model_by_id(arg); const v = next_value(m);"
              " if (v === null) return false; m.setv(v); return true")
SHOWN = js("const v = view_of(arg); return v !== undefined && v.el.checkVisibility()")
# The element a real click or key goes to: the [index]-th button, box, handle or select.
TARGET = js("""const [id, selector, index] = arg
  const v = view_of(id)
  const root = v.el.shadowRoot ?? v.el
  return [...root.querySelectorAll(selector)][index] ?? null""")
PLOT_BOX = js("const f = view_of(arg).frame.bbox; return [f.x, f.y, f.width, f.height]")
PLOT_EL = js("return view_of(arg).el")

SELECTORS = {"radio": ".bk-btn, input", "checkbox": ".bk-btn, input", "toggle": ".bk-btn, input",
             "button": ".bk-btn", "select": "select", "slider": "[role=slider]"}


class Figure:
    """One figure (iframe) of a page, driven and watched."""

    def __init__(self, page, frame, where: str):
        self.page, self.frame, self.where = page, frame, where
        self.before = self.frame.evaluate(FINGERPRINT)
        self.last_tap = 0.0

    def settle(self, what: str) -> bool:
        """Wait for the redraw; fail on any error; did what the reader sees change?"""
        seen = len(self.page.watch.problems)
        self.frame.evaluate(SETTLE)
        new = self.page.watch.problems[seen:]
        del self.page.watch.problems[seen:]  # reported here, with the move that caused them
        assert not new, f"{self.where}: {what}:\n" + "\n".join(new)
        after = self.frame.evaluate(FINGERPRINT)
        changed, self.before = after != self.before, after
        return changed

    def shown(self, control) -> bool:
        return self.frame.evaluate(SHOWN, control["id"])

    def set_next(self, control) -> bool:
        """Move ``control`` to another value through its model; False if it has none."""
        return self.frame.evaluate(SET_NEXT, control["id"]) and self.settle(f"set {control['label']}")

    def real(self, control) -> bool | None:
        """A reader's click, key or drag on ``control``; None where it takes none."""
        kind, label = control["kind"], control["label"]
        if kind == "plot":
            return self.gesture(control)
        if kind not in SELECTORS:
            return None
        index = control["next"] if kind == "radio" else 0
        handle = self.frame.evaluate_handle(TARGET, [control["id"], SELECTORS[kind], index])
        element = handle.as_element()
        assert element is not None, f"{self.where}: no element to click for {label}"
        if kind == "slider":
            element.press("ArrowRight")
            if self.settle(f"ArrowRight on {label}"):
                return True
            element.press("ArrowLeft")  # the slider sat at its right end
            return self.settle(f"ArrowLeft on {label}")
        if kind == "select":
            element.select_option(index=control["next"])
        else:
            element.click()
        return self.settle(f"{'select' if kind == 'select' else 'click'} {label}")

    def gesture(self, plot) -> bool:
        """Tap the plot, or drag across it, as its event callbacks expect."""
        element = self.frame.evaluate_handle(PLOT_EL, plot["id"]).as_element()
        element.scroll_into_view_if_needed()
        x, y, w, h = self.frame.evaluate(PLOT_BOX, plot["id"])
        box = element.bounding_box()
        point = [(box["x"] + x + w * fx, box["y"] + y + h * fy) for fx, fy in ((0.3, 0.35), (0.7, 0.6))]
        changed = False
        if "tap" in plot["events"]:
            for p in point:
                # Two taps within BokehJS's doubletap_threshold (300 ms) make a double tap.
                self.page.wait_for_timeout(max(0.0, self.last_tap + 0.35 - time.monotonic()) * 1000)
                self.page.mouse.click(*p)
                self.last_tap = time.monotonic()
                changed = self.settle(f"tap on {plot['label']} at {p}") or changed
        if {"pan", "panstart"} & set(plot["events"]):
            self.page.mouse.move(*point[1])
            self.page.mouse.down()
            self.page.mouse.move(*point[0], steps=5)
            self.page.mouse.up()
            changed = self.settle(f"drag on {plot['label']}") or changed
        return changed

    def drive(self, control) -> bool:
        """Move a shown control every way it moves; True if the figure changed each time."""
        if not self.shown(control):
            return False
        described = {c["id"]: c for c in self.frame.evaluate(CONTROLS)}[control["id"]]
        by_model = described["kind"] not in ("button", "plot")
        if by_model and not self.set_next(described):
            return False
        described = {c["id"]: c for c in self.frame.evaluate(CONTROLS)}[control["id"]]
        by_reader = self.real(described)
        assert by_reader is not False or not by_model, (
            f"{self.where}: {control['label']} changed the figure through its model, "
            "but a reader's click or key on it changed nothing")
        return by_model or bool(by_reader)


@pytest.mark.parametrize("page", ["light", "dark"], indirect=True)
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("path", PAGES)
def test_every_control_of_every_figure_works_in_its_page(page, base_url, built_site, path, size,
                                                        request):
    if 'class="nt-widget"' not in (built_site / path / "index.html").read_text():
        pytest.skip("no figure on this page")
    wanted = request.node.callspec.params["page"]  # the scheme the browser prefers
    width, height = SIZES[size]
    page.set_viewport_size({"width": width, "height": height})
    page.goto(base_url + path)
    scheme = page.evaluate("() => document.body.dataset.mdColorScheme")
    assert scheme == MATERIAL_SCHEME[wanted], "Material did not follow the preferred scheme"
    iframes = page.locator("iframe.nt-widget").element_handles()
    assert iframes
    for number, iframe in enumerate(iframes, 1):
        iframe.scroll_into_view_if_needed()  # figures load as they come near the screen
        page.wait_for_function("f => f.src !== ''", arg=iframe)
        page.wait_for_function("f => f.contentWindow.location.href !== 'about:blank'", arg=iframe)
        frame = iframe.content_frame()
        wait_for_figure(frame)
        wait_until_fitted(page, iframe)
        assert frame.evaluate("() => document.documentElement.dataset.ntScheme") == wanted
        assert not page.watch.problems, f"/{path}: loading:\n" + "\n".join(page.watch.problems)
        name = iframe.get_attribute("src").rsplit("/", 1)[-1]
        where = f"/{path} at {width}px, {scheme}, figure {number} ({name})"
        figure = Figure(page, frame, where)
        controls = frame.evaluate(CONTROLS)
        unknown = [c["label"] for c in controls if c["kind"].startswith("unknown")]
        assert not unknown, f"{where}: teach this test to move {unknown}"
        assert controls, f"{where}: a figure without a control"
        idle = [c for c in controls if not figure.drive(c)]
        for control in idle:  # try again in every setting of the other discrete controls
            assert any(figure.drive(control) for _ in settings(figure, control, controls)), (
                f"{where}: {control['label']} ({control['kind']}) never changed the figure")


def settings(figure, control, controls):
    """Step every other discrete control through its values, yielding after each step."""
    for other in controls:
        if other["id"] == control["id"] or other["kind"] not in ("radio", "select", "toggle",
                                                                  "checkbox"):
            continue
        for _ in range(max(other["count"] - 1, 1)):
            if figure.shown(other):
                figure.set_next(other)
                yield other
