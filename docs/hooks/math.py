"""MkDocs hook: turn TeX into MathML while the site is built.

``pymdownx.arithmatex`` (generic mode) wraps math as ``<span class="arithmatex">\\(..\\)</span>``
and ``<div class="arithmatex">\\[..\\]</div>``; this hook replaces each with the MathML that
``latex2mathml`` writes. Browsers render MathML Core natively, so math needs no
script, no CDN and nothing beyond a Python package.
"""

from __future__ import annotations

import html
import re

from latex2mathml.converter import convert

_INLINE = re.compile(r'<span class="arithmatex">\\\((.+?)\\\)</span>', re.S)
_BLOCK = re.compile(r'<div class="arithmatex">\\\[(.+?)\\\]</div>', re.S)


def _mathml(tex: str, display: str) -> str:
    return convert(html.unescape(tex).strip(), display=display)


def on_page_content(content, page, config, files):
    content = _BLOCK.sub(lambda m: f'<div class="nt-math" tabindex="0">{_mathml(m.group(1), "block")}</div>', content)
    return _INLINE.sub(lambda m: _mathml(m.group(1), "inline"), content)
