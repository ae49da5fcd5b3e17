#include "core/quaydate.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

namespace kai {

QString formatQuayDate(qint64 epochMs)
{
    const QDateTime utc = QDateTime::fromMSecsSinceEpoch(epochMs, QTimeZone::utc());
    return QLocale::c().toString(utc, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss")) + QStringLiteral(" -0000");
}

qint64 parseQuayDate(const QString &text)
{
    if (!text.endsWith(QLatin1String(" -0000")))
        return -1;
    QDateTime parsed = QLocale::c().toDateTime(text.chopped(6), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
    if (!parsed.isValid())
        return -1;
    parsed.setTimeZone(QTimeZone::utc());
    return parsed.toMSecsSinceEpoch();
}

} // namespace kai
