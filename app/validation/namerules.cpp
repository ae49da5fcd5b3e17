#include "namerules.h"

#include "oci/names.h"

#include <QRegularExpression>

namespace kai::console {

NameCheck NameRules::organization(const QString &name)
{
    NameCheck check;
    if (!oci::validateNamespaceName(name).ok()) {
        check.error = tr("Must be alphanumeric, all lowercase, at least 2 characters long and at most 255 characters long");
        return check;
    }
    if (name.size() < 4 || name.size() > 30)
        check.warning = tr("Namespaces less than 4 or more than 30 characters are only compatible with Docker 1.6+");
    else if (name.contains(u'.') || name.contains(u'-'))
        check.warning = tr("Namespaces with dashes or dots are only compatible with Docker 1.9+");
    return check;
}

NameCheck NameRules::repository(const QString &name)
{
    static const QRegularExpression rule(QStringLiteral("^[a-z0-9][.a-z0-9_-]{0,254}$"));
    NameCheck check;
    if (!rule.match(name).hasMatch())
        check.error = tr("Must contain only lowercase alphanumeric and _- characters. Max 255 characters.");
    return check;
}

bool NameRules::isEmail(const QString &email)
{
    static const QRegularExpression rule(QStringLiteral("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$"));
    return email.size() <= 254 && rule.match(email).hasMatch();
}

} // namespace kai::console
