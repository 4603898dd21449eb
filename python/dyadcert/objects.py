"""Builders for the 28 object kinds of FORMAT.md sec. 4.

Each builder takes the object's name first and returns an :class:`ObjectDef` to pass
to ``Certificate.add``. References to other objects are names or the ObjectDefs
themselves. Numbers are ints or Fractions (see dyadcert.num); floats are refused.
"""

from . import _fields as F
from ._bits import sign_function_hex, sign_tree_hex, unpack_bits
from .certificate import ObjectDef, ref, refs

__all__ = [
    "step_function", "cell_function", "sign_function", "haar_function", "rademacher_function",
    "walsh_function", "feature", "feature_shift", "task_output", "task_outputs", "network_output",
    "walsh_basis", "haar_basis", "function_list", "piecewise_linear", "triangle_wave", "sawtooth",
    "sign_tree", "heaviside_network", "joint_network", "one_layer_network", "readout_class",
    "haar_class", "finite_class", "inline_sign_tree", "sign_coded_network", "OBJECT_KINDS",
]


def _obj(name, kind, references=(), **fields):
    data = {"kind": kind}
    for k, v in fields.items():
        if v is not None:
            data[k.replace("_", "-")] = v
    return ObjectDef(name, data, references)


# 4.1 functions

def step_function(name, breakpoints, values):
    """f = values[i] on [breakpoints[i], breakpoints[i+1]); 0 = t_0 < ... < t_n = 1."""
    b = F.numbers(breakpoints, "breakpoints")
    v = F.numbers(values, "values")
    if len(b) < 2:
        raise ValueError("a step function needs breakpoints 0 = t_0 < ... < t_n = 1 with n >= 1")
    if len(v) != len(b) - 1:
        raise ValueError(f"{len(b)} breakpoints need {len(b) - 1} values, found {len(v)}")
    from ._numbers import parse_rational

    qs = [parse_rational(x) for x in b]
    if qs[0] != 0 or qs[-1] != 1 or any(p >= q for p, q in zip(qs, qs[1:])):
        raise ValueError("breakpoints must increase strictly from 0 to 1")
    return _obj(name, "step-function", breakpoints=b, values=v)


def cell_function(name, level, values):
    """The dyadic step function of level J: values[k] on [k/2^J, (k+1)/2^J)."""
    J = int(F.integer(level, "level", 0, 62))
    v = F.numbers(values, "values")
    if len(v) != 2**J:
        raise ValueError(f"level {J} needs exactly {2**J} values, found {len(v)}")
    return _obj(name, "cell-function", level=str(J), values=v)


def sign_function(name, signs=None, bits=None, level=None, hex=None):
    """A +-1 function of level J: 2^J values cell by cell, as +-1 ``signs``, 0/1 ``bits``
    (1 = -1), or a packed ``hex`` string with its ``level``."""
    if hex is not None:
        if signs is not None or bits is not None or level is None:
            raise TypeError("with hex= give level= and neither signs= nor bits=")
        J = int(F.integer(level, "level", 0, 32))
        unpack_bits(hex, 2**J)
        return _obj(name, "sign-function", level=str(J), bits=hex)
    J, h = sign_function_hex(signs=signs, bits=bits, level=level)
    if J > 32:
        raise ValueError("a sign function has level at most 32")
    return _obj(name, "sign-function", level=str(J), bits=h)


def haar_function(name, level, index):
    """psi(j, k): +1 on the left half of I(j, k), -1 on its right half."""
    j = int(F.integer(level, "level", 0, 61))
    k = int(F.integer(index, "index", 0))
    if k >= 2**j:
        raise ValueError(f"index must be below 2^{j}, found {k}")
    return _obj(name, "haar-function", level=str(j), index=str(k))


def rademacher_function(name, index):
    return _obj(name, "rademacher-function", index=F.integer(index, "index", 0, 31))


def walsh_function(name, index):
    return _obj(name, "walsh-function", index=F.integer(index, "index", 0, 2**32 - 1))


# 4.2 sign trees, features, task outputs

def sign_tree(name, signs=None, bits=None, levels=None, hex=None):
    """A sign tree of depth J: 2^J - 1 signs in node order (sigma(0,0), sigma(1,0),
    sigma(1,1), ...), flat or one list per level, as +-1 ``signs`` or 0/1 ``bits``
    (1 = -1); or a packed ``hex`` string with ``levels``."""
    if hex is not None:
        if signs is not None or bits is not None or levels is None:
            raise TypeError("with hex= give levels= and neither signs= nor bits=")
        J = int(F.integer(levels, "levels", 1, 30))
        unpack_bits(hex, 2**J - 1)
        return _obj(name, "sign-tree", levels=str(J), bits=hex)
    J, h = sign_tree_hex(signs=signs, bits=bits, levels=levels)
    if J > 30:
        raise ValueError("a sign tree has depth at most 30")
    return _obj(name, "sign-tree", levels=str(J), bits=h)


def inline_sign_tree(signs=None, bits=None, levels=None, hex=None):
    """An inline ``{"bits": HEX}`` sign tree, for the elements of a packing claim."""
    if hex is not None:
        if levels is not None:
            unpack_bits(hex, 2 ** int(F.integer(levels, "levels", 1, 30)) - 1)
        return {"bits": hex}
    return {"bits": sign_tree_hex(signs=signs, bits=bits, levels=levels)[1]}


def feature(name, signs, amplitudes="balanced"):
    """h_sigma = sum_j a_j sum_k sigma(j,k) psi(j,k); amplitudes 'balanced' or J positive numbers."""
    s = ref(signs)
    return _obj(name, "feature", [s], signs=s, amplitudes=F.amplitudes(amplitudes))


def feature_shift(name, feature):
    f = ref(feature)
    return _obj(name, "feature-shift", [f], feature=f)


def task_output(name, signs, readout):
    s = ref(signs)
    return _obj(name, "task-output", [s], signs=s, readout=F.integer(readout, "readout", 1))


def task_outputs(name, signs, readouts):
    s = ref(signs)
    return _obj(name, "task-outputs", [s], signs=s, readouts=F.integers(readouts, "readouts", 1))


def network_output(name, network, output):
    n = ref(network)
    return _obj(name, "network-output", [n], network=n, output=F.integer(output, "output", 0))


# 4.3 function lists

def walsh_basis(name, levels):
    return _obj(name, "walsh-basis", levels=F.integer(levels, "levels", 0, 32))


def haar_basis(name, levels):
    return _obj(name, "haar-basis", levels=F.integer(levels, "levels", 0, 62))


def function_list(name, items):
    r = refs(items, "items")
    return _obj(name, "function-list", r, items=r)


# 4.4 piecewise-linear functions

def piecewise_linear(name, knots, values=None, start_values=None, end_values=None):
    """Continuous (``values`` at the m + 1 knots) or piece by piece (``start_values`` and
    ``end_values``, m each)."""
    k = F.numbers(knots, "knots")
    if len(k) < 2:
        raise ValueError("a piecewise-linear function needs knots 0 = s_0 < ... < s_m = 1 with m >= 1")
    if values is not None:
        if start_values is not None or end_values is not None:
            raise TypeError("give values= or start_values= and end_values=, not both")
        v = F.numbers(values, "values")
        if len(v) != len(k):
            raise ValueError(f"{len(k)} knots need {len(k)} values, found {len(v)}")
        return _obj(name, "piecewise-linear", knots=k, values=v)
    if start_values is None or end_values is None:
        raise TypeError("give values= or both start_values= and end_values=")
    s = F.numbers(start_values, "start_values")
    e = F.numbers(end_values, "end_values")
    if len(s) != len(k) - 1 or len(e) != len(k) - 1:
        raise ValueError(f"{len(k)} knots need {len(k) - 1} start and end values")
    return _obj(name, "piecewise-linear", knots=k, start_values=s, end_values=e)


def triangle_wave(name, order):
    return _obj(name, "triangle-wave", order=F.integer(order, "order", 1, 24))


def sawtooth(name, order):
    return _obj(name, "sawtooth", order=F.integer(order, "order", 0, 24))


# 4.5 networks

def heaviside_network(name, network):
    """An explicit network: a dyadcert.HeavisideNetwork, or its ``layers`` list in the
    certificate's own form (list of dicts with "units" ...)."""
    from .networks import HeavisideNetwork

    if isinstance(network, HeavisideNetwork):
        return network.to_object(name)
    if isinstance(network, list):
        return HeavisideNetwork.from_layers_data(network).to_object(name)
    raise TypeError("heaviside_network expects a HeavisideNetwork (e.g. HeavisideNetwork.from_numpy(...))")


def joint_network(name, signs, readouts):
    s = ref(signs)
    return _obj(name, "joint-network", [s], signs=s, readouts=F.integers(readouts, "readouts", 1))


def sign_coded_network(name, signs, readouts):
    """The member N_sigma of the sign-coded network family (Lemma NF): only its 2^J - 1
    sign weights depend on the sign tree."""
    s = ref(signs)
    return _obj(name, "sign-coded-network", [s], signs=s, readouts=F.integers(readouts, "readouts", 1))


def one_layer_network(name, functions):
    r = refs(functions, "functions")
    return _obj(name, "one-layer-network", r, functions=r)


# 4.6 classes

def readout_class(name, levels, readouts):
    return _obj(name, "readout-class", levels=F.integer(levels, "levels", 1, 62),
                readouts=F.integers(readouts, "readouts", 1))


def haar_class(name, levels, amplitudes="balanced"):
    J = int(F.integer(levels, "levels", 1, 62))
    a = F.amplitudes(amplitudes)
    if not isinstance(a, str) and len(a) != J:
        raise ValueError(f"a haar-class of {J} levels needs {J} amplitudes, found {len(a)}")
    return _obj(name, "haar-class", levels=str(J), amplitudes=a)


def finite_class(name, elements):
    """An explicit finite class: each element a function name or a list of names (a tuple)."""
    out, used = [], []
    if not elements:
        raise ValueError("a finite class needs at least one element")
    for e in elements:
        if isinstance(e, (list, tuple)):
            r = refs(e, "element")
            out.append(r)
            used.extend(r)
        else:
            r = ref(e)
            out.append(r)
            used.append(r)
    return _obj(name, "finite-class", used, elements=out)


OBJECT_KINDS = {
    "step-function": step_function, "cell-function": cell_function, "sign-function": sign_function,
    "haar-function": haar_function, "rademacher-function": rademacher_function,
    "walsh-function": walsh_function, "feature": feature, "feature-shift": feature_shift,
    "task-output": task_output, "task-outputs": task_outputs, "network-output": network_output,
    "walsh-basis": walsh_basis, "haar-basis": haar_basis, "function-list": function_list,
    "piecewise-linear": piecewise_linear, "triangle-wave": triangle_wave, "sawtooth": sawtooth,
    "sign-tree": sign_tree, "heaviside-network": heaviside_network, "joint-network": joint_network,
    "one-layer-network": one_layer_network, "readout-class": readout_class, "haar-class": haar_class,
    "finite-class": finite_class,
}

from .matrices import matrix  # noqa: E402
from .relu import relu_data, relu_network  # noqa: E402

OBJECT_KINDS.update({"sign-coded-network": sign_coded_network, "matrix": matrix, "relu-network": relu_network,
                     "relu-data": relu_data})

#: Object kinds of the format that this package has no builder for yet (none since 0.2.0).
PENDING_OBJECT_KINDS = frozenset()
