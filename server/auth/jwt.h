#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

#include <memory>

struct evp_pkey_st;

namespace kai::auth {

// The server's RSA-2048 key that signs registry bearer tokens (RS256,
// reference §1.6). Copies share one OpenSSL key (reference-counted); the key
// is never modified after loading, and sign()/verify() make their own
// contexts, so one SigningKey may be used from any number of threads.
class SigningKey
{
public:
    SigningKey();   // invalid: sign() returns nothing, verify() is false
    ~SigningKey();
    SigningKey(const SigningKey &other);
    SigningKey &operator=(const SigningKey &other);
    SigningKey(SigningKey &&other) noexcept;
    SigningKey &operator=(SigningKey &&other) noexcept;

    // Loads the PEM private key at `pemPath`; if there is no file, generates
    // a new key and writes it there with mode 0600 (never readable by others,
    // not even while being written). Two processes racing on one path agree
    // on whichever key reached the disk first. ErrorKind::Io or Internal.
    static Result<SigningKey> loadOrCreate(const QString &pemPath);
    // A PEM private key in memory (PKCS#8 or traditional RSA). Only RSA keys
    // of at least 2048 bits are accepted.
    static Result<SigningKey> fromPem(QByteArrayView pem);
    static Result<SigningKey> generate();

    bool isValid() const { return m_key != nullptr; }
    // RFC 7638 JWK thumbprint: base64url(SHA-256({"e":..,"kty":"RSA","n":..})).
    QString keyId() const { return m_keyId; }
    // {"kty","n","e","kid","alg":"RS256","use":"sig"}; what a key server publishes.
    QJsonObject publicJwk() const;
    QByteArray privateKeyPem() const;

    // RS256: RSASSA-PKCS1-v1_5 with SHA-256. Empty on failure.
    QByteArray sign(QByteArrayView signingInput) const;
    bool verify(QByteArrayView signingInput, QByteArrayView signature) const;

private:
    struct KeyDeleter
    {
        void operator()(evp_pkey_st *key) const;
    };

    explicit SigningKey(evp_pkey_st *key);   // takes ownership

    std::unique_ptr<evp_pkey_st, KeyDeleter> m_key;
    QString m_keyId;
    QJsonObject m_jwk;
};

// RFC 7638 JWK thumbprint of an RSA public JWK: base64url (no padding) of
// SHA-256 over {"e":<e>,"kty":"RSA","n":<n>} with no whitespace. Empty if
// `jwk` lacks string members n and e.
QString rsaJwkThumbprint(const QJsonObject &jwk);

// A compact JWS: base64url({"alg":"RS256","typ":"JWT","kid":<keyId>}) "."
// base64url(claims) "." base64url(signature).
QByteArray encodeJwt(const SigningKey &key, const QJsonObject &claims);

// Verifies a token from encodeJwt() and returns its claims. Rejects, with
// ErrorKind::Unauthorized and a message saying why: malformed tokens, any
// alg but RS256 (so "none" and HS256 key confusion), a kid other than
// key.keyId(), "crit" headers, a bad signature, exp in the past or nbf/iat
// in the future (beyond `leewaySeconds`), missing exp or iat, exp - iat over
// `maxLifetimeSeconds`, an aud (string or array) without
// `expectedAudience`, iss != `expectedIssuer`, and a missing or empty sub.
Result<QJsonObject> decodeJwt(const SigningKey &key, QByteArrayView token, qint64 nowSeconds,
                              const QString &expectedAudience, const QString &expectedIssuer,
                              qint64 maxLifetimeSeconds = 3660, qint64 leewaySeconds = 30);

} // namespace kai::auth
