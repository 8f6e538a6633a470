// legends: a legend beside a plot keeps inside it. BokehJS lays a legend's entries out in the
// columns it is given and centres it on the plot, whatever the plot's width: on a 320-px phone a
// row of four entries ran past both edges of the plot and lost its first and last letters. So
// after every paint, a legend wider than its plot takes one column fewer (it grows a row), and a
// new width starts again from the figure's own number of columns.

import {view_of} from "./interact.js"

// A legend of `count` entries in `columns` columns that is wider than its plot: one column
// fewer, never fewer than one, and never more than it has entries.
export function fewer_columns(columns, count) {
  return Math.max(Math.min(columns, count) - 1, 1)
}

export function keep_inside(legend, plot_view) {
  const own = legend.ncols  // the figure's own layout: a number, or "auto" (one row)
  let width = null
  plot_view.repainted.connect(() => {
    const view = view_of(legend)
    if (view === undefined || !(plot_view.bbox.width > 0)) return
    if (width === null || Math.abs(plot_view.bbox.width - width) > 0.5) {
      // A new width: back to the figure's own columns, then fewer as they are needed.
      width = plot_view.bbox.width
      if (legend.ncols !== own) return void (legend.ncols = own)
    }
    const box = view.bbox
    if (box.left >= -0.5 && box.right <= plot_view.bbox.width + 0.5) return
    const count = legend.items.filter((item) => item.visible).length
    // "auto": one row of a horizontal legend, one column of a vertical one.
    const now = legend.ncols !== "auto" ? legend.ncols : legend.orientation === "vertical" ? 1 : count
    const columns = fewer_columns(now, count)
    if (columns !== legend.ncols) legend.ncols = columns
  })
}

export default function fit_legends(doc) {
  for (const model of doc.all_models) {
    if (model.type !== "Legend") continue
    const view = view_of(model)
    if (view?.parent?.repainted !== undefined) keep_inside(model, view.parent)
  }
}
