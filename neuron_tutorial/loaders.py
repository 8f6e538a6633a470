"""Networks from what practitioners have: PyTorch modules, scikit-learn MLPs, state dicts, files.

Every loader returns an ``nt.Network`` whose weights are float64 numpy arrays,
whatever they were (tensors that require grad, on a GPU, in bf16 or fp16).
PyTorch and scikit-learn are never imported at module level: ``from_torch`` and
``from_sklearn`` read their objects by duck typing, and only ``load`` of a
``.pt``/``.pth`` file imports torch.

Conventions: PyTorch's ``nn.Linear.weight`` is ``(outputs, inputs)`` like ``Layer.weights``;
scikit-learn's ``coefs_[i]`` (and Keras's and Flax's kernels) are ``(inputs, outputs)``.
"""

from __future__ import annotations

import pickle
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from .layer import Layer, as_float64
from .network import Network

# The state-dict suffixes of a linear layer's parameters, and the one-layer names of load_layer.
PARAMETERS = ("weight", "bias")
SINGLE_LAYER = (("weights", "biases"), ("weight", "bias"))


def from_torch(module: Any) -> Network:
    """The network of a PyTorch ``nn.Sequential`` of ``Linear`` and ``ReLU`` (nested Sequentials too).

    ``Dropout``, ``Identity`` and ``Flatten`` are skipped (no-ops at inference on flat
    inputs). The layers must alternate ``Linear, ReLU, Linear, ..., Linear``: the
    network's output is the last ``Linear``'s (no ReLU after it).
    """
    kinds = []
    for child in _flatten(module):
        kind = type(child).__name__
        if kind in ("Dropout", "Identity", "Flatten"):
            continue
        if kind == "Linear":
            bias = child.bias
            weights = as_float64(child.weight, "module's Linear weight")
            biases = np.zeros(len(weights)) if bias is None else as_float64(bias, "module's Linear bias")
            kinds.append(Layer(weights, biases))
        elif kind == "ReLU":
            kinds.append("ReLU")
        else:
            raise ValueError(f"module must hold only Linear and ReLU layers (and Dropout, Identity, "
                             f"Flatten), got {kind}")
    return Network(_alternating(kinds, "module"))


def _flatten(module):
    if type(module).__name__ != "Sequential" and not isinstance(module, list | tuple):
        raise ValueError(f"module must be an nn.Sequential of Linear and ReLU, got {type(module).__name__}"
                         f" (for another nn.Module, pass nn.Sequential(*its layers in order))")
    for child in module:
        if type(child).__name__ == "Sequential":
            yield from _flatten(child)
        else:
            yield child


def _alternating(kinds: list, name: str) -> list[Layer]:
    """The layers of ``Linear, ReLU, Linear, ..., Linear``, or a ValueError saying what is off."""
    expected = [kind if i % 2 == 0 else "ReLU" for i, kind in enumerate(kinds)]
    layers = kinds[::2]
    if len(kinds) % 2 == 0 or kinds != expected or any(not isinstance(k, Layer) for k in layers):
        names = ["Linear" if isinstance(k, Layer) else k for k in kinds]
        raise ValueError(f"{name} must alternate Linear and ReLU, starting and ending with a Linear "
                         f"(a network's output has no ReLU after it), got {names}")
    return layers


def from_sklearn(mlp: Any) -> Network:
    """The network of a fitted scikit-learn ``MLPClassifier`` or ``MLPRegressor`` with ReLU.

    ``coefs_[i]`` is ``(inputs, outputs)``, so each layer's weights are its transpose.
    The network's output is the last layer's pre-activation: a classifier's scores
    before softmax or logistic (their argmax is the predicted class).
    """
    if getattr(mlp, "activation", "relu") != "relu":
        raise ValueError(f"mlp must use activation='relu', got {mlp.activation!r}")
    if not hasattr(mlp, "coefs_") or not hasattr(mlp, "intercepts_"):
        raise ValueError(f"mlp must be a fitted scikit-learn MLPClassifier or MLPRegressor "
                         f"(with coefs_ and intercepts_), got {type(mlp).__name__}")
    coefs = [as_float64(c, f"mlp.coefs_[{i}]") for i, c in enumerate(mlp.coefs_)]
    intercepts = [as_float64(b, f"mlp.intercepts_[{i}]") for i, b in enumerate(mlp.intercepts_)]
    return Network([Layer(c.T, b) for c, b in zip(coefs, intercepts, strict=True)])


def from_state_dict(mapping: Mapping[str, Any]) -> Network:
    """The network of a state dict: ``{"0.weight": (m_1, n), "0.bias": (m_1,), "2.weight": ...}``.

    Keys are ``<prefix>.weight`` and ``<prefix>.bias`` (a missing bias is zero);
    one layer may also be ``weights``/``biases`` or ``weight``/``bias``. Layers
    follow the prefixes' numbers (``layers.2`` before ``layers.10``) when the
    prefixes differ only in numbers, else the mapping's order. Weights are
    ``(outputs, inputs)`` as in PyTorch.
    """
    if not isinstance(mapping, Mapping) and not hasattr(mapping, "keys"):
        raise ValueError(f"mapping must map names to arrays, got {type(mapping).__name__}")
    keys = list(mapping.keys())
    for weights_key, biases_key in SINGLE_LAYER:
        if set(keys) == {weights_key, biases_key}:
            return Network([Layer(as_float64(mapping[weights_key], weights_key),
                                  as_float64(mapping[biases_key], biases_key))])
    groups: dict[str, dict[str, Any]] = {}
    for key in keys:
        prefix, _, parameter = str(key).rpartition(".")
        if parameter not in PARAMETERS:
            raise ValueError(f"mapping must hold only '<prefix>.weight' and '<prefix>.bias' arrays of "
                             f"Linear layers, got key {key!r}")
        groups.setdefault(prefix, {})[parameter] = mapping[key]
    if not groups:
        raise ValueError("mapping must hold at least one '<prefix>.weight', got no keys")
    prefixes = list(groups)
    if len({re.sub(r"\d+", "#", p) for p in prefixes}) == 1:
        prefixes.sort(key=lambda p: [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", p)])
    layers = []
    for prefix in prefixes:
        group = groups[prefix]
        if "weight" not in group:
            raise ValueError(f"mapping must hold '{prefix}.weight' beside '{prefix}.bias'")
        weights = as_float64(group["weight"], f"{prefix}.weight")
        biases = (as_float64(group["bias"], f"{prefix}.bias") if "bias" in group
                  else np.zeros(weights.shape[:1]))
        layers.append(Layer(weights, biases))
    return Network(layers)


def load(path: str | Path) -> Network:
    """A network from a file.

    - ``.npz``: ``weights`` and ``biases`` (one layer), or state-dict keys
      (``0.weight``, ``0.bias``, ``2.weight``, ...; see ``from_state_dict``);
    - ``.pt``/``.pth``: a PyTorch state dict, or a checkpoint holding one under
      ``state_dict`` or ``model_state_dict`` (needs torch; read with ``weights_only=True``);
    - ``.pkl``/``.joblib``: a pickled scikit-learn MLP. Unpickling runs code:
      load only files you trust.
    """
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"path must be an existing model file (.npz, .pt, .pth, .pkl, .joblib), got {path}")
    suffix = path.suffix.lower()
    readers = {".npz": _load_npz, ".pt": _load_torch, ".pth": _load_torch,
               ".pkl": _load_pickle, ".pickle": _load_pickle, ".joblib": _load_pickle}
    if suffix not in readers:
        raise ValueError(f"path must end in .npz, .pt, .pth, .pkl or .joblib, got {path.name}")
    return readers[suffix](path)


def _unreadable(path: Path, error: Exception) -> ValueError:
    return ValueError(f"path must be a readable model file; reading {path.name} failed: {error}")


def _load_npz(path: Path) -> Network:
    try:
        with np.load(path, allow_pickle=False) as arrays:
            state = {key: arrays[key] for key in arrays.files}
    except (OSError, ValueError, EOFError) as error:  # numpy says ValueError for a file that is no zip
        raise _unreadable(path, error) from error
    return from_state_dict(state)


def _load_torch(path: Path) -> Network:
    try:
        import torch
    except ImportError as error:
        raise ValueError(f"path {path.name} is a PyTorch file and reading it needs torch "
                         f"(pip install torch), or save the state dict with numpy.savez") from error
    try:
        state = torch.load(path, map_location="cpu", weights_only=True)
    except (OSError, RuntimeError, EOFError, pickle.UnpicklingError) as error:
        raise _unreadable(path, error) from error
    for key in ("state_dict", "model_state_dict"):
        if isinstance(state, Mapping) and isinstance(state.get(key), Mapping):
            state = state[key]
    if not isinstance(state, Mapping):
        raise ValueError(f"path must hold a state dict (torch.save(model.state_dict(), ...)), "
                         f"got {type(state).__name__}")
    return from_state_dict(state)


def _load_pickle(path: Path) -> Network:
    try:
        if path.suffix.lower() == ".joblib":
            import joblib

            model = joblib.load(path)
        else:
            with path.open("rb") as file:
                model = pickle.load(file)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ModuleNotFoundError) as error:
        raise _unreadable(path, error) from error
    return from_sklearn(model)


# Network.from_torch(module) etc.: the loaders as classmethod-like aliases (defined here, not in
# network.py, so that network.py does not import the loaders that import it).
Network.from_torch = staticmethod(from_torch)
Network.from_sklearn = staticmethod(from_sklearn)
Network.from_state_dict = staticmethod(from_state_dict)
Network.load = staticmethod(load)
