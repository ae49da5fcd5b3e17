#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace kai::test {

inline QString sha256Of(const QByteArray &data)
{
    return "sha256:" + QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

inline QJsonObject descriptor(const QString &mediaType, const QByteArray &content)
{
    return QJsonObject{{"mediaType", mediaType}, {"digest", sha256Of(content)}, {"size", content.size()}};
}

// An OCI image manifest over the given config and layers (bytes already pushed).
inline QByteArray ociImageManifest(const QByteArray &config, const QList<QByteArray> &layers,
                                   const QString &configType = QStringLiteral("application/vnd.oci.image.config.v1+json"),
                                   const QJsonObject &extra = {})
{
    QJsonArray layerArray;
    for (const QByteArray &layer : layers)
        layerArray.append(descriptor("application/vnd.oci.image.layer.v1.tar+gzip", layer));
    QJsonObject manifest{{"schemaVersion", 2},
                         {"mediaType", "application/vnd.oci.image.manifest.v1+json"},
                         {"config", descriptor(configType, config)},
                         {"layers", layerArray}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        manifest.insert(it.key(), it.value());
    return QJsonDocument(manifest).toJson(QJsonDocument::Compact);
}

} // namespace kai::test
