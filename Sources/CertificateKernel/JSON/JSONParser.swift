/// The strict JSON parser of the certificate kernel (RFC 8259, no extensions).
///
/// A document is exactly one value with optional whitespace (space, tab, LF, CR)
/// around it, in well-formed UTF-8 without a byte order mark. Strings allow only the
/// escapes of the RFC, `\u` surrogates only in high-low pairs, and no raw control
/// characters; numbers follow the JSON grammar and keep their text; an object may
/// not repeat a key. There are no comments, trailing commas, single quotes, `NaN` or
/// `Infinity`. Sizes are bounded by ``JSONLimits``.
///
/// The parser is iterative (nesting depth costs heap, never stack), reads bytes
/// without decoding them to `Character`s, and builds each `String` from a slice of
/// the input (or, for strings with escapes, from one reused byte buffer).
///
/// ```swift
/// let value = try JSONParser.parse(Array(#"{"claims": [{"id": "c1"}]}"#.utf8))
/// ```
public enum JSONParser {
    /// Parses a complete JSON document.
    ///
    /// Throws a ``JSONSyntaxError`` with the place and the kind of the first problem;
    /// a document larger than `limits.maximumBytes` is rejected before parsing.
    public static func parse(
        _ bytes: some Collection<UInt8>,
        limits: JSONLimits = JSONLimits()
    ) throws(JSONSyntaxError) -> JSONValue {
        let maximumBytes = max(0, limits.maximumBytes)
        if bytes.count > maximumBytes {
            throw JSONSyntaxError(
                kind: .tooLarge(limit: maximumBytes),
                offset: 0, line: 1, column: 1, pointer: .root
            )
        }
        let contiguous = bytes.withContiguousStorageIfAvailable { buffer in
            parse(buffer: buffer, limits: limits)
        }
        if let contiguous {
            return try contiguous.get()
        }
        let copy = Array(bytes)
        return try copy.withUnsafeBufferPointer { buffer in
            parse(buffer: buffer, limits: limits)
        }.get()
    }

    /// Parses a complete JSON document given as text (its UTF-8 bytes).
    public static func parse(
        _ text: String,
        limits: JSONLimits = JSONLimits()
    ) throws(JSONSyntaxError) -> JSONValue {
        try parse(text.utf8, limits: limits)
    }

    private static func parse(
        buffer: UnsafeBufferPointer<UInt8>,
        limits: JSONLimits
    ) -> Result<JSONValue, JSONSyntaxError> {
        var state = _JSONParserState(buffer, limits: limits)
        do {
            return .success(try state.parseDocument())
        } catch {
            return .failure(error)
        }
    }
}

/// Byte values of the JSON grammar.
enum _ASCII {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let minus: UInt8 = 0x2D
    static let period: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let zero: UInt8 = 0x30
    static let one: UInt8 = 0x31
    static let nine: UInt8 = 0x39
    static let colon: UInt8 = 0x3A
    static let upperE: UInt8 = 0x45
    static let openBracket: UInt8 = 0x5B
    static let backslash: UInt8 = 0x5C
    static let closeBracket: UInt8 = 0x5D
    static let lowerB: UInt8 = 0x62
    static let lowerE: UInt8 = 0x65
    static let lowerF: UInt8 = 0x66
    static let lowerN: UInt8 = 0x6E
    static let lowerR: UInt8 = 0x72
    static let lowerT: UInt8 = 0x74
    static let lowerU: UInt8 = 0x75
    static let openBrace: UInt8 = 0x7B
    static let closeBrace: UInt8 = 0x7D

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte &- zero < 10
    }
}

/// The numeral grammar `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
enum _JSONNumberScanner {
    enum Outcome {
        /// A numeral from the start up to (not including) `end`.
        case success(end: Int)
        /// The grammar breaks at `offset`.
        case failure(JSONSyntaxError.NumberProblem, offset: Int)
    }

    /// Scans the longest numeral starting at `start`; the numeral ends at the first
    /// byte that cannot continue it.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Outcome {
        let count = bytes.count
        @inline(__always) func byte(_ index: Int) -> UInt8 {
            index < count ? bytes[index] : 0
        }
        var index = start
        if byte(index) == _ASCII.minus {
            index += 1
        }
        let first = byte(index)
        if first == _ASCII.zero {
            index += 1
            if _ASCII.isDigit(byte(index)) {
                return .failure(.leadingZero, offset: index)
            }
        } else if _ASCII.isDigit(first) {
            index += 1
            while _ASCII.isDigit(byte(index)) {
                index += 1
            }
        } else {
            return .failure(.missingIntegerDigits, offset: index)
        }
        if byte(index) == _ASCII.period {
            index += 1
            guard _ASCII.isDigit(byte(index)) else {
                return .failure(.missingFractionDigits, offset: index)
            }
            while _ASCII.isDigit(byte(index)) {
                index += 1
            }
        }
        let exponent = byte(index)
        if exponent == _ASCII.lowerE || exponent == _ASCII.upperE {
            index += 1
            let sign = byte(index)
            if sign == _ASCII.plus || sign == _ASCII.minus {
                index += 1
            }
            guard _ASCII.isDigit(byte(index)) else {
                return .failure(.missingExponentDigits, offset: index)
            }
            while _ASCII.isDigit(byte(index)) {
                index += 1
            }
        }
        return .success(end: index)
    }
}

/// The state of one parse: the input, the read position and the open containers.
///
/// Every read goes through `byte(_:)`, which answers 0 past the end (0 is never
/// valid where the parser looks it up, so each such place then tells the end of
/// input from a real NUL byte), or is guarded by an explicit comparison with
/// `count`; positions only grow from 0, so no read leaves the buffer.
struct _JSONParserState {
    /// An array or object being read.
    struct Frame {
        let isObject: Bool
        /// Whether a member value (the element at `elements.count`, or the value of
        /// `currentKey`) is being read, so error pointers include its token.
        var inMember = false
        /// The elements of an array, or the values of an object.
        var elements: [JSONValue] = []
        /// The keys of an object, in order.
        var keys: [String] = []
        /// The position of each key of an object.
        var positions: [String: Int] = [:]
        /// The key of the member being read.
        var currentKey = ""

        init(isObject: Bool) {
            self.isObject = isObject
        }
    }

    typealias Kind = JSONSyntaxError.Kind
    typealias Expectation = JSONSyntaxError.Expectation

    let bytes: UnsafeBufferPointer<UInt8>
    let count: Int
    let maximumDepth: Int
    let maximumStringBytes: Int
    var position = 0
    var frames: [Frame] = []
    /// The decoded bytes of a string with escapes, reused from string to string.
    var scratch: [UInt8] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>, limits: JSONLimits) {
        self.bytes = bytes
        count = bytes.count
        maximumDepth = max(0, limits.maximumDepth)
        maximumStringBytes = max(0, limits.maximumStringBytes)
    }

    /// The byte at `index`, or 0 past the end.
    @inline(__always)
    func byte(_ index: Int) -> UInt8 {
        index < count ? bytes[index] : 0
    }

    // MARK: Document

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        if count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            throw error(.byteOrderMark, at: 0)
        }
        nextValue: while true {
            skipWhitespace()
            var value: JSONValue
            switch byte(position) {
            case _ASCII.openBrace:
                try openContainer(isObject: true)
                skipWhitespace()
                let next = byte(position)
                if next == _ASCII.closeBrace {
                    position += 1
                    frames.removeLast()
                    value = .object(JSONObject())
                } else if next == _ASCII.quote {
                    try readKey()
                    continue nextValue
                } else {
                    throw unexpected(.keyOrObjectEnd)
                }
            case _ASCII.openBracket:
                try openContainer(isObject: false)
                skipWhitespace()
                if byte(position) == _ASCII.closeBracket {
                    position += 1
                    frames.removeLast()
                    value = .array([])
                } else {
                    frames[frames.count - 1].inMember = true
                    continue nextValue
                }
            case _ASCII.quote:
                value = .string(try readString())
            case _ASCII.minus, _ASCII.zero..._ASCII.nine:
                value = try readNumber()
            case _ASCII.lowerT:
                try readLiteral(_Literal.true, "true")
                value = .bool(true)
            case _ASCII.lowerF:
                try readLiteral(_Literal.false, "false")
                value = .bool(false)
            case _ASCII.lowerN:
                try readLiteral(_Literal.null, "null")
                value = .null
            default:
                // Only just after `[` is an array at a value position still empty.
                let afterOpenBracket = frames.last.map { !$0.isObject && $0.elements.isEmpty } ?? false
                throw unexpected(afterOpenBracket ? .valueOrArrayEnd : .value)
            }

            // A value is complete: add it to its container, then read what follows,
            // closing containers until one continues with another member.
            while !frames.isEmpty {
                let top = frames.count - 1
                frames[top].inMember = false
                frames[top].elements.append(value)
                skipWhitespace()
                let next = byte(position)
                if frames[top].isObject {
                    if next == _ASCII.comma {
                        position += 1
                        skipWhitespace()
                        guard byte(position) == _ASCII.quote else { throw unexpected(.key) }
                        try readKey()
                        continue nextValue
                    }
                    guard next == _ASCII.closeBrace else { throw unexpected(.commaOrObjectEnd) }
                    position += 1
                    let frame = frames.removeLast()
                    value = .object(
                        JSONObject(uniqueKeys: frame.keys, values: frame.elements, positions: frame.positions)
                    )
                } else {
                    if next == _ASCII.comma {
                        position += 1
                        frames[top].inMember = true
                        continue nextValue
                    }
                    guard next == _ASCII.closeBracket else { throw unexpected(.commaOrArrayEnd) }
                    position += 1
                    value = .array(frames.removeLast().elements)
                }
            }
            skipWhitespace()
            if position < count {
                throw error(.trailingContent, at: position)
            }
            return value
        }
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while position < count {
            let next = bytes[position]
            guard
                next == _ASCII.space || next == _ASCII.lineFeed
                    || next == _ASCII.carriageReturn || next == _ASCII.tab
            else { return }
            position += 1
        }
    }

    /// Opens an array or object at `position` (its bracket), if the depth allows.
    mutating func openContainer(isObject: Bool) throws(JSONSyntaxError) {
        if frames.count >= maximumDepth {
            throw error(.tooDeep(limit: maximumDepth), at: position)
        }
        frames.append(Frame(isObject: isObject))
        position += 1
    }

    /// Reads a key (at its opening quote), checks it is new, and reads the colon.
    mutating func readKey() throws(JSONSyntaxError) {
        let keyOffset = position
        let key = try readString()
        let top = frames.count - 1
        if frames[top].positions.updateValue(frames[top].keys.count, forKey: key) != nil {
            throw error(.duplicateKey(key), at: keyOffset, pointer: currentPointer().appending(key))
        }
        frames[top].keys.append(key)
        skipWhitespace()
        guard byte(position) == _ASCII.colon else { throw unexpected(.colon) }
        position += 1
        frames[top].currentKey = key
        frames[top].inMember = true
    }

    // MARK: Scalars

    enum _Literal {
        static let `true`: [UInt8] = Array("true".utf8)
        static let `false`: [UInt8] = Array("false".utf8)
        static let null: [UInt8] = Array("null".utf8)
    }

    mutating func readLiteral(_ word: [UInt8], _ text: String) throws(JSONSyntaxError) {
        for expected in word {
            guard byte(position) == expected else { throw unexpected(.literal(text)) }
            position += 1
        }
    }

    mutating func readNumber() throws(JSONSyntaxError) -> JSONValue {
        let start = position
        switch _JSONNumberScanner.scan(bytes, from: start) {
        case .success(let end):
            position = end
            return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
        case .failure(let problem, let offset):
            throw error(.invalidNumber(problem), at: offset)
        }
    }

    /// Reads a string at its opening quote and returns its decoded text.
    mutating func readString() throws(JSONSyntaxError) -> String {
        let open = position
        let contentStart = open + 1
        let limit = maximumStringBytes
        // Reading stops at `stop` to check the limit before going on.
        let stop = limit < count - contentStart ? contentStart + limit : count
        var index = contentStart
        var runStart = contentStart
        var hasEscapes = false
        while true {
            // Eight plain ASCII bytes at a time (no quote, backslash, control or
            // non-ASCII byte among them).
            if let base = UnsafeRawPointer(bytes.baseAddress) {
                while stop - index >= 8 {
                    let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    let high: UInt64 = 0x8080_8080_8080_8080
                    let ones: UInt64 = 0x0101_0101_0101_0101
                    let control = (word &- 0x2020_2020_2020_2020) & ~word
                    let quotes = word ^ 0x2222_2222_2222_2222
                    let backslashes = word ^ 0x5C5C_5C5C_5C5C_5C5C
                    let special =
                        word | control
                        | ((quotes &- ones) & ~quotes)
                        | ((backslashes &- ones) & ~backslashes)
                    if special & high != 0 { break }
                    index += 8
                }
            }
            if index >= stop {
                if index - contentStart > limit || (index < count && bytes[index] != _ASCII.quote) {
                    throw error(.stringTooLong(limit: limit), at: open)
                }
                if index >= count {
                    throw error(.unexpectedEnd(expected: .closingQuote), at: count)
                }
            }
            let next = bytes[index]
            if next == _ASCII.quote {
                break
            } else if next == _ASCII.backslash {
                if !hasEscapes {
                    hasEscapes = true
                    scratch.removeAll(keepingCapacity: true)
                }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                index = try readEscape(at: index)
                runStart = index
            } else if next < 0x20 {
                throw error(.controlCharacterInString(next), at: index)
            } else if next < 0x80 {
                index += 1
            } else {
                let length = utf8SequenceLength(at: index)
                if length == 0 {
                    throw error(.invalidUTF8, at: index)
                }
                index += length
            }
        }
        position = index + 1
        if hasEscapes {
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            return String(decoding: scratch, as: UTF8.self)
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<index]), as: UTF8.self)
    }

    /// Decodes the escape sequence at `start` (its backslash) into `scratch` and
    /// returns the index after it.
    mutating func readEscape(at start: Int) throws(JSONSyntaxError) -> Int {
        let letter = byte(start + 1)
        let decoded: UInt8
        switch letter {
        case _ASCII.quote, _ASCII.backslash, _ASCII.slash: decoded = letter
        case _ASCII.lowerB: decoded = 0x08
        case _ASCII.lowerF: decoded = 0x0C
        case _ASCII.lowerN: decoded = 0x0A
        case _ASCII.lowerR: decoded = 0x0D
        case _ASCII.lowerT: decoded = 0x09
        case _ASCII.lowerU:
            return try readUnicodeEscape(at: start)
        default:
            if start + 1 >= count {
                throw error(.unexpectedEnd(expected: .escapeSequence), at: count)
            }
            throw error(.invalidEscape, at: start)
        }
        scratch.append(decoded)
        return start + 2
    }

    /// Decodes `\uXXXX` (or a surrogate pair `\uD8XX\uDCXX`) at `start` into `scratch`.
    mutating func readUnicodeEscape(at start: Int) throws(JSONSyntaxError) -> Int {
        let unit = try readHex4(at: start)
        var end = start + 6
        var scalarValue = unit
        if unit >= 0xD800 && unit <= 0xDBFF {
            if end >= count {
                throw error(.unexpectedEnd(expected: .escapeSequence), at: count)
            }
            guard byte(end) == _ASCII.backslash else { throw error(.invalidSurrogate, at: start) }
            if end + 1 >= count {
                throw error(.unexpectedEnd(expected: .escapeSequence), at: count)
            }
            guard byte(end + 1) == _ASCII.lowerU else { throw error(.invalidSurrogate, at: start) }
            let low = try readHex4(at: end)
            guard low >= 0xDC00 && low <= 0xDFFF else { throw error(.invalidSurrogate, at: start) }
            scalarValue = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            end += 6
        } else if unit >= 0xDC00 && unit <= 0xDFFF {
            throw error(.invalidSurrogate, at: start)
        }
        appendUTF8(scalarValue)
        return end
    }

    /// The value of the four hex digits after `\u` at `start` (its backslash).
    func readHex4(at start: Int) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for index in (start + 2)..<(start + 6) {
            if index >= count {
                throw error(.unexpectedEnd(expected: .escapeSequence), at: count)
            }
            let digit = bytes[index]
            let nibble: UInt8
            switch digit {
            case 0x30...0x39: nibble = digit - 0x30
            case 0x41...0x46: nibble = digit - 0x41 + 10
            case 0x61...0x66: nibble = digit - 0x61 + 10
            default: throw error(.invalidEscape, at: start)
            }
            value = value << 4 | UInt32(nibble)
        }
        return value
    }

    /// Appends the UTF-8 encoding of a scalar value (at most 0x10FFFF, no surrogate).
    mutating func appendUTF8(_ value: UInt32) {
        switch value {
        case 0..<0x80:
            scratch.append(UInt8(truncatingIfNeeded: value))
        case 0x80..<0x800:
            scratch.append(UInt8(truncatingIfNeeded: 0xC0 | value >> 6))
            scratch.append(UInt8(truncatingIfNeeded: 0x80 | value & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(truncatingIfNeeded: 0xE0 | value >> 12))
            scratch.append(UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F))
            scratch.append(UInt8(truncatingIfNeeded: 0x80 | value & 0x3F))
        default:
            scratch.append(UInt8(truncatingIfNeeded: 0xF0 | value >> 18))
            scratch.append(UInt8(truncatingIfNeeded: 0x80 | value >> 12 & 0x3F))
            scratch.append(UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F))
            scratch.append(UInt8(truncatingIfNeeded: 0x80 | value & 0x3F))
        }
    }

    // MARK: UTF-8

    /// The length of the well-formed UTF-8 sequence of two to four bytes at `index`
    /// (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF), or 0.
    @inline(__always)
    func utf8SequenceLength(at index: Int) -> Int {
        @inline(__always) func isContinuation(_ byte: UInt8) -> Bool {
            byte & 0xC0 == 0x80
        }
        let second = byte(index + 1)
        switch byte(index) {
        case 0xC2...0xDF:
            return isContinuation(second) ? 2 : 0
        case 0xE0:
            return (0xA0...0xBF).contains(second) && isContinuation(byte(index + 2)) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return isContinuation(second) && isContinuation(byte(index + 2)) ? 3 : 0
        case 0xED:
            return (0x80...0x9F).contains(second) && isContinuation(byte(index + 2)) ? 3 : 0
        case 0xF0:
            return (0x90...0xBF).contains(second) && isContinuation(byte(index + 2))
                && isContinuation(byte(index + 3)) ? 4 : 0
        case 0xF1...0xF3:
            return isContinuation(second) && isContinuation(byte(index + 2))
                && isContinuation(byte(index + 3)) ? 4 : 0
        case 0xF4:
            return (0x80...0x8F).contains(second) && isContinuation(byte(index + 2))
                && isContinuation(byte(index + 3)) ? 4 : 0
        default:
            return 0
        }
    }

    /// The scalar of the well-formed UTF-8 sequence at `index`, or nil.
    func scalar(at index: Int) -> Unicode.Scalar? {
        let lead = byte(index)
        if lead < 0x80 {
            return Unicode.Scalar(lead)
        }
        let length = utf8SequenceLength(at: index)
        guard length > 0 else { return nil }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length {
            value = value << 6 | UInt32(byte(index + offset) & 0x3F)
        }
        return Unicode.Scalar(value)
    }

    // MARK: Errors

    /// The pointer of the value being read.
    func currentPointer() -> JSONPointer {
        var tokens: [String] = []
        for frame in frames where frame.inMember {
            tokens.append(frame.isObject ? frame.currentKey : String(frame.elements.count))
        }
        return JSONPointer(tokens: tokens)
    }

    /// The error for what stands at `position` where `expected` should.
    func unexpected(_ expected: Expectation) -> JSONSyntaxError {
        guard position < count else {
            return error(.unexpectedEnd(expected: expected), at: count)
        }
        guard let found = scalar(at: position) else {
            return error(.invalidUTF8, at: position)
        }
        return error(.unexpectedCharacter(found, expected: expected), at: position)
    }

    func error(_ kind: Kind, at offset: Int) -> JSONSyntaxError {
        error(kind, at: offset, pointer: currentPointer())
    }

    func error(_ kind: Kind, at offset: Int, pointer: JSONPointer) -> JSONSyntaxError {
        var line = 1
        var lineStart = 0
        var index = 0
        let end = min(offset, count)
        while index < end {
            if bytes[index] == _ASCII.lineFeed {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        return JSONSyntaxError(kind: kind, offset: offset, line: line, column: offset - lineStart + 1, pointer: pointer)
    }
}
