#include "singlevaluedialog.h"

#include <QLabel>
#include <QVBoxLayout>

namespace kai::console {

SingleValueDialog::SingleValueDialog(Spec spec, QWidget *parent)
    : CreateDialog(tr("OK"), parent), m_spec(std::move(spec)), m_value(new QLineEdit(m_spec.initialValue)),
      m_message(new QLabel)
{
    setObjectName(QStringLiteral("singleValueDialog"));
    setWindowTitle(m_spec.title);
    setMinimumWidth(420);
    m_value->setObjectName(QStringLiteral("valueEdit"));
    m_value->setEchoMode(m_spec.echo);
    m_message->setObjectName(QStringLiteral("valueMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #c9190b;"));
    m_message->hide();

    auto *fields = new QVBoxLayout;
    auto *prompt = new QLabel(m_spec.prompt);
    prompt->setWordWrap(true);
    fields->addWidget(prompt);
    fields->addWidget(m_value);
    fields->addWidget(m_message);
    connect(m_value, &QLineEdit::textEdited, this, [this] {
        m_touched = true;
        validate();
    });

    finishLayout(fields);
    validate();
}

void SingleValueDialog::validate()
{
    const QString problem = m_spec.check(value());
    m_message->setText(problem);
    m_message->setVisible(m_touched && !problem.isEmpty());
    setCreateEnabled(problem.isEmpty() && !isSending());
}

QString SingleValueDialog::value() const
{
    // A password is taken as typed; names and addresses without stray spaces.
    return m_spec.echo == QLineEdit::Normal ? m_value->text().trimmed() : m_value->text();
}

void SingleValueDialog::submit()
{
    if (!readyToSend())
        return;
    const QString sent = value();
    send(m_spec.request(sent), m_spec.failure, [this, sent](const client::Done &) { emit applied(sent); });
}

} // namespace kai::console
