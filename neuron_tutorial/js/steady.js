// A readout's text follows the controls and may wrap to a line more or fewer, which moves
// everything under it (on the site, the page under the reader's hand, at every step of a
// drag or of the arrow keys). So each Div named "readout" keeps the tallest height it has had
// at its current width: it grows once, when a longer text first needs the room, and does not
// shrink back. A new width (a turned phone, a resized window) starts afresh.

import {view_of} from "./interact.js"

export function keep_tallest(el) {
  const own = el.style.minHeight  // a min-height the figure gave the Div in its styles
  let width = -1
  let tallest = 0
  const later = (fn) => requestAnimationFrame(fn)  // size changes outside the observer's callback
  const observer = new ResizeObserver(() => {
    const box = el.getBoundingClientRect()
    if (box.width === 0) return  // not laid out (yet)
    if (Math.abs(box.width - width) > 0.5) {
      // A new width: measure the text's own height afresh.
      width = box.width
      el.style.minHeight = own
      later(() => {
        tallest = el.getBoundingClientRect().height
        el.style.minHeight = `${tallest}px`
      })
    } else if (box.height > tallest) {
      tallest = box.height
      el.style.minHeight = `${tallest}px`
    } else if (box.height < tallest - 0.5) {
      // Bokeh wrote the Div's styles again when it re-rendered it: keep the tallest height.
      later(() => { el.style.minHeight = `${tallest}px` })
    }
  })
  observer.observe(el)
  return observer
}

export default function steady_readouts(doc) {
  for (const model of doc.all_models) {
    const view = model.name === "readout" ? view_of(model) : null
    if (view) keep_tallest(view.el)
  }
}
