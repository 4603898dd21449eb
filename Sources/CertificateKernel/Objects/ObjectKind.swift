/// The object kinds of format dyadcert/1 (FORMAT.md sec. 4), each with every key its
/// definition may hold, in canonical order. FORMAT.md and dyadcert-1.schema.json are
/// tested against this declaration.
public enum ObjectKind: String, FormatWord {
    case stepFunction = "step-function"
    case cellFunction = "cell-function"
    case signFunction = "sign-function"
    case haarFunction = "haar-function"
    case rademacherFunction = "rademacher-function"
    case walshFunction = "walsh-function"
    case feature
    case featureShift = "feature-shift"
    case taskOutput = "task-output"
    case networkOutput = "network-output"
    case taskOutputs = "task-outputs"
    case walshBasis = "walsh-basis"
    case haarBasis = "haar-basis"
    case functionList = "function-list"
    case piecewiseLinear = "piecewise-linear"
    case triangleWave = "triangle-wave"
    case sawtooth
    case signTree = "sign-tree"
    case heavisideNetwork = "heaviside-network"
    case jointNetwork = "joint-network"
    case signCodedNetwork = "sign-coded-network"
    case oneLayerNetwork = "one-layer-network"
    case readoutClass = "readout-class"
    case haarClass = "haar-class"
    case finiteClass = "finite-class"
    case matrix
    case reluNetwork = "relu-network"
    case reluData = "relu-data"

    /// Every key a definition of this kind may hold (some kinds have alternatives,
    /// such as the two forms of `piecewise-linear`; the builder checks which).
    public var keys: [String] {
        switch self {
        case .stepFunction: ["kind", "breakpoints", "values"]
        case .cellFunction: ["kind", "level", "values"]
        case .signFunction: ["kind", "level", "bits"]
        case .haarFunction: ["kind", "level", "index"]
        case .rademacherFunction, .walshFunction: ["kind", "index"]
        case .feature: ["kind", "signs", "amplitudes"]
        case .featureShift: ["kind", "feature"]
        case .taskOutput: ["kind", "signs", "readout"]
        case .networkOutput: ["kind", "network", "output"]
        case .taskOutputs: ["kind", "signs", "readouts"]
        case .walshBasis, .haarBasis: ["kind", "levels"]
        case .functionList: ["kind", "items"]
        case .piecewiseLinear: ["kind", "knots", "values", "start-values", "end-values"]
        case .triangleWave, .sawtooth: ["kind", "order"]
        case .signTree: ["kind", "levels", "bits"]
        case .heavisideNetwork: ["kind", "layers"]
        case .jointNetwork, .signCodedNetwork: ["kind", "signs", "readouts"]
        case .oneLayerNetwork: ["kind", "functions"]
        case .readoutClass: ["kind", "levels", "readouts"]
        case .haarClass: ["kind", "levels", "amplitudes"]
        case .finiteClass: ["kind", "elements"]
        case .matrix: ["kind", "rows", "columns", "entries", "dyadic", "sha256", "source"]
        case .reluNetwork: ["kind", "input-weights", "biases", "output-weights", "output-bias"]
        case .reluData: ["kind", "inputs", "targets"]
        }
    }
}
