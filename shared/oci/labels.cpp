#include "oci/labels.h"

#include "oci/mediatypes.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <map>

namespace kai::oci {

bool isImageConfigMediaType(QStringView mediaType)
{
    const QString type = normalizedMediaType(mediaType);
    return type == QLatin1String(kOciConfig) || type == QLatin1String(kDockerConfig);
}

QString labelMediaType(const QString &value)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(value.toUtf8(), &error);
    if (error.error == QJsonParseError::NoError && (document.isObject() || document.isArray()))
        return QStringLiteral("application/json");
    return QStringLiteral("text/plain");
}

QList<ManifestLabel> manifestLabels(const Manifest &manifest, QByteArrayView configBlob)
{
    std::map<QString, QString> merged;
    auto take = [&merged](const QJsonObject &object) {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.value().isString())
                merged[it.key()] = it.value().toString();
        }
    };
    if (!manifest.isIndex() && manifest.config && isImageConfigMediaType(manifest.config->mediaType)
        && !configBlob.isEmpty()) {
        const QJsonObject config = QJsonDocument::fromJson(configBlob.toByteArray()).object();
        take(config.value(QLatin1String("config")).toObject().value(QLatin1String("Labels")).toObject());
    }
    take(manifest.annotations);
    QList<ManifestLabel> labels;
    labels.reserve(qsizetype(merged.size()));
    for (const auto &[key, value] : merged)
        labels.append(ManifestLabel{key, value, labelMediaType(value)});
    return labels;
}

} // namespace kai::oci
