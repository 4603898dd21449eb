#!/usr/bin/env python3
"""Train, prune and certify a two-output ReLU network, exactly.

1. Train f(x) = V r(W x + b) + c (2 inputs, 64 units, 2 outputs) with weight decay by
   full-batch Adam in numpy on 40 synthetic points; the model is kept in float32, as a
   PyTorch model would be.
2. Prune it with the multi-task lasso min_V (1/2) ||V Phi - Psi||_F^2 + lambda sum_k ||v_k||
   (Phi = r(W X + b 1^T) recomputed from the network, Psi = Y - c 1^T), solved by block
   coordinate descent in numpy; the units with v_k != 0 are kept, and V is refitted on
   them by least squares (float64).
3. Certify, in exact rationals (every float taken at its exact binary value):
   - `fits-original`, `fits-pruned`: both networks fit the data within a stated rational
     sup error (the exact error is stated too);
   - `dead-units`: dropping the units that are zero on every data point changes no output
     (compress-preserves), when there are such units;
   - `weight-decay`: the exact weight decay of the trained network and rational bounds
     on its path norm;
   - `sharing-original`, `sharing-pruned`: active and shared units;
   - `rank`: rank(Y) and the width every interpolating network needs (Lemma RW);
   - `pruning-gap`: the lasso weights are within delta of the optimum (penalised-mtl-gap,
     Lemma PD), through the residual scaled into dual feasibility;
   - `screen`: units that are zero in every minimiser of the lasso (Lemma GS);
   - `optimal-width`: so every minimiser uses at most K - screened units (a bits claim),
     and `kept-enough`: at most as many as the pruned network keeps, when that holds.
4. Verify the certificate with the dyadcert binary (found via --binary, $DYADCERT, PATH
   or .build/debug/dyadcert) unless --no-verify.

    python3 python/examples/prune_relu.py -o pruned.dyadcert.json
"""

import argparse
import math
import os
import sys
import time
from fractions import Fraction
from pathlib import Path

try:
    import dyadcert as dc
except ImportError:  # run from a checkout without installing
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import dyadcert as dc

import numpy as np

from dyadcert import mtl


def make_data(rng, n_points):
    """40 points in [-1, 1]^2 and two smooth targets, all float32 (so exact dyadics)."""
    X = rng.uniform(-1.0, 1.0, size=(2, n_points)).astype(np.float32)  # column i = point i
    y0 = np.sin(2.0 * X[0]) + 0.5 * X[1]
    y1 = np.abs(X[0] - X[1]) - 0.5
    Y = np.stack([y0, y1]).astype(np.float32)
    return X, Y


def train(X, Y, units, steps, weight_decay, rng):
    """Full-batch Adam on (1/(2N)) ||f(X) - Y||^2 + (wd/2)(||W||^2 + ||V||^2)."""
    d, N = X.shape
    D = Y.shape[0]
    X64, Y64 = X.astype(np.float64), Y.astype(np.float64)
    params = {
        "W": rng.normal(0.0, 1.0, size=(units, d)),
        "b": rng.uniform(-1.0, 1.0, size=units),
        "V": rng.normal(0.0, 1.0 / np.sqrt(units), size=(D, units)),
        "c": np.zeros(D),
    }
    m = {k: np.zeros_like(v) for k, v in params.items()}
    s = {k: np.zeros_like(v) for k, v in params.items()}
    lr, b1, b2 = 0.01, 0.9, 0.999
    for t in range(1, steps + 1):
        W, b, V, c = params["W"], params["b"], params["V"], params["c"]
        pre = W @ X64 + b[:, None]
        phi = np.maximum(pre, 0.0)
        err = (V @ phi + c[:, None] - Y64) / N
        grads = {"V": err @ phi.T + weight_decay * V, "c": err.sum(axis=1)}
        back = (V.T @ err) * (pre > 0)
        grads["W"] = back @ X64.T + weight_decay * W
        grads["b"] = back.sum(axis=1)
        for k, g in grads.items():
            m[k] = b1 * m[k] + (1 - b1) * g
            s[k] = b2 * s[k] + (1 - b2) * g * g
            params[k] -= lr * (m[k] / (1 - b1**t)) / (np.sqrt(s[k] / (1 - b2**t)) + 1e-12)
    return {k: v.astype(np.float32) for k, v in params.items()}


def lasso_bcd(phi, psi, lam, sweeps=20000, tol=1e-13):
    """Block coordinate descent for min_V (1/2) ||V Phi - Psi||_F^2 + lam sum_k ||v_k||
    on the Gram form (G = Phi Phi^T, C = Psi Phi^T), with an active set: sweeps over the
    nonzero blocks until they settle, then one sweep over all blocks, until a full sweep
    leaves the support as it was. A block that soft-thresholds to zero is set exactly to 0."""
    K = phi.shape[0]
    G = phi @ phi.T
    C = psi @ phi.T
    V = np.zeros((psi.shape[0], K))
    VG = np.zeros_like(C)  # V G, kept up to date

    def sweep(blocks):
        change = 0.0
        for k in blocks:
            g = G[k, k]
            if g == 0.0:
                continue
            old = V[:, k].copy()
            z = C[:, k] - VG[:, k] + old * g
            nz = math.sqrt(float(z @ z))
            new = np.zeros_like(z) if nz <= lam else (1.0 - lam / nz) * z / g
            delta = new - old
            step = float(np.abs(delta).max())
            if step > 0.0:
                VG[:] += np.outer(delta, G[k])
                V[:, k] = new
                change = max(change, step)
        return change

    previous = None
    for _ in range(sweeps):
        change = sweep(range(K))
        active = [k for k in range(K) if np.any(V[:, k])]
        if change < tol or (active == previous and change < 1e-11):
            break
        previous = active
        for _ in range(sweeps):
            if sweep(active) < tol:
                break
    return V


def exact(a):
    """numpy array -> nested lists of Fractions (exact binary values)."""
    return dc.exact_array(a)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-o", "--output", required=True, help="the certificate to write")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--points", type=int, default=40)
    ap.add_argument("--units", type=int, default=64)
    ap.add_argument("--steps", type=int, default=3000)
    ap.add_argument("--weight-decay", type=float, default=1e-3)
    ap.add_argument("--lambda-ratio", type=float, default=0.01, help="lambda as a fraction of lambda_max")
    ap.add_argument("--binary", help="the dyadcert binary (default: $DYADCERT, PATH, .build/debug/dyadcert)")
    ap.add_argument("--no-verify", action="store_true")
    args = ap.parse_args(argv)
    start = time.monotonic()
    rng = np.random.default_rng(args.seed)

    # 1. data and training (float32 model)
    X, Y = make_data(rng, args.points)
    p = train(X, Y, args.units, args.steps, args.weight_decay, rng)
    original = dc.ReluNetwork.from_numpy(p["W"], p["b"], p["V"], p["c"])
    K = original.units
    t_train = time.monotonic() - start

    # 2. the multi-task lasso on the network's own features (float64 solve)
    W64, b64 = p["W"].astype(np.float64), p["b"].astype(np.float64)
    phi_f = np.maximum(W64 @ X.astype(np.float64) + b64[:, None], 0.0)
    psi_f = Y.astype(np.float64) - p["c"].astype(np.float64)[:, None]
    lam_max = max(np.linalg.norm(psi_f @ phi_f[k]) for k in range(K))
    # lambda: a short dyadic (10 significant bits) near lambda_ratio * lambda_max
    lam = mtl.dyadic_floor(Fraction(args.lambda_ratio * lam_max), 10 - int(np.floor(np.log2(args.lambda_ratio * lam_max))))
    V_lasso = lasso_bcd(phi_f, psi_f, float(lam))
    keep = [k for k in range(K) if np.any(V_lasso[:, k] != 0.0)]
    if not keep:
        raise SystemExit("the lasso kept no unit: lower --lambda-ratio")
    # refit V on the kept units (least squares, float64), c unchanged
    V_keep = np.linalg.lstsq(phi_f[keep].T, psi_f.T, rcond=None)[0].T
    pruned = original.pruned(keep, output_weights=exact(V_keep))

    # 3. exact quantities
    Xq, Yq = exact(X), exact(Y)
    phi = original.features(Xq)
    psi = [[y - original.c[d] for y in row] for d, row in enumerate(Yq)]
    Vl = exact(V_lasso)
    residual_f = psi_f - V_lasso @ phi_f  # the dual point, up to scale
    theta_scale = Fraction(1)
    theta = exact(residual_f)
    lam2 = lam * lam
    worst = max(mtl.dual_norms2(theta, phi))
    if worst > lam2:
        theta_scale = mtl.dyadic_floor(mtl.sqrt_lower(lam2 / worst), 40)
        while True:
            theta = exact(np.float64(theta_scale) * residual_f)  # rounded to float64, checked exactly below
            if max(mtl.dual_norms2(theta, phi)) <= lam2:
                break
            theta_scale *= 1 - Fraction(1, 2**30)
    bounds = mtl.unit_bounds(Vl, 64)
    gap = mtl.penalised_gap(phi, psi, Vl, theta, lam, bounds)
    delta = mtl.dyadic_ceil(gap, 64)
    screened = mtl.screenable(theta, phi, lam, delta)
    dead = [k for k in range(K) if all(x == 0 for x in phi[k])]
    alive = [k for k in range(K) if k not in dead]

    err0, err1 = original.sup_error(Xq, Yq), pruned.sup_error(Xq, Yq)
    in2, out2 = original.input_norms2(), original.output_norms2()
    pn_upper = [mtl.sqrt_upper(a * b, 32) for a, b in zip(in2, out2)]
    pn_lower = [mtl.sqrt_lower(a * b, 32) for a, b in zip(in2, out2)]
    rank = dc.relu.rank(Yq)

    # 4. the certificate
    cert = dc.Certificate(
        f"A {K}-unit two-output ReLU network trained with weight decay on {args.points} synthetic points "
        f"(seed {args.seed}, float32 weights taken exactly), pruned by a multi-task lasso at lambda = {lam} to "
        f"{len(keep)} units with V refitted by least squares. Written by python/examples/prune_relu.py.")
    data = dc.data_objects("data", Xq, Yq)
    cert.add(*data)
    cert.add(*original.objects("trained"))
    cert.add(*pruned.objects("pruned"))
    cert.add(dc.matrix("lasso.V", Vl), dc.matrix("lasso.Theta", theta))
    cert.add(dc.relu_interpolates(
        "fits-original", "trained", "data", tolerance=mtl.dyadic_ceil(err0, 20), sup_error=err0,
        description="The trained network is within the stated tolerance of every target (sup error stated exactly)."))
    cert.add(dc.relu_interpolates(
        "fits-pruned", "pruned", "data", tolerance=mtl.dyadic_ceil(err1, 20), sup_error=err1,
        description="The pruned network with refitted output weights is within the stated tolerance of every target."))
    if dead:
        cert.add(*original.pruned(alive).objects("trained-alive"))
        cert.add(dc.compress_preserves(
            "dead-units", "trained", "trained-alive", "data", len(original.active_units()),
            len(original.pruned(alive).active_units()),
            description=f"{len(dead)} units are zero on every data point; dropping them changes no output on the data."))
    cert.add(dc.weight_decay(
        "weight-decay", "trained", original.weight_decay(), path_norm_upper=pn_upper, path_norm_lower=pn_lower,
        balanced=original.is_balanced(), path_norm_upper_bound=sum(pn_upper), path_norm_lower_bound=sum(pn_lower),
        description="WD = (1/2) sum_k (||v_k||^2 + ||w_k||^2) exactly; the path norm is bracketed by rational bounds."))
    for name, net in (("original", original), ("pruned", pruned)):
        cert.add(dc.neuron_sharing(
            f"sharing-{name}", "trained" if name == "original" else "pruned", len(net.active_units()),
            net.shared_units(), units_per_output=net.units_per_output(), active=net.active_units()))
    cert.add(dc.width_from_rank(
        "rank", "data", rank, max(rank - 1, 0), network="pruned",
        centred_rank=dc.relu.rank([[y - pruned.c[d] for y in row] for d, row in enumerate(Yq)]),
        description="Lemma RW: every shallow ReLU network interpolating these targets has at least rank(Y) - 1 units."))
    cert.add(dc.penalised_mtl_gap(
        "pruning-gap", lam, delta, "lasso.Theta", bounds, network="trained", data="data", weights="lasso.V",
        description=f"The lasso weights (support {len(keep)} units) are within delta of the optimum of the penalised "
                    f"multi-task lasso at lambda = {lam}; the dual point is the residual scaled by {theta_scale}."))
    if screened:
        cert.add(dc.mtl_screen(
            "screen", "pruning-gap", screened,
            description=f"{len(screened)} of {K} units are zero in every minimiser (gap-safe screening)."))
        cert.add(dc.bits(
            "optimal-width", [dc.term("screen", "optimal-width-upper", 1)], "<=", K - len(screened),
            description="So every minimiser of the lasso uses at most K - screened units."))
        if K - len(screened) <= len(keep):
            cert.add(dc.bits(
                "kept-enough", [dc.term("screen", "optimal-width-upper", 1), dc.term("sharing-pruned", "units", -1)],
                "<=", 0, description="Every lasso minimiser uses at most as many units as the pruned network keeps."))
    path = cert.write(args.output)
    t_emit = time.monotonic() - start
    print(f"trained {K} units in {t_train:.1f} s; lasso at lambda = {float(lam):.6g} kept {len(keep)} units, "
          f"screened {len(screened)}, dead {len(dead)}; sup error {float(err0):.4g} -> {float(err1):.4g}; "
          f"gap <= {float(delta):.3g}; wrote {path} ({os.path.getsize(path)} bytes) at {t_emit:.1f} s")
    if args.no_verify:
        return 0
    report = dc.verify([path], binary=args.binary)
    print(report.summary())
    print(f"total {time.monotonic() - start:.1f} s")
    return report.exit_code


if __name__ == "__main__":
    sys.exit(main())
