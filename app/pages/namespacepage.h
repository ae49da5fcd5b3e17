#pragma once

#include "client/apiclient.h"

#include <QWidget>

class QLabel;
class QTabWidget;

namespace kai::console {

class RobotAccountsTab;

// An organization's page (console-workflows §3): its name as the title and
// its tabs. This slice has the "Robot accounts" tab.
class NamespacePage final : public QWidget
{
    Q_OBJECT

public:
    NamespacePage(client::ApiClient &client, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(NamespacePage)

    // Shows `organization` and loads its tabs.
    void setOrganization(const QString &organization);
    QString organization() const { return m_organization; }
    void reload();
    RobotAccountsTab *robotAccounts() const { return m_robots; }

signals:
    void notify(const QString &text, bool success);

private:
    QString m_organization;
    QLabel *m_title;
    QTabWidget *m_tabs;
    RobotAccountsTab *m_robots;
};

} // namespace kai::console
