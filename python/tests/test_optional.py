"""Optional back ends: safetensors files and torch tensors (skipped when not installed)."""

from fractions import Fraction as Fr

import pytest

import dyadcert as dc

np = pytest.importorskip("numpy")


def test_from_safetensors(tmp_path):
    st = pytest.importorskip("safetensors.numpy", reason="safetensors is not installed (pip install 'dyadcert[safetensors]')")
    tensors = {
        "l0.weight": np.array([[1.0], [1.0]], dtype=np.float32),
        "l0.bias": np.array([-0.25, -0.75], dtype=np.float32),
        "l1.weight": np.array([[0.5, -0.5]], dtype=np.float16),
        "l1.bias": np.array([0.1], dtype=np.float32),
    }
    path = tmp_path / "model.safetensors"
    st.save_file(tensors, str(path))
    net = dc.HeavisideNetwork.from_safetensors(str(path), ["l0.weight", "l1.weight"], ["l0.bias", "l1.bias"])
    assert net.layers[1].units[0].bias == Fr(13421773, 2**27)  # float32 0.1, exactly
    assert net.layers[1].units[0].weights == [Fr(1, 2), Fr(-1, 2)]
    assert net.layers[0].units[1].bias == Fr(-3, 4)
    with pytest.raises(KeyError, match="l2.weight"):
        dc.HeavisideNetwork.from_safetensors(str(path), ["l0.weight", "l2.weight"], ["l0.bias", "l1.bias"])


def test_torch_tensors():
    torch = pytest.importorskip("torch", reason="torch is not installed (pip install 'dyadcert[torch]')")
    t = torch.tensor([0.1, -0.0, 3.0], dtype=torch.float32)
    assert dc.exact_array(t) == [Fr(13421773, 2**27), 0, 3]
    b = torch.tensor([0.1], dtype=torch.bfloat16)
    # bfloat16 0.1 has 8 significant bits: 0.10009765625 = 205 / 2^11
    assert dc.exact_array(b) == [Fr(205, 2**11)]
    with pytest.raises(ValueError):
        dc.exact_array(torch.tensor([float("nan")]))
