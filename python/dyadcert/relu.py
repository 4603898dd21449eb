"""Shallow vector-valued ReLU networks f(x) = V r(W x + b) + c (FORMAT.md sec. 4.7,
MATH.md sec. 11), with exact (Fraction) parameters.

``ReluNetwork.from_numpy`` converts float arrays bit-exactly; ``from_state_dict`` reads
two ``torch.nn.Linear`` layers (torch tensors, numpy arrays or lists);
``from_safetensors`` reads a .safetensors file with a reader of its own (float64,
float32, float16 and bfloat16 all exactly, no numpy or torch needed). The exact
evaluations here (features, outputs, weight decay, active and shared units) follow the
kernel's definitions, so a claim's statement can be computed before it is verified; the
kernel recomputes every one of them.
"""

from fractions import Fraction

from .certificate import ObjectDef, ref
from ._numbers import to_fraction
from .arrays import exact_array
from .matrices import exact_matrix, matrix

__all__ = ["ReluNetwork", "relu_network", "relu_data", "data_objects", "rank", "features"]


def _shape(rows):
    return (len(rows), len(rows[0]) if rows else 0)


def _as_matrix(a, what, allow_float, vector=False):
    """A 2-D matrix; with vector=True a 1-D array (or a K x 1 one) becomes a column."""
    shape = getattr(a, "shape", None)
    if vector:
        flat = (shape is not None and len(shape) == 1) or (
            shape is None and isinstance(a, (list, tuple)) and all(not isinstance(x, (list, tuple)) for x in a))
        if flat:  # element i of the vector is reported as element (i,)
            vals = exact_array(a if shape is not None else list(a), allow_float, what)
            return [[to_fraction(x, f"{what} element ({i},)")] for i, x in enumerate(vals)]
    if shape is not None and len(shape) != 2:
        raise ValueError(f"{what}: expected a 2-D array, found shape {tuple(shape)}")
    return exact_matrix(a, allow_float, what)


def relu_network(name, input_weights, biases, output_weights, output_bias):
    """The ``relu-network`` object naming its four matrices (names or ObjectDefs)."""
    parts = [ref(x) for x in (input_weights, biases, output_weights, output_bias)]
    return ObjectDef(name, {"kind": "relu-network", "input-weights": parts[0], "biases": parts[1],
                            "output-weights": parts[2], "output-bias": parts[3]}, parts)


def relu_data(name, inputs, targets):
    """The ``relu-data`` object: inputs X (d x N, column i = point i) and targets Y (D x N)."""
    x, y = ref(inputs), ref(targets)
    return ObjectDef(name, {"kind": "relu-data", "inputs": x, "targets": y}, [x, y])


def data_objects(name, inputs, targets, encoding="auto", allow_float=None, points_as_rows=False):
    """[X, Y, data]: the two matrices (named NAME.X, NAME.Y) and the relu-data object.
    ``inputs`` is d x N (column i = point i) unless ``points_as_rows`` (then N x d, as
    numpy data usually is; both are transposed)."""
    X = _as_matrix(inputs, "inputs", allow_float)
    Y = _as_matrix(targets, "targets", allow_float)
    if points_as_rows:
        X, Y = _transpose(X), _transpose(Y)
    if _shape(X)[1] != _shape(Y)[1]:
        raise ValueError(f"inputs have {_shape(X)[1]} points (columns) but targets have {_shape(Y)[1]}")
    mx = matrix(f"{name}.X", X, encoding=encoding)
    my = matrix(f"{name}.Y", Y, encoding=encoding)
    return [mx, my, relu_data(name, mx, my)]


def _transpose(rows):
    R, C = _shape(rows)
    return [[rows[i][j] for i in range(R)] for j in range(C)]


def _exact_rows(a, what):
    """A matrix argument of an exact evaluation as rows of Fractions: numpy / torch float
    arrays at their exact values (Fraction arithmetic with a numpy float silently gives a
    float), lists of ints / Fractions as they are."""
    return exact_matrix(a, what=what)


def features(W, b, X):
    """Phi = r(W X + b 1^T) (K x N), exactly."""
    W, X = _exact_rows(W, "W"), _exact_rows(X, "X")
    b = [r[0] for r in _as_matrix(b, "b", None, vector=True)]
    K, d = _shape(W)
    dX, N = _shape(X)
    if d != dX:
        raise ValueError(f"the network has {d} inputs but the points have dimension {dX}")
    out = []
    for k in range(K):
        w = W[k]
        row = []
        for i in range(N):
            t = b[k] + sum((w[j] * X[j][i] for j in range(d) if w[j]), Fraction(0))
            row.append(t if t > 0 else Fraction(0))
        out.append(row)
    return out


def rank(rows):
    """The rank of a rational matrix by Gaussian elimination over the rationals."""
    m = [list(r) for r in rows]
    R, C = _shape(m)
    r = 0
    for c in range(C):
        p = next((i for i in range(r, R) if m[i][c] != 0), None)
        if p is None:
            continue
        m[r], m[p] = m[p], m[r]
        for i in range(r + 1, R):
            if m[i][c] != 0:
                f = m[i][c] / m[r][c]
                m[i] = [a - f * b for a, b in zip(m[i], m[r])]
        r += 1
    return r


class ReluNetwork:
    """f(x) = V r(W x + b) + c with W (K x d), b (K), V (D x K), c (D), all Fractions.

    Build it with :meth:`from_numpy`, :meth:`from_state_dict` or :meth:`from_safetensors`
    (exact conversions), or from lists of ints / Fractions. :meth:`objects` gives the four
    ``matrix`` objects and the ``relu-network`` object for a certificate."""

    def __init__(self, input_weights, biases, output_weights, output_bias, allow_float=None):
        W = _as_matrix(input_weights, "input_weights", allow_float)
        b = _as_matrix(biases, "biases", allow_float, vector=True)
        V = _as_matrix(output_weights, "output_weights", allow_float)
        c = _as_matrix(output_bias, "output_bias", allow_float, vector=True)
        K, d = _shape(W)
        if _shape(b) != (K, 1):
            raise ValueError(f"biases: expected {K} biases (input_weights has {K} rows, one per unit), found shape {_shape(b)}")
        if len(V) == 0 or _shape(V)[1] != K:
            raise ValueError(f"output_weights: expected a D x {K} matrix (one column per unit), found shape {_shape(V)}")
        D = len(V)
        if _shape(c) != (D, 1):
            raise ValueError(f"output_bias: expected {D} biases (output_weights has {D} rows, one per output), found shape {_shape(c)}")
        if K == 0 or d == 0:
            raise ValueError(f"a network needs at least one unit and one input (input_weights has shape {(K, d)})")
        self.W, self.b, self.V, self.c = W, [r[0] for r in b], V, [r[0] for r in c]

    @property
    def units(self):
        return len(self.W)

    @property
    def input_dimension(self):
        return len(self.W[0])

    @property
    def output_dimension(self):
        return len(self.V)

    # construction

    @classmethod
    def from_numpy(cls, input_weights, biases, output_weights, output_bias, allow_float=None):
        """From W (K x d), b (K,), V (D x K), c (D,): numpy arrays or torch tensors in the
        layout of ``torch.nn.Linear`` (weight = out x in). Float arrays are converted
        bit-exactly; shapes are checked with errors that name the argument."""
        return cls(input_weights, biases, output_weights, output_bias, allow_float)

    @classmethod
    def from_state_dict(cls, state_dict, layers=None):
        """From a PyTorch ``state_dict`` of a model whose only parameters are two
        ``nn.Linear`` layers (for example ``nn.Sequential(nn.Linear(d, K), nn.ReLU(),
        nn.Linear(K, D))``, keys ``0.weight``, ``0.bias``, ``2.weight``, ``2.bias``).
        ``layers`` names the two prefixes (``("fc1", "fc2")``); by default they are found
        in the dict's order. Values may be torch tensors, numpy arrays or nested lists;
        float32/float64/float16/bfloat16 are converted exactly."""
        keys = list(state_dict.keys())
        if layers is None:
            prefixes = []
            for k in keys:
                if k.endswith("weight"):
                    prefixes.append(k[: -len("weight")])
            if len(prefixes) != 2:
                raise ValueError(f"expected exactly two weight tensors (two nn.Linear layers), found {len(prefixes)}: {keys}; "
                                 "pass layers=(first, second)")
        else:
            if len(layers) != 2:
                raise ValueError("layers names the two nn.Linear layers: (first, second)")
            prefixes = [p if p.endswith(".") or p == "" else p + "." for p in layers]
        need = [p + s for p in prefixes for s in ("weight", "bias")]
        missing = [k for k in need if k not in state_dict]
        if missing:
            raise KeyError(f"the state_dict has no {missing}; it has {keys}")
        extra = [k for k in keys if k not in need]
        if extra and layers is None:
            raise ValueError(f"the state_dict has parameters besides two nn.Linear layers: {extra}; pass layers=(first, second)")
        w1, b1, w2, b2 = (state_dict[k] for k in need)
        return cls(w1, b1, w2, b2)

    @classmethod
    def from_safetensors(cls, path, layers=None):
        """From a .safetensors file holding two nn.Linear layers (as from_state_dict), read
        by the package's own exact reader (safetensors_file.load_exact)."""
        from .safetensors_file import load_exact

        return cls.from_state_dict(load_exact(path), layers)

    # certificate objects

    def objects(self, name, encoding="auto", names=None):
        """[W, b, V, c, network]: four ``matrix`` objects (named NAME.W, NAME.b, NAME.V,
        NAME.c unless ``names`` gives four names) and the ``relu-network`` NAME."""
        names = names or [f"{name}.{s}" for s in ("W", "b", "V", "c")]
        mats = [matrix(names[0], self.W, encoding=encoding), matrix(names[1], [[x] for x in self.b], encoding=encoding),
                matrix(names[2], self.V, encoding=encoding), matrix(names[3], [[x] for x in self.c], encoding=encoding)]
        return mats + [relu_network(name, *mats)]

    # exact evaluation, as the kernel computes it

    def features(self, X):
        """Phi = r(W X + b 1^T), K x N, for X d x N (column i = point i)."""
        return features(self.W, self.b, X)

    def outputs(self, X=None, phi=None):
        """V Phi + c 1^T (D x N)."""
        phi = self.features(X) if phi is None else _exact_rows(phi, "phi")
        N = len(phi[0]) if phi else 0
        return [[self.c[dd] + sum((v * phi[k][i] for k, v in enumerate(self.V[dd]) if v), Fraction(0)) for i in range(N)]
                for dd in range(self.output_dimension)]

    def sup_error(self, X, Y):
        """max_{d,i} |f(x_i)[d] - Y[d][i]|."""
        F = self.outputs(X)
        Y = _exact_rows(Y, "Y")
        if _shape(Y) != _shape(F):
            raise ValueError(f"Y: expected a {_shape(F)[0]} x {_shape(F)[1]} matrix (outputs x points), found {_shape(Y)}")
        return max((abs(F[dd][i] - Y[dd][i]) for dd in range(len(F)) for i in range(len(F[0]))), default=Fraction(0))

    def input_norms2(self):
        """||w_k||^2 per unit."""
        return [sum((w * w for w in row), Fraction(0)) for row in self.W]

    def output_norms2(self):
        """||v_k||^2 per unit (column k of V)."""
        return [sum((self.V[dd][k] ** 2 for dd in range(self.output_dimension)), Fraction(0)) for k in range(self.units)]

    def weight_decay(self):
        """WD = (1/2) sum_k (||v_k||^2 + ||w_k||^2) (biases not penalised)."""
        return (sum(self.input_norms2(), Fraction(0)) + sum(self.output_norms2(), Fraction(0))) / 2

    def is_balanced(self):
        return self.input_norms2() == self.output_norms2()

    def active_units(self):
        """Units with v_k != 0 and (w_k, b_k) != 0, ascending."""
        return [k for k in range(self.units)
                if any(self.V[dd][k] for dd in range(self.output_dimension)) and (any(self.W[k]) or self.b[k])]

    def units_per_output(self):
        """The number of units output d uses (V[d][k] != 0), active or not, as the kernel
        counts them (MATH.md sec. 11: output d uses unit k if v_k[d] != 0)."""
        return [sum(1 for k in range(self.units) if self.V[dd][k]) for dd in range(self.output_dimension)]

    def shared_units(self):
        """Units used by two or more outputs (V[d][k] != 0 for two or more d), active or
        not, as the kernel counts them."""
        return sum(1 for k in range(self.units) if sum(1 for dd in range(self.output_dimension) if self.V[dd][k]) >= 2)

    def pruned(self, keep, output_weights=None):
        """The network with only the units in ``keep`` (in that order), with the given
        output weights (D x len(keep)) or the original columns."""
        keep = list(keep)
        V = output_weights if output_weights is not None else [[row[k] for k in keep] for row in self.V]
        return ReluNetwork([self.W[k] for k in keep], [self.b[k] for k in keep], V, list(self.c))

    def __repr__(self):
        return f"ReluNetwork(units={self.units}, inputs={self.input_dimension}, outputs={self.output_dimension})"
