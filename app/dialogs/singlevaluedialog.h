#pragma once

#include "client/reply.h"
#include "dialogs/createdialog.h"

#include <QLineEdit>

#include <functional>

namespace kai::console {

// A dialog that changes one value with one request: a prompt, one field
// checked as it is typed (the check's message appears once the field was
// edited; OK stays disabled while there is one), OK and Cancel. The
// superuser's "Rename Organization", "Change Email for U" and "Change
// Password for U" (console-workflows §2). A refusal shows the server's
// message in the dialog with the value kept.
class SingleValueDialog final : public CreateDialog
{
    Q_OBJECT

public:
    struct Spec
    {
        QString title;
        QString prompt;
        QString initialValue;
        QLineEdit::EchoMode echo = QLineEdit::Normal;
        // The problem with a value, "" when acceptable.
        std::function<QString(const QString &)> check;
        // Sends the value.
        std::function<client::Reply<client::Done> *(const QString &)> request;
        // Shown on refusal; %1 is the server's message.
        QString failure;
    };

    SingleValueDialog(Spec spec, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(SingleValueDialog)

signals:
    void applied(const QString &value);

private:
    void validate() override;
    void submit() override;
    QString value() const;

    Spec m_spec;
    QLineEdit *m_value;
    QLabel *m_message;
    bool m_touched = false;
};

} // namespace kai::console
