// Accessibility repairs that Bokeh leaves to us, run once the figure is on the page.
// Slider handles (role="slider") get no accessible name from Bokeh: name each one after
// its slider's title, so a screen reader says "Live input F, 0.5" rather than "slider".
// noUiSlider writes aria-valuenow, -min and -max rounded to one decimal (0.37 reads "0.4"):
// write the slider's real value instead, at its step's decimals, after every update.
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

// How many decimals a step has: 0.05 -> 2, 1 -> 0, 1e-7 -> 7.
export function step_decimals(step) {
  const text = String(step)
  if (text.includes("e-")) return Number(text.split("e-")[1]) + (text.split("e")[0].split(".")[1]?.length ?? 0)
  return text.split(".")[1]?.length ?? 0
}

// A slider's value as aria-valuenow says it: at the step's decimals, no float noise.
export function value_text(value, step) {
  return String(Number(Number(value).toFixed(step_decimals(step))))
}

const REPAIRED = new WeakSet()

function real_values(target) {
  const api = target.noUiSlider
  if (api === undefined || REPAIRED.has(target)) return
  REPAIRED.add(target)
  const speak = () => {
    const {step, range} = api.options
    const values = [api.get(true)].flat()
    target.querySelectorAll("[role=slider]").forEach((handle, i) => {
      handle.setAttribute("aria-valuenow", value_text(values[i], step))
      handle.setAttribute("aria-valuemin", value_text(range.min, step))
      handle.setAttribute("aria-valuemax", value_text(range.max, step))
    })
  }
  // Bound after noUiSlider's own aria handler, so this one runs last on every update.
  api.on("update.nt_access", speak)
  speak()
}

function repair() {
  for (const root of shadow_roots(document)) {
    for (const layer of root.querySelectorAll(".bk-events[tabindex='0']")) layer.tabIndex = -1
    const title = root.querySelector(".bk-slider-title")
    for (const handle of root.querySelectorAll("[role=slider]")) {
      const label = title ? title.textContent.split(":")[0].trim() : "slider"
      if (handle.getAttribute("aria-label") !== label) handle.setAttribute("aria-label", label)
    }
    for (const target of root.querySelectorAll(".noUi-target")) real_values(target)
    // A Spinner's arrow buttons carry no text: name them after the spinner they step.
    const spinner = root.querySelector("label")?.textContent.trim() || "value"
    for (const [selector, verb] of [[".bk-spin-btn-up", "Increase"], [".bk-spin-btn-down", "Decrease"]]) {
      for (const button of root.querySelectorAll(selector)) {
        const label = `${verb} ${spinner}`
        if (button.getAttribute("aria-label") !== label) button.setAttribute("aria-label", label)
      }
    }
  }
}

export default function name_all_controls() {
  repair()
  // Controls can be re-rendered (a layout change): keep the names on.
  new MutationObserver(repair).observe(document.body, {childList: true, subtree: true})
}
