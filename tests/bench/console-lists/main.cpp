// kai-bench-console-lists: issue 6 "Performance" with the real console
// widgets against a real kai-server. One organization with --repos private
// repositories and --robots robots (made through the REST API); its
// namespace page is opened --rounds times with the Repositories tab in
// front and --rounds times with the Robot accounts tab in front. Targets:
// first rows painted <= --first-rows-ms after the list's answer arrived;
// scrolling to the end (fetchMore, one API call per page) without a GUI
// stall over --stall-ms. Prints a table; exit 0 all met, 1 a target missed
// or a correctness check failed, 2 the setup failed. See tests/bench/README.md.
#include "benchapplication.h"
#include "networkprobe.h"
#include "seeder.h"
#include "stallmonitor.h"
#include "tabbench.h"

#include "console/consolefixture.h"

#include "window/mainwindow.h"

#include <QCommandLineParser>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSysInfo>
#include <QTextStream>
#include <QThread>

#include <cmath>
#include <cstdio>

using namespace kai;
using namespace kai::bench;

namespace {

struct Options
{
    int repositories = 10'000;
    int robots = 1'000;
    QString backend = QStringLiteral("sqlite");
    int rounds = 5;
    int warmup = 1;
    int concurrency = 6;
    double firstRowsMs = 300;
    double stallMs = 50;
    bool targets = true;
};

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(file.readAll()).section(u' ', 0, 2);
}

QString ms(double value)
{
    return std::isnan(value) ? QStringLiteral("-") : QString::number(value, 'f', 1);
}

// One line of the summary: a per-round figure's median and p99 over the
// rounds, its target, and whether the p99 meets it.
class Report
{
public:
    explicit Report(bool targets) : m_targets(targets)
    {
        out() << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                     .arg(QStringLiteral("tab"), -13)
                     .arg(QStringLiteral("figure (per round)"), -40)
                     .arg(QStringLiteral("median"), 9)
                     .arg(QStringLiteral("p99"), 9)
                     .arg(QStringLiteral("target"), 9)
                     .arg(QStringLiteral("verdict"));
    }

    void line(const QString &tab, const QString &figure, const Samples &rounds, double target = std::nan(""))
    {
        QString verdict = QStringLiteral("info");
        if (!std::isnan(target)) {
            const bool met = rounds.p99() <= target;
            verdict = met ? QStringLiteral("met") : (m_targets ? QStringLiteral("MISSED") : QStringLiteral("missed (not held)"));
            if (!met && m_targets)
                m_missed = true;
        }
        out() << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                     .arg(tab, -13)
                     .arg(figure, -40)
                     .arg(ms(rounds.median()), 9)
                     .arg(ms(rounds.p99()), 9)
                     .arg(std::isnan(target) ? QStringLiteral("-") : QStringLiteral("<=%1").arg(target), 9)
                     .arg(verdict);
    }

    void check(const QString &tab, const QString &what, bool ok)
    {
        out() << QStringLiteral("%1 %2 %3\n").arg(tab, -13).arg(what, -68).arg(ok ? QStringLiteral("ok") : QStringLiteral("FAILED"));
        if (!ok)
            m_failed = true;
    }

    int exitCode() const { return m_failed || m_missed ? 1 : 0; }

private:
    bool m_targets;
    bool m_missed = false;
    bool m_failed = false;
};

// The summary of one tab over its measured rounds.
void summarize(Report &report, const QString &tab, const QList<TabRound> &rounds, const Options &options,
               int expectedRows, int expectedCalls)
{
    Samples network, firstRows, pageMax, pageP99, stepMax, openFrameMax, scrollFrameMax, scrollFrameP99, total;
    bool rowsOk = true;
    bool callsOk = true;
    QStringList errors;
    for (const TabRound &round : rounds) {
        network.add(round.networkMs);
        firstRows.add(round.firstRowsMs);
        if (!round.pageToPaintMs.isEmpty()) {
            pageMax.add(round.pageToPaintMs.max());
            pageP99.add(round.pageToPaintMs.p99());
        }
        if (!round.scrollStepMs.isEmpty())
            stepMax.add(round.scrollStepMs.max());
        openFrameMax.add(round.openFrameMs.max());
        scrollFrameMax.add(round.scrollFrameMs.max());
        scrollFrameP99.add(round.scrollFrameMs.p99());
        total.add(round.totalLoadMs);
        rowsOk = rowsOk && round.rows == expectedRows;
        callsOk = callsOk && round.apiCalls == expectedCalls;
        if (!round.error.isEmpty())
            errors << round.error;
    }
    report.line(tab, QStringLiteral("list call, sent -> answered (ms)"), network);
    report.line(tab, QStringLiteral("first rows painted after answer (ms)"), firstRows, options.firstRowsMs);
    if (!pageMax.isEmpty()) {
        report.line(tab, QStringLiteral("next page: answer -> painted, max (ms)"), pageMax);
        report.line(tab, QStringLiteral("next page: answer -> painted, p99 (ms)"), pageP99);
    }
    if (!stepMax.isEmpty())
        report.line(tab, QStringLiteral("scroll step -> painted, max (ms)"), stepMax);
    report.line(tab, QStringLiteral("GUI frame while opening, max (ms)"), openFrameMax, options.stallMs);
    report.line(tab, QStringLiteral("GUI frame while scrolling, max (ms)"), scrollFrameMax, options.stallMs);
    report.line(tab, QStringLiteral("GUI frame while scrolling, p99 (ms)"), scrollFrameP99);
    report.line(tab, QStringLiteral("open -> all rows painted (ms)"), total);
    QStringList calls;
    for (const TabRound &round : rounds)
        calls << QString::number(round.apiCalls);
    report.check(tab, QStringLiteral("all %1 rows reached in every round").arg(expectedRows), rowsOk);
    report.check(tab, QStringLiteral("API calls per round %1, one per page of data (%2)").arg(calls.join(u'/')).arg(expectedCalls),
                 callsOk);
    report.check(tab, errors.isEmpty() ? QStringLiteral("no round went wrong") : errors.join(QStringLiteral("; ")),
                 errors.isEmpty());
}

Options parse(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The console's list pages with a big organization (issue 6)."));
    parser.addHelpOption();
    const QCommandLineOption repos(QStringLiteral("repos"), QStringLiteral("Repositories (10000)."), QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption robots(QStringLiteral("robots"), QStringLiteral("Robots (1000)."), QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption backend(QStringLiteral("backend"), QStringLiteral("sqlite or postgres."), QStringLiteral("NAME"), QStringLiteral("sqlite"));
    const QCommandLineOption rounds(QStringLiteral("rounds"), QStringLiteral("Measured rounds per tab (5)."), QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption warmup(QStringLiteral("warmup"), QStringLiteral("Unmeasured rounds first (1)."), QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption server(QStringLiteral("server"), QStringLiteral("kai-server binary (default: this build's)."), QStringLiteral("PATH"));
    const QCommandLineOption concurrency(QStringLiteral("concurrency"), QStringLiteral("Seeding requests in flight (6)."), QStringLiteral("N"), QStringLiteral("6"));
    const QCommandLineOption firstRows(QStringLiteral("first-rows-ms"), QStringLiteral("Target (300)."), QStringLiteral("MS"), QStringLiteral("300"));
    const QCommandLineOption stall(QStringLiteral("stall-ms"), QStringLiteral("Target for the longest GUI frame (50)."), QStringLiteral("MS"), QStringLiteral("50"));
    const QCommandLineOption noTargets(QStringLiteral("no-targets"), QStringLiteral("Report the timings, hold only correctness (ctest smoke run)."));
    parser.addOptions({repos, robots, backend, rounds, warmup, server, concurrency, firstRows, stall, noTargets});
    parser.process(app);
    Options options;
    options.repositories = std::max(1, parser.value(repos).toInt());
    options.robots = std::max(1, parser.value(robots).toInt());
    options.backend = parser.value(backend) == QLatin1String("postgres") ? QStringLiteral("postgresql") : parser.value(backend);
    options.rounds = std::max(1, parser.value(rounds).toInt());
    options.warmup = std::max(0, parser.value(warmup).toInt());
    options.concurrency = std::max(1, parser.value(concurrency).toInt());
    options.firstRowsMs = parser.value(firstRows).toDouble();
    options.stallMs = parser.value(stall).toDouble();
    options.targets = !parser.isSet(noTargets);
    if (parser.isSet(server))
        qputenv("KAI_SERVER_BINARY", parser.value(server).toLocal8Bit());
    if (options.backend != QLatin1String("sqlite") && options.backend != QLatin1String("postgresql")) {
        std::fprintf(stderr, "--backend is sqlite or postgres\n");
        std::exit(2);
    }
    return options;
}

int setupFailed(const QString &what)
{
    std::fprintf(stderr, "setup failed: %s\n", qPrintable(what));
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    // Offscreen unless a platform is chosen (QT_QPA_PLATFORM=xcb to watch).
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // kai-server inherits the environment: no access log line per request.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        qputenv("QT_LOGGING_RULES", "kai.http.info=false");
    BenchApplication app(argc, argv);
    const Options options = parse(app);
    const QString organization = QStringLiteral("listbench");
    test::IsolatedSettings settings;

    if (options.backend == QLatin1String("postgresql") && !test::PgCluster::available())
        return setupFailed(QStringLiteral("PostgreSQL is not installed (apt-get install postgresql)"));
    test::ConsoleServers servers;
    test::ServerProcess *server = servers.server(options.backend);
    if (!server)
        return setupFailed(QStringLiteral("kai-server did not start (%1)").arg(test::ServerProcess::binary()));

    out() << QStringLiteral("console-lists: backend %1, %2 repositories, %3 robots, %4 rounds per tab (+%5 warm-up), "
                            "platform %6, window 1100x700\n")
                 .arg(options.backend).arg(options.repositories).arg(options.robots).arg(options.rounds)
                 .arg(options.warmup).arg(QGuiApplication::platformName());
    out() << QStringLiteral("server %1, host %2, %3 CPUs, load average %4 (start)\n")
                 .arg(test::ServerProcess::binary(), QSysInfo::machineHostName()).arg(QThread::idealThreadCount())
                 .arg(loadAverage());
    out().flush();

    Seeder seeder(server->baseUrl(), servers.adminToken(options.backend), options.concurrency);
    const double seedStart = app.nowMs();
    if (Status s = seeder.createOrganization(organization); !s)
        return setupFailed(s.error().message);
    if (Status s = seeder.createRepositories(organization, options.repositories); !s)
        return setupFailed(s.error().message);
    const double reposDone = app.nowMs();
    if (Status s = seeder.createRobots(organization, options.robots); !s)
        return setupFailed(s.error().message);
    const double robotsDone = app.nowMs();
    const auto repositoryCount = seeder.countRepositories(organization);
    const auto robotCount = seeder.countRobots(organization);
    if (!repositoryCount || !robotCount)
        return setupFailed(!repositoryCount ? repositoryCount.error().message : robotCount.error().message);
    out() << QStringLiteral("seeded through the API with %1 in flight: %2 repositories in %3 s, %4 robots in %5 s; "
                            "listed back: %6 repositories in %7 pages, %8 robots\n")
                 .arg(options.concurrency).arg(options.repositories).arg((reposDone - seedStart) / 1000, 0, 'f', 1)
                 .arg(options.robots).arg((robotsDone - reposDone) / 1000, 0, 'f', 1)
                 .arg(repositoryCount->first).arg(repositoryCount->second).arg(*robotCount);
    out().flush();
    if (repositoryCount->first != options.repositories || *robotCount != options.robots)
        return setupFailed(QStringLiteral("the server lists %1 repositories and %2 robots")
                               .arg(repositoryCount->first).arg(*robotCount));

    client::ApiClient client;
    if (!test::signInAsAdmin(client, server))
        return setupFailed(QStringLiteral("the console could not sign in"));
    const client::CurrentUser user = test::fetchCurrentUser(client);
    if (user.username.isEmpty())
        return setupFailed(QStringLiteral("GET /api/v1/user/ failed"));
    console::MainWindow window(client, user);
    window.resize(1100, 700);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return setupFailed(QStringLiteral("the window was not exposed"));
    auto *network = client.findChild<QNetworkAccessManager *>(QString(), Qt::FindDirectChildrenOnly);
    if (!network)
        return setupFailed(QStringLiteral("the ApiClient has no QNetworkAccessManager child"));
    NetworkProbe probe(network, organization, app.clock());
    StallMonitor monitor(app);
    TabBench bench(app, window, probe, monitor, organization);

    QList<TabRound> repositories;
    QList<TabRound> robots;
    for (int round = 0; round < options.warmup + options.rounds; ++round) {
        TabRound r = bench.repositories();
        TabRound b = bench.robots();
        out() << QStringLiteral("round %1%2: repositories first rows %3 ms, all %4 rows in %5 ms, %6 calls, frame max %7/%8 ms%9; "
                                "robots first rows %10 ms, frame max %11/%12 ms%13\n")
                     .arg(round + 1).arg(round < options.warmup ? QStringLiteral(" (warm-up)") : QString())
                     .arg(ms(r.firstRowsMs)).arg(r.rows).arg(ms(r.totalLoadMs)).arg(r.apiCalls).arg(ms(r.openFrameMs.max()), ms(r.scrollFrameMs.max()))
                     .arg(r.error.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(r.error))
                     .arg(ms(b.firstRowsMs)).arg(ms(b.openFrameMs.max()), ms(b.scrollFrameMs.max()))
                     .arg(b.error.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(b.error));
        out().flush();
        if (round >= options.warmup) {
            repositories << r;
            robots << b;
        }
    }

    out() << QStringLiteral("\nload average %1 (end)\n").arg(loadAverage());
    Report report(options.targets);
    summarize(report, QStringLiteral("repositories"), repositories, options, options.repositories, repositoryCount->second);
    summarize(report, QStringLiteral("robots"), robots, options, options.robots, 1);
    out().flush();
    return report.exitCode();
}
