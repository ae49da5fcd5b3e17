#include "robotnamerule.h"

#include <QRegularExpression>

namespace kai::console {

QString RobotNameRule::check(const QString &shortName)
{
    static const QRegularExpression rule(QStringLiteral("^[a-z][a-z0-9_]{1,254}$"));
    if (rule.match(shortName).hasMatch())
        return {};
    return tr("Must start with a lowercase letter, followed by 1 to 254 lowercase letters, digits or underscores");
}

} // namespace kai::console
