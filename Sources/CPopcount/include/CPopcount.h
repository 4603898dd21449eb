#ifndef DYADCERT_CPOPCOUNT_H
#define DYADCERT_CPOPCOUNT_H
#include <stddef.h>
#include <stdint.h>

/// The number of set bits of a[i] XOR b[i] over i < n: the Hamming distance of two
/// bit-packed sign functions (cellSum in PackedSignFunction.swift). Uses the CPU's popcnt
/// instruction where the CPU reports it (checked once at run time), else a portable loop.
int64_t dyadcert_xor_popcount(const uint64_t *a, const uint64_t *b, size_t n);

#endif
