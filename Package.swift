// swift-tools-version:6.0
//
// DyadCert: exact, machine-checkable certificates for the description-length
// separation of shared dyadic features (see README.md and Certificates/MATH.md).
import PackageDescription

/// Expensive internal invariant checks (canonical forms re-verified after every
/// operation) run in debug builds and tests only.
let invariantChecks: [SwiftSetting] = [
    .define("DYADCERT_INVARIANTS", .when(configuration: .debug)),
]

let package = Package(
    name: "DyadCert",
    products: [
        .library(name: "ExactArithmetic", targets: ["ExactArithmetic"]),
        .library(name: "DyadicFunctions", targets: ["DyadicFunctions"]),
        .library(name: "ExactLinearAlgebra", targets: ["ExactLinearAlgebra"]),
        .library(name: "CertificateKernel", targets: ["CertificateKernel"]),
        .library(name: "MatrixKernel", targets: ["MatrixKernel"]),
        // Untrusted conveniences on the exact types (dyadic arithmetic, Codable numbers,
        // integer powers, whole Gram matrices, seeded sign trees): what no verdict needs.
        .library(name: "DyadicConstructions", targets: ["DyadicConstructions"]),
        .executable(name: "dyadcert", targets: ["dyadcert"]),
        .executable(name: "dyadcert-fuzz", targets: ["dyadcert-fuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Untrusted targets only (generator, audit, benchmarks, CLI): the kernel and the
        // libraries it imports stay free of both (see CONTRIBUTING.md).
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-algorithms", from: "1.2.1"),
    ],
    targets: [
        // GMP through pkg-config; shim.h is the only file that includes gmp.h.
        .systemLibrary(
            name: "CGMP",
            pkgConfig: "gmp",
            providers: [.apt(["libgmp-dev"]), .brew(["gmp"])]
        ),
        // XOR-popcount of bit-packed sign functions with the CPU's popcnt instruction when
        // it has one (checked at run time), for the Gram entries of PackedSignFunction
        // (trusted base: one loop in C).
        .target(name: "CPopcount"),
        // The system's libcrypto, for SHA-256 digests only (outside the trusted base).
        .systemLibrary(
            name: "CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"]), .brew(["openssl"])]
        ),
        // The canonical layout of JSON and certificates, for `dyadcert format`, the generator
        // and digests (untrusted: no verdict depends on it).
        .target(
            name: "CanonicalJSON",
            dependencies: ["CertificateKernel"]
        ),
        // SHA-256 digests of claims and result lines (untrusted: no verdict depends on them).
        .target(
            name: "CertificateDigest",
            dependencies: ["CLibCrypto", "CanonicalJSON", "CertificateKernel"]
        ),
        // Exact integers, rationals and dyadic numbers (trusted base).
        .target(
            name: "ExactArithmetic",
            dependencies: ["CGMP"],
            swiftSettings: invariantChecks
        ),
        // Exact dyadic intervals, step functions, the shared-feature construction and
        // Heaviside networks (MATH.md sec. 2-9; trusted base).
        .target(
            name: "DyadicFunctions",
            dependencies: ["ExactArithmetic", "CPopcount"],
            swiftSettings: invariantChecks
        ),
        // Untrusted constructions on the exact types: seeded sign trees (SplitMix64), the
        // generator's level choices and separate networks, compositions and the pointwise
        // algebra of step functions, gap-safe screening, display helpers. The kernel never
        // imports it.
        .target(
            name: "DyadicConstructions",
            dependencies: ["ExactArithmetic", "DyadicFunctions", "ExactLinearAlgebra"]
        ),
        // Exact rational and dyadic matrices (products on machine words, rank by
        // fraction-free elimination, squared norms, sums of square roots decided by
        // squaring) and the pure checks of MATH.md sec. 11-12 (trusted base).
        .target(
            name: "ExactLinearAlgebra",
            dependencies: ["ExactArithmetic"],
            swiftSettings: invariantChecks
        ),
        // The trusted kernel: the certificate format dyadcert/1 (every rule's and object
        // kind's keys), the strict parser, the verifier, and the checks of the core paper's
        // rules (MATH.md sec. 2-10). It imports nothing from the generator.
        .target(
            name: "CertificateKernel",
            dependencies: [
                "ExactArithmetic",
                "DyadicFunctions",
            ],
            swiftSettings: invariantChecks
        ),
        // The trusted extension of the kernel for MATH.md sec. 11-12 (seeds 004 and 003):
        // the `matrix`, `relu-network` and `relu-data` objects and the checks of the twelve
        // ReLU, multi-task lasso and lasso rules, on exact linear algebra. A verifier
        // checks them only when given `KernelExtension.matrices`.
        .target(
            name: "MatrixKernel",
            dependencies: [
                "ExactArithmetic",
                "ExactLinearAlgebra",
                "CertificateKernel",
            ],
            swiftSettings: invariantChecks
        ),
        // The untrusted certificate generator: scenarios that write certificates. A bug
        // here can only produce certificates that fail verification.
        .target(
            name: "CertificateGenerator",
            dependencies: [
                "ExactArithmetic", "ExactLinearAlgebra", "DyadicFunctions", "DyadicConstructions", "CertificateKernel", "CanonicalJSON",
                .product(name: "Algorithms", package: "swift-algorithms"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        // Human-readable audits (Markdown, HTML with inline SVG); untrusted, re-verifies.
        .target(
            name: "CertificateAudit",
            dependencies: [
                "ExactArithmetic", "DyadicFunctions", "DyadicConstructions", "CertificateKernel", "MatrixKernel", "CertificateDigest",
                .product(name: "Algorithms", package: "swift-algorithms"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        // The benchmark workloads of ../shared/perf, on the library's own types.
        .target(
            name: "Benchmarks",
            dependencies: [
                "ExactArithmetic",
                "ExactLinearAlgebra",
                "DyadicFunctions",
                "DyadicConstructions",
                "CertificateDigest",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        // The command-line tool.
        .executableTarget(
            name: "dyadcert",
            dependencies: [
                "ExactArithmetic",
                "CertificateKernel",
                "MatrixKernel",
                "CertificateGenerator",
                "CertificateAudit",
                "Benchmarks",
                "CertificateDigest",
                "CanonicalJSON",
                "CGMP",   // the GMP version string for --version
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The fuzzing harness: libFuzzer entry point with -DFUZZING -sanitize=fuzzer,
        // otherwise a replay tool for corpus and crash files (see README).
        .executableTarget(
            name: "dyadcert-fuzz",
            dependencies: ["CertificateKernel", "MatrixKernel", "CanonicalJSON", "CertificateAudit"]
        ),
        // The one test-support target of all test targets: reference computations by the
        // definitions (oracles) and a re-export of DyadicConstructions.
        .target(
            name: "TestSupport",
            dependencies: ["ExactArithmetic", "DyadicFunctions", "DyadicConstructions"],
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "ExactArithmeticTests",
            dependencies: ["ExactArithmetic", "TestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: invariantChecks
        ),
        .testTarget(
            name: "DyadicFunctionsTests",
            dependencies: ["DyadicFunctions", "ExactArithmetic", "TestSupport"],
            swiftSettings: invariantChecks
        ),
        .testTarget(
            name: "ExactLinearAlgebraTests",
            dependencies: ["ExactLinearAlgebra", "ExactArithmetic", "TestSupport"],
            exclude: ["Reference"],
            resources: [.copy("Fixtures")],
            swiftSettings: invariantChecks
        ),
        .testTarget(
            name: "CertificateKernelTests",
            dependencies: [
                "CertificateKernel", "MatrixKernel", "CanonicalJSON", "DyadicFunctions", "ExactArithmetic", "ExactLinearAlgebra",
                "TestSupport",
            ],
            exclude: ["Reference"],   // Python references run by hand (their docstrings say how)
            resources: [.copy("Fixtures")],
            swiftSettings: invariantChecks
        ),
        .testTarget(
            name: "CertificateGeneratorTests",
            dependencies: ["CertificateGenerator", "CertificateKernel", "MatrixKernel", "CanonicalJSON", "DyadicFunctions", "ExactArithmetic", "ExactLinearAlgebra", "TestSupport"]
        ),
        .testTarget(
            name: "CertificateAuditTests",
            dependencies: ["CertificateAudit", "CertificateGenerator", "DyadicFunctions", "ExactArithmetic", "TestSupport"]
        ),
        .testTarget(
            name: "dyadcertTests",
            dependencies: []
        ),
        .testTarget(
            name: "BenchmarksTests",
            dependencies: ["Benchmarks", "ExactArithmetic", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
