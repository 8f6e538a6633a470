"""MkDocs hook: repairs to every built page, and a notebook page's CSS cut to what it uses.

Accessibility: Material's search dialog carries ``role="dialog"`` without an accessible
name (axe: aria-dialog-name): it is named "Search". A notebook page's code cells scroll
sideways but cannot take keyboard focus (axe: scrollable-region-focusable): they get
``tabindex="0"``. Its cells' input wrappers, on the other hand, carry ``tabindex="0"`` for
JupyterLab's keyboard navigation, which a static page does not have: 21 invisible Tab stops on
chapter 9, which lose it.

Speed: the API page's signatures are not code blocks. Material's script mounts every code
block (a copy button, a watch on its size), and each mount reads the page's layout right after
changing it: 45 signatures cost the API page about 400 ms of style and layout in one task on
Lighthouse's phone. A signature is a ``code`` element with a code block's look (site.css).

Weight: mkdocs-jupyter inlines all of JupyterLab's CSS (about 580 KB) into a notebook
page, although a page of code cells and text outputs uses a few dozen of its rules.
Every rule whose selector can match no element of the page is dropped (a selector is
tried with its pseudo-classes and attribute tests removed, so hover, focus and the
dark scheme's rules stay), then every custom property that nothing reads. Its Mermaid
loader goes too when the page has no diagram.
"""

from __future__ import annotations

import re
from pathlib import Path

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
NOTEBOOK_CODE = '<div class="highlight-ipynb'
CELL_STOP = '<div class="jp-Cell-inputWrapper" tabindex="0">'
DOCS = Path(__file__).resolve().parents[1]

_SIGNATURE = re.compile(r'(<div class="doc-signature highlight">)<pre><span></span>(<code>.*?</code>)</pre>',
                        re.S)
_STYLE = re.compile(r"(<style[^>]*>)(.*?)(</style>)", re.S)
_MERMAID = re.compile(r'<script type="module">\s*document\.addEventListener\("DOMContentLoaded", '
                      r'async \(\) => \{\s*const diagrams = document\.querySelectorAll\("\.jp-Mermaid.*?'
                      r"</script>", re.S)
_PSEUDO = re.compile(r"::?[\w-]+")
_VAR = re.compile(r"var\(\s*(--[\w-]+)")
_NAMES = re.compile(r"([.#]?)(-?[A-Za-z_][\w-]*)")
_TOKENS = re.compile(r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'|/\*.*?\*/|[{}();,]', re.S)
_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_SKIP = re.compile(r"<(style|script)\b.*?</\1>", re.S)
_cache: dict[int, str] = {}


def on_post_page(output, page, config):
    output = output.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + ' aria-label="Search">')
    output = _SIGNATURE.sub(r"\1\2", output)
    if 'class="jupyter-wrapper"' in output:
        output = trim_notebook(output).replace(CELL_STOP, CELL_STOP.replace(' tabindex="0"', ""))
    return output.replace(NOTEBOOK_CODE, '<div tabindex="0" class="highlight-ipynb')


def trim_notebook(html: str) -> str:
    """The page with its inline JupyterLab CSS cut to the rules its elements can match."""
    key = hash(html)
    if key in _cache:  # under `mkdocs serve` the page comes back unchanged at every edit
        return _cache[key]
    markup = _SKIP.sub("", html)
    if "jp-Mermaid" not in markup:
        html = _MERMAID.sub("", html)
    used = _used_names(markup)
    sheets = []
    for match in _STYLE.finditer(html):
        text = match.group(2)
        if text.lstrip().startswith(("['", '["')):  # a Python list printed into the page: not CSS
            sheets.append([])
            continue
        sheets.append(_keep_rules(_blocks(_COMMENT.sub("", text)), used))
    _drop_unread_properties(sheets)
    kept = iter(sheets)

    def replace(match):
        css = _serialize(next(kept))
        return match.group(1) + css + match.group(3) if css else ""

    trimmed = _STYLE.sub(replace, html)
    _cache.clear()  # one page: the last one is all `mkdocs serve` asks for again
    _cache[key] = trimmed
    return trimmed


def _used_names(markup: str) -> set[str]:
    """Every tag name, ``.class`` and ``#id`` in the page's markup."""
    used = {tag.lower() for tag in re.findall(r"<([A-Za-z][\w-]*)", markup)} | {"html", "body"}
    for classes in re.findall(r'\sclass="([^"]*)"', markup):
        used.update("." + c for c in classes.split())
    used.update("#" + i for i in re.findall(r'\sid="([^"]*)"', markup))
    return used


def _blocks(css: str) -> list[list]:
    """Top-level ``[prelude, body]`` pairs of a stylesheet (a body is text; an at-rule
    without a block, such as ``@charset``, has body None)."""
    blocks, depth, start, open_at = [], 0, 0, 0
    for token in _TOKENS.finditer(css):
        ch = token.group(0)
        if ch == "{":
            if depth == 0:
                open_at = token.end()
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                blocks.append([css[start:open_at - 1].strip(), css[open_at:token.start()]])
                start = token.end()
        elif ch == ";" and depth == 0:
            blocks.append([css[start:token.start()].strip(), None])
            start = token.end()
    return blocks


def _keep_rules(blocks: list[list], used: set[str]) -> list[list]:
    kept = []
    for prelude, body in blocks:
        if prelude.startswith("@media") or prelude.startswith("@supports"):
            inner = _keep_rules(_blocks(body), used)
            if inner:
                kept.append([prelude, inner])
        elif prelude.startswith("@"):
            if body is not None:
                kept.append([prelude, body])  # keyframes, font faces: few and small; not @charset
        elif any(_can_match(s, used) for s in _split(prelude)):
            kept.append([prelude, body])
    return kept


def _serialize(blocks: list[list]) -> str:
    return "".join(f"{p}{{{_serialize(b) if isinstance(b, list) else b}}}" for p, b in blocks)


def _split(text: str, sep: str = ",") -> list[str]:
    """``text`` split at ``sep`` outside brackets and strings (not in ``:is(a, b)``, ``url(;)``)."""
    parts, depth, start = [], 0, 0
    for token in _TOKENS.finditer(text):
        ch = token.group(0)
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == sep and depth == 0:
            parts.append(text[start:token.start()])
            start = token.end()
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def _general(selector: str) -> str:
    """``selector`` without pseudo-classes, pseudo-elements and attribute tests (matches more)."""
    out, i = [], 0
    while i < len(selector):
        ch = selector[i]
        if ch == "\\":  # an escaped character is part of a name
            out.append(selector[i:i + 2])
            i += 2
            continue
        if ch == "[":
            end = selector.find("]", i)
            if end < 0:
                return selector  # not a selector we understand: _can_match keeps its rule
            i = end + 1
            continue
        if ch == ":":
            i += len(_PSEUDO.match(selector, i).group(0))
            if i < len(selector) and selector[i] == "(":
                level = 0
                while True:
                    level += {"(": 1, ")": -1}.get(selector[i], 0)
                    i += 1
                    if level == 0:
                        break
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _can_match(selector: str, used: set[str]) -> bool:
    """False when the selector names a tag, class or id the page lacks (a necessary condition)."""
    if re.search(r"\S\s*[\s>+~]\s*:root", selector):
        return False  # the root element inside another: never
    general = _general(selector)
    if "\\" in general:
        return True  # escaped names: keep rather than guess
    for prefix, name in _NAMES.findall(general):
        if (prefix + name if prefix else name.lower()) not in used:
            return False
    return True


def _drop_unread_properties(sheets: list[list]) -> None:
    """Remove, in place, custom properties that no kept rule, Material or site.css reads."""
    import material

    outside = [p.read_text() for p in (Path(material.__file__).parent / "templates" / "assets"
                                       / "stylesheets").glob("*.css")]
    outside += [p.read_text() for p in (DOCS / "stylesheets").glob("*.css")]
    read_outside = {name for text in outside for name in _VAR.findall(text)}
    rules = [rule for sheet in sheets for rule in _flat(sheet)]
    for rule in rules:
        rule[1] = _split(rule[1], ";")
    while True:
        read = read_outside | {name for rule in rules for decl in rule[1] for name in _VAR.findall(decl)}
        before = sum(len(rule[1]) for rule in rules)
        for rule in rules:
            rule[1] = [d for d in rule[1] if not d.startswith("--") or d.split(":")[0].strip() in read]
        if sum(len(rule[1]) for rule in rules) == before:
            break
    for rule in rules:
        rule[1] = ";".join(rule[1])


def _flat(blocks: list[list]):
    """The style rules of ``blocks``, inside @media blocks too."""
    for block in blocks:
        if isinstance(block[1], list):
            yield from _flat(block[1])
        elif not block[0].startswith("@"):
            yield block
