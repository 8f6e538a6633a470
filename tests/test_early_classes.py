"""docs/hooks/early_classes.py sets html's js classes in the head, before the body is parsed."""

from __future__ import annotations

from hook_loader import load_hook


def test_the_head_sets_the_classes_and_nothing_else_changes():
    hook = load_hook("early_classes")
    page = '<html class="no-js"><head><title>t</title></head><body><p>text</p></body></html>'
    out = hook.on_post_page(page, None, None)
    head = out[out.index("<head>"):out.index("</head>")]
    assert 'classList.replace("no-js", "js")' in head and "js-focus-visible" in head
    assert out.replace("\n" + hook.EARLY_CLASSES, "") == page
