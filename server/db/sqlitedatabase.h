#pragma once

#include "database.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <functional>
#include <memory>

namespace kai::db {

// SQLite through Qt Sql (QSQLITE). One instance = one QSqlDatabase connection
// with its own connection name, so several threads can each hold one on the
// same file. WAL mode, foreign keys on, 10 s busy timeout, BEGIN IMMEDIATE.
class SqliteDatabase final : public Database
{
public:
    // `path` is a file path or ":memory:" (a private in-memory database).
    static Result<std::unique_ptr<SqliteDatabase>> open(const QString &path);
    ~SqliteDatabase() override;

    SqliteDatabase(const SqliteDatabase &) = delete;
    SqliteDatabase &operator=(const SqliteDatabase &) = delete;

    Driver driver() const override { return Driver::Sqlite; }
    Result<QueryResult> exec(const QString &sql, const QVariantList &params = {}) override;
    Status begin() override;
    Status commit() override;
    Status rollback() override;
    Status insertRows(const QString &table, const QStringList &columns, const std::vector<QVariantList> &rows) override;
    Status migrate(const QString &migrationsDir) override;

private:
    explicit SqliteDatabase(QString connectionName);
    Status execRaw(const QString &sql);
    // exec() with the i-th parameter read through `valueAt`, so insertRows()
    // binds from its rows without copying them into one list first.
    Result<QueryResult> execBound(const QString &sql, qsizetype count,
                                  const std::function<const QVariant &(qsizetype)> &valueAt);

    QString m_connectionName;
    QSqlDatabase m_db;
    struct Statement
    {
        std::shared_ptr<QSqlQuery> query;
        int placeholders = 0;
    };
    QHash<QString, Statement> m_statements;
    // placeholderName(i) for every i a statement has needed so far.
    QStringList m_placeholderNames;
    bool m_inTransaction = false;
    bool m_failed = false; // a statement failed inside the open transaction
};

} // namespace kai::db
