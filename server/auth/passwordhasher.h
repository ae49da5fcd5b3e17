#pragma once

#include <QString>
#include <QStringView>

namespace kai::auth {

// Password storage with scrypt (memory-hard, design decision 7), encoded as a
// self-describing string so that the cost can be raised later without a
// migration: "scrypt$<log2 N>$<r>$<p>$<base64 salt>$<base64 key>".
// Today: N = 2^15, r = 8, p = 1, 16-byte random salt, 32-byte key.

// The encoded hash of `password` (UTF-8). Empty only if OpenSSL cannot
// allocate the 32 MiB scrypt needs; callers treat that as an internal error.
QString hashPassword(QStringView password);

// Whether `password` hashes to `encoded` (constant-time comparison). False for
// anything that is not a well-formed hash of this format, including cost
// parameters beyond the limits this server will spend on a login attempt.
bool verifyPassword(QStringView password, QStringView encoded);

// Whether `encoded` was made with weaker parameters than hashPassword() uses
// today, so that a successful login may store a fresh hash.
bool passwordHashNeedsUpgrade(QStringView encoded);

} // namespace kai::auth
