// Follow the page's light/dark scheme. Material keeps it on the parent page's
// <body data-md-color-scheme="default|slate">; a widget opened on its own follows
// the reader's system preference. Bokeh has no runtime theme switch, so this swaps
// colours: CSS custom properties for the controls (they inherit into Bokeh's shadow
// DOM), every colour property of the plot models, and the palettes of colour mappers (data
// hold roles, never colours: tests/figures/test_house.py).
// A module: style.document runs `follow_scheme` once the document is ready.


const PLOT_KEYS = ["background", "text", "muted", "grid", "axis", "positive", "negative", "zero",
  "series_1", "series_2"]

function parent_body() {
  try {
    return window.parent !== window ? window.parent.document.body : null
  } catch (error) {  // a parent on another origin: follow the system preference
    return null
  }
}

function wanted() {
  const body = parent_body()
  if (body && body.hasAttribute("data-md-color-scheme")) {
    return body.getAttribute("data-md-color-scheme") === "slate" ? "dark" : "light"
  }
  return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light"
}

function swap_value(value, table) {
  if (typeof value === "string") return table.get(value.toLowerCase()) ?? value
  if (value != null && typeof value === "object" && typeof value.value === "string") {
    const swapped = table.get(value.value.toLowerCase())
    return swapped ? {...value, value: swapped} : value
  }
  return value
}

function apply(doc, themes, roles, name) {
  const root = document.documentElement
  const COLOUR_PROPERTIES = [...Object.keys(roles), "text_color", "line_color", "fill_color",
    "hatch_color"]
  const previous = root.dataset.ntScheme ?? "light"
  root.dataset.ntScheme = name
  const theme = themes[name]
  for (const [key, colour] of Object.entries(theme)) root.style.setProperty(`--nt-${key}`, colour)
  root.style.colorScheme = name
  document.body.style.backgroundColor = theme.background
  document.body.style.color = theme.text
  if (previous === name) return
  const table = new Map()
  // Only colours that plots use: control colours live in the CSS properties above.
  for (const key of PLOT_KEYS) table.set(themes[previous][key].toLowerCase(), theme[key])
  for (const model of doc.all_models) {
    const changes = {}
    for (const property of COLOUR_PROPERTIES) {
      if (!(property in model.properties)) continue
      const before = model.properties[property].get_value()
      // Plot furniture takes its colour by role (style.ROLES); glyphs by value.
      const role = property === "text_color" && model.type === "Title" ? "text" : roles[property]
      const after = role && before != null && typeof before === "string" ? theme[role]
        : swap_value(before, table)
      if (after !== before) changes[property] = after
    }
    // Colour by role: a mapper whose factors are theme keys, or one with a palette per scheme.
    if (model.type === "CategoricalColorMapper" && model.factors.every((f) => f in theme)) {
      changes.palette = model.factors.map((f) => theme[f])
    }
    const palettes = model.tags?.find((tag) => tag?.palettes !== undefined)?.palettes
    if (palettes !== undefined && "palette" in model.properties) changes.palette = palettes[name]
    if (Object.keys(changes).length > 0) model.setv(changes)
  }
}

export default function follow_scheme({themes, roles}) {
  const doc = Bokeh.documents[Bokeh.documents.length - 1]
  const follow = () => apply(doc, themes, roles, wanted())
  follow()
  const body = parent_body()
  if (body) {
    new MutationObserver(follow).observe(body, {attributes: true, attributeFilter: ["data-md-color-scheme"]})
  }
  window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", follow)
}
