#pragma once

#include "networkprobe.h"
#include "stats.h"

#include <QList>
#include <QString>

#include <functional>

class QTableView;

namespace kai::console {
class MainWindow;
class NamespacePage;
} // namespace kai::console

namespace kai::bench {

class BenchApplication;
class StallMonitor;

// One opening of a tab of the organization's namespace page, as a person
// does it: the tab is in front, the organization is opened (all its tabs
// load, as in the console), the first rows show, then the list is scrolled
// to its end.
struct TabRound
{
    double networkMs = 0;      // first list call: sent → reply finished
    double firstRowsMs = 0;    // reply finished → the view painted rows
    Samples pageToPaintMs;     // every later page: reply finished → painted
    Samples scrollStepMs;      // a scroll step within loaded rows → painted
    Samples openFrameMs;       // GUI event-loop gaps from opening to the first rows
    Samples scrollFrameMs;     // the same from the first rows to the end of scrolling
    double totalLoadMs = 0;    // openOrganization() → last rows painted
    int apiCalls = 0;          // list calls made for this tab
    int rows = 0;              // rows the view shows at the end
    QString error;             // empty unless the round went wrong
};

class TabBench
{
public:
    TabBench(BenchApplication &app, console::MainWindow &window, NetworkProbe &probe, StallMonitor &monitor,
             QString organization);

    // Repositories tab: first page, then scrolled to the bottom until the
    // model has every page (fetchMore through the view's scroll bar).
    TabRound repositories();
    // Robot accounts tab: the one list call, then scrolled page by page to
    // the bottom.
    TabRound robots();

private:
    struct Paint
    {
        double ms;
        int rows;
    };

    // Opens the organization with `tab` in front and waits for the first
    // rows of `kind` painted in `table`; false (round.error set) otherwise.
    bool open(QWidget *tab, QTableView *table, NetworkProbe::Kind kind, TabRound &round);
    // Processes events until `done` or `timeoutMs`.
    static bool waitFor(const std::function<bool()> &done, int timeoutMs);
    // The first paint with rows at or after `ms`, nullptr when none yet.
    const Paint *paintAfter(double ms) const;
    // Scrolls `table` a page at a time from top to bottom.
    void scrollThrough(QTableView *table, TabRound &round);

    BenchApplication &m_app;
    console::MainWindow &m_window;
    console::NamespacePage *m_page;
    NetworkProbe &m_probe;
    StallMonitor &m_monitor;
    QString m_organization;
    double m_opened = 0;   // when openOrganization() was called
    QList<Paint> m_paints;
};

} // namespace kai::bench
