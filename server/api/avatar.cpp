#include "api/avatar.h"

#include <QCryptographicHash>

namespace kai::api {

QJsonObject avatarOf(const QString &name, const QString &email, const QString &kind)
{
    // Quay's AVATAR_COLORS; the colour is picked by the first two hex
    // digits of the hash, as Quay does (verified against the guide's output).
    static const char *const kPalette[] = {
        "#969696", "#aec7e8", "#ff7f0e", "#ffbb78", "#2ca02c", "#98df8a", "#d62728", "#ff9896",
        "#9467bd", "#c5b0d5", "#8c564b", "#c49c94", "#e377c2", "#f7b6d2", "#7f7f7f", "#c7c7c7",
        "#bcbd22", "#1f77b4", "#17becf", "#9edae5", "#393b79", "#5254a3", "#6b6ecf", "#9c9ede",
        "#9ecae1", "#31a354", "#b5cf6b", "#a1d99b", "#8c6d31", "#ad494a", "#e7ba52", "#a55194"};
    const QString source = (email.isEmpty() ? name : email).trimmed().toLower();
    const QByteArray digest = QCryptographicHash::hash(source.toUtf8(), QCryptographicHash::Sha256);
    const int index = int(quint8(digest.at(0))) % int(std::size(kPalette));
    return QJsonObject{{"name", name},
                       {"hash", QString::fromLatin1(digest.toHex())},
                       {"color", QString::fromLatin1(kPalette[index])},
                       {"kind", kind}};
}

} // namespace kai::api
