#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace kai::test {

// One blob of a layout, as a descriptor names it.
struct OciBlob
{
    QString mediaType;
    QString digest;      // "sha256:<hex>"; empty when writing it failed
    qint64 size = 0;

    QJsonObject descriptor() const;
};

// An OCI image layout (image-spec "image-layout.md") written by hand, so the
// end-to-end tests need no network and no image tool: `oci-layout`,
// `index.json` and `blobs/sha256/<hex>`. skopeo and podman read it as
// `oci:DIR:TAG`.
//
// Layers are real tar archives (ustar, one regular file) wrapped in gzip
// with "stored" deflate blocks: valid tar+gzip that any client unpacks, and
// the same input always gives the same digests. Every manifest and config
// is written once as compact JSON; its digest is the sha256 of exactly the
// bytes written, which is what a registry must hand back unchanged.
//
// Errors are sticky: check ok() after building (a test then fails with
// error()).
class OciLayout
{
public:
    explicit OciLayout(QString path);

    QString path() const { return m_path; }
    // "oci:<path>:<tag>", the reference skopeo and podman take.
    QString reference(const QString &tag) const;
    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }

    OciBlob writeBlob(const QByteArray &content, const QString &mediaType);

    // A runnable-looking single-layer image for `os/architecture`: the layer
    // holds one file `hello.txt` with `fileContent`; the config carries the
    // layer's diff_id (podman verifies it when it unpacks). Non-empty
    // `annotations` become the manifest's `annotations` (for all three).
    OciBlob addImage(const QString &architecture, const QByteArray &fileContent, const QJsonObject &annotations = {});
    // An image index over images made by addImage (each with its platform).
    OciBlob addIndex(const QList<QPair<QString, OciBlob>> &architectureAndManifest,
                     const QJsonObject &annotations = {});
    // An artifact manifest: config of `configMediaType` holding `config`,
    // one layer of `layerMediaType`, and `artifactType` when not empty.
    OciBlob addArtifact(const QString &configMediaType, const QByteArray &config, const QString &layerMediaType,
                        const QByteArray &layer, const QString &artifactType = {},
                        const QJsonObject &annotations = {});

    // Points `tag` at a manifest or index in index.json (rewritten).
    void tag(const QString &tag, const OciBlob &manifest);

    // The digest index.json of the layout at `path` gives `tag` (e.g. a
    // layout skopeo wrote); empty when there is none.
    static QString digestOfTag(const QString &path, const QString &tag);
    // The bytes of blob `digest` in the layout at `path`; empty if missing.
    static QByteArray readBlob(const QString &path, const QString &digest);

    // Building blocks, public for the crash test's small image.
    static QByteArray tarWithFile(const QString &name, const QByteArray &content);
    static QByteArray gzipStored(const QByteArray &data);

private:
    void fail(const QString &message);

    QString m_path;
    QString m_error;
    QList<QJsonObject> m_tags;
};

} // namespace kai::test
