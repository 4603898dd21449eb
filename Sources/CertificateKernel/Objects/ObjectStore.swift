import DyadicFunctions
import ExactArithmetic

/// The certificate's named objects, reconstructed in order (an object may refer only
/// to objects defined before it) from explicit data or from recipes, with the
/// definitions of the DyadicFunctions library. Nothing an object states about itself
/// is trusted: recipes are recomputed, explicit data is validated.
struct ObjectStore: Sendable {
    private(set) var objects: [String: KernelObject] = [:]
    /// Each feature's h_sigma as a step function, computed once when it is built (a feature
    /// referenced as a function many times must not be recomputed each time).
    private var featureFunctions: [String: StepFunction] = [:]
    /// The longest list of functions a reference may expand to (lists are spliced in).
    private var maximumListLength = Int.max

    init(_ entries: [CertificateDocument.ObjectEntry], context: ReadingContext) throws(KernelError) {
        maximumListLength = context.limits.maximumEnumeration
        for entry in entries {
            let object = try build(entry.fields, context: context)
            objects[entry.id] = object
            if case .feature(let h) = object { featureFunctions[entry.id] = h.stepFunction }
        }
    }

    // MARK: - References

    func resolve(_ value: JSONValue, at pointer: JSONPointer) throws(KernelError) -> KernelObject {
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
                    throw .limitExceeded(pointer: at, limit: .enumeration, value: "more than \(maximumListLength) functions (lists spliced in)",
                                         maximum: String(maximumListLength))
                }
                result += list
            } else {
                result.append(try function(value, at: at))
            }
        }
        return result
    }

    /// The object a reference names, if it is of the kind `extract` accepts.
    private func typed<T>(_ value: JSONValue, at pointer: JSONPointer, _ expected: String, _ extract: (KernelObject) -> T?) throws(KernelError) -> T {
        let object = try resolve(value, at: pointer)
        guard let result = extract(object) else { throw wrongKind(object, at: pointer, expected: "a reference to \(expected)") }
        return result
    }

    func piecewiseLinear(_ value: JSONValue, at pointer: JSONPointer) throws(KernelError) -> PiecewiseLinear {
        try typed(value, at: pointer, "a piecewise-linear function") { if case .piecewiseLinear(let g) = $0 { return g } else { return nil } }
    }

    func signTree(_ value: JSONValue, at pointer: JSONPointer) throws(KernelError) -> SignTree {
        try typed(value, at: pointer, "a sign tree") { if case .signTree(let s) = $0 { return s } else { return nil } }
    }

    func feature(_ value: JSONValue, at pointer: JSONPointer) throws(KernelError) -> RademacherHaarFeature {
        try typed(value, at: pointer, "a feature") { if case .feature(let h) = $0 { return h } else { return nil } }
    }

    func network(_ value: JSONValue, at pointer: JSONPointer) throws(KernelError) -> KernelNetwork {
        try typed(value, at: pointer, "a network") { if case .network(let n) = $0 { return n } else { return nil } }
    }

    func matrix(_ value: JSONValue, at pointer: JSONPointer) throws(KernelError) -> KernelMatrix {
        try typed(value, at: pointer, "a matrix") { if case .matrix(let m) = $0 { return m } else { return nil } }
    }

    func reluNetwork(_ value: JSONValue, at pointer: JSONPointer) throws(KernelError) -> KernelReLUNetwork {
        try typed(value, at: pointer, "a ReLU network") { if case .reluNetwork(let n) = $0 { return n } else { return nil } }
    }

    func reluData(_ value: JSONValue, at pointer: JSONPointer) throws(KernelError) -> KernelReLUData {
        try typed(value, at: pointer, "ReLU data") { if case .reluData(let d) = $0 { return d } else { return nil } }
    }

    func functionClass(_ value: JSONValue, at pointer: JSONPointer) throws(KernelError) -> KernelClass {
        try typed(value, at: pointer, "a function class") { if case .functionClass(let k) = $0 { return k } else { return nil } }
    }

    // MARK: - Building

    /// Maps a library error on data read at `pointer` to a malformed-input error.
    static func invalid(_ error: DyadicFunctionError, at pointer: JSONPointer, what: String) -> KernelError {
        .malformed(pointer: pointer, expected: what, found: error.description)
    }

    private func build(_ f: Fields, context: ReadingContext) throws(KernelError) -> KernelObject {
        let kind: ObjectKind = try f.word("kind")
        let p = f.pointer
        func invalid(_ error: DyadicFunctionError, _ what: String) -> KernelError { ObjectStore.invalid(error, at: p, what: what) }
        switch kind {
        case .stepFunction:
            try f.allowOnly(kind.keys)
            let breakpoints = try f.rationals("breakpoints"), values = try f.rationals("values")
            do { return .function(.step(try StepFunction(breakpoints: breakpoints, values: values))) } catch { throw invalid(error, "a valid step function") }

        case .cellFunction:
            try f.allowOnly(kind.keys)
            let level = try f.integer("level", in: 0...62, limit: .level)
            try context.chargeCells(level: level, at: p.appending("level"))
            let values = try f.rationals("values")
            guard values.count == 1 << level else {
                throw .malformed(pointer: p.appending("values"), expected: "\(1 << level) values (one per cell of level \(level))", found: "\(values.count) values")
            }
            do { return .function(.step(try StepFunction(cellValues: values))) } catch { throw invalid(error, "a valid dyadic step function") }

        case .signFunction:
            try f.allowOnly(kind.keys)
            let level = try f.integer("level", in: 0...62, limit: .level)
            try context.chargeCells(level: level, at: p.appending("level"))
            let bits = try f.string("bits")
            do { return .function(.packed(try PackedSignFunction(level: level, hex: bits))) } catch {
                throw ObjectStore.invalid(error, at: p.appending("bits"), what: "\(1 << level) bits as \((1 << level + 3) / 4) lowercase hex digits")
            }

        case .haarFunction:
            try f.allowOnly(kind.keys)
            let level = try f.integer("level", in: 0...62, limit: .level)
            try context.checkLevel(level + 1, at: p.appending("level"))
            let index = try f.integer("index", in: 0...(1 << level) - 1)
            do { return .function(.step(try HaarFunction(level: level, index: index).stepFunction)) } catch { throw invalid(error, "a Haar function") }

        case .rademacherFunction:
            try f.allowOnly(kind.keys)
            let n = try f.integer("index", in: 0...62, limit: .level)
            try context.chargeCells(level: n + 1, at: p.appending("index"))
            do { return .function(.packed(try RademacherFunction(index: n).packed)) } catch { throw invalid(error, "a Rademacher function") }

        case .walshFunction:
            try f.allowOnly(kind.keys)
            let m = try f.bigInteger("index")
            guard m.signum >= 0 else { throw .malformed(pointer: p.appending("index"), expected: "a non-negative integer", found: m.description) }
            let level = max(m.bitLength, 1)
            try context.chargeCells(level: level, at: p.appending("index"))
            guard let index = m.intValue else {  // unreachable: the level limit keeps m below 2^40
                throw .limitExceeded(pointer: p.appending("index"), limit: .level, value: String(level), maximum: String(context.limits.maximumLevel))
            }
            do { return .function(.packed(try WalshFunction(index: index).packed(level: level))) } catch { throw invalid(error, "a Walsh function") }

        case .feature:
            try f.allowOnly(kind.keys)
            let signs = try signTree(try f.value("signs"), at: p.appending("signs"))
            try context.chargeCells(level: signs.levels, at: p.appending("signs"))
            if case .string = try f.value("amplitudes") {
                _ = try f.word("amplitudes", AmplitudesWord.self)
                return .feature(RademacherHaarFeature.balanced(signs: signs))
            }
            let amplitudes = try f.rationals("amplitudes")
            // Every cell value sums all amplitudes: charge its size in 64-bit words.
            try context.chargeCells(count: ClassElements.extraCells(levels: signs.levels, amplitudes: amplitudes), at: p.appending("amplitudes"))
            do { return .feature(try RademacherHaarFeature(signs: signs, amplitudes: amplitudes)) } catch {
                throw ObjectStore.invalid(error, at: p.appending("amplitudes"), what: "one positive amplitude per level")
            }

        case .featureShift:
            try f.allowOnly(kind.keys)
            let h = try feature(try f.value("feature"), at: p.appending("feature"))
            try context.chargeCells(level: h.levels, at: p.appending("feature"))
            return .function(.step(h.shiftedStepFunction))

        case .taskOutput, .taskOutputs:
            try f.allowOnly(kind.keys)
            let signs = try signTree(try f.value("signs"), at: p.appending("signs"))
            let J = signs.levels
            let readouts = kind == .taskOutput
                ? [try f.integer("readout", in: 1...(1 << J) - 1)]
                : try f.integers("readouts", in: 1...(1 << J) - 1)
            if kind == .taskOutputs {
                try ObjectStore.checkDistinct(readouts, at: p.appending("readouts"))
            }
            for _ in readouts { try context.chargeCells(level: J, at: p) }
            do {
                let outputs = try TaskOutput.packedOutputs(signs: signs, readouts: readouts.map { m throws(DyadicFunctionError) in try WalshReadout(index: m) })
                return kind == .taskOutput ? .function(.packed(outputs[0])) : .functionList(outputs.map { .packed($0) })
            } catch { throw invalid(error, "task outputs") }

        case .networkOutput:
            try f.allowOnly(kind.keys)
            let net = try network(try f.value("network"), at: p.appending("network"))
            let d = try f.integer("output", in: 0...(net.network.outputCount - 1))
            try context.chargeCells(count: net.network.firstLayerWidth + 1, at: p)
            let evaluator = NetworkEvaluator(net.network)
            try context.chargeWork(ReadingContext.product(net.network.firstLayerWidth + 1, evaluator.costPerPoint), at: p.appending("network"))
            return .function(.step(net.network.realisedFunctions(evaluator: evaluator)[d]))

        case .walshBasis:
            try f.allowOnly(kind.keys)
            let J = try f.integer("levels", in: 0...62, limit: .level)
            try context.checkLevel(J, at: p.appending("levels"))
            try context.chargeCells(count: 1 << (2 * min(J, 31)), at: p.appending("levels"))
            do {
                var list: [KernelFunction] = []
                for m in 0..<(1 << J) { list.append(.packed(try WalshFunction(index: m).packed(level: J))) }
                return .functionList(list)
            } catch { throw invalid(error, "the Walsh basis") }

        case .haarBasis:
            try f.allowOnly(kind.keys)
            let J = try f.integer("levels", in: 0...62, limit: .level)
            try context.checkLevel(J, at: p.appending("levels"))
            try context.chargeCells(count: 4 << min(J, 60), at: p.appending("levels"))
            do {
                var list: [KernelFunction] = [.step(StepFunction(constant: 1))]
                for j in 0..<J { for k in 0..<(1 << j) { list.append(.step(try HaarFunction(level: j, index: k).stepFunction)) } }
                return .functionList(list)
            } catch { throw invalid(error, "the Haar basis") }

        case .functionList:
            try f.allowOnly(kind.keys)
            let list = try functions(try f.array("items", what: "an array of function names"), at: p.appending("items"))
            try context.chargeCells(count: list.count, at: p.appending("items"))
            return .functionList(list)

        case .piecewiseLinear:
            let knots = try f.rationals("knots")
            if f.has("values") {
                try f.allowOnly(["kind", "knots", "values"])
                let values = try f.rationals("values")
                do { return .piecewiseLinear(try PiecewiseLinear(knots: knots, values: values)) } catch { throw invalid(error, "a valid piecewise-linear function") }
            }
            try f.allowOnly(["kind", "knots", "start-values", "end-values"])
            let starts = try f.rationals("start-values"), ends = try f.rationals("end-values")
            do {
                return .piecewiseLinear(try PiecewiseLinear(knots: knots, startValues: starts, endValues: ends))
            } catch { throw invalid(error, "a valid piecewise-linear function") }

        case .triangleWave, .sawtooth:
            try f.allowOnly(kind.keys)
            let n = try f.integer("order", in: (kind == .sawtooth ? 0 : 1)...62, limit: .level)
            try context.chargeCells(level: n, at: p.appending("order"))
            do {
                return .piecewiseLinear(kind == .sawtooth ? try PiecewiseLinear.sawtooth(n) : try PiecewiseLinear.triangleWave(n))
            } catch { throw invalid(error, "a supported order") }

        case .signTree:
            try f.allowOnly(kind.keys)
            let J = try f.integer("levels", in: 1...62, limit: .level)
            try context.chargeCells(level: J, at: p.appending("levels"))
            let bits = try f.string("bits")
            do { return .signTree(try SignTree(levels: J, hex: bits)) } catch {
                throw ObjectStore.invalid(error, at: p.appending("bits"), what: "\((1 << J) - 1) sign bits as \(((1 << J) + 2) / 4) lowercase hex digits")
            }

        case .matrix:
            return .matrix(try MatrixObjectReader.matrix(f, context: context))

        case .reluNetwork:
            return .reluNetwork(try MatrixObjectReader.network(f, objects: self))

        case .reluData:
            return .reluData(try MatrixObjectReader.data(f, objects: self))

        case .heavisideNetwork:
            return .network(try NetworkReader.read(f, context: context))

        case .jointNetwork:
            try f.allowOnly(kind.keys)
            let signs = try signTree(try f.value("signs"), at: p.appending("signs"))
            let J = signs.levels
            let readouts = try f.integers("readouts", in: 1...(1 << J) - 1)
            try ObjectStore.checkDistinct(readouts, at: p.appending("readouts"))
            let size = 16 << J + 4 * readouts.count * (J + 2)
            guard size <= context.limits.maximumNetworkSize else {
                throw .limitExceeded(pointer: p, limit: .networkSize, value: "about \(size)", maximum: String(context.limits.maximumNetworkSize))
            }
            try context.chargeCells(level: J, at: p)
            do {
                let coded = try NetworkBuilder.joint(signs: signs, readouts: readouts.map { m throws(DyadicFunctionError) in try WalshReadout(index: m) })
                return .network(KernelNetwork(network: coded.network, weightCodes: coded.weightCodes.map { $0.map { $0.map { $0 } } },
                                              biasCodes: coded.biasCodes.map { $0.map { $0 } }, recipe: "joint-network"))
            } catch { throw invalid(error, "a joint network") }

        case .oneLayerNetwork:
            try f.allowOnly(kind.keys)
            let targets = try functions(try f.array("functions", what: "an array of function names"), at: p.appending("functions"))
            let steps = targets.map(\.stepFunction)
            let size = 3 * steps.reduce(0) { $0 + $1.pieceCount } + steps.count
            guard size <= context.limits.maximumNetworkSize else {
                throw .limitExceeded(pointer: p, limit: .networkSize, value: String(size), maximum: String(context.limits.maximumNetworkSize))
            }
            do {
                let network = try NetworkBuilder.oneLayer(realising: steps)
                return .network(KernelNetwork(network: network, weightCodes: network.layers.map { $0.map { Array(repeating: nil, count: $0.weights.count) } },
                                              biasCodes: network.layers.map { Array(repeating: nil, count: $0.count) }, recipe: nil))
            } catch { throw invalid(error, "functions a one-layer network can realise") }

        case .readoutClass:
            try f.allowOnly(kind.keys)
            let J = try f.integer("levels", in: 1...62, limit: .level)
            try context.checkLevel(J, at: p.appending("levels"))
            let readouts = try f.integers("readouts", in: 1...(1 << J) - 1)
            guard !readouts.isEmpty else { throw .malformed(pointer: p.appending("readouts"), expected: "at least one readout", found: "an empty array") }
            try ObjectStore.checkDistinct(readouts, at: p.appending("readouts"))
            return .functionClass(.readout(levels: J, readouts: readouts))

        case .haarClass:
            try f.allowOnly(kind.keys)
            let J = try f.integer("levels", in: 1...62, limit: .level)
            try context.checkLevel(J, at: p.appending("levels"))
            if case .string = try f.value("amplitudes") {
                _ = try f.word("amplitudes", AmplitudesWord.self)
                return .functionClass(.haar(levels: J, amplitudes: RademacherHaarFeature.balancedAmplitudes(levels: J)))
            }
            let amplitudes = try f.rationals("amplitudes")
            guard amplitudes.count == J else {
                throw .malformed(pointer: p.appending("amplitudes"), expected: "\(J) amplitudes (one per level)", found: "\(amplitudes.count)")
            }
            for (j, a) in amplitudes.enumerated() where a.signum <= 0 {
                throw .malformed(pointer: p.appending("amplitudes").appending(j), expected: "a positive amplitude", found: a.description)
            }
            return .functionClass(.haar(levels: J, amplitudes: amplitudes))

        case .finiteClass:
            try f.allowOnly(kind.keys)
            let items = try f.array("elements", what: "an array of elements (function names, or arrays of function names for tuples)")
            guard !items.isEmpty else { throw .malformed(pointer: p.appending("elements"), expected: "at least one element", found: "an empty array") }
            var elements: [[KernelFunction]] = []
            for (i, item) in items.enumerated() {
                let at = p.appending("elements").appending(i)
                let tuple: [KernelFunction]
                if case .array(let names) = item { tuple = try functions(names, at: at) } else { tuple = [try function(item, at: at)] }
                if let first = elements.first, first.count != tuple.count {
                    throw .malformed(pointer: at, expected: "a tuple of \(first.count) functions like the first element", found: "\(tuple.count) functions")
                }
                elements.append(tuple)
            }
            return .functionClass(.finite(elements: elements))

        }
    }

    static func checkDistinct(_ readouts: [Int], at pointer: JSONPointer) throws(KernelError) {
        var seen: [Int: Int] = [:]
        for (i, m) in readouts.enumerated() {
            if let first = seen[m] {
                throw .malformed(pointer: pointer.appending(i), expected: "distinct readout indices", found: "\(m), already readout \(first)")
            }
            seen[m] = i
        }
    }
}
