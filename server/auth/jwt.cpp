#include "auth/jwt.h"

#include "auth/secretbox.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <cerrno>
#include <cmath>
#include <cstring>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace kai::auth {

namespace {

constexpr int kKeyBits = 2048;
// A PEM RSA key is a few kilobytes; anything far larger is not one.
constexpr qint64 kMaxPemBytes = 1024 * 1024;
// Access claims for many scopes make tokens long, but never this long.
constexpr qsizetype kMaxTokenBytes = 64 * 1024;

const QByteArray::Base64Options kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

struct BioDeleter
{
    void operator()(BIO *bio) const { BIO_free(bio); }
};
using Bio = std::unique_ptr<BIO, BioDeleter>;

struct MdCtxDeleter
{
    void operator()(EVP_MD_CTX *ctx) const { EVP_MD_CTX_free(ctx); }
};
using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;

struct PkeyCtxDeleter
{
    void operator()(EVP_PKEY_CTX *ctx) const { EVP_PKEY_CTX_free(ctx); }
};

// Failed OpenSSL calls leave entries in the thread's error queue; left there,
// they surface later as bogus errors in unrelated code on the same thread
// (Qt's TLS sockets read that queue).
Error openSslError(ErrorKind kind, const QString &what)
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    QString message = what;
    if (code != 0) {
        char text[256];
        ERR_error_string_n(code, text, sizeof text);
        message += QStringLiteral(" (%1)").arg(QString::fromLatin1(text));
    }
    return Error::of(kind, message);
}

Error unauthorized(const QString &message)
{
    return Error::of(ErrorKind::Unauthorized, message);
}

QByteArray bigNumParam(const EVP_PKEY *key, const char *name)
{
    BIGNUM *bn = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &bn) != 1 || !bn) {
        ERR_clear_error();
        return {};
    }
    QByteArray out(BN_num_bytes(bn), Qt::Uninitialized);
    BN_bn2bin(bn, reinterpret_cast<unsigned char *>(out.data()));
    BN_free(bn);
    return out;
}

int noPassphrase(char *, int, int, void *)
{
    // An encrypted key file cannot be used unattended; without this callback
    // OpenSSL would prompt on the terminal.
    return 0;
}

// Strict base64url: a token part with stray characters is rejected, not
// decoded around.
bool decodeBase64Url(QByteArrayView text, QByteArray *out)
{
    if (text.contains('='))
        return false;
    auto decoded = QByteArray::fromBase64Encoding(
        text.toByteArray(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    *out = std::move(decoded.decoded);
    return true;
}

bool parseJsonObject(const QByteArray &json, QJsonObject *out)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return false;
    *out = document.object();
    return true;
}

enum class ClaimState { Absent, Malformed, Present };

// NumericDate (RFC 7519): seconds, possibly fractional.
ClaimState numericClaim(const QJsonObject &claims, const QString &name, qint64 *out)
{
    const QJsonValue value = claims.value(name);
    if (value.isUndefined())
        return ClaimState::Absent;
    if (!value.isDouble() || !std::isfinite(value.toDouble()) || std::fabs(value.toDouble()) > 1e15)
        return ClaimState::Malformed;
    *out = qint64(std::floor(value.toDouble()));
    return ClaimState::Present;
}

bool audienceMatches(const QJsonValue &audience, const QString &expected)
{
    if (audience.isString())
        return audience.toString() == expected;
    if (audience.isArray()) {
        const QJsonArray array = audience.toArray();
        for (const QJsonValue &entry : array) {
            if (entry.isString() && entry.toString() == expected)
                return true;
        }
    }
    return false;
}

#ifdef Q_OS_UNIX
// Makes the rename of a new file into `directory` survive a power cut.
void syncDirectory(const QString &directory)
{
    const int fd = ::open(QFile::encodeName(directory).constData(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}
#endif

Result<SigningKey> loadFile(const QString &pemPath)
{
    QFile file(pemPath);
    if (!file.open(QIODevice::ReadOnly))
        return Error::of(ErrorKind::Io, QStringLiteral("cannot read signing key %1: %2").arg(pemPath, file.errorString()));
    if (file.size() > kMaxPemBytes)
        return Error::of(ErrorKind::Internal, QStringLiteral("signing key %1 is too large to be a PEM key").arg(pemPath));
    auto key = SigningKey::fromPem(file.readAll());
    if (!key)
        return Error::of(key.error().kind, QStringLiteral("signing key %1: %2").arg(pemPath, key.error().message));
    return key;
}

} // namespace

void SigningKey::KeyDeleter::operator()(evp_pkey_st *key) const
{
    EVP_PKEY_free(key);
}

SigningKey::SigningKey() = default;
SigningKey::~SigningKey() = default;
SigningKey::SigningKey(SigningKey &&other) noexcept = default;
SigningKey &SigningKey::operator=(SigningKey &&other) noexcept = default;

SigningKey::SigningKey(const SigningKey &other)
    : m_keyId(other.m_keyId)
    , m_jwk(other.m_jwk)
{
    if (other.m_key && EVP_PKEY_up_ref(other.m_key.get()) == 1)
        m_key.reset(other.m_key.get());
}

SigningKey &SigningKey::operator=(const SigningKey &other)
{
    if (this != &other)
        *this = SigningKey(other);
    return *this;
}

SigningKey::SigningKey(evp_pkey_st *key)
    : m_key(key)
{
    const QString n = QString::fromLatin1(bigNumParam(key, OSSL_PKEY_PARAM_RSA_N).toBase64(kBase64Url));
    const QString e = QString::fromLatin1(bigNumParam(key, OSSL_PKEY_PARAM_RSA_E).toBase64(kBase64Url));
    m_keyId = rsaJwkThumbprint(QJsonObject{{QStringLiteral("n"), n}, {QStringLiteral("e"), e}});
    m_jwk = QJsonObject{{QStringLiteral("kty"), QStringLiteral("RSA")},
                        {QStringLiteral("n"), n},
                        {QStringLiteral("e"), e},
                        {QStringLiteral("kid"), m_keyId},
                        {QStringLiteral("alg"), QStringLiteral("RS256")},
                        {QStringLiteral("use"), QStringLiteral("sig")}};
}

Result<SigningKey> SigningKey::generate()
{
    std::unique_ptr<EVP_PKEY_CTX, PkeyCtxDeleter> ctx(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
    EVP_PKEY *key = nullptr;
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1 || EVP_PKEY_CTX_set_rsa_keygen_bits(ctx.get(), kKeyBits) != 1
        || EVP_PKEY_generate(ctx.get(), &key) != 1 || !key)
        return openSslError(ErrorKind::Internal, QStringLiteral("cannot generate an RSA-%1 key").arg(kKeyBits));
    return SigningKey(key);
}

Result<SigningKey> SigningKey::fromPem(QByteArrayView pem)
{
    Bio bio(BIO_new_mem_buf(pem.data(), int(pem.size())));
    EVP_PKEY *key = bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, noPassphrase, nullptr) : nullptr;
    if (!key)
        return openSslError(ErrorKind::Internal, QStringLiteral("not an unencrypted PEM private key"));
    // Wrap first so that every early return frees the key.
    SigningKey result(key);
    if (!EVP_PKEY_is_a(key, "RSA"))
        return Error::of(ErrorKind::Internal, QStringLiteral("the key is not an RSA key (RS256 needs one)"));
    if (EVP_PKEY_get_bits(key) < kKeyBits)
        return Error::of(ErrorKind::Internal,
                         QStringLiteral("the RSA key has %1 bits; at least %2 are required")
                             .arg(EVP_PKEY_get_bits(key)).arg(kKeyBits));
    return result;
}

Result<SigningKey> SigningKey::loadOrCreate(const QString &pemPath)
{
    if (QFileInfo::exists(pemPath))
        return loadFile(pemPath);

    auto key = generate();
    if (!key)
        return key;
    const QByteArray pem = key->privateKeyPem();
    if (pem.isEmpty())
        return Error::of(ErrorKind::Internal, QStringLiteral("cannot encode the new signing key as PEM"));

    const QFileInfo info(pemPath);
    if (!QDir().mkpath(info.absolutePath()))
        return Error::of(ErrorKind::Io, QStringLiteral("cannot create directory %1").arg(info.absolutePath()));

    // Written under a temporary name created with mode 0600, so the key is
    // never readable by others and never visible half-written.
    const QString temporary = pemPath + QStringLiteral(".tmp-") + SecretBox::randomToken(12);
    QFile out(temporary);
    if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return Error::of(ErrorKind::Io, QStringLiteral("cannot create %1: %2").arg(temporary, out.errorString()));
    bool written = out.write(pem) == pem.size() && out.flush();
#ifdef Q_OS_UNIX
    written = written && ::fsync(out.handle()) == 0;
#endif
    out.close();
    if (!written) {
        QFile::remove(temporary);
        return Error::of(ErrorKind::Io, QStringLiteral("cannot write %1").arg(temporary));
    }

#ifdef Q_OS_UNIX
    // link() never replaces an existing file: when another process created the
    // key between our check and now, its key wins and both use it.
    const QByteArray from = QFile::encodeName(temporary);
    const QByteArray to = QFile::encodeName(pemPath);
    int linked = ::link(from.constData(), to.constData());
    int linkError = errno;
    if (linked != 0 && (linkError == EPERM || linkError == EOPNOTSUPP)) {
        // A file system without hard links: rename, accepting the start-up race.
        linked = ::rename(from.constData(), to.constData());
        linkError = errno;
    }
    QFile::remove(temporary);
    if (linked != 0) {
        if (linkError == EEXIST)
            return loadFile(pemPath);
        return Error::of(ErrorKind::Io, QStringLiteral("cannot create %1: %2")
                                            .arg(pemPath, QString::fromLocal8Bit(strerror(linkError))));
    }
    syncDirectory(info.absolutePath());
#else
    if (!QFile::rename(temporary, pemPath)) {
        QFile::remove(temporary);
        if (QFileInfo::exists(pemPath))
            return loadFile(pemPath);
        return Error::of(ErrorKind::Io, QStringLiteral("cannot create %1").arg(pemPath));
    }
#endif
    return key;
}

QString rsaJwkThumbprint(const QJsonObject &jwk)
{
    const QJsonValue n = jwk.value(QStringLiteral("n"));
    const QJsonValue e = jwk.value(QStringLiteral("e"));
    if (!n.isString() || !e.isString() || n.toString().isEmpty() || e.toString().isEmpty())
        return {};
    // RFC 7638 section 3: the required members in lexicographic order, no
    // whitespace. Written by hand so that no JSON writer's choices (key order,
    // escaping) can change the id; base64url values need no escaping.
    const QByteArray canonical = "{\"e\":\"" + e.toString().toUtf8() + "\",\"kty\":\"RSA\",\"n\":\""
        + n.toString().toUtf8() + "\"}";
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(canonical.constData(), size_t(canonical.size()), digest, &length, EVP_sha256(), nullptr) != 1)
        return {};
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(digest), qsizetype(length)).toBase64(kBase64Url));
}

QJsonObject SigningKey::publicJwk() const
{
    return m_jwk;
}

QByteArray SigningKey::privateKeyPem() const
{
    if (!m_key)
        return {};
    Bio bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), m_key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        ERR_clear_error();
        return {};
    }
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, qsizetype(length));
}

QByteArray SigningKey::sign(QByteArrayView signingInput) const
{
    if (!m_key)
        return {};
    MdCtx ctx(EVP_MD_CTX_new());
    QByteArray signature(EVP_PKEY_get_size(m_key.get()), Qt::Uninitialized);
    size_t length = size_t(signature.size());
    if (!ctx
        || EVP_DigestSignInit_ex(ctx.get(), nullptr, "SHA256", nullptr, nullptr, m_key.get(), nullptr) != 1
        || EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                          reinterpret_cast<const unsigned char *>(signingInput.data()),
                          size_t(signingInput.size())) != 1) {
        ERR_clear_error();
        return {};
    }
    signature.truncate(qsizetype(length));
    return signature;
}

bool SigningKey::verify(QByteArrayView signingInput, QByteArrayView signature) const
{
    if (!m_key)
        return false;
    MdCtx ctx(EVP_MD_CTX_new());
    const bool ok = ctx
        && EVP_DigestVerifyInit_ex(ctx.get(), nullptr, "SHA256", nullptr, nullptr, m_key.get(), nullptr) == 1
        && EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char *>(signature.data()),
                            size_t(signature.size()),
                            reinterpret_cast<const unsigned char *>(signingInput.data()),
                            size_t(signingInput.size())) == 1;
    if (!ok)
        ERR_clear_error();
    return ok;
}

QByteArray encodeJwt(const SigningKey &key, const QJsonObject &claims)
{
    const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("RS256")},
                             {QStringLiteral("typ"), QStringLiteral("JWT")},
                             {QStringLiteral("kid"), key.keyId()}};
    const QByteArray signingInput = QJsonDocument(header).toJson(QJsonDocument::Compact).toBase64(kBase64Url) + '.'
        + QJsonDocument(claims).toJson(QJsonDocument::Compact).toBase64(kBase64Url);
    const QByteArray signature = key.sign(signingInput);
    if (signature.isEmpty())
        return {};
    return signingInput + '.' + signature.toBase64(kBase64Url);
}

Result<QJsonObject> decodeJwt(const SigningKey &key, QByteArrayView token, qint64 nowSeconds,
                              const QString &expectedAudience, const QString &expectedIssuer,
                              qint64 maxLifetimeSeconds, qint64 leewaySeconds)
{
    if (token.size() > kMaxTokenBytes)
        return unauthorized(QStringLiteral("token is too long"));
    const qsizetype firstDot = token.indexOf('.');
    const qsizetype secondDot = firstDot < 0 ? -1 : token.indexOf('.', firstDot + 1);
    if (secondDot < 0 || token.indexOf('.', secondDot + 1) >= 0)
        return unauthorized(QStringLiteral("malformed token: expected three dot-separated parts"));
    const QByteArrayView headerPart = token.first(firstDot);
    const QByteArrayView claimsPart = token.sliced(firstDot + 1, secondDot - firstDot - 1);
    const QByteArrayView signaturePart = token.sliced(secondDot + 1);

    QByteArray headerJson;
    QJsonObject header;
    if (!decodeBase64Url(headerPart, &headerJson) || !parseJsonObject(headerJson, &header))
        return unauthorized(QStringLiteral("malformed token: the header is not base64url JSON"));
    // Only RS256: accepting what the token itself names is how "none" and
    // HS256-with-the-public-key forgeries get in.
    const QString algorithm = header.value(QStringLiteral("alg")).toString();
    if (algorithm != u"RS256")
        return unauthorized(QStringLiteral("unsupported token algorithm \"%1\": only RS256 is accepted").arg(algorithm));
    if (header.contains(QStringLiteral("crit")))
        return unauthorized(QStringLiteral("token has critical header parameters this server does not understand"));
    const QJsonValue kid = header.value(QStringLiteral("kid"));
    if (!kid.isString() || kid.toString().isEmpty())
        return unauthorized(QStringLiteral("token has no key id (kid)"));
    if (kid.toString() != key.keyId())
        return unauthorized(QStringLiteral("token was signed with unknown key \"%1\"").arg(kid.toString().left(100)));

    QByteArray signature;
    if (!decodeBase64Url(signaturePart, &signature) || signature.isEmpty())
        return unauthorized(QStringLiteral("malformed token: the signature is not base64url"));
    if (!key.verify(token.first(secondDot), signature))
        return unauthorized(QStringLiteral("invalid token signature"));

    QByteArray claimsJson;
    QJsonObject claims;
    if (!decodeBase64Url(claimsPart, &claimsJson) || !parseJsonObject(claimsJson, &claims))
        return unauthorized(QStringLiteral("malformed token: the claims are not base64url JSON"));

    qint64 exp = 0;
    qint64 iat = 0;
    qint64 nbf = 0;
    switch (numericClaim(claims, QStringLiteral("exp"), &exp)) {
    case ClaimState::Absent: return unauthorized(QStringLiteral("token has no expiry (exp)"));
    case ClaimState::Malformed: return unauthorized(QStringLiteral("token exp is not a number"));
    case ClaimState::Present: break;
    }
    switch (numericClaim(claims, QStringLiteral("iat"), &iat)) {
    case ClaimState::Absent: return unauthorized(QStringLiteral("token has no issue time (iat)"));
    case ClaimState::Malformed: return unauthorized(QStringLiteral("token iat is not a number"));
    case ClaimState::Present: break;
    }
    const ClaimState nbfState = numericClaim(claims, QStringLiteral("nbf"), &nbf);
    if (nbfState == ClaimState::Malformed)
        return unauthorized(QStringLiteral("token nbf is not a number"));

    if (nowSeconds > exp + leewaySeconds)
        return unauthorized(QStringLiteral("token has expired"));
    if (nbfState == ClaimState::Present && nbf > nowSeconds + leewaySeconds)
        return unauthorized(QStringLiteral("token is not valid yet (nbf is in the future)"));
    if (iat > nowSeconds + leewaySeconds)
        return unauthorized(QStringLiteral("token was issued in the future (iat)"));
    if (exp - iat > maxLifetimeSeconds)
        return unauthorized(QStringLiteral("token lifetime of %1 seconds exceeds the maximum of %2")
                                .arg(exp - iat).arg(maxLifetimeSeconds));

    if (!audienceMatches(claims.value(QStringLiteral("aud")), expectedAudience))
        return unauthorized(QStringLiteral("token audience is not \"%1\"").arg(expectedAudience));
    const QJsonValue issuer = claims.value(QStringLiteral("iss"));
    if (!issuer.isString() || issuer.toString() != expectedIssuer)
        return unauthorized(QStringLiteral("token issuer is not \"%1\"").arg(expectedIssuer));
    const QJsonValue subject = claims.value(QStringLiteral("sub"));
    if (!subject.isString() || subject.toString().isEmpty())
        return unauthorized(QStringLiteral("token has no subject (sub)"));
    return claims;
}

} // namespace kai::auth
