#include "freshlogindialog.h"

#include "client/endpoints/session.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace kai::console {

FreshLoginDialog::FreshLoginDialog(client::ApiClient &client, QWidget *parent)
    : QDialog(parent), m_client(client), m_password(new QLineEdit), m_message(new QLabel),
      m_verify(new QPushButton(tr("Verify")))
{
    setObjectName(QStringLiteral("freshLoginDialog"));
    setWindowTitle(tr("Please Verify"));
    auto *intro = new QLabel(tr("It has been more than a few minutes since you last signed in. Enter your password to continue."));
    intro->setWordWrap(true);
    m_password->setObjectName(QStringLiteral("freshPasswordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_message->setObjectName(QStringLiteral("freshLoginMessage"));
    m_message->setStyleSheet(QStringLiteral("color: #c9190b;"));
    m_message->setWordWrap(true);
    m_message->hide();
    m_verify->setObjectName(QStringLiteral("verifyButton"));
    m_verify->setDefault(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Current Password"), m_password);
    auto *buttons = new QDialogButtonBox;
    buttons->addButton(m_verify, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::rejected, this, &FreshLoginDialog::reject);
    connect(m_verify, &QPushButton::clicked, this, &FreshLoginDialog::verify);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    // The dialog grows with the wrapped explanation and the message, which
    // a fixed first size would clip.
    intro->setMinimumWidth(400);
    intro->setMinimumHeight(intro->heightForWidth(400));
    layout->setSizeConstraint(QLayout::SetMinimumSize);
}

void FreshLoginDialog::reject()
{
    m_pending.cancel();
    // Closed first: whatever the failed requests set off may ask again.
    QDialog::reject();
    m_client.abandonParkedRequests(Error::of(ErrorKind::ApiFreshLoginRequired, tr("Fresh login verification cancelled")));
}

void FreshLoginDialog::verify()
{
    if (m_pending.isActive() || m_password->text().isEmpty())
        return;
    m_message->hide();
    m_verify->setEnabled(false);
    auto *reply = client::session::verifyFreshLogin(m_client, m_password->text());
    m_pending.start(reply);
    reply->then(this, [this](const Result<client::Done> &result) {
        m_pending.finish();
        m_verify->setEnabled(true);
        if (!result) {
            m_message->setText(result.error().message);
            m_message->show();
            m_password->selectAll();
            return;
        }
        m_client.resumeParkedRequests();
        accept();
    });
}

} // namespace kai::console
