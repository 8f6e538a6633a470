"""Hypothesis strategies for layers, degenerate ones included.

Small integer weights and biases make the degenerate cases common and exact:
zero rows, parallel and duplicated lines, many lines through one point, lines
along the box's edges or through its corners, lines that miss the box.
"""

import numpy as np
from hypothesis import strategies as st

import neuron_tutorial as nt

small = st.integers(-3, 3)


@st.composite
def layers(draw, n: int, max_m: int = 9):
    """A layer of up to ``max_m`` neurons on ``n`` inputs; rows often repeat from a small pool."""
    row = st.tuples(st.lists(small, min_size=n, max_size=n), st.integers(-6, 6))
    pool = draw(st.lists(row, min_size=1, max_size=5))
    rows = draw(st.lists(st.sampled_from(pool) | row, max_size=max_m))
    weights = np.array([w for w, _ in rows], dtype=float).reshape(len(rows), n)
    biases = np.array([b for _, b in rows], dtype=float)
    return nt.Layer(weights, biases)


boxes = st.tuples(st.integers(-2, 0), st.integers(1, 2), st.integers(-2, 0), st.integers(1, 2)).map(
    lambda t: ((t[0], t[1]), (t[2], t[3]))
)
intervals = st.tuples(st.integers(-3, 0), st.integers(1, 3))
