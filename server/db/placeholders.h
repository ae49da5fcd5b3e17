#pragma once

#include <QString>

namespace kai::db {

// The `?` placeholders of a statement: those outside '...' literals,
// "..." identifiers and -- comments.
//
// Both drivers count them to reject a wrong number of parameters up front
// (a cached QSqlQuery would otherwise silently reuse the previous call's
// values), and PostgreSQL needs them numbered `$1..$n`.
int countPlaceholders(const QString &sql);
QString numberPlaceholders(const QString &sql);
// `?` → `:p0`, `:p1`, ... (the names placeholderName() gives).
QString namePlaceholders(const QString &sql);
QString placeholderName(int index);

} // namespace kai::db
