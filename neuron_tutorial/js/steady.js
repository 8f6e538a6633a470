// A readout's text follows the controls and may wrap to a line more or fewer, which moves
// everything under it (on the site, the page under the reader's hand, at every step of a
// drag or of the arrow keys). So each Div named "readout" keeps the tallest height it has had
// at its current width: it grows once, when a longer text first needs the room, and does not
// shrink back. A new width (a turned phone, a resized window) starts afresh.

// The views of the models named `name`, in every root Bokeh has rendered.
function views_named(doc, name) {
  const owners = Object.values(globalThis.Bokeh?.index ?? {}).map((view) => view.owner)
  const models = [...doc.all_models].filter((model) => model.name === name)
  return models.flatMap((model) => owners.map((owner) => owner.find_one(model)).filter(Boolean))
}

export function keep_tallest(el) {
  const own = el.style.minHeight  // the Div's own min_height, which Bokeh writes here
  let width = null
  let tallest = 0
  const observer = new ResizeObserver(() => {
    const box = el.getBoundingClientRect()
    if (Math.abs(box.width - width) > 0.5) {
      width = box.width
      el.style.minHeight = own
      tallest = el.getBoundingClientRect().height
    } else {
      tallest = Math.max(tallest, box.height)
    }
    el.style.minHeight = `${tallest}px`
  })
  observer.observe(el)
  return observer
}

export default function steady_readouts(doc) {
  for (const view of views_named(doc, "readout")) keep_tallest(view.el)
}
