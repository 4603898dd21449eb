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
        let name = try fields.identifier(key)
        return (name, try context.objects.reluNetwork(try fields.value(key), at: at(key)).network)
    }

    func data(_ key: String = "data") throws(KernelError) -> (name: String, value: KernelReLUData) {
        let name = try fields.identifier(key)
        return (name, try context.objects.reluData(try fields.value(key), at: at(key)))
    }

    func matrix(_ key: String) throws(KernelError) -> (name: String, value: RationalMatrix) {
        let name = try fields.identifier(key)
        return (name, try context.objects.matrix(try fields.value(key), at: at(key)).matrix)
    }

    /// The certified duality gap a screening claim builds on: the fact of the claim `id`
    /// in `uses` whose meaning has `measure` and a lambda (found by meaning, not by rule
    /// name), with that lambda and its upper bound G. nil when there is none.
    func gap(_ id: String, measure: Measure) -> (fact: Fact, lambda: Rational, bound: Rational)? {
        guard let fact = context.used[id]?.facts.first(where: { $0.meaning.measure == measure && $0.meaning.lambda != nil }),
            let lambda = fact.meaning.lambda, let bound = fact.bound.upper
        else { return nil }
        return (fact, lambda, bound)
    }

    /// The `gap` input `id` of a screening claim (`lasso-screen`, `mtl-screen`): the
    /// certified gap it builds on, or why the claim cannot use it (not listed in `uses`,
    /// or not a claim of `rule` with a subject of `subjectCounts` names). The caller
    /// fails with that reason before it reads anything else.
    func screeningGap(_ id: String, measure: Measure, subjectCounts: ClosedRange<Int>, rule: String) -> ScreeningClaim<UsedGap> {
        guard context.used[id] != nil else {
            return .unusableGap(UnusableGap(id: id, reason: "refers to claim \(id), which is not listed in \"uses\"", pointer: at("gap")))
        }
        guard let (fact, lambda, bound) = gap(id, measure: measure), subjectCounts.contains(fact.meaning.subject.count) else {
            return .unusableGap(UnusableGap(id: id, reason: "claim \(id) is not a \(rule) claim", pointer: at("gap")))
        }
        return .usable(UsedGap(fact: fact, lambda: lambda, bound: bound))
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

    /// A list of exactly `count` rationals (per-unit bounds), each non-negative when asked.
    func rationals(_ key: String, count: Int, what: String, nonNegative: Bool = false) throws(KernelError) -> [Rational] {
        let items = try fields.array(key, what: "an array of \(count) numbers (\(what))")
        guard items.count == count else {
            throw .malformed(pointer: at(key), expected: "\(count) numbers (\(what))", found: "\(items.count) numbers")
        }
        var result: [Rational] = []
        result.reserveCapacity(count)
        for (i, item) in items.enumerated() {
            let value = try Fields.rational(item, at: at(key).appending(i), context: fields.context)
            if nonNegative, value.signum < 0 {
                throw .malformed(pointer: at(key).appending(i), expected: "a non-negative number", found: value.description)
            }
            result.append(value)
        }
        return result
    }

    /// Distinct indices in 0..<count, in the order given.
    func indices(_ key: String, below count: Int, what: String) throws(KernelError) -> [Int] {
        guard count > 0 else {
            let items = try fields.array(key)
            guard items.isEmpty else {
                throw .malformed(pointer: at(key), expected: "no \(what) (there are none)", found: "\(items.count) indices")
            }
            return []
        }
        let list = try fields.integers(key, in: 0...(count - 1))
        var seen = Set<Int>()
        for (i, k) in list.enumerated() where !seen.insert(k).inserted {
            throw .malformed(pointer: at(key).appending(i), expected: "distinct \(what)", found: "\(k) a second time")
        }
        return list
    }

    /// Charges `steps` of work (saturating) before a computation.
    func charge(_ factors: Int...) throws(KernelError) {
        var total = 1
        for f in factors {
            let (p, o) = total.multipliedReportingOverflow(by: max(f, 1))
            total = o ? Int.max : p
        }
        try context.readingContext.chargeWork(total, at: fields.pointer)
    }

    /// Runs exact matrix work, mapping its errors to located kernel errors.
    func run<T>(_ body: () throws(MatrixError) -> T) throws(KernelError) -> T {
        try context.matrixWork(at: fields.pointer, body)
    }

    /// Checks that the network's input dimension is the data's and charges the work of
    /// computing its features Phi on the data (done later by a pure check).
    func chargeFeatures(_ network: ShallowReLUNetwork, on data: KernelReLUData, networkKey: String = "network") throws(KernelError) {
        guard data.inputs.rows == network.inputDimension else {
            throw .malformed(
                pointer: at(networkKey),
                expected: "a network with \(data.inputs.rows) inputs (the data's points have dimension \(data.inputs.rows))",
                found: "a network with \(network.inputDimension) inputs")
        }
        try charge(network.units, network.inputDimension, data.inputs.columns)
    }

    /// Charges the work of the outputs V Phi + c 1^T (D x N) on `points` points (computed
    /// later by a pure check).
    func chargeOutputs(_ network: ShallowReLUNetwork, points: Int) throws(KernelError) {
        try charge(network.outputDimension, network.units, points)
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
}

/// What a screening claim (`lasso-screen`, `mtl-screen`) decodes to: why its `gap`
/// input cannot be used (the claim fails before anything else is read), or `Value`,
/// the used gap (``UsedGap``) and then the whole decoded claim.
enum ScreeningClaim<Value> {
    case unusableGap(UnusableGap)
    case usable(Value)
}

/// A `gap` input a screening claim cannot use; the claim fails with `reason` at `pointer`.
struct UnusableGap {
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

/// Statement figures: an integer the kernel computes, checked against the statement.
extension Fields {
    /// The stated integer at `key`, or nil when the statement leaves it out.
    func optionalCount(_ key: String) throws(KernelError) -> Int? {
        has(key) ? try integer(key, in: 0...Int.max) : nil
    }

    /// A "yes" or "no" at `key`, if stated.
    func optionalYesNo(_ key: String) throws(KernelError) -> Bool? {
        has(key) ? (try word(key, YesNo.self)) == .yes : nil
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

/// Where (output d, point i) two D x N matrices first differ, with both values.
func firstDifference(_ a: RationalMatrix, _ b: RationalMatrix, limits: MatrixLimits) throws(MatrixError) -> (
    output: Int, point: Int, left: Rational, right: Rational
)? {
    let difference = try a.subtracting(b, limits: limits)
    for d in 0..<difference.rows {
        for i in 0..<difference.columns where !difference.isZero(d, i) { return (d, i, a[d, i], b[d, i]) }
    }
    return nil
}
