import ExactArithmetic

/// Why data does not describe a valid object of this library.
///
/// Every initializer that accepts data from outside (certificates, command-line
/// arguments) throws one of these instead of trapping. Indices refer to positions in
/// the arrays passed in, so a caller can point at the offending element.
public enum DyadicFunctionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Fewer than two breakpoints (a function on [0,1) needs 0 and 1).
    case tooFewBreakpoints(count: Int)
    /// The first breakpoint is not 0.
    case firstBreakpointNotZero(Rational)
    /// The last breakpoint is not 1.
    case lastBreakpointNotOne(Rational)
    /// Breakpoint `index` is not greater than the one before it.
    case breakpointsNotIncreasing(index: Int)
    /// An array has the wrong length.
    case countMismatch(what: String, expected: Int, found: Int)
    /// A level outside the supported range.
    case levelOutOfRange(level: Int, range: ClosedRange<Int>)
    /// An index outside its range.
    case indexOutOfRange(what: String, index: Int, range: Range<Int>)
    /// A value that must be +1 or -1 is not, at `index`.
    case notSignValued(index: Int, value: Rational)
    /// The function is not a dyadic step function of the required level.
    case notDyadicOfLevel(level: Int)
    /// A value that must be a dyadic rational is not, at `index`.
    case notDyadic(index: Int, value: Rational)
    /// An amplitude that must be positive is not, at `index`.
    case nonPositiveAmplitude(index: Int, value: Rational)
    /// A point outside the domain [0, 1).
    case pointOutsideDomain(Rational)
    /// A value of an inner function lies outside the domain of the outer one.
    case compositionOutsideDomain(Rational)
    /// A hexadecimal bit string that is malformed.
    case malformedBitString(String)
    /// Readout indices must be distinct.
    case duplicateReadout(index: Int, value: Int)
    /// A network that breaks the conventions of MATH.md sec. 8.
    case malformedNetwork(String)
    /// A continuous function was required.
    case notContinuous(at: Rational)
    /// A parameter outside its allowed range.
    case invalidParameter(String)

    public var description: String {
        switch self {
        case .tooFewBreakpoints(let n): return "a step function needs at least the breakpoints 0 and 1 (found \(n) breakpoints)"
        case .firstBreakpointNotZero(let t): return "the first breakpoint must be 0, found \(t)"
        case .lastBreakpointNotOne(let t): return "the last breakpoint must be 1, found \(t)"
        case .breakpointsNotIncreasing(let i): return "breakpoint \(i) is not greater than breakpoint \(i - 1)"
        case .countMismatch(let what, let expected, let found): return "\(what): expected \(expected), found \(found)"
        case .levelOutOfRange(let level, let range): return "level \(level) is outside \(range.lowerBound)...\(range.upperBound)"
        case .indexOutOfRange(let what, let index, let range):
            return "\(what) \(index) is outside \(range.lowerBound)..<\(range.upperBound)"
        case .notSignValued(let i, let v): return "value \(i) is \(v), but only +1 and -1 are allowed"
        case .notDyadicOfLevel(let level): return "not a dyadic step function of level \(level)"
        case .notDyadic(let i, let v): return "value \(i) is \(v), which is not a dyadic rational"
        case .nonPositiveAmplitude(let i, let v): return "amplitude \(i) is \(v), but amplitudes must be positive"
        case .pointOutsideDomain(let x): return "the point \(x) is outside [0, 1)"
        case .compositionOutsideDomain(let y): return "the inner function takes the value \(y), outside the outer function's domain [0, 1)"
        case .malformedBitString(let why): return "malformed bit string: \(why)"
        case .duplicateReadout(let i, let m): return "readout \(i) repeats the index \(m); readout indices must be distinct"
        case .malformedNetwork(let why): return "malformed network: \(why)"
        case .notContinuous(let x): return "the function is not continuous at \(x)"
        case .invalidParameter(let why): return why
        }
    }

    /// Throws ``levelOutOfRange(level:range:)`` unless `range` contains `level`.
    static func checkLevel(_ level: Int, in range: ClosedRange<Int>) throws(DyadicFunctionError) {
        guard range.contains(level) else { throw .levelOutOfRange(level: level, range: range) }
    }

    /// Throws ``indexOutOfRange(what:index:range:)`` unless `range` contains `index`.
    static func checkIndex(_ what: String, _ index: Int, in range: Range<Int>) throws(DyadicFunctionError) {
        guard range.contains(index) else { throw .indexOutOfRange(what: what, index: index, range: range) }
    }

    /// Throws ``countMismatch(what:expected:found:)`` unless `found` equals `expected`.
    static func checkCount(_ what: String, expected: Int, found: Int) throws(DyadicFunctionError) {
        guard found == expected else { throw .countMismatch(what: what, expected: expected, found: found) }
    }
}
