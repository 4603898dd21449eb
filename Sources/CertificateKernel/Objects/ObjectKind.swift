import ExactArithmetic

/// The object kinds of format dyadcert/1 (FORMAT.md sec. 4), each with every key its
/// definition may hold, in canonical order. FORMAT.md and dyadcert-1.schema.json are
/// tested against this declaration.
public enum ObjectKind: String, FormatWord {
    case stepFunction = "step-function", cellFunction = "cell-function", signFunction = "sign-function", haarFunction = "haar-function", rademacherFunction = "rademacher-function", walshFunction = "walsh-function", feature, featureShift = "feature-shift", taskOutput = "task-output", networkOutput = "network-output", taskOutputs = "task-outputs", walshBasis = "walsh-basis", haarBasis = "haar-basis", functionList = "function-list", piecewiseLinear = "piecewise-linear", triangleWave = "triangle-wave", sawtooth, signTree = "sign-tree", heavisideNetwork = "heaviside-network", jointNetwork = "joint-network", signCodedNetwork = "sign-coded-network", oneLayerNetwork = "one-layer-network", readoutClass = "readout-class", haarClass = "haar-class", finiteClass = "finite-class"
    case matrix, reluNetwork = "relu-network", reluData = "relu-data"

    /// Every key a definition of this kind may hold (some kinds have alternatives,
    /// such as the two forms of `piecewise-linear`; the builder checks which).
    public var keys: [String] {
        switch self {
        case .stepFunction: ["kind", "breakpoints", "values"]
        case .cellFunction: ["kind", "level", "values"]
        case .signFunction: ["kind", "level", "bits"]
        case .haarFunction: ["kind", "level", "index"]
        case .rademacherFunction: ["kind", "index"]
        case .walshFunction: ["kind", "index"]
        case .feature: ["kind", "signs", "amplitudes"]
        case .featureShift: ["kind", "feature"]
        case .taskOutput: ["kind", "signs", "readout"]
        case .networkOutput: ["kind", "network", "output"]
        case .taskOutputs: ["kind", "signs", "readouts"]
        case .walshBasis: ["kind", "levels"]
        case .haarBasis: ["kind", "levels"]
        case .functionList: ["kind", "items"]
        case .piecewiseLinear: ["kind", "knots", "values", "start-values", "end-values"]
        case .triangleWave: ["kind", "order"]
        case .sawtooth: ["kind", "order"]
        case .signTree: ["kind", "levels", "bits"]
        case .heavisideNetwork: ["kind", "layers"]
        case .jointNetwork: ["kind", "signs", "readouts"]
        case .signCodedNetwork: ["kind", "signs", "readouts"]
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
