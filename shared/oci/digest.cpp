#include "oci/digest.h"

#include <QHashFunctions>

#include <openssl/evp.h>

namespace kai::oci {

namespace {

const EVP_MD *evpMd(DigestAlgorithm algorithm)
{
    return algorithm == DigestAlgorithm::Sha512 ? EVP_sha512() : EVP_sha256();
}

// Clients echo the digest back in error messages; a multi-kilobyte garbage
// reference should not be copied into every log line.
QString quoted(QStringView text)
{
    constexpr qsizetype kMax = 160;
    if (text.size() <= kMax)
        return QStringLiteral("\"%1\"").arg(text);
    return QStringLiteral("\"%1...\"").arg(text.first(kMax));
}

Error invalid(QStringView text, const QString &why)
{
    return Error::of(ErrorKind::DigestInvalid,
                     QStringLiteral("invalid digest %1: %2").arg(quoted(text), why));
}

bool isLowerHex(QStringView text)
{
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (!((u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f')))
            return false;
    }
    return true;
}

} // namespace

QString digestAlgorithmName(DigestAlgorithm algorithm)
{
    return algorithm == DigestAlgorithm::Sha512 ? QStringLiteral("sha512") : QStringLiteral("sha256");
}

int digestHexLength(DigestAlgorithm algorithm)
{
    return algorithm == DigestAlgorithm::Sha512 ? 128 : 64;
}

Result<Digest> Digest::parse(QStringView text)
{
    const qsizetype colon = text.indexOf(u':');
    if (colon < 0)
        return invalid(text, QStringLiteral("expected <algorithm>:<hex>"));

    const QStringView algorithmText = text.first(colon);
    const QStringView hexText = text.sliced(colon + 1);
    DigestAlgorithm algorithm;
    if (algorithmText == u"sha256")
        algorithm = DigestAlgorithm::Sha256;
    else if (algorithmText == u"sha512")
        algorithm = DigestAlgorithm::Sha512;
    else
        return invalid(text, QStringLiteral("unsupported algorithm %1 (sha256 and sha512 are supported)")
                                 .arg(quoted(algorithmText)));

    const int expected = digestHexLength(algorithm);
    if (hexText.size() != expected)
        return invalid(text, QStringLiteral("%1 needs %2 hex characters, got %3")
                                 .arg(algorithmText).arg(expected).arg(hexText.size()));
    // The OCI grammar makes registered digests lower-case; accepting upper
    // case would give one blob two names.
    if (!isLowerHex(hexText))
        return invalid(text, QStringLiteral("the encoded part must be lower-case hex [0-9a-f]"));
    return Digest(algorithm, hexText.toString());
}

Digest Digest::of(DigestAlgorithm algorithm, QByteArrayView data)
{
    DigestHasher hasher(algorithm);
    hasher.update(data);
    return hasher.finish();
}

QString Digest::algorithmName() const
{
    return digestAlgorithmName(m_algorithm);
}

QString Digest::toString() const
{
    if (!isValid())
        return {};
    return algorithmName() + QLatin1Char(':') + m_hex;
}

bool Digest::matches(QByteArrayView data) const
{
    return isValid() && of(m_algorithm, data) == *this;
}

size_t qHash(const Digest &digest, size_t seed)
{
    return qHashMulti(seed, int(digest.algorithm()), digest.hex());
}

void DigestHasher::CtxDeleter::operator()(evp_md_ctx_st *ctx) const
{
    EVP_MD_CTX_free(ctx);
}

DigestHasher::DigestHasher(DigestAlgorithm algorithm)
    : m_algorithm(algorithm)
    , m_ctx(EVP_MD_CTX_new())
{
    // Only allocation can fail here, and a registry that cannot hash cannot
    // accept a single byte; treat it like any other out-of-memory.
    if (!m_ctx || EVP_DigestInit_ex(m_ctx.get(), evpMd(algorithm), nullptr) != 1)
        qFatal("kai::oci::DigestHasher: cannot initialise the OpenSSL digest context");
}

DigestHasher::~DigestHasher() = default;
DigestHasher::DigestHasher(DigestHasher &&) noexcept = default;
DigestHasher &DigestHasher::operator=(DigestHasher &&) noexcept = default;

void DigestHasher::update(QByteArrayView data)
{
    Q_ASSERT_X(m_ctx, "DigestHasher::update", "called after finish() or on a moved-from hasher");
    if (data.isEmpty())
        return;
    EVP_DigestUpdate(m_ctx.get(), data.data(), size_t(data.size()));
    m_bytes += data.size();
}

Digest DigestHasher::finish()
{
    Q_ASSERT_X(m_ctx, "DigestHasher::finish", "called twice or on a moved-from hasher");
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_ctx.get(), md, &length);
    m_ctx.reset();
    const QByteArray raw(reinterpret_cast<const char *>(md), qsizetype(length));
    return Digest(m_algorithm, QString::fromLatin1(raw.toHex()));
}

} // namespace kai::oci
