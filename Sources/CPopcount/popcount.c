#include "CPopcount.h"
#include <stdatomic.h>

/* The loop, written once (four independent sums); inlined into each caller, so it is
   compiled once for the baseline target and once with the popcnt instruction. */
static inline __attribute__((always_inline))
int64_t xor_popcount_loop(const uint64_t *a, const uint64_t *b, size_t n) {
    int64_t d0 = 0, d1 = 0, d2 = 0, d3 = 0;
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        d0 += __builtin_popcountll(a[i] ^ b[i]);
        d1 += __builtin_popcountll(a[i + 1] ^ b[i + 1]);
        d2 += __builtin_popcountll(a[i + 2] ^ b[i + 2]);
        d3 += __builtin_popcountll(a[i + 3] ^ b[i + 3]);
    }
    for (; i < n; i++) d0 += __builtin_popcountll(a[i] ^ b[i]);
    return d0 + d1 + d2 + d3;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
/* The same loop for CPUs with the popcnt instruction (called only on such CPUs). */
__attribute__((target("popcnt")))
static int64_t xor_popcount_hardware(const uint64_t *a, const uint64_t *b, size_t n) {
    return xor_popcount_loop(a, b, n);
}

int64_t dyadcert_xor_popcount(const uint64_t *a, const uint64_t *b, size_t n) {
    /* 1: popcnt available, 0: not, -1: not yet asked (threads racing here all store
       the same answer). */
    static _Atomic int hardware = -1;
    int h = atomic_load_explicit(&hardware, memory_order_relaxed);
    if (h < 0) {
        __builtin_cpu_init();
        h = __builtin_cpu_supports("popcnt") ? 1 : 0;
        atomic_store_explicit(&hardware, h, memory_order_relaxed);
    }
    /* Without popcnt: the loop inlined here, compiled for the baseline target. */
    return h ? xor_popcount_hardware(a, b, n) : xor_popcount_loop(a, b, n);
}
#else
int64_t dyadcert_xor_popcount(const uint64_t *a, const uint64_t *b, size_t n) {
    return xor_popcount_loop(a, b, n);
}
#endif
