/// A closed set of words of the format (relation, coding, measure, rule, object kind,
/// ...): an enum whose raw values are the words, read from JSON by `Fields.word(_:)`
/// only, so no input-derived word is ever mapped to a default.
public protocol FormatWord: RawRepresentable, CaseIterable, Sendable, Equatable where RawValue == String {}

/// The one word a Gram statement may use instead of a matrix.
enum GramWord: String, FormatWord { case identity }

/// The one word that may stand for amplitudes: a_j = 2^-(j+1) (MATH.md sec. 5).
enum AmplitudesWord: String, FormatWord { case balanced }

/// A network unit's activation (MATH.md sec. 8).
enum Activation: String, FormatWord { case heaviside, linear }
