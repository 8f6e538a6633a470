// interact: what every figure does with the reader's hand: a tap or a drag moves a point,
// a readout changes its text without a relayout, and a mark says the figure has drawn.

// A tap or drag on a plot: move the point held by sliders `x` and `y` there, clamped to the
// box and rounded to `step` (the sliders' own step). The sliders' change redraws the figure.
// Returns true when `event` was a pointer event (the caller then has nothing more to do).
export function follow_pointer(event, x, y, {box = [[0, 1], [0, 1]], step = 0} = {}) {
  if (!is_pointer(event)) return false
  const place = (value, [lo, hi]) => {
    const rounded = step > 0 ? Math.round(value / step) * step : value
    return Math.min(hi, Math.max(lo, rounded))
  }
  if (Number.isFinite(event.x)) x.value = place(event.x, box[0])
  if (y !== null && Number.isFinite(event.y)) y.value = place(event.y, box[1])
  return true
}

// A Div's new text makes Bokeh lay out the whole figure again (about 5 ms), though only the
// text changed. So write it into the Div's element and set the model quietly; the Div still
// re-renders from the model whenever Bokeh redraws it. `context` is the callback's context.
export function set_text(div, html, context) {
  if (div.text === html) return
  const view = view_of(div, context?.index ?? {})
  if (view?.markup_el === undefined) {
    div.text = html
    return
  }
  div.setv({text: html}, {silent: true})
  view.markup_el.innerHTML = html
}

// The view of `model`: `index` is a callback's context.index (Bokeh's views: one manager, or
// a map of root views), by default every root on the page. Bokeh finds a view by walking the
// whole tree of views (in regions_2d, 1.4 ms of a seed change: its texts and its legends),
// so a view found is kept until Bokeh destroys it.
const views_of = new WeakMap()

export function view_of(model, index = globalThis.Bokeh?.index ?? {}) {
  const known = views_of.get(model)
  if (known !== undefined && !known.is_destroyed) return known
  const roots = typeof index.find_one === "function" ? [index] : Object.values(index).map((v) => v.owner)
  const view = roots.map((views) => views?.find_one(model)).find((v) => v != null)
  if (view !== undefined) views_of.set(model, view)
  return view
}

// A tap or a pan on a plot (not a control's change, nor the document's ready event).
export function is_pointer(event) {
  return event?.event_name !== undefined && event.event_name !== "document_ready"
}

// The figure's first picture: run its callbacks (style.draw_on_load) with the ready event,
// in order, then mark it drawn. A callback tells this call apart with `is_first_draw`.
export async function draw_on_load(callbacks, event) {
  // A document's callback gets (cb_obj = the Document, cb_data = the event): style.DRAW_CODE
  // hands over the Document, so the ready event is made here when it is not an event.
  const ready = event?.event_name === "document_ready" ? event : {event_name: "document_ready"}
  for (const callback of callbacks) {
    await compiled(callback)
    await callback.execute(ready)
  }
  mark_drawn()
}

export function is_first_draw(event) {
  return event?.event_name === "document_ready"
}

// Modules compile asynchronously: tests and the bench wait for this mark before driving controls.
export function mark_drawn() {
  if (globalThis.document) document.documentElement.dataset.ntDrawn = "yes"
}

// Which of the named arguments fired the callback.
export function fired_by(args, obj, ...names) {
  return names.some((name) => obj === args[name])
}

// Compile every callback of the document now, while the reader is still reading: the first
// move of a control then runs at once instead of waiting for its module to load.
export function compile_callbacks(doc) {
  return Promise.all([...doc.all_models].filter((m) => m.type === "CustomJS").map(compiled))
}

// One compilation per callback. CustomJS.compile() run twice at once (here and by the first
// draw) imports the module twice, and the callback keeps the second copy: a module's state
// (what the first draw computed) would be lost.
const compiling = new WeakMap()
function compiled(callback) {
  if (!compiling.has(callback)) compiling.set(callback, callback.compile())
  return compiling.get(callback)
}
