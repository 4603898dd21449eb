import ExactArithmetic

/// The sign-coded joint network family {N_sigma} (MATH.md sec. 8, Lemma NF): one network
/// per sign tree sigma of depth J, all with the same architecture and the same derived
/// parameters; only the 2^J - 1 weights of the unit u are sigma's signs.
///
/// Layers of N_sigma:
/// 1. the trunk, 2^J - 1 first-layer units H(x - i/2^J);
/// 2. the Haar layer, 2^J - 1 linear units g(j,k) = (a_j / 2) psi(j,k)(x) with balanced
///    a_j = 2^-(j+1), read off the trunk as
///    psi(j,k) = H(x - k/2^j) - 2 H(x - (2k+1)/2^(j+1)) + H(x - (k+1)/2^j) on [0, 1)
///    (H(x - 0) = 1 there, a bias; H(x - 1) = 0, absent);
/// 3. u = 1/2 + sum_{j,k} sigma(j,k) g(j,k), whose weights have the code `sign`;
/// 4.-7. the readout head (digits of u, their sums, parities, outputs w_{m_d}(u)).
///
/// By Lemma R, u = (h_sigma + 1)/2 = u_sigma takes the level-J midpoints, on which the
/// head computes the Walsh readouts exactly, so N_sigma computes F_sigma (Lemma NF), and
/// the family describes every element of K_M with ``signBits`` = 2^J - 1 bits.
public struct SignCodedNetworkFamily: Hashable, Sendable {
    /// The depth J of the sign trees.
    public let levels: Int
    /// The readouts w_{m_1}, ..., w_{m_D}: distinct indices in 1..<2^J.
    public let readouts: [WalshReadout]

    public init(levels J: Int, readouts: [WalshReadout]) throws(DyadicFunctionError) {
        try DyadicFunctionError.checkIndex("depth J", J, in: 1..<(SignTree.maximumLevels + 1))
        try ReadoutHead.checkReadouts(readouts, levels: J)
        self.levels = J
        self.readouts = readouts
    }

    /// The number of parameters that depend on sigma, each coded with 1 bit: the family's
    /// description length, 2^J - 1.
    public var signBits: Int { (1 << levels) - 1 }

    /// The member N_sigma.
    public func member(signs: SignTree) throws(DyadicFunctionError) -> CodedHeavisideNetwork {
        let J = levels
        guard signs.levels == J else {
            throw .invalidParameter("the sign tree has depth \(signs.levels), the family depth \(J)")
        }
        var layers = CodedLayers()
        // Trunk 2^J - 1 units of one weight; Haar layer 2^J - 1 units of 3 weights but
        // 2J fewer (no H(x - 0), H(x - 1)); u one unit of 2^J - 1 weights; the head.
        let cells = 1 << J, head = ReadoutHead.size(levels: J, readouts: readouts)
        layers.builder.reserveCapacity(units: 2 * (cells - 1) + 1 + head.units, weights: 5 * (cells - 1) - 2 * J + head.weights)
        layers.addTrunk(levels: J, weights: .derived(recipe: "trunk-weight"), bias: .derived(recipe: "trunk-threshold"))
        layers.add(haarLayer(), weights: .derived(recipe: "haar-weight"), bias: .derived(recipe: "haar-bias"))
        let signWeights = (0..<signBits).map { Rational(signs.isNegative(node: $0) ? -1 : 1) } // nodes in level order
        layers.add(
            [
                HeavisideNetwork.Unit(
                    activation: .linear, inputs: Array(0..<signBits), weights: signWeights,
                    bias: Dyadic(mantissa: 1, exponent: 1).rational)
            ],
            weights: .sign, bias: .derived(recipe: "u-bias"))
        ReadoutHead.add(to: &layers, levels: J, readouts: readouts)
        return try layers.network()
    }

    /// The Haar layer: unit (2^j - 1 + k) computes 2^-(j+2) psi(j,k)(x) from the trunk,
    /// whose unit i - 1 is H(x - i/2^J).
    func haarLayer() -> some Sequence<HeavisideNetwork.Unit> {
        let J = levels, cells = 1 << J
        return (0..<J).lazy.flatMap { j in
            let c = Dyadic(mantissa: 1, exponent: j + 2).rational, middleWeight = -2 * c
            let step = 1 << (J - j)
            return (0..<(1 << j)).lazy.map { k in
                let left = k * step, middle = left + step / 2, right = left + step
                // The trunk units H(x - t/2^J) at the ends and the midpoint, except t = 0 and 2^J.
                var inputs: [Int] = [], weights: [Rational] = []
                for (t, w) in [(left, c), (middle, middleWeight), (right, c)] where t > 0 && t < cells {
                    inputs.append(t - 1)
                    weights.append(w)
                }
                return HeavisideNetwork.Unit(activation: .linear, inputs: inputs, weights: weights, bias: left == 0 ? c : 0)
            }
        }
    }
}
