"""Floor 2: the interactive figures, one module (and one script) per figure family."""

from .registry import WIDGETS, Widget

__all__ = ["WIDGETS", "Widget"]
