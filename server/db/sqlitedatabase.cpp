#include "sqlitedatabase.h"

#include "drivererrors.h"
#include "insertrows.h"
#include "logging.h"
#include "migrationfiles.h"
#include "placeholders.h"

#include <QSqlError>
#include <QSqlRecord>

#include <atomic>

namespace kai::db {

namespace {

// SQLite's extended result codes for the two constraint failures that mean
// "this key already exists" (PostgreSQL's 23505).
constexpr int kConstraintPrimaryKey = 1555;
constexpr int kConstraintUnique = 2067;

Error errorFrom(const QSqlError &error, const QString &sql)
{
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    const int code = error.nativeErrorCode().toInt();
    // QSQLITE reports the primary code (19) or the extended one depending on
    // the build; the message text is stable across SQLite versions.
    const bool unique = code == kConstraintUnique || code == kConstraintPrimaryKey
        || text.contains(QLatin1String("UNIQUE constraint failed"));
    return Error::of(unique ? ErrorKind::Conflict : ErrorKind::Database,
                     QStringLiteral("%1 (in: %2)").arg(text, shortSql(sql)));
}

Error parameterCountError(const QString &sql, int expected, int given)
{
    return Error::of(ErrorKind::Database, QStringLiteral("statement has %1 placeholders but %2 parameters were given (in: %3)")
                                              .arg(expected)
                                              .arg(given)
                                              .arg(shortSql(sql)));
}

// Values QSQLITE binds the way bindable() would (a non-null QString as
// TEXT, a qlonglong as INTEGER, a double as REAL) go through as they are:
// the log writer binds 14 a row, and every QVariant copy costs a call
// through the metatype.
bool bindsAsIs(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Double:
        return true;
    case QMetaType::QString:
        // A null QString would bind as NULL (see bindable()).
        return !static_cast<const QString *>(value.constData())->isNull();
    default:
        return false;
    }
}

QVariant bindable(const QVariant &value)
{
    if (value.isNull())
        return QVariant();
    switch (value.typeId()) {
    case QMetaType::Bool:
        return qlonglong(value.toBool() ? 1 : 0);
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return value.toLongLong();
    case QMetaType::QByteArray:
    case QMetaType::QString: {
        // Bound as a QByteArray, QSQLITE would store a BLOB, and a BLOB never
        // equals the TEXT that the PostgreSQL driver stores for the same value.
        // And QSQLITE binds a null QString() as NULL, where libpq sends '':
        // only a null QVariant means NULL, on both drivers.
        const QString text = value.typeId() == QMetaType::QByteArray ? QString::fromUtf8(value.toByteArray())
                                                                     : value.toString();
        return text.isNull() ? QString(QLatin1String("")) : text;
    }
    case QMetaType::Double:
        return value;
    default:
        return value.toString();
    }
}

QVariant readable(const QSqlQuery &query, int column)
{
    if (query.isNull(column))
        return QVariant(); // Qt 6 returns typed nulls; the contract is a plain null
    QVariant value = query.value(column);
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return value.toLongLong();
    default:
        return value;
    }
}

bool modifiesRows(const QString &sql)
{
    const QString head = sql.trimmed().left(8).toUpper();
    return head.startsWith(QLatin1String("INSERT")) || head.startsWith(QLatin1String("UPDATE"))
        || head.startsWith(QLatin1String("DELETE")) || head.startsWith(QLatin1String("REPLACE"));
}

} // namespace

SqliteDatabase::SqliteDatabase(QString connectionName)
    : m_connectionName(std::move(connectionName))
{
}

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::open(const QString &path)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return Error::of(ErrorKind::Database,
                         QStringLiteral("the Qt SQLite driver (QSQLITE) is not installed: apt-get install libqt6sql6-sqlite"));

    // Connection names are process-global in Qt Sql; a counter keeps every
    // instance (and every thread's connection) apart.
    static std::atomic<quint64> counter{0};
    const QString name = QStringLiteral("kai-db-sqlite-%1").arg(++counter);
    std::unique_ptr<SqliteDatabase> db(new SqliteDatabase(name));

    db->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db->m_db.setDatabaseName(path);
    // The busy handler must be in place before the first statement: switching
    // to WAL itself needs a lock that another connection may hold.
    db->m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db->m_db.open())
        return Error::of(ErrorKind::Database,
                         QStringLiteral("cannot open SQLite database %1: %2").arg(path, db->m_db.lastError().text()));

    const char *pragmas[] = {
        "PRAGMA busy_timeout = 10000",
        "PRAGMA journal_mode = WAL",
        "PRAGMA foreign_keys = ON",
        "PRAGMA synchronous = NORMAL",
        // A multi-row INSERT inside a transaction keeps a statement journal
        // (the pages it touched, to undo just that statement). With temp
        // files that journal spills to a new /var/tmp file past 64 KiB:
        // an open, two writes per page and an unlink for every batch of
        // the usage-log writer, more than half its system calls. Sorts and
        // temporary tables (such as the per-kind counts of a partial day of
        // usage logs) now stay in memory too.
        "PRAGMA temp_store = MEMORY",
    };
    for (const char *pragma : pragmas) {
        if (Status status = db->execRaw(QString::fromLatin1(pragma)); !status.ok())
            return Error::of(ErrorKind::Database,
                             QStringLiteral("cannot configure SQLite database %1: %2").arg(path, status.error().message));
    }
    return db;
}

SqliteDatabase::~SqliteDatabase()
{
    if (m_inTransaction)
        (void)rollback();
    m_statements.clear(); // queries before the database, the database before removal
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Status SqliteDatabase::execRaw(const QString &sql)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(sql)) {
        if (m_inTransaction)
            m_failed = true;
        return errorFrom(query.lastError(), sql);
    }
    while (query.next()) {
        // drain: PRAGMA journal_mode answers with a row
    }
    query.finish();
    return {};
}

Result<QueryResult> SqliteDatabase::exec(const QString &sql, const QVariantList &params)
{
    return execBound(sql, params.size(), [&params](qsizetype i) -> const QVariant & { return params.at(i); });
}

Result<QueryResult> SqliteDatabase::execBound(const QString &sql, qsizetype count,
                                              const std::function<const QVariant &(qsizetype)> &valueAt)
{
    if (m_failed)
        return abortedTransaction(sql);

    Statement statement = m_statements.value(sql);
    if (!statement.query) {
        statement.query = std::make_shared<QSqlQuery>(m_db);
        statement.query->setForwardOnly(true);
        // Named placeholders: QSqlQuery::bindValue(int) formats a name
        // for every value it binds (":%1".arg(i)), a third of the cost of a
        // bound value; binding by name looks a precomputed name up.
        if (!statement.query->prepare(namePlaceholders(sql))) {
            if (m_inTransaction)
                m_failed = true;
            return errorFrom(statement.query->lastError(), sql);
        }
        statement.placeholders = countPlaceholders(sql);
        m_statements.insert(sql, statement);
        for (int i = int(m_placeholderNames.size()); i < statement.placeholders; ++i)
            m_placeholderNames << placeholderName(i);
    }
    if (count != statement.placeholders) {
        if (m_inTransaction)
            m_failed = true;
        return parameterCountError(sql, statement.placeholders, int(count));
    }
    QSqlQuery *query = statement.query.get();

    for (qsizetype i = 0; i < count; ++i) {
        const QVariant &value = valueAt(i);
        query->bindValue(m_placeholderNames.at(i), bindsAsIs(value) ? value : bindable(value));
    }

    if (!query->exec()) {
        const Error error = errorFrom(query->lastError(), sql);
        query->finish();
        if (m_inTransaction)
            m_failed = true;
        return error;
    }

    QueryResult result;
    const bool returnsRows = query->isSelect();
    if (returnsRows) {
        const int columns = query->record().count();
        while (query->next()) {
            QVariantList values;
            values.reserve(columns);
            for (int c = 0; c < columns; ++c)
                values.append(readable(*query, c));
            result.rows.emplace_back(std::move(values));
        }
    }
    // A row-returning statement (SELECT, or INSERT/UPDATE/DELETE ... RETURNING)
    // affects one row per row returned, which is what PostgreSQL reports too.
    // For anything else sqlite3_changes() would repeat the count of the last
    // INSERT/UPDATE/DELETE, so only those statements report it.
    if (returnsRows)
        result.rowsAffected = qint64(result.rows.size());
    else if (modifiesRows(sql))
        result.rowsAffected = query->numRowsAffected();
    // Reset the statement: an unfinished one keeps its read snapshot open,
    // which blocks WAL checkpoints and other writers' view of the file.
    query->finish();
    return result;
}

Status SqliteDatabase::begin()
{
    if (m_inTransaction)
        return Error::of(ErrorKind::Database, QStringLiteral("begin(): a transaction is already open"));
    // IMMEDIATE takes the write lock now (waiting up to the busy timeout).
    // A deferred transaction that reads first and writes later can fail with
    // SQLITE_BUSY without waiting when two connections upgrade at once.
    if (Status status = execRaw(QStringLiteral("BEGIN IMMEDIATE")); !status.ok())
        return status;
    m_inTransaction = true;
    m_failed = false;
    return {};
}

Status SqliteDatabase::commit()
{
    if (!m_inTransaction)
        return Error::of(ErrorKind::Database, QStringLiteral("commit(): no transaction is open"));
    if (m_failed) {
        // Same outcome as PostgreSQL, so stores tested on SQLite cannot rely
        // on committing half of a failed unit of work.
        (void)rollback();
        return Error::of(ErrorKind::Database,
                         QStringLiteral("commit(): the transaction was rolled back because a statement in it failed"));
    }
    Status status = execRaw(QStringLiteral("COMMIT"));
    if (!status.ok()) {
        (void)execRaw(QStringLiteral("ROLLBACK"));
        m_inTransaction = false;
        m_failed = false;
        return status;
    }
    m_inTransaction = false;
    return {};
}

Status SqliteDatabase::rollback()
{
    if (!m_inTransaction)
        return Error::of(ErrorKind::Database, QStringLiteral("rollback(): no transaction is open"));
    m_inTransaction = false;
    m_failed = false;
    return execRaw(QStringLiteral("ROLLBACK"));
}

Status SqliteDatabase::insertRows(const QString &table, const QStringList &columns, const std::vector<QVariantList> &rows)
{
    // Bound straight from the rows. 999: the bound-parameter limit of
    // SQLite builds before 3.32.
    const qsizetype width = columns.size();
    return insertRowsInChunks(table, columns, rows, 999, [&](const QString &sql, size_t first, int count) -> Status {
        auto result = execBound(sql, count * width, [&](qsizetype i) -> const QVariant & {
            return rows[first + size_t(i / width)].at(i % width);
        });
        if (!result)
            return result.error();
        return {};
    });
}

Status SqliteDatabase::migrate(const QString &migrationsDir)
{
    return migrateFrom(*this, migrationsDir, [this](const QString &sql) { return execRaw(sql); });
}

} // namespace kai::db
