#pragma once

#include "core/result.h"

#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <memory>

struct evp_md_ctx_st;

namespace kai::oci {

// The digest algorithms the OCI image spec registers. Only these are accepted
// on the wire: a registry that cannot recompute a digest cannot verify it.
enum class DigestAlgorithm { Sha256, Sha512 };

// A content digest "<algorithm>:<lower-case hex>". A default-constructed
// Digest is invalid; every other one has a hex string of the right length.
class Digest
{
public:
    Digest() = default;

    // "sha256:<64 lower hex>" or "sha512:<128 lower hex>"; anything else is
    // ErrorKind::DigestInvalid with a message that names the problem.
    static Result<Digest> parse(QStringView text);
    static Digest of(DigestAlgorithm algorithm, QByteArrayView data);
    static Digest sha256(QByteArrayView data) { return of(DigestAlgorithm::Sha256, data); }

    DigestAlgorithm algorithm() const { return m_algorithm; }
    QString algorithmName() const;   // "sha256"
    QString hex() const { return m_hex; }
    QString toString() const;        // "sha256:abc..."; empty when invalid
    bool isValid() const { return !m_hex.isEmpty(); }

    // True when `data` hashes to this digest (with this digest's algorithm).
    bool matches(QByteArrayView data) const;

    bool operator==(const Digest &) const = default;

private:
    Digest(DigestAlgorithm algorithm, QString hex) : m_algorithm(algorithm), m_hex(std::move(hex)) {}

    DigestAlgorithm m_algorithm = DigestAlgorithm::Sha256;
    QString m_hex;

    friend class DigestHasher;
};

size_t qHash(const Digest &digest, size_t seed = 0);

QString digestAlgorithmName(DigestAlgorithm algorithm);
// Hex characters of a digest of this algorithm (64 or 128).
int digestHexLength(DigestAlgorithm algorithm);

// Incremental hashing (OpenSSL EVP) for bodies that arrive in chunks: a blob
// upload is hashed while it is written, never read back whole. Movable, not
// copyable. After finish() the hasher is spent; update() must not follow.
class DigestHasher
{
public:
    explicit DigestHasher(DigestAlgorithm algorithm = DigestAlgorithm::Sha256);
    ~DigestHasher();
    DigestHasher(DigestHasher &&) noexcept;
    DigestHasher &operator=(DigestHasher &&) noexcept;
    DigestHasher(const DigestHasher &) = delete;
    DigestHasher &operator=(const DigestHasher &) = delete;

    DigestAlgorithm algorithm() const { return m_algorithm; }
    void update(QByteArrayView data);
    Digest finish();   // may be called once
    qint64 bytes() const { return m_bytes; }

private:
    struct CtxDeleter
    {
        void operator()(evp_md_ctx_st *ctx) const;
    };

    DigestAlgorithm m_algorithm;
    std::unique_ptr<evp_md_ctx_st, CtxDeleter> m_ctx;
    qint64 m_bytes = 0;
};

} // namespace kai::oci
