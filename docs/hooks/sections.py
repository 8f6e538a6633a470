"""MkDocs hook: a page's browser works only on the part of the page near the screen.

Material's script, while it starts, restyles the whole document four or five times (its
palette and focus-visible code change attributes that every rule may depend on, then read
the layout; seen in a Chromium trace). Each pass costs in proportion to the elements styled,
and on a phone it is most of the page's blocking time (issue 15, Lighthouse). Two repairs:

- ``html`` gets its ``js`` and ``js-focus-visible`` classes from a line in the head, before
  the body is parsed, instead of from Material's script after: one whole restyle fewer.
  (Without JavaScript the line does not run and ``no-js`` stays, as before.)
- The text after each ``<h2>`` becomes a ``<section class="nt-section">`` with
  ``content-visibility: auto`` (docs/stylesheets/site.css): the browser skips styling, laying
  out and painting a section until it comes near the screen, and keeps it in the
  accessibility tree and in find-in-page. Until then the section holds an estimated height
  (``--nt-phone``, ``--nt-wide``: its text, code, display math and figures, at the text
  column's width on a phone and on a desktop), so the scrollbar and anchors land about right;
  once drawn, the browser remembers the real height. Notebook cells get the same treatment
  in CSS alone (their markup is not ours to split).
"""

from __future__ import annotations

import html
import json
import re

EARLY_CLASSES = ('<script>(function (d) { d.classList.replace("no-js", "js"); '
                 'd.classList.add("js-focus-visible"); d.setAttribute("data-js-focus-visible", "") '
                 "})(document.documentElement)</script>")
ARTICLE = '<article class="md-content__inner md-typeset">'

# The text column in px, characters per line and line height, on a 390-px phone and a desktop.
COLUMNS = {"phone": (358, 46, 25.6), "wide": (690, 92, 25.6)}
BLOCK_GAP = 16      # the 1em margin between paragraphs, lists, figures
HEADING = 50        # an h2: one 35-px line and its bottom margin
MATH_BLOCK = 80     # a display formula and its margins
CODE_LINE, CODE_PAD = 19, 40
TABLE_ROW = 44      # a row of a Markdown table (padded cells, one line each)

_H2 = re.compile(r"<h2[\s>]")
_FRAME = re.compile(r"data-heights='(\[[^']*\])'")
_MATH = re.compile(r'<div class="nt-math".*?</math>\s*</div>', re.S)
_PRE = re.compile(r"<pre\b.*?</pre>", re.S)
_IFRAME = re.compile(r"<iframe\b.*?</iframe>|<noscript>.*?</noscript>", re.S)
_TABLE = re.compile(r"<table\b.*?</table>", re.S)
_BLOCK = re.compile(r"<(p|li|figcaption|h3|dt|dd)\b")
_TAG = re.compile(r"<[^>]+>")


def on_post_page(output, page, config):
    output = output.replace("<head>", "<head>\n" + EARLY_CLASSES, 1)
    start = output.find(ARTICLE)
    end = output.rfind("</article>")
    if start < 0 or end < start:
        return output
    start += len(ARTICLE)
    return output[:start] + sectioned(output[start:end]) + output[end:]


def sectioned(article: str) -> str:
    """The article's markup with every stretch from one top-level h2 to the next in a section."""
    cuts = [m.start() for m in _H2.finditer(article) if _top_level(article, m.start())]
    if not cuts:
        return article
    parts = [article[:cuts[0]]]
    for begin, stop in zip(cuts, cuts[1:] + [len(article)], strict=True):
        body = article[begin:stop]
        phone, wide = estimate(body, "phone"), estimate(body, "wide")
        parts.append(f'<section class="nt-section" style="--nt-phone: {phone}px; '
                     f'--nt-wide: {wide}px">{body}</section>')
    return "".join(parts)


def _top_level(article: str, at: int) -> bool:
    """Is position ``at`` outside every element (Markdown puts h2 at the article's top level)?"""
    before = article[:at]
    opened = len(re.findall(r"<(div|section|details|blockquote|ul|ol|table)\b", before))
    closed = len(re.findall(r"</(div|section|details|blockquote|ul|ol|table)>", before))
    return opened == closed


def estimate(body: str, column: str) -> int:
    """Rough height in px of a stretch of the article at a column width (see COLUMNS)."""
    width, per_line, line = COLUMNS[column]
    height = HEADING
    for table in _FRAME.findall(body):
        height += _height_at(json.loads(table), width) + 2 * BLOCK_GAP
    height += len(_MATH.findall(body)) * MATH_BLOCK
    for pre in _PRE.findall(body):
        height += CODE_PAD + CODE_LINE * (pre.count("\n") + 1)
    for table in _TABLE.findall(body):
        height += 2 * BLOCK_GAP + TABLE_ROW * table.count("<tr")
    text = _TABLE.sub("", _PRE.sub("", _MATH.sub("", _IFRAME.sub("", body))))
    blocks = len(_BLOCK.findall(text))
    chars = len(html.unescape(_TAG.sub("", text)))
    height += blocks * BLOCK_GAP + (chars / per_line + blocks / 4) * line
    return round(height)


def _height_at(rows: list, width: int) -> int:
    """A figure's measured height at ``width`` (rows of [width, height], linear between)."""
    if not rows:
        return 640
    for (w0, h0), (w1, h1) in zip(rows, rows[1:], strict=False):
        if w0 <= width <= w1:
            return round(h0 + (h1 - h0) * (width - w0) / (w1 - w0))
    return rows[0][1] if width < rows[0][0] else rows[-1][1]
