import ExactArithmetic

/// `neuron-sharing`: which units are active, which each output uses, and which are
/// shared (MATH sec. 11; all by exact zero tests).
///
/// Unit k is active when v_k != 0 and (w_k, b_k) != 0; output d uses unit k when
/// V[d][k] != 0; unit k is shared when at least two outputs use it.
public struct NeuronSharing: Sendable, Equatable {
    /// The active units, ascending.
    public let activeUnits: [Int]
    /// For each output d, the units it uses, ascending.
    public let unitsUsedByOutput: [[Int]]
    /// The units used by at least two outputs, ascending.
    public let sharedUnits: [Int]

    /// Reads the sharing structure off the weights.
    public init(network: ShallowReLUNetwork) {
        let K = network.units, D = network.outputDimension, d = network.inputDimension
        let V = network.outputWeights, W = network.inputWeights
        var used = Array(repeating: [Int](), count: D)
        var active = [Int](), shared = [Int]()
        for k in 0..<K {
            var users = 0
            for o in 0..<D where !V.isZero(o, k) {
                used[o].append(k)
                users += 1
            }
            let inputNonzero = !network.biases[k].isZero || (0..<d).contains { !W.isZero(k, $0) }
            if users > 0 && inputNonzero { active.append(k) }
            if users >= 2 { shared.append(k) }
        }
        activeUnits = active
        unitsUsedByOutput = used
        sharedUnits = shared
    }

    /// The number of active units.
    public var activeCount: Int { activeUnits.count }
    /// The number of shared units.
    public var sharedCount: Int { sharedUnits.count }
}
