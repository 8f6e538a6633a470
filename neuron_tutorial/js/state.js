// state: a figure's settings in the widget page's URL hash, both ways (TensorFlow Playground's
// state.ts is the model). figures/kit/params.py hands over the table of settings: each is a
// control's name and property ("value" of a slider, "active" of a radio group) and its range.

// The hash's settings, each clamped to its range and rounded to its step; others ignored.
export function read_hash(hash, params) {
  const wanted = new URLSearchParams(hash.replace(/^#/, ""))
  const values = {}
  for (const p of params) {
    const raw = Number(wanted.get(p.name))
    if (!wanted.has(p.name) || !Number.isFinite(raw)) continue
    const stepped = p.start + Math.round((raw - p.start) / p.step) * p.step
    values[p.name] = Math.min(p.end, Math.max(p.start, Number(stepped.toPrecision(12))))
  }
  return values
}

// The hash for the settings' current values: "#seed=3&m=12".
export function write_hash(values) {
  return "#" + new URLSearchParams(Object.entries(values).map(([k, v]) => [k, String(v)])).toString()
}

const WRITE_DELAY_MS = 200

// Apply the page's hash to the controls, then keep the hash up to date as they move.
export default function follow_hash({params}) {
  const doc = Bokeh.documents[Bokeh.documents.length - 1]
  const controls = params.map((p) => [p, doc.get_model_by_name(p.name)]).filter(([, model]) => model)
  for (const [name, value] of Object.entries(read_hash(location.hash, params))) {
    const [p, model] = controls.find(([q]) => q.name === name) ?? []
    if (model !== undefined && model[p.property] !== value) model[p.property] = value
  }
  // Once the controls rest: a drag moves a slider through dozens of values a second, and
  // replaceState costs about 2 ms each (Chromium also throttles a page that calls it too often).
  let pending = null
  const write = () => {
    pending = null
    const values = Object.fromEntries(controls.map(([p, model]) => [p.name, model[p.property]]))
    history.replaceState(history.state, "", write_hash(values))
  }
  const soon = () => {
    clearTimeout(pending)
    pending = setTimeout(write, WRITE_DELAY_MS)
  }
  for (const [p, model] of controls) model.connect(model.properties[p.property].change, soon)
  // A reload or a link copied within the delay keeps the last setting.
  addEventListener("pagehide", () => { if (pending !== null) clearTimeout(pending), write() })
}
