#include "tabbench.h"

#include "benchapplication.h"
#include "stallmonitor.h"

#include "models/repositorylistmodel.h"
#include "pages/namespacepage.h"
#include "pages/repositoriespage.h"
#include "pages/robotaccountstab.h"
#include "window/mainwindow.h"

#include <QDeadlineTimer>
#include <QScrollBar>
#include <QTabWidget>
#include <QTableView>

namespace kai::bench {

namespace {

constexpr int kFirstRowsTimeoutMs = 60'000;
constexpr int kPageTimeoutMs = 30'000;
constexpr int kPaintTimeoutMs = 5'000;
constexpr int kScrollTimeoutMs = 15 * 60'000;

} // namespace

TabBench::TabBench(BenchApplication &app, console::MainWindow &window, NetworkProbe &probe, StallMonitor &monitor,
                   QString organization)
    : m_app(app), m_window(window), m_page(window.findChild<console::NamespacePage *>()), m_probe(probe),
      m_monitor(monitor), m_organization(std::move(organization))
{
}

bool TabBench::waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    }
    return true;
}

const TabBench::Paint *TabBench::paintAfter(double ms) const
{
    for (const Paint &paint : m_paints) {
        if (paint.ms >= ms && paint.rows > 0)
            return &paint;
    }
    return nullptr;
}

bool TabBench::open(QWidget *tab, QTableView *table, NetworkProbe::Kind kind, TabRound &round)
{
    m_page->tabs()->setCurrentWidget(tab);
    waitFor([] { return false; }, 50);   // the tab switch painted, nothing pending
    m_paints.clear();
    m_app.watchPaints(table->viewport(), [this, table](double ms) { m_paints.append({ms, table->model()->rowCount()}); });
    m_probe.clear();
    m_monitor.start();
    m_opened = m_app.nowMs();
    m_window.openOrganization(m_organization);
    const bool shown = waitFor([&] { return !m_probe.calls(kind, m_opened).isEmpty() && paintAfter(m_probe.calls(kind, m_opened).first().finishedMs); },
                               kFirstRowsTimeoutMs);
    if (!shown) {
        round.error = QStringLiteral("no rows painted within %1 s").arg(kFirstRowsTimeoutMs / 1000);
        return false;
    }
    const NetworkProbe::Call first = m_probe.calls(kind, m_opened).first();
    if (first.status != 200) {
        round.error = QStringLiteral("the list call answered HTTP %1").arg(first.status);
        return false;
    }
    round.networkMs = first.networkMs();
    round.firstRowsMs = paintAfter(first.finishedMs)->ms - first.finishedMs;
    round.totalLoadMs = paintAfter(first.finishedMs)->ms - m_opened;
    round.openFrameMs = m_monitor.stop();
    m_monitor.start();
    return true;
}

TabRound TabBench::repositories()
{
    TabRound round;
    console::RepositoriesPage *tab = m_page->repositories();
    auto *table = tab->findChild<QTableView *>(QStringLiteral("repositoryTable"));
    console::RepositoryListModel *model = tab->model();
    if (open(tab, table, NetworkProbe::Kind::RepositoryPage, round)) {
        // A person drags the scroll bar to the end again and again; the
        // view calls fetchMore() when it reaches the bottom.
        QScrollBar *bar = table->verticalScrollBar();
        QDeadlineTimer deadline(kScrollTimeoutMs);
        const int maxSteps = 100'000;
        int steps = 0;
        while (!model->isComplete() && round.error.isEmpty()) {
            if (deadline.hasExpired() || ++steps > maxSteps) {
                round.error = QStringLiteral("scrolling did not reach the end (%1 rows)").arg(model->rowCount());
                break;
            }
            // Below the maximum the view asks at once; already there, its
            // own fetch-more timer does. The range grows only once the view
            // has laid the last page out, so keep dragging to the (new)
            // bottom until it asks, as a person does.
            const auto dragToBottomUntilAsked = [&] {
                bar->setValue(bar->maximum());
                return model->isLoading() || model->isComplete() || model->hasFailed();
            };
            if (!waitFor(dragToBottomUntilAsked, kPaintTimeoutMs)) {
                round.error = QStringLiteral("the view did not ask for more rows at %1").arg(model->rowCount());
                break;
            }
            if (!waitFor([&] { return !model->isLoading(); }, kPageTimeoutMs)) {
                round.error = QStringLiteral("a page did not arrive within %1 s").arg(kPageTimeoutMs / 1000);
                break;
            }
            if (model->hasFailed()) {
                round.error = QStringLiteral("a page failed");
                break;
            }
            const QList<NetworkProbe::Call> calls = m_probe.calls(NetworkProbe::Kind::RepositoryPage, m_opened);
            const double arrived = calls.last().finishedMs;
            if (!waitFor([&] { return paintAfter(arrived) != nullptr; }, kPaintTimeoutMs)) {
                round.error = QStringLiteral("page %1 was not painted").arg(calls.size());
                break;
            }
        }
        const QList<NetworkProbe::Call> calls = m_probe.calls(NetworkProbe::Kind::RepositoryPage, m_opened);
        for (qsizetype i = 1; i < calls.size(); ++i) {
            if (const Paint *paint = paintAfter(calls.at(i).finishedMs))
                round.pageToPaintMs.add(paint->ms - calls.at(i).finishedMs);
        }
        if (!calls.isEmpty() && paintAfter(calls.last().finishedMs))
            round.totalLoadMs = paintAfter(calls.last().finishedMs)->ms - m_opened;
    }
    (round.openFrameMs.isEmpty() ? round.openFrameMs : round.scrollFrameMs) = m_monitor.stop();
    m_app.watchPaints(nullptr, {});
    round.apiCalls = m_probe.count(NetworkProbe::Kind::RepositoryPage, m_opened);
    round.rows = table->model()->rowCount();
    return round;
}

void TabBench::scrollThrough(QTableView *table, TabRound &round)
{
    QScrollBar *bar = table->verticalScrollBar();
    bar->setValue(0);
    waitFor([] { return false; }, 20);
    const int maxSteps = 100'000;
    for (int steps = 0; bar->value() < bar->maximum() && steps < maxSteps; ++steps) {
        const qsizetype before = m_paints.size();
        const double start = m_app.nowMs();
        bar->setValue(std::min(bar->maximum(), bar->value() + bar->pageStep()));
        if (!waitFor([&] { return m_paints.size() > before; }, kPaintTimeoutMs)) {
            round.error = QStringLiteral("a scroll step was not painted");
            return;
        }
        round.scrollStepMs.add(m_paints.at(before).ms - start);
    }
}

TabRound TabBench::robots()
{
    TabRound round;
    console::RobotAccountsTab *tab = m_page->robotAccounts();
    auto *table = tab->findChild<QTableView *>(QStringLiteral("robotTable"));
    if (open(tab, table, NetworkProbe::Kind::RobotList, round))
        scrollThrough(table, round);
    (round.openFrameMs.isEmpty() ? round.openFrameMs : round.scrollFrameMs) = m_monitor.stop();
    m_app.watchPaints(nullptr, {});
    round.apiCalls = m_probe.count(NetworkProbe::Kind::RobotList, m_opened);
    round.rows = table->model()->rowCount();
    return round;
}

} // namespace kai::bench
