#pragma once

#include "core/result.h"

#include <QString>
#include <QStringList>
#include <QVariantList>

#include <vector>

namespace kai::db {

class Database;

// The shared part of Database::insertRows(): rejects a table or column name
// that is not a plain identifier (they are spliced into the statement) and a
// row whose width differs from the column list.
Status checkInsertRows(const QString &table, const QStringList &columns, const std::vector<QVariantList> &rows);

// How many rows the next multi-row INSERT takes: 64, 16, 4 or 1 (few
// statement shapes to cache), at most `left` and at most `widest`.
int statementRows(size_t left, int widest);
// "INSERT INTO table (columns) VALUES (?, ...), ..." for `rows` rows.
QString multiRowInsert(const QString &table, const QStringList &columns, int rows);

// insertRows() as multi-row INSERT statements through exec(), in a few fixed
// sizes so the statement cache holds few shapes; each statement stays under
// `maxParameters`.
Status insertRowsByStatements(Database &db, const QString &table, const QStringList &columns,
                              const std::vector<QVariantList> &rows, int maxParameters);

} // namespace kai::db
