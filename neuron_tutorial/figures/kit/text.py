"""Numbers written as the browser writes them (nt/format.js), for the texts a figure starts with."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def fmt(x: float, digits: int = 2) -> str:
    """A number as style.js's ``fmt`` writes it: fixed decimals and a real minus sign.

    JavaScript's ``toFixed`` rounds the exact binary value half away from zero (−0.125 gives
    −0.13, where Python's format gives −0.12); Decimal does the same, so both sides agree.
    """
    if abs(x) < 0.5 * 10**-digits:
        return f"{0:.{digits}f}"
    text = str(Decimal(x).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))
    return text.replace("-", "\u2212")


def signed(x: float, digits: int = 2) -> str:
    """A term after the first, as nt/format.js's ``signed`` writes it: ``+ 0.35``, ``− 0.35``, ``+ 0.00``."""
    text = fmt(x, digits)
    return f"− {text[1:]}" if text.startswith("−") else f"+ {text}"
