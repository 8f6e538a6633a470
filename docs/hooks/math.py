"""MkDocs hook: turn TeX into MathML while the site is built.

``pymdownx.arithmatex`` (generic mode) wraps a page's math as
``<span class="arithmatex">\\(..\\)</span>`` and ``<div class="arithmatex">\\[..\\]</div>``;
a notebook's Markdown cells keep Jupyter's ``$..$`` and ``$$..$$``. This hook replaces
each with the MathML that ``latex2mathml`` writes. Browsers render MathML Core
natively, so math needs no script, no CDN and nothing beyond a Python package. It
also drops the MathJax loader that nbconvert puts in notebook pages (an empty
``<script src="">`` and a MathJax 2 configuration) which would only fail.
"""

from __future__ import annotations

import html
import re

from latex2mathml.converter import convert

_INLINE = re.compile(r'<span class="arithmatex">\\\((.+?)\\\)</span>', re.S)
_BLOCK = re.compile(r'<div class="arithmatex">\\\[(.+?)\\\]</div>', re.S)
_MARKDOWN_CELL = re.compile(
    r'(<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown[^>]*>)(.*?)(</div>)', re.S)
_DOLLARS_BLOCK = re.compile(r"\$\$(.+?)\$\$", re.S)
_DOLLARS_INLINE = re.compile(r"(?<![\\$])\$(?!\$)(.+?)(?<!\\)\$", re.S)
_MATHJAX = re.compile(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.S)


def _inline(tex: str) -> str:
    return convert(html.unescape(tex).strip(), display="inline")


def _block(tex: str) -> str:
    return f'<div class="nt-math" tabindex="0">{convert(html.unescape(tex).strip(), display="block")}</div>'


def _notebook_cell(match: re.Match) -> str:
    body = _DOLLARS_BLOCK.sub(lambda m: _block(m.group(1)), match.group(2))
    body = _DOLLARS_INLINE.sub(lambda m: _inline(m.group(1)), body)
    return match.group(1) + body + match.group(3)


def on_page_content(content, page, config, files):
    if page.file.src_uri.endswith(".ipynb"):
        content = _MATHJAX.sub("", content)
        return _MARKDOWN_CELL.sub(_notebook_cell, content)
    content = _BLOCK.sub(lambda m: _block(m.group(1)), content)
    return _INLINE.sub(lambda m: _inline(m.group(1)), content)
