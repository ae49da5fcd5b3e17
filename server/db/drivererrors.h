#pragma once

#include "core/result.h"

#include <QString>

namespace kai::db {

// Pieces of the drivers' error messages that must read the same on SQLite
// and PostgreSQL.

// A statement as error messages quote it: one line, at most 200 characters.
inline QString shortSql(const QString &sql)
{
    return sql.simplified().left(200);
}

// What a statement gets once an earlier one failed inside the transaction
// (PostgreSQL's rule, kept by both drivers).
inline Error abortedTransaction(const QString &sql)
{
    return Error::of(ErrorKind::Database,
                     QStringLiteral("transaction aborted by an earlier error; roll back first (in: %1)").arg(shortSql(sql)));
}

} // namespace kai::db
