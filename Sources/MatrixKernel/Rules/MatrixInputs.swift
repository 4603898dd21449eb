import CertificateKernel
import ExactArithmetic
import ExactLinearAlgebra

/// Reading and computing for the rules of MATH.md sec. 11-12: typed access to the
/// matrix objects a claim names, exact matrix work with its limits and work charged
/// before it is done, and the recomputation of the features Phi from a network and its
/// data (Phi is never read from a certificate).
struct MatrixInputs {
    let fields: Fields
    let context: CheckContext

    init(_ fields: Fields, _ context: CheckContext) {
        self.fields = fields
        self.context = context
    }

    var limits: MatrixLimits { context.limits.matrixLimits }

    func at(_ key: String) -> JSONPointer { fields.pointer.appending(key) }

    /// A named object: its name and value.
    func network(_ key: String = "network") throws(KernelError) -> (name: String, value: ShallowReLUNetwork) {
        (try fields.identifier(key), try context.objects.reluNetwork(try fields.value(key), at: at(key)).network)
    }

    func data(_ key: String = "data") throws(KernelError) -> (name: String, value: KernelReLUData) {
        (try fields.identifier(key), try context.objects.reluData(try fields.value(key), at: at(key)))
    }

    func matrix(_ key: String) throws(KernelError) -> (name: String, value: RationalMatrix) {
        (try fields.identifier(key), try context.objects.matrix(fields, key))
    }

    /// The `gap` input `id` of a screening claim (`lasso-screen`, `mtl-screen`): the
    /// certified gap it builds on, the fact of the claim `id` in `uses` whose meaning has
    /// `measure` and a lambda (found by meaning, not by rule name), with that lambda and
    /// its upper bound G; or why the claim cannot use it (not listed in `uses`, or not a
    /// claim of `rule` with a subject of `subjectCounts` names). The caller fails with that
    /// reason before it reads anything else.
    func screeningGap(_ id: String, measure: Measure, subjectCounts: ClosedRange<Int>, rule: String) -> ScreeningClaim<UsedGap> {
        guard let used = context.used[id] else {
            return .failure(UnusableGap(id: id, reason: "refers to claim \(id), which is not listed in \"uses\"", pointer: at("gap")))
        }
        guard let fact = used.facts.first(where: { $0.meaning.measure == measure && $0.meaning.lambda != nil }),
            let lambda = fact.meaning.lambda, let bound = fact.bound.upper, subjectCounts.contains(fact.meaning.subject.count)
        else {
            return .failure(UnusableGap(id: id, reason: "claim \(id) is not a \(rule) claim", pointer: at("gap")))
        }
        return .success(UsedGap(fact: fact, lambda: lambda, bound: bound))
    }

    /// The matrix object `name` that a used gap claim's fact names, located at `gap`.
    func gapMatrix(_ name: String) throws(KernelError) -> RationalMatrix {
        try context.objects.matrix(.string(name), at: at("gap")).matrix
    }

    /// A positive rational (lambda).
    func positive(_ key: String) throws(KernelError) -> Rational {
        let value = try fields.rational(key)
        guard value.signum > 0 else { throw .malformed(pointer: at(key), expected: "a positive number", found: value.description) }
        return value
    }

    /// The reader of a list of exactly `count` rationals (per-unit bounds), to pass to `located`.
    func rationals(count: Int, what: String) -> (String) throws(KernelError) -> [Rational] {
        { key throws(KernelError) in try rationals(key, count: count, what: what) }
    }

    /// A list of exactly `count` rationals (per-unit bounds).
    func rationals(_ key: String, count: Int, what: String) throws(KernelError) -> [Rational] {
        let items = try fields.array(key, what: "an array of \(count) numbers (\(what))")
        guard items.count == count else {
            throw .malformed(pointer: at(key), expected: "\(count) numbers (\(what))", found: "\(items.count) numbers")
        }
        return try items.enumerated().map { i, item throws(KernelError) in
            try Fields.rational(item, at: at(key).appending(i), context: fields.context)
        }
    }

    /// The distinct indices in 0..<count listed at `key` (screened features or units), in
    /// the order given, with their pointer; `stated` (the statement's `screened`) must be
    /// their number.
    func screened(_ key: String, below count: Int, what: String, stated: Located<Int>) throws(KernelError) -> Located<[Int]> {
        var list: [Int] = []
        if count == 0 {
            let items = try fields.array(key)
            guard items.isEmpty else {
                throw .malformed(pointer: at(key), expected: "no \(what) (there are none)", found: "\(items.count) indices")
            }
        } else {
            list = try fields.integers(key, in: 0...(count - 1))
            var seen = Set<Int>()
            for (i, k) in list.enumerated() where !seen.insert(k).inserted {
                throw .malformed(pointer: at(key).appending(i), expected: "distinct \(what)", found: "\(k) a second time")
            }
        }
        guard stated.value == list.count else {
            throw .malformed(pointer: stated.pointer, expected: "the number of listed \(what), \(list.count)", found: String(stated.value))
        }
        return Located(value: list, pointer: at(key))
    }

    /// Charges the product of `factors` (each at least 1, saturating) as work before a computation.
    func charge(_ factors: Int...) throws(KernelError) {
        try context.readingContext.chargeWork(Int.saturatingProduct(factors.map { max($0, 1) }), at: fields.pointer)
    }

    /// Runs exact matrix work, mapping its errors to located kernel errors.
    func run<T>(_ body: () throws(MatrixError) -> T) throws(KernelError) -> T {
        try context.matrixWork(at: fields.pointer, body)
    }

    /// Checks that the network's input dimension is the data's.
    func checkInputs(_ network: ShallowReLUNetwork, _ data: KernelReLUData, networkKey: String = "network") throws(KernelError) {
        guard data.inputs.rows == network.inputDimension else {
            throw .malformed(
                pointer: at(networkKey),
                expected: "a network with \(data.inputs.rows) inputs (the data's points have dimension \(data.inputs.rows))",
                found: "a network with \(network.inputDimension) inputs")
        }
    }

    /// Checks that the network's input dimension is the data's and charges the work of
    /// computing its features Phi on the data (done later by a pure check).
    func chargeFeatures(_ network: ShallowReLUNetwork, on data: KernelReLUData, networkKey: String = "network") throws(KernelError) {
        try checkInputs(network, data, networkKey: networkKey)
        try charge(network.units, network.inputDimension, data.inputs.columns)
    }

    /// Checks that the network's outputs match the data's targets in number.
    func checkOutputs(_ network: ShallowReLUNetwork, _ data: KernelReLUData, networkKey: String = "network") throws(KernelError) {
        guard data.targets.rows == network.outputDimension else {
            throw .malformed(
                pointer: at(networkKey),
                expected: "a network with \(data.targets.rows) outputs (the data's targets have \(data.targets.rows) rows)",
                found: "a network with \(network.outputDimension) outputs")
        }
    }

    /// Checks the shapes of a lasso problem: features X (n x p) with n > 0, targets Y
    /// (n x T) and heads (T x p, one head per task).
    func checkLassoShapes(features x: RationalMatrix, targets y: RationalMatrix, heads: RationalMatrix) throws(KernelError) {
        let n = x.rows, p = x.columns, T = y.columns
        guard n > 0 else { throw .malformed(pointer: at("features"), expected: "at least one sample (row)", found: "0 rows") }
        guard y.rows == n else {
            throw .malformed(
                pointer: at("targets"), expected: "an \(n) x T matrix (features has \(n) samples)", found: "a \(y.shape) matrix")
        }
        guard heads.rows == T, heads.columns == p else {
            throw .malformed(
                pointer: at("heads"), expected: "a \(T) x \(p) matrix (one head per task, one weight per feature)",
                found: "a \(heads.shape) matrix")
        }
    }
}

/// What a screening claim (`lasso-screen`, `mtl-screen`) decodes to: `Value`, the used
/// gap (``UsedGap``) and then the whole decoded claim, or why its `gap` input cannot be
/// used (the claim fails before anything else is read).
typealias ScreeningClaim<Value> = Result<Value, UnusableGap>

/// A `gap` input a screening claim cannot use; the claim fails with `reason` at `pointer`.
struct UnusableGap: Error {
    let id: String
    let reason: String
    let pointer: JSONPointer

    /// The failed verdict: nothing else of the claim is read.
    var verdict: RuleResult { .fails("screening through \(id)", reason, at: pointer) }
}

/// The certified gap of a used claim: its fact, its lambda and its upper bound G.
struct UsedGap {
    let fact: Fact
    let lambda: Rational
    let bound: Rational
    /// The objects the fact is about (its meaning's subject).
    var names: [String] { fact.meaning.subject }
}

extension CheckContext {
    /// Exact matrix work inside a pure check: its errors become kernel errors located at
    /// `pointer` (the claim's inputs, where `MatrixInputs.run` locates them).
    func matrixWork<T>(at pointer: JSONPointer, _ body: () throws(MatrixError) -> T) throws(KernelError) -> T {
        do { return try body() } catch { throw kernelError(error, at: pointer, limits: limits) }
    }
}

/// Statement figures: numbers the kernel computes, checked against the statement, and
/// optional values, each with its pointer.
extension Fields {
    /// A count (an integer >= 0) at `key`.
    func count(_ key: String) throws(KernelError) -> Int { try integer(key, in: 0...Int.max) }

    /// A list of counts at `key`.
    func counts(_ key: String) throws(KernelError) -> [Int] { try integers(key, in: 0...Int.max) }

    /// "yes" (true) or "no" (false) at `key`.
    func yesNo(_ key: String) throws(KernelError) -> Bool { try word(key, YesNo.self) == .yes }

    /// What `read` reads at `key`, with the pointer of `key`, or nil when the object
    /// leaves `key` out.
    func optionalLocated<T>(_ key: String, _ read: (String) throws(KernelError) -> T) throws(KernelError) -> Located<T>? {
        has(key) ? try located(key, read) : nil
    }
}

extension Located where Value: Equatable & CustomStringConvertible {
    /// The failed verdict `summary` with `reason` when this stated value is not the
    /// `computed` one (both named, at this value's pointer); nil when they are equal.
    func mismatch(_ computed: Value, _ summary: String, _ reason: @autoclosure () -> String) -> RuleResult? {
        value == computed ? nil : .fails(summary, reason(), expected: value.description, computed: computed.description, at: pointer)
    }
}

/// The answer of a yes/no statement (`balanced` of `weight-decay`).
enum YesNo: String, FormatWord {
    case yes, no
}

/// The only statement `support-variability` makes: the hypothesis holds.
enum Holds: String, FormatWord {
    case yes
}
