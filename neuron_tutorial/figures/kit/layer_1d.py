"""The seeded one-input layer that ``neurons_1d`` and ``partition_1d`` both read.

Both figures carry, for a range of seeds, the first ``max_m`` neurons numpy draws
(``random_layer`` is prefix-stable, so ``m`` neurons are the first ``m`` rows of a
seed), the same "sign" / "high output" switch and the same seed and ``m`` sliders.
This module builds that shared part in Python; layer_1d.js is its browser side
(included with ``style.read_js(name, "layer_1d")``) and also mirrors
``partition_1d``, so the two figures cannot drift apart.
"""

from __future__ import annotations

import numpy as np
from bokeh.models import Legend, LegendItem

from ...layer import Layer, random_layer
from ...thresholds import quantile_thresholds
from . import style
from .params import Param, Params

MODES = ["sign", "high output (95% quantile)"]
INTERVAL = (0.0, 1.0)
Q = 0.95
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


def levels(layer: Layer, high: bool) -> np.ndarray:
    """What each neuron's output is compared with, shape ``(m,)``.

    0 in sign mode; in "high output" mode the ``Q``-quantile of its outputs over
    ``INTERVAL``, so that the neuron counts as high where ``A_k > levels[k]``.
    """
    return quantile_thresholds(layer, INTERVAL, Q) if high else np.zeros(layer.m)


def legend_labels(high: bool) -> tuple[str, str]:
    """The legend's two labels: what blue and orange mean in this mode."""
    if high:
        return "high (A above its 95% quantile)", "not high"
    return "positive (A > 0)", "negative (A < 0)"


def sign_legend(plot) -> Legend:
    """A horizontal blue/orange legend above ``plot``, relabelled by ``relabel_legend`` in JS."""
    light = style.THEMES["light"]
    # Legend samples: renderers with one invisible (NaN) point, so the legend draws them.
    samples = [plot.line([np.nan], [np.nan], line_color=light[key], line_width=3)
               for key in ("positive", "negative")]
    labels = legend_labels(high=False)
    legend = Legend(items=[LegendItem(label=label, renderers=[sample])
                           for label, sample in zip(labels, samples, strict=True)],
                    orientation="horizontal", name="legend", border_line_color=None,
                    margin=0, padding=4)
    plot.add_layout(legend, "above")
    return legend


def settings(seed: int, m: int, live: float, live_label: str) -> Params:
    """The settings both figures share: the mode, the input, the seed and ``m``."""
    return Params(Param("mode", "Colour by", 0, choices=tuple(MODES)),
                  Param("live", live_label, live, 0.0, 1.0, 0.01),
                  Param("seed", "Seed", seed, 0, SEEDS - 1, 1),
                  Param("m", "Neurons m", m, 1, MAX_M, 1))
