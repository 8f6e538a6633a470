"""MkDocs hook: ``html`` gets its ``js`` classes before the body is parsed.

Material's start-up restyles the whole document four or five times in one task (its
focus-visible polyfill adds a class to ``html``; its palette adds a colour-scheme meta and
sets, then removes, an attribute on ``body``), each pass costing in proportion to the
elements styled: on a phone that task is most of a page's blocking time (issue 15). Setting
``js`` and ``js-focus-visible`` from one line in the head, before the body exists, saves one
of those passes. Without JavaScript the line does not run and ``no-js`` stays, as before.
The palette's passes are gone too: docs/overrides/partials/javascripts/palette.html applies
the palette inline while the header is parsed, in place of Material's component.

Tried and measured worse (Lighthouse, chapter 1, TBT 0.8-1.7 s against 0.1-0.4 s): wrapping
each h2's text in a section with ``content-visibility: auto``. It cut the elements per restyle
(950 -> 547), but each of Material's layout reads then re-evaluated the skipped sections.
"""

from __future__ import annotations

EARLY_CLASSES = ('<script>(function (d) { d.classList.replace("no-js", "js"); '
                 'd.classList.add("js-focus-visible"); d.setAttribute("data-js-focus-visible", "") '
                 "})(document.documentElement)</script>")


def on_post_page(output, page, config):
    return output.replace("<head>", "<head>\n" + EARLY_CLASSES, 1)
