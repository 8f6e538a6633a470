"""Bench section: the measured Network Dissections of page 7, as the figures run them.

The toy world (both activations, the figure's seeds) and the digits experiment
(one activation, 20 networks, 11 values of α: issue 11 asks for at most 60 s).
The digits runs take long enough to time once each. They run with one BLAS
thread: on a 2-core machine shared with other work, OpenBLAS's default two
threads wait on each other and the same run took 6× longer (229 s against 38 s
for ReLU, with load ~10); threadpoolctl comes with scikit-learn, which the
digits need anyway.
"""

from __future__ import annotations

import time

import numpy as np
from threadpoolctl import threadpool_limits

from neuron_tutorial import dissection
from neuron_tutorial.figures import WIDGETS
from neuron_tutorial.figures.dissection import ALPHAS

from common import Row, best_of

DIGIT_SEEDS = range(20)


def _mean_sd(values: np.ndarray) -> str:
    return f"{values.mean():.2f} ± {values.std(ddof=1):.2f}"


def toy() -> list[Row]:
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


def digits() -> list[Row]:
    rows = []
    for activation in ("relu", "linear"):
        with threadpool_limits(limits=1, user_api="blas"):
            start = time.perf_counter()
            result = dissection.run(activation, ALPHAS, DIGIT_SEEDS, data="digits")
            seconds = time.perf_counter() - start
        found, kurtosis = result.detectors, result.kurtosis
        text = (f"{seconds:9.2f} s    ({len(DIGIT_SEEDS)} networks, {len(ALPHAS)} values of α); "
                f"detectors α=0: {_mean_sd(found[:, 0])}, α=1: {_mean_sd(found[:, -1])}; "
                f"kurtosis α=0: {_mean_sd(kurtosis[:, 0])}, α=1: {_mean_sd(kurtosis[:, -1])}")
        label = f"dissection.run digits, {activation} (1 BLAS thread)"
        rows.append(Row(label, text, f"dissection.digits.{activation}",
                        {"seconds": seconds,
                         "detectors_alpha0": float(result.detectors[:, 0].mean()),
                         "detectors_alpha1": float(result.detectors[:, -1].mean()),
                         "test_accuracy": float(result.test_accuracy.mean())}))
    return rows


def run() -> list[Row]:
    return toy() + digits()
