// Evaluated inside a figure's frame by test_in_page.py (prepended to each call's body).
// Finds the figure's controls from its Bokeh document alone: every control derives from
// Bokeh's Control; a plot is one when it has tap or pan callbacks. Gives each the next value
// a reader could pick, and a fingerprint of everything a control may change for the reader.

const doc = Bokeh.documents[0]

// Class names up the prototype chain (BokehJS keeps them, also minified).
function chain(m) {
  const names = []
  for (let c = m.constructor; c && c.__name__; c = Object.getPrototypeOf(c)) names.push(c.__name__)
  return names
}

function* walk_views(view) {
  yield view
  for (const child of view.child_views ?? []) yield* walk_views(child)
}

function view_of(id) {
  return Object.values(Bokeh.index).flatMap((root) => [...walk_views(root)])
    .find((v) => v.model.id === id)
}

function options_of(m) {
  return m.options.map((o) => Array.isArray(o) ? o[0] : o)
}

function kind_of(m, names) {
  if (names.includes("AbstractSlider")) return Array.isArray(m.value) ? "range" : "slider"
  if (names.includes("ToggleButtonGroup") || names.includes("ToggleInputGroup")) {
    return typeof m.active === "number" ? "radio" : "checkbox"
  }
  if (names.includes("Select")) return "select"
  if ("active" in m.properties && typeof m.active === "boolean") return "toggle"
  if (names.includes("NumericInput") || names.includes("Spinner")) return "number"
  if (m.type === "Button") return "button"
  return `unknown ${m.type}`
}

function describe(m) {
  const names = chain(m)
  const callbacks = m.js_event_callbacks instanceof Map ? [...m.js_event_callbacks.keys()]
    : Object.keys(m.js_event_callbacks ?? {})
  const events = callbacks.filter((e) => ["tap", "pan", "panstart"].includes(e))
  const kind = names.includes("Plot") ? (events.length ? "plot" : null)
    : names.includes("Control") ? kind_of(m, names) : null
  if (kind === null) return null
  const count = m.labels?.length ?? (kind === "select" ? m.options.length : 2)
  const next = kind === "radio" ? (m.active + 1) % count
    : kind === "select" ? (options_of(m).indexOf(m.value) + 1) % count : 0
  const text = m.title?.text ?? m.title ?? m.label ?? m.labels?.join("/") ?? m.name
  return {id: m.id, kind, count, next, events, label: `${m.type} "${text}"`}
}

// A value far along a slider's range, on its steps; null if it has nowhere to go.
function slider_value(m) {
  const span = m.end - m.start
  if (!(span > 0)) return null
  const snap = (t) => Number(Math.min(m.end, Math.max(m.start,
    m.start + Math.round((t - m.start) / m.step) * m.step)).toPrecision(12))
  let t = snap(m.value + 0.37 * span > m.end ? m.value - 0.63 * span : m.value + 0.37 * span)
  if (t === m.value) t = snap(m.value + m.step <= m.end ? m.value + m.step : m.value - m.step)
  return t === m.value ? null : t
}

// The next setting of a control, as properties for setv; null if it takes none.
function next_value(m) {
  const {kind, next} = describe(m)
  // a throttled slider reports the value where a drag ends: set both
  const finished = (value) => "value_throttled" in m.properties ? {value, value_throttled: value}
    : {value}
  if (kind === "slider") {
    const value = slider_value(m)
    return value === null ? null : finished(value)
  }
  if (kind === "range") {
    const d = m.value[1] + m.step <= m.end ? m.step : -m.step
    return finished(m.value.map((x) => Number((x + d).toPrecision(12))))
  }
  if (kind === "radio") return {active: next}
  if (kind === "checkbox") {
    return {active: m.active.includes(0) ? m.active.filter((i) => i !== 0) : [0, ...m.active]}
  }
  if (kind === "select") return {value: options_of(m)[next]}
  if (kind === "toggle") return {active: !m.active}
  if (kind === "number") {
    return {value: m.high != null && m.value + m.step > m.high ? m.value - m.step : m.value + m.step}
  }
  return null
}

// A hash of what the reader sees: every data source, every text, and every property of the
// models that are neither layout nor control (glyphs, renderers, annotations, ranges, mappers).
function fingerprint() {
  let h = 0x811c9dc5
  const mix = (s) => {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619)
  }
  const words = (numbers) => {  // by their bits: fast on the large arrays of images
    const bits = new Uint32Array(Float64Array.from(numbers).buffer)
    for (let i = 0; i < bits.length; i++) h = Math.imul(h ^ bits[i], 16777619)
  }
  const seen = (v) => {
    if (v == null) mix("~")
    else if (typeof v === "number") words([v])
    else if (typeof v === "string" || typeof v === "boolean") mix(String(v))
    else if (v.properties !== undefined && v.id !== undefined) mix(v.id)  // a model: by reference
    else if ((ArrayBuffer.isView(v) || Array.isArray(v)) && typeof v[0] === "number") {
      mix("#")
      words(v)
    } else if (ArrayBuffer.isView(v) || Array.isArray(v)) {
      mix("[")
      for (const x of v) seen(x)
      mix("]")
    } else if (v instanceof Map) {
      for (const [k, x] of v) { mix(String(k)); seen(x) }
    } else if (typeof v === "object") {
      for (const k of Object.keys(v).sort()) { mix(k); seen(v[k]) }
    }
  }
  for (const m of doc.all_models) {
    const names = chain(m)
    if (names.includes("Markup")) { mix(m.id); seen(m.text) }
    if (names.includes("LayoutDOM") || names.includes("Callback")) continue
    mix(m.id)
    for (const [name, prop] of Object.entries(m.properties)) {
      if (!prop.is_unset) { mix(name); seen(prop.get_value()) }
    }
  }
  return h >>> 0
}
