/* CGMP: the only place DyadCert includes gmp.h.
 *
 * GMP's functions are imported into Swift under their real names (__gmpz_add,
 * __gmpq_add, ...). GMP's macros and its extern-inline helpers do not import,
 * so this header wraps the few DyadCert needs in `static inline` functions. */
#ifndef DYADCERT_CGMP_SHIM_H
#define DYADCERT_CGMP_SHIM_H

#include <gmp.h>

/** Sign of z: -1, 0 or +1 (GMP macro mpz_sgn). */
static inline int cgmp_mpz_sgn(const __mpz_struct *z) { return mpz_sgn(z); }

/** Nonzero when z is odd (GMP macro mpz_odd_p). */
static inline int cgmp_mpz_odd_p(const __mpz_struct *z) { return mpz_odd_p(z); }

/** Nonzero when z fits a signed long (GMP inline mpz_fits_slong_p). */
static inline int cgmp_mpz_fits_slong_p(const __mpz_struct *z) { return mpz_fits_slong_p(z); }

/** z as a signed long; only meaningful when cgmp_mpz_fits_slong_p(z). */
static inline long cgmp_mpz_get_si(const __mpz_struct *z) { return mpz_get_si(z); }

/** Number of limbs of |z| (GMP inline mpz_size). */
static inline size_t cgmp_mpz_size(const __mpz_struct *z) { return mpz_size(z); }

/** Limb i of |z| (GMP inline mpz_getlimbn); 0 past the end. */
static inline mp_limb_t cgmp_mpz_getlimbn(const __mpz_struct *z, mp_size_t i) { return mpz_getlimbn(z, i); }

/** Negate in place or into r (GMP inline mpz_neg). */
static inline void cgmp_mpz_neg(__mpz_struct *r, const __mpz_struct *z) { mpz_neg(r, z); }

#endif
