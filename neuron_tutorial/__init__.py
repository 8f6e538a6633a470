"""Reading neurons together: the mathematics behind the tutorial's figures.

Floor 1 (numpy only) is imported here; figures live in ``neuron_tutorial.widgets``
and the file-writing build in ``neuron_tutorial.build``.
"""

from .layer import Layer, random_layer, relu
from .partition import Partition, Region, partition_1d, partition_2d
from .thresholds import quantile_thresholds

__all__ = [
    "Layer",
    "Partition",
    "Region",
    "partition_1d",
    "partition_2d",
    "quantile_thresholds",
    "random_layer",
    "relu",
]
