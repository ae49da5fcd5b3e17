#pragma once

#include "client/apiclient.h"
#include "dialogs/pendingrequest.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace kai::console {

// "Please Verify" (console-workflows §0): the server wants the password
// again before a sensitive change. Verifying replays the parked requests;
// cancelling fails them with "Fresh login verification cancelled".
class FreshLoginDialog final : public QDialog
{
    Q_OBJECT

public:
    FreshLoginDialog(client::ApiClient &client, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(FreshLoginDialog)

    void reject() override;

private:
    void verify();

    client::ApiClient &m_client;
    PendingRequest m_pending;
    QLineEdit *m_password;
    QLabel *m_message;
    QPushButton *m_verify;
};

} // namespace kai::console
