#include "postgresdatabase.h"

#include "drivererrors.h"
#include "insertrows.h"
#include "logging.h"
#include "migrationfiles.h"
#include "placeholders.h"

#include <QUrl>
#include <QUrlQuery>

#include <pqxx/pqxx>
#include <pqxx/tablewriter>

#include <optional>
#include <vector>

namespace kai::db {

// libpqxx throws; nothing it throws may leave this file (style: errors are
// data across modules). Every entry point below catches and converts.
struct PostgresDatabase::Connection
{
    std::unique_ptr<pqxx::connection> connection;
    std::unique_ptr<pqxx::work> transaction;
};

namespace {

// pg_advisory_lock key held while migrating: "KAI_MIGR" as a bigint. Stable
// across versions, so nodes of different builds still exclude each other.
constexpr qint64 kMigrationLockKey = 0x4B41495F4D494752LL;

// Type OIDs from pg_type.h (fixed since PostgreSQL 7).
constexpr pqxx::oid kBool = 16;
constexpr pqxx::oid kInt8 = 20;
constexpr pqxx::oid kInt2 = 21;
constexpr pqxx::oid kInt4 = 23;
constexpr pqxx::oid kOid = 26;
constexpr pqxx::oid kFloat4 = 700;
constexpr pqxx::oid kFloat8 = 701;

QString trimmed(const char *what)
{
    return QString::fromUtf8(what).trimmed();
}

// Converts the exception in flight; call only from a catch block.
Error currentError(const QString &sql)
{
    const QString where = sql.isEmpty() ? QString() : QStringLiteral(" (in: %1)").arg(shortSql(sql));
    try {
        throw;
    } catch (const pqxx::sql_error &e) {
        // 23505 unique_violation: the stores turn this into "already exists".
        const bool unique = e.sqlstate() == "23505";
        return Error::of(unique ? ErrorKind::Conflict : ErrorKind::Database, trimmed(e.what()) + where);
    } catch (const pqxx::broken_connection &e) {
        return Error::of(ErrorKind::Unavailable, QStringLiteral("PostgreSQL connection lost: %1").arg(trimmed(e.what())));
    } catch (const std::exception &e) {
        return Error::of(ErrorKind::Database, trimmed(e.what()) + where);
    } catch (...) {
        return Error::of(ErrorKind::Database, QStringLiteral("unknown libpqxx failure") + where);
    }
}

// Parameters travel as text; PostgreSQL casts them to the column's type.
// Booleans are 0/1 because Kai stores them in INTEGER columns on both drivers.
std::optional<QByteArray> toText(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    switch (value.typeId()) {
    case QMetaType::Bool:
        return QByteArray(value.toBool() ? "1" : "0");
    case QMetaType::QByteArray:
        return value.toByteArray();
    case QMetaType::Double:
    case QMetaType::Float:
        return QByteArray::number(value.toDouble(), 'g', 17);
    default:
        return value.toString().toUtf8();
    }
}

// Appends one value to a line of COPY's text format: \N for NULL, and the
// four bytes that would end a field or a line escaped. Byte-wise escaping is
// safe because the connection's client_encoding is UTF-8 (no multi-byte
// character contains an ASCII byte).
void appendCopyField(std::string &line, const QVariant &value)
{
    const std::optional<QByteArray> text = toText(value);
    if (!text) {
        line += "\\N";
        return;
    }
    for (char c : *text) {
        switch (c) {
        case '\\': line += "\\\\"; break;
        case '\t': line += "\\t"; break;
        case '\n': line += "\\n"; break;
        case '\r': line += "\\r"; break;
        default: line += c; break;
        }
    }
}

QueryResult toQueryResult(const pqxx::result &r)
{
    QueryResult result;
    const int columns = int(r.columns());
    std::vector<pqxx::oid> types(static_cast<size_t>(columns));
    for (int c = 0; c < columns; ++c)
        types[size_t(c)] = r.column_type(c);

    result.rows.reserve(r.size());
    for (const auto &row : r) {
        QVariantList values;
        values.reserve(columns);
        for (int c = 0; c < columns; ++c) {
            const pqxx::field field = row[c];
            if (field.is_null()) {
                values.append(QVariant());
                continue;
            }
            const QByteArray text(field.c_str(), qsizetype(field.size()));
            switch (types[size_t(c)]) {
            case kInt2:
            case kInt4:
            case kInt8:
            case kOid:
                values.append(qlonglong(text.toLongLong()));
                break;
            case kBool:
                values.append(qlonglong(text == "t" ? 1 : 0));
                break;
            case kFloat4:
            case kFloat8:
                values.append(text.toDouble());
                break;
            default:
                values.append(QString::fromUtf8(text));
                break;
            }
        }
        result.rows.emplace_back(std::move(values));
    }
    result.rowsAffected = qint64(r.affected_rows());
    return result;
}

// The URI for libpq: SQLAlchemy-style "postgresql+psycopg2://" schemes are
// accepted (Quay's DB_URI may carry one) and a connect timeout is added, so an
// unreachable host fails in seconds rather than minutes.
std::string libpqUri(const QString &uri)
{
    QUrl url(uri);
    const QString scheme = url.scheme();
    if (scheme.contains(QLatin1Char('+')))
        url.setScheme(scheme.section(QLatin1Char('+'), 0, 0));
    QUrlQuery query(url);
    if (!query.hasQueryItem(QStringLiteral("connect_timeout"))) {
        query.addQueryItem(QStringLiteral("connect_timeout"), QStringLiteral("10"));
        url.setQuery(query);
    }
    return url.toString(QUrl::FullyEncoded).toStdString();
}

} // namespace

PostgresDatabase::PostgresDatabase(std::unique_ptr<Connection> connection)
    : m_pg(std::move(connection))
{
}

PostgresDatabase::~PostgresDatabase()
{
    try {
        if (m_pg->transaction)
            m_pg->transaction->abort();
        m_pg->transaction.reset();
        m_pg->connection.reset();
    } catch (...) {
        // The connection closes either way; nothing to report to.
    }
}

Result<std::unique_ptr<PostgresDatabase>> PostgresDatabase::open(const QString &uri)
{
    const QString shown = QUrl(uri).toString(QUrl::RemovePassword);
    auto pg = std::make_unique<Connection>();
    try {
        pg->connection = std::make_unique<pqxx::connection>(libpqUri(uri));
        // NOTICEs ("relation already exists, skipping") would go to stderr.
        pqxx::nontransaction setup(*pg->connection);
        setup.exec("SET client_min_messages TO warning");
        // Kai sends and expects UTF-8 whatever the database's encoding.
        setup.exec("SET client_encoding TO 'UTF8'");
        // Kai's queries are short OLTP lookups; JIT compilation, which the
        // planner triggers on cost estimates alone, cost ~600 ms per listing
        // of a 10,000-repository organization for a 40 ms query.
        setup.exec("SET jit = off");
    } catch (const std::exception &e) {
        return Error::of(ErrorKind::Unavailable,
                         QStringLiteral("cannot connect to PostgreSQL at %1: %2").arg(shown, trimmed(e.what())));
    }
    return std::unique_ptr<PostgresDatabase>(new PostgresDatabase(std::move(pg)));
}

Result<QueryResult> PostgresDatabase::exec(const QString &sql, const QVariantList &params)
{
    if (m_failed)
        return abortedTransaction(sql);

    auto known = m_statements.constFind(sql);
    const int expected = known != m_statements.constEnd() ? known->placeholders : countPlaceholders(sql);
    // libpq would reject a mismatch too, less clearly; the same check on both
    // drivers gives the same error.
    if (expected != params.size()) {
        if (m_pg->transaction)
            m_failed = true;
        return Error::of(ErrorKind::Database, QStringLiteral("statement has %1 placeholders but %2 parameters were given (in: %3)")
                                                  .arg(expected)
                                                  .arg(params.size())
                                                  .arg(shortSql(sql)));
    }

    // Text lives in `storage`; libpq reads it through `pointers`
    // (nullptr = SQL NULL) during the call.
    std::vector<QByteArray> storage;
    std::vector<const char *> pointers;
    storage.reserve(size_t(params.size()));
    pointers.reserve(size_t(params.size()));
    for (const QVariant &param : params) {
        if (std::optional<QByteArray> text = toText(param)) {
            storage.push_back(std::move(*text));
            pointers.push_back(storage.back().constData());
        } else {
            pointers.push_back(nullptr);
        }
    }

    try {
        std::string name;
        if (known == m_statements.constEnd()) {
            name = "s" + std::to_string(m_nextStatement++);
            m_pg->connection->prepare(name, numberPlaceholders(sql).toStdString());
            m_statements.insert(sql, {name, expected});
        } else {
            name = known->name;
        }

        pqxx::result r;
        if (m_pg->transaction) {
            r = m_pg->transaction->exec_prepared(name, pqxx::prepare::make_dynamic_params(pointers));
        } else {
            pqxx::nontransaction autocommit(*m_pg->connection);
            r = autocommit.exec_prepared(name, pqxx::prepare::make_dynamic_params(pointers));
        }
        return toQueryResult(r);
    } catch (...) {
        // PostgreSQL has aborted the transaction; say so on the next call
        // instead of "current transaction is aborted" from the server.
        if (m_pg->transaction)
            m_failed = true;
        return currentError(sql);
    }
}

Status PostgresDatabase::execRaw(const QString &sql)
{
    try {
        if (m_pg->transaction) {
            m_pg->transaction->exec(sql.toStdString());
        } else {
            pqxx::nontransaction autocommit(*m_pg->connection);
            autocommit.exec(sql.toStdString());
        }
        return {};
    } catch (...) {
        if (m_pg->transaction)
            m_failed = true;
        return currentError(sql);
    }
}

Status PostgresDatabase::insertRows(const QString &table, const QStringList &columns, const std::vector<QVariantList> &rows)
{
    // COPY's statement is parsed afresh each time; a prepared INSERT is
    // cheaper for a handful of rows (the single entry of an API action).
    if (rows.size() < 4)
        return insertRowsByStatements(*this, table, columns, rows, 65535);
    const QString what = QStringLiteral("COPY %1").arg(table);
    if (m_failed)
        return abortedTransaction(what);
    if (Status checked = checkInsertRows(table, columns, rows); !checked)
        return checked;
    std::vector<std::string> names;
    names.reserve(size_t(columns.size()));
    for (const QString &column : columns)
        names.push_back(column.toStdString());
    // COPY parses plain text per row: a fraction of the server's work for
    // the same rows as parameterised multi-row INSERTs. Each line is built
    // in one reused buffer: libpqxx's stream_to makes several strings per
    // field, which showed as malloc in the log writer's profile.
    // tablewriter is deprecated in libpqxx 6.4 but is its only public way
    // to send a line of COPY data as it is; it is used with that line only.
    auto copy = [&](pqxx::transaction_base &tx) {
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#elif defined(_MSC_VER)
#pragma warning(push)
#pragma warning(disable : 4996)
#endif
        pqxx::tablewriter writer(tx, table.toStdString(), names.begin(), names.end());
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#elif defined(_MSC_VER)
#pragma warning(pop)
#endif
        std::string line;
        for (const QVariantList &row : rows) {
            line.clear();
            for (qsizetype i = 0; i < row.size(); ++i) {
                if (i)
                    line += '\t';
                appendCopyField(line, row.at(i));
            }
            writer.write_raw_line(line);
        }
        writer.complete();
    };
    try {
        if (m_pg->transaction) {
            copy(*m_pg->transaction);
        } else {
            pqxx::work autocommit(*m_pg->connection);
            copy(autocommit);
            autocommit.commit();
        }
        return {};
    } catch (...) {
        if (m_pg->transaction)
            m_failed = true;
        return currentError(what);
    }
}

Status PostgresDatabase::begin()
{
    if (m_pg->transaction)
        return Error::of(ErrorKind::Database, QStringLiteral("begin(): a transaction is already open"));
    try {
        m_pg->transaction = std::make_unique<pqxx::work>(*m_pg->connection);
        m_failed = false;
        return {};
    } catch (...) {
        m_pg->transaction.reset();
        return currentError(QStringLiteral("BEGIN"));
    }
}

Status PostgresDatabase::commit()
{
    if (!m_pg->transaction)
        return Error::of(ErrorKind::Database, QStringLiteral("commit(): no transaction is open"));
    if (m_failed) {
        // The server would turn COMMIT into ROLLBACK silently; make it loud.
        (void)rollback();
        return Error::of(ErrorKind::Database,
                         QStringLiteral("commit(): the transaction was rolled back because a statement in it failed"));
    }
    std::unique_ptr<pqxx::work> tx = std::move(m_pg->transaction);
    try {
        tx->commit();
        return {};
    } catch (...) {
        return currentError(QStringLiteral("COMMIT"));
    }
}

Status PostgresDatabase::rollback()
{
    if (!m_pg->transaction)
        return Error::of(ErrorKind::Database, QStringLiteral("rollback(): no transaction is open"));
    std::unique_ptr<pqxx::work> tx = std::move(m_pg->transaction);
    m_failed = false;
    try {
        tx->abort();
        return {};
    } catch (...) {
        return currentError(QStringLiteral("ROLLBACK"));
    }
}

Status PostgresDatabase::migrate(const QString &migrationsDir)
{
    // Session-level lock: nodes starting together queue here, and the ones
    // after the first find every version already recorded.
    const QString key = QString::number(kMigrationLockKey);
    if (Status locked = execRaw(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(key)); !locked.ok())
        return locked;
    Status status = migrateFrom(*this, migrationsDir, [this](const QString &sql) { return execRaw(sql); });
    if (m_pg->transaction)
        (void)rollback();
    if (Status unlocked = execRaw(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(key)); !unlocked.ok())
        qCWarning(lcDb) << "cannot release the migration lock:" << unlocked.error().message;
    return status;
}

} // namespace kai::db
