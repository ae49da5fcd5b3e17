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

int statementRows(size_t left, int widest)
{
    const size_t limit = std::min(left, size_t(std::max(1, widest)));
    for (int size : {64, 16, 4}) {
        if (size_t(size) <= limit)
            return size;
    }
    return 1;
}

QString multiRowInsert(const QString &table, const QStringList &columns, int rows)
{
    const QString tuple = QLatin1Char('(') + QStringList(columns.size(), QStringLiteral("?")).join(QStringLiteral(", "))
                          + QLatin1Char(')');
    return QStringLiteral("INSERT INTO %1 (%2) VALUES ").arg(table, columns.join(QStringLiteral(", ")))
           + QStringList(rows, tuple).join(QStringLiteral(", "));
}

Status insertRowsByStatements(Database &db, const QString &table, const QStringList &columns,
                              const std::vector<QVariantList> &rows, int maxParameters)
{
    if (Status checked = checkInsertRows(table, columns, rows); !checked)
        return checked;
    const int widest = maxParameters / int(columns.size());
    size_t next = 0;
    while (next < rows.size()) {
        const int count = statementRows(rows.size() - next, widest);
        QVariantList params;
        params.reserve(count * columns.size());
        for (int i = 0; i < count; ++i)
            params << rows[next + size_t(i)];
        auto result = db.exec(multiRowInsert(table, columns, count), params);
        if (!result)
            return result.error();
        next += size_t(count);
    }
    return {};
}

} // namespace kai::db
