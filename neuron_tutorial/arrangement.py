"""The cells that an arrangement of lines cuts a box into, built at once with numpy.

``partition_2d`` hands over distinct lines crossing the open box, each a unit
normal ``n`` and an offset ``c`` (signed distance ``n · x + c``), and gets back
the convex cells and what lies across each of their edges. The textbook
construction, vectorised over all lines at once:

1. vertices: the box's corners, both ends of every line, the crossing of
   every pair inside the box; points within the tolerance of each other along
   a line are one vertex if their lines all meet there;
2. edges: consecutive vertices along each line and each side of the box;
3. faces: each edge gives two half-edges with their face on their left; with
   the half-edges leaving each vertex sorted by angle, "at the end of a
   half-edge, take the next one clockwise" is a permutation whose cycles are
   the faces, the one running clockwise around the box being the outside.

Along line ``k`` the direction is ``d = (-n_y, n_x)``, the position ``t = d · x``,
and ``-n`` is on the left. The box's sides are four more lines, numbered ``L``
to ``L + 3``, whose directions run counter-clockwise.
"""

from __future__ import annotations

import numpy as np

# Bottom, right, top, left: normals pointing out of the box, so directions run counter-clockwise.
SIDE_NORMALS = np.array([[0.0, -1.0], [1.0, 0.0], [0.0, 1.0], [-1.0, 0.0]])


def directions(normals: np.ndarray) -> np.ndarray:
    """Unit directions ``(L, 2)`` of lines with unit normals ``(L, 2)``: the normal turned left."""
    return np.stack([-normals[:, 1], normals[:, 0]], axis=1)


def clip(normals: np.ndarray, offsets: np.ndarray, box) -> tuple[np.ndarray, np.ndarray]:
    """Where each line enters and leaves the box (Liang–Barsky).

    Returns ``ends`` ``(L, 2, 2)``, the entry and exit points, each moved exactly
    onto the box side it lies on, and ``sides`` ``(L, 2)``, the index of that side
    (0 bottom, 1 right, 2 top, 3 left). Every line must cross the box.
    """
    (x0, x1), (y0, y1) = box
    d = directions(normals)
    base = -offsets[:, None] * normals
    low, high = np.array([x0, y0]), np.array([x1, y1])
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        to_low, to_high = (low - base) / d, (high - base) / d
    # Per axis: the positions where the line enters and leaves that axis's slab
    # (none for a line parallel to it), and the side it enters and leaves through.
    enter = np.where(d > 0, to_low, np.where(d < 0, to_high, -np.inf))
    leave = np.where(d > 0, to_high, np.where(d < 0, to_low, np.inf))
    enter_side = np.where(d > 0, [3, 0], [1, 2])
    leave_side = np.where(d > 0, [1, 2], [3, 0])
    rows = np.arange(len(d))
    first, last = enter.argmax(axis=1), leave.argmin(axis=1)
    t = np.stack([enter[rows, first], leave[rows, last]], axis=1)
    sides = np.stack([enter_side[rows, first], leave_side[rows, last]], axis=1)
    ends = np.clip(base[:, None, :] + t[:, :, None] * d[:, None, :], low, high)
    on_axis = np.array([1, 0, 1, 0])[sides]  # the coordinate a side fixes: y, x, y, x
    ends[rows[:, None], [0, 1], on_axis] = np.array([y0, x1, y1, x0])[sides]
    return ends, sides


def same_lines(normals, offsets, ends, tol) -> tuple[np.ndarray, np.ndarray]:
    """Which lines are one boundary inside the box: ``representative`` and ``orientation``, ``(L,)``.

    Lines ``i`` and ``j`` are the same when both ends of ``j`` lie within ``tol``
    of ``i`` (or the other way round): a line and its opposite, or two rows that
    differ by a factor, whose normalised forms differ by rounding. Each line
    points to the first line it is the same as; ``orientation`` is +1 where its
    normal agrees with that line's and -1 where it is opposite.
    """
    gaps = np.abs(np.einsum("ik,jek->ije", normals, ends) + offsets[:, None, None])
    same = np.all(gaps <= tol, axis=2)
    same |= same.T
    np.fill_diagonal(same, True)
    representative = same.argmax(axis=1) if len(same) else np.arange(0)
    while not np.array_equal(representative[representative], representative):
        representative = representative[representative]
    agree = np.einsum("ik,ik->i", normals, normals[representative]) > 0
    return representative, np.where(agree, 1, -1).astype(np.int8)


def cells(normals, offsets, ends, sides, box, tol):
    """The cells that distinct lines crossing the box cut it into.

    Takes ``normals`` ``(L, 2)``, ``offsets`` ``(L,)``, and ``ends``, ``sides`` from
    ``clip``. Returns every cell's corners, counter-clockwise, one cell after
    another, ``(K, 2)``; their numbers ``(F,)``; and for the edge leaving each
    corner, ``(K,)`` each: its line (``L`` and up for the box's sides), whether it
    runs along the line's direction (the cell is then on the ``-n`` side), and
    the cell beyond it (``F`` for the outside).
    """
    (x0, x1), (y0, y1) = box
    corners = np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]])  # where each side starts
    # Every line, the box's sides last: unit normal, offset, and a point on it in the box.
    geometry = (np.concatenate([normals, SIDE_NORMALS]), np.concatenate([offsets, [y0, -x1, -y1, x0]]),
                np.concatenate([ends[:, 0], corners]))
    points, pair_of = _candidate_points(geometry, ends, sides, corners)
    on_line, vertex_of, vertices = _vertices(points, pair_of, geometry, tol)
    start, end, line = _edges(on_line, vertex_of, len(vertices))
    origin = np.stack([start, end], axis=1).ravel()  # half-edge 2e runs start -> end, 2e + 1 back
    forward = np.arctan2(*directions(geometry[0]).T[::-1])  # each line's direction, then its opposite
    heading = np.stack([forward, np.where(forward > 0, forward - np.pi, forward + np.pi)], axis=1).ravel()
    # Half-edge h runs along its line when even, against it when odd: rank its heading among all.
    rank = np.argsort(np.argsort(heading))[2 * np.repeat(line, 2) + np.arange(len(origin)) % 2]
    following = _next_half_edges(origin, rank, len(heading), len(vertices))
    # The half-edges running backwards along the box's sides are the outside: it has no cell.
    outside = np.repeat(line >= len(normals), 2) & (np.arange(len(origin)) % 2 == 1)
    walk, lengths = _faces(following, outside)
    face_of = np.full(len(origin), len(lengths))  # the outside gets the number after the last face
    face_of[walk] = np.repeat(np.arange(len(lengths)), lengths)
    return vertices[origin[walk]], lengths, line[walk // 2], walk % 2 == 0, face_of[walk ^ 1]


def _candidate_points(geometry, ends, sides, corners):
    """Every point where two lines meet in the box: ``points`` ``(P, 2)``, ``pair_of`` ``(P, 2)``.

    First the four corners (two sides each), then each line's two ends (the line
    and a side), then the crossings of pairs of lines in the closed box. This
    order ranks the points as a vertex's position: exact corners first, then
    ends exactly on a side, then crossings.
    """
    count = len(ends)
    (x0, y0), (x1, y1) = corners[0], corners[2]
    corner_lines = count + np.array([[0, 3], [0, 1], [1, 2], [2, 3]])
    end_lines = np.stack([np.repeat(np.arange(count), 2), count + sides.ravel()], axis=1)
    pairs = np.stack(np.triu_indices(count, 1), axis=1)
    crossings, _ = _crossings(geometry, pairs, 0.0)
    x, y = crossings.T  # a parallel pair gives inf or nan, which fails these comparisons
    inside = (x >= x0) & (x <= x1) & (y >= y0) & (y <= y1)
    points = np.concatenate([corners, ends.reshape(-1, 2), crossings[inside]])
    return points, np.concatenate([corner_lines, end_lines, pairs[inside]])


def _crossings(geometry, pairs, tol):
    """Where each pair of lines ``(N, 2)`` crosses, ``(N, 2)`` (inf or nan if parallel), and ``reach``.

    From a point of the first line along it to the second: the result is on
    both lines up to rounding, even nearly parallel ones (Cramer's rule would
    leave it far off both). Along them it is only known to about ``1e-15 / sin``
    of their angle (relative to the box), so ``reach``, how far from it a point
    may be and still count as this crossing, grows from ``tol`` for such lines.
    """
    normals, offsets, bases = geometry
    base, towards, along = bases[pairs[:, 0]], normals[pairs[:, 1]], directions(normals[pairs[:, 0]])
    sine = np.einsum("ik,ik->i", towards, along)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        t = -(np.einsum("ik,ik->i", towards, base) + offsets[pairs[:, 1]]) / sine
        return base + t[:, None] * along, tol * np.clip(1e-6 / np.abs(sine), 1.0, 1e3)


def _vertices(points, pair_of, geometry, tol):
    """Group the points that are one crossing into vertices.

    Each point lies on two lines; its two incidences, sorted by line and then
    position, put every line's points in order. Neighbours ``p`` (also on ``a``)
    and ``q`` (also on ``b``) within ``tol`` along a line join if ``a`` and ``b``
    cross within reach of both: joining says all three meet. Groups that are not
    one crossing (``_broken``) try again with tolerances 10^3 and 10^6 times
    smaller, then stay apart: the exact picture of the rounded lines. Returns the
    sorted incidences' lines and vertices ``(2P,)`` and the vertices' positions
    ``(V, 2)``, each that of its first point.
    """
    count, n_lines = len(points), len(geometry[0])
    line, point = pair_of.T.ravel(), np.tile(np.arange(count), 2)
    t = np.einsum("ik,ik->i", directions(geometry[0])[line], points[point])
    order = _sort_by(line, t)
    line, t, point = line[order], t[order], point[order]
    pair_point = np.full((n_lines, n_lines), -1, dtype=np.int32)  # the point where two lines meet
    pair_point[pair_of[:, 0], pair_of[:, 1]] = pair_point[pair_of[:, 1], pair_of[:, 0]] = np.arange(count)
    label, open_ = np.arange(count), np.ones(count, dtype=bool)
    for scale in (tol, 1e-3 * tol, 1e-6 * tol):
        near = (line[1:] == line[:-1]) & (np.diff(t) <= scale) & open_[point[1:]] & open_[point[:-1]]
        p, q, shared = point[:-1][near], point[1:][near], line[:-1][near]
        other = np.stack([pair_of[p].sum(axis=1), pair_of[q].sum(axis=1)], axis=1) - shared[:, None]
        meet, reach = _crossings(geometry, other, scale)
        closes = (np.hypot(*(meet - points[p]).T) <= reach) & (np.hypot(*(meet - points[q]).T) <= reach)
        p, q = p[closes], q[closes]
        while True:  # until no group takes in a crossing more
            label = np.where(open_, _components(count, p, q), label)
            broken, (u, v) = _broken(label, open_, points, pair_of, geometry, pair_point, scale)
            if not len(u):
                break
            p, q = np.r_[p, u], np.r_[q, v]
        open_ = broken
        label = np.where(open_, np.arange(count), label)
        if not open_.any():
            break
    leader = label == np.arange(count)  # a vertex's smallest point labels itself
    vertex = np.cumsum(leader) - 1
    return line, vertex[label[point]], points[leader]


def _components(count, p, q):
    """The smallest point linked to each of ``count`` points through the links ``p``–``q``."""
    label = np.arange(count)
    while True:
        low = np.minimum(label[p], label[q])
        spread = label.copy()
        np.minimum.at(spread, p, low)
        np.minimum.at(spread, q, low)
        spread = spread[spread]  # jump along chains of links
        if np.array_equal(spread, label):
            return label
        label = spread


def _broken(label, open_, points, pair_of, geometry, pair_point, tol):
    """The open points in groups that are not one crossing ``(P,)``, and links ``(u, v)`` to mend some.

    A group is one vertex when every two of its lines cross within reach of it
    (see ``_crossings``) and not at a point outside it: otherwise two lines would
    meet twice, or touch where they do not cross. Such a crossing within reach
    and still open is taken in: ``u`` in the group, ``v`` the crossing's point.
    """
    size = np.bincount(label[open_], minlength=len(label))
    grouped = np.flatnonzero(open_ & (size[label] > 1))
    n_lines = len(geometry[0])
    incidences = np.unique(np.repeat(label[grouped], 2) * n_lines + pair_of[grouped].ravel())
    group, line = np.divmod(incidences, n_lines)  # each group's lines, sorted
    later = np.searchsorted(group, group, side="right") - np.arange(len(group)) - 1  # later lines, same group
    i = np.repeat(np.arange(len(group)), later)
    j = i + 1 + np.arange(len(i)) - np.repeat(np.cumsum(later) - later, later)
    pairs, owner = np.stack([line[i], line[j]], axis=1), group[i]
    meet, reach = _crossings(geometry, pairs, tol)
    known = pair_point[pairs[:, 0], pairs[:, 1]]
    elsewhere = (known >= 0) & (label[known] != owner)
    within = np.hypot(*(meet - points[owner]).T) <= reach
    take = elsewhere & within & open_[known]
    key = np.sort(pairs[:, 0] * n_lines + pairs[:, 1])  # two groups sharing a pair of lines
    twice = np.isin(pairs[:, 0] * n_lines + pairs[:, 1], key[1:][key[1:] == key[:-1]])
    bad = (~within & (known < 0)) | elsewhere | twice
    return open_ & np.isin(label, owner[bad]), (owner[take], known[take])


def _edges(line, vertex, n_vertices):
    """Edges between consecutive vertices along each line: ``start``, ``end``, ``line``, each ``(E,)``.

    ``line`` and ``vertex`` are incidences sorted along each line; the points of
    one vertex count once (the first). Edges run in their line's direction.
    """
    key = line * n_vertices + vertex
    order = np.argsort(key)
    first = np.minimum.reduceat(order, np.flatnonzero(np.r_[True, np.diff(key[order]) != 0]))
    line, vertex = line[np.sort(first)], vertex[np.sort(first)]
    along = line[1:] == line[:-1]
    return vertex[:-1][along], vertex[1:][along], line[:-1][along]


def _next_half_edges(origin, heading, n_headings, n_vertices):
    """For every half-edge, the next half-edge around the face on its left: ``(H,)``.

    At the end ``v`` of half-edge ``h`` the face on its left continues along the
    half-edge leaving ``v`` just clockwise of ``h``'s twin (``h ^ 1``), that is,
    the one before it when the half-edges leaving ``v`` are sorted by ``heading``.
    """
    order = np.argsort(origin * n_headings + heading)
    rank = np.argsort(order)
    count = np.bincount(origin, minlength=n_vertices)
    first = np.cumsum(count) - count
    twin = np.arange(len(origin)) ^ 1
    at, position = origin[twin], rank[twin]
    previous = np.where(position > first[at], position - 1, first[at] + count[at] - 1)
    return order[previous]


def _faces(following, outside):
    """The cycles of ``following`` but the outside: ``walk`` ``(H',)`` and ``lengths`` ``(F,)``.

    A cycle's label is its smallest half-edge, by pointer jumping: after ``k``
    rounds a label is the least of the next ``2^k`` half-edges; a round changing
    nothing means every window spans its cycle. ``walk`` lists each face's
    half-edges in order from its label, faces ordered by label.
    """
    index = np.arange(len(following))
    following = np.where(outside, index, following)  # the outside becomes fixed points, dropped below
    label, jump = index, following
    while True:
        lowest = np.minimum(label, label[jump])
        if np.array_equal(lowest, label):
            break
        label, jump = lowest, jump[jump]
    leaders = np.flatnonzero((label == index) & ~outside)
    lengths = np.bincount(label[~outside], minlength=len(index))[leaders]
    starts = np.cumsum(lengths) - lengths
    walk = np.empty(int(lengths.sum()), dtype=np.intp)
    active, current, step = np.arange(len(leaders)), leaders, 0
    while active.size:
        walk[starts[active] + step] = current
        step += 1
        going = lengths[active] > step
        active, current = active[going], following[current[going]]
    return walk, lengths


def _sort_by(major, minor):
    """The order by integers ``major``, then numbers ``minor``: ``np.lexsort((minor, major))``, faster."""
    return np.argsort(major * len(minor) + np.argsort(np.argsort(minor)))
