import DyadicFunctions
import ExactArithmetic

/// A function on [0, 1) as the kernel holds it: a general step function, or a +-1
/// function of level J bit-packed (the form of task outputs and sign functions).
package enum KernelFunction: Sendable {
    case step(StepFunction)
    case packed(PackedSignFunction)

    /// The canonical step function (converted from the packed form on demand).
    package var stepFunction: StepFunction {
        switch self {
        case .step(let f): return f
        case .packed(let p): return p.stepFunction
        }
    }

    /// Whether every value is +1 or -1.
    package var isSignValued: Bool {
        switch self {
        case .step(let f): return f.isSignValued
        case .packed: return true
        }
    }

    /// The steps one pass over the function takes (pieces, or 64-cell words), for work
    /// estimates.
    package var workSize: Int {
        switch self {
        case .step(let f): return f.pieceCount
        case .packed(let p): return p.words.count
        }
    }

    /// The number of breakpoints of the canonical form.
    package var breakpointCount: Int {
        switch self {
        case .step(let f): return f.breakpointCount
        case .packed(let p): return p.breakpointCount
        }
    }
}

/// A function class for the covering-number rules.
package enum KernelClass: Sendable {
    /// K_M = {(w_{m_1} o u_sigma, ..., w_{m_D} o u_sigma) : all sign trees of depth J},
    /// balanced amplitudes (MATH.md sec. 7).
    case readout(levels: Int, readouts: [Int])
    /// H_J(a) = {h_sigma : all sign trees of depth J}.
    case haar(levels: Int, amplitudes: [Rational])
    /// An explicit finite set of tuples of functions (all of one arity).
    case finite(elements: [[KernelFunction]])

    /// The number of coordinates of each element.
    package var arity: Int {
        switch self {
        case .readout(_, let readouts): return readouts.count
        case .haar: return 1
        case .finite(let elements): return elements.first?.count ?? 1
        }
    }
}

/// A network with the codes of its parameters (nil: the parameter has no code).
package struct KernelNetwork: Sendable {
    package let network: HeavisideNetwork
    /// The code of every parameter (nil: none), numbered as the network's parameters.
    package let codes: ParameterCodeTable<ParameterCode?>
    /// The recipe that built the network in the kernel, if any; only such networks may
    /// have `derived` codes (the kernel computed those parameters itself).
    package let recipe: String?
    /// For a member N_sigma of the sign-coded family (MATH.md sec. 8, Lemma NF) that the
    /// kernel built itself: the family's depth J and readouts. nil for every other network.
    package var signCodedFamily: SignCodedFamilyParameters? = nil
}

/// The parameters of the sign-coded network family {N_sigma}: everything but the signs.
package struct SignCodedFamilyParameters: Sendable, Equatable {
    package let levels: Int
    package let readouts: [Int]
}

/// A reconstructed certificate object.
package enum KernelObject: Sendable {
    case function(KernelFunction)
    case functionList([KernelFunction])
    case piecewiseLinear(PiecewiseLinear)
    case signTree(SignTree)
    case feature(RademacherHaarFeature)
    case network(KernelNetwork)
    case functionClass(KernelClass)
    /// An object of a kind a kernel extension builds (MATH.md sec. 11-12: exact matrices,
    /// shallow ReLU networks and their data, in `MatrixKernel`).
    case extended(any ExtensionObject)

    /// The kind of object, for messages.
    package var kindName: String {
        switch self {
        case .function: return "a function"
        case .functionList: return "a list of functions"
        case .piecewiseLinear: return "a piecewise-linear function"
        case .signTree: return "a sign tree"
        case .feature: return "a feature"
        case .network: return "a network"
        case .functionClass: return "a function class"
        case .extended(let object): return object.kindName
        }
    }
}
