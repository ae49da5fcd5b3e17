#pragma once

#include "client/apiclient.h"
#include "dialogs/pendingrequest.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;

namespace kai::console {

// "Create repository" (console-workflows §4): namespace (locked inside a
// namespace page), validated name, description, visibility (Public by
// default).
class CreateRepositoryDialog final : public QDialog
{
    Q_OBJECT

public:
    // `namespaces`: where the user may create; one entry locks the choice.
    CreateRepositoryDialog(client::ApiClient &client, const QStringList &namespaces, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(CreateRepositoryDialog)

    void done(int result) override;

signals:
    void created(const QString &fullName);

private:
    void validate();
    void submit();

    client::ApiClient &m_client;
    PendingRequest m_pending;
    QComboBox *m_namespace;
    QLineEdit *m_name;
    QLabel *m_nameMessage;
    QPlainTextEdit *m_description;
    QRadioButton *m_public;
    QRadioButton *m_private;
    QLabel *m_error;
    QPushButton *m_create;
};

} // namespace kai::console
