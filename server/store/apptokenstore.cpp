#include "store/apptokenstore.h"

#include <QUuid>

#include <openssl/crypto.h>

namespace kai::store {

namespace {
constexpr qint64 kTouchIntervalMs = 60 * 1000;

const char *const kColumns = "id, uuid, user_id, title, created_ms, expires_ms, last_accessed_ms";

AppToken fromRow(const db::Row &row)
{
    AppToken token;
    token.id = row.integer(0);
    token.uuid = row.text(1);
    token.userId = row.integer(2);
    token.title = row.text(3);
    token.createdMs = row.integer(4);
    if (!row.isNull(5))
        token.expiresMs = row.integer(5);
    if (!row.isNull(6))
        token.lastAccessedMs = row.integer(6);
    return token;
}

// The secret is bound to its lookup key and its owner: a database writer
// cannot move it to another row or user.
QByteArray associatedData(const QString &name, qint64 userId)
{
    return name.toLatin1() + ':' + QByteArray::number(userId);
}

// Unexpired: no expiry, or one still ahead.
const char *const kUnexpired = "(expires_ms IS NULL OR expires_ms > ?)";
} // namespace

Result<std::vector<AppToken>> AppTokenStore::select(const QString &where, const QVariantList &params)
{
    auto r = m_db.exec(QStringLiteral("SELECT %1 FROM app_tokens WHERE %2 ORDER BY id").arg(QLatin1String(kColumns), where),
                       params);
    if (!r)
        return r.error();
    std::vector<AppToken> tokens;
    tokens.reserve(r->rows.size());
    for (const db::Row &row : r->rows)
        tokens.push_back(fromRow(row));
    return tokens;
}

Result<std::pair<AppToken, QString>> AppTokenStore::create(qint64 userId, const QString &title, qint64 expiresMs,
                                                           qint64 nowMs)
{
    const QString code = auth::SecretBox::randomToken(kTokenLength);
    const QString name = code.left(kNameLength);
    const QByteArray sealed = m_box.seal(QStringView(code).mid(kNameLength).toLatin1(), associatedData(name, userId));
    if (sealed.isEmpty())
        return Error::of(ErrorKind::Internal, QStringLiteral("the secret key cannot seal app tokens"));
    AppToken token;
    token.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    token.userId = userId;
    token.title = title;
    token.createdMs = nowMs;
    if (expiresMs > 0)
        token.expiresMs = expiresMs;
    auto r = m_db.exec("INSERT INTO app_tokens (uuid, user_id, title, token_name, token_secret, created_ms, expires_ms) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                       {token.uuid, userId, title, name, QString::fromLatin1(sealed), nowMs,
                        expiresMs > 0 ? QVariant(expiresMs) : QVariant()});
    if (!r)
        return r.error();
    token.id = r->first().integer(0);
    return std::pair{token, code};
}

Result<std::vector<AppToken>> AppTokenStore::list(qint64 userId, qint64 nowMs, qint64 expiringBeforeMs)
{
    if (expiringBeforeMs > 0)
        return select(QStringLiteral("user_id = ? AND expires_ms IS NOT NULL AND expires_ms > ? AND expires_ms <= ?"),
                      {userId, nowMs, expiringBeforeMs});
    return select(QStringLiteral("user_id = ? AND ") + QLatin1String(kUnexpired), {userId, nowMs});
}

Result<std::optional<AppToken>> AppTokenStore::byUuid(const QString &uuid, qint64 userId, qint64 nowMs)
{
    auto tokens = select(QStringLiteral("uuid = ? AND user_id = ? AND ") + QLatin1String(kUnexpired), {uuid, userId, nowMs});
    if (!tokens)
        return tokens.error();
    if (tokens->empty())
        return std::optional<AppToken>{};
    return std::optional<AppToken>{tokens->front()};
}

Result<QString> AppTokenStore::code(const AppToken &token)
{
    auto r = m_db.exec("SELECT token_name, token_secret FROM app_tokens WHERE id = ?", {token.id});
    if (!r)
        return r.error();
    if (r->empty())
        return Error::of(ErrorKind::Internal, QStringLiteral("app token %1 is gone").arg(token.uuid));
    const QString name = r->first().text(0);
    auto secret = m_box.open(r->first().text(1).toLatin1(), associatedData(name, token.userId));
    if (!secret)
        return Error::of(ErrorKind::Internal, QStringLiteral("app token %1 cannot be opened: %2")
                                                  .arg(token.uuid, secret.error().message));
    return name + QString::fromLatin1(*secret);
}

Result<std::optional<AppToken>> AppTokenStore::revoke(const QString &uuid, qint64 userId)
{
    auto tokens = select(QStringLiteral("uuid = ? AND user_id = ?"), {uuid, userId});
    if (!tokens)
        return tokens.error();
    if (tokens->empty())
        return std::optional<AppToken>{};
    auto r = m_db.exec("DELETE FROM app_tokens WHERE id = ?", {tokens->front().id});
    if (!r)
        return r.error();
    return std::optional<AppToken>{tokens->front()};
}

Result<std::optional<AppToken>> AppTokenStore::access(const QString &candidate, qint64 nowMs)
{
    if (candidate.size() != kTokenLength)
        return std::optional<AppToken>{};
    const QString name = candidate.left(kNameLength);
    auto r = m_db.exec(QStringLiteral("SELECT %1, token_secret FROM app_tokens WHERE token_name = ? AND ")
                               .arg(QLatin1String(kColumns))
                           + QLatin1String(kUnexpired),
                       {name, nowMs});
    if (!r)
        return r.error();
    if (r->empty())
        return std::optional<AppToken>{};
    const db::Row &row = r->first();
    auto secret = m_box.open(row.text(7).toLatin1(), associatedData(name, row.integer(2)));
    if (!secret)
        return std::optional<AppToken>{};   // damaged or moved: never a match
    const QByteArray actual = QStringView(candidate).mid(kNameLength).toUtf8();
    if (secret->size() != actual.size()
        || CRYPTO_memcmp(secret->constData(), actual.constData(), size_t(actual.size())) != 0)
        return std::optional<AppToken>{};
    AppToken token = fromRow(row);
    if (!token.lastAccessedMs || *token.lastAccessedMs < nowMs - kTouchIntervalMs) {
        auto touched = m_db.exec("UPDATE app_tokens SET last_accessed_ms = ? WHERE id = ?", {nowMs, token.id});
        if (!touched)
            return touched.error();
        token.lastAccessedMs = nowMs;
    }
    return std::optional<AppToken>{token};
}

} // namespace kai::store
