#pragma once

#include "stats.h"

#include <QObject>
#include <QTimer>

namespace kai::bench {

class BenchApplication;

// The GUI thread's responsiveness: a 1 ms heartbeat timer; the gap between
// two beats is how long the event loop could not run it, i.e. a frame the
// user would wait for. A gap of a few ms is an idle loop.
class StallMonitor final : public QObject
{
    Q_OBJECT

public:
    explicit StallMonitor(const BenchApplication &app, QObject *parent = nullptr);

    void start();
    // Stops and returns the gaps since start().
    Samples stop();

private:
    void beat();

    const BenchApplication &m_app;
    QTimer m_timer;
    double m_last = 0;
    Samples m_gaps;
};

} // namespace kai::bench
