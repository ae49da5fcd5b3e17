#pragma once

#include <QStackedWidget>

class QLabel;
class QPushButton;

namespace kai::console {

// What every list shows while it is not simply a list: a busy state while
// the first page loads, the server's message with "Retry" when it failed,
// and an empty state with a sentence and the primary action.
class LoadStateView final : public QStackedWidget
{
    Q_OBJECT

public:
    enum class State { Busy, Error, Empty, Content };

    LoadStateView(QWidget *content, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(LoadStateView)

    // The empty state's sentence and primary action (no button when empty).
    void setEmptyState(const QString &sentence, const QString &actionText);

    void showBusy();
    void showError(const QString &message);
    void showEmpty();
    void showContent();
    // What a finished load shows: the content, or the empty state when
    // nothing came.
    void showLoaded(bool empty);
    State state() const { return m_state; }

signals:
    void retryRequested();
    void emptyActionTriggered();

private:
    State m_state = State::Content;
    QWidget *m_content;
    QWidget *m_busy;
    QWidget *m_error;
    QWidget *m_empty;
    QLabel *m_errorLabel;
    QLabel *m_emptyLabel;
    QPushButton *m_emptyAction;
};

} // namespace kai::console
