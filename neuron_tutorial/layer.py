"""A linear layer: ``m`` neurons reading an ``n``-dimensional input, ``A = W F + b``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import ArrayLike

from . import checks


@dataclass(frozen=True, eq=False)
class Layer:
    """``m`` neurons with ``n`` synapses each.

    Row ``k`` of ``weights`` (shape ``(m, n)``) holds neuron ``k``'s synapses and
    ``biases[k]`` (shape ``(m,)``) its bias, so neuron ``k`` outputs
    ``A_k = weights[k] · F + biases[k]`` for an input ``F`` of shape ``(n,)``.
    ``box`` ``((lo, hi), (lo, hi))`` is where a 2-input layer is meant to be read: a
    slice (``slice_layer`` of a ``Plane``) keeps its plane's box, and ``partition_2d``
    uses it when no box is given.
    """

    weights: np.ndarray
    biases: np.ndarray
    box: tuple[tuple[float, float], tuple[float, float]] | None = None

    def __post_init__(self):
        weights = checks.finite_array(self.weights, "weights", ndim=2)
        biases = checks.finite_array(self.biases, "biases", ndim=1)
        if weights.shape[1] == 0:
            raise ValueError("weights must have at least one column (input dimension n >= 1)")
        if biases.shape[0] != weights.shape[0]:
            hint = ""
            if biases.shape[0] == weights.shape[1]:  # scikit-learn, Keras and Flax store (inputs, outputs)
                hint = (f"; weights look transposed (scikit-learn's coefs_ and Keras's kernels are "
                        f"(inputs, outputs)): pass weights.T of shape {weights.shape[::-1]}")
            raise ValueError(
                f"biases must have shape (m,) = ({weights.shape[0]},) to match weights "
                f"of shape {weights.shape}, got {biases.shape}{hint}"
            )
        # Read-only copies: a Layer is a value, and figures built from it must not drift.
        weights, biases = weights.copy(), biases.copy()
        weights.flags.writeable = biases.flags.writeable = False
        object.__setattr__(self, "weights", weights)
        object.__setattr__(self, "biases", biases)
        if self.box is not None:
            object.__setattr__(self, "box", checks.box(self.box))

    @property
    def m(self) -> int:
        """Number of neurons."""
        return self.weights.shape[0]

    @property
    def n(self) -> int:
        """Input dimension (synapses per neuron)."""
        return self.weights.shape[1]

    def __call__(self, inputs: ArrayLike) -> np.ndarray:
        """Outputs of every neuron: inputs ``(..., n)`` -> outputs ``(..., m)``."""
        x = checks.finite_array(inputs, "inputs")
        if x.ndim == 0 or x.shape[-1] != self.n:
            raise ValueError(f"inputs must have shape (..., {self.n}), got {x.shape}")
        return x @ self.weights.T + self.biases

    def shifted(self, thresholds: ArrayLike) -> Layer:
        """The layer whose neuron ``k`` is positive exactly where ``A_k > thresholds[k]``."""
        t = checks.finite_array(thresholds, "thresholds", ndim=1)
        if t.shape != (self.m,):
            raise ValueError(f"thresholds must have shape ({self.m},), got {t.shape}")
        return Layer(self.weights, self.biases - t, self.box)

    def neuron(self, k: int) -> Layer:
        """The one-neuron layer made of neuron ``k``."""
        if not 0 <= k < self.m:
            raise ValueError(f"k must be a neuron index in [0, {self.m}), got {k}")
        return Layer(self.weights[k : k + 1], self.biases[k : k + 1], self.box)

    @classmethod
    def from_arrays(cls, weights: ArrayLike, biases: ArrayLike) -> Layer:
        """A layer from any array-likes, e.g. a PyTorch ``nn.Linear``'s ``weight`` and ``bias``.

        Tensors are detached and moved to the CPU first, so
        ``Layer.from_arrays(linear.weight, linear.bias)`` works without importing torch here.
        """
        return cls(as_float64(weights, "weights"), as_float64(biases, "biases"))

    @classmethod
    def load(cls, path: str | Path, biases_path: str | Path | None = None) -> Layer:
        """A layer from an ``.npz`` (``weights``, ``biases``) or two ``.npy`` files: see ``load_layer``."""
        return load_layer(path, biases_path)

    def __repr__(self) -> str:
        box = "" if self.box is None else f", box={_box_text(self.box)}"
        return f"Layer(m={self.m}, n={self.n}{box})"

    def _repr_html_(self) -> str:
        """A notebook's view: the shape, then each neuron's weights and bias (the first 8)."""
        rows = "".join(f"<tr><td>{k}</td><td>{_numbers(self.weights[k])}</td>"
                       f"<td>{self.biases[k]:.3g}</td></tr>" for k in range(min(self.m, 8)))
        more = f"<tr><td colspan=3>… {self.m - 8} more neurons</td></tr>" if self.m > 8 else ""
        return (f"<b>{self!r}</b>: {self.m} neurons reading {self.n} inputs"
                f"<table><tr><th>neuron</th><th>weights</th><th>bias</th></tr>{rows}{more}</table>")


def _box_text(box) -> str:
    (x0, x1), (y0, y1) = box
    return f"(({x0:.3g}, {x1:.3g}), ({y0:.3g}, {y1:.3g}))"


def _numbers(values, most: int = 6) -> str:
    shown = ", ".join(f"{v:.3g}" for v in values[:most])
    return f"[{shown}{', …' if len(values) > most else ''}]"


def random_layer(m: int, n: int, seed: int = 0) -> Layer:
    """``m`` random neurons on ``n`` inputs whose boundaries cross the unit cube.

    Weights are standard normal; each bias is ``-w · p`` for a point ``p`` drawn
    uniformly from ``[0, 1]^n``, so every neuron's boundary passes through the
    unit cube where the figures look. Weights and points come from two
    independent streams of ``seed``, so the first ``k`` neurons of
    ``random_layer(m, n, seed)`` are ``random_layer(k, n, seed)``: growing ``m``
    in a figure adds neurons without redrawing the old ones.
    """
    m = checks.count(m, "m")
    n = checks.count(n, "n", minimum=1)
    seed = checks.count(seed, "seed")
    weight_stream, point_stream = np.random.SeedSequence(seed).spawn(2)
    weights = np.random.default_rng(weight_stream).standard_normal((m, n))
    points = np.random.default_rng(point_stream).random((m, n))
    return Layer(weights, -np.einsum("mn,mn->m", weights, points))


def as_float64(value: ArrayLike, name: str = "value") -> np.ndarray:
    """A float64 numpy copy of an array-like or tensor (detached, on the CPU, any float dtype).

    ``double()`` before ``numpy()``: numpy has no bfloat16, and float64 holds
    bf16, fp16 and fp32 values exactly.
    """
    if hasattr(value, "detach"):  # a torch tensor: leave autograd and the GPU behind
        value = value.detach().cpu()
        value = value.double() if hasattr(value, "double") else value
        value = value.numpy()
    try:
        return np.array(value, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise ValueError(f"{name} must be an array of numbers, got {type(value).__name__}") from error


def relu(outputs: ArrayLike) -> np.ndarray:
    """The element-wise rectifier ``max(A, 0)``."""
    return np.maximum(checks.finite_array(outputs, "outputs"), 0.0)


def load_layer(path: str | Path, biases_path: str | Path | None = None) -> Layer:
    """A layer from files: an ``.npz`` with ``weights`` and ``biases`` arrays, or two ``.npy``.

    ``.npz`` keys may also be PyTorch's names ``weight`` and ``bias``. With two
    ``.npy`` files, ``path`` holds the weights ``(m, n)`` and ``biases_path`` the
    biases ``(m,)``.
    """
    path = Path(path)
    if not path.exists():
        raise ValueError(f"path must be an existing .npz or .npy file, got {path}")
    if path.suffix == ".npz":
        with np.load(path) as arrays:
            keys = set(arrays.files)
            for weights_key, biases_key in (("weights", "biases"), ("weight", "bias")):
                if {weights_key, biases_key} <= keys:
                    return Layer(arrays[weights_key], arrays[biases_key])
        raise ValueError(f"path must hold arrays 'weights' and 'biases' (or 'weight', 'bias'); "
                         f"{path.name} has {sorted(keys)}")
    if path.suffix == ".npy":
        if biases_path is None:
            raise ValueError("biases_path must name the .npy file of biases when path is a .npy")
        return Layer(np.load(path), np.load(Path(biases_path)))
    raise ValueError(f"path must end in .npz or .npy, got {path.name}")
