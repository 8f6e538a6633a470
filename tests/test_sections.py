"""docs/hooks/sections.py puts each h2's stretch of a page in a section the browser may skip."""

from __future__ import annotations

import re

import pytest

from conftest import load_hook

ARTICLE = '<article class="md-content__inner md-typeset">'


@pytest.fixture(scope="module")
def sections():
    return load_hook("sections")


def unwrapped(html: str) -> str:
    return re.sub(r'<section class="nt-section"[^>]*>|</section>', "", html)


ARTICLE_BODY = (
    "<h1>Title</h1><p>Intro.</p>"
    '<h2 id="a">A</h2><p>One.</p><div class="admonition tip"><h2>Not a cut</h2><p>x</p></div>'
    '<h2 id="b">B</h2><ul><li>item</li></ul><p>Two.</p>')


def test_every_top_level_h2_starts_a_section_and_nothing_else_changes(sections):
    out = sections.sectioned(ARTICLE_BODY)
    assert unwrapped(out) == ARTICLE_BODY
    bodies = re.findall(r'<section class="nt-section"[^>]*>(.*?)</section>', out, re.S)
    assert [b[:12] for b in bodies] == ['<h2 id="a">A', '<h2 id="b">B']
    assert "Not a cut" in bodies[0]
    assert out.startswith("<h1>Title</h1><p>Intro.</p><section")


def test_a_page_without_h2_is_left_alone(sections):
    assert sections.sectioned("<h1>T</h1><p>text</p>") == "<h1>T</h1><p>text</p>"


def test_the_page_gets_its_classes_early_and_its_sections(sections):
    page = (f'<html class="no-js"><head><title>t</title></head><body>{ARTICLE}{ARTICLE_BODY}'
            "</article></body></html>")
    out = sections.on_post_page(page, None, None)
    head = out[out.index("<head>"):out.index("</head>")]
    assert 'classList.replace("no-js", "js")' in head and "js-focus-visible" in head
    assert out.count('<section class="nt-section"') == 2
    assert unwrapped(out).replace("\n" + sections.EARLY_CLASSES, "") == page


def test_estimates_grow_with_the_text_and_are_taller_on_a_phone(sections):
    short = '<h2>A</h2><p>' + "word " * 20 + "</p>"
    long = '<h2>A</h2><p>' + "word " * 400 + "</p>"
    for column in ("phone", "wide"):
        assert sections.estimate(long, column) > sections.estimate(short, column) > 0
    assert sections.estimate(long, "phone") > sections.estimate(long, "wide")


def test_a_figure_counts_with_its_measured_height_at_the_column_width(sections):
    rows = "[[300,1000],[400,900],[700,600]]"
    figure = f"<h2>A</h2><iframe class=\"nt-widget\" data-heights='{rows}'></iframe>"
    width_phone, width_wide = sections.COLUMNS["phone"][0], sections.COLUMNS["wide"][0]
    expected_phone = 1000 - 100 * (width_phone - 300) / 100
    expected_wide = 900 - 300 * (width_wide - 400) / 300
    gaps = 2 * sections.BLOCK_GAP
    for column, expected in (("phone", expected_phone), ("wide", expected_wide)):
        added = sections.estimate(figure, column) - sections.estimate("<h2>A</h2>", column)
        assert added == pytest.approx(expected + gaps, abs=1)
