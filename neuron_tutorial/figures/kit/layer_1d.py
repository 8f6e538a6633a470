"""The seeded one-input layer that ``neurons_1d`` and ``partition_1d`` both read.

Both figures carry, for a range of seeds, the first ``max_m`` neurons numpy draws
(``random_layer`` is prefix-stable, so ``m`` neurons are the first ``m`` rows of a
seed), the same "sign" / "high output" switch and the same seed and ``m`` sliders.
This module builds that shared part in Python; nt/line.js is its browser side
(the seeded layer, the thresholds, the guide lines cut piece by piece, the legend's labels).
"""

from __future__ import annotations

import numpy as np
from bokeh.models import Legend, LegendItem

from ...layer import Layer, random_layer
from . import style
from .params import Param, Params

MODES = ("sign", "high output (95% quantile)")
INTERVAL = (0.0, 1.0)
SEEDS, MAX_M = 20, 16   # the seed table: 20 seeds of 16 neurons each


def layer_table(seeds: int, max_m: int) -> dict:
    """Weights and biases of ``random_layer(max_m, 1, s)`` for ``s`` in ``range(seeds)``.

    Lists of ``seeds`` lists of ``max_m`` floats: JSON for the browser.
    """
    layers = [random_layer(max_m, 1, seed) for seed in range(seeds)]
    return {
        "weights": [layer.weights[:, 0].tolist() for layer in layers],
        "biases": [layer.biases.tolist() for layer in layers],
    }


def seeded_layer(table: dict, seed: int, m: int) -> Layer:
    """The first ``m`` neurons of ``seed`` in ``table``: ``random_layer(m, 1, seed)``."""
    w = np.array(table["weights"][seed][:m], dtype=float)
    return Layer(w[:, None], np.array(table["biases"][seed][:m], dtype=float))


def sign_legend(plot) -> Legend:
    """A horizontal blue/orange legend above ``plot``, labelled by line.js's ``relabel_legend``."""
    light = style.THEMES["light"]
    # Legend samples: renderers with one invisible (NaN) point, so the legend draws them.
    samples = [plot.line([np.nan], [np.nan], line_color=light[key], line_width=3)
               for key in ("positive", "negative")]
    legend = Legend(items=[LegendItem(label=label, renderers=[sample])
                           for label, sample in zip(("positive (A > 0)", "negative (A < 0)"), samples,
                                                    strict=True)],
                    orientation="horizontal", name="legend", border_line_color=None,
                    margin=0, padding=4, spacing=12)
    plot.add_layout(legend, "above")
    return legend


def settings(seed: int, m: int, live: float, live_label: str, modes=MODES) -> Params:
    """The settings both figures share: the mode, the input, the seed and ``m``."""
    return Params(Param("mode", "Colour by", 0, choices=tuple(modes)),
                  Param("live", live_label, live, 0.0, 1.0, 0.01),
                  Param("seed", "Seed", seed, 0, SEEDS - 1, 1),
                  Param("m", "Neurons m", m, 1, MAX_M, 1))
