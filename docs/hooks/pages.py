"""MkDocs hook: small accessibility repairs to every built page.

Material's search dialog carries ``role="dialog"`` without an accessible name
(axe: aria-dialog-name): it is named "Search". A notebook page's code cells scroll
sideways but cannot take keyboard focus (axe: scrollable-region-focusable): they
get ``tabindex="0"``.
"""

from __future__ import annotations

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


NOTEBOOK_CODE = '<div class="highlight-ipynb'


def on_post_page(output, page, config):
    output = output.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + ' aria-label="Search">')
    return output.replace(NOTEBOOK_CODE, '<div tabindex="0" class="highlight-ipynb')
