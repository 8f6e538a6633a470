"""Bench section: the measured mini Network Dissection of page 7, as the figure runs it."""

from __future__ import annotations

import numpy as np

from neuron_tutorial import dissection
from neuron_tutorial.figures import WIDGETS
from neuron_tutorial.figures.dissection import ALPHAS

from common import Row, best_of


def run() -> list[Row]:
    seeds = range(WIDGETS["dissection"].params["seeds"])
    rows = []
    for activation in ("relu", "linear"):
        result = dissection.run(activation, ALPHAS, seeds)
        seconds = best_of(lambda a=activation: dissection.run(a, ALPHAS, seeds), repeat=3)
        unique = result.unique_detectors
        text = (f"{seconds:9.2f} s    ({len(seeds)} networks, {len(ALPHAS)} values of α); unique detectors "
                f"α=0: {unique[:, 0].mean():.2f} ± {unique[:, 0].std():.2f}, "
                f"α=1: {unique[:, -1].mean():.2f} ± {unique[:, -1].std():.2f}")
        rows.append(Row(f"dissection.run, {activation}", text, f"dissection.{activation}",
                        {"seconds": seconds, "unique_alpha0": float(np.mean(unique[:, 0])),
                         "unique_alpha1": float(np.mean(unique[:, -1]))}))
    return rows
