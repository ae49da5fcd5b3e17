#include "store/tokenstore.h"

#include "auth/secretbox.h"

#include <QCryptographicHash>
#include <QUuid>

#include <openssl/crypto.h>

namespace kai::store {

namespace {
const QString kTokenAlphabet = QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

QString hashSecret(QStringView secret)
{
    return QString::fromLatin1(QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Sha256).toHex());
}
} // namespace

Result<qint64> TokenStore::createApplication(qint64 namespaceId, const QString &clientId,
                                             const QString &clientSecret, const QString &name, qint64 nowMs)
{
    auto r = m_db.exec("INSERT INTO oauth_applications (namespace_id, client_id, client_secret, name, created_ms) "
                       "VALUES (?, ?, ?, ?, ?) RETURNING id",
                       {namespaceId, clientId, clientSecret, name, nowMs});
    if (!r)
        return r.error();
    return r->first().integer(0);
}

Result<QString> TokenStore::issueToken(qint64 applicationId, qint64 namespaceId, const QString &scopes,
                                       qint64 expiresMs, qint64 nowMs)
{
    auto issued = issueNamedToken(applicationId, namespaceId, QString(), scopes, expiresMs, nowMs);
    if (!issued)
        return issued.error();
    return issued->token;
}

Result<TokenStore::Issued> TokenStore::issueNamedToken(qint64 applicationId, qint64 namespaceId, const QString &name,
                                                       const QString &scopes, qint64 expiresMs, qint64 nowMs)
{
    const QString token = auth::SecretBox::randomToken(40, kTokenAlphabet);
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto r = m_db.exec("INSERT INTO oauth_tokens (uuid, application_id, namespace_id, token_name, token_hash, scopes, "
                       "expires_ms, created_ms, name, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       {uuid, applicationId > 0 ? QVariant(applicationId) : QVariant(), namespaceId, token.left(20),
                        hashSecret(QStringView(token).mid(20)), scopes, expiresMs > 0 ? QVariant(expiresMs) : QVariant(),
                        nowMs, name.isEmpty() ? QVariant() : QVariant(name), namespaceId});
    if (!r)
        return r.error();
    return Issued{token, uuid};
}

namespace {

// A token with its application's client ID and name (NULL without one),
// then its secret's hash (column 7, which only validate() reads).
constexpr const char *kSelectToken =
    "SELECT t.id, t.uuid, t.namespace_id, t.scopes, t.expires_ms, a.client_id, a.name, t.token_hash "
    "FROM oauth_tokens t LEFT JOIN oauth_applications a ON a.id = t.application_id";

OAuthToken tokenOf(const db::Row &row)
{
    return OAuthToken{row.integer(0), row.text(1), row.integer(2), row.text(3), row.isNull(4) ? 0 : row.integer(4),
                      row.isNull(5) ? QString() : row.text(5), row.isNull(6) ? QString() : row.text(6)};
}

} // namespace

Result<std::optional<OAuthToken>> TokenStore::validate(const QString &token, qint64 nowMs)
{
    if (token.size() != 40)
        return std::optional<OAuthToken>{};
    auto r = m_db.exec(QLatin1String(kSelectToken) + QLatin1String(" WHERE t.token_name = ?"), {token.left(20)});
    if (!r)
        return r.error();
    if (r->empty())
        return std::optional<OAuthToken>{};
    const db::Row &row = r->first();
    const QByteArray expected = row.text(7).toLatin1();
    const QByteArray actual = hashSecret(QStringView(token).mid(20)).toLatin1();
    if (expected.size() != actual.size() || CRYPTO_memcmp(expected.constData(), actual.constData(), size_t(actual.size())) != 0)
        return std::optional<OAuthToken>{};
    OAuthToken found = tokenOf(row);
    if (found.expiresMs != 0 && found.expiresMs <= nowMs)
        return std::optional<OAuthToken>{};
    return std::optional<OAuthToken>{std::move(found)};
}

Result<std::optional<OAuthToken>> TokenStore::byUuid(const QString &uuid)
{
    auto r = m_db.exec(QLatin1String(kSelectToken) + QLatin1String(" WHERE t.uuid = ?"), {uuid});
    if (!r)
        return r.error();
    if (r->empty())
        return std::optional<OAuthToken>{};
    return std::optional<OAuthToken>{tokenOf(r->first())};
}

} // namespace kai::store
