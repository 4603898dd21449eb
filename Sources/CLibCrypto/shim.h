/* CLibCrypto: the system's OpenSSL libcrypto, for SHA-256 digests only.
 *
 * Digests identify claims in verdict reports and result lines; no verdict depends
 * on them, so this target is outside the trusted base. Using the system library
 * (libssl-dev) instead of a vendored BoringSSL keeps a cold build short. */
#ifndef DYADCERT_CLIBCRYPTO_SHIM_H
#define DYADCERT_CLIBCRYPTO_SHIM_H

#include <openssl/evp.h>

#endif
