/* CGMP: the only place DyadCert includes gmp.h.
 *
 * GMP's functions are imported into Swift under their real names (__gmpz_add,
 * __gmpq_add, ...), including its extern-inline ones (__gmpz_neg, __gmpz_size,
 * __gmpz_getlimbn), which libgmp also exports. GMP's macros (mpz_sgn, mpz_odd_p)
 * do not import; Swift reads the sign from the field _mp_size instead, whose sign
 * is the number's (GMP manual, "Integer Internals"). */
#ifndef DYADCERT_CGMP_SHIM_H
#define DYADCERT_CGMP_SHIM_H

#include <gmp.h>

#endif
