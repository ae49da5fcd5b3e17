#pragma once

#include "core/result.h"

#include <QString>
#include <QStringList>
#include <QVariantList>

#include <functional>
#include <vector>

namespace kai::db {

class Database;

// The shared part of Database::insertRows(): rejects a table or column name
// that is not a plain identifier (they are spliced into the statement) and a
// row whose width differs from the column list.
Status checkInsertRows(const QString &table, const QStringList &columns, const std::vector<QVariantList> &rows);

// One multi-row INSERT of rows[first .. first + count) as `sql`, whose
// placeholders take the rows' values in order.
using InsertChunk = std::function<Status(const QString &sql, size_t first, int count)>;

// insertRows() as multi-row INSERT statements of 64, 16, 4 or 1 rows (few
// shapes for the statement cache), each under `maxParameters`, run by
// `execute`. Checks the rows first (checkInsertRows).
Status insertRowsInChunks(const QString &table, const QStringList &columns, const std::vector<QVariantList> &rows,
                          int maxParameters, const InsertChunk &execute);

// The same through db.exec() with each chunk's values copied into one list.
Status insertRowsByStatements(Database &db, const QString &table, const QStringList &columns,
                              const std::vector<QVariantList> &rows, int maxParameters);

} // namespace kai::db
