"""docs/hooks/pages.py turns the API page's signatures from code blocks into code elements
(Material mounts a copy button and a size watch on every code block, each forcing a layout)."""

from __future__ import annotations

from hook_loader import load_hook

SIGNATURE = ('<div class="doc-signature highlight"><pre><span></span><code><span class="nf">load</span>'
             '<span class="p">(</span>path<span class="p">)</span>\n</code></pre></div>')
BLOCK = '<div class="highlight"><pre><span></span><code><span class="n">x</span> = 1\n</code></pre></div>'


def test_a_signature_keeps_its_code_and_loses_its_block():
    out = load_hook("pages").on_post_page(f"<article>{SIGNATURE}<p>text</p>{SIGNATURE}</article>", None, None)
    code = SIGNATURE[SIGNATURE.index("<code>"):SIGNATURE.index("</pre>")]
    assert out == f'<article><div class="doc-signature highlight">{code}</div><p>text</p>' \
                  f'<div class="doc-signature highlight">{code}</div></article>'


def test_other_code_blocks_stay_blocks():
    page = f"<article>{BLOCK}</article>"
    assert load_hook("pages").on_post_page(page, None, None) == page

