"""Almost-orthogonal directions: the greedy search and the union bound."""

import numpy as np
import pytest

from neuron_tutorial import superposition as sp


@pytest.mark.parametrize("n, eps", [(2, 0.3), (8, 0.2), (16, 0.5), (64, 0.3)])
def test_greedy_directions_are_unit_and_almost_orthogonal(n, eps):
    found = sp.greedy_directions(n, eps, seed=1, max_vectors=500, max_candidates=5000)
    assert found.shape[1] == n and len(found) >= 1
    np.testing.assert_allclose(np.linalg.norm(found, axis=1), 1.0)
    assert sp.max_abs_cosine(found) < eps


def test_greedy_search_is_deterministic_and_respects_its_caps():
    a = sp.greedy_directions(32, 0.5, seed=3, max_vectors=100)
    np.testing.assert_array_equal(a, sp.greedy_directions(32, 0.5, seed=3, max_vectors=100))
    assert len(a) == 100
    assert sp.greedy_count(32, 0.5, max_candidates=10) <= 10


def test_greedy_count_grows_past_the_basis():
    # In 64 dimensions, |cos| < 0.3 leaves room for several times 64 directions.
    assert sp.greedy_count(64, 0.3) > 3 * 64
    assert sp.greedy_count(64, 0.3) > sp.greedy_count(32, 0.3) > sp.greedy_count(16, 0.3)


def test_in_one_dimension_only_one_direction_fits():
    assert sp.greedy_count(1, 0.5) == 1


def test_union_bound_and_max_cosine_by_hand():
    assert sp.union_bound_count(100, 0.2) == pytest.approx(np.e)
    assert sp.max_abs_cosine(np.eye(3)) == 0.0
    assert sp.max_abs_cosine([[1.0, 0.0], [1.0, 1.0]]) == pytest.approx(np.sqrt(0.5))
    assert sp.max_abs_cosine([[1.0, 2.0]]) == 0.0


def test_random_unit_vectors_are_unit():
    v = sp.random_unit_vectors(50, 7, np.random.default_rng(0))
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0)


@pytest.mark.parametrize("call, name", [
    (lambda: sp.greedy_directions(0, 0.3), "n"),
    (lambda: sp.greedy_directions(4, 0.0), "eps"),
    (lambda: sp.greedy_directions(4, 1.0), "eps"),
    (lambda: sp.greedy_directions(4, 0.3, max_vectors=0), "max_vectors"),
    (lambda: sp.greedy_directions(4, 0.3, seed=1.5), "seed"),
    (lambda: sp.union_bound_count(4, float("inf")), "eps"),
    (lambda: sp.max_abs_cosine([1.0, 2.0]), "vectors"),
])
def test_bad_arguments_name_themselves(call, name):
    with pytest.raises(ValueError, match=name):
        call()
