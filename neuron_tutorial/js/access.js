// Accessibility repairs that Bokeh leaves to us, run once the figure is on the page.
// Slider handles (role="slider") get no accessible name from Bokeh: name each one after
// its slider's title, so a screen reader says "Live input F, 0.5" rather than "slider".
// Bokeh makes every plot's event layer a Tab stop (tabindex 0, for key-driven tools that no
// figure here uses): a keyboard reader would land on each plot and nothing would happen. It
// leaves the Tab order (tabindex -1: a click still focuses it, as Bokeh expects).
function shadow_roots(root, found = []) {
  for (const el of root.querySelectorAll("*")) {
    if (el.shadowRoot) {
      found.push(el.shadowRoot)
      shadow_roots(el.shadowRoot, found)
    }
  }
  return found
}

function repair() {
  for (const root of shadow_roots(document)) {
    for (const layer of root.querySelectorAll(".bk-events[tabindex='0']")) layer.tabIndex = -1
    const title = root.querySelector(".bk-slider-title")
    for (const handle of root.querySelectorAll("[role=slider]")) {
      const label = title ? title.textContent.split(":")[0].trim() : "slider"
      if (handle.getAttribute("aria-label") !== label) handle.setAttribute("aria-label", label)
    }
  }
}

export default function name_all_controls() {
  repair()
  // Controls can be re-rendered (a layout change): keep the names on.
  new MutationObserver(repair).observe(document.body, {childList: true, subtree: true})
}
