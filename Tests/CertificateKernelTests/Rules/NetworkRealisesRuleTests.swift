import Testing
@testable import CertificateKernel

/// `network-realises`: a Heaviside network computes given step functions exactly (Lemma N1).
@Suite("Rule network-realises")
struct NetworkRealisesRuleTests {
    /// psi = 1 - 2 H(x - 1/2), written with the first-layer bias, output weight and bias.
    static func psiNet(threshold: String = "-1/2", weight: String = "-2", bias: String = "1") -> String {
        RT.network([
            RT.layer([RT.unit("heaviside", inputs: [0], weights: ["1"], bias: threshold)]),
            RT.layer([RT.unit("linear", inputs: [0], weights: [weight], bias: bias)]),
        ])
    }

    static func realises(_ base: RuleCertificate, _ functions: [String], outputs: Int) -> FileVerdict {
        base.claim(
            "r", "network-realises", inputs: "{\"network\":\"net\",\"functions\":\(RT.a(functions))}",
            statement: "{\"outputs\":\"\(outputs)\"}"
        ).verify()
    }

    static func psiBase(_ net: String) -> RuleCertificate {
        RuleCertificate().object("psi", RT.haarFunction(level: 0, index: 0)).object("net", net)
    }

    @Test func psiNetworkAccepted() {
        RT.expectVerified(Self.realises(Self.psiBase(Self.psiNet()), ["psi"], outputs: 1))
        // The same with a falling first-layer unit: -1 + 2 H(1/2 - x).
        let falling = RT.network([
            RT.layer([RT.unit("heaviside", inputs: [0], weights: ["-1"], bias: "1/2")]),
            RT.layer([RT.unit("linear", inputs: [0], weights: ["2"], bias: "-1")]),
        ])
        RT.expectVerified(Self.realises(Self.psiBase(falling), ["psi"], outputs: 1))
        // Explicit targets: the same function as a step function and as a packed sign function.
        let base = Self.psiBase(Self.psiNet())
            .object("s", RT.step(["0", "1/2", "1"], ["1", "-1"])).object("p", RT.signFunction(level: 3, negativeCells: [4, 5, 6, 7]))
        RT.expectVerified(Self.realises(base, ["s"], outputs: 1))
        RT.expectVerified(Self.realises(base, ["p"], outputs: 1))
    }

    /// The smallest changes of one parameter that change an output.
    @Test func oneParameterChangedRejected() {
        var f = RT.expectFailed(
            Self.realises(Self.psiBase(Self.psiNet(weight: "-1999/1000")), ["psi"], outputs: 1),
            at: "/claims/0/inputs/functions/0", reason: ["output 0 differs from function 0 on the piece [1/2, 1)", "piece 1"])
        #expect(f?.computed == "network output 0 = -999/1000")
        #expect(f?.expected == "f_0 = -1 on [1/2, 1)")
        f = RT.expectFailed(
            Self.realises(Self.psiBase(Self.psiNet(bias: "1001/1000")), ["psi"], outputs: 1),
            at: "/claims/0/inputs/functions/0", reason: ["on the piece [0, 1/2)", "piece 0"])
        #expect(f?.computed == "network output 0 = 1001/1000")
        // The sign of the output weight flipped: 1 + 2 H = 1, 3.
        RT.expectFailed(
            Self.realises(Self.psiBase(Self.psiNet(weight: "2")), ["psi"], outputs: 1), at: "/claims/0/inputs/functions/0",
            reason: ["[1/2, 1)"])
    }

    /// A target that changes inside a piece where the network is constant: the network
    /// psi is 1 on [0, 1/2) and the target is 1 only on [0, 1/4). The failure names the
    /// first part of the piece where the target differs and its value there; it used to
    /// print the target at the piece's start, equal to the network's value ("f_0 = 1 ...,
    /// computed 1"), which hid why the claim failed.
    @Test func aTargetThatChangesInsideAPieceIsShownWhereItDiffers() {
        let base = Self.psiBase(Self.psiNet())
            .object("s", RT.step(["0", "1/4", "1/2", "1"], ["1", "0", "-1"]))
            .object("t", RT.step(["0", "1/4", "3/8", "1/2", "1"], ["1", "1", "7", "-1"]))
            .object("p", RT.signFunction(level: 3, negativeCells: [1, 4, 5, 6, 7]))
        var f = RT.expectFailed(Self.realises(base, ["s"], outputs: 1), at: "/claims/0/inputs/functions/0", reason: ["[0, 1/2)"])
        #expect(f?.expected == "f_0 = 0 on [1/4, 1/2)")
        #expect(f?.computed == "network output 0 = 1")
        // Equal values on two target pieces are skipped.
        f = RT.expectFailed(Self.realises(base, ["t"], outputs: 1), at: "/claims/0/inputs/functions/0", reason: ["[0, 1/2)"])
        #expect(f?.expected == "f_0 = 7 on [3/8, 1/2)")
        // A packed target: cell 1 of level 3 is -1 inside the piece [0, 1/2).
        f = RT.expectFailed(Self.realises(base, ["p"], outputs: 1), at: "/claims/0/inputs/functions/0", reason: ["[0, 1/2)"])
        #expect(f?.expected == "f_0 = -1 on [1/8, 1/4)")
    }

    /// A threshold moved by 1/1024 either way leaves a sliver where the network is wrong.
    @Test func thresholdMovedRejected() {
        RT.expectFailed(
            Self.realises(Self.psiBase(Self.psiNet(threshold: "-513/1024")), ["psi"], outputs: 1),
            at: "/claims/0/inputs/functions/0", reason: ["on the piece [0, 513/1024)"])
        RT.expectFailed(
            Self.realises(Self.psiBase(Self.psiNet(threshold: "-511/1024")), ["psi"], outputs: 1),
            at: "/claims/0/inputs/functions/0", reason: ["on the piece [511/1024, 1)"])
        // Moved out of (0, 1): the output is constant.
        RT.expectFailed(
            Self.realises(Self.psiBase(Self.psiNet(threshold: "-1")), ["psi"], outputs: 1), at: "/claims/0/inputs/functions/0",
            reason: ["on the piece [0, 1)"])
        // Against a packed target: the sliver lies inside cell 3 of level 3.
        let packed = RuleCertificate().object("p", RT.signFunction(level: 3, negativeCells: [4, 5, 6, 7])).object(
            "net", Self.psiNet(threshold: "-7/16"))
        RT.expectFailed(Self.realises(packed, ["p"], outputs: 1), at: "/claims/0/inputs/functions/0", reason: ["[7/16, 1)"])
    }

    /// Hidden single-input units whose thresholds lie far outside the values of their
    /// source (|b| = 2^70, 2^71): their thresholds are clamped to -2^62 and 2^62 on the Int
    /// fast path, whose difference 2^63 does not fit in an Int. Counting such a group by a
    /// grid trapped (arithmetic overflow, the verifier crashed); the output is H(z + 2^70) +
    /// H(z - 2^70) + H(z - 2^71) = 1 + 0 + 0, and a wrong target is still found.
    @Test func clampedGroupThresholdsAtBothEnds() {
        let big = "1180591620717411303424", bigger = "2361183241434822606848" // 2^70, 2^71
        let net = RT.network([
            RT.layer([RT.unit("heaviside", inputs: [0], weights: ["1"], bias: "-1/2")]),
            RT.layer([
                RT.unit("heaviside", inputs: [0], weights: ["1"], bias: big),
                RT.unit("heaviside", inputs: [0], weights: ["1"], bias: "-" + big),
                RT.unit("heaviside", inputs: [0], weights: ["1"], bias: "-" + bigger),
            ]),
            RT.layer([RT.unit("linear", inputs: [0, 1, 2], weights: ["1", "1", "1"], bias: "0")]),
        ])
        let base = RuleCertificate().object("net", net).object("one", RT.constant("1")).object(
            "s", RT.step(["0", "1/2", "1"], ["1", "2"]))
        RT.expectVerified(Self.realises(base, ["one"], outputs: 1))
        RT.expectFailed(Self.realises(base, ["s"], outputs: 1), at: "/claims/0/inputs/functions/0", reason: ["[1/2, 1)"])
    }

    /// Later Heaviside units see exact values, so H(0) = 1 matters there: H(z - 1) = z for
    /// z in {0, 1}, while H(z - 1001/1000) = 0; H(-z) = 1 - z, while H(-z - 1/1000) = 0.
    @Test func heavisideAtZeroIsOne() {
        func net(_ second: String) -> String {
            RT.network([
                RT.layer([RT.unit("heaviside", inputs: [0], weights: ["1"], bias: "-1/2")]),
                RT.layer([second]),
                RT.layer([RT.unit("linear", inputs: [0], weights: ["1"], bias: "0")]),
            ])
        }
        let step = RT.step(["0", "1/2", "1"], ["0", "1"]), back = RT.step(["0", "1/2", "1"], ["1", "0"])
        func base(_ second: String) -> RuleCertificate {
            RuleCertificate().object("up", step).object("down", back).object("net", net(second))
        }
        RT.expectVerified(Self.realises(base(RT.unit("heaviside", inputs: [0], weights: ["1"], bias: "-1")), ["up"], outputs: 1))
        RT.expectFailed(
            Self.realises(base(RT.unit("heaviside", inputs: [0], weights: ["1"], bias: "-1001/1000")), ["up"], outputs: 1),
            at: "/claims/0/inputs/functions/0", reason: ["[1/2, 1)"])
        RT.expectVerified(Self.realises(base(RT.unit("heaviside", inputs: [0], weights: ["-1"], bias: "0")), ["down"], outputs: 1))
        RT.expectFailed(
            Self.realises(base(RT.unit("heaviside", inputs: [0], weights: ["-1"], bias: "-1/1000")), ["down"], outputs: 1),
            at: "/claims/0/inputs/functions/0", reason: ["[0, 1/2)"])
    }

    /// The same with units of several inputs (AND of two thresholds, H(z0 + z1 - 2)) and a
    /// Heaviside unit reading a linear unit (H(u - 1) with u = z0 + z1).
    @Test func heavisideAtZeroWithSeveralInputs() {
        let first = RT.layer([
            RT.unit("heaviside", inputs: [0], weights: ["1"], bias: "-1/4"),
            RT.unit("heaviside", inputs: [0], weights: ["1"], bias: "-3/4"),
        ])
        func and(_ bias: String) -> String {
            RT.network([
                first, RT.layer([RT.unit("heaviside", inputs: [0, 1], weights: ["1", "1"], bias: bias)]),
                RT.layer([RT.unit("linear", inputs: [0], weights: ["1"], bias: "0")]),
            ])
        }
        func or(_ bias: String) -> String {
            RT.network([
                first, RT.layer([RT.unit("linear", inputs: [0, 1], weights: ["1", "1"], bias: "0")]),
                RT.layer([RT.unit("heaviside", inputs: [0], weights: ["1"], bias: bias)]),
                RT.layer([RT.unit("linear", inputs: [0], weights: ["1"], bias: "0")]),
            ])
        }
        let late = RT.step(["0", "3/4", "1"], ["0", "1"]), early = RT.step(["0", "1/4", "1"], ["0", "1"])
        func base(_ net: String) -> RuleCertificate { RuleCertificate().object("late", late).object("early", early).object("net", net) }
        RT.expectVerified(Self.realises(base(and("-2")), ["late"], outputs: 1))
        RT.expectFailed(
            Self.realises(base(and("-2001/1000")), ["late"], outputs: 1), at: "/claims/0/inputs/functions/0", reason: ["[3/4, 1)"])
        RT.expectVerified(Self.realises(base(or("-1")), ["early"], outputs: 1))
        RT.expectFailed(
            Self.realises(base(or("-1001/1000")), ["early"], outputs: 1), at: "/claims/0/inputs/functions/0", reason: ["[1/4, 3/4)"])
    }

    @Test func outputCountsMustMatch() {
        let base = Self.psiBase(Self.psiNet())
        RT.expectFailed(Self.realises(base, ["psi"], outputs: 2), at: "/claims/0/statement/outputs", reason: ["the network has 1 outputs"])
        RT.expectFailed(Self.realises(base, ["psi"], outputs: 0), at: "/claims/0/statement/outputs")
        RT.expectFailed(
            Self.realises(base, ["psi", "psi"], outputs: 1), at: "/claims/0/inputs/functions",
            reason: ["2 functions are given for 1 outputs"])
    }

    /// D outputs psi = 1 - 2 H(x - 1/2) of a network of two pieces, all compared with the
    /// target named `target` of `base`.
    static func fanOut(_ base: RuleCertificate, outputs D: Int, target: String) -> String {
        let net = RT.network([
            RT.layer([RT.unit("heaviside", inputs: [0], weights: ["1"], bias: "-1/2")]),
            RT.layer(Array(repeating: RT.unit("linear", inputs: [0], weights: ["-2"], bias: "1"), count: D)),
        ])
        return base.object("net", net).claim(
            "r", "network-realises", inputs: "{\"network\":\"net\",\"functions\":\(RT.a(Array(repeating: target, count: D)))}",
            statement: "{\"outputs\":\"\(D)\"}"
        ).text
    }

    /// A packed target is read for each output naming it: a sign function of 2^16 cells
    /// (2^10 words) named by 64 outputs of a two-piece network is 2^17 word steps,
    /// charged before the comparison (it was not: one of 2^20 cells named by 100,000
    /// outputs read 10^11 cells one by one and copied 13 GB under the default limits).
    @Test func packedTargetsNamedByManyOutputsAreChargedTheirCells() {
        let psi = RT.signFunction(level: 16, negativeCells: Set((1 << 15)..<(1 << 16)))
        let text = Self.fanOut(RuleCertificate().object("p", psi), outputs: 64, target: "p")
        RT.expectVerified(RT.verify(text))
        var limits = VerificationLimits()
        limits.maximumWork = 1 << 16
        let v = Verifier(limits: limits, jobs: 1).verify(bytes: Array(text.utf8), path: "test")
        #expect(v.status == .limitExceeded)
        #expect(v.error?.pointer.description == "/claims/0/inputs/network")
    }

    /// A step target of K pieces named by D outputs: its values are scaled as the sweep
    /// reaches them, not D x K of them before it (2^12 outputs and 2^14 pieces took minutes
    /// and gigabytes; 2^15 of each, a 3 MB certificate, half an hour and 16 GB). The
    /// verdict is checked, not the time.
    @Test func aStepTargetOfManyPiecesNamedByManyOutputsFailsAtOnce() {
        let K = 1 << 14
        let breakpoints = (0...K).map { k in k == 0 ? "0" : k == K ? "1" : "\(k >> (k.trailingZeroBitCount))/\(K >> k.trailingZeroBitCount)"
        }
        let values = (0..<K).map { $0 % 2 == 0 ? "1" : "-1" }
        let text = Self.fanOut(RuleCertificate().object("s", RT.step(breakpoints, values)), outputs: 1 << 12, target: "s")
        RT.expectFailed(
            RT.verify(text), at: "/claims/0/inputs/functions/0", reason: ["output 0 differs from function 0 on the piece [0, 1/2)"])
    }

    /// The joint network of MATH.md sec. 8 against the brute-force outputs (given as
    /// explicit cell functions), for every sign tree at J = 2 and a sample at J = 3; with
    /// the outputs of a tree with one sign flipped it must fail on the first differing cell.
    @Test func jointNetworkAgainstBruteForce() {
        for (J, readouts, trees) in [
            (2, [2, 3], Array(0..<8)), (2, [1, 2, 3], [0, 5]), (3, [4, 5, 6, 7], [0, 1, 42, 77, 127]), (3, [3, 5, 6], [9, 100]),
        ] {
            for tree in trees {
                var base = RuleCertificate().object("sigma", RT.signTree(levels: J, number: tree))
                    .object("net", "{\"kind\":\"joint-network\",\"signs\":\"sigma\",\"readouts\":\(RT.ints(readouts))}")
                let names = readouts.map { "f\($0)" }
                for m in readouts {
                    base = base.object("f\(m)", RT.cells(level: J, Brute.output(tree, levels: J, readout: m).map(String.init)))
                }
                RT.expectVerified(Self.realises(base, names, outputs: readouts.count))
                // Flip each node in turn; the outputs of the flipped tree.
                for node in 0..<((1 << J) - 1) {
                    let other = tree ^ (1 << node)
                    var flipped = base
                    for m in readouts {
                        flipped = flipped.object("g\(m)", RT.cells(level: J, Brute.output(other, levels: J, readout: m).map(String.init)))
                    }
                    let mismatch = (0..<(1 << J)).lazy.compactMap { c in
                        readouts.indices.first {
                            Brute.output(tree, levels: J, readout: readouts[$0])[c]
                                != Brute.output(other, levels: J, readout: readouts[$0])[c]
                        }
                        .map { (c, $0) }
                    }.first
                    let v = Self.realises(flipped, readouts.map { "g\($0)" }, outputs: readouts.count)
                    if let (c, d) = mismatch {
                        RT.expectFailed(
                            v, at: "/claims/0/inputs/functions/\(d)", reason: ["on the piece [\(Q(c, 1 << J)), \(Q(c + 1, 1 << J)))"])
                    } else {
                        RT.expectVerified(v) // the flip does not change these outputs
                    }
                }
            }
        }
    }

    @Test func malformedNetworksRejected() {
        let linearFirst = RT.network([
            RT.layer([RT.unit("linear", inputs: [0], weights: ["1"], bias: "0")]),
            RT.layer([RT.unit("linear", inputs: [0], weights: ["1"], bias: "0")]),
        ])
        let heavisideLast = RT.network([
            RT.layer([RT.unit("heaviside", inputs: [0], weights: ["1"], bias: "-1/2")]),
            RT.layer([RT.unit("heaviside", inputs: [0], weights: ["1"], bias: "0")]),
        ])
        let zeroWeight = RT.network([
            RT.layer([RT.unit("heaviside", inputs: [0], weights: ["0"], bias: "-1/2")]),
            RT.layer([RT.unit("linear", inputs: [0], weights: ["1"], bias: "0")]),
        ])
        let badInput = RT.network([
            RT.layer([RT.unit("heaviside", inputs: [0], weights: ["1"], bias: "-1/2")]),
            RT.layer([RT.unit("linear", inputs: [1], weights: ["1"], bias: "0")]),
        ])
        let oneLayer = RT.network([RT.layer([RT.unit("heaviside", inputs: [0], weights: ["1"], bias: "-1/2")])])
        for net in [linearFirst, heavisideLast, zeroWeight, badInput, oneLayer] {
            RT.expectMalformed(Self.realises(Self.psiBase(net), ["psi"], outputs: 1), at: "/objects/net/layers")
        }
    }
}

/// Differential tests of `network-realises` against a plain evaluation of random networks
/// (MATH.md sec. 8: H(t) = 1 iff t >= 0), at the midpoints of the pieces of Lemma N1.
@Suite("Rule network-realises, random networks")
struct NetworkRealisesRandomTests {
    struct Unit {
        var heaviside: Bool
        var inputs: [Int]
        var weights: [Int]
        var bias: Q
    }

    /// A random network: first layer H(w x - w k/8) (threshold k/8, k in 0...8, w in
    /// {+-1, +-2}); then hidden layers of Heaviside or linear units with small integer
    /// weights and biases (so later Heaviside units often see exactly 0); a linear output layer.
    static func randomNetwork(_ rng: inout RTRandom) -> [[Unit]] {
        var layers: [[Unit]] = []
        let width = rng.int(1...5)
        layers.append(
            (0..<width).map { _ in
                let w = [1, -1, 2, -2][rng.int(0...3)]
                return Unit(heaviside: true, inputs: [0], weights: [w], bias: Q(-w * rng.int(0...8), 8))
            })
        for _ in 0..<rng.int(0...2) {
            let previous = layers[layers.count - 1].count
            layers.append((0..<rng.int(1...4)).map { _ in Self.randomUnit(&rng, previous: previous, heaviside: rng.int(0...2) > 0) })
        }
        let previous = layers[layers.count - 1].count
        layers.append((0..<rng.int(1...2)).map { _ in Self.randomUnit(&rng, previous: previous, heaviside: false) })
        return layers
    }

    static func randomUnit(_ rng: inout RTRandom, previous: Int, heaviside: Bool) -> Unit {
        var inputs = (0..<previous).filter { _ in rng.int(0...1) == 1 }
        if inputs.isEmpty { inputs = [rng.int(0...(previous - 1))] }
        return Unit(heaviside: heaviside, inputs: inputs, weights: inputs.map { _ in rng.int(-2...2) }, bias: Q(rng.int(-2...2)))
    }

    static func evaluate(_ layers: [[Unit]], at x: Q) -> [Q] {
        var values = [x]
        for layer in layers {
            values = layer.map { unit in
                var t = unit.bias
                for (k, i) in unit.inputs.enumerated() { t = t + Q(unit.weights[k]) * values[i] }
                return unit.heaviside ? (t.p >= 0 ? Q(1) : Q(0)) : t
            }
        }
        return values
    }

    static func json(_ layers: [[Unit]]) -> String {
        RT.network(
            layers.map { layer in
                RT.layer(
                    layer.map {
                        RT.unit(
                            $0.heaviside ? "heaviside" : "linear", inputs: $0.inputs, weights: $0.weights.map(String.init),
                            bias: $0.bias.description)
                    })
            })
    }

    @Test func randomNetworksAgainstPlainEvaluation() {
        var rng = RTRandom(state: 2024)
        for round in 0..<60 {
            let layers = Self.randomNetwork(&rng)
            let thresholds = Set(layers[0].map { Q(-$0.bias.p * 1, $0.bias.q * $0.weights[0]) }).filter { Q(0) < $0 && $0 < Q(1) }
            let cuts = [Q(0)] + thresholds.sorted() + [Q(1)]
            let outputs = layers[layers.count - 1].count
            let values = (0..<(cuts.count - 1)).map { Self.evaluate(layers, at: (cuts[$0] + cuts[$0 + 1]) * Q(1, 2)) }
            var base = RuleCertificate().object("net", Self.json(layers))
            func target(_ d: Int, _ vals: [Q]) -> String { RT.step(cuts.map(\.description), vals.map(\.description)) }
            for d in 0..<outputs { base = base.object("f\(d)", target(d, values.map { $0[d] })) }
            let names = (0..<outputs).map { "f\($0)" }
            RT.expectVerified(NetworkRealisesRuleTests.realises(base, names, outputs: outputs))
            // One output wrong by 1/3 on one piece.
            let p = rng.int(0...(cuts.count - 2)), d = rng.int(0...(outputs - 1))
            var wrong = values.map { $0[d] }
            wrong[p] = wrong[p] + Q(1, 3)
            let bad = base.object("g", target(d, wrong))
            var badNames = names
            badNames[d] = "g"
            RT.expectFailed(
                NetworkRealisesRuleTests.realises(bad, badNames, outputs: outputs), at: "/claims/0/inputs/functions/\(d)",
                reason: ["output \(d) differs", "on the piece [\(cuts[p]), \(cuts[p + 1]))"])
            _ = round
        }
    }
}
