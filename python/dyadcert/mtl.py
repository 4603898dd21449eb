"""Exact helpers for the multi-task lasso claims (MATH.md sec. 11, Lemmas PD and GS):
rational bounds on square roots, a dual point scaled into feasibility, the duality gap
P(V) - D(Theta) and the screening test, all in Fractions.

They compute what a certificate states; the kernel recomputes all of it (Phi from the
network and the data), so a mistake here can only give a claim that fails.
"""

from fractions import Fraction
from math import isqrt

from ._numbers import to_fraction
from .arrays import exact_array
from .matrices import exact_matrix

__all__ = ["sqrt_upper", "sqrt_lower", "unit_bounds", "penalised_gap", "scale_dual", "screenable", "dyadic_ceil",
           "dyadic_floor", "matmul"]


def _q(x, what):
    """An exact scalar: int, Fraction or numpy integer (floats refused, as everywhere: use
    dyadcert.exact_float)."""
    return to_fraction(x, what)


def _m(a, what):
    """An exact matrix: rows of ints / Fractions, or a numpy / torch array taken at its
    exact values (Fraction arithmetic with numpy floats would silently give floats)."""
    return exact_matrix(a, what=what)


def _v(xs, what):
    return [_q(x, f"{what}[{i}]") for i, x in enumerate(exact_array(xs, what=what))]


def _check(q):
    q = _q(q, "q")
    if q < 0:
        raise ValueError(f"no real square root of {q}")
    return q


def sqrt_upper(q, bits=64):
    """A dyadic u >= sqrt(q) with u - sqrt(q) < 2^-bits (u = sqrt(q) when that is dyadic
    with at most ``bits`` fraction bits)."""
    q = _check(q)
    s = 1 << bits
    # ceil(sqrt(q) * s) = ceil(sqrt(q * s^2)); isqrt of the ceiling of q s^2 is enough
    n = -((-q.numerator * s * s) // q.denominator)  # ceil(q s^2)
    r = isqrt(n)
    if r * r < n:
        r += 1
    return Fraction(r, s)


def sqrt_lower(q, bits=64):
    """A dyadic l <= sqrt(q) with sqrt(q) - l < 2^-bits."""
    q = _check(q)
    s = 1 << bits
    return Fraction(isqrt((q.numerator * s * s) // q.denominator), s)


def dyadic_ceil(q, bits):
    """The least multiple of 2^-bits that is >= q."""
    s = 1 << bits
    q = _q(q, "q")
    return Fraction(-((-q.numerator * s) // q.denominator), s)


def dyadic_floor(q, bits):
    """The greatest multiple of 2^-bits that is <= q."""
    s = 1 << bits
    q = _q(q, "q")
    return Fraction((q.numerator * s) // q.denominator, s)


def matmul(A, B):
    """A B for lists of rows of Fractions (zeros skipped)."""
    A, B = _m(A, "A"), _m(B, "B")
    n = len(B[0]) if B else 0
    out = []
    for row in A:
        acc = [Fraction(0)] * n
        for a, brow in zip(row, B):
            if a:
                for j, b in enumerate(brow):
                    if b:
                        acc[j] += a * b
        out.append(acc)
    return out


def _sq(xs):
    return sum((x * x for x in xs), Fraction(0))


def unit_bounds(V, bits=64):
    """u_k >= ||v_k|| (column k of V), dyadic, 0 for a zero column."""
    V = _m(V, "V")
    K = len(V[0]) if V else 0
    return [sqrt_upper(_sq([row[k] for row in V]), bits) for k in range(K)]


def penalised_gap(phi, psi, V, theta, lambda_, bounds):
    """P(V) - D(Theta) with P(V) = (1/2) ||V Phi - Psi||_F^2 + lambda sum_k u_k and
    D(Theta) = <Theta, Psi> - (1/2) ||Theta||_F^2 (Lemma PD), exactly."""
    lam = _q(lambda_, "lambda_")
    phi, psi, V, theta, bounds = _m(phi, "phi"), _m(psi, "psi"), _m(V, "V"), _m(theta, "theta"), _v(bounds, "bounds")
    fit = matmul(V, phi)
    residual = sum((_sq([f - p for f, p in zip(fr, pr)]) for fr, pr in zip(fit, psi)), Fraction(0))
    primal = residual / 2 + lam * sum(bounds, Fraction(0))
    inner = sum((t * p for tr, pr in zip(theta, psi) for t, p in zip(tr, pr)), Fraction(0))
    dual = inner - sum((_sq(tr) for tr in theta), Fraction(0)) / 2
    return primal - dual


def dual_norms2(theta, phi):
    """||Theta phi_k||^2 for every unit k (phi_k = row k of Phi)."""
    theta, phi = _m(theta, "theta"), _m(phi, "phi")
    T = matmul(theta, [list(col) for col in zip(*phi)])  # D x K
    return [_sq([T[d][k] for d in range(len(T))]) for k in range(len(phi))]


def scale_dual(theta, phi, lambda_):
    """The largest factor s <= 1 (a simple dyadic) with ||s Theta phi_k||^2 <= lambda^2
    for every k, and s Theta; s Theta is then a feasible dual point (Lemma PD)."""
    lam2 = _q(lambda_, "lambda_") ** 2
    theta, phi = _m(theta, "theta"), _m(phi, "phi")
    worst = max(dual_norms2(theta, phi), default=Fraction(0))
    if worst <= lam2:
        return Fraction(1), theta
    s = dyadic_floor(sqrt_lower(lam2 / worst, 64), 60)
    if not s * s * worst <= lam2:  # pragma: no cover - sqrt_lower and dyadic_floor round down
        raise ArithmeticError("scale_dual: the scaled dual point is not feasible")
    return s, [[s * t for t in row] for row in theta]


def screenable(theta, phi, lambda_, gap):
    """The units k for which sqrt(A) + sqrt(B) < lambda with A = ||Theta phi_k||^2 and
    B = 2 G ||phi_k||^2 (Lemma GS), decided through dyadic upper bounds on both roots
    (so a unit listed here passes the kernel's exact test; a few at the margin may be
    missed)."""
    lam, gap = _q(lambda_, "lambda_"), _q(gap, "gap")
    theta, phi = _m(theta, "theta"), _m(phi, "phi")
    out = []
    for k, a in enumerate(dual_norms2(theta, phi)):
        b = 2 * gap * _sq(phi[k])
        if sqrt_upper(a) + sqrt_upper(b) < lam:
            out.append(k)
    return out
