#include "toast.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>

namespace kai::console {

namespace {
constexpr int kShownMs = 6000;
constexpr int kMargin = 12;
}

Toast::Toast(QWidget *parent) : QFrame(parent), m_label(new QLabel(this)), m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("toast"));
    m_label->setObjectName(QStringLiteral("toastText"));
    m_label->setWordWrap(true);
    m_label->setMinimumWidth(280);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_label);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &QWidget::hide);
    parent->installEventFilter(this);
    hide();
}

QString Toast::text() const { return m_label->text(); }

void Toast::showMessage(const QString &text, Kind kind)
{
    m_label->setText(text);
    // Palette colours keep it readable in light and dark themes; only the
    // accent on the left edge says what kind it is.
    const char *accent = kind == Kind::Success ? "#3e8635" : kind == Kind::Failure ? "#c9190b" : "#2b9af3";
    setStyleSheet(QStringLiteral("kai--console--Toast { border-left: 4px solid %1; }").arg(QLatin1String(accent)));
    setMaximumWidth(qMax(240, parentWidget()->width() / 2));
    adjustSize();
    place();
    show();
    raise();
    m_timer->start(kShownMs);
}

bool Toast::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize && isVisible())
        place();
    return QFrame::eventFilter(watched, event);
}

void Toast::place()
{
    move(parentWidget()->width() - width() - kMargin, kMargin);
}

} // namespace kai::console
