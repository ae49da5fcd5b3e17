#pragma once

#include <QCoreApplication>
#include <QString>

namespace kai::console {

// The short name of a new robot account, checked before anything is sent:
// Quay's rule ^[a-z][a-z0-9_]{1,254}$ (a lowercase letter, then 1-254
// lowercase letters, digits or '_'). Empty when acceptable, else the reason.
class RobotNameRule
{
    Q_DECLARE_TR_FUNCTIONS(RobotNameRule)

public:
    static QString check(const QString &shortName);
};

} // namespace kai::console
