// Accessibility repairs that Bokeh leaves to us, run once the figure is on the page.
// Slider handles (role="slider") get no accessible name from Bokeh: name each one after
// its slider's title, so a screen reader says "Live input F, 0.5" rather than "slider".
// noUiSlider writes aria-valuenow, -min and -max rounded to one decimal (0.37 reads "0.4") and
// aria-valuetext, which a screen reader says instead, at two ("12.00"): write what the slider
// shows instead (Bokeh formats its title and its tooltips alike), after every update. A figure
// may show a table's entry at an index (superposition's n: index 10 shows n = 64), so a reader
// hears n, and the value at the step's decimals where the slider shows no number.
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

// What the slider shows for ``value``: Bokeh's formatter, which its tooltips carry.
function shown(api, value, step) {
  const format = [api.options.tooltips].flat()[0]
  return format && typeof format.to === "function" ? String(format.to(value)) : value_text(value, step)
}

// The number a shown text says ("0.30" -> "0.3", "64" -> "64"), or null when it is no number.
export function shown_number(text) {
  const number = Number(text.trim())
  return text.trim() !== "" && Number.isFinite(number) ? String(number) : null
}

function real_values(target) {
  const api = target.noUiSlider
  if (api === undefined || REPAIRED.has(target)) return
  REPAIRED.add(target)
  const speak = () => {
    const {step, range} = api.options
    const values = [api.get(true)].flat()
    const [low, high] = [range.min, range.max].map((end) => [end].flat()[0])
    const numbers = [low, high].map((end) => shown_number(shown(api, end, step)))
    target.querySelectorAll("[role=slider]").forEach((handle, i) => {
      const text = shown(api, values[i], step)
      const now = shown_number(text)
      const speaks = now !== null && !numbers.includes(null)
      handle.setAttribute("aria-valuetext", text)
      handle.setAttribute("aria-valuenow", speaks ? now : value_text(values[i], step))
      handle.setAttribute("aria-valuemin", speaks ? numbers[0] : value_text(low, step))
      handle.setAttribute("aria-valuemax", speaks ? numbers[1] : value_text(high, step))
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
