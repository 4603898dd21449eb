"""dyadcert: write and check exact DyadCert certificates (format ``dyadcert/1``) from Python.

Numbers are ints and fractions.Fractions; floats are converted only on request and then
bit-exactly (exact_float, exact_array). Objects and claims are built with functions named
after the format's kinds and rules, collected in a Certificate, and written in the
canonical form that ``dyadcert format`` writes. ``verify`` runs the dyadcert binary.
See Certificates/FORMAT.md for the meaning of every field.
"""

from ._bits import pack_bits, pack_signs, unpack_bits, sign_tree_hex, sign_function_hex
from ._canonical import KEY_ORDER, canonical_text
from ._numbers import exact_float, num, to_fraction
from .arrays import exact_array
from .certificate import FORMAT, Certificate, Claim, ObjectDef
from .codes import Code, dyadic_code, int_code, sign_code, smallest_code
from .networks import HeavisideNetwork, Layer, Unit
from .matrices import exact_matrix, matrix
from .relu import ReluNetwork, data_objects, relu_data, relu_network
from .safetensors_file import load_exact as load_safetensors
from .objects import (
    PENDING_OBJECT_KINDS,
    OBJECT_KINDS, cell_function, feature, feature_shift, finite_class, function_list, haar_basis, haar_class,
    haar_function, heaviside_network, inline_sign_tree, joint_network, network_output, one_layer_network,
    piecewise_linear, rademacher_function, readout_class, sawtooth, sign_coded_network, sign_function, sign_tree,
    step_function, task_output, task_outputs, triangle_wave, walsh_basis, walsh_function,
)
from .rules import (
    PENDING_RULES,
    RULES, binary_class, bits, cover, enumerate_, gram, haar_cover, haar_packing, network_bits, network_realises,
    network_width_lower, orthonormal_for_all_signs, packing, readout_count, step_approx_lower, sup_distance, term,
    MEASURES, meaning, eps_transfer, network_realises_for_all_signs, relu_interpolates, weight_decay, neuron_sharing,
    width_from_rank, mtl_gap, penalised_mtl_gap, mtl_screen, compress_preserves, lasso_gap, lasso_screen, support,
    support_variability,
)
from .verify import (
    BinaryNotFound, ClaimResult, Failure, FileError, FileResult, Report, VerifyError, find_binary,
    format_certificate, parse_report, verify,
)

# The rule is named "enumerate" in the format; `dyadcert.enumerate` is that builder.
# It is left out of __all__ so that `from dyadcert import *` does not hide the builtin.
enumerate = enumerate_

__version__ = "0.2.0"


def claim_digest(claim):
    """The SHA-256 digest the verdict report gives a claim (FORMAT.md sec. 8.3)."""
    import hashlib

    d = claim.to_dict() if isinstance(claim, Claim) else claim
    return hashlib.sha256(canonical_text(d).encode("utf-8")).hexdigest()


__all__ = [
    "PENDING_OBJECT_KINDS", "PENDING_RULES",
    "FORMAT", "KEY_ORDER", "Certificate", "Claim", "ObjectDef", "num", "exact_float", "exact_array", "to_fraction",
    "canonical_text", "claim_digest", "pack_bits", "pack_signs", "unpack_bits", "sign_tree_hex", "sign_function_hex",
    "Code", "HeavisideNetwork", "Layer", "Unit", "sign_code", "int_code", "dyadic_code", "smallest_code",
    "OBJECT_KINDS", "RULES",
    "step_function", "cell_function", "sign_function", "haar_function", "rademacher_function", "walsh_function",
    "feature", "feature_shift", "task_output", "task_outputs", "network_output", "walsh_basis", "haar_basis",
    "function_list", "piecewise_linear", "triangle_wave", "sawtooth", "sign_tree", "inline_sign_tree",
    "heaviside_network", "joint_network", "one_layer_network", "readout_class", "haar_class", "finite_class",
    "gram", "sup_distance", "orthonormal_for_all_signs", "packing", "cover", "haar_packing", "haar_cover",
    "binary_class", "readout_count", "enumerate_", "network_realises", "network_width_lower", "network_bits",
    "step_approx_lower", "bits", "term",
    "sign_coded_network", "matrix", "exact_matrix", "relu_network", "relu_data", "data_objects", "ReluNetwork",
    "load_safetensors", "MEASURES", "meaning", "eps_transfer", "network_realises_for_all_signs", "relu_interpolates",
    "weight_decay", "neuron_sharing", "width_from_rank", "mtl_gap", "penalised_mtl_gap", "mtl_screen",
    "compress_preserves", "lasso_gap", "lasso_screen", "support", "support_variability",
    "verify", "find_binary", "format_certificate", "parse_report", "Report", "FileResult", "ClaimResult", "Failure",
    "FileError", "BinaryNotFound", "VerifyError",
]
