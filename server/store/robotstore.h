#pragma once

#include "auth/secretbox.h"
#include "core/result.h"
#include "db/database.h"

#include <QHash>
#include <QStringList>

#include <optional>
#include <vector>

namespace kai::store {

// A robot account: a row of `namespaces` with kind 'robot', named
// "<owner>+<short>" (reference §2.5, §4.4).
struct Robot
{
    qint64 id = 0;
    QString name;                  // "<owner>+<short>"
    QString uuid;
    qint64 ownerId = 0;
    bool ownerEnabled = true;
    QString description;
    QString metadataJson;          // unstructured_metadata; empty: none stored
    qint64 createdMs = 0;
    std::optional<qint64> lastAccessedMs;
};

// One direct repository grant of a robot.
struct RobotGrant
{
    QString repository;            // the repository name, without namespace
    bool isPublic = false;
    QString role;                  // "read" | "write" | "admin"
};

// A robot as the robot list shows it: only the columns the list needs, as
// the list is read for every robot of an organization at once.
struct ListedRobot
{
    qint64 id = 0;
    QString name;                  // "<owner>+<short>"
    QString description;
    qint64 createdMs = 0;
    std::optional<qint64> lastAccessedMs;
    QString token;                 // in clear when the listing asked for tokens; empty otherwise
};

// What the robot list shows with permissions=true: the robot's teams and
// the repositories it holds a direct grant on, each in name order.
struct RobotMemberships
{
    QStringList teams;
    QStringList repositories;
};

// All SQL for robot accounts. The 64-character token is sealed with the
// server's secret box (design decision 7), its associated data the robot's
// full name, so a database writer can neither read it nor move a sealed
// token to another robot. Tokens only cross this interface in clear.
class RobotStore
{
public:
    RobotStore(db::Database &db, const auth::SecretBox &box) : m_db(db), m_box(box) {}

    static constexpr int kTokenLength = 64;

    Result<std::optional<Robot>> byName(const QString &fullName);
    // The owner's robots, most recently used first (never used last, then
    // by name), at most `limit` (0: all), in one query. With `withTokens`
    // each comes with its token, read by the same query and opened here;
    // Internal if one does not open.
    Result<std::vector<ListedRobot>> listByOwner(qint64 ownerId, int limit, bool withTokens);
    // The teams and direct grants of every robot of the owner, in one
    // query; robots with neither are absent.
    Result<QHash<qint64, RobotMemberships>> membershipsByOwner(qint64 ownerId);

    // Creates the robot with a fresh token; returns it and the token.
    // Conflict when the name is taken.
    Result<std::pair<Robot, QString>> create(qint64 ownerId, const QString &fullName, const QString &description,
                                             const QString &metadataJson, qint64 nowMs);
    // A new token (and uuid, as Quay rotates both); returns the token.
    Result<QString> regenerate(const Robot &robot);
    // The robot's token in clear; Internal if the sealed value is damaged.
    Result<QString> token(const Robot &robot);
    // True when `candidate` is the robot's token (constant-time compare).
    Result<bool> verifyToken(const Robot &robot, const QString &candidate);
    // After the owner's rename: every robot of the owner is called
    // "<newOwnerName>+<short>", its token (unchanged) sealed to that name.
    Status renameOwner(qint64 ownerId, const QString &newOwnerName);
    // Deletes the row: its grants, team memberships and prototypes go with
    // it through the foreign keys' ON DELETE CASCADE.
    Status remove(qint64 robotId);
    // Records a login; writes at most once a minute per robot.
    Status touch(qint64 robotId, qint64 nowMs);

    // In repository name order.
    Result<std::vector<RobotGrant>> grants(qint64 robotId);

private:
    Result<std::optional<QString>> sealedToken(qint64 robotId);
    Result<QString> open(const QString &robotName, const QVariant &sealed) const;
    db::Database &m_db;
    const auth::SecretBox &m_box;
};

} // namespace kai::store
