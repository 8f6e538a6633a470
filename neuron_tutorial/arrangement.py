"""The cells that an arrangement of lines cuts a box into, built at once with numpy.

``partition_2d`` hands over distinct lines crossing the open unit box (the
box's frame), each a unit normal ``n`` and an offset ``c`` (signed distance
``n · x + c``), and gets back the convex cells. The textbook construction,
vectorised over all lines at once:

1. vertices: the box's corners, both ends of every line, the crossing of
   every pair inside the box; points whose lines all pass within the
   tolerance of one of them are one vertex;
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

from .frame import SIDE_NORMALS, directions


def cells(normals, offsets, ends, sides, tol, check=None):
    """The cells that distinct lines crossing the unit box cut it into.

    Takes ``normals`` ``(L, 2)``, ``offsets`` ``(L,)``, and ``ends``, ``sides`` from
    ``frame.clip``. Returns every cell's corners, counter-clockwise, one cell
    after another, ``(K, 2)``, and their numbers ``(F,)``. ``check``, if given, is
    called with ``1 + L +`` the crossings inside (the cells, if no three lines meet)
    before the work that grows with them.
    """
    corners = np.array([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]])  # where each side starts
    # Every line, the box's sides last: unit normal, offset, and a point on it in the box.
    geometry = (np.concatenate([normals, SIDE_NORMALS]), np.concatenate([offsets, [0.0, -1.0, -1.0, 0.0]]),
                np.concatenate([ends[:, 0], corners]))
    points, pair_of, rank = _candidate_points(geometry, ends, sides, corners)
    if check is not None:
        check(len(points) - 3 - len(normals))  # 1 + L + crossings: 4 corners and 2 L ends aside
    on_line, vertex_of, vertices = _vertices(points, pair_of, rank, geometry, tol)
    start, end, line = _edges(on_line, vertex_of, len(vertices))
    origin = np.stack([start, end], axis=1).ravel()  # half-edge 2e runs start -> end, 2e + 1 back
    forward = np.arctan2(*directions(geometry[0]).T[::-1])  # each line's direction, then its opposite
    heading = np.stack([forward, np.where(forward > 0, forward - np.pi, forward + np.pi)], axis=1).ravel()
    # Half-edge h runs along its line when even, against it when odd: rank its heading among all.
    rank = _inverse(np.argsort(heading))[2 * np.repeat(line, 2) + np.arange(len(origin)) % 2]
    following = _next_half_edges(origin, rank, len(heading), len(vertices))
    # The half-edges running backwards along the box's sides are the outside: it has no cell.
    outside = np.repeat(line >= len(normals), 2) & (np.arange(len(origin)) % 2 == 1)
    walk, lengths = _faces(following, outside, rank)
    return vertices[origin[walk]], lengths


def _candidate_points(geometry, ends, sides, corners, block: int = 256):
    """Every point where two lines meet in the box: ``points`` ``(P, 2)``, ``pair_of`` ``(P, 2)``, ``rank``.

    First the four corners (two sides each), then each line's two ends (the line
    and a side), then the crossings of pairs of lines in the closed box. ``rank``
    ``(P,)`` orders them as a vertex's position: exact corners (3) first, then ends
    exactly on a side (2), then crossings by the sine of their angle (the larger,
    the better the crossing is known).

    Crossings go from a point of the first line along it to the second: the
    result is on both lines up to rounding, even for nearly parallel ones
    (Cramer's rule would leave it far off both); along them it is known to about
    1e-16 / sine. ``block`` rows of pairs at a time keep memory ``O(block L)``.
    """
    count = len(ends)
    normals, offsets, bases = (part[:count] for part in geometry)
    along = directions(normals)
    found = [(corners, count + np.array([[0, 3], [0, 1], [1, 2], [2, 3]]), np.full(4, 3.0)),
             (ends.reshape(-1, 2), np.stack([np.repeat(np.arange(count), 2), count + sides.ravel()], axis=1),
              np.full(2 * count, 2.0))]
    for start in range(0, count, block):
        rows = slice(start, start + block)
        sine = along[rows] @ normals.T  # (rows, L): n_j · d_i
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            t = -(bases[rows] @ normals.T + offsets) / sine
            x = bases[rows, :1] + t * along[rows, :1]
            y = bases[rows, 1:] + t * along[rows, 1:]
        later = np.arange(count) > np.arange(start, start + len(t))[:, None]
        i, j = np.nonzero(later & (x >= 0) & (x <= 1) & (y >= 0) & (y <= 1))  # parallel: nan or inf fail
        found.append((np.stack([x[i, j], y[i, j]], axis=1), np.stack([i + start, j], axis=1),
                      np.abs(sine[i, j])))
    points, pair_of, rank = (np.concatenate(parts) for parts in zip(*found, strict=True))
    return points, pair_of, rank


def _distance(geometry, lines, points):
    """Distance ``(N,)`` from each of ``points`` ``(N, 2)`` to its line ``lines`` ``(N,)``."""
    normals, offsets, _ = geometry
    return np.abs(np.einsum("ik,ik->i", normals[lines], points) + offsets[lines])


def _vertices(points, pair_of, rank, geometry, tol):
    """Group the points that are one crossing into vertices.

    Each point lies on two lines; its two incidences, sorted by line and then
    position, put every line's points in order. Neighbours ``p`` (also on ``a``)
    and ``q`` (also on ``b``) along a line join if ``a`` passes within ``tol`` of
    ``q`` and ``b`` within ``tol`` of ``p``: the three lines meet, up to ``tol``.
    A group is one vertex if every line of it passes within ``tol`` of its
    best-known point (``rank``); groups that are not (``_broken``) try again with
    tolerances 10^3 and 10^6 times smaller, then stay apart: the exact picture
    of the rounded lines. Returns the sorted incidences' lines and vertices
    ``(2P,)`` and the vertices' positions ``(V, 2)``.
    """
    count = len(points)
    line, other, point = pair_of.T.ravel(), pair_of[:, ::-1].T.ravel(), np.tile(np.arange(count), 2)
    t = np.einsum("ik,ik->i", directions(geometry[0])[line], points[point])
    order = _sort_by(line, t)
    line, other, point = line[order], other[order], point[order]
    along = np.flatnonzero(line[1:] == line[:-1])
    p, q, a, b = point[along], point[along + 1], other[along], other[along + 1]
    gap = np.maximum(_distance(geometry, a, points[q]), _distance(geometry, b, points[p]))
    candidates = gap <= tol
    p, q, gap = p[candidates], q[candidates], gap[candidates]
    label, best, open_ = np.arange(count), np.arange(count), np.ones(count, dtype=bool)
    for scale in (tol, 1e-3 * tol, 1e-6 * tol):
        joins = (gap <= scale) & open_[p] & open_[q]
        u, v = p[joins], q[joins]
        broken = u[:0]
        while len(u):  # until no group takes in a crossing more; only points that join take part
            nodes = np.unique(np.r_[u, v])
            links = np.searchsorted(nodes, u), np.searchsorted(nodes, v)
            label[nodes] = nodes[_components(len(nodes), *links)]
            best[nodes] = _best(nodes, label[nodes], rank[nodes])
            broken, (more_u, more_v) = _broken(nodes, label, best, open_, points, pair_of, geometry, scale)
            if not len(more_u):
                break
            u, v = np.r_[u, more_u], np.r_[v, more_v]
        open_[:] = False
        open_[broken] = True
        label[broken], best[broken] = broken, broken
        if not len(broken):
            break
    leader = label == np.arange(count)  # a vertex's smallest point labels it
    vertex = np.cumsum(leader) - 1
    return line, vertex[label[point]], points[best[leader]]


def _pair_points(pair_of, n_lines):
    """The point where each two lines meet, ``(n_lines, n_lines)`` int32, -1 where none is in the box."""
    pair_point = np.full((n_lines, n_lines), -1, dtype=np.int32)
    first, second = pair_of.T
    pair_point[first, second] = pair_point[second, first] = np.arange(len(pair_of))
    return pair_point


def _best(nodes, label, rank):
    """For each of ``nodes`` ``(N,)``, the best-ranked node of its group (same ``label``): ``(N,)``."""
    order = np.lexsort((-rank, label))
    first = np.flatnonzero(np.r_[True, label[order][1:] != label[order][:-1]])
    return nodes[order[first]][np.searchsorted(label[order[first]], label)]


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


def _broken(grouped, label, best, open_, points, pair_of, geometry, tol):
    """The points of ``grouped`` in groups that are not one crossing, and links ``(u, v)`` to mend some.

    A group is one vertex when every one of its lines passes within ``tol`` of
    its best point, and no two of its lines meet in another group (they would
    meet twice) or in two groups. A meeting in another group still open is
    taken in: ``u`` in the group, ``v`` the meeting's point.
    """
    n_lines = len(geometry[0])
    incidences = np.unique(np.repeat(label[grouped], 2) * n_lines + pair_of[grouped].ravel())
    group, line = np.divmod(incidences, n_lines)  # each group's lines, sorted
    far = group[_distance(geometry, line, points[best[group]]) > tol]
    later = np.searchsorted(group, group, side="right") - np.arange(len(group)) - 1  # later lines, same group
    i = np.repeat(np.arange(len(group)), later)
    j = i + 1 + np.arange(len(i)) - np.repeat(np.cumsum(later) - later, later)
    key, owner = line[i] * n_lines + line[j], group[i]
    known = _pair_points(pair_of, n_lines)[line[i], line[j]]
    elsewhere = (known >= 0) & (label[known] != owner)
    take = elsewhere & open_[np.maximum(known, 0)]
    twice = np.sort(key)
    twice = np.isin(key, twice[1:][twice[1:] == twice[:-1]])  # two groups sharing a pair of lines
    bad = np.r_[far, owner[elsewhere | twice]]
    return grouped[np.isin(label[grouped], bad)], (owner[take], known[take])


def _edges(line, vertex, n_vertices):
    """Edges between consecutive vertices along each line: ``start``, ``end``, ``line``, each ``(E,)``.

    ``line`` and ``vertex`` are incidences sorted along each line; the points of
    one vertex count once (the first). Edges run in their line's direction.
    """
    if n_vertices == len(line) // 2:  # no two points merged: every incidence is its own vertex
        along = line[1:] == line[:-1]
        return vertex[:-1][along], vertex[1:][along], line[:-1][along]
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
    rank = _inverse(order)
    count = np.bincount(origin, minlength=n_vertices)
    first = np.cumsum(count) - count
    twin = np.arange(len(origin)) ^ 1
    at, position = origin[twin], rank[twin]
    previous = np.where(position > first[at], position - 1, first[at] + count[at] - 1)
    return order[previous]


def _faces(following, outside, heading):
    """The cycles of ``following`` but the outside: ``walk`` ``(H',)`` and ``lengths`` ``(F,)``.

    Around a convex cell the headings of its half-edges (``heading``, their rank
    by angle) rise through one full turn: one half-edge only has a lower heading
    than the one before it, and the cell is walked from there. If the cycles are
    not so (rounding tangled them), pointer jumping finds their leaders instead.
    """
    inside = np.flatnonzero(~outside)
    after = following[inside]
    walk, lengths = _walk(following, np.sort(after[heading[after] < heading[inside]]))
    if len(walk) == len(inside) and not outside[walk].any():
        return walk, lengths
    return _walk(following, _smallest_in_cycles(following, outside))


def _smallest_in_cycles(following, outside):
    """The smallest half-edge of each cycle but the outside's, by pointer jumping.

    After ``k`` rounds a label is the least of the next ``2^k`` half-edges; a round
    changing nothing means every window spans its cycle.
    """
    index = np.arange(len(following))
    label, jump = index, np.where(outside, index, following)  # the outside: fixed points, dropped
    while True:
        lowest = np.minimum(label, label[jump])
        if np.array_equal(lowest, label):
            return np.flatnonzero((label == index) & ~outside)
        label, jump = lowest, jump[jump]


def _walk(following, leaders):
    """Each cycle of ``following`` from its leader: ``walk`` ``(H',)`` and ``lengths`` ``(F,)``."""
    lengths = np.zeros(len(leaders), dtype=np.intp)
    active, current = np.arange(len(leaders)), leaders
    while active.size:  # first the lengths, then the walk into its place
        lengths[active] += 1
        current = following[current]
        going = current != leaders[active]
        active, current = active[going], current[going]
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
    """The order by integers ``major`` (>= 0), then numbers ``minor``: ``np.lexsort((minor, major))``.

    Faster: a stable sort of small integers is a radix sort.
    """
    order = np.argsort(minor)
    major = major[order]
    return order[np.argsort(major.astype(np.int16) if major.max(initial=0) < 2**15 else major, kind="stable")]


def _inverse(permutation):
    """The inverse of a permutation ``(N,)``, without sorting it again."""
    inverse = np.empty_like(permutation)
    inverse[permutation] = np.arange(len(permutation))
    return inverse
