#include "model/labelrules.h"

#include <QRegularExpression>

namespace kai::model {

bool isValidLabelKey(const QString &key)
{
    static const QRegularExpression pattern(QString::fromLatin1(kLabelKeyPattern));
    return !key.isEmpty() && key.size() <= 255 && pattern.match(key).hasMatch();
}

bool hasReservedLabelPrefix(const QString &key, const QStringList &configured)
{
    static const QStringList builtIn{"com.docker.", "io.docker.", "org.dockerproject.", "org.opencontainers.",
                                     "io.cncf.", "io.kubernetes.", "io.k8s.", "io.quay", "com.coreos",
                                     "com.tectonic", "internal", "quay"};
    for (const QStringList *prefixes : {&builtIn, &configured}) {
        for (const QString &prefix : *prefixes) {
            if (key.startsWith(prefix))
                return true;
        }
    }
    return false;
}

bool isAllowedLabelMediaType(const QString &mediaType)
{
    return mediaType == QLatin1String("text/plain") || mediaType == QLatin1String("application/json");
}

} // namespace kai::model
