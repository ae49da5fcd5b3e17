#include "database.h"

#include "logging.h"
#include "postgresdatabase.h"
#include "sqlitedatabase.h"

#include <QUrl>

namespace kai::db {

Q_LOGGING_CATEGORY(lcDb, "kai.db")

namespace {

Error badUri(const QString &uri, const QString &why)
{
    // Never echo a password back into logs or error pages.
    const QString shown = QUrl(uri).toString(QUrl::RemovePassword);
    return Error::of(ErrorKind::Database,
                     QStringLiteral("DB_URI \"%1\" is not usable: %2. Expected sqlite:///absolute/path.db "
                                    "or postgresql://user:password@host:port/dbname")
                         .arg(shown, why));
}

// "sqlite:///abs/path.db" and SQLAlchemy's "sqlite:////abs/path.db" both name
// /abs/path.db; "sqlite:///:memory:" is a private in-memory database.
Result<QString> sqlitePath(const QString &uri)
{
    QString rest = uri.mid(int(qstrlen("sqlite://")));
    if (!rest.startsWith(QLatin1Char('/')))
        return badUri(uri, QStringLiteral("a SQLite path must be absolute (three slashes after \"sqlite:\")"));
    if (rest.startsWith(QLatin1String("//")))
        rest.remove(0, 1);
    rest = QUrl::fromPercentEncoding(rest.toUtf8());
    if (rest == QLatin1String("/:memory:"))
        return QStringLiteral(":memory:");
    if (rest.size() < 2 || rest.endsWith(QLatin1Char('/')))
        return badUri(uri, QStringLiteral("no database file named"));
    return rest;
}

} // namespace

Result<std::unique_ptr<Database>> openDatabase(const QString &uri)
{
    const QString scheme = uri.section(QLatin1String("://"), 0, 0).toLower();
    if (!uri.contains(QLatin1String("://")))
        return badUri(uri, QStringLiteral("no scheme"));

    if (scheme == QLatin1String("sqlite")) {
        Result<QString> path = sqlitePath(uri);
        if (!path.ok())
            return path.error();
        Result<std::unique_ptr<SqliteDatabase>> db = SqliteDatabase::open(*path);
        if (!db.ok())
            return db.error();
        return std::unique_ptr<Database>(std::move(*db));
    }

    // "postgresql+psycopg2://" and friends come from SQLAlchemy-style configs.
    const QString base = scheme.section(QLatin1Char('+'), 0, 0);
    if (base == QLatin1String("postgresql") || base == QLatin1String("postgres")) {
        if (QUrl(uri).path().size() < 2)
            return badUri(uri, QStringLiteral("no database name after the host"));
        Result<std::unique_ptr<PostgresDatabase>> db = PostgresDatabase::open(uri);
        if (!db.ok())
            return db.error();
        return std::unique_ptr<Database>(std::move(*db));
    }

    return badUri(uri, QStringLiteral("unsupported scheme \"%1\" (Kai supports sqlite and postgresql)").arg(scheme));
}

} // namespace kai::db
