// kai-bench-log-writer: the CPU one logged pull costs, without HTTP.
//
// logs-scale measures issue 5's pull line end to end (hey against a real
// kai-server), where two cores shared by hey, the server and the database
// make one run's request rate swing by ±20 %. This program measures the two
// costs logging adds to a pull, in CPU time, which other load blurs much
// less:
//   - request side: logs::recordPull(), what the manifest GET calls to
//     record a pull (metadata, actor, entry, queue), with pull logging on
//     and off;
//   - writer side: the CPU of the `kai-logwriter` thread per 1,000 entries,
//     inserting them into a migrated database through LogBatchWriter.
// --clients chooses how many client addresses the pulls come from: one (as
// logs-scale's hey), whose pulls of one second the writer stores as one
// row, or every pull its own (0), the case where nothing is coalesced.
// See tests/bench/README.md, "log-writer".

#include "http/httprequest.h"
#include "logs/actionlogger.h"
#include "logs/logbatchwriter.h"
#include "logs/logscope.h"
#include "store/logstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <unistd.h>

using namespace kai;

namespace {

double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

// utime + stime of this process's thread named `name`, in ms.
double namedThreadCpuMs(const QByteArray &name)
{
    const long ticks = sysconf(_SC_CLK_TCK);
    for (const QString &tid : QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(QStringLiteral("/proc/self/task/%1/comm").arg(tid));
        if (!comm.open(QIODevice::ReadOnly) || comm.readAll().trimmed() != name)
            continue;
        QFile stat(QStringLiteral("/proc/self/task/%1/stat").arg(tid));
        if (!stat.open(QIODevice::ReadOnly))
            return -1;
        const QByteArray line = stat.readAll();
        // Fields after the ")" that closes the command: state is field 3,
        // utime 14, stime 15.
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) * 1000.0 / double(ticks);
    }
    return -1;
}

struct Pull
{
    store::Repository repository;
    auth::Identity identity;
    http::HttpRequest request;
    QString reference;
    QString mediaType;
};

// The i-th of `repositories` repositories, ten to an organization (the
// layout of logs-scale).
Pull samplePull(int i)
{
    Pull pull;
    pull.repository.id = 1 + i;
    pull.repository.namespaceId = 1 + i / 10;
    pull.repository.namespaceName = QStringLiteral("logs%1").arg(i / 10);
    pull.repository.namespaceKind = QStringLiteral("organization");
    pull.repository.name = QStringLiteral("r%1").arg(i, 3, 10, QLatin1Char('0'));
    pull.identity.kind = auth::Identity::Kind::User;
    pull.identity.namespaceId = 1000;
    pull.identity.name = QStringLiteral("admin");
    pull.identity.entityKind = QStringLiteral("user");
    pull.request.method = "GET";
    // As the HTTP core fills them for a dual-stack listener.
    pull.request.peer = QHostAddress(QStringLiteral("::ffff:127.0.0.1"));
    pull.request.client = QHostAddress(QStringLiteral("127.0.0.1"));
    pull.request.headers.append(
        qMakePair(QByteArray("User-Agent"), QByteArray("containers/5.23.1 (github.com/containers/image)")));
    pull.reference = QStringLiteral("latest");
    pull.mediaType = QStringLiteral("application/vnd.oci.image.manifest.v1+json");
    return pull;
}

struct Run
{
    double requestUsPerEntry = 0;
    double writerMsPer1000 = -1;
    qint64 written = 0;
    qint64 rows = 0;
    qint64 dropped = 0;
};

struct Settings
{
    QString dbUri;
    int entries = 100'000;
    int repositories = 1;
    int batchSize = 512;
    int clients = 1;          // 0: every pull from its own address
};

// 127.0.0.1, 127.0.0.2, ...: the address of the n-th client.
QHostAddress clientAddress(int n)
{
    return QHostAddress(quint32(0x7F000001u + quint32(n)));
}

Result<qint64> rowsIn(db::Database &db)
{
    auto result = db.exec("SELECT COUNT(*) FROM log_entries");
    if (!result)
        return result.error();
    return result->first().integer(0);
}

Run run(const Settings &settings, bool logPulls)
{
    const int entries = settings.entries;
    auto db = db::openDatabase(settings.dbUri);
    if (!db)
        qFatal("cannot open %s: %s", qPrintable(settings.dbUri), qPrintable(db.error().message));
    store::LogStore store(**db);
    const auto rowsBefore = rowsIn(**db);
    if (!rowsBefore)
        qFatal("cannot count rows: %s", qPrintable(rowsBefore.error().message));
    logs::LogBatchWriter::Options options;
    options.dbUri = settings.dbUri;
    options.batchSize = settings.batchSize;
    logs::LogBatchWriter writer(options);
    writer.start();
    logs::ActionLogger logger(store, &writer, [] { return QDateTime::currentMSecsSinceEpoch(); });
    logger.setRecordPulls(logPulls);

    std::vector<Pull> pulls;
    for (int i = 0; i < settings.repositories; ++i)
        pulls.push_back(samplePull(i));

    // Enqueue in steps of 256 and wait while the queue holds more than
    // 10,000, so nothing is dropped; only the enqueuing thread's CPU counts.
    double requestMs = 0;
    const QDeadlineTimer deadline(600'000);
    std::vector<QHostAddress> stepClients(256, clientAddress(0));
    for (int i = 0; i < entries && !deadline.hasExpired();) {
        const int step = std::min(256, entries - i);
        for (int k = 0; k < step && settings.clients != 1; ++k)
            stepClients[size_t(k)] = clientAddress(settings.clients == 0 ? i + k : (i + k) % settings.clients);
        const double before = threadCpuMs();
        for (int k = 0; k < step; ++k) {
            Pull &pull = pulls[size_t((i + k) % settings.repositories)];
            pull.request.client = stepClients[size_t(k)];
            logs::recordPull(logger, pull.repository, pull.identity, pull.request, pull.reference, pull.mediaType);
        }
        requestMs += threadCpuMs() - before;
        i += step;
        while (logPulls && i - writer.written() > 10'000 && !deadline.hasExpired())
            QThread::msleep(2);
    }
    while (logPulls && writer.written() + writer.dropped() < entries && !deadline.hasExpired())
        QThread::msleep(5);
    Run result;
    result.writerMsPer1000 = namedThreadCpuMs("kai-logwriter") * 1000.0 / entries;
    writer.stop();
    result.requestUsPerEntry = requestMs * 1000.0 / entries;
    result.written = writer.written();
    result.dropped = writer.dropped();
    const auto rowsAfter = rowsIn(**db);
    if (!rowsAfter)
        qFatal("cannot count rows: %s", qPrintable(rowsAfter.error().message));
    result.rows = *rowsAfter - *rowsBefore;
    return result;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Q_INIT_RESOURCE(migrations);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("CPU cost of pull logging, request side and writer thread"));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("db-uri"),
                      QStringLiteral("A database to use for every round (default: a new SQLite file each round)."),
                      QStringLiteral("uri")});
    parser.addOption({QStringLiteral("entries"), QStringLiteral("Pulls per run (default 100000)."),
                      QStringLiteral("n"), QStringLiteral("100000")});
    parser.addOption({QStringLiteral("repositories"),
                      QStringLiteral("Repositories the pulls go to, in turn (default 1, as logs-scale's pull line)."),
                      QStringLiteral("n"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("batch-size"), QStringLiteral("Entries per transaction of the writer (default 512)."),
                      QStringLiteral("n"), QStringLiteral("512")});
    parser.addOption({QStringLiteral("clients"),
                      QStringLiteral("Client addresses the pulls come from, in turn (default 1, as logs-scale's hey; "
                                     "0: every pull its own, so none are stored together)."),
                      QStringLiteral("n"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("rounds"), QStringLiteral("Runs per mode; the lowest cost counts (default 3)."),
                      QStringLiteral("n"), QStringLiteral("3")});
    parser.process(app);

    // Each round on a new SQLite file, so rounds compare (a table that grew
    // by the previous rounds' entries costs more to insert into); a
    // --db-uri database is migrated once and grows.
    QTemporaryDir dir;
    const QString givenUri = parser.value(QStringLiteral("db-uri"));
    const auto migratedDatabase = [&](int round) {
        const QString uri = givenUri.isEmpty()
            ? QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("kai-%1.db").arg(round))
            : givenUri;
        if (givenUri.isEmpty() || round == 0) {
            auto db = db::openDatabase(uri);
            if (!db)
                qFatal("cannot open %s: %s", qPrintable(uri), qPrintable(db.error().message));
            if (Status s = (*db)->migrate(QStringLiteral(":/migrations")); !s)
                qFatal("cannot migrate: %s", qPrintable(s.error().message));
        }
        return uri;
    };
    Settings settings;
    settings.entries = std::clamp(parser.value(QStringLiteral("entries")).toInt(), 1000, 2'000'000);
    settings.repositories = std::clamp(parser.value(QStringLiteral("repositories")).toInt(), 1, 1000);
    settings.batchSize = std::clamp(parser.value(QStringLiteral("batch-size")).toInt(), 1, 100'000);
    settings.clients = std::clamp(parser.value(QStringLiteral("clients")).toInt(), 0, 1'000'000);
    const int rounds = std::clamp(parser.value(QStringLiteral("rounds")).toInt(), 1, 20);

    Run bestOn, bestOff;
    bestOn.requestUsPerEntry = bestOff.requestUsPerEntry = 1e9;
    bestOn.writerMsPer1000 = 1e9;
    for (int r = 0; r < rounds; ++r) {
        settings.dbUri = migratedDatabase(r);
        const Run off = run(settings, false);
        const Run on = run(settings, true);
        std::printf("round %d: request side off %.2f us, on %.2f us an entry; writer %.2f ms per 1000 entries "
                    "(written %lld in %lld rows, dropped %lld)\n",
                    r + 1, off.requestUsPerEntry, on.requestUsPerEntry, on.writerMsPer1000, qlonglong(on.written),
                    qlonglong(on.rows), qlonglong(on.dropped));
        std::fflush(stdout);
        bestOff.requestUsPerEntry = std::min(bestOff.requestUsPerEntry, off.requestUsPerEntry);
        bestOn.requestUsPerEntry = std::min(bestOn.requestUsPerEntry, on.requestUsPerEntry);
        bestOn.writerMsPer1000 = std::min(bestOn.writerMsPer1000, on.writerMsPer1000);
        // Every pull must have become a row, or the figures are not about
        // the work they claim.
        if (on.written != settings.entries) {
            std::fprintf(stderr, "kai-bench-log-writer: %lld of %d entries written, %lld dropped\n",
                         qlonglong(on.written), settings.entries, qlonglong(on.dropped));
            return 1;
        }
    }
    std::printf("best: request side off %.2f us, on %.2f us (+%.2f); writer %.2f ms per 1000 entries; "
                "logging adds %.1f us of CPU a pull\n",
                bestOff.requestUsPerEntry, bestOn.requestUsPerEntry, bestOn.requestUsPerEntry - bestOff.requestUsPerEntry,
                bestOn.writerMsPer1000, bestOn.requestUsPerEntry - bestOff.requestUsPerEntry + bestOn.writerMsPer1000);
    return 0;
}
