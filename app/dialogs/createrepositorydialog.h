#pragma once

#include "client/apiclient.h"
#include "dialogs/createdialog.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;

namespace kai::console {

// "Create repository" (console-workflows §4): namespace (locked inside a
// namespace page), validated name, description, visibility (Public by
// default).
class CreateRepositoryDialog final : public CreateDialog
{
    Q_OBJECT

public:
    // `namespaces`: where the user may create; one entry locks the choice.
    CreateRepositoryDialog(client::ApiClient &client, const QStringList &namespaces, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(CreateRepositoryDialog)

signals:
    void created(const QString &fullName);

private:
    void validate() override;
    void submit() override;

    client::ApiClient &m_client;
    QComboBox *m_namespace;
    QLineEdit *m_name;
    QLabel *m_nameMessage;
    QPlainTextEdit *m_description;
    QRadioButton *m_public;
    QRadioButton *m_private;
};

} // namespace kai::console
