#pragma once

#include <QFrame>

class QLabel;
class QTimer;

namespace kai::console {

// A short message in the top-right corner of its parent that goes away by
// itself (success, failure, information); the text stays readable in the
// status bar history too (MainWindow).
class Toast final : public QFrame
{
    Q_OBJECT

public:
    enum class Kind { Success, Failure, Info };

    explicit Toast(QWidget *parent);
    Q_DISABLE_COPY_MOVE(Toast)

    void showMessage(const QString &text, Kind kind);
    QString text() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void place();

    QLabel *m_label;
    QTimer *m_timer;
};

} // namespace kai::console
