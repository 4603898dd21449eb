// The one test-support target shared by every test target.
//
// It re-exports the untrusted DyadicConstructions (SplitMix64, seeded sign trees,
// generator helpers) and holds the reference computations the tests compare the
// library with: each one is computed another way than the code under test, and none
// is part of the trusted base.
@_exported import DyadicConstructions
