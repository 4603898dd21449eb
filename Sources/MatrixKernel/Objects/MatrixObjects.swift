import CertificateKernel
import ExactArithmetic
import ExactLinearAlgebra

/// A `matrix` object (FORMAT.md sec. 4): an exact rational matrix. The SHA-256 of the
/// source it was taken from, when the certificate records one, is checked for its form
/// only (the kernel does not read the source).
struct KernelMatrix: ExtensionObject {
    let matrix: RationalMatrix
    var kindName: String { "a matrix" }
}

/// A `relu-network` object: a shallow vector-valued ReLU network
/// f(x) = sum_k v_k r(w_k . x + b_k) + c (MATH.md sec. 11).
struct KernelReLUNetwork: ExtensionObject {
    let network: ShallowReLUNetwork
    var kindName: String { "a ReLU network" }
}

/// A `relu-data` object: inputs X (d x N, column i = x_i) and targets Y (D x N).
struct KernelReLUData: ExtensionObject {
    let inputs: RationalMatrix
    let targets: RationalMatrix
    var kindName: String { "ReLU data" }
}

/// The exact-matrix limits of one verification run, taken from the kernel's own
/// limits so that no new flag is needed: a matrix has at most `--max-cells` entries,
/// an entry at most about 3.33 x `--max-digits` bits (as many as a number of that many
/// decimal digits; never more than `BigInt.maximumBitWidth`, which ``MatrixLimits``
/// enforces, so a raised `--max-digits` cannot let an exponent reach GMP's bounds), and
/// one product at most `--max-work` word multiply-adds.
extension VerificationLimits {
    var matrixLimits: MatrixLimits {
        MatrixLimits(
            maximumEntries: maximumCells, maximumEntryBits: ReadingContext.product(maximumDigits, 10) / 3 + 1,
            maximumWork: maximumWork)
    }
}

/// The smallest `--max-digits` setting D whose entry-bit bound floor(10 D / 3) + 1 is at
/// least `bits` (bits <= `BigInt.maximumBitWidth`): D = ceil(3 (bits - 1) / 10).
func digits(forEntryBits bits: Int) -> Int {
    (3 * (max(bits, 1) - 1) + 9) / 10
}

/// Maps an error of the exact linear algebra to a located kernel error: a limit is
/// exit 3 with the flag that raises it, anything else malformed input (exit 2).
///
/// A bit length (of an entry, or an exponent's magnitude) is stated as the `--max-digits`
/// setting that admits it, against the setting in force, so the message says what to
/// raise the flag to; past `BigInt.maximumBitWidth` no setting admits it, and the message
/// says so instead of naming the flag.
func kernelError(_ error: MatrixError, at pointer: JSONPointer, limits: VerificationLimits) -> KernelError {
    switch error {
    case .overLimit(let limit, let needed, let allowed) where limit == .work || limit == .entries:
        let value = needed == Int.max ? "more than \(allowed)" : String(needed)
        return .limitExceeded(
            pointer: pointer, limit: limit == .work ? .work : .cells, value: "\(value) (\(limit))",
            maximum: .exceeded(by: BigInt(needed), of: limit == .work ? .work : .cells, maximum: allowed))
    case .overLimit(let limit, let needed, _) where needed > BigInt.maximumBitWidth:
        let bits = needed == Int.max ? "more than \(BigInt.maximumBitWidth)" : String(needed)
        return .limitExceeded(
            pointer: pointer, limit: .digits, value: "for \(bits) bits (\(limit))",
            maximum: .fixed("of \(BigInt.maximumBitWidth) bits, the largest entry of the exact arithmetic, whatever --max-digits is"))
    case .overLimit(let limit, let needed, _):
        return .limitExceeded(
            pointer: pointer, limit: .digits, value: "\(digits(forEntryBits: needed)) (\(limit): \(needed) bits)",
            maximum: .raisable(limits.maximumDigits))
    default:
        return .malformed(pointer: pointer, expected: "conforming matrices", found: error.description)
    }
}

/// The objects of MATH.md sec. 11-12: their builders (`matrix`, `relu-network`,
/// `relu-data`) and typed references to them.
extension ObjectStore {
    /// The largest row or column count of a `matrix` (sizes are checked against the cell
    /// budget too).
    static let maximumDimension = 1 << 31

    /// A `matrix`: rational entries or the dyadic encoding (FORMAT.md sec. 4.7). Sizes
    /// are charged against the cell budget before anything is allocated; every entry is
    /// exact (a float-like "0.5" is malformed).
    static func buildMatrix(_ store: ObjectStore, _ f: Fields, _ context: ReadingContext) throws(KernelError) -> KernelObject {
        let p = f.pointer
        try f.allowOnly(ObjectKind.matrix.keys)
        let rows = try f.integer("rows", in: 0...maximumDimension, limit: .cells)
        let columns = try f.integer("columns", in: 0...maximumDimension, limit: .cells)
        let count = ReadingContext.product(rows, columns)
        guard count <= context.limits.maximumCells else {
            throw .limitExceeded(
                pointer: p, limit: .cells, value: "\(rows) x \(columns) = \(count) matrix entries",
                maximum: .exceeded(by: BigInt(rows) * BigInt(columns), of: .cells, maximum: context.limits.maximumCells))
        }
        try context.chargeCells(count: count, at: p)
        if let text = try f.optionalString("sha256"),
            text.utf8.count != 64 || !text.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) })
        {
            throw .malformed(
                pointer: p.appending("sha256"), expected: "64 lowercase hexadecimal digits", found: "\"\(Fields.shorten(text))\"")
        }
        _ = try f.optionalString("source")
        guard f.has("entries") != f.has("dyadic") else {
            throw .malformed(
                pointer: p, expected: "exactly one of the fields \"entries\" and \"dyadic\"", found: f.has("entries") ? "both" : "neither")
        }
        let limits = context.limits.matrixLimits
        let matrix: RationalMatrix
        if f.has("entries") {
            let items = try f.array("entries", what: "an array of \(rows) rows")
            let entries = try rowByRow(items, at: p.appending("entries"), rows: rows, columns: columns, of: "numbers") {
                value, at throws(KernelError) in try Fields.rational(value, at: at, context: context)
            }
            do { matrix = try RationalMatrix(rows: rows, columns: columns, entries: entries, limits: limits) } catch {
                throw kernelError(error, at: p.appending("entries"), limits: context.limits)
            }
        } else {
            matrix = try dyadic(try f.fields("dyadic"), rows: rows, columns: columns, context: context)
        }
        return .extended(KernelMatrix(matrix: matrix))
    }

    /// The entries of a rows x columns matrix written as an array of rows (`entries`,
    /// `wide-mantissas`), in row-major order, each read by `read` at its own pointer;
    /// `entries` names what a row holds ("numbers", "integers"). The caller has charged
    /// rows x columns cells.
    private static func rowByRow<Entry>(
        _ items: [JSONValue], at pointer: JSONPointer, rows: Int, columns: Int, of entries: String,
        _ read: (JSONValue, JSONPointer) throws(KernelError) -> Entry
    ) throws(KernelError) -> [Entry] {
        guard items.count == rows else { throw .malformed(pointer: pointer, expected: "\(rows) rows", found: "\(items.count) rows") }
        var result: [Entry] = []
        result.reserveCapacity(rows * columns)
        for (i, item) in items.enumerated() {
            let at = pointer.appending(i)
            guard case .array(let row) = item else {
                throw .malformed(pointer: at, expected: "a row: an array of \(columns) \(entries)", found: Fields.describe(item))
            }
            guard row.count == columns else {
                throw .malformed(
                    pointer: at, expected: "\(columns) entries (the matrix has \(columns) columns)",
                    found: "row \(i) with \(row.count) entries")
            }
            for (j, value) in row.enumerated() { result.append(try read(value, at.appending(j))) }
        }
        return result
    }

    /// Exponents: one integer for all, or one per row (column).
    private static func exponents(_ f: Fields, _ key: String, count: Int, bound: Int) throws(KernelError) -> [Int] {
        let value = try f.value(key)
        let at = f.pointer.appending(key)
        if case .array(let items) = value {
            guard items.count == count else {
                throw .malformed(pointer: at, expected: "\(count) exponents (or one for all)", found: "\(items.count) exponents")
            }
            var result: [Int] = []
            for (i, item) in items.enumerated() { result.append(try exponent(item, at: at.appending(i), bound: bound, f.context)) }
            return result
        }
        return Array(repeating: try exponent(value, at: at, bound: bound, f.context), count: count)
    }

    /// One exponent e: a shift by |e| bits, so |e| is held to the entry-bit bound (exit 3,
    /// with the `--max-digits` setting that admits it).
    private static func exponent(_ value: JSONValue, at: JSONPointer, bound: Int, _ context: ReadingContext) throws(KernelError) -> Int {
        let e = try Fields.bigInteger(value, at: at, context: context)
        guard let n = e.intValue, n.magnitude <= UInt(bound) else {
            let needed = e.magnitude.intValue ?? Int.max
            throw kernelError(
                .overLimit(limit: .bits("exponent magnitude"), needed: needed, allowed: bound), at: at, limits: context.limits)
        }
        return n
    }

    /// The dyadic encoding: entry (i, j) = M[i][j] / 2^(e_i + f_j).
    private static func dyadic(_ f: Fields, rows: Int, columns: Int, context: ReadingContext) throws(KernelError) -> RationalMatrix {
        try f.allowOnly(FormatStructure.dyadicMatrix.keys)
        let limits = context.limits.matrixLimits
        let bound = limits.maximumEntryBits
        let e = try exponents(f, "row-exponents", count: rows, bound: bound)
        let g = try exponents(f, "column-exponents", count: columns, bound: bound)
        guard f.has("mantissas") != f.has("wide-mantissas") else {
            throw .malformed(
                pointer: f.pointer, expected: "exactly one of the fields \"mantissas\" and \"wide-mantissas\"",
                found: f.has("mantissas") ? "both" : "neither")
        }
        let count = rows * columns
        var mantissas: [BigInt] = []
        mantissas.reserveCapacity(count)
        if f.has("mantissas") {
            let text = try f.string("mantissas")
            let at = f.pointer.appending("mantissas")
            let bytes = 8 * count
            let expectedLength = (bytes + 2) / 3 * 4
            guard text.utf8.count == expectedLength else {
                throw .malformed(
                    pointer: at, expected: "\(expectedLength) base64 characters (\(count) signed 64-bit mantissas)",
                    found: "\(text.utf8.count) characters")
            }
            guard let decoded = Base64.decode(text), decoded.count == bytes else {
                throw .malformed(
                    pointer: at, expected: "base64 (RFC 4648, with padding, no line breaks) of \(bytes) bytes", found: "invalid base64")
            }
            for k in 0..<count {
                let m = decoded.withUnsafeBytes { Int64(littleEndian: $0.loadUnaligned(fromByteOffset: 8 * k, as: Int64.self)) }
                guard m != Int64.min else {
                    throw .malformed(
                        pointer: at, expected: "mantissas of magnitude below 2^63 (use \"wide-mantissas\")",
                        found: "-2^63 at row \(k / max(columns, 1)), column \(k % max(columns, 1))")
                }
                mantissas.append(BigInt(Int(m)))
            }
        } else {
            let items = try f.array("wide-mantissas", what: "an array of \(rows) rows of integers")
            mantissas = try rowByRow(items, at: f.pointer.appending("wide-mantissas"), rows: rows, columns: columns, of: "integers") {
                value, at throws(KernelError) in try Fields.bigInteger(value, at: at, context: context)
            }
        }
        do {
            let m = try IntegerMatrix(rows: rows, columns: columns, entries: mantissas, limits: limits)
            return try DyadicMatrix(mantissas: m, rowExponents: e, columnExponents: g, limits: limits).rational(limits: limits)
        } catch {
            throw kernelError(error, at: f.pointer, limits: context.limits)
        }
    }

    /// A `relu-network`: W (K x d), b (K x 1), V (D x K), c (D x 1), all `matrix` names.
    static func buildReLUNetwork(_ store: ObjectStore, _ f: Fields, _ context: ReadingContext) throws(KernelError) -> KernelObject {
        try f.allowOnly(ObjectKind.reluNetwork.keys)
        let p = f.pointer
        let w = try store.matrix(f, "input-weights"), b = try store.matrix(f, "biases")
        let v = try store.matrix(f, "output-weights"), c = try store.matrix(f, "output-bias")
        let K = w.rows, D = v.rows
        guard b.rows == K, b.columns == 1 else {
            throw .malformed(
                pointer: p.appending("biases"), expected: "a \(K) x 1 matrix (input-weights has \(K) rows: the network has \(K) units)",
                found: "a \(b.shape) matrix")
        }
        guard v.columns == K else {
            throw .malformed(
                pointer: p.appending("output-weights"), expected: "a \(D) x \(K) matrix (the network has \(K) units)",
                found: "a \(v.shape) matrix")
        }
        guard c.rows == D, c.columns == 1 else {
            throw .malformed(
                pointer: p.appending("output-bias"),
                expected: "a \(D) x 1 matrix (output-weights has \(D) rows: the network has \(D) outputs)", found: "a \(c.shape) matrix")
        }
        let size = ReadingContext.product(K, w.columns + D + 1) &+ D
        guard size >= 0, size <= f.context.limits.maximumNetworkSize else {
            throw .limitExceeded(
                pointer: p, limit: .networkSize, value: String(size),
                maximum: .exceeded(
                    by: size < 0 ? BigInt(Int.max) : BigInt(size), of: .networkSize, maximum: f.context.limits.maximumNetworkSize))
        }
        do {
            return .extended(
                KernelReLUNetwork(
                    network: try ShallowReLUNetwork(inputWeights: w, biases: b.column(0), outputWeights: v, outputBias: c.column(0))))
        } catch {
            throw kernelError(error, at: p, limits: f.context.limits)
        }
    }

    /// A `relu-data`: X (d x N) and Y (D x N).
    static func buildReLUData(_ store: ObjectStore, _ f: Fields, _ context: ReadingContext) throws(KernelError) -> KernelObject {
        try f.allowOnly(ObjectKind.reluData.keys)
        let x = try store.matrix(f, "inputs"), y = try store.matrix(f, "targets")
        guard y.columns == x.columns else {
            throw .malformed(
                pointer: f.pointer.appending("targets"), expected: "a matrix with \(x.columns) columns (inputs has \(x.columns) points)",
                found: "a \(y.shape) matrix")
        }
        return .extended(KernelReLUData(inputs: x, targets: y))
    }

    /// The matrix that the `matrix` name at `key` of `f` refers to.
    func matrix(_ f: Fields, _ key: String) throws(KernelError) -> RationalMatrix {
        try matrix(try f.value(key), at: f.pointer.appending(key)).matrix
    }

    func matrix(_ value: JSONValue, at pointer: JSONPointer) throws(KernelError) -> KernelMatrix {
        try typed(value, at: pointer, "a matrix") { if case .extended(let m as KernelMatrix) = $0 { return m } else { return nil } }
    }

    func reluNetwork(_ value: JSONValue, at pointer: JSONPointer) throws(KernelError) -> KernelReLUNetwork {
        try typed(value, at: pointer, "a ReLU network") {
            if case .extended(let n as KernelReLUNetwork) = $0 { return n } else { return nil }
        }
    }

    func reluData(_ value: JSONValue, at pointer: JSONPointer) throws(KernelError) -> KernelReLUData {
        try typed(value, at: pointer, "ReLU data") { if case .extended(let d as KernelReLUData) = $0 { return d } else { return nil } }
    }
}

/// Strict base64 (RFC 4648 sec. 4: the standard alphabet, padding required, no line breaks).
enum Base64 {
    static func decode(_ text: String) -> [UInt8]? {
        let input = Array(text.utf8)
        guard input.count % 4 == 0 else { return nil }
        func value(_ c: UInt8) -> UInt32? {
            switch c {
            case 65...90: return UInt32(c - 65)
            case 97...122: return UInt32(c - 71)
            case 48...57: return UInt32(c + 4)
            case 43: return 62
            case 47: return 63
            default: return nil
            }
        }
        // "=" pads the last group only, once or twice, and the bits it stands for must be
        // zero (one encoding per byte string).
        let pad = input.last == 61 ? (input[input.count - 2] == 61 ? 2 : 1) : 0
        var out: [UInt8] = []
        out.reserveCapacity(input.count / 4 * 3)
        for start in stride(from: 0, to: input.count, by: 4) {
            let p = start + 4 == input.count ? pad : 0
            var word: UInt32 = 0
            for c in input[start..<(start + 4 - p)] {
                guard let v = value(c) else { return nil }
                word = word << 6 | v
            }
            word <<= 6 * p
            guard word & (1 << (8 * p) - 1) == 0 else { return nil }
            for shift in stride(from: 16, through: 8 * p, by: -8) { out.append(UInt8(word >> shift & 0xFF)) }
        }
        return out
    }
}
