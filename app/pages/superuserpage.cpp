#include "superuserpage.h"

#include "widgets/listpagekit.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace kai::console {

SuperuserPage::SuperuserPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("superuserPage"));
    QLabel *title = ListPageKit::title(tr("Superuser"));
    auto *text = new QLabel(tr("Users and organizations of the whole registry are managed in the Organizations list. "
                               "Service keys, the change log, usage logs and messages are not available in this version "
                               "of the console yet."));
    text->setWordWrap(true);
    auto *open = new QPushButton(tr("Open the Organizations list"));
    open->setObjectName(QStringLiteral("openOrganizationsButton"));
    connect(open, &QPushButton::clicked, this, &SuperuserPage::showOrganizationsRequested);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(text);
    layout->addWidget(open, 0, Qt::AlignLeft);
    layout->addStretch();
}

} // namespace kai::console
