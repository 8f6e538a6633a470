"""The numbers page 7 quotes, computed from the same experiments as its figures.

A page writes ``{{ measured("relu.detectors.alpha0") }}``; the MkDocs hook
``docs/hooks/numbers.py`` replaces it with ``numbers()["relu.detectors.alpha0"]``,
which ``python -m neuron_tutorial numbers`` prints as JSON. Names:

- ``<condition>.<measure>.alpha0`` / ``.alpha1``: mean over the networks at α = 0 / 1;
  ``.sd0`` / ``.sd1`` their standard deviations; ``.paired.mean``, ``.paired.sd``,
  ``.paired.positive``, ``.paired.negative``: the differences α = 0 minus α = 1 per
  network (``detectors.spread``). Conditions: ``relu``, ``linear``, ``untrained_relu``,
  ``untrained_linear`` (digits), ``toy.relu``, ``toy.linear``. Measures: ``detectors``,
  ``unique_detectors``, ``mean_iou``, ``kurtosis`` (digits only), and ``detectors_iou60``,
  ``unique_detectors_iou60`` (the counts at IoU ≥ 0.6).
- ``<condition>.accuracy`` (held-out), ``<condition>.live`` (mean live units).
- ``digits.*``: the setup (networks, hidden units, images, concepts, threshold, mask size);
  ``example.neuron.*`` / ``example.random.*``: the default view of ``dissection_digits``;
  ``relu_figure.*``: shares of the square where a direction of ``directions_relu`` is exactly 0.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from ..detectors import spread
from ..directions import direction_pieces, flat_polygons, polygon_area
from ..figures import WIDGETS, directions_relu, dissection_digits
from ..figures.kit import experiments

MEASURES = ("detectors", "unique_detectors", "mean_iou", "kurtosis")
STRICT = 0.6         # the stricter IoU threshold the page also quotes


def number(x: float, digits: int, sign: bool = False) -> str:
    """``x`` with ``digits`` decimals, a real minus sign (and ``+`` if ``sign``).

    Rounded as the figures round (JavaScript's toFixed): the exact binary value, ties away
    from zero, so the page and its figures print the same digits.
    """
    rounded = Decimal(float(x)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)
    text = str(rounded)
    if sign and rounded > 0:
        text = "+" + text
    return text.replace("-", "−")


def decimals(measure: str) -> int:
    return 3 if measure == "mean_iou" else 2 if measure == "kurtosis" else 1


def measure_numbers(prefix: str, result, measure: str) -> dict:
    """Means, sds at α = 0 and 1 and the paired spread of one measure of one result."""
    name, digits = measure, decimals(measure)
    if measure.endswith("_iou60"):
        result, measure = replace(result, threshold=STRICT), measure.removesuffix("_iou60")
    values = getattr(result, measure).astype(float)
    s = spread(result.paired(measure))
    out = {f"{prefix}.{name}.alpha0": number(values[:, 0].mean(), digits),
           f"{prefix}.{name}.alpha1": number(values[:, -1].mean(), digits),
           f"{prefix}.{name}.sd0": number(values[:, 0].std(ddof=1), digits),
           f"{prefix}.{name}.sd1": number(values[:, -1].std(ddof=1), digits),
           f"{prefix}.{name}.paired.mean": number(s["mean"], digits + 1, sign=True),
           f"{prefix}.{name}.paired.sd": number(s["sd"], digits + 1),
           f"{prefix}.{name}.paired.positive": str(s["positive"]),
           f"{prefix}.{name}.paired.negative": str(s["negative"])}
    return out


def digits_numbers(seeds: int) -> dict:
    out = {}
    for condition in experiments.CONDITIONS:
        result = experiments.digits(condition, seeds)
        for measure in (*MEASURES, "detectors_iou60", "unique_detectors_iou60"):
            out.update(measure_numbers(condition, result, measure))
        out[f"{condition}.accuracy"] = number(result.test_accuracy.mean(), 3)
        out[f"{condition}.live"] = number(result.live.mean(), 1)
    relu = experiments.digits("relu", seeds)
    out.update({"digits.networks": str(seeds), "digits.hidden": str(relu.best_iou.shape[2]),
                "digits.images": str(len(relu.images)), "digits.concepts": str(len(relu.concepts)),
                "digits.threshold": number(relu.threshold, 1), "digits.strict": number(STRICT, 1),
                "digits.mask": str(int(round(len(relu.images) * (1 - relu.q)))),
                "digits.alphas": str(len(relu.alphas))})
    return out


def example_numbers() -> dict:
    """The default view of dissection_digits (network, neuron and random direction ranked 1)."""
    params = WIDGETS["dissection_digits"].params
    shown = dissection_digits.data()
    out = {"example.network": str(params["seed"])}
    for kind in ("neuron", "random"):
        row = dissection_digits.ranked_row(shown, params["seed"], kind, params[kind])
        out.update({f"example.{kind}.slot": str(row["slot"] + 1),
                    f"example.{kind}.concept": shown["concepts"][row["concept"]],
                    f"example.{kind}.iou": number(row["iou"], 2),
                    f"example.{kind}.has": str(sum(row["has"])),
                    f"example.{kind}.live": str(shown["networks"][params["seed"]]["live"])})
    return out


def flat_share(seed: int, mode: int, index: int) -> str:
    """Percent of the square where a direction of directions_relu (its default m) is exactly 0."""
    params = WIDGETS["directions_relu"].params
    table = directions_relu.tables(seed + 1, index)
    layer = directions_relu.layer_of(table, seed, params["m"])
    v = directions_relu.direction(table, params["m"], mode, index, index, 0.0)
    share = sum(polygon_area(p) for p in flat_polygons(direction_pieces(layer, v, "relu")))
    return f"{100 * share:.0f}"


def numbers(seeds: int = experiments.SEEDS) -> dict[str, str]:
    """Every number the pages may quote, by name, as the page prints it."""
    out = digits_numbers(seeds)
    for activation in ("relu", "linear"):
        result = experiments.toy(activation, seeds)
        for measure in ("detectors", "unique_detectors", "mean_iou", "detectors_iou60",
                        "unique_detectors_iou60"):
            out.update(measure_numbers(f"toy.{activation}", result, measure))
        out[f"toy.{activation}.accuracy"] = number(100 * result.accuracy.mean(), 1)
        out[f"toy.{activation}.live"] = number(result.live.mean(), 1)
    out.update(example_numbers())
    seed = WIDGETS["directions_relu"].params["seed"]
    out.update({"relu_figure.seed": str(seed), "relu_figure.flat.neuron1": flat_share(seed, 0, 1),
                "relu_figure.flat.random1": flat_share(seed, 1, 1),
                "relu_figure.flat.random1.seed3": flat_share(3, 1, 1)})
    return out
