#include "ocilayout.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <array>

namespace kai::test {

namespace {

constexpr auto kManifestType = "application/vnd.oci.image.manifest.v1+json";
constexpr auto kIndexType = "application/vnd.oci.image.index.v1+json";
constexpr auto kConfigType = "application/vnd.oci.image.config.v1+json";
constexpr auto kLayerType = "application/vnd.oci.image.layer.v1.tar+gzip";
constexpr auto kRefName = "org.opencontainers.image.ref.name";

QString sha256Hex(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// CRC-32 (IEEE, reflected), as the gzip trailer needs.
quint32 crc32(const QByteArray &data)
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t{};
        for (quint32 i = 0; i < 256; ++i) {
            quint32 c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    quint32 crc = 0xFFFFFFFFu;
    for (const char byte : data)
        crc = table[(crc ^ quint8(byte)) & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

void appendLe32(QByteArray &out, quint32 value)
{
    for (int i = 0; i < 4; ++i)
        out.append(char((value >> (8 * i)) & 0xFF));
}

// A zero-padded octal number in a tar header field of `width` bytes
// (width - 1 digits and a NUL).
void writeOctal(QByteArray &header, int offset, int width, qint64 value)
{
    const QByteArray digits = QByteArray::number(value, 8).rightJustified(width - 1, '0');
    header.replace(offset, width - 1, digits);
    header[offset + width - 1] = '\0';
}

} // namespace

QJsonObject OciBlob::descriptor() const
{
    return QJsonObject{{"mediaType", mediaType}, {"digest", digest}, {"size", size}};
}

OciLayout::OciLayout(QString path)
    : m_path(std::move(path))
{
    if (!QDir().mkpath(m_path + "/blobs/sha256")) {
        fail("cannot create " + m_path);
        return;
    }
    QFile marker(m_path + "/oci-layout");
    if (!marker.open(QIODevice::WriteOnly) || marker.write(R"({"imageLayoutVersion":"1.0.0"})") < 0)
        fail("cannot write " + marker.fileName());
    tag({}, {});   // an empty index.json, so the directory is a layout from the start
}

QString OciLayout::reference(const QString &tag) const
{
    return "oci:" + m_path + ':' + tag;
}

void OciLayout::fail(const QString &message)
{
    if (m_error.isEmpty())
        m_error = message;
}

OciBlob OciLayout::writeBlob(const QByteArray &content, const QString &mediaType)
{
    const QString hex = sha256Hex(content);
    QSaveFile file(m_path + "/blobs/sha256/" + hex);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit()) {
        fail("cannot write blob " + hex + " into " + m_path);
        return {mediaType, {}, 0};
    }
    return {mediaType, "sha256:" + hex, content.size()};
}

OciBlob OciLayout::addImage(const QString &architecture, const QByteArray &fileContent, const QJsonObject &annotations)
{
    const QByteArray tar = tarWithFile("hello.txt", fileContent);
    const OciBlob layer = writeBlob(gzipStored(tar), kLayerType);
    const QJsonObject config{
        {"architecture", architecture},
        {"os", "linux"},
        {"created", "2024-05-14T14:48:51Z"},
        {"config", QJsonObject{{"Cmd", QJsonArray{"/bin/true"}}, {"Labels", QJsonObject{{"kai.e2e", "1"}}}}},
        {"rootfs", QJsonObject{{"type", "layers"}, {"diff_ids", QJsonArray{"sha256:" + sha256Hex(tar)}}}},
        {"history", QJsonArray{QJsonObject{{"created", "2024-05-14T14:48:51Z"}, {"created_by", "kai e2e test"}}}},
    };
    const OciBlob configBlob = writeBlob(compact(config), kConfigType);
    QJsonObject manifest{{"schemaVersion", 2},
                         {"mediaType", kManifestType},
                         {"config", configBlob.descriptor()},
                         {"layers", QJsonArray{layer.descriptor()}}};
    if (!annotations.isEmpty())
        manifest.insert("annotations", annotations);
    return writeBlob(compact(manifest), kManifestType);
}

OciBlob OciLayout::addIndex(const QList<QPair<QString, OciBlob>> &architectureAndManifest,
                            const QJsonObject &annotations)
{
    QJsonArray manifests;
    for (const auto &[architecture, manifest] : architectureAndManifest) {
        QJsonObject entry = manifest.descriptor();
        entry.insert("platform", QJsonObject{{"architecture", architecture}, {"os", "linux"}});
        manifests.append(entry);
    }
    QJsonObject index{{"schemaVersion", 2}, {"mediaType", kIndexType}, {"manifests", manifests}};
    if (!annotations.isEmpty())
        index.insert("annotations", annotations);
    return writeBlob(compact(index), kIndexType);
}

OciBlob OciLayout::addArtifact(const QString &configMediaType, const QByteArray &config, const QString &layerMediaType,
                               const QByteArray &layer, const QString &artifactType, const QJsonObject &annotations)
{
    const OciBlob configBlob = writeBlob(config, configMediaType);
    const OciBlob layerBlob = writeBlob(layer, layerMediaType);
    QJsonObject manifest{{"schemaVersion", 2},
                         {"mediaType", kManifestType},
                         {"config", configBlob.descriptor()},
                         {"layers", QJsonArray{layerBlob.descriptor()}}};
    if (!artifactType.isEmpty())
        manifest.insert("artifactType", artifactType);
    if (!annotations.isEmpty())
        manifest.insert("annotations", annotations);
    return writeBlob(compact(manifest), kManifestType);
}

void OciLayout::tag(const QString &tag, const OciBlob &manifest)
{
    if (!tag.isEmpty()) {
        QJsonObject entry = manifest.descriptor();
        entry.insert("annotations", QJsonObject{{kRefName, tag}});
        m_tags.removeIf([&](const QJsonObject &e) {
            return e.value("annotations").toObject().value(kRefName).toString() == tag;
        });
        m_tags.append(entry);
    }
    QJsonArray manifests;
    for (const QJsonObject &entry : std::as_const(m_tags))
        manifests.append(entry);
    QSaveFile file(m_path + "/index.json");
    const QByteArray body = compact(QJsonObject{{"schemaVersion", 2}, {"manifests", manifests}});
    if (!file.open(QIODevice::WriteOnly) || file.write(body) != body.size() || !file.commit())
        fail("cannot write " + file.fileName());
}

QString OciLayout::digestOfTag(const QString &path, const QString &tag)
{
    QFile file(path + "/index.json");
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonArray manifests = QJsonDocument::fromJson(file.readAll()).object().value("manifests").toArray();
    for (const QJsonValue &value : manifests) {
        const QJsonObject entry = value.toObject();
        if (entry.value("annotations").toObject().value(kRefName).toString() == tag)
            return entry.value("digest").toString();
    }
    return {};
}

QByteArray OciLayout::readBlob(const QString &path, const QString &digest)
{
    if (!digest.startsWith("sha256:"))
        return {};
    QFile file(path + "/blobs/sha256/" + digest.mid(7));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray OciLayout::tarWithFile(const QString &name, const QByteArray &content)
{
    // POSIX ustar: a 512-byte header, the data padded to 512, then two
    // zero blocks as end-of-archive.
    QByteArray header(512, '\0');
    const QByteArray fileName = name.toUtf8().left(99);
    header.replace(0, fileName.size(), fileName);
    writeOctal(header, 100, 8, 0644);              // mode
    writeOctal(header, 108, 8, 0);                 // uid
    writeOctal(header, 116, 8, 0);                 // gid
    writeOctal(header, 124, 12, content.size());   // size
    writeOctal(header, 136, 12, 1715698131);       // mtime: fixed, for stable digests
    header.replace(148, 8, QByteArray(8, ' '));    // checksum counts as spaces
    header[156] = '0';                             // regular file
    header.replace(257, 6, QByteArray("ustar\0", 6));
    header.replace(263, 2, "00");
    quint32 sum = 0;
    for (const char byte : std::as_const(header))
        sum += quint8(byte);
    writeOctal(header, 148, 7, sum);
    header[155] = ' ';

    QByteArray tar = header + content;
    tar.append(QByteArray((512 - content.size() % 512) % 512, '\0'));
    tar.append(QByteArray(1024, '\0'));
    return tar;
}

QByteArray OciLayout::gzipStored(const QByteArray &data)
{
    // RFC 1952 header (no name, mtime 0, OS unix), RFC 1951 stored blocks of
    // at most 65535 bytes, then CRC-32 and size, little-endian.
    QByteArray out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
    qsizetype offset = 0;
    do {
        const qsizetype length = qMin<qsizetype>(65535, data.size() - offset);
        const bool last = offset + length == data.size();
        out.append(char(last ? 1 : 0));
        out.append(char(length & 0xFF)).append(char(length >> 8));
        out.append(char(~length & 0xFF)).append(char((~length >> 8) & 0xFF));
        out.append(data.constData() + offset, length);
        offset += length;
    } while (offset < data.size());
    appendLe32(out, crc32(data));
    appendLe32(out, quint32(data.size()));
    return out;
}

} // namespace kai::test
