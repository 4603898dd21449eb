import DyadicFunctions
import ExactArithmetic

/// A function on [0, 1) as the kernel holds it: a general step function, or a +-1
/// function of level J bit-packed (the form of task outputs and sign functions).
enum KernelFunction: Sendable {
    case step(StepFunction)
    case packed(PackedSignFunction)

    /// The canonical step function (converted from the packed form on demand).
    var stepFunction: StepFunction {
        switch self {
        case .step(let f): return f
        case .packed(let p): return p.stepFunction
        }
    }

    /// Whether every value is +1 or -1.
    var isSignValued: Bool {
        switch self {
        case .step(let f): return f.isSignValued
        case .packed: return true
        }
    }

    /// The steps one pass over the function takes (pieces, or 64-cell words), for work
    /// estimates.
    var workSize: Int {
        switch self {
        case .step(let f): return f.pieceCount
        case .packed(let p): return p.words.count
        }
    }

    /// The number of breakpoints of the canonical form.
    var breakpointCount: Int {
        switch self {
        case .step(let f): return f.breakpointCount
        case .packed(let p): return p.breakpointCount
        }
    }
}

/// A function class for the covering-number rules.
enum KernelClass: Sendable {
    /// K_M = {(w_{m_1} o u_sigma, ..., w_{m_D} o u_sigma) : all sign trees of depth J},
    /// balanced amplitudes (MATH.md sec. 7).
    case readout(levels: Int, readouts: [Int])
    /// H_J(a) = {h_sigma : all sign trees of depth J}.
    case haar(levels: Int, amplitudes: [Rational])
    /// An explicit finite set of tuples of functions (all of one arity).
    case finite(elements: [[KernelFunction]])

    /// The number of coordinates of each element.
    var arity: Int {
        switch self {
        case .readout(_, let readouts): return readouts.count
        case .haar: return 1
        case .finite(let elements): return elements.first?.count ?? 1
        }
    }
}

/// A network with the codes of its parameters (nil: the parameter has no code).
struct KernelNetwork: Sendable {
    let network: HeavisideNetwork
    /// The code of every parameter (nil: none), numbered as the network's parameters.
    let codes: ParameterCodeTable<ParameterCode?>
    /// The recipe that built the network in the kernel, if any; only such networks may
    /// have `derived` codes (the kernel computed those parameters itself).
    let recipe: String?
    /// For a member N_sigma of the sign-coded family (MATH.md sec. 8, Lemma NF) that the
    /// kernel built itself: the family's depth J and readouts. nil for every other network.
    var signCodedFamily: SignCodedFamilyParameters? = nil
}

/// The parameters of the sign-coded network family {N_sigma}: everything but the signs.
struct SignCodedFamilyParameters: Sendable, Equatable {
    let levels: Int
    let readouts: [Int]
}

/// A reconstructed certificate object.
enum KernelObject: Sendable {
    case function(KernelFunction)
    case functionList([KernelFunction])
    case piecewiseLinear(PiecewiseLinear)
    case signTree(SignTree)
    case feature(RademacherHaarFeature)
    case network(KernelNetwork)
    case functionClass(KernelClass)
    /// MATH.md sec. 11-12: exact matrices, shallow ReLU networks and their data.
    case matrix(KernelMatrix)
    case reluNetwork(KernelReLUNetwork)
    case reluData(KernelReLUData)

    /// The kind of object, for messages.
    var kindName: String {
        switch self {
        case .function: return "a function"
        case .functionList: return "a list of functions"
        case .piecewiseLinear: return "a piecewise-linear function"
        case .signTree: return "a sign tree"
        case .feature: return "a feature"
        case .network: return "a network"
        case .functionClass: return "a function class"
        case .matrix: return "a matrix"
        case .reluNetwork: return "a ReLU network"
        case .reluData: return "ReLU data"
        }
    }
}
