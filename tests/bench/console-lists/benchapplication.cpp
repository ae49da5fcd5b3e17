#include "benchapplication.h"

#include <QEvent>
#include <QWidget>

namespace kai::bench {

BenchApplication::BenchApplication(int &argc, char **argv) : QApplication(argc, argv) { m_clock.start(); }

void BenchApplication::watchPaints(QWidget *widget, std::function<void(double)> painted)
{
    m_watched = widget;
    m_painted = std::move(painted);
}

bool BenchApplication::notify(QObject *receiver, QEvent *event)
{
    const bool paint = event->type() == QEvent::Paint && m_watched && receiver == m_watched.data();
    const bool result = QApplication::notify(receiver, event);
    if (paint && m_painted)
        m_painted(nowMs());
    return result;
}

} // namespace kai::bench
