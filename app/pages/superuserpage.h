#pragma once

#include <QWidget>

namespace kai::console {

// The superuser section (console-workflows §8). Users and organizations are
// managed in the Organizations list, as in Quay; service keys, change log,
// usage logs and messages come with a later issue, and the page says so.
class SuperuserPage final : public QWidget
{
    Q_OBJECT

public:
    explicit SuperuserPage(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(SuperuserPage)

signals:
    void showOrganizationsRequested();
};

} // namespace kai::console
