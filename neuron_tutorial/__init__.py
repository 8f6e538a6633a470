"""Reading neurons together: the mathematics behind the tutorial's figures.

Floor 1 (numpy only) is imported here; figures live in ``neuron_tutorial.figures``
and the file-writing build, command line and notebook display in ``neuron_tutorial.site``.
"""

from . import dissection, loaders, superposition
from .deep_partition import partition_2d
from .directions import direction_neuron, partial_rotation, random_rotation, rotated
from .layer import Layer, load_layer, random_layer, relu
from .loaders import load
from .network import Network, slice_network
from .partition import Partition, Region, partition_1d
from .slices import Plane, plane_through, slice_layer
from .thresholds import quantile_thresholds

__all__ = [
    "__version__",
    "Layer",
    "Network",
    "Partition",
    "Plane",
    "Region",
    "direction_neuron",
    "dissection",
    "load",
    "load_layer",
    "loaders",
    "partial_rotation",
    "partition_1d",
    "partition_2d",
    "plane_through",
    "quantile_thresholds",
    "random_layer",
    "random_rotation",
    "relu",
    "rotated",
    "slice_layer",
    "slice_network",
    "superposition",
]


def _version() -> str:
    """The installed distribution's version, else (a source checkout) pyproject.toml's."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("neuron_tutorial")
    except PackageNotFoundError:
        import tomllib
        from pathlib import Path

        with (Path(__file__).parents[1] / "pyproject.toml").open("rb") as file:
            return tomllib.load(file)["project"]["version"]


__version__ = _version()


def __getattr__(name: str):
    # nt.show lives on floor 3 (it needs bokeh): found on first use, so importing nt loads no bokeh.
    if name == "show":
        from importlib import import_module

        return import_module("neuron_tutorial.site.notebook").show
    raise AttributeError(f"module 'neuron_tutorial' has no attribute {name!r}")
