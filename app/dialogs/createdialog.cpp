#include "createdialog.h"

#include <QDialogButtonBox>
#include <QVBoxLayout>

namespace kai::console {

CreateDialog::CreateDialog(const QString &createLabel, QWidget *parent)
    : QDialog(parent), m_error(new QLabel), m_create(new QPushButton(createLabel))
{
    m_error->setObjectName(QStringLiteral("createError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c9190b;"));
    m_error->hide();
    m_create->setObjectName(QStringLiteral("createButton"));
    m_create->setDefault(true);
}

void CreateDialog::finishLayout(QLayout *fields)
{
    auto *buttons = new QDialogButtonBox;
    buttons->addButton(m_create, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_create, &QPushButton::clicked, this, [this] { submit(); });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(fields);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

void CreateDialog::done(int result)
{
    m_pending.cancel();
    QDialog::done(result);
}

bool CreateDialog::readyToSend()
{
    validate();
    if (!m_create->isEnabled())
        return false;
    m_error->hide();
    return true;
}

} // namespace kai::console
