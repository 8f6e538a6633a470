"""The look shared by every figure: sign colours, light/dark themes, figure defaults.

One place decides the colours so every page reads the same. The sign pair is
Okabe and Ito's blue and orange, told apart by readers with red-green colour
blindness (the seed post's red/green is not).
"""

from __future__ import annotations

from pathlib import Path

from bokeh.document import Document
from bokeh.models import CustomJS, InlineStyleSheet, Legend, LegendItem
from bokeh.palettes import Viridis256
from bokeh.plotting import figure as bokeh_figure
from bokeh.transform import factor_cmap

FIGURES = Path(__file__).parents[1]

# Positive / negative output (or high / not high), per theme: darker tones on white,
# lighter tones on Material's dark "slate" background.
SIGN_COLOURS = {
    "light": {"positive": "#0072B2", "negative": "#D55E00", "zero": "#7a7a7a"},
    "dark": {"positive": "#56B4E9", "negative": "#E69F00", "zero": "#a0a0a0"},
}

THEMES = {
    "light": {
        "background": "#ffffff",
        "text": "#1f2328",
        "muted": "#59636e",
        "grid": "#e6e6e6",
        "axis": "#59636e",
        "input": "#ffffff",
        "border": "#b8bec6",
        # Two neutral series for what is not a sign (neurons vs random directions, ReLU vs
        # linear): Paul Tol's green and purple, apart from the sign pair and from each other.
        "series_1": "#117733",
        "series_2": "#AA4499",
        **SIGN_COLOURS["light"],
    },
    "dark": {
        "background": "#1e2129",
        "text": "#e2e4e9",
        "muted": "#aab0bb",
        "grid": "#353a46",
        "axis": "#aab0bb",
        "input": "#2a2e38",
        "border": "#4a5060",
        "series_1": "#44BB99",
        "series_2": "#EE88CC",
        **SIGN_COLOURS["dark"],
    },
}

# Counts (of positive neurons, say) on viridis, a sequential ramp that stays ordered for
# colour-blind readers, in grey and on either background.
RAMP = Viridis256

# Which theme colour each colour property of the plot furniture takes. style.figure
# applies it in Python (light) and theme.js in the browser (either scheme).
ROLES = {
    "background_fill_color": "background",
    "border_fill_color": "background",
    "axis_label_text_color": "text",
    "major_label_text_color": "muted",
    "group_text_color": "muted",
    "axis_line_color": "axis",
    "major_tick_line_color": "axis",
    "minor_tick_line_color": "axis",
    "separator_line_color": "grid",
    "grid_line_color": "grid",
    "label_text_color": "text",
    "title_text_color": "text",
    "border_line_color": "grid",
}

# Widgets live in Bokeh's shadow DOM: CSS custom properties set on the page root
# (by style.js) inherit into it, so one sheet recolours every control.
CONTROL_CSS = """
:host { color: var(--nt-text); font-size: 14px; }
.bk-input, .bk-btn, select, input { background-color: var(--nt-input); color: var(--nt-text);
  border-color: var(--nt-border); }
.bk-btn.bk-active { background-color: var(--nt-border); }
:focus-visible, .bk-btn:focus-visible, .noUi-handle:focus-visible {
  outline: 3px solid var(--nt-positive); outline-offset: 2px; }
/* A ring for the keyboard only: a click on a button or a handle leaves no heavy ring. */
.bk-btn:focus:not(:focus-visible), .noUi-handle:focus:not(:focus-visible) { outline: none; }
.noUi-connects, .noUi-target { background-color: var(--nt-border); }
/* The value is in the slider's title: no bubble over the label above (BokehJS shows it inline). */
.noUi-tooltip { display: none !important; }
/* A narrow phone (320 px): long titles and button labels wrap instead of leaving the frame.
   The value keeps one width, so a title breaks at the same place whatever the value shows
   and the figure's height never changes under a drag. */
.bk-slider-title, .bk-btn { white-space: normal; }
.bk-slider-value { display: inline-block; min-width: 4ch; }
@media (max-width: 300px) { .bk-btn-group > .bk-btn { padding-left: 6px; padding-right: 6px; } }
"""


# BokehJS paints the plot's border fill half a pixel in from the canvas's top and left edges
# and never clears that pixel row and column, so each redraw blends into what the last one
# left there: after a switch of scheme a grey line frames the plot (bokeh/bokeh#12978).
# That row and column hold only border fill: leave them out.
FIGURE_CSS = ":host { clip-path: inset(1px 0 0 1px); }"

# Figure text beside 16-17 px prose: ticks 12 px, axis labels and legends 13 px, titles 15 px.
TEXT_SIZES = {"ticks": "12px", "axis": "13px", "legend": "13px", "title": "15px"}


def figure(**kwargs):
    """A Bokeh figure with the house defaults: no logo, no toolbar clutter, stretchy width."""
    options = {
        "sizing_mode": "stretch_width",
        "height": 320,
        "tools": "",
        "toolbar_location": None,
        "background_fill_color": THEMES["light"]["background"],
        "border_fill_color": THEMES["light"]["background"],
        "outline_line_color": None,
    }
    options.update(kwargs)
    fig = bokeh_figure(**options)
    fig.stylesheets = [*fig.stylesheets, InlineStyleSheet(css=FIGURE_CSS)]
    fig.title.text_font_size = TEXT_SIZES["title"]
    fig.title.text_color = THEMES["light"]["text"]
    fig.axis.axis_label_text_font_style = "normal"
    fig.axis.axis_label_text_font_size = TEXT_SIZES["axis"]
    fig.axis.major_label_text_font_size = TEXT_SIZES["ticks"]
    return fig


def by_role(column: str = "role", roles=("positive", "negative", "zero")):
    """Colour glyphs by the role named in ``column`` (a theme key such as "positive").

    Data hold roles, never colours: the mapper holds the light palette and theme.js gives
    it the dark one (any CategoricalColorMapper whose factors are all theme keys).
    """
    return factor_cmap(column, palette=[THEMES["light"][role] for role in roles], factors=list(roles))


def themed(mapper, palettes: dict):
    """Give a colour mapper one palette per scheme (``{"light": [...], "dark": [...]}``).

    ``mapper`` starts on the light palette; theme.js swaps to ``palettes[scheme]``.
    """
    mapper.palette = list(palettes["light"])
    mapper.tags = [*mapper.tags, {"palettes": {k: list(v) for k, v in palettes.items()}}]
    return mapper


def draw_on_load(callback: CustomJS) -> CustomJS:
    """Run ``callback`` once when the document is ready, so its JS draws the first picture.

    The Python gives a figure its data (a layer, a table of seeds, the settings) and empty
    sources; the figure's own JS draws it, on load as on every later change.
    """
    callback.tags = [*callback.tags, DRAW_TAG]
    return callback


def furnish(*figures):
    """Give every axis, grid and legend of ``figures`` the light theme's colours by role.

    Call it once a figure is complete; theme.js later swaps by the same roles.
    """
    for fig in figures:
        for model in fig.references():
            for prop in ROLES.keys() & model.properties():
                if getattr(model, prop) is not None:
                    setattr(model, prop, THEMES["light"][ROLES[prop]])
    return figures


def legend(entries, **options) -> Legend:
    """A compact legend without a frame, laid out in a row (for the space above a plot).

    ``entries`` is a list of ``(label, renderer or list of renderers)``; ``options``
    override the defaults (e.g. ``ncols``, ``name``, ``label_text_font_size``).
    """
    items = [LegendItem(label=label, renderers=r if isinstance(r, list) else [r])
             for label, r in entries]
    defaults = {"orientation": "horizontal", "border_line_color": None, "margin": 0, "padding": 2,
                "label_text_font_size": TEXT_SIZES["legend"], "spacing": 12}
    return Legend(items=items, **{**defaults, **options})


def controls(*widgets):
    """Give every control the shared stylesheet (theme colours, visible focus)."""
    sheet = InlineStyleSheet(css=CONTROL_CSS)  # a model belongs to one document: one per figure
    for widget in widgets:
        widget.stylesheets = [*widget.stylesheets, sheet]
    return widgets


def script(name: str) -> str:
    """The code of figure ``name``'s callback: the ES module ``figures/<name>.js``.

    It imports the shared library as ``nt/<module>.js``; the widget page's import map
    points ``nt/`` at the site's one copy of ``neuron_tutorial/js`` (see site/build.py).
    """
    return (FIGURES / f"{name}.js").read_text()


# Run once the document is ready: follow the page's light/dark scheme, name the controls.
THEME_CODE = 'import follow_scheme from "nt/theme.js"\nexport default (args) => follow_scheme(args)\n'
ACCESS_CODE = ('import name_all_controls from "nt/access.js"\n'
               'import {compile_callbacks} from "nt/interact.js"\n'
               'import fit_legends from "nt/legends.js"\n'
               'import steady_readouts from "nt/steady.js"\n'
               'export default () => { const doc = Bokeh.documents.at(-1)\n'
               '  name_all_controls(); compile_callbacks(doc); steady_readouts(doc); fit_legends(doc) }\n')


DRAW_TAG = "draw_on_load"
DRAW_CODE = ('import {draw_on_load} from "nt/interact.js"\n'
             'export default (args, event) => draw_on_load(args.callbacks, event)\n')
STATE_CODE = 'import follow_hash from "nt/state.js"\nexport default (args) => follow_hash(args)\n'


def document(layout, title: str, settings=None) -> Document:
    """A Document holding ``layout`` that follows the page's light/dark scheme.

    With ``settings`` (a figure's ``kit.params.Params``) the figure also reads and writes
    its settings in the page's URL hash.
    """
    doc = Document(title=title)
    doc.add_root(layout)
    doc.js_on_event("document_ready", CustomJS(args={"themes": THEMES, "roles": ROLES}, code=THEME_CODE))
    doc.js_on_event("document_ready", CustomJS(code=ACCESS_CODE))
    if settings is not None:
        doc.js_on_event("document_ready", CustomJS(args={"params": settings.spec()}, code=STATE_CODE))
    draws = sorted((m for m in doc.models if isinstance(m, CustomJS) and DRAW_TAG in m.tags),
                   key=lambda m: int(m.id.lstrip("p")) if m.id.lstrip("p").isdigit() else 0)
    if draws:
        doc.js_on_event("document_ready", CustomJS(args={"callbacks": draws}, code=DRAW_CODE))
        # Document callbacks are not in BokehJS's index of models: the root says it (for tests).
        layout.tags = [*layout.tags, DRAW_TAG]
    return doc
