import DyadicFunctions

/// The certificate's named objects, reconstructed in order (an object may refer only
/// to objects defined before it) from explicit data or from recipes, with the
/// definitions of the DyadicFunctions library. Nothing an object states about itself
/// is trusted: recipes are recomputed, explicit data is validated.
package struct ObjectStore: Sendable {
    private(set) var objects: [String: KernelObject] = [:]
    /// Each feature's h_sigma as a step function, computed once when it is built (a feature
    /// referenced as a function many times must not be recomputed each time).
    private var featureFunctions: [String: StepFunction] = [:]
    /// The longest list of functions a reference may expand to (lists are spliced in).
    private var maximumListLength = Int.max

    /// The extensions that build the object kinds the core does not.
    private let extensions: [KernelExtension]

    init(_ entries: [CertificateDocument.ObjectEntry], context: ReadingContext, extensions: [KernelExtension] = [])
        throws(KernelError)
    {
        self.extensions = extensions
        maximumListLength = context.limits.maximumEnumeration
        for entry in entries {
            let object = try build(entry.fields, context: context)
            objects[entry.id] = object
            if case .feature(let h) = object { featureFunctions[entry.id] = h.stepFunction }
        }
    }

    // MARK: - References

    package func resolve(_ value: JSONValue, at pointer: JSONPointer) throws(KernelError) -> KernelObject {
        let name = try Fields.identifier(value, at: pointer)
        guard let object = objects[name] else {
            throw .malformed(pointer: pointer, expected: "the name of an object defined earlier in \"objects\"", found: "\"\(name)\"")
        }
        return object
    }

    private func wrongKind(_ object: KernelObject, at pointer: JSONPointer, expected: String) -> KernelError {
        .malformed(pointer: pointer, expected: expected, found: "a reference to \(object.kindName)")
    }

    /// One function: a function object or a feature (h_sigma).
    func function(_ value: JSONValue, at pointer: JSONPointer) throws(KernelError) -> KernelFunction {
        let object = try resolve(value, at: pointer)
        switch object {
        case .function(let f): return f
        case .feature(let h):
            if case .string(let name) = value, let f = featureFunctions[name] { return .step(f) }
            return .step(h.stepFunction)
        default: throw wrongKind(object, at: pointer, expected: "a reference to a function")
        }
    }

    /// Functions from an array of references; references to lists are spliced in.
    func functions(_ values: [JSONValue], at pointer: JSONPointer) throws(KernelError) -> [KernelFunction] {
        var result: [KernelFunction] = []
        for (i, value) in values.enumerated() {
            let at = pointer.appending(i)
            if case .functionList(let list) = try resolve(value, at: at) {
                // Lists of lists multiply: bound the spliced length before copying.
                guard list.count <= maximumListLength - result.count else {
                    throw .limitExceeded(
                        pointer: at, limit: .enumeration, value: "more than \(maximumListLength) functions (lists spliced in)",
                        maximum: .raisable(maximumListLength))
                }
                result += list
            } else {
                result.append(try function(value, at: at))
            }
        }
        return result
    }

    /// Functions from an array of references (lists spliced in).
    func functions(_ value: JSONValue, at pointer: JSONPointer) throws(KernelError) -> [KernelFunction] {
        guard case .array(let values) = value else {
            throw .malformed(pointer: pointer, expected: "an array of function names", found: Fields.describe(value))
        }
        return try functions(values, at: pointer)
    }

    /// A tuple of functions (an array of references, lists spliced in) or one function.
    func tuple(_ value: JSONValue, at pointer: JSONPointer) throws(KernelError) -> [KernelFunction] {
        if case .array(let values) = value { return try functions(values, at: pointer) }
        return [try function(value, at: pointer)]
    }

    /// The object a reference names, if it is of the kind `extract` accepts.
    package func typed<T>(_ value: JSONValue, at pointer: JSONPointer, _ expected: String, _ extract: (KernelObject) -> T?)
        throws(KernelError) -> T
    {
        let object = try resolve(value, at: pointer)
        guard let result = extract(object) else { throw wrongKind(object, at: pointer, expected: "a reference to \(expected)") }
        return result
    }

    func piecewiseLinear(_ value: JSONValue, at pointer: JSONPointer) throws(KernelError) -> PiecewiseLinear {
        try typed(value, at: pointer, "a piecewise-linear function") { if case .piecewiseLinear(let g) = $0 { g } else { nil } }
    }

    func signTree(_ value: JSONValue, at pointer: JSONPointer) throws(KernelError) -> SignTree {
        try typed(value, at: pointer, "a sign tree") { if case .signTree(let s) = $0 { s } else { nil } }
    }

    func feature(_ value: JSONValue, at pointer: JSONPointer) throws(KernelError) -> RademacherHaarFeature {
        try typed(value, at: pointer, "a feature") { if case .feature(let h) = $0 { h } else { nil } }
    }

    func network(_ value: JSONValue, at pointer: JSONPointer) throws(KernelError) -> KernelNetwork {
        try typed(value, at: pointer, "a network") { if case .network(let n) = $0 { n } else { nil } }
    }

    func functionClass(_ value: JSONValue, at pointer: JSONPointer) throws(KernelError) -> KernelClass {
        try typed(value, at: pointer, "a function class") { if case .functionClass(let k) = $0 { k } else { nil } }
    }

    // MARK: - Building

    /// An upper bound on units plus parameters of the joint network of depth J with D
    /// readouts (checked against --max-network-size before it is built): the trunk's
    /// 2^J - 1 threshold units with their weights and biases take under 16 * 2^J, and each
    /// readout's parity units add fewer than 4 (J + 2).
    static func jointNetworkSize(levels J: Int, readouts D: Int) -> Int { 16 << J + 4 * D * (J + 2) }

    /// An upper bound on units plus parameters of the sign-coded member N_sigma: the joint
    /// network's bound plus the Haar layer's 2^J - 1 units of at most 3 weights and a bias,
    /// and u's 2^J - 1 sign weights (under 8 * 2^J more).
    package static func signCodedNetworkSize(levels J: Int, readouts D: Int) -> Int { 24 << J + 4 * D * (J + 2) }

    /// An upper bound on units plus parameters of the one-layer network realising step
    /// functions with `pieces` pieces in all: one threshold unit (a weight and a bias) per
    /// breakpoint, and one output unit per function.
    static func oneLayerNetworkSize(pieces: Int, outputs: Int) -> Int { 3 * pieces + outputs }

    /// Maps a library error on data read at `pointer` to a malformed-input error.
    static func invalid(_ error: DyadicFunctionError, at pointer: JSONPointer, what: String) -> KernelError {
        .malformed(pointer: pointer, expected: what, found: error.description)
    }

    /// Builds one object with the builder of its kind (one file per kind in Kinds/), after
    /// rejecting keys the kind does not have (kinds with variants check their own keys).
    private func build(_ f: Fields, context: ReadingContext) throws(KernelError) -> KernelObject {
        let kind: ObjectKind = try f.word("kind")
        switch kind {
        case .piecewiseLinear, .matrix, .reluNetwork, .reluData: break
        default: try f.allowOnly(kind.keys)
        }
        switch kind {
        case .stepFunction: return try buildStepFunction(f, kind, context)
        case .cellFunction: return try buildCellFunction(f, kind, context)
        case .signFunction: return try buildSignFunction(f, kind, context)
        case .haarFunction: return try buildHaarFunction(f, kind, context)
        case .rademacherFunction: return try buildRademacherFunction(f, kind, context)
        case .walshFunction: return try buildWalshFunction(f, kind, context)
        case .feature: return try buildFeature(f, kind, context)
        case .featureShift: return try buildFeatureShift(f, kind, context)
        case .taskOutput, .taskOutputs: return try buildTaskOutputs(f, kind, context)
        case .networkOutput: return try buildNetworkOutput(f, kind, context)
        case .walshBasis: return try buildWalshBasis(f, kind, context)
        case .haarBasis: return try buildHaarBasis(f, kind, context)
        case .functionList: return try buildFunctionList(f, kind, context)
        case .piecewiseLinear: return try buildPiecewiseLinear(f, kind, context)
        case .triangleWave, .sawtooth: return try buildTriangleWaveAndSawtooth(f, kind, context)
        case .signTree: return try buildSignTree(f, kind, context)
        case .heavisideNetwork: return try buildHeavisideNetwork(f, kind, context)
        case .jointNetwork: return try buildJointNetwork(f, kind, context)
        case .signCodedNetwork: return try buildSignCodedNetwork(f, kind, context)
        case .oneLayerNetwork: return try buildOneLayerNetwork(f, kind, context)
        case .readoutClass: return try buildReadoutClass(f, kind, context)
        case .haarClass: return try buildHaarClass(f, kind, context)
        case .finiteClass: return try buildFiniteClass(f, kind, context)
        case .matrix, .reluNetwork, .reluData:
            guard let builder = extensions.objectBuilder(kind) else {
                throw [KernelExtension].unsupported(kind.rawValue, at: f.pointer.appending("kind"), what: "an object kind")
            }
            return try builder(self, f, context)
        }
    }

    static func checkDistinct(_ readouts: [Int], at pointer: JSONPointer) throws(KernelError) {
        var seen: [Int: Int] = [:]
        for (i, m) in readouts.enumerated() {
            if let first = seen[m] {
                throw .malformed(
                    pointer: pointer.appending(i), expected: "distinct readout indices", found: "\(m), already readout \(first)")
            }
            seen[m] = i
        }
    }
}
