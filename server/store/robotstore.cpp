#include "store/robotstore.h"

#include <QUuid>

#include <openssl/crypto.h>

namespace kai::store {

namespace {
constexpr qint64 kTouchIntervalMs = 60 * 1000;

const char *const kColumns =
    "r.id, r.name, r.uuid, r.owner_id, o.enabled, r.description, r.metadata, r.created_ms, r.last_accessed_ms";

Robot fromRow(const db::Row &row)
{
    Robot robot;
    robot.id = row.integer(0);
    robot.name = row.text(1);
    robot.uuid = row.text(2);
    robot.ownerId = row.integer(3);
    robot.ownerEnabled = row.isNull(4) || row.boolean(4);
    robot.description = row.text(5);
    robot.metadataJson = row.isNull(6) ? QString() : row.text(6);
    robot.createdMs = row.integer(7);
    if (!row.isNull(8))
        robot.lastAccessedMs = row.integer(8);
    return robot;
}

QString newUuid() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }
} // namespace

Result<std::optional<Robot>> RobotStore::byName(const QString &fullName)
{
    auto r = m_db.exec(QStringLiteral("SELECT %1 FROM namespaces r LEFT JOIN namespaces o ON o.id = r.owner_id "
                                      "WHERE r.name = ? AND r.kind = 'robot'")
                           .arg(QLatin1String(kColumns)),
                       {fullName});
    if (!r)
        return r.error();
    if (r->empty())
        return std::optional<Robot>{};
    return std::optional<Robot>{fromRow(r->first())};
}

Result<std::vector<ListedRobot>> RobotStore::listByOwner(qint64 ownerId, int limit, bool withTokens)
{
    // COALESCE: both drivers then agree where never-used robots sort; the
    // index namespaces_robots_recent (migration 005) has the same
    // expression, so LIMIT stops after `limit` index entries instead of
    // sorting every robot of the owner. The sealed tokens come with the
    // rows: one query, whatever the number of robots.
    QString sql = QStringLiteral("SELECT r.id, r.name, r.description, r.created_ms, r.last_accessed_ms%1 "
                                 "FROM namespaces r WHERE r.owner_id = ? AND r.kind = 'robot' "
                                 "ORDER BY COALESCE(r.last_accessed_ms, 0) DESC, r.name")
                      .arg(withTokens ? QLatin1String(", r.robot_token") : QLatin1String());
    QVariantList params{ownerId};
    if (limit > 0) {
        sql += QStringLiteral(" LIMIT ?");
        params << qint64(limit);
    }
    auto r = m_db.exec(sql, params);
    if (!r)
        return r.error();
    std::vector<ListedRobot> robots;
    robots.reserve(r->rows.size());
    for (const db::Row &row : r->rows) {
        ListedRobot robot;
        robot.id = row.integer(0);
        robot.name = row.text(1);
        robot.description = row.text(2);
        robot.createdMs = row.integer(3);
        if (!row.isNull(4))
            robot.lastAccessedMs = row.integer(4);
        if (withTokens) {
            auto token = open(robot.name, row.at(5));
            if (!token)
                return token.error();
            robot.token = *token;
        }
        robots.push_back(std::move(robot));
    }
    return robots;
}

Result<QHash<qint64, RobotMemberships>> RobotStore::membershipsByOwner(qint64 ownerId)
{
    // One statement for both lists (kind 0: team, 1: repository), ordered
    // so that each robot's names arrive in the order the list shows them.
    auto r = m_db.exec("SELECT m.member_id, 0, t.name FROM team_members m JOIN teams t ON t.id = m.team_id "
                       "JOIN namespaces r ON r.id = m.member_id WHERE r.owner_id = ? AND r.kind = 'robot' "
                       "UNION ALL "
                       "SELECT p.namespace_id, 1, rep.name FROM repository_permissions p "
                       "JOIN repositories rep ON rep.id = p.repository_id "
                       "JOIN namespaces r ON r.id = p.namespace_id WHERE r.owner_id = ? AND r.kind = 'robot' "
                       "AND rep.deleted = 0 "
                       "ORDER BY 1, 2, 3",
                       {ownerId, ownerId});
    if (!r)
        return r.error();
    QHash<qint64, RobotMemberships> memberships;
    for (const db::Row &row : r->rows) {
        RobotMemberships &entry = memberships[row.integer(0)];
        (row.integer(1) == 0 ? entry.teams : entry.repositories) << row.text(2);
    }
    return memberships;
}

Result<std::pair<Robot, QString>> RobotStore::create(qint64 ownerId, const QString &fullName,
                                                     const QString &description, const QString &metadataJson,
                                                     qint64 nowMs)
{
    const QString token = auth::SecretBox::randomToken(kTokenLength);
    const QByteArray sealed = m_box.seal(token.toLatin1(), fullName.toUtf8());
    if (sealed.isEmpty())
        return Error::of(ErrorKind::Internal, QStringLiteral("the secret key cannot seal robot tokens"));
    Robot robot;
    robot.name = fullName;
    robot.uuid = newUuid();
    robot.ownerId = ownerId;
    robot.description = description;
    robot.metadataJson = metadataJson;
    robot.createdMs = nowMs;
    // ON CONFLICT DO NOTHING: safe inside a caller's transaction on both drivers.
    auto r = m_db.exec("INSERT INTO namespaces (name, uuid, kind, enabled, owner_id, description, metadata, "
                       "robot_token, created_ms) VALUES (?, ?, 'robot', 1, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (name) DO NOTHING RETURNING id",
                       {fullName, robot.uuid, ownerId, description,
                        metadataJson.isEmpty() ? QVariant() : QVariant(metadataJson),
                        QString::fromLatin1(sealed), nowMs});
    if (!r)
        return r.error();
    if (r->empty())
        return Error::of(ErrorKind::Conflict, QStringLiteral("Existing robot with name: %1").arg(fullName));
    robot.id = r->first().integer(0);
    return std::pair{robot, token};
}

Result<QString> RobotStore::regenerate(const Robot &robot)
{
    const QString token = auth::SecretBox::randomToken(kTokenLength);
    const QByteArray sealed = m_box.seal(token.toLatin1(), robot.name.toUtf8());
    if (sealed.isEmpty())
        return Error::of(ErrorKind::Internal, QStringLiteral("the secret key cannot seal robot tokens"));
    auto r = m_db.exec("UPDATE namespaces SET robot_token = ?, uuid = ? WHERE id = ? AND kind = 'robot'",
                       {QString::fromLatin1(sealed), newUuid(), robot.id});
    if (!r)
        return r.error();
    if (r->rowsAffected == 0)
        return Error::of(ErrorKind::ApiMessage, QStringLiteral("Could not find robot with specified username"));
    return token;
}

Result<std::optional<QString>> RobotStore::sealedToken(qint64 robotId)
{
    auto r = m_db.exec("SELECT robot_token FROM namespaces WHERE id = ? AND kind = 'robot'", {robotId});
    if (!r)
        return r.error();
    if (r->empty() || r->first().isNull(0))
        return std::optional<QString>{};
    return std::optional<QString>{r->first().text(0)};
}

Status RobotStore::renameOwner(qint64 ownerId, const QString &newOwnerName)
{
    auto robots = listByOwner(ownerId, 0, true);
    if (!robots)
        return robots.error();
    for (const ListedRobot &robot : *robots) {
        const QString name = newOwnerName + QLatin1Char('+') + robot.name.section(QLatin1Char('+'), 1);
        const QByteArray sealed = m_box.seal(robot.token.toLatin1(), name.toUtf8());
        if (sealed.isEmpty())
            return Error::of(ErrorKind::Internal, QStringLiteral("the secret key cannot seal robot tokens"));
        auto r = m_db.exec("UPDATE namespaces SET name = ?, robot_token = ? WHERE id = ? AND kind = 'robot'",
                           {name, QString::fromLatin1(sealed), robot.id});
        if (!r)
            return r.error();
    }
    return {};
}

Result<QString> RobotStore::open(const QString &robotName, const QVariant &sealed) const
{
    if (sealed.isNull())
        return Error::of(ErrorKind::Internal, QStringLiteral("robot %1 has no token").arg(robotName));
    auto opened = m_box.open(sealed.toString().toLatin1(), robotName.toUtf8());
    if (!opened)
        return Error::of(ErrorKind::Internal, QStringLiteral("the token of robot %1 cannot be opened: %2")
                                                  .arg(robotName, opened.error().message));
    return QString::fromLatin1(*opened);
}

Result<QString> RobotStore::token(const Robot &robot)
{
    auto sealed = sealedToken(robot.id);
    if (!sealed)
        return sealed.error();
    return open(robot.name, sealed->has_value() ? QVariant(**sealed) : QVariant());
}

Result<bool> RobotStore::verifyToken(const Robot &robot, const QString &candidate)
{
    auto stored = token(robot);
    if (!stored)
        return stored.error();
    const QByteArray expected = stored->toLatin1();
    const QByteArray actual = candidate.toUtf8();
    return expected.size() == actual.size()
           && CRYPTO_memcmp(expected.constData(), actual.constData(), size_t(actual.size())) == 0;
}

Status RobotStore::remove(qint64 robotId)
{
    auto r = m_db.exec("DELETE FROM namespaces WHERE id = ? AND kind = 'robot'", {robotId});
    if (!r)
        return r.error();
    return {};
}

Status RobotStore::touch(qint64 robotId, qint64 nowMs)
{
    auto r = m_db.exec("UPDATE namespaces SET last_accessed_ms = ? WHERE id = ? "
                       "AND (last_accessed_ms IS NULL OR last_accessed_ms < ?)",
                       {nowMs, robotId, nowMs - kTouchIntervalMs});
    if (!r)
        return r.error();
    return {};
}

Result<std::vector<RobotGrant>> RobotStore::grants(qint64 robotId)
{
    auto r = m_db.exec("SELECT rep.name, rep.visibility, p.role FROM repository_permissions p "
                       "JOIN repositories rep ON rep.id = p.repository_id "
                       "WHERE p.namespace_id = ? AND rep.deleted = 0 ORDER BY rep.name",
                       {robotId});
    if (!r)
        return r.error();
    std::vector<RobotGrant> grants;
    for (const db::Row &row : r->rows)
        grants.push_back(RobotGrant{row.text(0), row.text(1) == QLatin1String("public"), row.text(2)});
    return grants;
}

} // namespace kai::store
