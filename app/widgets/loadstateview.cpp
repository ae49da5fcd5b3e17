#include "loadstateview.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace kai::console {

namespace {
QWidget *centredColumn(QWidget *parent, const QList<QWidget *> &widgets)
{
    auto *page = new QWidget(parent);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch();
    for (QWidget *w : widgets)
        layout->addWidget(w, 0, Qt::AlignHCenter);
    layout->addStretch();
    return page;
}
} // namespace

LoadStateView::LoadStateView(QWidget *content, QWidget *parent)
    : QStackedWidget(parent), m_content(content), m_errorLabel(new QLabel), m_emptyLabel(new QLabel),
      m_emptyAction(new QPushButton)
{
    auto *busyLabel = new QLabel(tr("Loading…"));
    auto *busyBar = new QProgressBar;
    busyBar->setObjectName(QStringLiteral("busyIndicator"));
    busyBar->setRange(0, 0);
    busyBar->setMaximumWidth(240);
    m_busy = centredColumn(this, {busyLabel, busyBar});
    m_busy->setObjectName(QStringLiteral("busyState"));

    m_errorLabel->setObjectName(QStringLiteral("errorMessage"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *retry = new QPushButton(tr("Retry"));
    retry->setObjectName(QStringLiteral("retryButton"));
    connect(retry, &QPushButton::clicked, this, &LoadStateView::retryRequested);
    m_error = centredColumn(this, {m_errorLabel, retry});
    m_error->setObjectName(QStringLiteral("errorState"));

    m_emptyLabel->setObjectName(QStringLiteral("emptyMessage"));
    m_emptyLabel->setWordWrap(true);
    m_emptyAction->setObjectName(QStringLiteral("emptyAction"));
    connect(m_emptyAction, &QPushButton::clicked, this, &LoadStateView::emptyActionTriggered);
    m_empty = centredColumn(this, {m_emptyLabel, m_emptyAction});
    m_empty->setObjectName(QStringLiteral("emptyState"));

    addWidget(m_content);
    addWidget(m_busy);
    addWidget(m_error);
    addWidget(m_empty);
}

void LoadStateView::setEmptyState(const QString &sentence, const QString &actionText)
{
    m_emptyLabel->setText(sentence);
    m_emptyAction->setText(actionText);
    m_emptyAction->setVisible(!actionText.isEmpty());
}

void LoadStateView::showBusy()
{
    m_state = State::Busy;
    setCurrentWidget(m_busy);
}

void LoadStateView::showError(const QString &message)
{
    m_state = State::Error;
    m_errorLabel->setText(message);
    setCurrentWidget(m_error);
}

void LoadStateView::showEmpty()
{
    m_state = State::Empty;
    setCurrentWidget(m_empty);
}

void LoadStateView::showContent()
{
    m_state = State::Content;
    setCurrentWidget(m_content);
}

void LoadStateView::showLoaded(bool empty)
{
    if (empty)
        showEmpty();
    else
        showContent();
}

} // namespace kai::console
