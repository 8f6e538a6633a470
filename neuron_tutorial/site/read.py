"""``neuron-tutorial read MODEL --inputs X.npy --rows I J K``: read your own network on a plane.

Loads the network (``nt.load``), takes rows I, J and K of ``X.npy`` as the three
inputs the plane goes through (``plane_through``), partitions the plane's box by
every neuron of the first ``--layer`` layers (``partition_2d``, exact) and writes
one self-contained HTML file with the interactive figure ``network_slice``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

from ..deep_partition import partition_2d
from ..figures import network_slice
from ..figures.kit import style
from ..loaders import load
from ..slices import plane_through
from . import standalone


def add_parser(commands) -> None:
    """The ``read`` subcommand's arguments, on the command line's subparsers."""
    cmd = commands.add_parser("read", help="read your own network on the plane through three inputs",
                              description="Write one self-contained HTML file: the exact regions of "
                                          "MODEL on the plane through three rows of INPUTS.")
    cmd.add_argument("model", type=Path, help="the network: .npz (weights/biases or a state dict), "
                                              ".pt/.pth (needs torch), .pkl/.joblib (scikit-learn)")
    cmd.add_argument("--inputs", type=Path, required=True, help="a .npy of inputs, one per row (N, n)")
    cmd.add_argument("--rows", type=int, nargs=3, required=True, metavar=("I", "J", "K"),
                     help="the three rows of INPUTS the plane goes through")
    cmd.add_argument("--layer", type=int, default=None, metavar="L",
                     help="partition by every neuron of layers 1..L (default: every hidden layer)")
    cmd.add_argument("--margin", type=float, default=0.15, help="box around the three inputs (default 0.15)")
    cmd.add_argument("-o", "--out", type=Path, default=None,
                     help="the HTML file to write (default: MODEL's name with .html, here)")


def run(args: argparse.Namespace) -> int:
    """The command: prints ``regions: N`` and the time on stdout, progress on stderr."""
    out = args.out or Path(args.model.with_suffix(".html").name)
    try:
        count, seconds = read(args.model, args.inputs, args.rows, args.layer, out, args.margin)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"regions: {count}")
    print(f"time: {seconds:.2f} s")
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB)")
    return 0


def read(model: Path, inputs: Path, rows, layer: int | None = None, out: Path = Path("network.html"),
         margin: float = 0.15, progress=None) -> tuple[int, float]:
    """Write the figure of ``model`` on the plane through ``rows`` of ``inputs`` to ``out``.

    Returns the number of regions and the seconds taken. Bad input raises ValueError.
    """
    progress = progress or (lambda text: print(text, file=sys.stderr, flush=True))
    start = time.perf_counter()
    network = load(model)
    x = _inputs(inputs, network.n)
    rows = [int(r) for r in rows]
    bad = [r for r in rows if not -len(x) <= r < len(x)]
    if bad:
        raise ValueError(f"rows must be indices of the {len(x)} rows of {inputs.name}, got {bad}")
    try:
        plane = plane_through(*x[rows], margin=margin)
    except ValueError as error:
        raise ValueError(f"rows {rows} must be three inputs that span a plane (not on one line): "
                         f"{error}") from error
    head = network_slice.head(network.sliced(plane), layer)
    progress(f"read {model.name}: {network!r}; partitioning the plane by "
             f"{sum(head.sizes[1:])} neurons of layers 1..{len(head)}")
    part = partition_2d(head, plane.box)
    progress(f"  {len(part)} regions in {time.perf_counter() - start:.1f} s; drawing the figure")
    labels = [f"row {r}" for r in rows]
    layout = network_slice.build(network, plane, x[rows], labels, len(head), part)
    title = f"{model.name} on the plane through rows {', '.join(map(str, rows))} of {inputs.name}"
    description = (f"The regions of {model.name} ({' → '.join(map(str, network.sizes))}) on the plane "
                   f"through rows {rows} of {inputs.name}: {len(part)} regions.")
    page = standalone.html(style.document(layout, title), title, description)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    return len(part), time.perf_counter() - start


def _inputs(path: Path, n: int) -> np.ndarray:
    if not Path(path).is_file():
        raise ValueError(f"inputs must be an existing .npy file, got {path}")
    try:
        x = np.load(path, allow_pickle=False)
    except (OSError, ValueError) as error:
        raise ValueError(f"inputs must be a readable .npy file of numbers; reading {path} failed: "
                         f"{error}") from error
    x = np.asarray(x, dtype=float).reshape(len(x), -1) if np.ndim(x) >= 2 else np.asarray(x, dtype=float)
    if x.ndim != 2 or x.shape[1] != n:
        raise ValueError(f"inputs must have shape (N, {n}) to match the network's {n} inputs, got {x.shape}")
    return x
