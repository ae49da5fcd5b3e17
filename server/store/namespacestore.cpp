#include "store/namespacestore.h"

#include <QUuid>

namespace kai::store {

namespace {
const char *const kColumns = "id, name, uuid, kind, email, password_hash, enabled, superuser, created_ms";

Namespace fromRow(const db::Row &r)
{
    return Namespace{r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5),
                     r.boolean(6), r.boolean(7), r.integer(8)};
}
} // namespace

Result<std::optional<Namespace>> NamespaceStore::one(const QString &where, const QVariant &value)
{
    auto result = m_db.exec(QStringLiteral("SELECT %1 FROM namespaces WHERE %2 = ?").arg(QLatin1String(kColumns), where),
                            {value});
    if (!result)
        return result.error();
    if (result->empty())
        return std::optional<Namespace>{};
    return std::optional<Namespace>{fromRow(result->first())};
}

Result<std::optional<Namespace>> NamespaceStore::byName(const QString &name) { return one("name", name); }
Result<std::optional<Namespace>> NamespaceStore::byId(qint64 id) { return one("id", id); }
Result<std::optional<Namespace>> NamespaceStore::byEmail(const QString &email) { return one("email", email); }

Result<qint64> NamespaceStore::userCount()
{
    auto result = m_db.exec("SELECT COUNT(*) FROM namespaces WHERE kind = 'user'");
    if (!result)
        return result.error();
    return result->first().integer(0);
}

Result<Namespace> NamespaceStore::createUser(const QString &name, const QString &email,
                                             const QString &passwordHash, bool superuser, qint64 nowMs)
{
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto result = m_db.exec(
        QStringLiteral("INSERT INTO namespaces (name, uuid, kind, email, password_hash, enabled, superuser, created_ms) "
                       "VALUES (?, ?, 'user', ?, ?, 1, ?, ?) RETURNING id"),
        {name, uuid, email.isEmpty() ? QVariant() : QVariant(email), passwordHash, superuser ? 1 : 0, nowMs});
    if (!result) {
        if (result.error().kind == ErrorKind::Conflict)
            return Error::of(ErrorKind::Conflict, QStringLiteral("The username already exists"));
        return result.error();
    }
    return Namespace{result->first().integer(0), name, uuid, "user", email, passwordHash, true, superuser, nowMs};
}

Status NamespaceStore::setSuperuser(qint64 id, bool superuser)
{
    auto result = m_db.exec("UPDATE namespaces SET superuser = ? WHERE id = ?", {superuser ? 1 : 0, id});
    if (!result)
        return result.error();
    return {};
}

} // namespace kai::store
