"""Heaviside networks (FORMAT.md sec. 4.5); their parameter codes are in codes.py.

A network is a list of layers of units act(w . z + b) with act the Heaviside step
H(t) = 1 if t >= 0 else 0, or the identity for linear units. The kernel's conventions:
at least two layers, none empty; layer 0 consists of Heaviside units that each read x
(input 0) with one nonzero weight; the last layer is linear, one unit per output; each
unit lists strictly increasing inputs below the previous layer's width.

Shallow ReLU networks are in relu.py (ReluNetwork).
"""

from fractions import Fraction

from . import _fields as F
from ._numbers import num, parse_rational, to_fraction
from .arrays import exact_array
from .certificate import ObjectDef
from .codes import Code, smallest_code

__all__ = ["Unit", "Layer", "HeavisideNetwork"]


def _dims(original, converted):
    """'an array of shape (3, 1)' or 'nested lists' for error messages."""
    shape = getattr(original, "shape", None)
    return f"an array of shape {tuple(shape)}" if shape is not None else "nested lists"


def _code_or_none(c):
    return None if c is None else Code.parse(c)


class Unit:
    """One unit: activation ('heaviside' or 'linear'), inputs, weights, bias and
    optional codes (``weight_codes``: one per weight; ``bias_code``) that override the
    layer's defaults."""

    __slots__ = ("activation", "inputs", "weights", "bias", "weight_codes", "bias_code")

    def __init__(self, activation, inputs, weights, bias, weight_codes=None, bias_code=None):
        if activation not in ("heaviside", "linear"):
            raise ValueError(f"activation must be 'heaviside' or 'linear', found {activation!r}")
        self.activation = activation
        self.inputs = [int(F.integer(i, "input", 0, 2**31 - 1)) for i in inputs]
        self.weights = [to_fraction(w, "a weight") for w in weights]
        self.bias = to_fraction(bias, "a bias")
        if len(self.inputs) != len(self.weights):
            raise ValueError(f"{len(self.inputs)} inputs but {len(self.weights)} weights")
        if isinstance(weight_codes, str):
            raise TypeError(f"weight_codes: expected a list of codes, one per weight, found the string {weight_codes!r}")
        self.weight_codes = None if weight_codes is None else [Code.parse(c) for c in weight_codes]
        if self.weight_codes is not None and len(self.weight_codes) != len(self.weights):
            raise ValueError("one weight code per weight is required")
        self.bias_code = _code_or_none(bias_code)

    def to_dict(self):
        d = {"activation": self.activation, "inputs": [str(i) for i in self.inputs],
             "weights": [num(w) for w in self.weights], "bias": num(self.bias)}
        if self.weight_codes is not None:
            d["weight-codes"] = [c.text for c in self.weight_codes]
        if self.bias_code is not None:
            d["bias-code"] = self.bias_code.text
        return d


class Layer:
    """A list of units with optional default codes for their weights and biases."""

    __slots__ = ("units", "weight_code", "bias_code")

    def __init__(self, units, weight_code=None, bias_code=None):
        self.units = list(units)
        self.weight_code = _code_or_none(weight_code)
        self.bias_code = _code_or_none(bias_code)

    def to_dict(self):
        d = {"units": [u.to_dict() for u in self.units]}
        if self.weight_code is not None:
            d["weight-code"] = self.weight_code.text
        if self.bias_code is not None:
            d["bias-code"] = self.bias_code.text
        return d


class HeavisideNetwork:
    """An explicit Heaviside network with exact (Fraction) parameters.

    Build it with :meth:`from_numpy` from weight matrices and bias vectors, or from
    :class:`Layer` / :class:`Unit` objects. :meth:`to_object` gives the
    ``heaviside-network`` object, :meth:`network_bits` the description length exactly as
    the kernel's ``network-bits`` rule sums it, and :meth:`bits_claim` that claim."""

    def __init__(self, layers):
        self.layers = [l if isinstance(l, Layer) else Layer(l) for l in layers]
        self._check()

    def _check(self):
        if len(self.layers) < 2:
            raise ValueError(f"a network needs a first hidden layer of Heaviside units and an output layer (found {len(self.layers)} layers)")
        width = 1
        for l, layer in enumerate(self.layers):
            if not layer.units:
                raise ValueError(f"layer {l} has no units")
            for u, unit in enumerate(layer.units):
                for i in unit.inputs:
                    if not 0 <= i < width:
                        raise ValueError(f"layer {l} unit {u}: input {i} is outside 0..<{width}")
                if any(a >= b for a, b in zip(unit.inputs, unit.inputs[1:])):
                    raise ValueError(f"layer {l} unit {u}: inputs must be strictly increasing")
                if l == 0:
                    if unit.activation != "heaviside":
                        raise ValueError(f"layer 0 unit {u}: the first layer must consist of Heaviside units")
                    if unit.inputs != [0] or unit.weights[0] == 0:
                        raise ValueError(f"layer 0 unit {u}: a first-layer unit reads x with one nonzero weight")
                if l == len(self.layers) - 1 and unit.activation != "linear":
                    raise ValueError(f"layer {l} unit {u}: output units must be linear")
            width = len(layer.units)

    # construction

    @classmethod
    def from_numpy(cls, weights, biases, codes="auto", activations=None, drop_zero_weights=False, allow_float=None):
        """A network from one weight matrix and one bias vector per layer.

        ``weights[l]`` has shape (units of layer l, width of layer l - 1), like
        ``torch.nn.Linear.weight``; the first layer reads x, so ``weights[0]`` has shape
        (n1, 1) (or (n1,)). Float arrays are converted bit-exactly (see exact_array).
        Hidden layers are Heaviside and the last layer linear unless ``activations``
        (one string per layer) says otherwise. ``drop_zero_weights`` omits inputs whose
        weight is 0 (otherwise every unit reads the whole previous layer).

        ``codes``: "auto" (default) gives each layer the smallest code that fits all its
        weights and the smallest that fits all its biases (smallest_code); None gives
        no codes; or a list with one entry per layer, each a pair (weight_code,
        bias_code) of code strings / Code objects / None (= auto for that one).
        Auto fails with a ValueError when no code fits (a non-dyadic value).
        """
        if len(weights) != len(biases):
            raise ValueError(f"{len(weights)} weight matrices but {len(biases)} bias vectors")
        n = len(weights)
        if activations is None:
            activations = ["heaviside"] * (n - 1) + ["linear"]
        if len(activations) != n:
            raise ValueError("one activation per layer is required")
        if codes is not None and codes != "auto":
            if isinstance(codes, str) or len(codes) != n:
                raise ValueError("codes must be 'auto', None, or one (weight_code, bias_code) pair per layer")
        layers = []
        width = 1
        for l in range(n):
            W = exact_array(weights[l], allow_float, f"weights[{l}]")
            b = exact_array(biases[l], allow_float, f"biases[{l}]")
            if not isinstance(b, list):
                b = [b]
            if any(isinstance(x, list) for x in b):
                raise ValueError(f"biases[{l}]: expected a vector (one bias per unit of layer {l}), "
                                 f"found {_dims(biases[l], b)}")
            if not isinstance(W, list):
                raise ValueError(f"weights[{l}]: expected a matrix (units x width of the previous layer), found a number")
            if l == 0 and W and not isinstance(W[0], list):
                W = [[w] for w in W]
            if any(isinstance(w, list) for row in W if isinstance(row, list) for w in row):
                raise ValueError(f"weights[{l}]: expected a matrix (units x width of the previous layer), "
                                 f"found {_dims(weights[l], W)}")
            if len(W) != len(b):
                raise ValueError(f"layer {l}: {len(W)} weight rows but {len(b)} biases")
            units = []
            for u, row in enumerate(W):
                if not isinstance(row, list) or len(row) != width:
                    raise ValueError(f"layer {l} unit {u}: expected {width} weights (the width of the previous layer), found {row!r}")
                idx = [i for i, w in enumerate(row) if not (drop_zero_weights and w == 0)]
                units.append(Unit(activations[l], idx, [row[i] for i in idx], b[u]))
            wc = bc = None
            pair = (None, None) if codes == "auto" else (None if codes is None else codes[l])
            if codes is not None:
                if not isinstance(pair, (tuple, list)) or len(pair) != 2:
                    raise ValueError(f"codes[{l}] must be a (weight_code, bias_code) pair")
                wc, bc = pair
                all_w = [w for unit in units for w in unit.weights]
                all_b = [unit.bias for unit in units]
                if wc is None and all_w:
                    wc = smallest_code(all_w)
                    if wc is None:
                        raise ValueError(f"layer {l}: no code fits its weights (some weight is not dyadic); give codes explicitly or codes=None")
                if bc is None:
                    bc = smallest_code(all_b)
                    if bc is None:
                        raise ValueError(f"layer {l}: no code fits its biases (some bias is not dyadic); give codes explicitly or codes=None")
            layers.append(Layer(units, wc, bc))
            width = len(units)
        return cls(layers)

    @classmethod
    def from_layers_data(cls, data):
        """From the ``layers`` member of a heaviside-network object (strings)."""
        def q(s):
            return parse_rational(s)

        layers = []
        for ld in data:
            units = [Unit(ud["activation"], [int(i) for i in ud["inputs"]], [q(w) for w in ud["weights"]], q(ud["bias"]),
                          ud.get("weight-codes"), ud.get("bias-code")) for ud in ld["units"]]
            layers.append(Layer(units, ld.get("weight-code"), ld.get("bias-code")))
        return cls(layers)

    @classmethod
    def from_safetensors(cls, path, weight_names, bias_names, **options):
        """Reads the named tensors from a .safetensors file with the package's exact reader
        (F64, F32, F16 and BF16 taken at their exact values; no numpy or safetensors
        package needed) and calls from_numpy."""
        from .safetensors_file import load_exact

        tensors = load_exact(path)
        missing = [k for k in list(weight_names) + list(bias_names) if k not in tensors]
        if missing:
            raise KeyError(f"{path} has no tensors {missing}; it has {sorted(tensors)}")
        return cls.from_numpy([tensors[k] for k in weight_names], [tensors[k] for k in bias_names], **options)

    # output

    def to_layers_data(self):
        return [layer.to_dict() for layer in self.layers]

    def to_object(self, name):
        """The ``heaviside-network`` object definition."""
        return ObjectDef(name, {"kind": "heaviside-network", "layers": self.to_layers_data()})

    # counts, as NetworkBitsRule computes them

    @property
    def unit_count(self):
        return sum(len(l.units) for l in self.layers)

    @property
    def output_count(self):
        return len(self.layers[-1].units)

    @property
    def hidden_unit_count(self):
        return self.unit_count - self.output_count

    @property
    def parameter_count(self):
        return sum(len(u.weights) + 1 for l in self.layers for u in l.units)

    @property
    def first_layer_width(self):
        return len(self.layers[0].units)

    @property
    def layer_count(self):
        return len(self.layers)

    @property
    def size(self):
        """The network size the kernel limits: sum over units of (weights + 2)."""
        return sum(len(u.weights) + 2 for l in self.layers for u in l.units)

    def parameters(self):
        """(place, value, code or None) for every parameter, in the kernel's order:
        layer by layer, unit by unit, each weight then the bias."""
        out = []
        for l, layer in enumerate(self.layers):
            for u, unit in enumerate(layer.units):
                for k, w in enumerate(unit.weights):
                    c = unit.weight_codes[k] if unit.weight_codes is not None else layer.weight_code
                    out.append((f"layer {l} unit {u} weight {k}", w, c))
                out.append((f"layer {l} unit {u} bias", unit.bias, unit.bias_code if unit.bias_code is not None else layer.bias_code))
        return out

    def network_bits(self):
        """The sum of the code lengths of all parameters (FORMAT.md sec. 5.13, 6).
        Raises ValueError, naming the parameter, where the kernel's claim would fail
        (no code, or a value that does not fit its code)."""
        total = 0
        for place, value, code in self.parameters():
            if code is None:
                raise ValueError(f"the parameter at {place} has no code")
            if not code.admits(value):
                raise ValueError(f"the parameter at {place} is {num(value)}, which does not fit its code {code.text}")
            total += code.bits
        return total

    def bits_claim(self, id, network, counts=True, **options):
        """A network-bits claim for this network (named ``network`` in the certificate)
        with the computed bits and, if counts, all five counts."""
        from .rules import network_bits

        extra = {}
        if counts:
            extra = dict(units=self.unit_count, hidden_units=self.hidden_unit_count, parameters=self.parameter_count,
                         first_layer_units=self.first_layer_width, layers=self.layer_count)
        return network_bits(id, network, self.network_bits(), **extra, **options)

    # exact evaluation (Lemma N1)

    def evaluate(self, x):
        """The outputs at x, exactly (H(0) = 1)."""
        z = [to_fraction(x, "x")]
        for layer in self.layers:
            out = []
            for unit in layer.units:
                t = unit.bias + sum((w * z[i] for i, w in zip(unit.inputs, unit.weights)), Fraction(0))
                out.append(t if unit.activation == "linear" else Fraction(1 if t >= 0 else 0))
            z = out
        return z

    def thresholds(self):
        """The sorted distinct first-layer thresholds -b/w inside (0, 1)."""
        ts = {-u.bias / u.weights[0] for u in self.layers[0].units}
        return sorted(t for t in ts if 0 < t < 1)

    def step_function(self, name, output=0):
        """The step function output ``output`` computes (as the kernel's network-output:
        the value at the midpoint of every piece between consecutive thresholds)."""
        from .objects import step_function

        b = [Fraction(0)] + self.thresholds() + [Fraction(1)]
        values = [self.evaluate((p + q) / 2)[output] for p, q in zip(b, b[1:])]
        return step_function(name, b, values)
