#include "auth/secretbox.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <memory>

namespace kai::auth {

namespace {

constexpr int kNonceBytes = 12;
constexpr int kTagBytes = 16;

struct CipherCtxDeleter
{
    void operator()(EVP_CIPHER_CTX *ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

const QByteArray::Base64Options kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

unsigned char *bytes(QByteArray &array)
{
    return reinterpret_cast<unsigned char *>(array.data());
}

const unsigned char *bytes(QByteArrayView array)
{
    return reinterpret_cast<const unsigned char *>(array.data());
}

Error openError(const char *why)
{
    return Error::of(ErrorKind::Internal, QStringLiteral("cannot open sealed secret: %1").arg(QLatin1StringView(why)));
}

} // namespace

SecretBox::SecretBox(QByteArrayView key)
{
    Q_ASSERT_X(key.size() == kKeyBytes, "SecretBox", "the key must be 32 bytes");
    if (key.size() != kKeyBytes)
        return;
    m_cipher.reset(EVP_CIPHER_fetch(nullptr, "AES-256-GCM", nullptr), EVP_CIPHER_free);
    if (m_cipher)
        m_key = key.toByteArray();
}

Result<SecretBox> SecretBox::create(QByteArrayView key)
{
    if (key.size() != kKeyBytes)
        return Error::of(ErrorKind::Internal,
                         QStringLiteral("secret box key must be %1 bytes, got %2").arg(kKeyBytes).arg(key.size()));
    return SecretBox(key);
}

SecretBox SecretBox::fromSecret(QByteArrayView secret)
{
    QByteArray key(kKeyBytes, Qt::Uninitialized);
    EVP_KDF *kdf = EVP_KDF_fetch(nullptr, "HKDF", nullptr);
    EVP_KDF_CTX *ctx = kdf ? EVP_KDF_CTX_new(kdf) : nullptr;
    EVP_KDF_free(kdf);
    // A fixed label separates this key from anything else derived from the
    // same secret, now or later.
    static const char kInfo[] = "kai secretbox v1";
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, const_cast<char *>(secret.data()),
                                          size_t(secret.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, const_cast<char *>(kInfo), sizeof(kInfo) - 1),
        OSSL_PARAM_construct_end(),
    };
    const bool ok = ctx && EVP_KDF_derive(ctx, bytes(key), size_t(key.size()), params) == 1;
    EVP_KDF_CTX_free(ctx);
    if (!ok)
        qFatal("kai::auth::SecretBox: HKDF-SHA256 is unavailable in this OpenSSL");
    return SecretBox(key);
}

QByteArray SecretBox::seal(QByteArrayView plaintext, QByteArrayView associatedData) const
{
    if (!isValid())
        return {};
    QByteArray out(kNonceBytes + plaintext.size() + kTagBytes, Qt::Uninitialized);
    const QByteArray nonce = randomBytes(kNonceBytes);
    std::copy(nonce.begin(), nonce.end(), out.begin());

    CipherCtx ctx(EVP_CIPHER_CTX_new());
    int length = 0;
    bool ok = ctx && EVP_EncryptInit_ex(ctx.get(), m_cipher.get(), nullptr, bytes(QByteArrayView(m_key)),
                                        bytes(QByteArrayView(nonce))) == 1;
    if (ok && !associatedData.isEmpty())
        ok = EVP_EncryptUpdate(ctx.get(), nullptr, &length, bytes(associatedData), int(associatedData.size())) == 1;
    if (ok && !plaintext.isEmpty())
        ok = EVP_EncryptUpdate(ctx.get(), bytes(out) + kNonceBytes, &length, bytes(plaintext),
                               int(plaintext.size())) == 1;
    ok = ok && EVP_EncryptFinal_ex(ctx.get(), bytes(out) + kNonceBytes + plaintext.size(), &length) == 1
        && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes,
                               bytes(out) + kNonceBytes + plaintext.size()) == 1;
    if (!ok)
        return {};
    return out.toBase64(kBase64Url);
}

Result<QByteArray> SecretBox::open(QByteArrayView sealed, QByteArrayView associatedData) const
{
    if (!isValid())
        return openError("the box has no valid key");
    auto decoded = QByteArray::fromBase64Encoding(sealed.toByteArray(),
                                                  QByteArray::Base64UrlEncoding
                                                      | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return openError("not base64url");
    const QByteArray &raw = decoded.decoded;
    if (raw.size() < kNonceBytes + kTagBytes)
        return openError("too short");
    const qsizetype cipherLength = raw.size() - kNonceBytes - kTagBytes;
    const QByteArrayView nonce = QByteArrayView(raw).first(kNonceBytes);
    const QByteArrayView ciphertext = QByteArrayView(raw).sliced(kNonceBytes, cipherLength);
    QByteArray tag = raw.right(kTagBytes);

    QByteArray plaintext(cipherLength, Qt::Uninitialized);
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    int length = 0;
    bool ok = ctx && EVP_DecryptInit_ex(ctx.get(), m_cipher.get(), nullptr, bytes(QByteArrayView(m_key)),
                                        bytes(nonce)) == 1;
    if (ok && !associatedData.isEmpty())
        ok = EVP_DecryptUpdate(ctx.get(), nullptr, &length, bytes(associatedData), int(associatedData.size())) == 1;
    if (ok && cipherLength > 0)
        ok = EVP_DecryptUpdate(ctx.get(), bytes(plaintext), &length, bytes(ciphertext), int(cipherLength)) == 1;
    ok = ok && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, bytes(tag)) == 1;
    // The tag is checked here; nothing decrypted may be used before it is.
    if (!ok || EVP_DecryptFinal_ex(ctx.get(), bytes(plaintext) + cipherLength, &length) != 1)
        return openError("authentication failed (wrong key, wrong associated data or modified data)");
    return plaintext;
}

QByteArray SecretBox::randomBytes(int n)
{
    QByteArray out(qMax(n, 0), Qt::Uninitialized);
    if (n > 0 && RAND_bytes(bytes(out), n) != 1)
        qFatal("kai::auth::SecretBox: the OpenSSL random generator failed");
    return out;
}

QString SecretBox::randomToken(int length, QStringView alphabet)
{
    Q_ASSERT(!alphabet.isEmpty() && alphabet.size() <= 256);
    QString token;
    token.reserve(length);
    // Rejection sampling: bytes at or above the largest multiple of the
    // alphabet size would favour the first characters, so they are redrawn.
    const int limit = 256 - (256 % int(alphabet.size()));
    while (token.size() < length) {
        const QByteArray pool = randomBytes(int(length - token.size()) + 16);
        for (char c : pool) {
            const int value = static_cast<unsigned char>(c);
            if (value < limit && token.size() < length)
                token.append(alphabet[value % alphabet.size()]);
        }
    }
    return token;
}

} // namespace kai::auth
