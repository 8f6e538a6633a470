"""The digit concepts, checked on hand-made images and against brute-force pixel loops."""

from collections import deque

import numpy as np
import pytest

from neuron_tutorial import digit_concepts as dc


def picture(rows):
    """An image ``(64,)`` from 8 strings of 8 characters: '#' ink (1.0), '+' faint (0.3), '.' blank."""
    value = {"#": 1.0, "+": 0.3, ".": 0.0}
    return np.array([[value[c] for c in row] for row in rows], dtype=float).ravel()


RING = picture(["........", ".######.", ".#....#.", ".#....#.", ".######.", "........", "........",
                "........"])
OPEN = picture(["........", ".######.", ".#......", ".#....#.", ".######.", "........", "........",
                "........"])
DIAGONAL = picture(["........", "...#....", "..#.#...", "...#....", "........", "........", "........",
                    "........"])   # a diamond touching at corners: still closed for side-to-side flooding
LOW_LOOP = picture(["........", "........", "........", "........", "..####..", "..#..#..", "..####..",
                    "........"])
STROKE = picture(["...#...."] * 8)
BARS = picture([".#####..", "........", "........", "...####.", "........", "........", "#######.",
                "........"])


def name(concept):
    return dc.NAMES.index(concept)


def flood_by_hand(image):
    """Enclosed background of one ``(64,)`` image by breadth-first search from the border."""
    background = image.reshape(8, 8) < dc.INK
    seen = np.zeros((8, 8), bool)
    queue = deque((r, c) for r in range(8) for c in range(8)
                  if (r in (0, 7) or c in (0, 7)) and background[r, c])
    for r, c in queue:
        seen[r, c] = True
    while queue:
        r, c = queue.popleft()
        for dr, dc_ in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            a, b = r + dr, c + dc_
            if 0 <= a < 8 and 0 <= b < 8 and background[a, b] and not seen[a, b]:
                seen[a, b] = True
                queue.append((a, b))
    return background & ~seen


def test_names_are_distinct_and_cover_every_column():
    assert len(set(dc.NAMES)) == len(dc.NAMES) == 10 + 2 * len(dc.GRADED) + len(dc.STROKES) == 44
    images = np.stack([RING, OPEN, STROKE])
    assert dc.labels(images, [0, 1, 2]).shape == (3, 44)


def test_loops_on_hand_made_images():
    holes = dc.enclosed_background(np.stack([RING, OPEN, DIAGONAL, LOW_LOOP, STROKE]))
    assert holes[0].sum() == 8 and holes[0][2:4, 2:6].all()    # the ring's inside
    assert not holes[1].any()                                   # a gap lets the background in
    assert holes[2].sum() == 1 and holes[2][2, 3]               # corners close a loop
    assert holes[3].sum() == 2 and holes[3][5, 3:5].all()
    assert not holes[4].any()
    strokes = dc.stroke_labels(np.stack([RING, OPEN, LOW_LOOP]))
    top, bottom = dc.STROKES.index("loop in the top half"), dc.STROKES.index("loop in the bottom half")
    assert strokes[:, top].tolist() == [True, False, False]
    assert strokes[:, bottom].tolist() == [False, False, True]


def test_flood_fill_agrees_with_breadth_first_search():
    rng = np.random.default_rng(0)
    images = (rng.random((300, 64)) < rng.uniform(0.2, 0.7, (300, 1))).astype(float)
    holes = dc.enclosed_background(images)
    assert holes.any()                           # the sample does test enclosed pixels
    for image, found in zip(images, holes, strict=True):
        np.testing.assert_array_equal(found, flood_by_hand(image))


def test_strokes_and_bars_on_hand_made_images():
    strokes = dc.stroke_labels(np.stack([STROKE, BARS, RING]))
    s = {n: strokes[:, k].tolist() for k, n in enumerate(dc.STROKES)}
    assert s["vertical stroke"] == [True, False, False]
    assert s["bar at the top"] == [False, True, True]           # 5 in row 1 (BARS), 6 in row 1 (RING)
    assert s["bar in the middle"] == [False, False, True]       # BARS: only 4 in row 3; RING: row 4
    assert s["bar at the bottom"] == [False, True, False]


def test_longest_runs_agree_with_counting_by_hand():
    rng = np.random.default_rng(1)
    ink = rng.random((50, 8, 8)) < 0.6
    for axis in (1, 2):
        runs = dc.longest_runs(ink, axis)
        for n in range(50):
            lines = ink[n].T if axis == 1 else ink[n]           # per column, or per row
            for k, line in enumerate(lines):
                text = "".join("1" if v else "0" for v in line)
                assert runs[n, k] == max(len(part) for part in text.split("0"))


def test_graded_features_by_hand():
    f = dict(zip(dc.GRADED, dc.graded_features(np.stack([STROKE, RING, np.zeros(64)])).T, strict=True))
    # The ring: rows 1 and 4 inked in columns 1-6, rows 2 and 3 in columns 1 and 6.
    np.testing.assert_allclose(f["ink: whole image"], [8 / 64, 16 / 64, 0])
    np.testing.assert_allclose(f["ink: left half"], [8 / 32, 8 / 32, 0])
    np.testing.assert_allclose(f["ink: top-right quadrant"], [0, 5 / 16, 0])
    np.testing.assert_allclose(f["ink: centre"], [4 / 16, 4 / 16, 0])
    columns = [1] * 4 + [6] * 4 + [2, 2, 3, 3, 4, 4, 5, 5]          # the column of each ink pixel
    np.testing.assert_allclose(f["horizontal spread"], [0, np.std(columns), 0], atol=1e-12)
    rows = [1] * 6 + [2, 2, 3, 3] + [4] * 6
    np.testing.assert_allclose(f["vertical spread"], [np.std(np.arange(8)), np.std(rows), 0])
    np.testing.assert_allclose(f["left-right asymmetry"], [16 / 8, 0, 0])   # the stroke mirrors to column 4
    # Mirrored, rows 1-4 land on 6-3: 6 + 2 differ in rows 1, 6 and 2, 5; 4 in rows 3 and 4.
    np.testing.assert_allclose(f["top-bottom asymmetry"], [0, (6 + 2 + 4 + 4 + 2 + 6) / 16, 0])


def test_percentile_concepts_take_a_tenth_of_distinct_values_and_keep_labels_in_any_company():
    rng = np.random.default_rng(2)
    images = rng.random((100, 64))
    digits = rng.integers(0, 10, 100)
    labels = dc.labels(images, digits)
    graded = labels[:, 10:10 + 2 * len(dc.GRADED)]
    np.testing.assert_array_equal(graded.sum(axis=0), 10)       # 100 distinct values: 10 each side
    np.testing.assert_array_equal(labels[:, :10], digits[:, None] == np.arange(10))
    alone = dc.labels(images[:7], digits[:7], reference=images)
    np.testing.assert_array_equal(alone, labels[:7])


@pytest.mark.parametrize("images, digits, argument", [
    (np.zeros((2, 63)), [0, 1], "images"),
    (np.full((2, 64), 1.5), [0, 1], "images"),
    (np.zeros((0, 64)), [], "images"),
    (np.zeros((2, 64)), [0], "digits"),
    (np.zeros((2, 64)), [0, 10], "digits"),
])
def test_bad_input_names_the_argument(images, digits, argument):
    with pytest.raises(ValueError, match=argument):
        dc.labels(images, digits)


def test_bad_reference_names_itself():
    with pytest.raises(ValueError, match="reference"):
        dc.labels(np.zeros((2, 64)), [0, 1], reference=np.zeros((2, 8)))
