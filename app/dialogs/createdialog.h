#pragma once

#include "client/reply.h"
#include "dialogs/pendingrequest.h"

#include <QDialog>
#include <QLabel>
#include <QPushButton>

class QLayout;

namespace kai::console {

// What every "Create ..." dialog shares: the Create and Cancel buttons, the
// line that shows the server's refusal, and the one request in flight,
// cancelled when the dialog closes so no answer reaches a closed dialog.
// A subclass builds its fields, checks them in validate() (which sets
// Create's state through setCreateEnabled()) and sends in submit().
class CreateDialog : public QDialog
{
    Q_OBJECT

public:
    void done(int result) override;

protected:
    CreateDialog(const QString &createLabel, QWidget *parent);

    // The fields, then the error line, then the buttons; Create calls submit().
    void finishLayout(QLayout *fields);
    virtual void validate() = 0;
    virtual void submit() = 0;

    bool isSending() const { return m_pending.isActive(); }
    void setCreateEnabled(bool enabled) { m_create->setEnabled(enabled); }
    // Checks the fields once more; true when Create may send now.
    bool readyToSend();

    // Sends `reply`. While it runs Create is off; a refusal shows `failure`
    // with the server's message as %1 and keeps every field; success calls
    // `onCreated` with the answer, then closes the dialog.
    template <typename T, typename OnCreated>
    void send(client::Reply<T> *reply, const QString &failure, OnCreated onCreated)
    {
        m_pending.start(reply);
        m_create->setEnabled(false);
        reply->then(this, [this, failure, onCreated](const Result<T> &result) {
            m_pending.finish();
            validate();
            if (!result) {
                m_error->setText(failure.arg(result.error().message));
                m_error->show();
                return;
            }
            onCreated(*result);
            accept();
        });
    }

private:
    PendingRequest m_pending;
    QLabel *m_error;
    QPushButton *m_create;
};

} // namespace kai::console
