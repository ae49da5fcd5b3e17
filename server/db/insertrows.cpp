#include "insertrows.h"

#include "database.h"

#include <algorithm>

namespace kai::db {

namespace {

bool isPlainIdentifier(const QString &name)
{
    if (name.isEmpty() || name.size() > 63 || name.front().isDigit())
        return false;
    for (QChar c : name) {
        if (!(c.isLower() || c.isDigit() || c == QLatin1Char('_')) || c.unicode() > 127)
            return false;
    }
    return true;
}

} // namespace

Status checkInsertRows(const QString &table, const QStringList &columns, const std::vector<QVariantList> &rows)
{
    if (!isPlainIdentifier(table))
        return Error::of(ErrorKind::Database, QStringLiteral("insertRows: \"%1\" is not a plain table name").arg(table));
    if (columns.isEmpty())
        return Error::of(ErrorKind::Database, QStringLiteral("insertRows: no columns for %1").arg(table));
    for (const QString &column : columns) {
        if (!isPlainIdentifier(column))
            return Error::of(ErrorKind::Database,
                             QStringLiteral("insertRows: \"%1\" is not a plain column name").arg(column));
    }
    for (const QVariantList &row : rows) {
        if (row.size() != columns.size())
            return Error::of(ErrorKind::Database, QStringLiteral("insertRows: a row of %1 values for %2 columns of %3")
                                                      .arg(row.size())
                                                      .arg(columns.size())
                                                      .arg(table));
    }
    return {};
}

Status insertRowsInChunks(const QString &table, const QStringList &columns, const std::vector<QVariantList> &rows,
                          int maxParameters, const InsertChunk &execute)
{
    if (Status checked = checkInsertRows(table, columns, rows); !checked)
        return checked;
    const QString head = QStringLiteral("INSERT INTO %1 (%2) VALUES ").arg(table, columns.join(QStringLiteral(", ")));
    const QString tuple = QLatin1Char('(') + QStringList(columns.size(), QStringLiteral("?")).join(QStringLiteral(", "))
                          + QLatin1Char(')');
    const size_t widest = size_t(std::max(1, maxParameters / int(columns.size())));
    size_t next = 0;
    while (next < rows.size()) {
        const size_t left = std::min(rows.size() - next, widest);
        int count = 1;
        for (int size : {64, 16, 4}) {
            if (size_t(size) <= left) {
                count = size;
                break;
            }
        }
        if (Status s = execute(head + QStringList(count, tuple).join(QStringLiteral(", ")), next, count); !s)
            return s;
        next += size_t(count);
    }
    return {};
}

Status insertRowsByStatements(Database &db, const QString &table, const QStringList &columns,
                              const std::vector<QVariantList> &rows, int maxParameters)
{
    return insertRowsInChunks(table, columns, rows, maxParameters, [&](const QString &sql, size_t first, int count) -> Status {
        QVariantList params;
        params.reserve(count * columns.size());
        for (int i = 0; i < count; ++i)
            params << rows[first + size_t(i)];
        auto result = db.exec(sql, params);
        if (!result)
            return result.error();
        return {};
    });
}

} // namespace kai::db
