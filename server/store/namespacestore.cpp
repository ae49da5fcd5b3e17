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
        QStringLiteral("INSERT INTO namespaces (name, uuid, kind, email, password_hash, enabled, superuser, created_ms, "
                       "tag_expiration_s) VALUES (?, ?, 'user', ?, ?, 1, ?, ?, ?) RETURNING id"),
        {name, uuid, email.isEmpty() ? QVariant() : QVariant(email), passwordHash, superuser ? 1 : 0, nowMs,
         m_defaultTagExpirationSeconds});
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

namespace {
Status done(const Result<db::QueryResult> &r)
{
    if (!r)
        return r.error();
    return {};
}
} // namespace

Status NamespaceStore::setPasswordHash(qint64 id, const QString &hash)
{
    return done(m_db.exec("UPDATE namespaces SET password_hash = ? WHERE id = ?", {hash, id}));
}

Status NamespaceStore::setEmail(qint64 id, const QString &email)
{
    auto taken = m_db.exec("SELECT 1 FROM namespaces WHERE email = ? AND id <> ?", {email, id});
    if (!taken)
        return taken.error();
    if (!taken->empty())
        return Error::of(ErrorKind::Conflict, QStringLiteral("E-mail address already used"));
    return done(m_db.exec("UPDATE namespaces SET email = ? WHERE id = ?", {email, id}));
}

Status NamespaceStore::setEnabled(qint64 id, bool enabled)
{
    return done(m_db.exec("UPDATE namespaces SET enabled = ? WHERE id = ?", {enabled ? 1 : 0, id}));
}

Status NamespaceStore::setTagExpiration(qint64 id, qint64 seconds)
{
    return done(m_db.exec("UPDATE namespaces SET tag_expiration_s = ? WHERE id = ?", {seconds, id}));
}

Status NamespaceStore::setInvoiceEmail(qint64 id, bool enabled, const QString &address)
{
    return done(m_db.exec("UPDATE namespaces SET invoice_email = ?, invoice_email_address = ? WHERE id = ?",
                          {enabled ? 1 : 0, address.isEmpty() ? QVariant() : QVariant(address), id}));
}

Result<qint64> NamespaceStore::tagExpiration(qint64 id)
{
    auto r = m_db.exec("SELECT tag_expiration_s FROM namespaces WHERE id = ?", {id});
    if (!r)
        return r.error();
    return r->empty() ? qint64(0) : r->first().integer(0);
}

Status NamespaceStore::remove(qint64 id)
{
    return done(m_db.exec("DELETE FROM namespaces WHERE id = ?", {id}));
}

Result<QList<Namespace>> NamespaceStore::users(const QString &after, int limit, bool includeDisabled)
{
    auto r = m_db.exec(QStringLiteral("SELECT %1 FROM namespaces WHERE kind = 'user' AND name > ? %2 ORDER BY name LIMIT ?")
                           .arg(QLatin1String(kColumns), includeDisabled ? QString() : QStringLiteral("AND enabled = 1")),
                       {after, limit});
    if (!r)
        return r.error();
    QList<Namespace> list;
    for (const auto &row : r->rows)
        list << fromRow(row);
    return list;
}

Result<QList<Namespace>> NamespaceStore::organizations(const QString &after, int limit)
{
    auto r = m_db.exec(QStringLiteral("SELECT %1 FROM namespaces WHERE kind = 'organization' AND name > ? ORDER BY name LIMIT ?")
                           .arg(QLatin1String(kColumns)),
                       {after, limit});
    if (!r)
        return r.error();
    QList<Namespace> list;
    for (const auto &row : r->rows)
        list << fromRow(row);
    return list;
}

Result<QList<NamespaceStore::Membership>> NamespaceStore::memberships(qint64 userId)
{
    auto r = m_db.exec("SELECT o.name, o.email, t.role FROM namespaces o JOIN teams t ON t.organization_id = o.id "
                       "JOIN team_members m ON m.team_id = t.id WHERE m.member_id = ? ORDER BY o.name",
                       {userId});
    if (!r)
        return r.error();
    static const QStringList order{"member", "creator", "admin"};
    QList<Membership> list;
    for (const auto &row : r->rows) {
        if (!list.isEmpty() && list.last().organization == row.text(0)) {
            if (order.indexOf(row.text(2)) > order.indexOf(list.last().bestTeamRole))
                list.last().bestTeamRole = row.text(2);
            continue;
        }
        list << Membership{row.text(0), row.text(1), row.text(2)};
    }
    return list;
}

Result<QStringList> NamespaceStore::soleAdminOrganizations(qint64 userId)
{
    auto r = m_db.exec("SELECT o.name FROM namespaces o WHERE o.kind = 'organization' AND EXISTS ("
                       "  SELECT 1 FROM teams t JOIN team_members m ON m.team_id = t.id "
                       "  WHERE t.organization_id = o.id AND t.role = 'admin' AND m.member_id = ?) "
                       "AND NOT EXISTS ("
                       "  SELECT 1 FROM teams t JOIN team_members m ON m.team_id = t.id "
                       "  WHERE t.organization_id = o.id AND t.role = 'admin' AND m.member_id <> ?)",
                       {userId, userId});
    if (!r)
        return r.error();
    QStringList names;
    for (const auto &row : r->rows)
        names << row.text(0);
    return names;
}

} // namespace kai::store
