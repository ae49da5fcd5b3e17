#include "stallmonitor.h"

#include "benchapplication.h"

namespace kai::bench {

StallMonitor::StallMonitor(const BenchApplication &app, QObject *parent) : QObject(parent), m_app(app)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(1);
    connect(&m_timer, &QTimer::timeout, this, &StallMonitor::beat);
}

void StallMonitor::start()
{
    m_gaps = {};
    m_last = m_app.nowMs();
    m_timer.start();
}

Samples StallMonitor::stop()
{
    beat();
    m_timer.stop();
    return std::exchange(m_gaps, {});
}

void StallMonitor::beat()
{
    const double now = m_app.nowMs();
    m_gaps.add(now - m_last);
    m_last = now;
}

} // namespace kai::bench
