"""docs/hooks/pages.py cuts a notebook page's inline CSS to the rules its elements can match."""

from __future__ import annotations

import re

import pytest
from hook_loader import load_hook


@pytest.fixture(scope="module")
def pages():
    return load_hook("pages")


def page(css: str, body: str) -> str:
    return (f'<html class="no-js"><head><style type="text/css">{css}</style></head>'
            f'<body data-md-color-scheme="default"><div class="jupyter-wrapper">{body}</div>'
            f"</body></html>")


def kept_css(pages, css: str, body: str) -> str:
    out = pages.trim_notebook(page(css, body))
    return "".join(re.findall(r"<style[^>]*>(.*?)</style>", out, re.S))


BODY = ('<div class="jp-Cell jp-CodeCell"><div class="highlight-ipynb"><pre><span class="k">import'
        '</span></pre></div></div><h2 id="a">A<a class="anchor-link" href="#a">¶</a></h2>')


@pytest.mark.parametrize("selector, kept", [
    (".jupyter-wrapper .jp-CodeCell", True),
    (".jupyter-wrapper .jp-MarkdownCell", False),             # no such element
    (".jupyter-wrapper .highlight-ipynb .k", True),
    (".jupyter-wrapper .highlight-ipynb .nb", False),
    (".jupyter-wrapper h2 .anchor-link", True),
    (".jupyter-wrapper h3 .anchor-link", False),              # no h3 on the page
    (".jupyter-wrapper h2:hover .anchor-link", True),         # states stay
    ("[data-md-color-scheme=slate] .jupyter-wrapper .k", True),  # the dark scheme stays
    (".jupyter-wrapper :root", False),                        # the root inside an element: never
    (".jupyter-wrapper .bp3-dark .jp-CodeCell", False),
    (".jupyter-wrapper :is(.jp-CodeCell, .nope) pre", True),  # commas inside :is() are one selector
    (".jupyter-wrapper .nope,.jupyter-wrapper pre", True),    # a list: one selector matches
    ("#a", True),
    ("#b", False),
    (".jupyter-wrapper .w-\\[2px\\] pre", True),          # escaped names: kept rather than guessed
])
def test_a_rule_stays_exactly_when_its_selector_can_match(pages, selector, kept):
    css = kept_css(pages, f"{selector}{{color:red}}", BODY)
    assert ("color:red" in css) is kept, css


def test_media_blocks_keep_their_matching_rules_and_go_when_empty(pages):
    css = ("@media (max-width: 600px){.jupyter-wrapper pre{margin:0}.jupyter-wrapper .nope{margin:1px}}"
           "@media print{.jupyter-wrapper .nope{display:none}}")
    assert kept_css(pages, css, BODY) == "@media (max-width: 600px){.jupyter-wrapper pre{margin:0}}"


def test_custom_properties_go_unless_something_reads_them(pages):
    css = (".jupyter-wrapper{--jp-a: 1px;--jp-b: var(--jp-c);--jp-c: red;--jp-unread: 2px;"
           "--md-default-fg-color: red}"  # Material's stylesheets read this one
           ".jupyter-wrapper pre{margin:var(--jp-a);color:var(--jp-b)}")
    kept = kept_css(pages, css, BODY)
    assert "--jp-a:" in kept and "--jp-b:" in kept and "--jp-c:" in kept  # read, also through b
    assert "--jp-unread" not in kept and "--md-default-fg-color:" in kept


def test_strings_and_comments_do_not_confuse_the_parser(pages):
    css = ('/* .jupyter-wrapper .nope{} */.jupyter-wrapper pre::before{content:"}{;,"}'
           ".jupyter-wrapper .nope{x:y}")
    assert kept_css(pages, css, BODY) == '.jupyter-wrapper pre::before{content:"}{;,"}'


def test_a_page_without_diagrams_loses_the_mermaid_loader(pages):
    loader = ('<script type="module">\n  document.addEventListener("DOMContentLoaded", async () => {\n'
              '    const diagrams = document.querySelectorAll(".jp-Mermaid > pre.mermaid");\n'
              "  });\n</script>")
    html = page(".jupyter-wrapper pre{margin:0}", BODY).replace("</head>", loader + "</head>")
    assert "jp-Mermaid" not in pages.trim_notebook(html)
    with_diagram = html.replace("</h2>", '</h2><div class="jp-Mermaid"><pre class="mermaid">x</pre></div>')
    assert "jp-Mermaid > pre.mermaid" in pages.trim_notebook(with_diagram)


def test_a_python_list_printed_as_a_style_goes(pages):
    """mkdocs-jupyter prints its list of Pygments styles into a second <style> as a Python list."""
    html = page(".jupyter-wrapper pre{margin:0}", BODY).replace(
        "</head>", "<style type=\"text/css\">\n['pre { line-height: 125%; }']</style></head>")
    out = pages.trim_notebook(html)
    assert "line-height" not in out and out.count("<style") == 1
