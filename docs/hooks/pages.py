"""MkDocs hook: small repairs to every built page.

Material's search dialog carries ``role="dialog"`` without an accessible name
(axe: aria-dialog-name); naming it "Search" here fixes it for every page.
"""

from __future__ import annotations

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def on_post_page(output, page, config):
    return output.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + ' aria-label="Search">')
