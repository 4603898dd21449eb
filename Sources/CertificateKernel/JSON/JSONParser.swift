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
            throw JSONSyntaxError(kind: .tooLarge(limit: maximumBytes), offset: 0, line: 1, column: 1, pointer: .root)
        }
        func run(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, JSONSyntaxError> {
            var state = _JSONParserState(
                bytes: buffer, count: buffer.count, maximumDepth: max(0, limits.maximumDepth),
                maximumStringBytes: max(0, limits.maximumStringBytes))
            return Result { () throws(JSONSyntaxError) in try state.parseDocument() }
        }
        // A collection without contiguous storage is copied into an array first.
        return try (bytes.withContiguousStorageIfAvailable(run) ?? Array(bytes).withUnsafeBufferPointer(run)).get()
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
        var index = start
        /// The byte at `index`, or 0 past the end.
        func next() -> UInt8 { index < bytes.count ? bytes[index] : 0 }
        func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
        /// Skips the digits at `index`; whether there was one.
        func skipDigits() -> Bool {
            let first = index
            while isDigit(next()) { index += 1 }
            return index > first
        }
        if next() == UInt8(ascii: "-") { index += 1 }
        if next() == UInt8(ascii: "0") {
            index += 1
            if isDigit(next()) { return .failure(.leadingZero, offset: index) }
        } else if !skipDigits() {
            return .failure(.missingIntegerDigits, offset: index)
        }
        if next() == UInt8(ascii: ".") {
            index += 1
            guard skipDigits() else { return .failure(.missingFractionDigits, offset: index) }
        }
        if next() == UInt8(ascii: "e") || next() == UInt8(ascii: "E") {
            index += 1
            if next() == UInt8(ascii: "+") || next() == UInt8(ascii: "-") { index += 1 }
            guard skipDigits() else { return .failure(.missingExponentDigits, offset: index) }
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
        /// the last key) is being read, so error pointers include its token.
        var inMember = false
        /// The elements of an array, or the values of an object.
        var elements: [JSONValue] = []
        /// The keys of an object, in order; while `inMember`, the last is the key of
        /// the member being read.
        var keys: [String] = []
        /// The position of each key of an object.
        var positions: [JSONKey: Int] = [:]

        /// The byte that closes this container.
        var closing: UInt8 { isObject ? UInt8(ascii: "}") : UInt8(ascii: "]") }
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let count: Int
    let maximumDepth: Int
    let maximumStringBytes: Int
    var position = 0
    var frames: [Frame] = []
    /// The decoded bytes of a string with escapes, reused from string to string.
    var scratch: [UInt8] = []

    /// The byte at `index`, or 0 past the end.
    @inline(__always)
    func byte(_ index: Int) -> UInt8 {
        index < count ? bytes[index] : 0
    }

    // MARK: Document

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            throw error(.byteOrderMark, at: 0)
        }
        nextValue: while true {
            skipWhitespace()
            var value: JSONValue
            switch byte(position) {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if frames.count >= maximumDepth {
                    throw error(.tooDeep(limit: maximumDepth), at: position)
                }
                let isObject = byte(position) == UInt8(ascii: "{")
                frames.append(Frame(isObject: isObject))
                position += 1
                skipWhitespace()
                guard byte(position) == frames[frames.count - 1].closing else {
                    try beginMember(orElse: .keyOrObjectEnd)
                    continue nextValue
                }
                position += 1
                frames.removeLast()
                value = isObject ? .object(JSONObject()) : .array([])
            case UInt8(ascii: "\""):
                value = .string(try readString())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = try readNumber()
            case UInt8(ascii: "t"):
                value = try readLiteral("true", .bool(true))
            case UInt8(ascii: "f"):
                value = try readLiteral("false", .bool(false))
            case UInt8(ascii: "n"):
                value = try readLiteral("null", .null)
            default:
                // Only just after `[` is an array at a value position still empty.
                let afterOpenBracket = frames.last.map { !$0.isObject && $0.elements.isEmpty } ?? false
                throw unexpected(afterOpenBracket ? .valueOrArrayEnd : .value)
            }

            // A value is complete: add it to its container, then read what follows,
            // closing containers until one continues with another member.
            while let top = frames.indices.last {
                frames[top].inMember = false
                frames[top].elements.append(value)
                skipWhitespace()
                if byte(position) == UInt8(ascii: ",") {
                    position += 1
                    try beginMember(orElse: .key)
                    continue nextValue
                }
                guard byte(position) == frames[top].closing else {
                    throw unexpected(frames[top].isObject ? .commaOrObjectEnd : .commaOrArrayEnd)
                }
                position += 1
                let frame = frames.removeLast()
                value =
                    frame.isObject
                    ? .object(JSONObject(uniqueKeys: frame.keys, values: frame.elements, positions: frame.positions))
                    : .array(frame.elements)
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
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1 // space, LF, CR, tab (literals: fast in debug builds too)
            default: return
            }
        }
    }

    /// Starts the next member of the innermost container. In an object, reads its
    /// key (the next token after whitespace, else the error expects `expected`),
    /// checks the key is new, and reads the colon.
    mutating func beginMember(orElse expected: JSONSyntaxError.Expectation) throws(JSONSyntaxError) {
        let top = frames.count - 1
        if frames[top].isObject {
            skipWhitespace()
            guard byte(position) == UInt8(ascii: "\"") else { throw unexpected(expected) }
            let keyOffset = position
            let key = try readString()
            if frames[top].positions.updateValue(frames[top].keys.count, forKey: JSONKey(key)) != nil {
                throw error(.duplicateKey(key), at: keyOffset, pointer: currentPointer().appending(key))
            }
            frames[top].keys.append(key)
            skipWhitespace()
            guard byte(position) == UInt8(ascii: ":") else { throw unexpected(.colon) }
            position += 1
        }
        frames[top].inMember = true
    }

    // MARK: Scalars

    /// Reads the literal `word` and returns `value`.
    mutating func readLiteral(_ word: String, _ value: JSONValue) throws(JSONSyntaxError) -> JSONValue {
        for expected in word.utf8 {
            guard byte(position) == expected else { throw unexpected(.literal(word)) }
            position += 1
        }
        return value
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
        let contentStart = position + 1
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
                if index - contentStart > limit || (index < count && bytes[index] != UInt8(ascii: "\"")) {
                    throw error(.stringTooLong(limit: limit), at: position)
                }
                if index >= count {
                    throw error(.unexpectedEnd(expected: .closingQuote), at: count)
                }
            }
            let next = bytes[index]
            if next == UInt8(ascii: "\"") {
                break
            } else if next == UInt8(ascii: "\\") {
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
                guard let scalar = scalar(at: index) else { throw error(.invalidUTF8, at: index) }
                index += UTF8.width(scalar)
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
        let letter = try escapeByte(start + 1)
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(letter)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"): return try readUnicodeEscape(at: start)
        default: throw error(.invalidEscape, at: start)
        }
        return start + 2
    }

    /// Decodes `\uXXXX` (or a surrogate pair `\uD8XX\uDCXX`) at `start` into `scratch`.
    mutating func readUnicodeEscape(at start: Int) throws(JSONSyntaxError) -> Int {
        let unit = try readHex4(at: start)
        // Nil for a surrogate, until a high one is completed by a low one.
        var scalar = Unicode.Scalar(unit)
        var end = start + 6
        if (0xD800...0xDBFF).contains(unit) {
            guard try escapeByte(end) == UInt8(ascii: "\\"), try escapeByte(end + 1) == UInt8(ascii: "u") else {
                throw error(.invalidSurrogate, at: start)
            }
            let low = try readHex4(at: end)
            if (0xDC00...0xDFFF).contains(low) {
                scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
            }
            end += 6
        }
        guard let scalar else { throw error(.invalidSurrogate, at: start) }
        scratch.append(contentsOf: scalar.utf8)
        return end
    }

    /// The value of the four hex digits after `\u` at `start` (its backslash).
    func readHex4(at start: Int) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for index in (start + 2)..<(start + 6) {
            let digit = try escapeByte(index)
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value << 4 | UInt32(digit - UInt8(ascii: "0"))
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = value << 4 | UInt32(digit - UInt8(ascii: "A") + 10)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = value << 4 | UInt32(digit - UInt8(ascii: "a") + 10)
            default: throw error(.invalidEscape, at: start)
            }
        }
        return value
    }

    /// The byte at `index` inside an escape sequence, which the input must not end before.
    func escapeByte(_ index: Int) throws(JSONSyntaxError) -> UInt8 {
        guard index < count else { throw error(.unexpectedEnd(expected: .escapeSequence), at: count) }
        return bytes[index]
    }

    /// The scalar of the well-formed UTF-8 sequence at `index` (RFC 3629: no
    /// overlongs, no surrogates, nothing above U+10FFFF), or nil.
    func scalar(at index: Int) -> Unicode.Scalar? {
        var rest = UnsafeBufferPointer(rebasing: bytes[index...]).makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&rest) else { return nil }
        return scalar
    }

    // MARK: Errors

    /// The pointer of the value being read.
    func currentPointer() -> JSONPointer {
        // An array has no keys, so its token is the index of the element being read.
        JSONPointer(tokens: frames.filter(\.inMember).map { $0.keys.last ?? String($0.elements.count) })
    }

    /// The error for what stands at `position` where `expected` should.
    func unexpected(_ expected: JSONSyntaxError.Expectation) -> JSONSyntaxError {
        guard position < count else {
            return error(.unexpectedEnd(expected: expected), at: count)
        }
        guard let found = scalar(at: position) else {
            return error(.invalidUTF8, at: position)
        }
        return error(.unexpectedCharacter(found, expected: expected), at: position)
    }

    /// The error at `offset`, by default with the pointer of the value being read.
    func error(_ kind: JSONSyntaxError.Kind, at offset: Int, pointer: JSONPointer? = nil) -> JSONSyntaxError {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, count) where bytes[index] == 0x0A { // LF
            line += 1
            lineStart = index + 1
        }
        let pointer = pointer ?? currentPointer()
        return JSONSyntaxError(kind: kind, offset: offset, line: line, column: offset - lineStart + 1, pointer: pointer)
    }
}
