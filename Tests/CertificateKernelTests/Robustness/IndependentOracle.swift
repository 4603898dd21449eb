import CanonicalJSON
import DyadicFunctions
import ExactArithmetic
import Foundation
@testable import CertificateKernel
import TestSupport

/// The mutation loop's oracle: decides, without the kernel's object store or rule code,
/// whether a claim of a certificate that the kernel accepted is true.
///
/// First by identity: a claim whose rule, inputs and statement, with every object it
/// references expanded to its definition (recursively) and every claim it uses expanded
/// likewise, equals a claim of the original (true) certificate is true. Otherwise by
/// recomputation: objects are rebuilt from MATH.md's definitions (sign trees, features,
/// readouts and the Haar functions cell by cell; step functions and networks through the
/// DyadicFunctions types, evaluated here by direct refinement), and the claim's
/// statement is checked by brute force on small cases (all sign trees for J <= 3) or by
/// hand-written exact arithmetic.
enum IndependentOracle {
    enum Answer: Equatable {
        case holds
        case isFalse(String)
        case unknown(String)
    }

    // MARK: - Identity

    /// The keys whose string values (directly or inside arrays) name objects.
    static let referenceKeys: Set<String> = [
        "f", "g", "function", "functions", "class", "network", "centres", "elements", "items", "signs", "feature", "subject",
    ]

    struct Document {
        let objects: [(name: String, value: JSONValue)]
        let objectIndex: [String: Int]
        let claims: [JSONValue]
        let claimIndex: [String: Int]

        init?(_ root: JSONValue) {
            guard case .object(let top) = root, case .array(let claims)? = top["claims"] else { return nil }
            var objects: [(String, JSONValue)] = []
            if case .object(let table)? = top["objects"] { objects = table.members.map { ($0.key, $0.value) } }
            self.objects = objects
            var index: [String: Int] = [:]
            for (i, o) in objects.enumerated() { index[o.0] = i }
            objectIndex = index
            self.claims = claims
            var claimIndex: [String: Int] = [:]
            for (i, c) in claims.enumerated() {
                if case .object(let o) = c, case .string(let id)? = o["id"], claimIndex[id] == nil { claimIndex[id] = i }
            }
            self.claimIndex = claimIndex
        }
    }

    /// Objects with members sorted by key, recursively.
    static func sortedKeys(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            return .object(JSONObject(object.members.sorted { $0.key < $1.key }.map { (key: $0.key, value: sortedKeys($0.value)) }))
        case .array(let items):
            return .array(items.map(sortedKeys))
        default:
            return value
        }
    }

    static func expandReferences(_ value: JSONValue, key: String?, _ doc: Document, before: Int, depth: Int) -> JSONValue {
        guard depth < 64 else { return .string("<too deep>") }
        switch value {
        case .string(let name) where key.map(referenceKeys.contains) == true:
            if let i = doc.objectIndex[name], i < before { return expandObject(i, doc, depth: depth + 1) }
            return value
        case .array(let items):
            return .array(items.map { expandReferences($0, key: key, doc, before: before, depth: depth + 1) })
        case .object(let object):
            return .object(
                JSONObject(
                    object.members.map {
                        (key: $0.key, value: expandReferences($0.value, key: $0.key, doc, before: before, depth: depth + 1))
                    }))
        default:
            return value
        }
    }

    static func expandObject(_ i: Int, _ doc: Document, depth: Int) -> JSONValue {
        let expanded = expandReferences(doc.objects[i].value, key: nil, doc, before: i, depth: depth)
        return .object(JSONObject([(key: "$object", value: sortedKeys(expanded))]))
    }

    /// A claim without its id and description, references expanded.
    static func expandClaim(_ i: Int, _ doc: Document, depth: Int = 0) -> JSONValue {
        guard depth < 32, case .object(let claim) = doc.claims[i] else { return .string("<invalid>") }
        var result = JSONObject()
        result["rule"] = claim["rule"] ?? .null
        var inputs = expandReferences(claim["inputs"] ?? .null, key: nil, doc, before: doc.objects.count, depth: 0)
        // bits terms name claims: expand those too.
        if case .string("bits")? = claim["rule"], case .array(let terms)? = Robustness.value(at: "/terms", in: inputs) {
            let expandedTerms: [JSONValue] = terms.map { term in
                guard case .object(var t) = term, case .string(let id)? = t["claim"], let j = doc.claimIndex[id], j < i else { return term }
                t["claim"] = expandClaim(j, doc, depth: depth + 1)
                return .object(t)
            }
            inputs = Robustness.edit(inputs, at: "/terms", to: .array(expandedTerms))
        }
        result["inputs"] = sortedKeys(inputs)
        result["statement"] = sortedKeys(claim["statement"] ?? .null)
        if case .array(let uses)? = claim["uses"] {
            let expanded = uses.map { use -> String in
                guard case .string(let id) = use, let j = doc.claimIndex[id], j < i else { return "<unknown>" }
                return CanonicalJSONWriter.write(expandClaim(j, doc, depth: depth + 1))
            }
            result["uses"] = .array(expanded.sorted().map { .string($0) })
        }
        return .object(result)
    }

    /// The canonical texts of the expanded claims of a document.
    static func expandedClaims(_ doc: Document) -> [String] {
        (0..<doc.claims.count).map { CanonicalJSONWriter.write(expandClaim($0, doc)) }
    }

    // MARK: - Recomputation: objects

    enum Value {
        case function(StepFunction)
        case functions([StepFunction])
        case piecewiseLinear(PiecewiseLinear)
        case signTree(levels: Int, negative: [Bool])
        case feature(levels: Int, negative: [Bool], amplitudes: [Rational])
        case network(HeavisideNetwork, weightCodes: [[[String?]]], biasCodes: [[String?]], recipe: Bool)
        case readoutClass(levels: Int, readouts: [Int])
        case haarClass(levels: Int, amplitudes: [Rational])
        case finiteClass([[StepFunction]])
    }

    struct Unsupported: Error { let reason: String }

    /// The oracle's reading of a verified certificate: its objects rebuilt independently.
    struct Model {
        let doc: Document
        var values: [String: Value] = [:]

        init(_ doc: Document) throws {
            self.doc = doc
            for (name, definition) in doc.objects {
                values[name] = try build(definition)
            }
        }

        func string(_ v: JSONValue?) throws -> String {
            guard case .string(let s)? = v else { throw Unsupported(reason: "expected a string") }
            return s
        }
        func rational(_ v: JSONValue?) throws -> Rational { try Rational(parsing: try string(v)) }
        func integer(_ v: JSONValue?) throws -> Int {
            let r = try rational(v)
            guard r.isInteger, let n = r.numerator.intValue else { throw Unsupported(reason: "expected a small integer") }
            return n
        }
        func list(_ v: JSONValue?) throws -> [JSONValue] {
            guard case .array(let items)? = v else { throw Unsupported(reason: "expected an array") }
            return items
        }
        func rationals(_ v: JSONValue?) throws -> [Rational] { try list(v).map { try rational($0) } }

        func object(_ name: String) throws -> Value {
            guard let v = values[name] else { throw Unsupported(reason: "no object \(name)") }
            return v
        }

        func function(_ ref: JSONValue) throws -> StepFunction {
            switch try object(try string(ref)) {
            case .function(let f): return f
            case .feature(let J, let negative, let amplitudes):
                return try IndependentOracle.step(cells: featureCells(J, negative, amplitudes))
            default: throw Unsupported(reason: "not a function")
            }
        }

        func functions(_ refs: [JSONValue]) throws -> [StepFunction] {
            var result: [StepFunction] = []
            for ref in refs {
                if case .functions(let list) = try object(try string(ref)) { result += list } else { result.append(try function(ref)) }
            }
            return result
        }

        func signTree(_ ref: JSONValue) throws -> (Int, [Bool]) {
            guard case .signTree(let J, let negative) = try object(try string(ref)) else { throw Unsupported(reason: "not a sign tree") }
            return (J, negative)
        }

        func build(_ definition: JSONValue) throws -> Value {
            guard case .object(let o) = definition else { throw Unsupported(reason: "object is not an object") }
            let kind = try string(o["kind"])
            switch kind {
            case "step-function":
                return .function(try StepFunction(breakpoints: try rationals(o["breakpoints"]), values: try rationals(o["values"])))
            case "cell-function":
                return .function(try IndependentOracle.step(cells: try rationals(o["values"])))
            case "haar-function":
                let j = try integer(o["level"]), k = try integer(o["index"])
                return .function(try IndependentOracle.haar(j, k))
            case "sign-tree":
                let J = try integer(o["levels"])
                return .signTree(levels: J, negative: try IndependentOracle.decodeHex(try string(o["bits"]), count: (1 << J) - 1))
            case "feature":
                let (J, negative) = try signTree(o["signs"] ?? .null)
                let amplitudes: [Rational]
                if case .string("balanced")? = o["amplitudes"] {
                    amplitudes = IndependentOracle.balanced(J)
                } else {
                    amplitudes = try rationals(o["amplitudes"])
                }
                return .feature(levels: J, negative: negative, amplitudes: amplitudes)
            case "feature-shift":
                guard case .feature(let J, let negative, let amplitudes) = try object(try string(o["feature"])) else {
                    throw Unsupported(reason: "not a feature")
                }
                let half = try Rational(1, 2)
                return .function(
                    try IndependentOracle.step(cells: featureCells(J, negative, amplitudes).map { ($0 + Rational.one) * half }))
            case "task-output", "task-outputs":
                let (J, negative) = try signTree(o["signs"] ?? .null)
                let readouts = kind == "task-output" ? [try integer(o["readout"])] : try list(o["readouts"]).map { try integer($0) }
                let outputs = try readouts.map {
                    try IndependentOracle.step(cells: IndependentOracle.readoutCells(J, negative, $0).map { Rational($0) })
                }
                return kind == "task-output" ? .function(outputs[0]) : .functions(outputs)
            case "function-list":
                return .functions(try functions(try list(o["items"])))
            case "triangle-wave":
                let n = try integer(o["order"])
                let knots = (0...(1 << n)).map { IndependentOracle.dyadic($0, n) }
                return .piecewiseLinear(try PiecewiseLinear(knots: knots, values: (0...(1 << n)).map { Rational($0 % 2) }))
            case "sawtooth":
                let n = try integer(o["order"])
                let knots = (0...(1 << n)).map { IndependentOracle.dyadic($0, n) }
                return .piecewiseLinear(
                    try PiecewiseLinear(
                        knots: knots, startValues: Array(repeating: 0, count: 1 << n), endValues: Array(repeating: 1, count: 1 << n)))
            case "piecewise-linear":
                if o["values"] != nil {
                    return .piecewiseLinear(try PiecewiseLinear(knots: try rationals(o["knots"]), values: try rationals(o["values"])))
                }
                return .piecewiseLinear(
                    try PiecewiseLinear(
                        knots: try rationals(o["knots"]), startValues: try rationals(o["start-values"]),
                        endValues: try rationals(o["end-values"])))
            case "readout-class":
                return .readoutClass(levels: try integer(o["levels"]), readouts: try list(o["readouts"]).map { try integer($0) })
            case "haar-class":
                let J = try integer(o["levels"])
                if case .string("balanced")? = o["amplitudes"] { return .haarClass(levels: J, amplitudes: IndependentOracle.balanced(J)) }
                return .haarClass(levels: J, amplitudes: try rationals(o["amplitudes"]))
            case "finite-class":
                return .finiteClass(
                    try list(o["elements"]).map { item in
                        if case .array(let names) = item { return try functions(names) }
                        return [try function(item)]
                    })
            case "heaviside-network":
                return try explicitNetwork(o)
            case "joint-network":
                let (J, negative) = try signTree(o["signs"] ?? .null)
                let hex = IndependentOracle.encodeHex(negative)
                let coded = try NetworkBuilder.joint(
                    signs: try SignTree(levels: J, hex: hex),
                    readouts: try list(o["readouts"]).map { try WalshReadout(index: try integer($0)) })
                return .network(
                    coded.network, weightCodes: coded.weightCodes.map { $0.map { $0.map { Optional(String(describing: $0)) } } },
                    biasCodes: coded.biasCodes.map { $0.map { Optional(String(describing: $0)) } }, recipe: true)
            case "sign-coded-network":
                let (J, negative) = try signTree(o["signs"] ?? .null)
                let family = try SignCodedNetworkFamily(
                    levels: J, readouts: try list(o["readouts"]).map { try WalshReadout(index: try integer($0)) })
                let coded = try family.member(signs: try SignTree(levels: J, hex: IndependentOracle.encodeHex(negative)))
                return .network(
                    coded.network, weightCodes: coded.weightCodes.map { $0.map { $0.map { Optional(String(describing: $0)) } } },
                    biasCodes: coded.biasCodes.map { $0.map { Optional(String(describing: $0)) } }, recipe: true)
            case "one-layer-network":
                let network = try NetworkBuilder.oneLayer(realising: try functions(try list(o["functions"])))
                return .network(
                    network, weightCodes: network.layers.map { $0.map { Array(repeating: nil, count: $0.weights.count) } },
                    biasCodes: network.layers.map { Array(repeating: nil, count: $0.count) }, recipe: false)
            case "network-output":
                guard case .network(let network, _, _, _) = try object(try string(o["network"])) else {
                    throw Unsupported(reason: "not a network")
                }
                let d = try integer(o["output"])
                return .function(try IndependentOracle.realised(network, output: d))
            default:
                throw Unsupported(reason: "object kind \(kind)")
            }
        }

        func explicitNetwork(_ o: JSONObject) throws -> Value {
            var layers: [[HeavisideNetwork.Unit]] = [], weightCodes: [[[String?]]] = [], biasCodes: [[String?]] = []
            for layerValue in try list(o["layers"]) {
                guard case .object(let layer) = layerValue else { throw Unsupported(reason: "layer") }
                let defaultWeight = layer["weight-code"].flatMap { try? string($0) }
                let defaultBias = layer["bias-code"].flatMap { try? string($0) }
                var units: [HeavisideNetwork.Unit] = [], wc: [[String?]] = [], bc: [String?] = []
                for unitValue in try list(layer["units"]) {
                    guard case .object(let unit) = unitValue else { throw Unsupported(reason: "unit") }
                    let weights = try rationals(unit["weights"])
                    units.append(
                        HeavisideNetwork.Unit(
                            activation: try string(unit["activation"]) == "heaviside" ? .heaviside : .linear,
                            inputs: try list(unit["inputs"]).map { try integer($0) }, weights: weights, bias: try rational(unit["bias"])))
                    if let codes = unit["weight-codes"] {
                        wc.append(try list(codes).map { try string($0) })
                    } else {
                        wc.append(Array(repeating: defaultWeight, count: weights.count))
                    }
                    bc.append(unit["bias-code"].flatMap { try? string($0) } ?? defaultBias)
                }
                layers.append(units)
                weightCodes.append(wc)
                biasCodes.append(bc)
            }
            return .network(try HeavisideNetwork(layers: layers), weightCodes: weightCodes, biasCodes: biasCodes, recipe: false)
        }

        // MARK: Classes

        /// Every element of a class (tuples of functions), for sign-tree classes of depth <= 3.
        func elements(_ k: Value) throws -> [[StepFunction]] {
            switch k {
            case .finiteClass(let elements): return elements
            case .readoutClass(let J, let readouts):
                guard J <= 3 else { throw Unsupported(reason: "readout class of depth \(J) is too large to enumerate here") }
                return try IndependentOracle.allTrees(J).map { negative in
                    try readouts.map {
                        try IndependentOracle.step(cells: IndependentOracle.readoutCells(J, negative, $0).map { Rational($0) })
                    }
                }
            case .haarClass(let J, let amplitudes):
                guard J <= 3 else { throw Unsupported(reason: "haar class of depth \(J) is too large to enumerate here") }
                return try IndependentOracle.allTrees(J).map { [try IndependentOracle.step(cells: featureCells(J, $0, amplitudes))] }
            default:
                throw Unsupported(reason: "not a class")
            }
        }

        /// One element given by parameters (packing): an inline {"bits"} or a sign-tree name; an index for finite classes.
        func element(_ item: JSONValue, of k: Value) throws -> [StepFunction] {
            switch k {
            case .finiteClass(let elements):
                return elements[try integer(item)]
            case .readoutClass(let J, let readouts):
                let negative = try parameters(item, J)
                return try readouts.map {
                    try IndependentOracle.step(cells: IndependentOracle.readoutCells(J, negative, $0).map { Rational($0) })
                }
            case .haarClass(let J, let amplitudes):
                return [try IndependentOracle.step(cells: featureCells(J, try parameters(item, J), amplitudes))]
            default:
                throw Unsupported(reason: "not a class")
            }
        }

        func parameters(_ item: JSONValue, _ J: Int) throws -> [Bool] {
            if case .object(let o) = item { return try IndependentOracle.decodeHex(try string(o["bits"]), count: (1 << J) - 1) }
            let (levels, negative) = try signTree(item)
            guard levels == J else { throw Unsupported(reason: "sign tree depth") }
            return negative
        }

        func featureCells(_ J: Int, _ negative: [Bool], _ amplitudes: [Rational]) -> [Rational] {
            IndependentOracle.featureCells(J, negative, amplitudes)
        }
    }

    // MARK: - Definitions, written out (MATH.md sec. 2-6)

    static func dyadic(_ k: Int, _ j: Int) -> Rational { (try? Rational(numerator: BigInt(k), denominator: BigInt.powerOfTwo(j))) ?? .zero }

    static func balanced(_ J: Int) -> [Rational] { (0..<J).map { dyadic(1, $0 + 1) } }

    /// Bit i of a lowercase-hex bit string: digit i / 4, most significant bit first.
    static func decodeHex(_ text: String, count: Int) throws -> [Bool] {
        let digits = Array(text.utf8)
        guard digits.count == (count + 3) / 4 else { throw Unsupported(reason: "hex length") }
        var bits: [Bool] = []
        for d in digits {
            guard let v = Int(String(UnicodeScalar(d)), radix: 16), d < 65 || d > 70 else { throw Unsupported(reason: "hex digit") }
            for shift in [3, 2, 1, 0] { bits.append((v >> shift) & 1 == 1) }
        }
        guard !bits[count...].contains(true) else { throw Unsupported(reason: "hex padding") }
        return Array(bits[0..<count])
    }

    static func encodeHex(_ bits: [Bool]) -> String {
        var out = ""
        for start in stride(from: 0, to: bits.count, by: 4) {
            var v = 0
            for offset in 0..<4 where start + offset < bits.count && bits[start + offset] { v |= 8 >> offset }
            out += String(v, radix: 16)
        }
        return out
    }

    /// sigma(j, k) as +1 / -1 from the node bits (node 2^j - 1 + k; true = -1).
    static func sign(_ negative: [Bool], _ j: Int, _ k: Int) -> Int { negative[(1 << j) - 1 + k] ? -1 : 1 }

    /// h_sigma on the level-J cells: sum_j a_j sigma(j, k) psi(j, k), psi = +1 on the left child.
    static func featureCells(_ J: Int, _ negative: [Bool], _ amplitudes: [Rational]) -> [Rational] {
        (0..<(1 << J)).map { c in
            var h = Rational.zero
            for j in 0..<J {
                let k = c >> (J - j)
                let psi = (c >> (J - 1 - j)) & 1 == 0 ? 1 : -1
                let term = sign(negative, j, k) * psi
                h = term > 0 ? h + amplitudes[j] : h - amplitudes[j]
            }
            return h
        }
    }

    /// w_m(u_sigma(x)) on the level-J cells, from the definition: u = (h + 1)/2 with balanced
    /// amplitudes, r_n(y) = (-1)^(floor(2^(n+1) y) mod 2), w_m = prod over the bits of m.
    static func readoutCells(_ J: Int, _ negative: [Bool], _ m: Int) -> [Int] {
        let half = dyadic(1, 1)
        return featureCells(J, negative, balanced(J)).map { h in
            let u = (h + Rational.one) * half
            var value = 1
            var n = 0
            while (m >> n) != 0 {
                if (m >> n) & 1 == 1 {
                    let digit = (u * Rational(BigInt.powerOfTwo(n + 1))).floor
                    if digit.isOdd { value = -value }
                }
                n += 1
            }
            return value
        }
    }

    static func allTrees(_ J: Int) -> [[Bool]] {
        let n = (1 << J) - 1
        return (0..<(1 << n)).map { t in (0..<n).map { (t >> $0) & 1 == 1 } }
    }

    static func step(cells: [Rational]) throws -> StepFunction {
        let J = cells.count.trailingZeroBitCount
        guard cells.count == 1 << J else { throw Unsupported(reason: "cell count") }
        return try StepFunction(breakpoints: (0...cells.count).map { dyadic($0, J) }, values: cells)
    }

    static func haar(_ j: Int, _ k: Int) throws -> StepFunction {
        var breakpoints: [Rational] = [], values: [Rational] = []
        let a = dyadic(2 * k, j + 1), m = dyadic(2 * k + 1, j + 1), b = dyadic(2 * k + 2, j + 1)
        if a.signum > 0 {
            breakpoints.append(0)
            values.append(0)
        }
        breakpoints += [a, m]
        values += [1, -1]
        breakpoints.append(b)
        if b < Rational.one {
            values.append(0)
            breakpoints.append(1)
        }
        return try StepFunction(breakpoints: breakpoints, values: values)
    }

    // MARK: - Exact operations, by direct refinement (MATH.md sec. 2, 3)

    /// f(x) for x in [0, 1), by scanning the pieces.
    static func value(_ f: StepFunction, at x: Rational) -> Rational {
        var i = 0
        while i + 1 < f.values.count && f.breakpoints[i + 1] <= x { i += 1 }
        return f.values[i]
    }

    static func refinement(_ lists: [[Rational]]) -> [Rational] {
        Array(Set(lists.joined())).sorted()
    }

    static func innerProduct(_ f: StepFunction, _ g: StepFunction) -> Rational {
        let cuts = refinement([f.breakpoints, g.breakpoints])
        var total = Rational.zero
        let half = dyadic(1, 1)
        for i in 0..<(cuts.count - 1) {
            let mid = (cuts[i] + cuts[i + 1]) * half
            total = total + (cuts[i + 1] - cuts[i]) * value(f, at: mid) * value(g, at: mid)
        }
        return total
    }

    static func supDistance(_ f: StepFunction, _ g: StepFunction) -> Rational {
        let cuts = refinement([f.breakpoints, g.breakpoints])
        var best = Rational.zero
        let half = dyadic(1, 1)
        for i in 0..<(cuts.count - 1) {
            let mid = (cuts[i] + cuts[i + 1]) * half
            best = max(best, (value(f, at: mid) - value(g, at: mid)).magnitude)
        }
        return best
    }

    static func supDistance(_ f: [StepFunction], _ g: [StepFunction]) -> Rational {
        zip(f, g).map { supDistance($0, $1) }.max() ?? .zero
    }

    /// ||g - s|| for continuous-or-not piecewise-linear g: on each refined piece [a, b), g is
    /// linear (the piece of g containing it) and s constant, so check both ends.
    static func supDistance(_ g: PiecewiseLinear, _ s: StepFunction) -> Rational {
        let cuts = refinement([g.knots, s.breakpoints])
        var best = Rational.zero
        let half = dyadic(1, 1)
        for i in 0..<(cuts.count - 1) {
            let a = cuts[i], b = cuts[i + 1], mid = (a + b) * half
            var p = 0
            while p + 1 < g.pieceCount && g.knots[p + 1] <= a { p += 1 }
            let ga = linear(g, p, a), gb = linear(g, p, b), c = value(s, at: mid)
            best = max(best, (ga - c).magnitude, (gb - c).magnitude)
        }
        return best
    }

    static func linear(_ g: PiecewiseLinear, _ p: Int, _ x: Rational) -> Rational {
        let a = g.knots[p], b = g.knots[p + 1]
        return g.startValues[p] + (g.endValues[p] - g.startValues[p]) * (x - a) * ((try? (b - a).reciprocal()) ?? .zero)
    }

    /// The breakpoints of the canonical form (where the value changes).
    static func jumps(_ f: StepFunction) -> [Rational] {
        var result: [Rational] = []
        for i in 1..<f.values.count where f.values[i] != f.values[i - 1] { result.append(f.breakpoints[i]) }
        return result
    }

    /// The network's forward pass at x (H(0) = 1), written out.
    static func forward(_ network: HeavisideNetwork, at x: Rational) -> [Rational] {
        var values = [x]
        for layer in network.layers {
            values = layer.map { unit in
                var t = unit.bias
                for (k, i) in unit.inputs.enumerated() { t = t + unit.weights[k] * values[i] }
                return unit.activation == .linear ? t : (t.signum >= 0 ? 1 : 0)
            }
        }
        return values
    }

    static func thresholds(_ network: HeavisideNetwork) -> [Rational] {
        network.layers[0].compactMap { unit in
            guard let inverse = try? unit.weights[0].reciprocal() else { return nil }
            let t = -unit.bias * inverse
            return t.signum > 0 && t < Rational.one ? t : nil
        }
    }

    /// Output d as a step function: evaluated at the midpoint of each piece between thresholds (Lemma N1).
    static func realised(_ network: HeavisideNetwork, output d: Int) throws -> StepFunction {
        let cuts = refinement([[0, 1], thresholds(network)])
        let half = dyadic(1, 1)
        let values = (0..<(cuts.count - 1)).map { forward(network, at: (cuts[$0] + cuts[$0 + 1]) * half)[d] }
        return try StepFunction(breakpoints: cuts, values: values)
    }

    /// The number of intervals of the strict greedy partition (MATH.md sec. 9), written out:
    /// walk the pieces keeping the running max and min of the current interval, and cut
    /// where the oscillation reaches t. A cut exactly at x = 1 ends the last interval.
    static func strictGreedyCount(_ g: PiecewiseLinear, _ t: Rational, limit: Int = 100_000) -> Int? {
        var cuts = 0
        var high = g.startValues[0], low = g.startValues[0]
        var lastEventWasCutAtEnd = false
        for p in 0..<g.pieceCount {
            guard p == 0 || g.startValues[p] == g.endValues[p - 1] else { return nil }
            var from = g.startValues[p]
            let to = g.endValues[p]
            lastEventWasCutAtEnd = false
            while true {
                if to > from, to >= low + t {
                    from = low + t
                } else if to < from, to <= high - t {
                    from = high - t
                } else {
                    high = max(high, to)
                    low = min(low, to)
                    break
                }
                high = from
                low = from
                cuts += 1
                lastEventWasCutAtEnd = from == to
                if cuts > limit { return nil }
            }
        }
        return lastEventWasCutAtEnd ? cuts : cuts + 1
    }

}

// MARK: - Recomputation: claims

extension IndependentOracle {
    /// An interval [lower, upper] (nil: unbounded) for quantities the bits rule combines.
    struct Interval {
        var lower: Rational?
        var upper: Rational?
        static func exact(_ v: Rational) -> Interval { Interval(lower: v, upper: v) }
    }

    static func relationHolds(_ relation: String, _ value: Rational, _ bound: Rational) -> Bool? {
        switch relation {
        case "<=": return value <= bound
        case "<": return value < bound
        case ">=": return value >= bound
        case ">": return value > bound
        case "=": return value == bound
        default: return nil
        }
    }

    /// What a true statement `x relation bound` says about x.
    static func interval(_ relation: String, _ bound: Rational, nonNegative: Bool) -> Interval {
        switch relation {
        case "=": return .exact(bound)
        case "<=", "<": return Interval(lower: nonNegative ? .zero : nil, upper: bound)
        default: return Interval(lower: bound, upper: nil)
        }
    }

    static func ceilLog2(_ n: Int) -> Int { n <= 1 ? 0 : Int.bitWidth - (n - 1).leadingZeroBitCount }

    /// Whether the claim at index `i` of the model's document is true, recomputed here.
    static func check(_ i: Int, _ model: Model, depth: Int = 0) -> Answer {
        do {
            return try checkThrowing(i, model, depth: depth)
        } catch let error as Unsupported {
            return .unknown(error.reason)
        } catch {
            return .unknown("\(error)")
        }
    }

    /// The quantities a true claim establishes (by its statement), for the bits rule.
    static func quantities(_ i: Int, _ model: Model) throws -> [String: Interval] {
        guard case .object(let claim) = model.doc.claims[i], case .string(let rule)? = claim["rule"],
            case .object(let statement)? = claim["statement"], case .object(let inputs)? = claim["inputs"]
        else { throw Unsupported(reason: "claim shape") }
        func r(_ key: String) throws -> Rational { try model.rational(statement[key]) }
        switch rule {
        case "sup-distance":
            return ["distance": interval(try model.string(statement["relation"]), try r("bound"), nonNegative: true)]
        case "bits":
            return ["value": interval(try model.string(statement["relation"]), try r("bound"), nonNegative: false)]
        case "haar-packing":
            return ["bits": Interval(lower: try r("bits-at-least"), upper: nil)]
        case "haar-cover":
            return ["bits": Interval(lower: nil, upper: try r("bits-at-most"))]
        case "packing":
            let m = try model.integer(statement["count"])
            return [
                "covering-number": Interval(lower: Rational(m), upper: nil), "bits": Interval(lower: Rational(ceilLog2(m)), upper: nil),
            ]
        case "cover":
            let m = try model.integer(statement["count"])
            return [
                "covering-number": Interval(lower: nil, upper: Rational(m)), "bits": Interval(lower: nil, upper: Rational(ceilLog2(m))),
            ]
        case "binary-class":
            return ["bits": .exact(try r("bits"))]
        case "readout-count":
            let v = statement["log2-size"] != nil ? try r("log2-size") : try r("total")
            return ["log2-size": .exact(v), "description-bits": .exact(v)]
        case "enumerate":
            let quantity = try model.string(inputs["quantity"])
            if let value = statement["value"] {
                let v = try model.integer(value)
                return [
                    quantity == "size" ? "size" : "covering-number": .exact(Rational(v)), "description-bits": .exact(Rational(ceilLog2(v))),
                ]
            }
            let total = try model.list(statement["values"]).reduce(0) { $0 + ceilLog2(try model.integer($1)) }
            return ["description-bits": .exact(Rational(total))]
        case "network-bits":
            var result: [String: Interval] = [:]
            for (key, value) in statement { result[key] = .exact(try model.rational(value)) }
            return result
        case "network-width-lower":
            return ["first-layer-units": Interval(lower: try r("first-layer-units-at-least"), upper: nil)]
        case "network-realises-for-all-signs":
            guard case .network(let network, _, _, _) = try model.object(try model.string(inputs["network"])) else {
                throw Unsupported(reason: "not a network")
            }
            return [
                "bits": Interval(lower: nil, upper: try r("bits")), "log2-size": Interval(lower: nil, upper: try r("bits")),
                "first-layer-units": .exact(Rational(network.layers[0].count)),
            ]
        case "step-approx-lower":
            let g = try model.function(pl: inputs["function"])
            guard let n = strictGreedyCount(g, try model.rational(inputs["threshold"])) else { throw Unsupported(reason: "greedy") }
            return ["distance": Interval(lower: try r("distance-at-least"), upper: nil), "greedy-intervals": .exact(Rational(n))]
        default:
            return [:]
        }
    }

    static func checkThrowing(_ i: Int, _ model: Model, depth: Int) throws -> Answer {
        guard depth < 16, case .object(let claim) = model.doc.claims[i], case .string(let rule)? = claim["rule"],
            case .object(let inputs)? = claim["inputs"], case .object(let statement)? = claim["statement"]
        else { throw Unsupported(reason: "claim shape") }
        func input(_ key: String) -> JSONValue { inputs[key] ?? .null }
        func fail(_ why: String) -> Answer { .isFalse("\(rule): \(why)") }

        switch rule {
        case "sup-distance":
            let relation = try model.string(statement["relation"]), bound = try model.rational(statement["bound"])
            let distance: Rational
            if let g = try? model.function(pl: input("f")) {
                distance = supDistance(g, try model.function(input("g")))
            } else if let g = try? model.function(pl: input("g")) {
                distance = supDistance(g, try model.function(input("f")))
            } else {
                distance = supDistance(try model.function(input("f")), try model.function(input("g")))
            }
            return relationHolds(relation, distance, bound) == true ? .holds : fail("distance \(distance) \(relation) \(bound) is false")

        case "gram":
            let functions = try model.functions(try model.list(input("functions")))
            let D = functions.count
            var stated: (Int, Int) -> Rational
            if let diagonal = statement["diagonal"] {
                let entries = try model.rationals(diagonal)
                guard entries.count == D else { return fail("diagonal length") }
                stated = { a, b in a == b ? entries[a] : .zero }
            } else if case .string("identity")? = statement["matrix"] {
                stated = { a, b in a == b ? .one : .zero }
            } else {
                let rows = try model.list(statement["matrix"]).map { try model.rationals($0) }
                guard rows.count == D, rows.allSatisfy({ $0.count == D }) else { return fail("matrix shape") }
                stated = { a, b in rows[a][b] }
            }
            for a in 0..<D {
                for b in 0..<D where innerProduct(functions[a], functions[b]) != stated(a, b) { return fail("entry (\(a), \(b))") }
            }
            return .holds

        case "orthonormal-for-all-signs":
            let J = try model.integer(input("levels"))
            let readouts = try model.list(input("readouts")).map { try model.integer($0) }
            guard !readouts.isEmpty, Set(readouts).count == readouts.count, readouts.allSatisfy({ $0 >= 1 && $0 < 1 << J }) else {
                return fail("readouts \(readouts) at depth \(J)")
            }
            // Brute force for small depths; beyond, Theorem O's side conditions (checked above).
            guard J <= 3 else { return .holds }
            for negative in allTrees(J) {
                let outputs = readouts.map { readoutCells(J, negative, $0) }
                for a in 0..<outputs.count {
                    for b in 0..<outputs.count {
                        let dot = zip(outputs[a], outputs[b]).reduce(0) { $0 + $1.0 * $1.1 }
                        if dot != (a == b ? 1 << J : 0) { return fail("<f_\(a), f_\(b)> for a sign tree") }
                    }
                }
            }
            return .holds

        case "readout-count":
            let k = try model.object(try model.string(input("class")))
            guard case .readoutClass(let J, let readouts) = k else { return fail("not a readout class") }
            let joint = try model.string(input("coding")) == "joint"
            // log2 of the class sizes: by enumerating all sign trees (J <= 3), else as GF(2) ranks.
            let jointLog2: Int, separateLog2: [Int]
            if J <= 3 {
                let elements = try model.elements(k)
                let n = Set(elements).count
                guard n.nonzeroBitCount == 1 else { return fail("size \(n) is not a power of two") }
                jointLog2 = n.trailingZeroBitCount
                separateLog2 = try (0..<readouts.count).map { d in
                    let n = Set(elements.map { $0[d] }).count
                    guard n.nonzeroBitCount == 1 else { throw Unsupported(reason: "size \(n) is not a power of two") }
                    return n.trailingZeroBitCount
                }
            } else {
                guard J <= 8 else { throw Unsupported(reason: "readout class of depth \(J)") }
                jointLog2 = parityRank(J, readouts)
                separateLog2 = readouts.map { parityRank(J, [$0]) }
            }
            if joint {
                return try model.integer(statement["log2-size"]) == jointLog2 ? .holds : fail("log2 size is \(jointLog2)")
            }
            let sizes = try model.list(statement["log2-sizes"]).map { try model.integer($0) }
            guard sizes == separateLog2 else { return fail("log2 sizes are \(separateLog2)") }
            return try model.integer(statement["total"]) == separateLog2.reduce(0, +) ? .holds : fail("total")

        case "enumerate":
            let k = try model.object(try model.string(input("class")))
            let elements = try model.elements(k)
            let quantity = try model.string(input("quantity"))
            let joint = try model.string(input("coding")) == "joint"
            let sets: [[[StepFunction]]] = joint ? [elements] : (0..<(elements.first?.count ?? 0)).map { d in elements.map { [$0[d]] } }
            var computed: [Int] = []
            for set in sets {
                var distinct: [[StepFunction]] = []
                for e in set where !distinct.contains(e) { distinct.append(e) }
                if quantity == "size" {
                    computed.append(distinct.count)
                } else {
                    guard let n = coveringNumber(distinct, eps: try model.rational(input("eps"))) else {
                        throw Unsupported(reason: "covering number too large")
                    }
                    computed.append(n)
                }
            }
            let stated = joint ? [try model.integer(statement["value"])] : try model.list(statement["values"]).map { try model.integer($0) }
            return stated == computed ? .holds : fail("enumeration gives \(computed), stated \(stated)")

        case "binary-class":
            let k = try model.object(try model.string(input("class")))
            let eps = try model.rational(input("eps"))
            let stated = try model.integer(statement["bits"])
            let joint = try model.string(input("coding")) == "joint"
            let bits: Int
            if case .readoutClass(let J, let readouts) = k, J > 3 {
                // Walsh readouts are +-1 valued; the sizes are 2^rank (GF(2) ranks, see parityRank).
                guard J <= 8 else { throw Unsupported(reason: "readout class of depth \(J)") }
                bits = joint ? parityRank(J, readouts) : readouts.reduce(0) { $0 + parityRank(J, [$1]) }
            } else {
                let elements = try model.elements(k)
                guard elements.allSatisfy({ $0.allSatisfy { $0.values.allSatisfy { $0 == 1 || $0 == -1 } } }) else {
                    return fail("not +-1 valued")
                }
                if joint {
                    bits = ceilLog2(Set(elements).count)
                } else {
                    bits = (0..<(elements.first?.count ?? 0)).reduce(0) { sum, d in sum + ceilLog2(Set(elements.map { $0[d] }).count) }
                }
            }
            if eps >= Rational.one { return stated == 0 ? .holds : fail("eps >= 1 gives 0 bits") }
            return stated == bits ? .holds : fail("Lemma B gives \(bits) bits")

        case "haar-packing":
            let k = try model.object(try model.string(input("class")))
            guard case .haarClass(let J, let amplitudes) = k else { return fail("not a haar class") }
            let eps = try model.rational(input("eps")), L = try model.integer(input("level"))
            let stated = try model.rational(statement["bits-at-least"])
            if stated <= .zero { return .holds }
            guard L >= 1, L <= J else { return fail("level \(L) outside 1...\(J)") }
            guard J <= 3 else {
                // Beyond brute force: the corollary of Lemma H1, its side condition written out.
                guard amplitudes[0..<L].allSatisfy({ eps < $0 }) else { return fail("eps is not below a_j for every j < L") }
                return stated <= Rational((1 << L) - 1) ? .holds : fail("the corollary gives \((1 << L) - 1) bits")
            }
            // The trees that are +1 at every level >= L: 2^(2^L - 1) elements, pairwise more than 2 eps apart?
            let free = (1 << L) - 1
            let family = (0..<(1 << free)).map { t in (0..<((1 << J) - 1)).map { $0 < free && (t >> $0) & 1 == 1 } }
            let functions = try family.map { try step(cells: featureCells(J, $0, amplitudes)) }
            for a in 0..<functions.count {
                for b in (a + 1)..<max(functions.count, a + 1) where !(supDistance(functions[a], functions[b]) > eps * Rational(2)) {
                    return fail("family elements \(a), \(b) within 2 eps")
                }
            }
            return stated <= Rational(free) ? .holds : fail("a packing of 2^\(free) gives at most \(free) bits")

        case "haar-cover":
            let k = try model.object(try model.string(input("class")))
            guard case .haarClass(let J, let amplitudes) = k else { return fail("not a haar class") }
            let eps = try model.rational(input("eps")), L = try model.integer(input("level"))
            let stated = try model.rational(statement["bits-at-most"])
            guard L >= 0, L <= J else { return fail("level") }
            guard J <= 3 else {
                // Beyond brute force: Lemma H2's side condition written out (the tail sum).
                let tail = amplitudes[L...].reduce(Rational.zero) { $0 + $1 }
                guard eps >= tail else { return fail("eps is below the tail sum \(tail)") }
                return stated >= Rational((1 << L) - 1) ? .holds : fail("the truncation cover has 2^\((1 << L) - 1) centres")
            }
            // Every element within eps of its truncation to the levels below L.
            let truncated = amplitudes.enumerated().map { $0.offset < L ? $0.element : .zero }
            for negative in allTrees(J) {
                let h = try step(cells: featureCells(J, negative, amplitudes))
                let centre = try step(cells: featureCells(J, negative, truncated))
                if supDistance(h, centre) > eps { return fail("an element is farther than eps from its truncation") }
            }
            return stated >= Rational((1 << L) - 1) ? .holds : fail("the truncation cover has 2^\((1 << L) - 1) centres")

        case "packing":
            let k = try model.object(try model.string(input("class")))
            let eps = try model.rational(input("eps"))
            let elements = try model.list(input("elements")).map { try model.element($0, of: k) }
            guard try model.integer(statement["count"]) == elements.count else { return fail("count") }
            for a in 0..<elements.count {
                for b in (a + 1)..<max(elements.count, a + 1) where !(supDistance(elements[a], elements[b]) > eps * Rational(2)) {
                    return fail("elements \(a) and \(b) are within 2 eps")
                }
            }
            return .holds

        case "cover":
            let k = try model.object(try model.string(input("class")))
            let eps = try model.rational(input("eps"))
            let centres = try model.list(input("centres")).map { item -> [StepFunction] in
                if case .array(let names) = item { return try model.functions(names) }
                return [try model.function(item)]
            }
            guard try model.integer(statement["count"]) == centres.count else { return fail("count") }
            for element in try model.elements(k)
            where !centres.contains(where: { $0.count == element.count && supDistance(element, $0) <= eps }) {
                return fail("an element is farther than eps from every centre")
            }
            return .holds

        case "network-realises":
            guard case .network(let network, _, _, _) = try model.object(try model.string(input("network"))) else {
                return fail("not a network")
            }
            let targets = try model.functions(try model.list(input("functions")))
            let outputs = network.layers[network.layers.count - 1].count
            guard try model.integer(statement["outputs"]) == outputs, targets.count == outputs else { return fail("output count") }
            let cuts = refinement([[0, 1], thresholds(network)] + targets.map(\.breakpoints))
            let half = dyadic(1, 1)
            for p in 0..<(cuts.count - 1) {
                let x = (cuts[p] + cuts[p + 1]) * half
                let y = forward(network, at: x)
                for d in 0..<outputs where y[d] != value(targets[d], at: x) { return fail("output \(d) differs at \(x)") }
            }
            return .holds

        case "network-bits":
            guard
                case .network(let network, let weightCodes, let biasCodes, let recipe) = try model.object(
                    try model.string(input("network")))
            else {
                return fail("not a network")
            }
            var total = 0
            for (l, layer) in network.layers.enumerated() {
                for (u, unit) in layer.enumerated() {
                    for (value, code) in zip(unit.weights + [unit.bias], weightCodes[l][u] + [biasCodes[l][u]]) {
                        guard let code, let bits = codeBits(code, value, recipe: recipe) else {
                            return fail("parameter \(value) does not fit \(String(describing: code))")
                        }
                        total += bits
                    }
                }
            }
            guard try model.integer(statement["bits"]) == total else { return fail("codes add up to \(total)") }
            let units = network.layers.reduce(0) { $0 + $1.count }
            let actual = [
                "units": units, "hidden-units": units - network.layers[network.layers.count - 1].count,
                "parameters": network.layers.reduce(0) { $0 + $1.reduce(0) { $0 + $1.weights.count + 1 } },
                "first-layer-units": network.layers[0].count, "layers": network.layers.count,
            ]
            for (key, value) in statement where key != "bits" {
                guard let a = actual[key], try model.integer(value) == a else { return fail("\(key)") }
            }
            return .holds

        case "network-width-lower":
            let stated = try model.rational(statement["first-layer-units-at-least"])
            let separate = try model.string(input("mode")) == "separate"
            // Lemma N2e: only jumps larger than 2 eps count (every jump without eps).
            let twiceEps = inputs["eps"] == nil ? Rational.zero : try model.rational(inputs["eps"]) * Rational(2)
            // With eps-below b the bound must hold at every eps < b: a jump counts for all of
            // them iff it is at least 2b (the supremum of 2 eps).
            let twiceBelow = inputs["eps-below"] == nil ? nil : try model.rational(inputs["eps-below"]) * Rational(2)
            func counted(_ jump: Rational) -> Bool { twiceBelow.map { jump >= $0 } ?? (jump > twiceEps) }
            let tuples: [[StepFunction]]
            if inputs["class"] != nil, case .readoutClass(let J, let readouts) = try model.object(try model.string(input("class"))), J > 3 {
                // Beyond brute force: output d is constant on each half of every level-top(m_d)
                // cell and differs between the halves; check that for 16 sign trees, and the count.
                var rng = SplitMix64(seed: 7)
                let tops = readouts.map { Int.bitWidth - 1 - $0.leadingZeroBitCount }
                for _ in 0..<16 {
                    let negative = (0..<((1 << J) - 1)).map { _ in rng.next() & 1 == 1 }
                    for (m, t) in zip(readouts, tops) {
                        let cells = readoutCells(J, negative, m), w = 1 << (J - t), h = w / 2
                        for start in stride(from: 0, to: cells.count, by: w) {
                            let left = cells[start], right = cells[start + h]
                            guard left != right, cells[start..<(start + h)].allSatisfy({ $0 == left }),
                                cells[(start + h)..<(start + w)].allSatisfy({ $0 == right })
                            else {
                                return fail("output \(m) does not change sign exactly at the midpoint of a level-\(t) cell")
                            }
                        }
                    }
                }
                let least = !counted(Rational(2)) ? 0 : (separate ? tops : Array(Set(tops))).reduce(0) { $0 + (1 << $1) }
                return stated <= Rational(least) ? .holds : fail("Corollary N2 gives \(least)")
            } else if inputs["class"] != nil {
                tuples = try model.elements(try model.object(try model.string(input("class"))))
            } else {
                tuples = [try model.functions(try model.list(input("functions")))]
            }
            func large(_ f: StepFunction) -> [Rational] {
                jumps(f).filter { t in
                    let i = f.breakpoints.firstIndex(of: t)!
                    let jump = f.values[i] - f.values[i - 1]
                    return counted(jump.signum < 0 ? -jump : jump)
                }
            }
            // The least number of first-layer units over all elements: the large jumps of the canonical forms.
            let least =
                tuples.map { tuple in separate ? tuple.reduce(0) { $0 + large($1).count } : Set(tuple.flatMap(large)).count }.min() ?? 0
            return stated <= Rational(least) ? .holds : fail("only \(least) first-layer units are needed")

        case "network-realises-for-all-signs":
            // Lemma NF's side conditions from the object's own definition, the family's sign
            // bits counted here, and (for J <= 5) four members evaluated at every cell
            // midpoint against the outputs computed from the definitions.
            let name = try model.string(input("network"))
            guard let index = model.doc.objectIndex[name], case .object(let definition) = model.doc.objects[index].value,
                case .string("sign-coded-network")? = definition["kind"]
            else { return fail("not a sign-coded network") }
            guard case .readoutClass(let J, let readouts) = try model.object(try model.string(input("class"))) else {
                return fail("not a readout class")
            }
            let (levels, _) = try model.signTree(definition["signs"] ?? .null)
            let familyReadouts = try model.list(definition["readouts"]).map { try model.integer($0) }
            guard levels == J, familyReadouts == readouts, Set(readouts).count == readouts.count,
                readouts.allSatisfy({ $0 >= 1 && $0 < 1 << J })
            else {
                return fail("the class is not the family's")
            }
            guard try model.integer(statement["outputs"]) == readouts.count, try model.integer(statement["bits"]) == (1 << J) - 1 else {
                return fail("outputs or bits")
            }
            guard case .network(_, let weightCodes, let biasCodes, _) = try model.object(name) else { return fail("not a network") }
            let signs = (weightCodes.flatMap { $0.flatMap { $0 } } + biasCodes.flatMap { $0 }).filter { $0 == "sign" }.count
            guard signs == (1 << J) - 1 else { return fail("\(signs) sign-coded parameters") }
            if J <= 5 {
                var rng = SplitMix64(seed: 11)
                let family = try SignCodedNetworkFamily(levels: J, readouts: try readouts.map { try WalshReadout(index: $0) })
                for _ in 0..<4 {
                    let negative = (0..<((1 << J) - 1)).map { _ in rng.next() & 1 == 1 }
                    let member = try family.member(signs: try SignTree(levels: J, hex: IndependentOracle.encodeHex(negative))).network
                    let cells = readouts.map { readoutCells(J, negative, $0) }
                    for c in 0..<(1 << J) {
                        let y = forward(member, at: try Rational(2 * c + 1, 1 << (J + 1)))
                        for d in readouts.indices where y[d] != Rational(cells[d][c]) {
                            return fail("member differs from F_sigma on cell \(c)")
                        }
                    }
                }
            }
            return .holds

        case "step-approx-lower":
            let g = try model.function(pl: input("function"))
            let P = try model.rational(input("max-breakpoints")), t = try model.rational(input("threshold"))
            let stated = try model.rational(statement["distance-at-least"])
            guard let n = strictGreedyCount(g, t) else { throw Unsupported(reason: "greedy too long") }
            if stated <= .zero { return .holds }
            return Rational(n) > P + Rational.one && stated <= t * dyadic(1, 1)
                ? .holds : fail("greedy count \(n), P \(P), t \(t), stated \(stated)")

        case "bits":
            let relation = try model.string(statement["relation"]), bound = try model.rational(statement["bound"])
            var lower: Rational? = inputs["constant"] != nil ? try model.rational(inputs["constant"]) : .zero
            var upper = lower
            var uses = Set<String>()
            if case .array(let items)? = claim["uses"] {
                for case .string(let id) in items { uses.insert(id) }
            }
            for term in try model.list(input("terms")) {
                guard case .object(let t) = term else { return fail("term") }
                let id = try model.string(t["claim"]), name = try model.string(t["quantity"]), c = try model.rational(t["coefficient"])
                guard uses.contains(id), let j = model.doc.claimIndex[id], j < i else { return fail("term claim \(id) not used") }
                let used = check(j, model, depth: depth + 1)
                guard used == .holds else { return .unknown("used claim \(id): \(used)") }
                guard let q = try quantities(j, model)[name] else { return fail("claim \(id) has no quantity \(name)") }
                let (a, b) =
                    c.signum >= 0 ? (q.lower.map { $0 * c }, q.upper.map { $0 * c }) : (q.upper.map { $0 * c }, q.lower.map { $0 * c })
                if c.isZero { continue }
                lower = lower.flatMap { x in a.map { x + $0 } }
                upper = upper.flatMap { x in b.map { x + $0 } }
            }
            let holds: Bool
            switch relation {
            case "<=": holds = upper.map { $0 <= bound } ?? false
            case "<": holds = upper.map { $0 < bound } ?? false
            case ">=": holds = lower.map { $0 >= bound } ?? false
            case ">": holds = lower.map { $0 > bound } ?? false
            default: holds = lower == bound && upper == bound
            }
            return holds ? .holds : fail("the used claims give [\(String(describing: lower)), \(String(describing: upper))]")

        default:
            throw Unsupported(reason: "rule \(rule)")
        }
    }

    /// log2 |K_M| for readouts at depth J, as the GF(2) rank of sigma -> output parities: by the
    /// closed form (MATH.md sec. 6), output d on the level-top(m_d) node v is, up to signs that
    /// do not depend on sigma, prod over j in bits(m_d) of sigma(j, anc_j(v)); so the tuple of
    /// outputs determines and is determined by those parities, a linear map of the sign bits.
    static func parityRank(_ J: Int, _ readouts: [Int]) -> Int {
        let nodes = (1 << J) - 1
        let words = (nodes + 63) / 64
        var rows: [[UInt64]] = []
        for m in readouts {
            let top = Int.bitWidth - 1 - m.leadingZeroBitCount
            for v in 0..<(1 << top) {
                var row = [UInt64](repeating: 0, count: words)
                for j in 0...top where (m >> j) & 1 == 1 {
                    let node = (1 << j) - 1 + (v >> (top - j))
                    row[node / 64] ^= 1 << UInt64(node % 64)
                }
                rows.append(row)
            }
        }
        var rank = 0
        for column in 0..<nodes {
            let w = column / 64, bit = UInt64(1) << UInt64(column % 64)
            guard let pivot = (rank..<rows.count).first(where: { rows[$0][w] & bit != 0 }) else { continue }
            rows.swapAt(rank, pivot)
            for r in 0..<rows.count where r != rank && rows[r][w] & bit != 0 {
                for k in 0..<words { rows[r][k] ^= rows[rank][k] }
            }
            rank += 1
        }
        return rank
    }

    /// The bits of a code, if `value` fits it (MATH.md sec. 8).
    static func codeBits(_ code: String, _ value: Rational, recipe: Bool) -> Int? {
        if code == "sign" { return value == 1 || value == -1 ? 1 : nil }
        if code.hasPrefix("derived") { return recipe ? 0 : nil }
        func bounds(_ prefix: String, _ open: String, _ close: String) -> (BigInt, BigInt)? {
            guard code.hasPrefix(prefix + open), code.hasSuffix(close) else { return nil }
            let inner = code.dropFirst(prefix.count + open.count).dropLast(close.count)
            let parts = inner.split(separator: ",").map {
                $0.replacingOccurrences(of: "B=", with: "").replacingOccurrences(of: "E=", with: "")
            }
            guard parts.count == 2, let a = try? BigInt(parsing: parts[0]), let b = try? BigInt(parsing: parts[1]) else { return nil }
            return (a, b)
        }
        if let (lo, hi) = bounds("int", "[", "]") {
            guard value.isInteger, value.numerator >= lo, value.numerator <= hi, let range = (hi - lo + 1).intValue else { return nil }
            return ceilLog2(range)
        }
        if let (b, e) = bounds("dyadic", "[", "]") ?? bounds("dyadic", "(", ")"), let B = b.intValue, let E = e.intValue {
            // value = p / 2^k with |p| < 2^B and k <= E, in lowest terms.
            guard value.denominator.isPowerOfTwo, value.denominator.bitLength - 1 <= E, value.numerator.magnitude.bitLength <= B else {
                return nil
            }
            return 1 + B + ceilLog2(E + 1)
        }
        return nil
    }

    /// N(eps, K) for a small finite set under the sup norm: the least number of groups of
    /// pairwise distance <= 2 eps covering it (a group fits in a closed ball of radius eps,
    /// centred at its pointwise midrange), by exhaustive search.
    static func coveringNumber(_ elements: [[StepFunction]], eps: Rational) -> Int? {
        let n = elements.count
        guard n <= 12 else { return nil }
        var near = [[Bool]](repeating: [Bool](repeating: false, count: n), count: n)
        for a in 0..<n { for b in 0..<n { near[a][b] = supDistance(elements[a], elements[b]) <= eps * Rational(2) } }
        func canCover(_ groups: Int) -> Bool {
            var assignment: [[Int]] = []
            func place(_ e: Int) -> Bool {
                if e == n { return true }
                for g in 0..<assignment.count where assignment[g].allSatisfy({ near[$0][e] }) {
                    assignment[g].append(e)
                    if place(e + 1) { return true }
                    assignment[g].removeLast()
                }
                if assignment.count < groups {
                    assignment.append([e])
                    if place(e + 1) { return true }
                    assignment.removeLast()
                }
                return false
            }
            return place(0)
        }
        for k in 1...max(n, 1) where canCover(k) { return k }
        return n
    }
}

extension IndependentOracle.Model {
    func function(pl ref: JSONValue?) throws -> PiecewiseLinear {
        guard case .piecewiseLinear(let g) = try object(try string(ref)) else {
            throw IndependentOracle.Unsupported(reason: "not piecewise linear")
        }
        return g
    }
}
