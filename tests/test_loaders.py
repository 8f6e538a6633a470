"""Loaders: state dicts (numpy arrays named like PyTorch's), scikit-learn MLPs, torch-like modules, files.

Each loaded network is checked against a forward pass written here from the raw arrays
in the framework's own convention, not against the loader's own reading.
"""

import pickle
import warnings

import joblib
import numpy as np
import pytest
from sklearn.datasets import load_digits
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier, MLPRegressor

import neuron_tutorial as nt


def forward(pairs, x):
    """ReLU network from (weights (out, in), biases) pairs, no ReLU after the last."""
    for i, (w, b) in enumerate(pairs):
        x = x @ np.asarray(w, dtype=float).T + b
        if i < len(pairs) - 1:
            x = np.maximum(x, 0)
    return x


def random_pairs(sizes, seed=0):
    rng = np.random.default_rng(seed)
    return [(rng.standard_normal((m, n)), rng.standard_normal(m))
            for n, m in zip(sizes[:-1], sizes[1:], strict=True)]


@pytest.fixture(scope="module")
def digits_mlp():
    x, y = load_digits(return_X_y=True)
    mlp = MLPClassifier(hidden_layer_sizes=(32, 16), max_iter=40, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        mlp.fit(x / 16, y)
    return mlp, x / 16


def test_state_dict_follows_the_prefixes_numbers_not_their_spelling():
    # 12 layers, so "10.weight" sorts before "2.weight" as text; keys given in a shuffled order.
    sizes = [3] + [4, 5] * 6
    pairs = random_pairs(sizes)
    state = {}
    for i, (w, b) in enumerate(pairs):
        state[f"layers.{2 * i}.weight"], state[f"layers.{2 * i}.bias"] = w, b
    keys = list(state)
    np.random.default_rng(1).shuffle(keys)
    network = nt.Network.from_state_dict({k: state[k] for k in keys})
    x = np.random.default_rng(2).standard_normal((50, 3))
    assert network.sizes == tuple(sizes)
    np.testing.assert_allclose(network(x), forward(pairs, x), rtol=1e-12, atol=1e-12)


def test_state_dict_with_names_keeps_the_mappings_order_and_a_missing_bias_is_zero():
    (w1, b1), (w2, _), (w3, b3) = random_pairs([2, 6, 3, 1], seed=3)
    network = nt.loaders.from_state_dict({"input.weight": w1, "input.bias": b1, "hidden.weight": w2,
                                          "output.weight": w3, "output.bias": b3})
    x = np.random.default_rng(4).standard_normal((20, 2))
    np.testing.assert_allclose(network(x), forward([(w1, b1), (w2, np.zeros(3)), (w3, b3)], x))


@pytest.mark.parametrize("state, message", [
    ({"0.weight": np.ones((2, 2)), "1.running_mean": np.zeros(2)}, "only '<prefix>.weight'"),
    ({"0.bias": np.ones(2)}, "'0.weight' beside '0.bias'"),
    ({}, "at least one"),
    ({"0.weight": np.ones((3, 2)), "2.weight": np.ones((1, 4))}, "layers must chain"),
    ({"0.weight": np.ones((3, 2)), "0.bias": np.ones(2)}, "transposed"),
    ({"0.weight": "abc"}, "0.weight must be"),
    ([1, 2], "mapping must map names"),
])
def test_state_dict_errors_say_what_is_expected(state, message):
    with pytest.raises(ValueError, match=message):
        nt.Network.from_state_dict(state)


def test_npz_files_with_state_dict_keys_or_todays_names(tmp_path):
    pairs = random_pairs([4, 7, 5, 2], seed=5)
    np.savez(tmp_path / "state.npz", **{f"{2 * i}.{p}": a for i, pair in enumerate(pairs)
                                         for p, a in zip(("weight", "bias"), pair, strict=True)})
    np.savez(tmp_path / "layer.npz", weights=pairs[0][0], biases=pairs[0][1])
    x = np.random.default_rng(6).standard_normal((30, 4))
    np.testing.assert_allclose(nt.load(tmp_path / "state.npz")(x), forward(pairs, x))
    layer = nt.load(str(tmp_path / "layer.npz"))
    assert len(layer) == 1
    np.testing.assert_allclose(layer(x), forward(pairs[:1], x))


def test_sklearn_classifier_trained_on_digits_predicts_the_same_classes(digits_mlp):
    mlp, x = digits_mlp
    network = nt.Network.from_sklearn(mlp)
    assert network.sizes == (64, 32, 16, 10)
    assert all(layer.weights.dtype == np.float64 for layer in network.layers)
    np.testing.assert_array_equal(network(x).argmax(axis=1), mlp.predict(x))
    # Scores are the logits: softmax of them is scikit-learn's probability.
    scores = network(x)
    probs = np.exp(scores - scores.max(axis=1, keepdims=True))
    np.testing.assert_allclose(probs / probs.sum(axis=1, keepdims=True), mlp.predict_proba(x), atol=1e-9)


def test_sklearn_regressor_output_is_its_prediction():
    rng = np.random.default_rng(7)
    x = rng.standard_normal((80, 3))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        mlp = MLPRegressor(hidden_layer_sizes=(8,), max_iter=30, random_state=0).fit(x, x @ [1, -2, 0.5])
    np.testing.assert_allclose(nt.Network.from_sklearn(mlp)(x)[:, 0], mlp.predict(x), rtol=1e-10)


def test_sklearns_coefs_passed_as_weights_hint_at_a_transpose(digits_mlp):
    mlp, _ = digits_mlp
    with pytest.raises(ValueError, match=r"transposed.*weights\.T of shape \(32, 64\)"):
        nt.Layer(mlp.coefs_[0], mlp.intercepts_[0])
    with pytest.raises(ValueError, match="activation='relu'"):
        nt.Network.from_sklearn(MLPClassifier(activation="tanh"))
    with pytest.raises(ValueError, match="fitted"):
        nt.Network.from_sklearn(MLPClassifier())


def test_pickled_sklearn_models_load(digits_mlp, tmp_path):
    mlp, x = digits_mlp
    with (tmp_path / "mlp.pkl").open("wb") as file:
        pickle.dump(mlp, file)
    joblib.dump(mlp, tmp_path / "mlp.joblib")
    for name in ("mlp.pkl", "mlp.joblib"):
        np.testing.assert_array_equal(nt.load(tmp_path / name)(x).argmax(axis=1), mlp.predict(x))


# Stand-ins for torch's objects: the loaders read them by duck typing, as they read torch's.
class FakeTensor:
    """Like torch: numpy() refuses a tensor that requires grad, lives on a GPU or is bfloat16."""

    def __init__(self, array, dtype="float32", device="cuda", requires_grad=True):
        self.array, self.dtype = np.asarray(array), dtype
        self.device, self.requires_grad = device, requires_grad

    def detach(self):
        return FakeTensor(self.array, self.dtype, self.device, requires_grad=False)

    def cpu(self):
        return FakeTensor(self.array, self.dtype, "cpu", self.requires_grad)

    def double(self):
        return FakeTensor(self.array.astype(np.float64), "float64", self.device, self.requires_grad)

    def numpy(self):
        if self.requires_grad:
            raise RuntimeError("Can't call numpy() on Tensor that requires grad")
        if self.device != "cpu":
            raise TypeError("can't convert cuda tensor to numpy")
        if self.dtype == "bfloat16":
            raise TypeError("Got unsupported ScalarType BFloat16")
        return self.array


class Linear:
    def __init__(self, weight, bias, dtype="float32"):
        self.weight = FakeTensor(weight, dtype)
        self.bias = None if bias is None else FakeTensor(bias, dtype)


class ReLU:
    pass


class Dropout:
    pass


class Sequential(list):
    pass


def test_torch_like_sequential_in_bf16_on_a_gpu_reads_as_float64():
    pairs = random_pairs([3, 6, 4, 2], seed=8)
    module = Sequential([Linear(*pairs[0], dtype="bfloat16"), ReLU(), Dropout(),
                         Sequential([Linear(pairs[1][0], None), ReLU()]), Linear(*pairs[2])])
    network = nt.Network.from_torch(module)
    assert all(layer.weights.dtype == np.float64 for layer in network.layers)
    x = np.random.default_rng(9).standard_normal((25, 3))
    expected = forward([pairs[0], (pairs[1][0], np.zeros(4)), pairs[2]], x)
    np.testing.assert_allclose(network(x), expected, rtol=1e-12, atol=1e-12)
    layer = nt.Layer.from_arrays(FakeTensor(pairs[0][0], "bfloat16"), FakeTensor(pairs[0][1]))
    np.testing.assert_array_equal(layer.weights, pairs[0][0])


@pytest.mark.parametrize("module, message", [
    (Sequential([Linear(np.ones((2, 2)), np.ones(2)), ReLU()]), "ending with a Linear"),
    (Sequential([Linear(np.ones((2, 2)), np.ones(2)), Linear(np.ones((1, 2)), np.ones(1))]), "alternate"),
    (Sequential([ReLU()]), "alternate"),
    (Sequential([type("Conv2d", (), {})()]), "only Linear and ReLU"),
    (object(), "nn.Sequential"),
])
def test_torch_like_modules_that_are_not_a_relu_network_are_refused(module, message):
    with pytest.raises(ValueError, match=message):
        nt.Network.from_torch(module)


def test_load_errors_name_the_path_and_what_is_expected(tmp_path):
    with pytest.raises(ValueError, match="existing model file"):
        nt.load(tmp_path / "missing.npz")
    (tmp_path / "model.onnx").write_bytes(b"x")
    with pytest.raises(ValueError, match=r"must end in \.npz"):
        nt.load(tmp_path / "model.onnx")
    (tmp_path / "broken.npz").write_bytes(b"not a zip file")
    with pytest.raises(ValueError, match="readable model file"):
        nt.load(tmp_path / "broken.npz")
    (tmp_path / "broken.pkl").write_bytes(b"not a pickle")
    with pytest.raises(ValueError, match="readable model file"):
        nt.load(tmp_path / "broken.pkl")
    (tmp_path / "model.pt").write_bytes(b"x")
    try:
        import torch  # noqa: F401
    except ImportError:
        with pytest.raises(ValueError, match="needs torch"):
            nt.load(tmp_path / "model.pt")
    else:
        with pytest.raises(ValueError, match="readable model file"):
            nt.load(tmp_path / "model.pt")
