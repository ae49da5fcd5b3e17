// The Database contract, run once per driver (initTestCase_data rows
// "sqlite" and "postgresql"). Every test function gets a fresh database: a
// new file for SQLite, an emptied database in the suite's throwaway cluster
// for PostgreSQL (the suite's cluster starts once in initTestCase()).

#include "db/database.h"
#include "support/pgcluster.h"
#include "support/testenv.h"
#include "support/verifyok.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMutex>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using namespace kai;
using namespace kai::db;

namespace {

const char *const kItemsSchema =
    "-- the table most tests use; ids differ per dialect\n"
    "CREATE TABLE items (\n"
    "-- sqlite:   id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
    "-- postgres: id BIGSERIAL PRIMARY KEY,\n"
    "    name TEXT NOT NULL UNIQUE,\n"
    "    size BIGINT,\n"
    "    count INTEGER,\n"
    "    note TEXT,\n"
    "    public INTEGER NOT NULL DEFAULT 0\n"
    ");\n";

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data();
    void initTestCase();
    void init();
    void cleanup();

    void roundTripsTextIntegersBigintNullAndBool();
    void insertReturningGivesIncreasingIdsNeverReused();
    void placeholderInsideStringLiteralIsNotAParameter();
    void rowsAffectedCountsUpdatedAndDeletedRows();
    void onConflictDoNothingKeepsTheExistingRow();
    void onConflictDoUpdateReplacesValuesAndKeepsTheId();
    void uniqueViolationIsConflictOtherConstraintsAreDatabaseErrors();
    void rollbackDiscardsChanges();
    void commitMakesChangesVisibleToOtherConnections();
    void transactionGuardRollsBackOnScopeExit();
    void failedStatementAbortsTheTransactionUntilRollback();
    void beginWhileInTransactionIsAnError();
    void migrateAppliesFilesInVersionOrderAndRecordsThem();
    void migrateTwiceAppliesOnlyNewFiles();
    void failingMigrationLeavesNothingHalfApplied();
    void misnamedMigrationFileIsRejected();
    void migrateReadsAQtResourceDirectory();
    void failingOptionalMigrationIsSkippedAndTriedAgain();
    void twoNodesMigratingAtOnceApplyEachFileOnce();
    void twoThreadsWritingConcurrentlyBothSucceed();
    void wrongSqlOrParameterCountGivesAClearError();
    void insertRowsKeepsEveryValueExactly();
    void insertRowsOfManyRowsInsideARolledBackTransactionLeavesNothing();
    void insertRowsConflictAbortsTheTransaction();
    void insertRowsRejectsNonIdentifiersAndWrongWidths();
    void everyDocumentedUriFormOpens();
    void badUriGivesAClearError_data();
    void badUriGivesAClearError();

private:
    QString writeMigrations(const QList<QPair<QString, QString>> &files);
    bool applyItemsSchema();
    qint64 countRows(Database &db, const QString &table);

    QTemporaryDir m_tmp;
    kai::test::PgCluster m_pg;
    Status m_pgStarted = Error::of(ErrorKind::Unavailable, QStringLiteral("not started"));
    int m_counter = 0;
    QString m_uri;
    std::unique_ptr<Database> m_db;
};

void TestDatabase::initTestCase_data()
{
    QTest::addColumn<QString>("driver");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

void TestDatabase::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    // One cluster for the whole suite; each test gets its own database in it.
    if (kai::test::PgCluster::available()) {
        QElapsedTimer timer;
        timer.start();
        m_pgStarted = m_pg.start();
        if (m_pgStarted.ok())
            qInfo("PostgreSQL test cluster on port %d ready in %lld ms", m_pg.port(), timer.elapsed());
    }
}

void TestDatabase::init()
{
    QFETCH_GLOBAL(QString, driver);
    ++m_counter;
    if (driver == QLatin1String("postgresql")) {
        KAI_REQUIRE_SERVICE(kai::test::PgCluster::available(),
                            "PostgreSQL server binaries (apt-get install postgresql-15)");
        QVERIFY2(m_pgStarted.ok(), qPrintable(m_pgStarted.error().message));
        // The cluster's "kai" database, emptied: CREATE DATABASE per test
        // would cost ~300 ms each.
        QVERIFY_OK(m_pg.resetDatabase(QStringLiteral("kai")));
        m_uri = m_pg.uri(QStringLiteral("kai"));
    } else {
        m_uri = QStringLiteral("sqlite://") + m_tmp.filePath(QStringLiteral("t%1.db").arg(m_counter));
    }
    Result<std::unique_ptr<Database>> db = openDatabase(m_uri);
    QVERIFY_OK(db);
    m_db = std::move(*db);
    QCOMPARE(m_db->driver(), driver == QLatin1String("sqlite") ? Driver::Sqlite : Driver::Postgres);
}

void TestDatabase::cleanup()
{
    m_db.reset();
}

QString TestDatabase::writeMigrations(const QList<QPair<QString, QString>> &files)
{
    const QString dir = m_tmp.filePath(QStringLiteral("migrations-%1").arg(m_counter));
    QDir().mkpath(dir);
    for (const auto &[name, content] : files) {
        QFile file(dir + QLatin1Char('/') + name);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(file.fileName()));
        file.write(content.toUtf8());
    }
    return dir;
}

bool TestDatabase::applyItemsSchema()
{
    const QString dir = writeMigrations({{QStringLiteral("001_items.sql"), QString::fromUtf8(kItemsSchema)}});
    const Status status = m_db->migrate(dir);
    if (!status.ok())
        qWarning("migrate failed: %s", qPrintable(status.error().message));
    return status.ok();
}

qint64 TestDatabase::countRows(Database &db, const QString &table)
{
    Result<QueryResult> r = db.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table);
    if (!r.ok()) {
        qWarning("count failed: %s", qPrintable(r.error().message));
        return -1;
    }
    return r->first().integer(0);
}

void TestDatabase::roundTripsTextIntegersBigintNullAndBool()
{
    QVERIFY(applyItemsSchema());
    const QString text = QStringLiteral("ünïcødé 名前 'quoted' ?");
    const qint64 big = 5'000'000'000LL; // > 2^31: must not pass through an int
    Result<QueryResult> inserted = m_db->exec(
        QStringLiteral("INSERT INTO items (name, size, count, note, public) VALUES (?, ?, ?, ?, ?)"),
        {text, big, 42, QVariant(), true});
    QVERIFY_OK(inserted);
    QCOMPARE(inserted->rowsAffected, 1);

    Result<QueryResult> selected = m_db->exec(
        QStringLiteral("SELECT name, size, count, note, public FROM items WHERE name = ?"), {text});
    QVERIFY_OK(selected);
    QCOMPARE(selected->rows.size(), size_t(1));
    const Row &row = selected->first();
    QCOMPARE(row.size(), 5);
    QCOMPARE(row.at(0).typeId(), QMetaType::QString);
    QCOMPARE(row.text(0), text);
    QCOMPARE(row.at(1).typeId(), QMetaType::LongLong);
    QCOMPARE(row.integer(1), big);
    QCOMPARE(row.at(2).typeId(), QMetaType::LongLong);
    QCOMPARE(row.integer(2), 42);
    QVERIFY(row.isNull(3));
    QVERIFY(!row.at(3).isValid()); // a plain null QVariant, not a typed one
    QCOMPARE(row.integer(4), 1);   // bool stored as 0/1
    QVERIFY(row.boolean(4));

    // A QByteArray parameter is text on both drivers (a BLOB on SQLite would
    // never equal the stored TEXT).
    Result<QueryResult> byBytes = m_db->exec(QStringLiteral("SELECT size FROM items WHERE name = ?"), {text.toUtf8()});
    QVERIFY_OK(byBytes);
    QCOMPARE(byBytes->rows.size(), size_t(1));

    // false goes in as 0, and NULL parameters compare as NULL.
    Result<QueryResult> updated = m_db->exec(QStringLiteral("UPDATE items SET public = ?, size = ? WHERE name = ?"),
                                             {false, QVariant(), text});
    QVERIFY_OK(updated);
    Result<QueryResult> after = m_db->exec(QStringLiteral("SELECT public, size FROM items"));
    QVERIFY_OK(after);
    QCOMPARE(after->first().integer(0), 0);
    QVERIFY(!after->first().boolean(0));
    QVERIFY(after->first().isNull(1));

    // A default-constructed QString is empty text, not NULL, on both drivers;
    // only a null QVariant is NULL.
    QVERIFY_OK(m_db->exec(QStringLiteral("INSERT INTO items (name, note) VALUES (?, ?)"), {QString(), QByteArray()}));
    Result<QueryResult> empty = m_db->exec(QStringLiteral("SELECT note FROM items WHERE name = ?"), {QStringLiteral("")});
    QVERIFY_OK(empty);
    QCOMPARE(empty->rows.size(), size_t(1));
    QVERIFY(!empty->first().isNull(0));
    QCOMPARE(empty->first().text(0), QString());

    Result<QueryResult> none = m_db->exec(QStringLiteral("SELECT name FROM items WHERE name = ?"),
                                          {QStringLiteral("absent")});
    QVERIFY_OK(none);
    QVERIFY(none->empty());
}

void TestDatabase::insertReturningGivesIncreasingIdsNeverReused()
{
    QVERIFY(applyItemsSchema());
    const QString insert = QStringLiteral("INSERT INTO items (name) VALUES (?) RETURNING id");
    qint64 previous = 0;
    for (const char *name : {"a", "b", "c"}) {
        Result<QueryResult> r = m_db->exec(insert, {QString::fromLatin1(name)});
        QVERIFY_OK(r);
        QCOMPARE(r->rows.size(), size_t(1));
        QCOMPARE(r->rowsAffected, 1);
        QVERIFY2(r->first().integer(0) > previous, "ids must increase");
        previous = r->first().integer(0);
    }
    // Deleting the newest row must not hand its id out again (AUTOINCREMENT /
    // a sequence): ids end up in URLs and logs.
    QVERIFY_OK(m_db->exec(QStringLiteral("DELETE FROM items WHERE id = ?"), {previous}));
    Result<QueryResult> next = m_db->exec(insert, {QStringLiteral("d")});
    QVERIFY_OK(next);
    QVERIFY(next->first().integer(0) > previous);
}

void TestDatabase::placeholderInsideStringLiteralIsNotAParameter()
{
    QVERIFY(applyItemsSchema());
    QVERIFY_OK(m_db->exec(QStringLiteral("INSERT INTO items (name, note) VALUES (?, 'why? because')"),
                          {QStringLiteral("q")}));
    Result<QueryResult> r = m_db->exec(
        QStringLiteral("SELECT 'what?', note, size FROM items WHERE name = ? AND note <> 'x?y'"),
        {QStringLiteral("q")});
    QVERIFY_OK(r);
    QCOMPARE(r->rows.size(), size_t(1));
    QCOMPARE(r->first().text(0), QStringLiteral("what?"));
    QCOMPARE(r->first().text(1), QStringLiteral("why? because"));

    // The SQLite driver binds by the names :p0, :p1, ...: a literal or a
    // value spelled like one stays text.
    Result<QueryResult> named = m_db->exec(QStringLiteral("SELECT ':p0 stays', ?, ?"), {QStringLiteral(":p1"), 2});
    QVERIFY_OK(named);
    QCOMPARE(named->first().text(0), QStringLiteral(":p0 stays"));
    QCOMPARE(named->first().text(1), QStringLiteral(":p1"));
    QCOMPARE(named->first().integer(2), qint64(2));
}

void TestDatabase::rowsAffectedCountsUpdatedAndDeletedRows()
{
    QVERIFY(applyItemsSchema());
    for (int i = 0; i < 5; ++i)
        QVERIFY_OK(m_db->exec(QStringLiteral("INSERT INTO items (name, count) VALUES (?, ?)"),
                              {QStringLiteral("n%1").arg(i), i}));
    Result<QueryResult> updated = m_db->exec(QStringLiteral("UPDATE items SET note = ? WHERE count >= ?"),
                                             {QStringLiteral("big"), 2});
    QVERIFY_OK(updated);
    QCOMPARE(updated->rowsAffected, 3);
    Result<QueryResult> deleted = m_db->exec(QStringLiteral("DELETE FROM items WHERE count < ?"), {1});
    QVERIFY_OK(deleted);
    QCOMPARE(deleted->rowsAffected, 1);
    Result<QueryResult> nothing = m_db->exec(QStringLiteral("DELETE FROM items WHERE name = ?"),
                                             {QStringLiteral("absent")});
    QVERIFY_OK(nothing);
    QCOMPARE(nothing->rowsAffected, 0);
}

void TestDatabase::onConflictDoNothingKeepsTheExistingRow()
{
    QVERIFY(applyItemsSchema());
    const QString insert = QStringLiteral("INSERT INTO items (name, size) VALUES (?, ?) ON CONFLICT (name) DO NOTHING");
    Result<QueryResult> first = m_db->exec(insert, {QStringLiteral("x"), 1});
    QVERIFY_OK(first);
    QCOMPARE(first->rowsAffected, 1);
    Result<QueryResult> second = m_db->exec(insert, {QStringLiteral("x"), 2});
    QVERIFY_OK(second);
    QCOMPARE(second->rowsAffected, 0);
    Result<QueryResult> r = m_db->exec(QStringLiteral("SELECT size FROM items WHERE name = ?"), {QStringLiteral("x")});
    QVERIFY_OK(r);
    QCOMPARE(r->first().integer(0), 1);
    QCOMPARE(countRows(*m_db, QStringLiteral("items")), 1);
}

void TestDatabase::onConflictDoUpdateReplacesValuesAndKeepsTheId()
{
    QVERIFY(applyItemsSchema());
    const QString upsert = QStringLiteral(
        "INSERT INTO items (name, size) VALUES (?, ?) "
        "ON CONFLICT (name) DO UPDATE SET size = excluded.size RETURNING id, size");
    Result<QueryResult> first = m_db->exec(upsert, {QStringLiteral("x"), 1});
    QVERIFY_OK(first);
    Result<QueryResult> second = m_db->exec(upsert, {QStringLiteral("x"), 7'000'000'000LL});
    QVERIFY_OK(second);
    QCOMPARE(second->first().integer(0), first->first().integer(0));
    QCOMPARE(second->first().integer(1), 7'000'000'000LL);
    QCOMPARE(countRows(*m_db, QStringLiteral("items")), 1);
}

void TestDatabase::uniqueViolationIsConflictOtherConstraintsAreDatabaseErrors()
{
    QVERIFY(applyItemsSchema());
    const QString insert = QStringLiteral("INSERT INTO items (name) VALUES (?)");
    QVERIFY_OK(m_db->exec(insert, {QStringLiteral("dup")}));
    Result<QueryResult> duplicate = m_db->exec(insert, {QStringLiteral("dup")});
    QVERIFY(!duplicate.ok());
    QCOMPARE(duplicate.error().kind, ErrorKind::Conflict);
    QVERIFY2(duplicate.error().message.contains(QLatin1String("unique"), Qt::CaseInsensitive),
             qPrintable(duplicate.error().message));

    Result<QueryResult> nullName = m_db->exec(insert, {QVariant()});
    QVERIFY(!nullName.ok());
    QCOMPARE(nullName.error().kind, ErrorKind::Database);
}

void TestDatabase::rollbackDiscardsChanges()
{
    QVERIFY(applyItemsSchema());
    const QString insert = QStringLiteral("INSERT INTO items (name) VALUES (?)");
    QVERIFY_OK(m_db->begin());
    QVERIFY_OK(m_db->exec(insert, {QStringLiteral("gone")}));
    QCOMPARE(countRows(*m_db, QStringLiteral("items")), 1); // visible inside
    QVERIFY_OK(m_db->rollback());
    QCOMPARE(countRows(*m_db, QStringLiteral("items")), 0);
    // The statement prepared inside the rolled-back transaction still works.
    QVERIFY_OK(m_db->exec(insert, {QStringLiteral("kept")}));
    QCOMPARE(countRows(*m_db, QStringLiteral("items")), 1);
}

void TestDatabase::commitMakesChangesVisibleToOtherConnections()
{
    QVERIFY(applyItemsSchema());
    Result<std::unique_ptr<Database>> other = openDatabase(m_uri);
    QVERIFY_OK(other);

    QVERIFY_OK(m_db->begin());
    QVERIFY_OK(m_db->exec(QStringLiteral("INSERT INTO items (name) VALUES (?)"), {QStringLiteral("c")}));
    QCOMPARE(countRows(**other, QStringLiteral("items")), 0); // not before commit
    QVERIFY_OK(m_db->commit());
    QCOMPARE(countRows(**other, QStringLiteral("items")), 1);
}

void TestDatabase::transactionGuardRollsBackOnScopeExit()
{
    QVERIFY(applyItemsSchema());
    const QString insert = QStringLiteral("INSERT INTO items (name) VALUES (?)");
    {
        Transaction tx(*m_db);
        QVERIFY_OK(tx.status());
        QVERIFY_OK(m_db->exec(insert, {QStringLiteral("abandoned")}));
    }
    QCOMPARE(countRows(*m_db, QStringLiteral("items")), 0);
    {
        Transaction tx(*m_db);
        QVERIFY_OK(tx.status());
        QVERIFY_OK(m_db->exec(insert, {QStringLiteral("committed")}));
        QVERIFY_OK(tx.commit());
    }
    QCOMPARE(countRows(*m_db, QStringLiteral("items")), 1);
    // After both guards the connection is out of any transaction.
    QVERIFY_OK(m_db->begin());
    QVERIFY_OK(m_db->rollback());
}

void TestDatabase::failedStatementAbortsTheTransactionUntilRollback()
{
    // PostgreSQL aborts a transaction on any error; both drivers behave that
    // way so stores tested on SQLite cannot commit half a unit of work.
    QVERIFY(applyItemsSchema());
    const QString insert = QStringLiteral("INSERT INTO items (name) VALUES (?)");
    QVERIFY_OK(m_db->exec(insert, {QStringLiteral("dup")}));

    QVERIFY_OK(m_db->begin());
    QVERIFY_OK(m_db->exec(insert, {QStringLiteral("first")}));
    Result<QueryResult> failed = m_db->exec(insert, {QStringLiteral("dup")});
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().kind, ErrorKind::Conflict);
    Result<QueryResult> afterFailure = m_db->exec(insert, {QStringLiteral("second")});
    QVERIFY(!afterFailure.ok());
    QVERIFY2(afterFailure.error().message.contains(QLatin1String("roll back")), qPrintable(afterFailure.error().message));
    const Status committed = m_db->commit();
    QVERIFY(!committed.ok());

    // commit() rolled back: nothing of the transaction was kept, and the
    // connection works again.
    QCOMPARE(countRows(*m_db, QStringLiteral("items")), 1);
    QVERIFY_OK(m_db->exec(insert, {QStringLiteral("third")}));
    QCOMPARE(countRows(*m_db, QStringLiteral("items")), 2);
}

void TestDatabase::beginWhileInTransactionIsAnError()
{
    QVERIFY_OK(m_db->begin());
    QVERIFY(!m_db->begin().ok());
    QVERIFY_OK(m_db->rollback());
    QVERIFY(!m_db->rollback().ok());
    QVERIFY(!m_db->commit().ok());
}

void TestDatabase::migrateAppliesFilesInVersionOrderAndRecordsThem()
{
    // 10 sorts before 2 as text; the numbers decide. 002 needs 001's table
    // and 010 needs 002's column.
    const QString dir = writeMigrations({
        {QStringLiteral("010_seed.sql"), QStringLiteral("INSERT INTO repos (name, kind) VALUES ('first', 'image');\n")},
        {QStringLiteral("002_kind.sql"), QStringLiteral("ALTER TABLE repos ADD COLUMN kind TEXT;\n"
                                                        "CREATE INDEX repos_kind ON repos (kind);\n")},
        {QStringLiteral("001_repos.sql"), QStringLiteral("CREATE TABLE repos (\n"
                                                         "    name TEXT NOT NULL\n"
                                                         ");\n")},
        {QStringLiteral("README.txt"), QStringLiteral("not a migration")},
    });
    const qint64 before = QDateTime::currentSecsSinceEpoch();
    QVERIFY_OK(m_db->migrate(dir));

    Result<QueryResult> recorded = m_db->exec(
        QStringLiteral("SELECT version, name, applied_at FROM schema_migrations ORDER BY version"));
    QVERIFY_OK(recorded);
    QCOMPARE(recorded->rows.size(), size_t(3));
    QCOMPARE(recorded->rows[0].integer(0), 1);
    QCOMPARE(recorded->rows[0].text(1), QStringLiteral("001_repos.sql"));
    QCOMPARE(recorded->rows[1].integer(0), 2);
    QCOMPARE(recorded->rows[2].integer(0), 10);
    QCOMPARE(recorded->rows[2].text(1), QStringLiteral("010_seed.sql"));
    QVERIFY(recorded->rows[2].integer(2) >= before);

    Result<QueryResult> seeded = m_db->exec(QStringLiteral("SELECT name, kind FROM repos"));
    QVERIFY_OK(seeded);
    QCOMPARE(seeded->rows.size(), size_t(1));
    QCOMPARE(seeded->first().text(1), QStringLiteral("image"));
}

void TestDatabase::migrateTwiceAppliesOnlyNewFiles()
{
    QList<QPair<QString, QString>> files{
        {QStringLiteral("001_t.sql"), QStringLiteral("CREATE TABLE t (v INTEGER);\nINSERT INTO t (v) VALUES (1);\n")},
    };
    QString dir = writeMigrations(files);
    QVERIFY_OK(m_db->migrate(dir));
    QVERIFY_OK(m_db->migrate(dir)); // would fail on CREATE TABLE if re-applied
    QCOMPARE(countRows(*m_db, QStringLiteral("t")), 1);
    QCOMPARE(countRows(*m_db, QStringLiteral("schema_migrations")), 1);

    files.append({QStringLiteral("002_more.sql"), QStringLiteral("INSERT INTO t (v) VALUES (2);")}); // no newline, no trailing ';' needed
    dir = writeMigrations(files);
    QVERIFY_OK(m_db->migrate(dir));
    QCOMPARE(countRows(*m_db, QStringLiteral("t")), 2);
    QCOMPARE(countRows(*m_db, QStringLiteral("schema_migrations")), 2);

    // A second connection (another node) finds nothing to do either.
    Result<std::unique_ptr<Database>> other = openDatabase(m_uri);
    QVERIFY_OK(other);
    QVERIFY_OK((*other)->migrate(dir));
    QCOMPARE(countRows(*m_db, QStringLiteral("t")), 2);
}

void TestDatabase::failingMigrationLeavesNothingHalfApplied()
{
    QList<QPair<QString, QString>> files{
        {QStringLiteral("001_ok.sql"), QStringLiteral("CREATE TABLE ok (v INTEGER);\n")},
        {QStringLiteral("002_broken.sql"), QStringLiteral("CREATE TABLE half (v INTEGER);\n"
                                                          "INSERT INTO half (v) VALUES (1);\n"
                                                          "INSERT INTO no_such_table (v) VALUES (1);\n")},
        {QStringLiteral("003_later.sql"), QStringLiteral("CREATE TABLE later (v INTEGER);\n")},
    };
    QString dir = writeMigrations(files);
    const Status status = m_db->migrate(dir);
    QVERIFY(!status.ok());
    QVERIFY2(status.error().message.contains(QLatin1String("002_broken.sql")), qPrintable(status.error().message));
    QVERIFY2(status.error().message.contains(QLatin1String("no_such_table")), qPrintable(status.error().message));

    Result<QueryResult> versions = m_db->exec(QStringLiteral("SELECT version FROM schema_migrations"));
    QVERIFY_OK(versions);
    QCOMPARE(versions->rows.size(), size_t(1)); // 001 stays, 002 and 003 not recorded
    QVERIFY(!m_db->exec(QStringLiteral("SELECT v FROM half")).ok());  // 002's table rolled back
    QVERIFY(!m_db->exec(QStringLiteral("SELECT v FROM later")).ok()); // 003 never ran

    // Fixed, the same directory migrates the rest.
    files[1].second = QStringLiteral("CREATE TABLE half (v INTEGER);\n");
    dir = writeMigrations(files);
    QVERIFY_OK(m_db->migrate(dir));
    QCOMPARE(countRows(*m_db, QStringLiteral("schema_migrations")), 3);
    QCOMPARE(countRows(*m_db, QStringLiteral("half")), 0);
}

void TestDatabase::misnamedMigrationFileIsRejected()
{
    const QString dir = writeMigrations({{QStringLiteral("add_column.sql"), QStringLiteral("CREATE TABLE x (v INTEGER);")}});
    const Status status = m_db->migrate(dir);
    QVERIFY(!status.ok());
    QVERIFY2(status.error().message.contains(QLatin1String("add_column.sql")), qPrintable(status.error().message));
    QVERIFY(!m_db->exec(QStringLiteral("SELECT v FROM x")).ok());

    const Status missing = m_db->migrate(m_tmp.filePath(QStringLiteral("no-such-dir")));
    QVERIFY(!missing.ok());
}

void TestDatabase::migrateReadsAQtResourceDirectory()
{
    QVERIFY_OK(m_db->migrate(QStringLiteral(":/tst_database/migrations")));
    Result<QueryResult> users = m_db->exec(QStringLiteral("SELECT id, username FROM users ORDER BY id"));
    QVERIFY_OK(users);
    QCOMPARE(users->rows.size(), size_t(2));
    QCOMPARE(users->rows[0].text(1), QStringLiteral("admin"));
    QVERIFY(users->rows[1].integer(0) > users->rows[0].integer(0));
    QCOMPARE(countRows(*m_db, QStringLiteral("schema_migrations")), 2);
}

void TestDatabase::failingOptionalMigrationIsSkippedAndTriedAgain()
{
    // An accelerator the database refuses (an extension the user may not
    // create, an FTS5-less SQLite) must not keep the server from starting.
    QList<QPair<QString, QString>> files{
        {QStringLiteral("001_items.sql"), QString::fromUtf8(kItemsSchema)},
        {QStringLiteral("optional/a_broken.sql"), QStringLiteral("CREATE TABLE half (v INTEGER);\n"
                                                                 "INSERT INTO no_such_table (v) VALUES (1);\n")},
        {QStringLiteral("optional/b_index.sql"), QStringLiteral("CREATE INDEX items_note ON items (note);\n")},
        {QStringLiteral("optional/c_other_driver.sql"), QStringLiteral("-- sqlite: CREATE TABLE c_sqlite (v INTEGER);\n"
                                                                       "-- postgres: CREATE TABLE c_pg (v INTEGER);\n")},
    };
    QDir().mkpath(m_tmp.filePath(QStringLiteral("migrations-%1/optional").arg(m_counter)));
    QString dir = writeMigrations(files);
    QVERIFY_OK(m_db->migrate(dir));

    auto applied = [&]() {
        QStringList names;
        Result<QueryResult> rows = m_db->exec(QStringLiteral("SELECT name FROM schema_optional_migrations ORDER BY name"));
        if (rows.ok()) {
            for (const Row &row : rows->rows)
                names << row.text(0);
        }
        return names;
    };
    QCOMPARE(applied(), QStringList({"b_index", "c_other_driver"}));
    QVERIFY(!m_db->exec(QStringLiteral("SELECT v FROM half")).ok()); // rolled back, not half-applied
    QVERIFY(m_db->exec(QStringLiteral("SELECT v FROM ") + (m_db->driver() == Driver::Sqlite ? "c_sqlite" : "c_pg")).ok());
    QCOMPARE(countRows(*m_db, QStringLiteral("schema_migrations")), 1);
    QVERIFY(m_db->exec(QStringLiteral("INSERT INTO items (name) VALUES ('after')")).ok()); // the connection still works

    // Fixed (say, the extension installed), the next start applies it; the
    // others are not run twice (CREATE INDEX would fail).
    files[1].second = QStringLiteral("CREATE TABLE half (v INTEGER);\n");
    dir = writeMigrations(files);
    QVERIFY_OK(m_db->migrate(dir));
    QCOMPARE(applied(), QStringList({"a_broken", "b_index", "c_other_driver"}));
    QCOMPARE(countRows(*m_db, QStringLiteral("half")), 0);
}

void TestDatabase::twoNodesMigratingAtOnceApplyEachFileOnce()
{
    // Servers started together all migrate at start-up: PostgreSQL
    // serialises them with an advisory lock, SQLite with BEGIN IMMEDIATE and
    // a re-check inside the transaction. Each file must run exactly once.
    QList<QPair<QString, QString>> files;
    for (int v = 1; v <= 5; ++v) {
        files.append({QStringLiteral("%1_step.sql").arg(v, 3, 10, QLatin1Char('0')),
                      QStringLiteral("CREATE TABLE step%1 (v INTEGER);\nINSERT INTO step%1 (v) VALUES (%1);\n").arg(v)});
    }
    const QString dir = writeMigrations(files);

    QMutex mutex;
    QStringList errors;
    QSemaphore ready;
    QSemaphore go;
    auto node = [&]() {
        Result<std::unique_ptr<Database>> db = openDatabase(m_uri);
        Status status = db.ok() ? Status() : Status(db.error());
        ready.release();
        go.acquire(); // both connected before either migrates
        if (status.ok())
            status = (*db)->migrate(dir);
        if (!status.ok()) {
            QMutexLocker lock(&mutex);
            errors << status.error().message;
        }
    };
    std::unique_ptr<QThread> a(QThread::create(node));
    std::unique_ptr<QThread> b(QThread::create(node));
    a->start();
    b->start();
    QVERIFY(ready.tryAcquire(2, 30'000));
    go.release(2);
    QVERIFY2(a->wait(QDeadlineTimer(60'000)), "node 1 did not finish migrating in time");
    QVERIFY2(b->wait(QDeadlineTimer(60'000)), "node 2 did not finish migrating in time");
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(countRows(*m_db, QStringLiteral("schema_migrations")), 5);
    for (int v = 1; v <= 5; ++v)
        QCOMPARE(countRows(*m_db, QStringLiteral("step%1").arg(v)), 1);
}

void TestDatabase::twoThreadsWritingConcurrentlyBothSucceed()
{
    // Each server worker thread holds its own connection. On SQLite this is
    // the case that needs BEGIN IMMEDIATE + busy timeout: both read, then
    // write, in one transaction.
    QVERIFY(applyItemsSchema());
    constexpr int kPerThread = 200;
    QMutex mutex;
    QStringList errors;

    auto writer = [&](int id) {
        auto fail = [&](const QString &what) {
            QMutexLocker lock(&mutex);
            errors << QStringLiteral("thread %1: %2").arg(id).arg(what);
        };
        Result<std::unique_ptr<Database>> opened = openDatabase(m_uri);
        if (!opened.ok())
            return fail(opened.error().message);
        Database &db = **opened;
        for (int i = 0; i < kPerThread; ++i) {
            Transaction tx(db);
            if (!tx.status().ok())
                return fail(tx.status().error().message);
            Result<QueryResult> count = db.exec(QStringLiteral("SELECT COUNT(*) FROM items WHERE count = ?"), {id});
            if (!count.ok())
                return fail(count.error().message);
            Result<QueryResult> inserted = db.exec(QStringLiteral("INSERT INTO items (name, count, size) VALUES (?, ?, ?)"),
                                                   {QStringLiteral("t%1-%2").arg(id).arg(i), id, count->first().integer(0)});
            if (!inserted.ok())
                return fail(inserted.error().message);
            if (Status committed = tx.commit(); !committed.ok())
                return fail(committed.error().message);
        }
    };

    std::unique_ptr<QThread> a(QThread::create(writer, 1));
    std::unique_ptr<QThread> b(QThread::create(writer, 2));
    a->start();
    b->start();
    QVERIFY2(a->wait(QDeadlineTimer(120'000)), "writer 1 did not finish in time");
    QVERIFY2(b->wait(QDeadlineTimer(120'000)), "writer 2 did not finish in time");
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(countRows(*m_db, QStringLiteral("items")), 2 * kPerThread);
    // Each thread saw its own earlier rows: no lost or phantom writes.
    Result<QueryResult> last = m_db->exec(QStringLiteral("SELECT MAX(size) FROM items WHERE count = ?"), {1});
    QVERIFY_OK(last);
    QCOMPARE(last->first().integer(0), kPerThread - 1);
}

// COPY's text format gives tabs, newlines, backslashes and "\N" a meaning:
// every one of them must come back as it went in.
void TestDatabase::insertRowsKeepsEveryValueExactly()
{
    QVERIFY(applyItemsSchema());
    const QStringList columns = {QStringLiteral("name"), QStringLiteral("size"), QStringLiteral("count"),
                                 QStringLiteral("note"), QStringLiteral("public")};
    const QStringList awkward = {QStringLiteral("tab\there"), QStringLiteral("line\nbreak\r\n"),
                                 QStringLiteral("back\\slash \\N \\t"), QStringLiteral("\\N"),
                                 QStringLiteral("ünïcødé 名前 'q' \"d\""), QString()};
    std::vector<QVariantList> rows;
    for (int i = 0; i < 10; ++i) {
        const QString note = awkward.at(i % awkward.size());
        rows.push_back({QStringLiteral("row-%1").arg(i), 5'000'000'000LL + i, i, i == 7 ? QVariant() : QVariant(note),
                        i % 2 == 0});
    }
    QVERIFY_OK(m_db->insertRows(QStringLiteral("items"), columns, rows));
    Result<QueryResult> back = m_db->exec(QStringLiteral("SELECT name, size, count, note, public FROM items ORDER BY count"));
    QVERIFY_OK(back);
    QCOMPARE(back->rows.size(), size_t(10));
    for (int i = 0; i < 10; ++i) {
        const Row &row = back->rows[size_t(i)];
        QCOMPARE(row.text(0), QStringLiteral("row-%1").arg(i));
        QCOMPARE(row.integer(1), 5'000'000'000LL + i);
        QCOMPARE(row.integer(2), i);
        if (i == 7)
            QVERIFY(row.isNull(3));
        else
            QCOMPARE(row.text(3), awkward.at(i % awkward.size()));
        QCOMPARE(row.boolean(4), i % 2 == 0);
    }
}

void TestDatabase::insertRowsOfManyRowsInsideARolledBackTransactionLeavesNothing()
{
    QVERIFY(applyItemsSchema());
    std::vector<QVariantList> rows;
    for (int i = 0; i < 1000; ++i)
        rows.push_back({QStringLiteral("n%1").arg(i), i});
    const QStringList columns = {QStringLiteral("name"), QStringLiteral("size")};
    {
        Transaction transaction(*m_db);
        QVERIFY_OK(transaction.status());
        QVERIFY_OK(m_db->insertRows(QStringLiteral("items"), columns, rows));
        QCOMPARE(countRows(*m_db, QStringLiteral("items")), 1000);
    }
    QCOMPARE(countRows(*m_db, QStringLiteral("items")), 0);
    QVERIFY_OK(m_db->insertRows(QStringLiteral("items"), columns, rows));
    QCOMPARE(countRows(*m_db, QStringLiteral("items")), 1000);
    Result<QueryResult> sum = m_db->exec(QStringLiteral("SELECT SUM(size) FROM items"));
    QVERIFY_OK(sum);
    QCOMPARE(sum->first().integer(0), 999 * 1000 / 2);
}

void TestDatabase::insertRowsConflictAbortsTheTransaction()
{
    QVERIFY(applyItemsSchema());
    QVERIFY_OK(m_db->exec(QStringLiteral("INSERT INTO items (name) VALUES ('taken')")));
    std::vector<QVariantList> rows;
    for (const char *name : {"a", "b", "c", "taken", "d"})
        rows.push_back({QString::fromLatin1(name)});
    Transaction transaction(*m_db);
    QVERIFY_OK(transaction.status());
    Status status = m_db->insertRows(QStringLiteral("items"), {QStringLiteral("name")}, rows);
    QVERIFY(!status.ok());
    QVERIFY2(status.error().message.contains(QLatin1String("taken")) || status.error().kind == ErrorKind::Conflict,
             qPrintable(status.error().message));
    QVERIFY(!transaction.commit().ok());
    QCOMPARE(countRows(*m_db, QStringLiteral("items")), 1);
}

void TestDatabase::insertRowsRejectsNonIdentifiersAndWrongWidths()
{
    QVERIFY(applyItemsSchema());
    const std::vector<QVariantList> one = {{QStringLiteral("x")}};
    for (const QString &table : {QStringLiteral("items; DROP TABLE items"), QStringLiteral("\"items\""), QString()}) {
        Status status = m_db->insertRows(table, {QStringLiteral("name")}, one);
        QVERIFY(!status.ok());
        QVERIFY2(status.error().message.contains(QLatin1String("not a plain table name")), qPrintable(status.error().message));
    }
    Status badColumn = m_db->insertRows(QStringLiteral("items"), {QStringLiteral("name, size")}, one);
    QVERIFY(!badColumn.ok());
    QVERIFY2(badColumn.error().message.contains(QLatin1String("not a plain column name")), qPrintable(badColumn.error().message));
    Status wide = m_db->insertRows(QStringLiteral("items"), {QStringLiteral("name")}, {{QStringLiteral("x"), 1}});
    QVERIFY(!wide.ok());
    QVERIFY2(wide.error().message.contains(QLatin1String("a row of 2 values for 1 columns")), qPrintable(wide.error().message));
    QCOMPARE(countRows(*m_db, QStringLiteral("items")), 0);
}

void TestDatabase::wrongSqlOrParameterCountGivesAClearError()
{
    Result<QueryResult> typo = m_db->exec(QStringLiteral("SELEC 1"));
    QVERIFY(!typo.ok());
    QCOMPARE(typo.error().kind, ErrorKind::Database);
    QVERIFY2(typo.error().message.contains(QLatin1String("syntax error")), qPrintable(typo.error().message));

    Result<QueryResult> missing = m_db->exec(QStringLiteral("SELECT v FROM no_such_table WHERE v = ?"), {1});
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().message.contains(QLatin1String("no_such_table")), qPrintable(missing.error().message));

    // A wrong number of parameters is refused, not filled from the previous
    // call of the same (cached) statement.
    const QString select = QStringLiteral("SELECT ? AS a, ? AS b");
    QVERIFY_OK(m_db->exec(select, {QStringLiteral("x"), QStringLiteral("y")}));
    Result<QueryResult> tooFew = m_db->exec(select, {QStringLiteral("x")});
    QVERIFY(!tooFew.ok());
    QVERIFY2(tooFew.error().message.contains(QLatin1String("2 placeholders")), qPrintable(tooFew.error().message));
    QVERIFY(!m_db->exec(select, {1, 2, 3}).ok());

    // The connection stays usable after errors outside a transaction.
    Result<QueryResult> fine = m_db->exec(QStringLiteral("SELECT 1"));
    QVERIFY_OK(fine);
    QCOMPARE(fine->first().integer(0), 1);
}

void TestDatabase::everyDocumentedUriFormOpens()
{
    QFETCH_GLOBAL(QString, driver);
    QStringList uris;
    if (driver == QLatin1String("sqlite")) {
        const QString path = m_tmp.filePath(QStringLiteral("four-slashes-%1.db").arg(m_counter));
        uris << QStringLiteral("sqlite:///:memory:")
             << QStringLiteral("sqlite:///") + path.mid(1) // the documented form
             << QStringLiteral("sqlite:////") + path.mid(1); // SQLAlchemy's absolute form, same file
    } else {
        uris << QStringLiteral("postgres://postgres@127.0.0.1:%1/kai").arg(m_pg.port())
             << QStringLiteral("postgresql+psycopg2://postgres@127.0.0.1:%1/kai").arg(m_pg.port())
             << QStringLiteral("postgresql://postgres@/kai?host=%1&port=%2").arg(m_pg.socketDir()).arg(m_pg.port());
    }
    for (const QString &uri : uris) {
        Result<std::unique_ptr<Database>> db = openDatabase(uri);
        QVERIFY2(db.ok(), qPrintable(uri + QStringLiteral(": ") + (db.ok() ? QString() : db.error().message)));
        QVERIFY_OK((*db)->exec(QStringLiteral("CREATE TABLE IF NOT EXISTS probe (v INTEGER)")));
        QVERIFY_OK((*db)->exec(QStringLiteral("INSERT INTO probe (v) VALUES (?)"), {1}));
    }
    if (driver == QLatin1String("sqlite")) {
        // Both file forms named the same file; :memory: was private.
        Result<std::unique_ptr<Database>> file = openDatabase(uris.at(1));
        QVERIFY_OK(file);
        QCOMPARE(countRows(**file, QStringLiteral("probe")), 2);
    } else {
        QCOMPARE(countRows(*m_db, QStringLiteral("probe")), 3);
    }
}

void TestDatabase::badUriGivesAClearError_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<QString>("mentions");
    QTest::addColumn<QString>("mustNotMention");

    QTest::newRow("unknown scheme names DB_URI and the scheme")
        << QStringLiteral("mysql://kai:secret@db/kai") << QStringLiteral("mysql") << QStringLiteral("secret");
    QTest::newRow("no scheme") << QStringLiteral("/var/lib/kai.db") << QStringLiteral("DB_URI") << QString();
    QTest::newRow("relative sqlite path") << QStringLiteral("sqlite://kai.db") << QStringLiteral("absolute") << QString();
    QTest::newRow("sqlite file in a missing directory")
        << QStringLiteral("sqlite:///nonexistent-kai-dir/x/kai.db") << QStringLiteral("/nonexistent-kai-dir/x/kai.db")
        << QString();
    QTest::newRow("postgresql without database name")
        << QStringLiteral("postgresql://kai@127.0.0.1:5432") << QStringLiteral("database name") << QString();
    QTest::newRow("postgresql nobody listening hides the password")
        << QStringLiteral("postgresql://kai:secret@127.0.0.1:1/kai") << QStringLiteral("127.0.0.1")
        << QStringLiteral("secret");
}

void TestDatabase::badUriGivesAClearError()
{
    QFETCH(QString, uri);
    QFETCH(QString, mentions);
    QFETCH(QString, mustNotMention);
    Result<std::unique_ptr<Database>> db = openDatabase(uri);
    QVERIFY(!db.ok());
    QVERIFY2(db.error().message.contains(mentions), qPrintable(db.error().message));
    if (!mustNotMention.isEmpty())
        QVERIFY2(!db.error().message.contains(mustNotMention), qPrintable(db.error().message));
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
