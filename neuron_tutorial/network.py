"""A network of layers with a ReLU between consecutive layers, and its slices on a plane.

``z_1 = W_1 x + b_1``, ``h_l = ReLU(z_l)``, ``z_{l+1} = W_{l+1} h_l + b_{l+1}``: the
network's output is the last layer's pre-activation ``z_L`` (no ReLU after it), so a
classifier's scores or a regression's value read off it directly.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import checks
from .layer import Layer
from .slices import Plane, slice_layer


@dataclass(frozen=True, eq=False)
class Network:
    """Layers ``layers[0] .. layers[L-1]`` whose sizes chain.

    Layer ``l+1`` reads layer ``l``'s ``m`` outputs through a ReLU.
    """

    layers: tuple[Layer, ...]

    def __post_init__(self):
        try:
            layers = tuple(self.layers)
        except TypeError as error:
            raise ValueError(f"layers must be a sequence of neuron_tutorial.Layer, "
                             f"got {self.layers!r}") from error
        if not layers:
            raise ValueError("layers must hold at least one neuron_tutorial.Layer, got an empty sequence")
        for index, layer in enumerate(layers):
            if not isinstance(layer, Layer):
                raise ValueError(f"layers[{index}] must be a neuron_tutorial.Layer, "
                                 f"got {type(layer).__name__}")
        for index, (before, after) in enumerate(zip(layers[:-1], layers[1:], strict=True)):
            if after.n != before.m:
                raise ValueError(
                    f"layers must chain: layers[{index + 1}] reads n = {after.n} inputs but "
                    f"layers[{index}] has m = {before.m} neurons"
                )
        object.__setattr__(self, "layers", layers)

    @property
    def sizes(self) -> tuple[int, ...]:
        """``(n, m_1, ..., m_L)``: the input dimension, then every layer's width."""
        return (self.layers[0].n, *(layer.m for layer in self.layers))

    @property
    def n(self) -> int:
        """Input dimension."""
        return self.layers[0].n

    @property
    def m(self) -> int:
        """Width of the last layer (the number of outputs)."""
        return self.layers[-1].m

    def __len__(self) -> int:
        return len(self.layers)

    def __call__(self, inputs) -> np.ndarray:
        """The last layer's pre-activation: inputs ``(..., n)`` -> outputs ``(..., m_L)``."""
        return self.pre_activations(inputs)[-1]

    def pre_activations(self, inputs) -> list[np.ndarray]:
        """Every layer's pre-activation ``z_l``: inputs ``(..., n)`` -> ``[(..., m_1), ..., (..., m_L)]``."""
        x = checks.finite_array(inputs, "inputs")
        if x.ndim == 0 or x.shape[-1] != self.n:
            raise ValueError(f"inputs must have shape (..., {self.n}), got {x.shape}")
        outputs = []
        for layer in self.layers:
            z = x @ layer.weights.T + layer.biases
            outputs.append(z)
            x = np.maximum(z, 0.0)
        return outputs

    def sliced(self, plane: Plane) -> Network:
        """The 2-input network on ``plane`` (see ``slice_network``)."""
        return slice_network(self, plane)

    def __repr__(self) -> str:
        return f"Network(sizes={self.sizes})"

    def _repr_html_(self) -> str:
        rows = "".join(f"<tr><td>{i}</td><td>{layer.n}</td><td>{layer.m}</td></tr>"
                       for i, layer in enumerate(self.layers))
        return (f"<b>{self!r}</b>: {len(self)} layers, ReLU between them"
                f"<table><tr><th>layer</th><th>inputs</th><th>neurons</th></tr>{rows}</table>")


def slice_network(network: Network, origin, u=None, v=None) -> Network:
    """The 2-input network that ``network`` becomes on the plane ``x = origin + s·u + t·v``.

    Only the first layer reads the input, so only it is sliced (``slice_layer``);
    the deeper layers are unchanged. ``origin`` may also be a ``Plane`` (then
    ``u`` and ``v`` are taken from it and must be left out).
    """
    if not isinstance(network, Network):
        raise ValueError(f"network must be a neuron_tutorial.Network, got {type(network).__name__}")
    first = slice_layer(network.layers[0], origin, u, v)  # a Plane's box stays with the first layer
    return Network((first, *network.layers[1:]))
