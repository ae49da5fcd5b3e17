#pragma once

#include <QApplication>
#include <QElapsedTimer>
#include <QPointer>
#include <QWidget>

#include <functional>

namespace kai::bench {

// The QApplication of the benchmark: notify() tells when a watched widget
// has finished handling a paint event, i.e. its pixels are in the backing
// store. An event filter could only say when painting starts.
class BenchApplication final : public QApplication
{
    Q_OBJECT

public:
    BenchApplication(int &argc, char **argv);

    const QElapsedTimer &clock() const { return m_clock; }
    double nowMs() const { return double(m_clock.nsecsElapsed()) / 1e6; }

    // `painted(ms)` after every paint event `widget` handled; one widget at
    // a time, nullptr stops watching.
    void watchPaints(QWidget *widget, std::function<void(double)> painted);

    bool notify(QObject *receiver, QEvent *event) override;

private:
    QElapsedTimer m_clock;
    QPointer<QWidget> m_watched;
    std::function<void(double)> m_painted;
};

} // namespace kai::bench
