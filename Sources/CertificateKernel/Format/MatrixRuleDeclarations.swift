/// The declarations of the rules of MATH.md sec. 11-12 (seeds 004 and 003), whose checks
/// are in the trusted extension `MatrixKernel`. Their keys belong to the format dyadcert/1,
/// which this target declares in full: a certificate's keys and canonical order are the
/// same whichever extensions a verifier has, and FORMAT.md and the JSON Schema are tested
/// against one set of declarations.
extension RuleDeclaration {
    package static let reluInterpolates = RuleDeclaration(
        name: .reluInterpolates, lemma: "exact evaluation (MATH.md sec. 11)",
        inputs: ["network", "data", "tolerance"], statement: ["sup-error"])
    package static let weightDecay = RuleDeclaration(
        name: .weightDecay, lemma: "Lemmas RS and WD (MATH.md sec. 11)",
        inputs: ["network", "path-norm-upper", "path-norm-lower"],
        statement: ["weight-decay", "balanced", "path-norm-upper-bound", "path-norm-lower-bound"])
    package static let neuronSharing = RuleDeclaration(
        name: .neuronSharing, lemma: "definitions (MATH.md sec. 11)",
        inputs: ["network"], statement: ["active-units", "shared-units", "units-per-output", "active"])
    package static let widthFromRank = RuleDeclaration(
        name: .widthFromRank, lemma: "Lemma RW (MATH.md sec. 11)",
        inputs: ["network", "data"], statement: ["rank", "width-lower", "centred-rank"])
    package static let mtlGap = RuleDeclaration(
        name: .mtlGap, lemma: "Lemma MD (MATH.md sec. 11)",
        inputs: ["network", "weights", "data", "targets", "dual", "unit-bounds"], statement: ["delta"])
    package static let penalisedMtlGap = RuleDeclaration(
        name: .penalisedMtlGap, lemma: "Lemma PD (MATH.md sec. 11), with Lemma GL (sec. 12) for group-sparse heads",
        inputs: ["network", "weights", "data", "features", "targets", "heads", "dual", "unit-bounds", "lambda"], statement: ["delta"])
    package static let mtlScreen = RuleDeclaration(
        name: .mtlScreen, lemma: "Lemma GS (MATH.md sec. 11), with Lemma GL (sec. 12) for group-sparse heads",
        inputs: ["units", "gap"], statement: ["screened"])
    package static let compressPreserves = RuleDeclaration(
        name: .compressPreserves, lemma: "exact evaluation (MATH.md sec. 11, Compression)",
        inputs: ["data", "original", "compressed"], statement: ["units-before", "units-after"])
    package static let lassoGap = RuleDeclaration(
        name: .lassoGap, lemma: "Lemma LD (MATH.md sec. 12)",
        inputs: ["features", "targets", "heads", "task", "dual", "lambda"], statement: ["delta"])
    package static let lassoScreen = RuleDeclaration(
        name: .lassoScreen, lemma: "Lemma LS (MATH.md sec. 12)",
        inputs: ["features", "gap"], statement: ["screened"])
    package static let support = RuleDeclaration(
        name: .support, lemma: "definitions (MATH.md sec. 12), Lemma LS for optimal heads",
        inputs: ["features", "targets", "heads", "lambda", "screens"], statement: ["sizes", "union", "fractions", "optimal-upper"])
    package static let supportVariability = RuleDeclaration(
        name: .supportVariability, lemma: "definitions (MATH.md sec. 12)",
        inputs: ["heads"], statement: ["holds"])
}
