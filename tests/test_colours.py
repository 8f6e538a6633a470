"""The colours: told apart under colour-vision deficiencies, and readable text in both schemes."""

import numpy as np
import pytest
from colorspacious import cspace_convert, deltaE

from neuron_tutorial.figures.kit.style import SIGN_COLOURS, THEMES


def rgb(colour: str) -> np.ndarray:
    return np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)], dtype=float)


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two sRGB colours."""
    def luminance(colour):
        c = rgb(colour) / 255
        c = np.where(c <= 0.03928, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
    high, low = sorted([luminance(a), luminance(b)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def simulate(colour: str, kind: str) -> np.ndarray:
    """``colour`` as seen with a full deuteranomaly or protanomaly (Machado et al. 2009)."""
    cvd = {"name": "sRGB1+CVD", "cvd_type": kind, "severity": 100}
    return np.clip(cspace_convert(rgb(colour) / 255, cvd, "sRGB1"), 0, 1)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", ["deuteranomaly", "protanomaly", "tritanomaly"])
def test_sign_pair_stays_distinct_under_colour_vision_deficiency(scheme, kind):
    pair = SIGN_COLOURS[scheme]
    seen = [simulate(pair[key], kind) for key in ("positive", "negative")]
    # CIEDE2000-like distance in CAM02-UCS: above ~20 two colours read as clearly different.
    assert deltaE(seen[0], seen[1], input_space="sRGB1") > 20


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_sign_colours_stand_out_from_the_background(scheme):
    theme = THEMES[scheme]
    for key in ("positive", "negative"):
        assert contrast(theme[key], theme["background"]) >= 3.0, key  # graphics: WCAG 1.4.11


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_in_figures_has_4_5_contrast(scheme):
    theme = THEMES[scheme]
    for key in ("text", "muted"):
        assert contrast(theme[key], theme["background"]) >= 4.5, key
        assert contrast(theme[key], theme["input"]) >= 4.5, key


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", ["deuteranomaly", "protanomaly", "tritanomaly"])
def test_neutral_series_stay_distinct_under_colour_vision_deficiency(scheme, kind):
    theme = THEMES[scheme]
    first, second = (simulate(theme[key], kind) for key in ("series_1", "series_2"))
    # Weaker than the sign pair (dark, deuteranomaly: about 15.5): figures also tell the two
    # series apart by marker and dash, never by colour alone.
    assert deltaE(first, second, input_space="sRGB1") > 15


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_neutral_series_stand_out_from_the_background(scheme):
    theme = THEMES[scheme]
    for key in ("series_1", "series_2"):
        assert contrast(theme[key], theme["background"]) >= 3.0, key  # graphics: WCAG 1.4.11
