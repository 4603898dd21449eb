#!/usr/bin/env python3
"""A staircase and the Heaviside network that realises it, certified from Python.

The target is the staircase s(x) = floor(n x) / n on [0, 1) (n steps of height 1/n).
The network has one hidden layer of n - 1 Heaviside units H(x - k/n) and one linear
output unit (1/n) * sum_k H(x - k/n); its weights come from numpy float32 arrays, as
they would from a trained model, and are converted bit-exactly (n a power of two keeps
every parameter dyadic, so every parameter has a code). The certificate claims:

  * network-realises: the network equals s almost everywhere;
  * sup-distance: the network's output is at sup distance 0 from s, and s is within
    1/n of the identity ramp g(x) = x (the distance is the limit 1/n at each step's end);
  * network-width-lower: every network realising s needs n - 1 first-layer units
    (Lemma N1), so this network is as narrow as possible;
  * network-bits: the network's description length under the smallest codes that fit
    each layer's weights and biases, computed here exactly as the kernel sums it.

Usage: python3 heaviside_step.py -o staircase.dyadcert.json [--steps 8] [--binary PATH]
It writes the certificate and, when a dyadcert binary is found (--binary, $DYADCERT or
PATH), verifies it and exits with the verifier's exit code.
"""

import argparse
import sys
from fractions import Fraction

import dyadcert as dc


def staircase_network(n):
    """Weights and biases as float32 arrays (numpy if installed, else exact Fractions)."""
    try:
        import numpy as np
    except ImportError:  # the package itself needs no numpy
        w0 = [[1] for _ in range(1, n)]
        b0 = [Fraction(-k, n) for k in range(1, n)]
        return [w0, [[Fraction(1, n)] * (n - 1)]], [b0, [0]]
    w0 = np.ones((n - 1, 1), dtype=np.float32)
    b0 = -np.arange(1, n, dtype=np.float32) / np.float32(n)
    w1 = np.full((1, n - 1), 1 / n, dtype=np.float32)
    b1 = np.zeros(1, dtype=np.float32)
    return [w0, w1], [b0, b1]


def build(n):
    if n < 2 or n & (n - 1):
        raise SystemExit("--steps must be a power of two >= 2 (so that every parameter is dyadic)")
    weights, biases = staircase_network(n)
    net = dc.HeavisideNetwork.from_numpy(weights, biases)  # codes="auto": smallest code per layer

    cert = dc.Certificate(
        f"A staircase with {n} steps floor({n}x)/{n} and the one-hidden-layer Heaviside network "
        f"(weights from float32 arrays, converted exactly) that realises it with {n - 1} first-layer units, "
        f"the fewest possible; its description length under the smallest fitting codes is {net.network_bits()} bits."
    )
    breakpoints = [Fraction(k, n) for k in range(n + 1)]
    stair = cert.add(dc.step_function("stair", breakpoints, [Fraction(k, n) for k in range(n)]))
    ramp = cert.add(dc.piecewise_linear("ramp", [0, 1], values=[0, 1]))
    network = cert.add(dc.heaviside_network("net", net))
    output = cert.add(dc.network_output("net-output", network, 0))

    cert.add(dc.network_realises("realises", network, [stair], outputs=1,
                                 description="The network equals the staircase on every piece (Lemma N1)."))
    cert.add(dc.sup_distance("output-is-stair", output, stair, "=", 0))
    cert.add(dc.sup_distance("stair-near-ramp", ramp, stair, "<=", Fraction(1, n),
                             description="x - floor(nx)/n < 1/n, with limit 1/n at the end of each step."))
    cert.add(dc.network_width_lower("width", "separate", n - 1, functions=[stair],
                                    description=f"The staircase has {n - 1} breakpoints in (0, 1)."))
    cert.add(net.bits_claim("bits", network))
    return cert


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-o", "--output", required=True, help="the certificate file to write (*.dyadcert.json)")
    ap.add_argument("--steps", type=int, default=4, help="number of steps n, a power of two (default 4)")
    ap.add_argument("--binary", help="the dyadcert binary (default: $DYADCERT, then PATH)")
    args = ap.parse_args(argv)

    cert = build(args.steps)
    cert.write(args.output)
    print(f"wrote {args.output}")
    try:
        report = dc.verify([args.output], binary=args.binary)
    except dc.BinaryNotFound as e:
        print(f"not verified: {e}", file=sys.stderr)
        return 0
    print(report.summary())
    return report.exit_code


if __name__ == "__main__":
    sys.exit(main())
