#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <memory>

typedef struct evp_cipher_st EVP_CIPHER;

namespace kai::auth {

// Authenticated encryption of small secrets at rest (robot tokens, design
// decision 7): AES-256-GCM with a fresh random 12-byte nonce per message.
// The sealed form is base64url without padding of nonce | ciphertext | tag,
// so it fits a text column. Immutable after construction: one instance may
// be used from several threads at once.
class SecretBox
{
public:
    static constexpr int kKeyBytes = 32;

    // `key` must be kKeyBytes long; a wrong size is a programmer error
    // (asserted) and leaves an invalid box whose seal() returns nothing and
    // whose open() fails. Use create() for keys that come from outside.
    explicit SecretBox(QByteArrayView key);
    static Result<SecretBox> create(QByteArrayView key);
    // Derives the key from a secret of any length (e.g. the configured
    // SECRET_KEY) with HKDF-SHA256, so operators need not produce exactly
    // 32 random bytes themselves.
    static SecretBox fromSecret(QByteArrayView secret);

    bool isValid() const { return m_key.size() == kKeyBytes; }

    // `associatedData` is authenticated but not stored: open() must be given
    // the same bytes. Binding a sealed token to its row (e.g. the robot's
    // name) stops a database writer from swapping ciphertexts between rows.
    QByteArray seal(QByteArrayView plaintext, QByteArrayView associatedData = {}) const;
    // ErrorKind::Internal when the input is malformed, was sealed with another
    // key or other associated data, or was modified in any way.
    Result<QByteArray> open(QByteArrayView sealed, QByteArrayView associatedData = {}) const;

    // Cryptographically secure random bytes (OpenSSL RAND_bytes). Aborts the
    // process if the generator fails: nothing secret may be made without it.
    static QByteArray randomBytes(int n);
    // `length` characters drawn uniformly from `alphabet` (no modulo bias),
    // e.g. randomToken(40) for Quay-style [A-Z0-9] tokens.
    static QString randomToken(int length, QStringView alphabet = u"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

private:
    QByteArray m_key;
    // Fetched once: OpenSSL 3's EVP_aes_256_gcm() looks the algorithm up
    // again on every init, a third of the cost of opening a robot token.
    // A fetched cipher is immutable and may be shared between threads.
    std::shared_ptr<EVP_CIPHER> m_cipher;
};

} // namespace kai::auth
